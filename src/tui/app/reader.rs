//! The reading view: quotes of one speaker across articles, entities, search.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::split::sync_other;
use super::{App, Jump, View};
use crate::tui::pane::Pane;

impl App {
    pub(super) fn open_article(&mut self, article: usize, quote: Option<usize>) {
        self.reader.jumps.clear();
        self.reader.selected_entity = None;
        self.search.clear();
        self.current_match = None;
        self.reader.current_quote = quote.map(|q| (article, q));
        self.reader.pane = Some(Pane { article, ..Pane::default() });
        self.push(View::Reader);
        self.rebuild();
        if let Some(q) = quote {
            self.show_quote(article, q);
        }
    }

    pub(super) fn show_quote(&mut self, article: usize, qi: usize) {
        let Some(a) = self.analysis.clone() else { return };
        let Some(q) = a.articles.get(article).and_then(|x| x.quotes.get(qi)) else { return };
        self.reader.current_quote = Some((article, qi));
        self.rebuild();
        let h = self.text_height();
        if let Some(p) = &mut self.reader.pane {
            p.scroll_to(q.at.paragraph(), q.at.start(), h);
        }
        if let Some(sp) = &q.speaker {
            let list = self.speakers.quotes_of.get(&**sp).cloned().unwrap_or_default();
            let pos = list.iter().position(|&x| x == (article, qi)).map_or(0, |p| p + 1);
            // the cue the attribution rests on, so that it can be checked (`‹Ana Lima› said`)
            let cue = q.cue.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
            self.status = format!("quote {pos}/{} · ‹{sp}›{cue}", list.len());
        } else {
            self.status = "quote · speaker unknown".into();
        }
    }

    pub(super) fn speaker_step(&mut self, forward: bool) {
        let Some(a) = self.analysis.clone() else {
            self.status = "analysing…".into();
            return;
        };
        let Some(p) = &self.reader.pane else { return };
        let article = p.article;
        let quotes = &a.articles[article].quotes;
        // the current quote, else the first attributed quote from the top of the view
        let current = self.reader.current_quote.filter(|c| c.0 == article).or_else(|| {
            let (tp, tb) = p.top();
            quotes
                .iter()
                .position(|q| q.speaker.is_some() && (q.at.paragraph(), q.at.end()) >= (tp, tb))
                .map(|qi| (article, qi))
        });
        let Some((ca, cq)) = current else {
            self.status = "no attributed quote in this article".into();
            return;
        };
        let Some(sp) = a.articles[ca].quotes[cq].speaker.clone() else {
            self.status = "this quote has no speaker".into();
            return;
        };
        let list = self.speakers.quotes_of.get(&*sp).cloned().unwrap_or_default();
        let Some(pos) = list.iter().position(|&x| x == (ca, cq)) else { return };
        let target = if self.reader.current_quote.is_none() {
            Some(pos)
        } else if forward {
            (pos + 1 < list.len()).then_some(pos + 1)
        } else {
            pos.checked_sub(1)
        };
        match target {
            Some(t) => {
                let (ta, tq) = list[t];
                if ta != article {
                    // where the reader was, for Ctrl-o
                    let scroll = self.reader.pane.as_ref().map_or(0, |p| p.scroll);
                    self.reader.jumps.push(Jump { article, scroll, quote: self.reader.current_quote });
                    self.reader.pane = Some(Pane { article: ta, ..Pane::default() });
                    self.reader.selected_entity = None;
                    self.search.clear();
                }
                self.show_quote(ta, tq);
            }
            None => {
                self.status =
                    format!("{} quote of {sp} ({}/{})", if forward { "last" } else { "first" }, pos + 1, list.len());
            }
        }
    }

    pub(super) fn next_entity(&mut self) {
        let Some(a) = self.analysis.clone() else { return };
        let Some(p) = &self.reader.pane else { return };
        let aa = &a.articles[p.article];
        let mut names: Vec<(&str, usize)> = Vec::new();
        for m in &aa.mentions {
            match names.iter_mut().find(|(n, _)| **n == *m.entity) {
                Some(x) => x.1 += 1,
                None => names.push((&*m.entity, 1)),
            }
        }
        names.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        if names.is_empty() {
            return;
        }
        let next = match &self.reader.selected_entity {
            Some(cur) => names.iter().position(|(n, _)| n == cur).map_or(0, |i| (i + 1) % names.len()),
            None => 0,
        };
        let (name, count) = names[next];
        self.reader.selected_entity = Some(name.to_string());
        let kind = self.kinds.get(name).map_or("", |k| k.as_str());
        self.status = format!(
            "{name} ({kind}) · {count} mentions here · {} articles",
            a.entity(name).map_or(0, |e| e.articles.len())
        );
        self.rebuild();
    }

    pub(super) fn search_step(&mut self, forward: bool) {
        if self.view == View::Split {
            return self.search_step_split(forward);
        }
        let h = self.text_height();
        let pane = match self.view {
            View::Reader => self.reader.pane.as_ref(),
            View::Split => self.split.as_ref().map(|s| &s.panes[s.focus]),
            _ => None,
        };
        let Some(p) = pane else { return };
        let n = p.matches.len();
        if self.search.is_empty() {
            return;
        }
        if n == 0 {
            self.status = format!("no match for '{}'", self.search);
            return;
        }
        let next = match self.current_match {
            None => {
                let top = p.top();
                p.matches.iter().position(|m| (m.0, m.1) >= top).unwrap_or(0)
            }
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
        };
        self.current_match = Some(next);
        self.rebuild();
        let status = format!("{}/{} · '{}'", next + 1, n, self.search);
        let pane = match self.view {
            View::Reader => self.reader.pane.as_mut(),
            View::Split => self.split.as_mut().map(|s| &mut s.panes[s.focus]),
            _ => None,
        };
        if let Some(p) = pane {
            let (mp, mb, _) = p.matches[next];
            p.scroll_to(mp, mb, h);
        }
        if let Some(s) = &mut self.split
            && s.sync
            && self.view == View::Split
        {
            sync_other(s, h);
        }
        self.status = status;
    }

    /// `n` / `N` in the comparison: through the matches of both panes, the left's first;
    /// the pane holding the match takes the focus.
    fn search_step_split(&mut self, forward: bool) {
        let h = self.text_height();
        let Some(s) = &self.split else { return };
        if self.search.is_empty() {
            return;
        }
        let left = s.panes[0].matches.len();
        let n = left + s.panes[1].matches.len();
        if n == 0 {
            self.status = format!("no match for '{}' in either report", self.search);
            return;
        }
        let next = match self.current_match {
            // the first match from the focused pane's top, else the first of all
            None => {
                let p = &s.panes[s.focus];
                let top = p.top();
                let from = if s.focus == 0 { 0 } else { left };
                p.matches.iter().position(|m| (m.0, m.1) >= top).map_or(0, |i| from + i)
            }
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
        };
        self.current_match = Some(next);
        self.rebuild();
        let Some(s) = &mut self.split else { return };
        let (side, local) = if next < left { (0, next) } else { (1, next - left) };
        s.focus = side;
        if let Some(&(mp, mb, _)) = s.panes[side].matches.get(local) {
            s.panes[side].scroll_to(mp, mb, h);
        }
        if s.sync {
            sync_other(s, h);
        }
        let pane = if side == 0 { "left" } else { "right" };
        self.status = format!("{}/{n} · '{}' · {pane}", next + 1, self.search);
    }

    /// Back to where the reader was before `]` / `[` crossed into another article.
    pub(super) fn jump_back(&mut self) {
        let Some(Jump { article, scroll, quote }) = self.reader.jumps.pop() else {
            self.status = "no earlier place to go back to".into();
            return;
        };
        self.reader.selected_entity = None;
        self.search.clear();
        self.current_match = None;
        self.reader.current_quote = quote;
        self.reader.pane = Some(Pane { article, ..Pane::default() });
        self.rebuild();
        let h = self.text_height();
        if let Some(p) = &mut self.reader.pane {
            p.scroll = scroll.min(p.max_scroll(h));
        }
        let title = self.corpus.articles.get(article).map_or("", |a| a.title.as_str());
        self.status = format!("back to {}", crate::text::width::truncate(title, 60));
    }
}
