//! What the reader asks of the world outside its state: the comparison exported as
//! Markdown, an article's file in the pager, its address in the browser. `update` only
//! names the effect; the event loop carries it out and tells the outcome back.

use super::{App, View};
use crate::tui::action::Effect;

/// An article id as a file name's part: letters, digits, `-` and `_`; the rest become `_`.
fn file_part(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(60).collect()
}

impl App {
    /// The article in view: the reader's, or the focused pane's in the comparison.
    fn article_in_view(&self) -> Option<usize> {
        match self.view {
            View::Reader => self.reader.pane.as_ref().map(|p| p.article),
            View::Split => self.split.as_ref().and_then(|s| s.panes.get(s.focus)).map(|p| p.article),
            View::List => self.list.rows.get(self.list.selected).copied(),
            _ => None,
        }
    }

    /// The comparison as Markdown (as `compare --markdown` writes it), to a file named after
    /// both reports in the working directory.
    pub(super) fn export(&mut self) {
        let Some(s) = &self.split else { return };
        let [l, r] = [s.panes[0].article, s.panes[1].article];
        let (Some(left), Some(right)) = (self.corpus.articles.get(l), self.corpus.articles.get(r)) else { return };
        let text = crate::compare::report::comparison(&s.comparison, left, right, true);
        let path = format!("diptych-{}-vs-{}.md", file_part(&left.id), file_part(&right.id));
        self.effect = Some(Effect::Write { path, text });
    }

    /// The article's file in `$PAGER`.
    pub(super) fn page(&mut self) {
        let Some(a) = self.article_in_view().and_then(|i| self.corpus.articles.get(i)) else { return };
        if a.path.starts_with("bundled:") || a.path.is_empty() {
            self.status = "a bundled report: there is no file to open".into();
            return;
        }
        self.effect = Some(Effect::Page(a.path.clone()));
    }

    /// The article's address in the browser, when its file names one.
    pub(super) fn browse(&mut self) {
        let Some(a) = self.article_in_view().and_then(|i| self.corpus.articles.get(i)) else { return };
        match &a.url {
            Some(url) => {
                self.effect = Some(Effect::Browse(url.clone()));
                self.status = format!("opening {url}");
            }
            None => self.status = "its file names no web address (url: in its header)".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::file_part;

    #[test]
    fn ids_become_safe_file_names() {
        assert_eq!(file_part("reuters/2024 a:b"), "reuters_2024_a_b");
        assert_eq!(file_part("../etc"), "___etc");
    }
}
