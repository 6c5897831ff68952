//! diptych: read and compare news reports in the terminal.
//!
//! Data flows one way: files → [`corpus`] → [`analysis`] → [`compare`] → [`tui`] → screen.
//! The command line ([`cli`]) and the reader ([`tui`]) are thin front ends over the same results,
//! each opening a [`session`]; the binary chooses one, and neither imports the other.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod compare;
pub mod config;
pub mod contain;
pub mod corpus;
pub mod error;
pub mod files;
pub mod generate;
pub mod session;
pub mod text;
pub mod tui;
pub mod warning;

pub use error::{Error, Result};
pub use warning::Warning;
