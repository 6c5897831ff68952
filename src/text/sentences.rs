//! Sentence boundaries inside a paragraph, aware of abbreviations (`U.S.`, `Mr.`, `Nov.`)
//! and of quotations (a full stop inside quotation marks ends the sentence only when the
//! text after the closing mark starts a new one).

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "rev",
    "vs", "etc", "inc", "corp", "ltd", "co", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "fig",
];

/// Byte ranges of the sentences of `p`, covering it in order.
pub fn sentence_spans(p: &str) -> Vec<(usize, usize)> {
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            // absorb closing quotes and brackets after the terminator
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\u{201d}' | '\u{2019}' | ')' | '\'' | '.' | '!' | '?')
            {
                j += 1;
            }
            let end = if j < chars.len() { chars[j].0 } else { p.len() };
            let next_word_start = chars[j..].iter().find(|(_, c)| !c.is_whitespace());
            let boundary = match next_word_start {
                None => true,
                Some((_, n)) => {
                    (j < chars.len() && chars[j].1.is_whitespace())
                        && (n.is_uppercase() || matches!(n, '"' | '\u{201c}' | '(' | '\u{2018}') || n.is_ascii_digit())
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

/// The word before the full stop at `dot` is an abbreviation or an initial.
fn is_abbreviation(p: &str, dot: usize) -> bool {
    let before = &p[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: `J.`, `U.S`, `U.N`
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    if word.contains('.') && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str) -> Vec<&str> {
        sentence_spans(p).into_iter().map(|(a, b)| p[a..b].trim()).collect()
    }

    #[test]
    fn keeps_abbreviations_inside() {
        let s = split("The U.S. envoy met Mr. Lee on Nov. 3 in Oslo. They talked.");
        assert_eq!(s, vec!["The U.S. envoy met Mr. Lee on Nov. 3 in Oslo.", "They talked."]);
    }

    #[test]
    fn quotes_close_sentences() {
        let s = split("\u{201c}We are ready.\u{201d} She smiled. \"Go!\" he said.");
        assert_eq!(s, vec!["\u{201c}We are ready.\u{201d}", "She smiled.", "\"Go!\" he said."]);
    }

    #[test]
    fn lower_case_after_quote_is_same_sentence() {
        let s = split("\"It is over.\" the minister added. Next.");
        assert_eq!(s.len(), 2);
    }
}
