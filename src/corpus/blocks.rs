//! Paragraphs from blocks of lines: what plain text and Markdown share once their marks are
//! gone (header lines one by one, a wrapped paragraph joined), and what prose looks like.

use super::header::{is_header_line, word_count};

/// Blank-line separated blocks (wrapped lines joined by a space); one block a line when the
/// file has no blank lines at all.
pub(super) fn paragraphs(body: &str) -> Vec<String> {
    let trimmed = body.trim();
    let has_blank =
        memchr::memmem::find(trimmed.as_bytes(), b"\n\n").is_some() || trimmed.lines().any(|l| l.trim().is_empty());
    if !has_blank {
        return body.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    }
    // split at "\n\n" as `str::split` does (left to right, not overlapping), by memmem: the
    // generic substring search was a tenth of reading a plain-text file
    let mut out = Blocks::default();
    let mut from = 0;
    let ends = memchr::memmem::find_iter(body.as_bytes(), b"\n\n").chain(std::iter::once(body.len()));
    for end in ends {
        out.push(&body[from..end]);
        from = (end + 2).min(body.len());
    }
    out.lines
}

/// Blocks of lines made into the paragraphs a reader sees: a block of short header lines
/// stays one line each, any other block is one paragraph (its lines joined by a space).
#[derive(Default)]
pub(super) struct Blocks {
    pub lines: Vec<String>,
    /// Whether prose has come yet: above the first paragraph of prose, a block with a
    /// header line is a header's lines.
    prose: bool,
}

impl Blocks {
    pub(super) fn push(&mut self, block: &str) {
        let lines: smallvec::SmallVec<[&str; 4]> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        match lines.as_slice() {
            [] => {}
            [one] => self.lines.push((*one).to_string()),
            many if many.iter().all(|l| word_count(l) <= 14 && !l.ends_with('.'))
                || (!self.prose && many.iter().any(|l| is_header_line(l))) =>
            {
                self.lines.extend(many.iter().map(|l| (*l).to_string()));
            }
            many => self.lines.push(many.join(" ")),
        }
        // once prose has come it stays: the later blocks need not be read for it
        if !self.prose {
            self.prose = self.lines.last().is_some_and(|p| is_prose(p));
        }
    }
}

/// Prose: a real paragraph rather than a header line.
pub(super) fn is_prose(b: &str) -> bool {
    let ends_a_sentence = b.trim_end().ends_with(['.', '!', '?', '"', '”']);
    // a lead-in to a list or a quotation ends with a colon
    let ends_a_clause = ends_a_sentence || b.trim_end().ends_with(':');
    let (mut n, mut lower_words) = (0, 0);
    for w in b.split_whitespace() {
        n += 1;
        lower_words += usize::from(w.chars().next().is_some_and(char::is_lowercase));
        // a long paragraph is known for prose after its first words; a headline can be as
        // long, but does not end as a sentence does
        if lower_words >= 4 && (n >= 30 || (n >= 15 && ends_a_clause)) {
            return true;
        }
    }
    n >= 5 && ends_a_sentence && lower_words >= 2
}
