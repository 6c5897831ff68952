//! The article list: the filter's rows, marks for comparison, opening.

use super::sort::Sort;
use super::{App, View};
use crate::corpus::Article;

impl App {
    /// The rows again for the filter as it now stands, in the chosen order, the selection
    /// kept on its article.
    pub fn refilter(&mut self) {
        let keep = self.list.rows.get(self.list.selected).copied();
        self.list.filter.extend(&self.corpus.articles);
        let current = std::mem::take(&mut self.list.rows);
        self.list.rows = self.list.filter.rows(self.corpus.articles.len(), current);
        self.sort_rows();
        self.list.selected = keep.and_then(|k| self.list.rows.iter().position(|&r| r == k)).unwrap_or(0);
    }

    /// Orders the rows by the chosen key; ties keep the filter's (or the corpus's) order.
    fn sort_rows(&mut self) {
        let articles = &self.corpus.articles;
        let stats = &self.stats;
        match self.list.sort {
            Sort::Corpus => {}
            Sort::Date => self.list.rows.sort_by_key(|&i| std::cmp::Reverse(articles.get(i).and_then(|a| a.date))),
            // each key made once a sort, not once a comparison; articles without a source last
            Sort::Source => self.list.rows.sort_by_cached_key(|&i| {
                let source = articles.get(i).and_then(|a| a.source.as_deref());
                (source.is_none(), source.map(str::to_lowercase))
            }),
            Sort::Words => {
                // counted once an article: a filter key would count them all again
                let counted = self.list.word_counts.len();
                self.list.word_counts.extend(articles.iter().skip(counted).map(Article::words));
                let words = &self.list.word_counts;
                self.list.rows.sort_by_key(|&i| std::cmp::Reverse(words.get(i).copied().unwrap_or(0)));
            }
            Sort::Conflicts => {
                self.list.rows.sort_by_key(|&i| std::cmp::Reverse(stats.get(i).map_or(0, |s| s.conflicts)))
            }
        }
    }

    pub(super) fn sort_next(&mut self) {
        self.list.sort = self.list.sort.next();
        self.refilter();
        self.status = format!("sorted by {}", self.list.sort.name());
    }

    /// The letters of each listed article's title that the filter matched.
    pub fn title_hits(&self, articles: &[usize]) -> Vec<Vec<usize>> {
        self.list.filter.title_hits(&self.corpus.articles, articles)
    }

    pub(super) fn mark(&mut self) {
        let Some(&i) = self.list.rows.get(self.list.selected) else { return };
        if let Some(p) = self.list.marked.iter().position(|&m| m == i) {
            self.list.marked.remove(p);
        } else {
            if self.list.marked.len() == 2 {
                self.list.marked.remove(0);
            }
            self.list.marked.push(i);
        }
        self.status = format!("{} marked", self.list.marked.len());
        if self.list.selected + 1 < self.list.rows.len() {
            self.list.selected += 1;
        }
    }

    pub(super) fn open(&mut self) {
        match self.view {
            View::List => {
                if let Some(&i) = self.list.rows.get(self.list.selected) {
                    self.open_article(i, None);
                }
            }
            View::Speakers if !self.speakers.rows.is_empty() => {
                self.speakers.quote_sel = 0;
                self.speakers.quote_query.clear();
                self.push(View::SpeakerQuotes);
            }
            View::SpeakerQuotes => {
                if let Some((a, q)) = self.speaker_list().get(self.speakers.quote_sel).copied() {
                    self.open_article(a, Some(q));
                }
            }
            View::Conflicts => {
                if let Some(c) = self.conflict_list.selected() {
                    self.open_conflict(c);
                }
            }
            View::Reader => match self.reader.conflict {
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
