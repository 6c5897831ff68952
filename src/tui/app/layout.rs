//! The open panes laid out again from the state: after a resize, a new highlight or the
//! analysis.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::{App, View};
use crate::tui::pane::{self, Marks};
use std::collections::HashMap;

impl App {
    /// Lays out the open panes again (after a resize, a new highlight or the analysis).
    pub fn rebuild(&mut self) {
        self.rebuild_reader();
        self.rebuild_split();
    }

    fn rebuild_reader(&mut self) {
        let theme = self.theme.clone();
        let current_conflict = self.reader_conflict_at();
        if let Some(old) = self.reader.pane.take() {
            let i = old.article;
            let aa = self.analysis.as_ref().and_then(|a| a.articles.get(i));
            let marks = Marks {
                selected_entity: self.reader.selected_entity.as_deref(),
                conflicts: self.conflict_spans.get(i).cloned().unwrap_or_default(),
                current_conflict,
                search: (self.view == View::Reader && !self.search.is_empty()).then_some(self.search.as_str()),
                current_match: self.current_match.and_then(|m| old.matches.get(m)).map(|m| (m.0, m.1)),
                current_quote: self
                    .reader
                    .current_quote
                    .filter(|q| q.0 == i)
                    .and_then(|(_, qi)| aa.and_then(|a| a.quotes.get(qi)))
                    .map(|q| (q.at.paragraph(), q.at.start())),
                ..Marks::default()
            };
            let top = old.top();
            let mut p = pane::build(i, &self.corpus.articles[i], aa, &self.kinds, &marks, &theme, self.reader_width());
            p.scroll =
                if old.lines.is_empty() { 0 } else { p.line_of(top.0, top.1).min(p.max_scroll(self.text_height())) };
            self.reader.pane = Some(p);
        }
    }

    fn rebuild_split(&mut self) {
        let theme = self.theme.clone();
        let empty = HashMap::new();
        if let Some(mut s) = self.split.take() {
            let ids = [s.comparison.left.clone(), s.comparison.right.clone()];
            let left_matches = s.panes[0].matches.len();
            for (side, id) in ids.iter().enumerate() {
                let old = std::mem::take(&mut s.panes[side]);
                let i = old.article;
                let aa = self.analysis.as_ref().and_then(|a| a.articles.get(i));
                let mut conflicts = Vec::new();
                let mut current = Vec::new();
                for (ci, c) in s.comparison.conflicts.iter().enumerate() {
                    for f in [&c.a, &c.b] {
                        if *f.at.article == **id {
                            conflicts.push((f.at.paragraph(), f.at.start(), f.at.end()));
                            if s.conflict == Some(ci) {
                                current.push((f.at.paragraph(), f.at.start()));
                            }
                        }
                    }
                }
                let shared_quotes = s
                    .comparison
                    .shared_quotes
                    .iter()
                    .map(|q| {
                        if side == 0 {
                            (q.left.at.paragraph(), q.left.at.start())
                        } else {
                            (q.right.at.paragraph(), q.right.at.start())
                        }
                    })
                    .collect();
                let marks = Marks {
                    shared: Some(&s.colors),
                    // the shared entity visited with `e`, highlighted in both panes
                    selected_entity: s
                        .entity
                        .and_then(|e| s.comparison.shared_entities.get(e))
                        .map(|e| e.name.as_str()),
                    conflicts,
                    current_conflict: current,
                    shared_quotes,
                    // the search covers both panes: its matches count the left's first
                    search: (!self.search.is_empty()).then_some(self.search.as_str()),
                    current_match: match side {
                        0 => self.current_match.filter(|&m| m < left_matches),
                        _ => self.current_match.and_then(|m| m.checked_sub(left_matches)),
                    }
                    .and_then(|m| old.matches.get(m))
                    .map(|m| (m.0, m.1)),
                    ..Marks::default()
                };
                let top = old.top();
                let mut p = pane::build(i, &self.corpus.articles[i], aa, &empty, &marks, &theme, self.pane_width());
                p.scroll = if old.lines.is_empty() {
                    0
                } else {
                    p.line_of(top.0, top.1).min(p.max_scroll(self.text_height()))
                };
                s.panes[side] = p;
            }
            self.split = Some(s);
        }
    }
}
