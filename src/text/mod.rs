//! Small text utilities shared by the corpus reader and the analysis: folding keys,
//! date parsing, calendar arithmetic. Pure functions only.

pub mod date;
pub mod fold;
pub mod lower;
pub mod sentences;
