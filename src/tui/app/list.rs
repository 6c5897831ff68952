//! The article list: the filter's rows, marks for comparison, opening.

use super::sort::Sort;
use super::{App, View};
use crate::corpus::Article;

impl App {
    /// The rows again for the filter as it now stands, in the chosen order, the selection
    /// kept on its article.
    pub fn refilter(&mut self) {
        let keep = self.rows.get(self.selected).copied();
        self.filter.extend(&self.corpus.articles);
        let current = std::mem::take(&mut self.rows);
        self.rows = self.filter.rows(self.corpus.articles.len(), current);
        self.sort_rows();
        self.selected = keep.and_then(|k| self.rows.iter().position(|&r| r == k)).unwrap_or(0);
    }

    /// Orders the rows by the chosen key; ties keep the filter's (or the corpus's) order.
    fn sort_rows(&mut self) {
        let articles = &self.corpus.articles;
        let stats = &self.stats;
        match self.sort {
            Sort::Corpus => {}
            Sort::Date => self.rows.sort_by_key(|&i| std::cmp::Reverse(articles.get(i).and_then(|a| a.date))),
            // each key made once a sort, not once a comparison; articles without a source last
            Sort::Source => self.rows.sort_by_cached_key(|&i| {
                let source = articles.get(i).and_then(|a| a.source.as_deref());
                (source.is_none(), source.map(str::to_lowercase))
            }),
            Sort::Words => {
                // counted once an article: a filter key would count them all again
                let counted = self.word_counts.len();
                self.word_counts.extend(articles.iter().skip(counted).map(Article::words));
                let words = &self.word_counts;
                self.rows.sort_by_key(|&i| std::cmp::Reverse(words.get(i).copied().unwrap_or(0)));
            }
            Sort::Conflicts => self.rows.sort_by_key(|&i| std::cmp::Reverse(stats.get(i).map_or(0, |s| s.conflicts))),
        }
    }

    pub(super) fn sort_next(&mut self) {
        self.sort = self.sort.next();
        self.refilter();
        self.status = format!("sorted by {}", self.sort.name());
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
                self.quote_query.clear();
                self.push(View::SpeakerQuotes);
            }
            View::SpeakerQuotes => {
                if let Some((a, q)) = self.speaker_list().get(self.speaker_quote_sel).copied() {
                    self.open_article(a, Some(q));
                }
            }
            View::Conflicts => {
                if let Some(c) = self.conflict_list.selected() {
                    self.open_conflict(c);
                }
            }
            View::Reader => match self.reader_conflict {
                Some(c) => self.open_conflict(c),
                None => {
                    let key = self.keymap.key_for(View::Reader, crate::tui::action::Command::NextConflict);
                    self.status = format!("{key} selects a conflicting figure; Enter then compares it");
                }
            },
            _ => {}
        }
    }
}
