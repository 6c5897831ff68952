//! The warnings view's state.

use crate::warning::Warning;

#[derive(Default)]
pub struct WarningList {
    /// Everything odd to tell the user (the config's, the keys', the files', the analysis's).
    pub all: Vec<Warning>,
    pub sel: usize,
}
