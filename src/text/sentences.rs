//! Sentence boundaries inside a paragraph, aware of abbreviations (`U.S.`, `Mr.`, `Nov.`)
//! and of quotations (a full stop inside quotation marks ends the sentence only when the
//! text after the closing mark starts a new one).
#![expect(clippy::indexing_slicing, reason = "byte and cell offsets are bounded by the loops over the same buffer")]

use super::char_at;

static ABBREVIATIONS: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "rev",
    "vs", "etc", "inc", "corp", "ltd", "co", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "fig",
]);

/// Byte ranges of the sentences of `p`, covering it in order.
pub fn sentence_spans(p: &str) -> Vec<(usize, usize)> {
    let bytes = p.as_bytes();
    let n = bytes.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    // the stops are found by a vectorised search: most bytes are none
    while let Some(off) = memchr::memchr3(b'.', b'!', b'?', &bytes[k..]) {
        k += off;
        let c = bytes[k];
        // closing marks and repeated stops belong to the sentence they close
        let mut j = k + 1;
        while j < n {
            let (cj, lj) = char_at(p, j);
            if !matches!(cj, '"' | '\u{201d}' | '\u{2019}' | ')' | '\'' | '.' | '!' | '?') {
                break;
            }
            j += lj;
        }
        let end = j;
        let boundary = match p[j..].char_indices().find(|(_, c)| !c.is_whitespace()) {
            None => true,
            Some((off, next)) => {
                off > 0
                    && (next.is_uppercase()
                        || matches!(next, '"' | '\u{201c}' | '(' | '\u{2018}')
                        || next.is_ascii_digit()
                        // a single mark opening a quotation: `he said. 'People were ...`
                        || (next == '\'' && p[j + off + 1..].starts_with(char::is_uppercase)))
            }
        };
        if boundary && c == b'.' && is_abbreviation(p, k) {
            k = j;
            continue;
        }
        if boundary {
            out.push((start, end));
            start = end;
            while start < n && bytes[start].is_ascii_whitespace() {
                start += 1;
            }
        }
        k = j;
    }
    if start < p.len() && !p[start..].trim().is_empty() {
        out.push((start, p.len()));
    }
    out
}

/// Words that open sentences but never follow an initial, a title or an acronym inside one
/// (`posted on X. The post ...`, `in the U.S. But ...`): after them an abbreviation ends it.
static OPENERS: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "the",
    "an",
    "this",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "but",
    "and",
    "yet",
    "so",
    "however",
    "meanwhile",
    "there",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "although",
    "though",
]);

fn is_abbreviation(p: &str, dot: usize) -> bool {
    // the word before the stop rules out most stops; the word after is read only then
    abbreviation_before(p, dot) && !opener_after(p, dot)
}

/// Whether the word after the stop opens sentences (`The`, `But`): then the stop ends one.
fn opener_after(p: &str, dot: usize) -> bool {
    let after = p[dot + 1..].trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    let next = &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())];
    next.len() <= 9 && crate::text::lower::with_lower(next, |l| OPENERS.contains(l))
}

/// Whether the word before the stop at `dot` is an initial, a dotted acronym or a known
/// abbreviation.
fn abbreviation_before(p: &str, dot: usize) -> bool {
    let before = &p[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: `J.`, `U.S`, `U.N` (counted without collecting: this
    // runs at every full stop)
    let (mut letters, mut all_upper) = (0usize, true);
    for c in word.chars().filter(|c| *c != '.') {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    if word.contains('.') && all_upper {
        return true;
    }
    if letters == 1 && all_upper {
        // `posted on X.`: a letter after `on` or `via` is a platform, not a name's initial
        let prev = before[..word_start].trim_end();
        let prev = prev.rsplit(char::is_whitespace).next().unwrap_or(prev);
        return !matches!(prev, "on" | "via");
    }
    // the longest abbreviation is six letters; no word three times that long lowers to one
    word.len() <= 18 && crate::text::lower::with_lower(word, |l| ABBREVIATIONS.contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str) -> Vec<&str> {
        sentence_spans(p).into_iter().map(|(a, b)| p[a..b].trim()).collect()
    }

    /// The first, char-vector splitter: the byte-level one must agree with it everywhere.
    fn reference(p: &str) -> Vec<(usize, usize)> {
        let bytes = p.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = p.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            if matches!(c, '.' | '!' | '?') {
                let mut j = k + 1;
                while j < chars.len()
                    && matches!(chars[j].1, '"' | '\u{201d}' | '\u{2019}' | ')' | '\'' | '.' | '!' | '?')
                {
                    j += 1;
                }
                let end = if j < chars.len() { chars[j].0 } else { p.len() };
                let boundary = match chars[j..].iter().position(|(_, c)| !c.is_whitespace()) {
                    None => true,
                    Some(at) => {
                        let n = chars[j + at].1;
                        let after = chars.get(j + at + 1).map(|x| x.1);
                        (j < chars.len() && chars[j].1.is_whitespace())
                            && (n.is_uppercase()
                                || matches!(n, '"' | '\u{201c}' | '(' | '\u{2018}')
                                || n.is_ascii_digit()
                                || (n == '\'' && after.is_some_and(char::is_uppercase)))
                    }
                };
                if boundary && c == '.' && is_abbreviation(p, i) {
                    k = j;
                    continue;
                }
                if boundary {
                    out.push((start, end));
                    start = end;
                    while start < bytes.len() && (bytes[start] as char).is_ascii_whitespace() {
                        start += 1;
                    }
                }
                k = j;
                continue;
            }
            k += 1;
        }
        if start < p.len() && !p[start..].trim().is_empty() {
            out.push((start, p.len()));
        }
        out
    }

    #[test]
    fn agrees_with_the_reference_splitter() {
        let texts = crate::corpus::bundled::test_paragraphs(&[
            "It ended.\u{a0}Then “more.” (Yes.) 3. Done?! \"Go.\"\u{2003}Next… The U.S. Mr. Ü. Fine.",
            "a.b. c. D. 東京. É! ? . ..",
            "He said. 'Go.' 'no. ' X. '",
        ]);
        for t in &texts {
            assert_eq!(sentence_spans(t), reference(t), "{t}");
        }
    }

    #[test]
    fn keeps_abbreviations_inside() {
        let s = split("The U.S. envoy met Mr. Lee on Nov. 3 in Oslo. They talked.");
        assert_eq!(s, vec!["The U.S. envoy met Mr. Lee on Nov. 3 in Oslo.", "They talked."]);
    }

    #[test]
    fn an_abbreviation_before_a_sentence_opener_ends_the_sentence() {
        let s = split("She posted on X. The post was gone. He flew to the U.S. But it rained. Dr. Ann Lee came.");
        assert_eq!(
            s,
            vec![
                "She posted on X.",
                "The post was gone.",
                "He flew to the U.S.",
                "But it rained.",
                "Dr. Ann Lee came."
            ]
        );
        assert_eq!(
            split("Ines K. Thebe and J. A. Ander met.").len(),
            1,
            "initials and names that start like openers stay"
        );
        assert_eq!(split("He wrote on X. Residents fled. It ran via X. Users left.").len(), 4);
    }

    #[test]
    fn quotes_close_sentences() {
        let s = split("\u{201c}We are ready.\u{201d} She smiled. \"Go!\" he said.");
        assert_eq!(s, vec!["\u{201c}We are ready.\u{201d}", "She smiled.", "\"Go!\" he said."]);
    }

    #[test]
    fn a_wide_space_before_an_initial_is_not_split_inside() {
        // a non-breaking space (two bytes) before the word that precedes an initial
        assert_eq!(split("He met\u{a0}top aide J. Ko. Then he left.").len(), 2);
        // a capital initial keeps its sentence going
        assert_eq!(split("\u{a0}a\tİ. Aa").len(), 1);
    }

    #[test]
    fn a_single_mark_opening_a_quotation_starts_a_sentence() {
        let s = split("'It tipped over,' he said. 'People climbed out.' It's 'fine'. 'tis so.");
        assert_eq!(s, vec!["'It tipped over,' he said.", "'People climbed out.'", "It's 'fine'. 'tis so."]);
    }

    #[test]
    fn lower_case_after_quote_is_same_sentence() {
        let s = split("\"It is over.\" the minister added. Next.");
        assert_eq!(s.len(), 2);
    }
}
