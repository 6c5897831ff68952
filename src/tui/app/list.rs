//! The article list: the filter's rows, marks for comparison, opening.

use super::{App, View};

impl App {
    /// The rows again for the filter as it now stands, the selection kept on its article.
    pub fn refilter(&mut self) {
        let keep = self.rows.get(self.selected).copied();
        self.filter.extend(&self.corpus.articles);
        let current = std::mem::take(&mut self.rows);
        self.rows = self.filter.rows(self.corpus.articles.len(), current);
        self.selected = keep.and_then(|k| self.rows.iter().position(|&r| r == k)).unwrap_or(0);
    }

    /// The letters of each listed article's title that the filter matched.
    pub fn title_hits(&self, articles: &[usize]) -> Vec<Vec<usize>> {
        self.filter.title_hits(&self.corpus.articles, articles)
    }

    pub(super) fn mark(&mut self) {
        let Some(&i) = self.rows.get(self.selected) else { return };
        if let Some(p) = self.marked.iter().position(|&m| m == i) {
            self.marked.remove(p);
        } else {
            if self.marked.len() == 2 {
                self.marked.remove(0);
            }
            self.marked.push(i);
        }
        self.status = format!("{} marked", self.marked.len());
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
        }
    }

    pub(super) fn open(&mut self) {
        match self.view {
            View::List => {
                if let Some(&i) = self.rows.get(self.selected) {
                    self.open_article(i, None);
                }
            }
            View::Speakers if !self.speaker_rows.is_empty() => {
                self.speaker_quote_sel = 0;
                self.push(View::SpeakerQuotes);
            }
            View::SpeakerQuotes => {
                if let Some((a, q)) = self.speaker_list().get(self.speaker_quote_sel).copied() {
                    self.open_article(a, Some(q));
                }
            }
            _ => {}
        }
    }
}
