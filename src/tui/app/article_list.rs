//! The article list's state (its updates are in `list`).

use super::sort::Sort;
use crate::tui::filter::Filter;

/// The article list's state: the filter, the rows it lets through in the chosen order, the
/// selection and the articles marked for comparison.
#[derive(Default)]
pub struct ArticleList {
    pub filter: Filter,
    /// Visible rows: the articles' indices, best match first.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub marked: Vec<usize>,
    pub sort: Sort,
    /// Each article's words, counted the first time the list is ordered by them.
    pub(super) word_counts: Vec<usize>,
}
