//! The speakers view and the quotes of one speaker.

use super::App;

impl App {
    /// The quotes of the speaker selected in the speakers view.
    pub fn speaker_list(&self) -> Vec<(usize, usize)> {
        self.speakers
            .get(self.speaker_sel)
            .and_then(|(n, _, _)| self.speaker_quotes.get(n))
            .cloned()
            .unwrap_or_default()
    }
}
