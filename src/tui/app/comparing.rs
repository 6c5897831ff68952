//! Opening a comparison and moving through its conflicts and shared entities.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::split::Split;
use super::{App, View};
use crate::compare;
use crate::text::width::count;
use crate::tui::action::Command;
use crate::tui::pane::Pane;
use crate::tui::view::cycle;

impl App {
    pub(super) fn compare(&mut self) {
        let pair = match self.list.marked.as_slice() {
            [a, b] => Some((*a, *b)),
            [a] => self.list.rows.get(self.list.selected).copied().filter(|r| r != a).map(|r| (*a, r)),
            _ => {
                let cur = self.list.rows.get(self.list.selected).copied();
                let next = self.list.rows.get(self.list.selected + 1).copied();
                cur.zip(next)
            }
        };
        let Some((l, r)) = pair else {
            self.status =
                format!("mark two articles with {} to compare", self.keymap.key_for(View::List, Command::Mark));
            return;
        };
        if self.open_comparison(l, r) {
            let n = self.split.as_ref().map_or(0, |s| s.comparison.conflicts.len());
            let key = self.keymap.key_for(View::Split, Command::NextConflict);
            self.status = if n > 0 {
                let them = if n == 1 { "it" } else { "them" };
                format!("{}: {key} to visit {them}", count(n, "conflicting figure", None))
            } else {
                "no conflicting figures".into()
            };
        }
    }

    /// Opens the comparison of articles `l` and `r`; false (and a message) while analysing.
    fn open_comparison(&mut self, l: usize, r: usize) -> bool {
        let Some(analysis) = self.analysis.clone() else {
            let key = self.keymap.key_for(View::List, Command::Compare);
            self.status = format!("still analysing: press {key} again when the gauge is full");
            return false;
        };
        let comparison = compare::compare(&analysis, &self.corpus.articles[l], &self.corpus.articles[r]);
        let colors = comparison.shared_entities.iter().enumerate().map(|(i, e)| (e.name.clone(), i)).collect();
        self.split = Some(Split {
            panes: [Pane { article: l, ..Pane::default() }, Pane { article: r, ..Pane::default() }],
            focus: 0,
            sync: self.sync_default,
            comparison,
            colors,
            conflict: None,
            entity: None,
        });
        self.search.clear();
        self.current_match = None;
        self.push(View::Split);
        self.rebuild();
        true
    }

    /// Opens conflict `ci` of the corpus: the comparison of its two reports with both
    /// figures in view, or the reader at it when both stand in one report.
    pub(super) fn open_conflict(&mut self, ci: usize) {
        let Some(c) = self.conflict_list.all.get(ci).cloned() else { return };
        let [l, r] = c.articles;
        if l == r {
            if self.reader.pane.as_ref().is_none_or(|p| p.article != l) || self.view != View::Reader {
                self.open_article(l, None);
            }
            self.reader.conflict = Some(ci);
            self.show_reader_conflict();
            return;
        }
        if !self.open_comparison(l, r) {
            return;
        }
        let Some(s) = &mut self.split else { return };
        let same = |x: &crate::compare::Conflict| {
            let at = |f: &crate::analysis::Figure| (f.at.article.clone(), f.at.paragraph, f.at.start);
            let (a, b, ca, cb) = (at(&x.a), at(&x.b), at(&c.conflict.a), at(&c.conflict.b));
            (a == ca && b == cb) || (a == cb && b == ca)
        };
        let j = match s.comparison.conflicts.iter().position(same) {
            Some(j) => j,
            None => {
                // found across the corpus, not by the pair's own comparison: shown with it
                s.comparison.conflicts.push(c.conflict.clone());
                s.comparison.conflicts.len() - 1
            }
        };
        self.go_to_conflict(j);
    }

    /// `x` / `X`: the next or previous conflicting figure, in the comparison or the reader.
    pub(super) fn conflict_step(&mut self, forward: bool) {
        if self.view == View::Reader {
            return self.reader_conflict_step(forward);
        }
        let Some(s) = &mut self.split else { return };
        let n = s.comparison.conflicts.len();
        if n == 0 {
            self.status = "no conflicting figures between these reports".into();
            return;
        }
        let next = cycle(s.conflict, n, forward);
        self.go_to_conflict(next);
    }

    /// Shows conflict `j` of the comparison: both figures in view, explained in the footer.
    fn go_to_conflict(&mut self, j: usize) {
        let h = self.text_height();
        let Some(s) = &mut self.split else { return };
        let Some(c) = s.comparison.conflicts.get(j).cloned() else { return };
        s.conflict = Some(j);
        let ids = [s.comparison.left.clone(), s.comparison.right.clone()];
        self.rebuild();
        let Some(s) = &mut self.split else { return };
        for (p, id) in s.panes.iter_mut().zip(&ids) {
            let fig = [&c.a, &c.b].into_iter().find(|f| *f.at.article == **id);
            if let Some(f) = fig {
                p.scroll_to(f.at.paragraph(), f.at.start(), h);
            }
        }
        // the footer tells which conflict and why: the status line does not repeat it
        self.status.clear();
    }

    /// The other figure of the current conflict: its pane takes the focus and shows it (in
    /// a conflict inside one report, the pane moves between the two).
    pub(super) fn counterpart(&mut self) {
        let h = self.text_height();
        let Some(s) = &mut self.split else { return };
        let Some(c) = s.conflict.and_then(|j| s.comparison.conflicts.get(j)).cloned() else {
            let key = self.keymap.key_for(View::Split, Command::NextConflict);
            self.status = format!("no conflict selected: {key} selects one");
            return;
        };
        let other = 1 - s.focus;
        let a_left = *s.comparison.left == *c.a.at.article;
        let figure = if c.a.at.article != c.b.at.article {
            s.focus = other;
            if a_left == (other == 0) { &c.a } else { &c.b }
        } else {
            // both in the focused pane's report: to the one further from the view's top
            let p = &s.panes[s.focus];
            let top = p.top();
            let near_a = p.line_of(c.a.at.paragraph(), c.a.at.start()).abs_diff(p.line_of(top.0, top.1));
            let near_b = p.line_of(c.b.at.paragraph(), c.b.at.start()).abs_diff(p.line_of(top.0, top.1));
            if near_a > near_b { &c.a } else { &c.b }
        };
        let p = &mut s.panes[s.focus];
        p.scroll_to(figure.at.paragraph(), figure.at.start(), h);
        let side = if s.focus == 0 { "left" } else { "right" };
        self.status = format!("{side} ¶{}: {}", figure.at.paragraph + 1, figure.text);
    }

    /// `e` / `E`: the next or previous entity both reports mention, in both panes.
    pub(super) fn shared_entity_step(&mut self, forward: bool) {
        let h = self.text_height();
        let Some(a) = self.analysis.clone() else { return };
        let Some(s) = &mut self.split else { return };
        let n = s.comparison.shared_entities.len();
        if n == 0 {
            self.status = "no shared entities".into();
            return;
        }
        let next = cycle(s.entity, n, forward);
        s.entity = Some(next);
        let name = s.comparison.shared_entities[next].name.clone();
        self.rebuild();
        let Some(s) = &mut self.split else { return };
        for side in 0..2 {
            let p = &mut s.panes[side];
            let top = p.top();
            let mentions: Vec<(usize, usize)> = a.articles[p.article]
                .mentions
                .iter()
                .filter(|m| *m.entity == *name)
                .map(|m| (m.at.paragraph(), m.at.start()))
                .collect();
            let target = mentions.iter().find(|m| **m >= top).or(mentions.first());
            if let Some(&(mp, mb)) = target {
                p.scroll_to(mp, mb, h);
            }
        }
        let e = &s.comparison.shared_entities[next];
        self.status =
            format!("shared {}/{n} · {} ({}) · {} left, {} right", next + 1, e.name, e.kind.as_str(), e.left, e.right);
    }
}
