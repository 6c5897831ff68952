//! The comparison's own state: two panes, which has focus, the comparison shown and where
//! in its conflicts and shared entities the user is.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use crate::compare::Comparison;
use crate::tui::pane::Pane;
use std::collections::HashMap;

pub struct Split {
    pub panes: [Pane; 2],
    pub focus: usize,
    pub sync: bool,
    pub comparison: Comparison,
    pub colors: HashMap<String, usize>,
    pub conflict: Option<usize>,
    pub entity: Option<usize>,
}

/// Scrolls the pane without focus so that the paragraph aligned with the focused pane's top
/// paragraph stands at the same height.
pub(crate) fn sync_other(s: &mut Split, h: usize) {
    let f = s.focus;
    let o = 1 - f;
    let (tp, _) = s.panes[f].top();
    let offset = s.panes[f].scroll.saturating_sub(s.panes[f].line_of(tp, 0));
    let target = if f == 0 {
        s.comparison.alignment.get(tp).and_then(|a| a.right_paragraph)
    } else {
        s.comparison
            .alignment
            .iter()
            .filter(|a| a.right_paragraph == Some(tp))
            .max_by(|x, y| x.score.total_cmp(&y.score))
            .map(|a| a.left_paragraph)
    };
    let other = &mut s.panes[o];
    if let Some(t) = target {
        // stay inside the aligned paragraph even when it is shorter than the focused one
        let start = other.line_of(t, 0);
        let len = other.line_pos.iter().filter(|(p, _)| *p == t).count().max(1);
        other.scroll = (start + offset.min(len - 1)).min(other.max_scroll(h));
    } else if s.panes[f].scroll == 0 {
        s.panes[o].scroll = 0;
    }
}
