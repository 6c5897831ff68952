//! The speakers view and the quotes of one speaker.

use super::App;
use crate::text::fold::fold;

impl App {
    /// The speaker selected in the speakers view: name, quotes, articles.
    pub fn selected_speaker(&self) -> Option<&(String, usize, usize)> {
        self.speakers.rows.get(self.speakers.sel).and_then(|&i| self.speakers.all.get(i))
    }

    /// The quotes of the speaker selected in the speakers view, those holding every word of
    /// the quotes' filter (in the quote, or its article's title or source).
    pub fn speaker_list(&self) -> Vec<(usize, usize)> {
        let all = self.selected_speaker().and_then(|(n, _, _)| self.speakers.quotes_of.get(n));
        let Some(all) = all else { return Vec::new() };
        let words: Vec<String> = self.speakers.quote_query.split_whitespace().map(fold).collect();
        if words.is_empty() {
            return all.clone();
        }
        let Some(an) = &self.analysis else { return all.clone() };
        all.iter()
            .copied()
            .filter(|&(ai, qi)| {
                let quote = an.articles.get(ai).and_then(|a| a.quotes.get(qi)).map_or("", |q| &*q.text);
                let article = self.corpus.articles.get(ai);
                let title = article.map_or("", |a| a.title.as_str());
                let source = article.and_then(|a| a.source.as_deref()).unwrap_or_default();
                let text = fold(&format!("{quote} {title} {source}"));
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .collect()
    }

    /// Shows the speakers whose name holds every word of `query` (folded: `zelensk` finds
    /// `Volodymyr Zelensky`), in their order by quotes; the selection on the first.
    pub(super) fn filter_speakers(&mut self, query: String) {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        self.speakers.rows = self
            .speakers
            .all
            .iter()
            .enumerate()
            .filter(|(_, (name, _, _))| {
                let name = fold(name);
                words.iter().all(|w| name.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        self.speakers.query = query;
        self.speakers.sel = 0;
    }
}
