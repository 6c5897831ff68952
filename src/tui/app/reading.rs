//! The reading view's state (its updates are in `reader`).

use crate::tui::pane::Pane;

/// The reading view's state: the article's pane and what the reader has picked out in it.
#[derive(Default)]
pub struct Reading {
    pub pane: Option<Pane>,
    /// The conflict visited with `x` / `X` (an index into `conflict_list.all`).
    pub conflict: Option<usize>,
    pub current_quote: Option<(usize, usize)>,
    /// Places the reader left when `]` / `[` crossed into another article.
    pub jumps: Vec<Jump>,
    pub selected_entity: Option<String>,
}

/// A place in the reader to go back to: the article, its scroll, the quote shown.
#[derive(Clone, Copy, Debug)]
pub struct Jump {
    pub article: usize,
    pub scroll: usize,
    pub quote: Option<(usize, usize)>,
}
