//! Articles read and the analysis made in the background, taken in as they come.

use super::{Analysed, App, Stats};
use std::sync::Arc;

impl App {
    pub(super) fn add_articles(&mut self, batch: crate::corpus::Loaded, done: usize, total: usize) {
        let crate::corpus::Loaded { corpus, warnings, fingerprint } = batch;
        self.background.fingerprint = fingerprint;
        if self.background.file_warnings.is_empty()
            && let Some(w) = warnings.first()
        {
            self.status = w.text();
        }
        self.warnings.all.extend(warnings.iter().cloned());
        self.background.file_warnings.extend(warnings);
        self.background.reading = Some((done, total));
        let n = corpus.articles.len();
        // room for every file at once: a list doubling its size on a large corpus holds a key
        // press back
        let more = total.saturating_sub(done) + n;
        // nothing else holds the corpus while it is read: this appends in place
        let articles = &mut Arc::make_mut(&mut self.corpus).articles;
        articles.reserve(more);
        articles.extend(corpus.articles);
        self.list.filter.reserve(more);
        self.list.rows.reserve(more);
        self.stats.reserve(more);
        self.conflict_spans.reserve(more);
        let len = self.corpus.articles.len();
        self.stats.resize(len, Stats::default());
        self.conflict_spans.resize(len, Vec::new());
        if n > 0 {
            // built as the files come in, so that the first key press does not wait for them
            self.list.filter.extend(&self.corpus.articles);
            if self.list.filter.is_empty() {
                self.list.rows.extend(len - n..len);
            } else {
                // the new titles that match the filter typed so far join below the others
                // (ranked with them once every file is read): a batch costs its own titles only
                let pool: Vec<usize> = (len - n..len).collect();
                let more = self.list.filter.matches(&pool);
                self.list.rows.extend(more);
                self.list.filter.forget_history();
            }
        }
    }

    pub(super) fn finish_loading(&mut self, ids: Vec<String>) {
        if crate::corpus::load::apply_ids(&mut Arc::make_mut(&mut self.corpus).articles, ids) {
            self.list.filter.reset(&self.corpus.articles);
            self.refilter();
        }
        self.background.reading = None;
        self.background.analysing = (0, self.corpus.articles.len() * 2);
        if !self.list.filter.is_empty() {
            // every title is there: rank the matches together
            self.list.filter.forget();
            self.refilter();
        }
        if self.background.file_warnings.len() > 1 {
            let n = self.background.file_warnings.len();
            let key = self.keymap.key_for(crate::tui::view::View::List, crate::tui::action::Command::Warnings);
            self.status =
                format!("{} skipped or repaired ({key} lists them)", crate::text::width::count(n, "file", None));
        }
    }

    // ---- analysis

    pub(super) fn set_analysis(&mut self, a: Analysed) {
        let Analysed { analysis, kinds, stats, speaker_quotes, speakers, conflict_spans, conflicts } = a;
        self.conflict_list = super::ConflictList::new(conflicts, &self.corpus);
        self.reader.conflict = None;
        self.kinds = kinds;
        self.stats = stats;
        self.speakers.quotes_of = speaker_quotes;
        self.speakers.all = speakers;
        let query = std::mem::take(&mut self.speakers.query);
        self.filter_speakers(query);
        self.conflict_spans = conflict_spans;
        // an article the analysis could not read is told too (a cached analysis's are the
        // files' warnings, already here)
        for w in &analysis.warnings {
            if !self.warnings.all.contains(w) {
                self.warnings.all.push(w.clone());
            }
        }
        self.analysis = Some(analysis);
        self.background.analysing = (self.background.analysing.1, self.background.analysing.1);
        if self.list.sort != super::Sort::Corpus {
            // the conflict counts came: the order by them too
            self.refilter();
        }
        self.rebuild();
    }
}
