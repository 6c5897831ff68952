//! A name candidate: its span, words and the evidence for its kind.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use crate::analysis::model::Kind;

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// In the gazetteer: the kind and the canonical name there.
    Lexicon(Kind, &'static str),
    /// Ends (or starts, for `Ministry of ...`) with an organisation or other head word.
    Head(Kind),
    /// Typed by its table row (`Northam 2 Kettleby 1`: Northam's club, not the city).
    Row(Kind),
    /// Nothing known about it but its capitals.
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Candidate {
    pub paragraph: usize,
    pub sentence: usize,
    /// First and one-past-last token index in the paragraph.
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The words of a name of several; empty for one word, which is `text` (most names:
    /// see `words()`).
    pub(super) more_words: Vec<String>,
    pub possessive: bool,
    pub role: Option<String>,
    pub source: Source,
    /// Country named before an organisation (`Russian Foreign Ministry`, `Russia's Foreign Ministry`).
    pub country: Option<&'static str>,
    pub person_cue: bool,
    pub place_cue: bool,
    /// A team's place in a table row (a name with its score).
    pub org_cue: bool,
    /// Found only in a title-case line: kept only if the name is known elsewhere.
    pub weak: bool,
    /// The first word of its sentence, where any word is capitalised.
    pub initial: bool,
    /// A speech verb right after it (`Malta said`): a person's or a body's act.
    pub speaks: bool,
}

impl Candidate {
    /// The name's words (one for most names: its text).
    pub fn words(&self) -> &[String] {
        if self.more_words.is_empty() { std::slice::from_ref(&self.text) } else { &self.more_words }
    }

    /// Words written in capitals (`FIVE PEOPLE`, `MARFO DELTA BANK`, `MURDER`): case says
    /// nothing about them, the corpus's lower-case words do (see the merge). A single word
    /// counts from five letters on: shorter ones are mostly acronyms (`NATO`, `AIDS`).
    pub fn is_shouted(&self) -> bool {
        let letters = |w: &String| w.chars().filter(|c| c.is_alphabetic()).count();
        // (a lower-case letter, mostly the second, rules a word out before any count)
        let capitals = |w: &String| !w.chars().any(char::is_lowercase) && letters(w) >= 2;
        match self.words() {
            [w] => capitals(w) && letters(w) >= 5,
            ws => {
                ws.iter().filter(|w| capitals(w)).count() >= 2 && !ws.iter().any(|w| w.chars().any(char::is_lowercase))
            }
        }
    }

    pub fn is_acronym(&self) -> bool {
        self.words().len() == 1 && {
            let w: String = self.words()[0].chars().filter(|c| *c != '.').collect();
            (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        }
    }
}
