//! A figure as found, and the sentence it is found in.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use crate::analysis::doc::Para;
use crate::analysis::model::{FigureKind, Hedge, Value};
use std::borrow::Cow;

/// A figure as found, before its frame is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Its tokens, `first..last`.
    pub first: usize,
    pub last: usize,
    pub kind: FigureKind,
    pub value: Value,
    /// The unit the contract reports: a currency code, a unit's name, `%`, a duration's unit,
    /// or the counted noun as written (`soldiers`).
    pub unit: Option<String>,
    /// The counted noun's tokens (`homes and businesses`), when it has one.
    pub noun: Option<(usize, usize)>,
    /// Where the words after the figure and its noun begin.
    pub after: usize,
    /// What its own wording says of its bounds (`dozens of`, `between ... and`).
    pub hedge: Hedge,
    /// The upper end of a range.
    pub high: Option<f64>,
    /// How finely it is written, in its unit.
    pub step: f64,
    /// A time in a named zone (`0400 GMT`).
    pub zone: bool,
}

impl Found {
    pub fn new(first: usize, last: usize, kind: FigureKind, value: Value) -> Found {
        Found {
            first,
            last,
            kind,
            value,
            unit: None,
            noun: None,
            after: last,
            hedge: Hedge::Exact,
            high: None,
            step: 0.0,
            zone: false,
        }
    }

    pub(super) fn unit(mut self, u: impl Into<String>) -> Found {
        self.unit = Some(u.into());
        self
    }

    pub(super) fn step(mut self, s: f64) -> Found {
        self.step = s;
        self
    }
}

/// A paragraph's tokens within one sentence, read as words.
pub struct Reader<'p, 'a> {
    pub para: &'p Para<'a>,
    /// One past the sentence's last token.
    pub end: usize,
    pub start: usize,
}

impl<'p, 'a> Reader<'p, 'a> {
    pub fn w(&self, k: usize) -> &'a str {
        if k < self.end { self.para.word(k) } else { "" }
    }

    /// Token `k` in lower case (empty past the sentence).
    pub fn l(&self, k: usize) -> Cow<'p, str> {
        if k < self.end { self.para.lower(k) } else { Cow::Borrowed("") }
    }

    pub fn is(&self, k: usize, word: &str) -> bool {
        k < self.end && self.para.lower(k) == word
    }

    pub fn is_word(&self, k: usize) -> bool {
        k < self.end && self.para.tokens[k].word
    }

    /// Whether tokens `a` and `b` touch (`$` `4.5bn`, `4` `%`).
    pub fn glued(&self, a: usize, b: usize) -> bool {
        b < self.end && self.para.tokens[a].end() == self.para.tokens[b].start
    }
}
