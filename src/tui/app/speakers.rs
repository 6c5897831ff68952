//! The speakers view and the quotes of one speaker.

use super::App;
use crate::text::fold::fold;

impl App {
    /// The speaker selected in the speakers view: name, quotes, articles.
    pub fn selected_speaker(&self) -> Option<&(String, usize, usize)> {
        self.speaker_rows.get(self.speaker_sel).and_then(|&i| self.speakers.get(i))
    }

    /// The quotes of the speaker selected in the speakers view.
    pub fn speaker_list(&self) -> Vec<(usize, usize)> {
        self.selected_speaker().and_then(|(n, _, _)| self.speaker_quotes.get(n)).cloned().unwrap_or_default()
    }

    /// Shows the speakers whose name holds every word of `query` (folded: `zelensk` finds
    /// `Volodymyr Zelensky`), in their order by quotes; the selection on the first.
    pub(super) fn filter_speakers(&mut self, query: String) {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        self.speaker_rows = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, (name, _, _))| {
                let name = fold(name);
                words.iter().all(|w| name.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        self.speaker_query = query;
        self.speaker_sel = 0;
    }
}
