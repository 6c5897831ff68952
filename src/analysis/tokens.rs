//! Word and punctuation tokens of a paragraph, with byte spans.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use crate::text::char_at;

/// Abbreviations that keep their full stop as part of the word.
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "prof", "rev",
    "no", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "a.m", "p.m",
];

/// The longest of `DOTTED`, in bytes.
const DOTTED_MAX: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    // eight bytes a token: a u32 offset (a paragraph is far below 4 GB: files are capped) and
    // a u16 length (no word is 64 KB long; a longer run of letters is cut)
    pub start: u32,
    len: u16,
    pub word: bool,
}

impl Token {
    pub fn new(start: usize, end: usize, word: bool) -> Token {
        let len = (end - start).min(usize::from(u16::MAX));
        Token { start: start as u32, len: len as u16, word }
    }

    /// One past the last byte.
    pub fn end(&self) -> u32 {
        self.start + u32::from(self.len)
    }

    pub fn text<'a>(&self, p: &'a str) -> &'a str {
        &p[self.start as usize..self.end() as usize]
    }
}

pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_dash(c: char) -> bool {
    c == '-' || c == '\u{2011}'
}

/// Splits `p` into word tokens (letters, digits, inner apostrophes, hyphens, dotted
/// acronyms and numbers with separators) and single-character punctuation tokens.
pub fn tokenize(p: &str) -> Vec<Token> {
    let bytes = p.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 5);
    let mut i = 0;
    while i < n {
        // an ASCII space or punctuation mark (between most words) is told by its byte alone
        let b = bytes[i];
        if b < 0x80 && !crate::text::ascii::is_alnum(b) {
            if !matches!(b, b' ' | b'\t'..=b'\r') {
                out.push(Token::new(i, i + 1, false));
            }
            i += 1;
            continue;
        }
        let (c, cl) = char_at(p, i);
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token::new(i, i + cl, false));
            i += cl;
            continue;
        }
        let s = i;
        // the last character taken into the word, where it starts, and how many were taken
        let (mut prev, mut prev_at, mut taken) = (c, i, 1usize);
        let mut j = i + cl;
        while j < n {
            // a run of ASCII letters and digits joins at once (most of every word)
            let from = j;
            while j < n && crate::text::ascii::is_alnum(bytes[j]) {
                j += 1;
            }
            if j > from {
                (prev, prev_at, taken) = (char::from(bytes[j - 1]), j - 1, taken + (j - from));
                if j == n {
                    break;
                }
            }
            // a space ends the word (most words): no look at what follows
            if bytes[j] == b' ' {
                break;
            }
            let (cj, lj) = char_at(p, j);
            let joins = cj.is_alphanumeric() || joins_word(p, j, cj, lj, Word { start: s, prev, prev_at, taken });
            if !joins {
                break;
            }
            (prev, prev_at, taken) = (cj, j, taken + 1);
            j += lj;
        }
        // keep the closing full stop of `U.S.` and of known abbreviations
        if bytes.get(j) == Some(&b'.') && keeps_full_stop(&p[s..j], taken == 1 && c.is_uppercase()) {
            j += 1;
        }
        // a run of letters longer than a token holds is cut, on a character
        let mut e = j;
        if e - s > usize::from(u16::MAX) {
            e = s + usize::from(u16::MAX);
            while !p.is_char_boundary(e) {
                e -= 1;
            }
        }
        out.push(Token::new(s, e, true));
        i = j;
    }
    out
}

/// The word being read: where it starts, its last character so far, where that starts, and
/// how many characters it has.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    prev: char,
    prev_at: usize,
    taken: usize,
}

/// Whether the character `cj` (of `lj` bytes, at `j`, not a letter or digit) joins the word:
/// an apostrophe between letters, a dash before a letter or digit, a thousands comma, a
/// decimal point, the dots of `U.S` and `e.g`.
#[inline]
fn joins_word(p: &str, j: usize, cj: char, lj: usize, w: Word) -> bool {
    let bytes = p.as_bytes();
    let next = (j + lj < bytes.len()).then(|| char_at(p, j + lj));
    let next_c = next.map(|x| x.0);
    let Word { start, prev, prev_at, taken } = w;
    match cj {
        c if is_apostrophe(c) => next_c.is_some_and(char::is_alphabetic) && prev.is_alphabetic(),
        c if is_dash(c) => next_c.is_some_and(char::is_alphanumeric),
        ',' => {
            prev.is_ascii_digit()
                && next_c.is_some_and(|x| x.is_ascii_digit())
                && bytes[j + 1..].iter().take_while(|b| b.is_ascii_digit()).count() == 3
        }
        '.' => {
            (prev.is_ascii_digit() && next_c.is_some_and(|x| x.is_ascii_digit()))
                // `U.S`: the letters between dots are single
                || (prev.is_uppercase()
                    && next_c.is_some_and(char::is_uppercase)
                    && (prev_at == start || bytes[prev_at - 1] == b'.'))
                || (prev.is_lowercase()
                    && next_c.is_some_and(char::is_lowercase)
                    && taken == 1
                    && next.is_some_and(|(_, nl)| bytes.get(j + 1 + nl) == Some(&b'.')))
        }
        _ => false,
    }
}

/// Whether a word followed by a full stop keeps it: a dotted acronym (`U.S.`), a single
/// capital initial, a known abbreviation.
#[inline]
fn keeps_full_stop(word: &str, single_initial: bool) -> bool {
    let dotted_acronym = word.contains('.') && word.chars().filter(|c| *c != '.').all(char::is_uppercase);
    // the abbreviations are short: a sentence's last word is mostly out on its length
    let abbreviation = word.len() <= DOTTED_MAX && DOTTED.iter().any(|d| d.eq_ignore_ascii_case(word));
    dotted_acronym || single_initial || abbreviation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_eight_bytes_and_keeps_its_span() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
        assert_eq!(DOTTED.iter().map(|d| d.len()).max(), Some(DOTTED_MAX));
        let t = Token::new(3, 11, true);
        assert_eq!((t.start, t.end(), t.text("ab Lakeside!")), (3, 11, "Lakeside"));
    }

    fn words(p: &str) -> Vec<&str> {
        tokenize(p).iter().map(|t| t.text(p)).collect()
    }

    /// The first, char-vector tokenizer: the byte-level one must agree with it everywhere.
    fn reference(p: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = p.char_indices().collect();
        let n = chars.len();
        let mut out = Vec::new();
        let mut i = 0;
        let at = |k: usize| chars.get(k).map(|x| x.1);
        while i < n {
            let (s, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(Token::new(s, s + c.len_utf8(), false));
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next = at(j + 1);
                let prev = chars[j - 1].1;
                let joins = match cj {
                    c if is_apostrophe(c) => next.is_some_and(char::is_alphabetic) && prev.is_alphabetic(),
                    c if is_dash(c) => next.is_some_and(char::is_alphanumeric),
                    ',' => {
                        prev.is_ascii_digit()
                            && next.is_some_and(|x| x.is_ascii_digit())
                            && chars[j + 1..].iter().take_while(|x| x.1.is_ascii_digit()).count() == 3
                    }
                    '.' => {
                        (prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()))
                            || (prev.is_uppercase()
                                && next.is_some_and(char::is_uppercase)
                                && (j - 1 == i || chars[j - 2].1 == '.'))
                            || (prev.is_lowercase()
                                && next.is_some_and(char::is_lowercase)
                                && j - i == 1
                                && at(j + 2) == Some('.'))
                    }
                    _ => false,
                };
                if joins {
                    j += 1;
                } else {
                    break;
                }
            }
            if at(j) == Some('.') {
                let word = &p[s..chars.get(j).map_or(p.len(), |x| x.0)];
                let dotted_acronym = word.contains('.') && word.chars().filter(|c| *c != '.').all(char::is_uppercase);
                let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted_acronym || single_initial || DOTTED.contains(&word.to_lowercase().as_str()) {
                    j += 1;
                }
            }
            let e = chars.get(j).map_or(p.len(), |x| x.0);
            out.push(Token::new(s, e, true));
            i = j;
        }
        out
    }

    proptest::proptest! {
        /// Any mix of ASCII, spaces, punctuation, accents and wide characters: the byte-level
        /// tokenizer's fast paths give what the reference gives.
        #[test]
        fn agrees_with_the_reference_on_any_text(t in "[a-zA-Z0-9 .,'’\\-‑\t\n\x0b\x0c\x1c\x00éÜ東²½“”%]{0,60}") {
            proptest::prop_assert_eq!(tokenize(&t), reference(&t));
        }
    }

    #[test]
    fn agrees_with_the_reference_tokenizer() {
        let texts = crate::corpus::bundled::test_paragraphs(&[
            "Ü.S. and É.U. met; a.m. or p.m.? 1,2345 and 12,345,678 — O’Brien’s  naïve-café Zürich. Dr. X.",
            "x.y.z. i.e. e.g. A. B. Smith, 3.5%, ’tis rock’n’roll, ‐dash ‑nb 9‑5 “Quote.” ½ ² 東京 Straße",
        ]);
        for t in &texts {
            assert_eq!(tokenize(t), reference(t), "{t}");
        }
    }

    #[test]
    fn words_numbers_and_acronyms() {
        assert_eq!(words("The U.S. sent 1,200 troops."), vec!["The", "U.S.", "sent", "1,200", "troops", "."]);
        assert_eq!(words("Mr. O’Neill’s five-day visit"), vec!["Mr.", "O’Neill’s", "five-day", "visit"]);
        assert_eq!(
            words("rates of 4.5% in 2020, 3, 4"),
            vec!["rates", "of", "4.5", "%", "in", "2020", ",", "3", ",", "4"]
        );
        assert_eq!(words("“Go,” she said"), vec!["“", "Go", ",", "”", "she", "said"]);
        assert_eq!(words("at 9 p.m. sharp"), vec!["at", "9", "p.m.", "sharp"]);
    }
}
