//! What the words around a figure say of it.
use super::super::words::Counted;
use crate::analysis::model::{Hedge, When};

/// What the words around a figure say of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Read {
    pub hedge: Hedge,
    /// Where the hedging words start (the figure's text does not include them).
    pub hedge_from: Option<usize>,
    pub counted: Option<Counted>,
    pub event: Option<&'static str>,
    pub when: When,
    pub year: Option<i32>,
    pub part: bool,
    pub remaining: bool,
    pub day: Option<i32>,
}
