//! An article prepared for analysis: each paragraph's tokens and sentences.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use super::layout::{Layout, layouts};
use super::tokens::{Token, tokenize};
use crate::text::sentences::sentence_spans;

pub struct Para<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Token index ranges of the sentences, in order.
    pub sentences: Vec<(usize, usize)>,
    /// Prose, a title-case line (capitalised words there are weak evidence) or a table row.
    pub layout: Layout,
    /// The paragraph in lower case, when that keeps every byte offset (almost always).
    lower_text: Option<String>,
}

pub struct Doc<'a> {
    pub paras: Vec<Para<'a>>,
}

impl<'a> Doc<'a> {
    pub fn new(paragraphs: &'a [String]) -> Doc<'a> {
        let mut paras: Vec<Para> = paragraphs.iter().map(|p| Para::new(p)).collect();
        let found = {
            let shapes: Vec<(&str, &[Token])> = paras.iter().map(|p| (p.text, p.tokens.as_slice())).collect();
            layouts(&shapes)
        };
        for (p, l) in paras.iter_mut().zip(found) {
            p.layout = l;
        }
        Doc { paras }
    }
}

/// The most tokens a sentence holds; a longer run is cut into pieces of this size.
pub const MAX_SENTENCE_TOKENS: usize = 256;

impl<'a> Para<'a> {
    pub fn new(text: &'a str) -> Para<'a> {
        let mut tokens = tokenize(text);
        // every article's tokens live until its last pass: no spare capacity
        tokens.shrink_to_fit();
        let mut sentences = Vec::new();
        let mut k = 0;
        for (_, e) in sentence_spans(text) {
            let start = k;
            while k < tokens.len() && (tokens[k].start as usize) < e {
                k += 1;
            }
            if k > start {
                sentences.push((start, k));
            }
        }
        if k < tokens.len() {
            sentences.push((k, tokens.len()));
        }
        // a "sentence" longer than any written one (a table, a list without full stops) is
        // cut: every per-sentence rule is then bounded, whatever the input
        if sentences.iter().any(|(a, b)| b - a > MAX_SENTENCE_TOKENS) {
            sentences = sentences
                .into_iter()
                .flat_map(|(a, b)| {
                    (a..b).step_by(MAX_SENTENCE_TOKENS).map(move |x| (x, (x + MAX_SENTENCE_TOKENS).min(b)))
                })
                .collect();
        }
        sentences.shrink_to_fit();
        // set by the article (see `Doc::new`): a row is known from its neighbours
        let layout = Layout::Prose;
        let lower_text = crate::text::lower::lower_keeping_offsets(text);
        Para { text, tokens, sentences, layout, lower_text }
    }

    /// Token `i` in lower case, without allocating where possible.
    #[inline]
    pub fn lower(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let t = self.tokens[i];
        match &self.lower_text {
            Some(l) => std::borrow::Cow::Borrowed(&l[t.start as usize..t.end() as usize]),
            None => std::borrow::Cow::Owned(lower_case(t.text(self.text))),
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        // sentences are in order: a binary search, as a long paragraph has many
        let k = self.sentences.partition_point(|&(a, _)| a <= i);
        match k.checked_sub(1) {
            Some(s) if i < self.sentences[s].1 => s,
            _ => 0,
        }
    }

    /// The sentence holding byte offset `b`.
    pub fn sentence_at_byte(&self, b: usize) -> usize {
        let i = self.tokens.partition_point(|t| t.end() as usize <= b).min(self.tokens.len().saturating_sub(1));
        self.sentence_of(i)
    }
}

/// A token of a paragraph whose lower case changes its length (rare): out of line, so the
/// common path of [`Para::lower`] stays small enough to inline.
#[cold]
#[inline(never)]
fn lower_case(word: &str) -> String {
    word.to_lowercase()
}
