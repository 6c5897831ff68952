//! Folding of surface forms into comparison keys: case, accents, dots, hyphens, quotes.
#![expect(clippy::indexing_slicing, reason = "byte and cell offsets are bounded by the loops over the same buffer")]

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-case, strip accents, turn hyphens into spaces, drop dots and apostrophes' possessive.
/// `Notre-Dame` and `Notre Dame` fold alike; so do `U.S.` and `US`, `Zelenskiy’s` and `zelenskiy`.
pub fn fold(s: &str) -> String {
    let s = strip_possessive(s.trim());
    if s.is_ascii() {
        return fold_ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    // a Latin letter is spelled in ASCII by deunicode (`ł` l, `ø` o, `ß` ss, `æ` ae, `þ` th);
    // other scripts keep their letters, without accents
    let chars = s.chars().flat_map(|ch| match latin_in_ascii(ch) {
        Some(t) => Spelling::Ascii(t.chars()),
        None => Spelling::Other(ch.nfkd()),
    });
    for c in chars {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '-' | '\u{2010}'..='\u{2015}' | '_' | '/' => ' ',
            '.' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}' => continue,
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
        last_space = false;
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A letter of the Latin script beyond ASCII, spelled in ASCII.
fn latin_in_ascii(ch: char) -> Option<&'static str> {
    let latin = matches!(ch, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && ch.is_alphabetic();
    latin.then(|| deunicode::deunicode_char(ch)).flatten().filter(|t| !t.is_empty() && t.is_ascii())
}

/// The characters one character folds from: its ASCII spelling or its decomposition.
enum Spelling<A, B> {
    Ascii(A),
    Other(B),
}

impl<A: Iterator<Item = char>, B: Iterator<Item = char>> Iterator for Spelling<A, B> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            Spelling::Ascii(a) => a.next(),
            Spelling::Other(b) => b.next(),
        }
    }
}

/// The same as [`fold`] for ASCII text, without Unicode normalisation.
/// Calls `f` with `fold(s)`, without allocating for short ASCII text (almost every name).
pub fn with_fold<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let t = strip_possessive(s.trim());
    if t.len() > 64 || !t.is_ascii() {
        return f(&fold(s));
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    fold_ascii_with(t, |b| {
        buf[n] = b;
        n += 1;
    });
    match std::str::from_utf8(&buf[..n]) {
        Ok(x) => f(x),
        Err(_) => f(&fold(s)),
    }
}

fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_ascii_with(s, |b| out.push(char::from(b)));
    out
}

/// The folded bytes of ASCII text, one at a time: separators as single spaces (none at the
/// ends), dots, brackets and quotes dropped, letters in lower case.
fn fold_ascii_with(s: &str, mut emit: impl FnMut(u8)) {
    let mut space = false;
    let mut started = false;
    for b in s.bytes() {
        let c = match b {
            b'-' | b'_' | b'/' => b' ',
            b'.' | b'(' | b')' | b'"' => continue,
            b'`' => b'\'',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_whitespace() {
            space = started;
            continue;
        }
        if space {
            emit(b' ');
            space = false;
        }
        emit(c);
        started = true;
    }
}

/// Removes a trailing possessive (`'s`, `’s` or a lone `’` after s).
pub fn strip_possessive(s: &str) -> &str {
    // every possessive ends in `s`, `S`, an apostrophe or the last byte of `’`
    if !matches!(s.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return s;
    }
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(x) = s.strip_suffix(suffix) {
            return x;
        }
    }
    if let Some(x) = s.strip_suffix('\u{2019}').or_else(|| s.strip_suffix('\''))
        && x.ends_with('s')
    {
        return x;
    }
    s
}

/// A looser key for one name word, so that transliterations meet:
/// `zelensky`, `zelenskiy`, `zelenskyy` and `zelenskij` give the same skeleton.
pub fn skeleton(word: &str) -> String {
    let t = strip_possessive(word.trim());
    if t.len() <= 64 && t.is_ascii() {
        return skeleton_ascii(t);
    }
    skeleton_any(word)
}

/// Endings that transliterations of one name write differently (`-iy`, `-yy`, `-ij` ...): a
/// skeleton of five letters or more writes each of them as `y`.
const TRANSLITERATED_ENDINGS: [&str; 7] = ["iy", "yy", "ij", "ii", "yi", "ey", "ei"];

/// [`skeleton`] of any text, through [`fold`].
fn skeleton_any(word: &str) -> String {
    let mut s = fold(word);
    s.retain(|c| c.is_alphanumeric() || c == ' ');
    if s.chars().count() >= 5 {
        for end in TRANSLITERATED_ENDINGS {
            if let Some(x) = s.strip_suffix(end) {
                s = format!("{x}y");
                break;
            }
        }
    }
    // Doubled letters are the commonest spelling drift between outlets.
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c != prev {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// [`skeleton`] of short ASCII text (almost every name word), in one buffer on the stack.
fn skeleton_ascii(t: &str) -> String {
    let mut buf = [0u8; 64];
    let mut n = 0;
    fold_ascii_with(t, |b| {
        if super::ascii::is_alnum(b) || b == b' ' {
            buf[n] = b;
            n += 1;
        }
    });
    if n >= 5 && TRANSLITERATED_ENDINGS.iter().any(|end| buf[..n].ends_with(end.as_bytes())) {
        n -= 1;
        buf[n - 1] = b'y';
    }
    let mut out = String::with_capacity(n);
    let mut prev = 0u8;
    for &b in &buf[..n] {
        if b != prev {
            out.push(char::from(b));
        }
        prev = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_hyphens_dots() {
        assert_eq!(fold("Notre-Dame"), "notre dame");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("Merkel’s"), "merkel");
        assert_eq!(fold("  São   Paulo "), "sao paulo");
    }

    #[test]
    fn latin_letters_without_a_decomposition_fold_too() {
        assert_eq!(fold("Søren"), "soren");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("Đorđe"), "dorde");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ægir Þór"), "aegir thor");
        assert_eq!(fold("Москва"), "москва", "other scripts keep their letters");
    }

    #[test]
    fn skeleton_joins_transliterations() {
        assert_eq!(skeleton("Zelensky"), skeleton("Zelenskiy"));
        assert_eq!(skeleton("Zelenskyy"), skeleton("Zelensky"));
        assert_eq!(skeleton("Sergei"), skeleton("Sergey"));
        assert_ne!(skeleton("Ali"), skeleton("Alina"));
    }

    #[test]
    fn the_ascii_skeleton_agrees_with_the_general_one() {
        for s in [
            "Zelenskiy",
            "Zelenskyy’s",
            "O'Brien's",
            "Jean-Luc",
            "Ellis  Tey",
            "a ' b",
            "U.S.",
            "Kii",
            "Mayy",
            "Ott.",
            "",
        ] {
            assert_eq!(skeleton(s), skeleton_any(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_ascii_skeleton_is_the_general_one(s in "[ -~]{0,70}") {
            proptest::prop_assert_eq!(skeleton(&s), skeleton_any(&s));
        }
    }

    #[test]
    fn with_fold_agrees_with_fold() {
        for s in ["Notre-Dame", "U.S.", "Zürich", "Merkel’s", "  São   Paulo ", "Jones's", "a / b - c", "", " . "] {
            assert_eq!(with_fold(s, str::to_string), fold(s), "{s:?}");
        }
    }

    #[test]
    fn possessive_only_at_end() {
        assert_eq!(strip_possessive("James’"), "James");
        assert_eq!(strip_possessive("Paris's"), "Paris");
        assert_eq!(strip_possessive("O'Neill"), "O'Neill");
    }
}
