//! Opening a comparison and moving through its conflicts and shared entities.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::split::Split;
use super::{App, View};
use crate::compare;
use crate::text::width::count;
use crate::tui::action::Command;
use crate::tui::pane::Pane;

impl App {
    pub(super) fn compare(&mut self) {
        let pair = match self.marked.as_slice() {
            [a, b] => Some((*a, *b)),
            [a] => self.rows.get(self.selected).copied().filter(|r| r != a).map(|r| (*a, r)),
            _ => {
                let cur = self.rows.get(self.selected).copied();
                let next = self.rows.get(self.selected + 1).copied();
                cur.zip(next)
            }
        };
        let Some((l, r)) = pair else {
            self.status =
                format!("mark two articles with {} to compare", self.keymap.key_for(View::List, Command::Mark));
            return;
        };
        let Some(analysis) = self.analysis.clone() else {
            let key = self.keymap.key_for(View::List, Command::Compare);
            self.status = format!("still analysing: press {key} again when the gauge is full");
            return;
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
        let n = self.split.as_ref().map_or(0, |s| s.comparison.conflicts.len());
        let key = self.keymap.key_for(View::Split, Command::NextConflict);
        self.status = if n > 0 {
            format!("{}: {key} to visit {}", count(n, "conflicting figure", None), if n == 1 { "it" } else { "them" })
        } else {
            "no conflicting figures".into()
        };
    }

    pub(super) fn next_conflict(&mut self) {
        let h = self.text_height();
        let Some(s) = &mut self.split else { return };
        let n = s.comparison.conflicts.len();
        if n == 0 {
            self.status = "no conflicting figures between these reports".into();
            return;
        }
        let next = s.conflict.map_or(0, |c| (c + 1) % n);
        s.conflict = Some(next);
        let c = s.comparison.conflicts[next].clone();
        let ids = [s.comparison.left.clone(), s.comparison.right.clone()];
        self.rebuild();
        let Some(s) = &mut self.split else { return };
        for (p, id) in s.panes.iter_mut().zip(&ids) {
            let fig = [&c.a, &c.b].into_iter().find(|f| *f.article == **id);
            if let Some(f) = fig {
                p.scroll_to(f.paragraph as usize, f.start as usize, h);
            }
        }
        // the footer tells which conflict and why: the status line does not repeat it
        self.status.clear();
    }

    pub(super) fn next_shared_entity(&mut self) {
        let h = self.text_height();
        let Some(a) = self.analysis.clone() else { return };
        let Some(s) = &mut self.split else { return };
        let n = s.comparison.shared_entities.len();
        if n == 0 {
            self.status = "no shared entities".into();
            return;
        }
        let next = s.entity.map_or(0, |e| (e + 1) % n);
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
                .map(|m| (m.paragraph as usize, m.start as usize))
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

    /// The footer of the split view: the current (or first) conflict, explained.
    pub fn footer(&self) -> Option<String> {
        let s = self.split.as_ref()?;
        let n = s.comparison.conflicts.len();
        let i = s.conflict.unwrap_or(0);
        let c = s.comparison.conflicts.get(i)?;
        let short = |name: &Option<std::sync::Arc<str>>| {
            name.as_deref().map(|x| x.split_whitespace().last().unwrap_or(x).to_string())
        };
        let who = match (short(&c.a.claimed_by), short(&c.b.claimed_by)) {
            (None, None) => String::new(),
            (a, b) => format!(" · {} vs {}", a.unwrap_or_else(|| "?".into()), b.unwrap_or_else(|| "?".into())),
        };
        // where each figure stands (paragraphs counted from 1, as a reader counts them)
        let side = |article: &str| if article == &*s.comparison.left { "left" } else { "right" };
        let (pa, pb) = (c.a.paragraph + 1, c.b.paragraph + 1);
        let place = if c.a.article == c.b.article {
            // a conflict inside one report: both places are in it
            format!(" · {} ¶{pa} & ¶{pb}", side(&c.a.article))
        } else {
            format!(" · {} ¶{pa} · {} ¶{pb}", side(&c.a.article), side(&c.b.article))
        };
        Some(format!("conflict {}/{n}: {} vs {} {}{who}{place}", i + 1, c.a.text, c.b.text, c.measure))
    }
}
