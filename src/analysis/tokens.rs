//! Word and punctuation tokens of a paragraph, with byte spans.

/// Abbreviations that keep their full stop as part of the word.
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "prof", "rev",
    "no", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "a.m", "p.m",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

impl Token {
    pub fn text<'a>(&self, p: &'a str) -> &'a str {
        &p[self.start..self.end]
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
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::with_capacity(n / 4);
    let mut i = 0;
    let at = |k: usize| chars.get(k).map(|x| x.1);
    while i < n {
        let (s, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token { start: s, end: s + c.len_utf8(), word: false });
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
                        && digits_after(&chars, j + 1) == 3
                }
                '.' => {
                    (prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()))
                        || (prev.is_uppercase()
                            && next.is_some_and(char::is_uppercase)
                            && single_letter_before(&chars, j, i))
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
        // keep the closing full stop of `U.S.` and of known abbreviations
        if at(j) == Some('.') {
            let word = &p[s..chars.get(j).map_or(p.len(), |x| x.0)];
            let dotted_acronym = word.contains('.') && word.chars().filter(|c| *c != '.').all(char::is_uppercase);
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if dotted_acronym || single_initial || DOTTED.contains(&word.to_lowercase().as_str()) {
                j += 1;
            }
        }
        let e = chars.get(j).map_or(p.len(), |x| x.0);
        out.push(Token { start: s, end: e, word: true });
        i = j;
    }
    out
}

fn digits_after(chars: &[(usize, char)], k: usize) -> usize {
    chars[k..].iter().take_while(|x| x.1.is_ascii_digit()).count()
}

fn single_letter_before(chars: &[(usize, char)], dot: usize, word_start: usize) -> bool {
    // `U.S`: the letters between dots are single
    dot >= 1 && (dot - 1 == word_start || chars[dot - 2].1 == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &str) -> Vec<&str> {
        tokenize(p).iter().map(|t| t.text(p)).collect()
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
