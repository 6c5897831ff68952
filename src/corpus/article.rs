//! One report as diptych knows it: metadata and paragraphs.

use crate::text::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub paragraphs: Vec<String>,
    /// Where it was read from (a file path, or `bundled:NAME`).
    pub path: String,
    /// A dateline that opened the first paragraph (`PARIS`), kept in the text but not the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
}

impl Article {
    pub fn words(&self) -> usize {
        self.paragraphs.iter().map(|p| count_words(p)).sum()
    }
}

/// Words separated by white space. For ASCII text, which is almost all of it, a word starts
/// wherever a space is followed by a non-space: pairs compared without a running state, so
/// the loop vectorises (it was a tenth of `list` at 100,000 articles).
pub fn count_words(p: &str) -> usize {
    if !p.is_ascii() {
        return p.split_whitespace().count();
    }
    let b = p.as_bytes();
    let space = |x: u8| x == b' ' || (9..=13).contains(&x);
    let Some(&first) = b.first() else { return 0 };
    let starts: usize = b.iter().zip(&b[1..]).map(|(&x, &y)| usize::from(space(x) & !space(y))).sum();
    usize::from(!space(first)) + starts
}

/// What a format parser extracts from one document before ids are assigned.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub paragraphs: Vec<String>,
    pub dateline: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn counts_words_as_split_whitespace_does() {
        let long = "word ".repeat(40) + "  split\tacross\nthe sixty-fourth byte " + &"x".repeat(70);
        for s in
            ["", "  ", "one", " two  words ", "a\tb\nc\u{0b}d", "naïve café\u{a0}crème", "x-y, z.", &long, &long[1..]]
        {
            assert_eq!(count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }
}
