//! What reading and analysing in the background have got to (their updates are in `loading`).

use crate::corpus::Fingerprint;
use crate::warning::Warning;

#[derive(Default)]
pub struct Background {
    /// Files read and files in all while the corpus is still being read.
    pub reading: Option<(usize, usize)>,
    /// Steps of the analysis done and in all.
    pub analysing: (usize, usize),
    /// What parsing the files said (files skipped or repaired), for the analysis cache.
    pub file_warnings: Vec<Warning>,
    /// The fingerprint of the files read (the analysis cache's key).
    pub fingerprint: Fingerprint,
}
