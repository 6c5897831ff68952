//! The speakers view's state (its updates are in `speakers`).

use std::collections::BTreeMap;

/// The speakers view's state and one speaker's quotes.
#[derive(Default)]
pub struct SpeakerList {
    /// Speakers by number of quotes: (name, quotes, articles).
    pub all: Vec<(String, usize, usize)>,
    /// Speaker → its quotes in corpus order: (article, quote index).
    pub quotes_of: BTreeMap<String, Vec<(usize, usize)>>,
    /// What the speakers are filtered by, and the visible ones (indices into `all`).
    pub query: String,
    pub rows: Vec<usize>,
    pub sel: usize,
    /// What one speaker's quotes are filtered by, and the one selected.
    pub quote_query: String,
    pub quote_sel: usize,
}
