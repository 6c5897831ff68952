//! One report as diptych knows it: metadata and paragraphs.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use crate::text::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    /// When it was last updated, if its header says so besides its publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    pub paragraphs: Vec<String>,
    /// Where it was read from (a file path, or `bundled:NAME`).
    pub path: String,
    /// A dateline that opened the first paragraph (`PARIS`), kept in the text but not the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The address the file says the report was published at (`url:`, `og:url`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Article {
    pub fn words(&self) -> usize {
        self.paragraphs.iter().map(|p| count_words(p)).sum()
    }

    /// The name of the file it was read from (none for a bundled report).
    pub fn file_name(&self) -> Option<&str> {
        if self.path.starts_with("bundled:") {
            return None;
        }
        self.path.rsplit(['/', '\\']).next().filter(|n| !n.is_empty())
    }

    /// What a reader knows a report by: its outlet, else the name of its file.
    pub fn outlet_or_file(&self) -> Option<String> {
        self.source.clone().or_else(|| self.file_name().map(str::to_string))
    }

    /// Its outlet (or file) and date, those that are known: `["Valley Post", "2031-03-04"]`.
    pub fn provenance(&self) -> Vec<String> {
        [self.outlet_or_file(), self.date.map(|d| d.iso())].into_iter().flatten().collect()
    }
}

/// Words separated by white space, read eight bytes at a time (it was a tenth of `list`):
/// the high bit of each byte of `space_mask` says whether that byte is ASCII white space,
/// and a word starts wherever white space is followed by anything else. Text with white
/// space beyond ASCII (a no-break space) is counted the slow way.
pub fn count_words(p: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = p.as_bytes();
    // word starts are added up a byte lane at a time (each lane gains at most one a step)
    // and the lanes summed every 255 steps: no population count (a dozen instructions
    // where the processor has none) for each eight bytes
    let mut n = 0usize;
    let mut lanes = 0u64;
    let mut steps = 0u32;
    // the byte before the text counts as white space
    let mut carry = 0x80u64;
    let mut add = |sp: u64| {
        lanes += (!sp & ((sp << 8) | carry) & HIGH) >> 7;
        carry = sp >> 56;
        steps += 1;
        if steps == 255 {
            n += sum_lanes(lanes);
            (lanes, steps) = (0, 0);
        }
    };
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    for (i, w) in words.enumerate() {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if x & HIGH != 0 && unicode_space_in(p, i * 8, 8) {
            return p.split_whitespace().count();
        }
        add(space_mask(x));
    }
    if !rest.is_empty() {
        if unicode_space_in(p, bytes.len() - rest.len(), rest.len()) {
            return p.split_whitespace().count();
        }
        // past the end is white space too
        let mut last = [b' '; 8];
        last[..rest.len()].copy_from_slice(rest);
        add(space_mask(u64::from_le_bytes(last)));
    }
    n + sum_lanes(lanes)
}

/// The sum of the eight bytes of `x`.
fn sum_lanes(x: u64) -> usize {
    const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
    let pairs = (x & EVEN) + ((x >> 8) & EVEN);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// Whether a character starting within `len` bytes from `at` is white space beyond ASCII:
/// all of those begin with one of four bytes (U+0085 and U+00A0; U+1680; U+2000 to U+205F;
/// U+3000).
fn unicode_space_in(p: &str, at: usize, len: usize) -> bool {
    p.as_bytes()[at..at + len].iter().enumerate().any(|(k, b)| {
        matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3)
            && p.get(at + k..).and_then(|t| t.chars().next()).is_some_and(char::is_whitespace)
    })
}

/// For eight bytes: the high bit of each byte set when it is a space or one of tab, line
/// feed, vertical tab, form feed and carriage return (9 to 13). Sums are over the low seven
/// bits, so none carries into the next byte; bytes above 0x7f are never white space here.
fn space_mask(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    let low = x & LOW7;
    let t = low ^ each(b' ');
    // high bit set where the low bits are not those of a space
    let not_space = (t + LOW7) | t;
    let at_least_9 = low + each(0x80 - 9);
    let at_least_14 = low + each(0x80 - 14);
    (!not_space | (at_least_9 & !at_least_14)) & !x & HIGH
}

/// What a format parser extracts from one document before ids are assigned.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    /// An ambiguous numeric date that nothing in the file decided: its month-first and
    /// day-first readings (`date` holds the one the module's rule gives).
    pub date_other: Option<(Date, Date)>,
    /// A later stamp (`Updated ...`) when the report also names its publication.
    pub updated: Option<Date>,
    pub paragraphs: Vec<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
}

/// Whether `s` is an address a browser can open: `http://` or `https://` and no spaces (a
/// header's value is never handed to a shell, but it must not be a command line either).
pub fn is_web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > 8 && !s.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn counts_words_as_split_whitespace_does() {
        let long = "word ".repeat(40) + "  split\tacross\nthe sixty-fourth byte " + &"x".repeat(70);
        let edge = " ".repeat(63) + "x y" + &"z".repeat(61) + " w";
        for s in [
            "",
            "  ",
            "one",
            " two  words ",
            "a\tb\nc\u{0b}d",
            "naïve café\u{a0}crème",
            "x-y, z.",
            &long,
            &long[1..],
            &"x".repeat(64),
            &"x".repeat(128),
            &edge,
            &edge[1..],
            // past 255 steps of eight bytes the lanes are summed and start again
            &"a ".repeat(1020),
            &"a ".repeat(1021),
            &"ab ".repeat(5000),
            &("x ".repeat(4096) + "tail"),
        ] {
            assert_eq!(count_words(s), s.split_whitespace().count(), "{s:?}");
        }
        // every ASCII byte next to every other, at every offset within eight bytes
        let mut seed = 7u64;
        for len in 0..400 {
            let text: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    // mostly ASCII, with letters, quotes and spaces from beyond it
                    // (odd lengths: no white space beyond ASCII, so the fast count runs)
                    let pick = (seed >> 33) % 160;
                    match if len % 2 == 1 && (128..144).contains(&pick) { 136 + pick % 8 } else { pick } {
                        c @ 0..128 => char::from(c as u8),
                        128..136 => '\u{a0}',
                        136..144 => '“',
                        144..150 if len % 2 == 0 => '\u{2009}',
                        144..155 => 'é',
                        _ if len % 2 == 0 => '\u{3000}',
                        _ => 'ж',
                    }
                })
                .collect();
            assert_eq!(count_words(&text), text.split_whitespace().count(), "{text:?}");
        }
    }
}

/// The articles of one session, in a stable order.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

impl Corpus {
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }
}
