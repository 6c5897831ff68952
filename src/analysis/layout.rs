//! How a paragraph is laid out: written prose, a title-case line (a heading), or a row of a
//! table or list (a results line, a standings row, a scorecard line, a line of names). The
//! capitals of a heading are weak evidence of names; the capitals of a row are its names.

use super::tokens::Token;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Prose,
    Headline,
    Row,
}

/// The most words a row or a heading holds.
const MAX_LINE_WORDS: usize = 40;
const MAX_HEADLINE_WORDS: usize = 14;

/// Lower-case words a row's name cells may hold (`Aravinda de Silva`, `Ludwig van Beek`).
const NAME_PARTICLES: &[&str] = &["de", "da", "di", "van", "von", "der", "den", "du", "la", "le", "del", "bin", "al"];

/// The layouts of an article's paragraphs: a line that ends in a number (`R. Croft b Ilya
/// Tambor 15`) is a row when a row or another such line stands next to it; alone it is a
/// heading (`Storm Kills 17`).
pub fn layouts(paras: &[(&str, &[Token])]) -> Vec<Layout> {
    let shapes: Vec<(Layout, bool)> = paras.iter().map(|(text, tokens)| shape(text, tokens)).collect();
    let row = |i: Option<usize>| i.and_then(|i| shapes.get(i)).is_some_and(|s| s.0 == Layout::Row || s.1);
    shapes
        .iter()
        .enumerate()
        .map(
            |(i, &(l, numbered_line))| {
                if numbered_line && (row(i.checked_sub(1)) || row(Some(i + 1))) { Layout::Row } else { l }
            },
        )
        .collect()
}

/// A paragraph's layout on its own, and whether it is a capitalised line ending in a number.
fn shape(text: &str, tokens: &[Token]) -> (Layout, bool) {
    // a paragraph longer than a line is prose: counted first, before any word is read
    if tokens.iter().filter(|t| t.word).nth(MAX_LINE_WORDS).is_some() {
        return (Layout::Prose, false);
    }
    let mut words = 0;
    let mut capitals = 0;
    let mut lower = 0;
    let mut numbers = 0;
    let mut commas = 0;
    let mut brackets = 0;
    let mut last_word_is_number = false;
    for t in tokens {
        let w = t.text(text);
        if !t.word {
            commas += usize::from(w == ",");
            brackets += usize::from(w == "(");
            continue;
        }
        words += 1;
        let first = w.chars().next().unwrap_or(' ');
        last_word_is_number = first.is_ascii_digit();
        if last_word_is_number {
            numbers += 1;
        } else if first.is_uppercase() {
            capitals += 1;
        } else if w.len() > 3 || !NAME_PARTICLES.contains(&w) {
            lower += 1;
        }
    }
    if words == 0 {
        return (Layout::Prose, false);
    }
    let end = text.trim_end();
    let ends_sentence = end.ends_with(['!', '?', '"', '”', ':', ';'])
        || (end.ends_with('.') && !last_word_is_number && !ends_with_initial(end));
    let rank_first = tokens.first().is_some_and(|t| t.word && t.text(text).starts_with(|c: char| c.is_ascii_digit()))
        && tokens.get(1).is_some_and(|t| matches!(t.text(text), "." | "=" | ")" | "-"));
    let lettered = capitals + lower;
    // a row: cells of names and numbers, mostly capitalised, with a number where a table has
    // one (two or more, a rank first, a last cell) or names set apart by commas
    let numbered = numbers >= 2 || rank_first || (numbers == 1 && last_word_is_number && brackets > 0);
    let name_list = commas >= 2 && lower == 0 && numbers == 0 && !ends_sentence;
    let row_shaped = capitals > 0 && lower * 2 <= lettered && !ends_sentence;
    if row_shaped && (numbered || name_list) {
        return (Layout::Row, false);
    }
    let headline = words <= MAX_HEADLINE_WORDS
        && !text.trim_end().ends_with(['.', '!', '?', '"', '”', ':'])
        && (capitals + numbers) * 10 >= words * 6;
    let layout = if headline { Layout::Headline } else { Layout::Prose };
    (layout, row_shaped && last_word_is_number)
}

/// `..., Steve\n\nWaugh.` is a name, not a sentence's end: a short last word before the dot
/// is still read as a sentence (a heading's `U.S.` is the exception it keeps).
fn ends_with_initial(end: &str) -> bool {
    let body = end.trim_end_matches('.');
    let last = body.rsplit([' ', '(']).next().unwrap_or("");
    last.chars().count() == 1 && last.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn of(text: &str) -> Layout {
        shape(text, &tokenize(text)).0
    }

    fn of_all(texts: &[&str]) -> Vec<Layout> {
        let tokens: Vec<Vec<Token>> = texts.iter().map(|t| tokenize(t)).collect();
        let paras: Vec<(&str, &[Token])> = texts.iter().zip(&tokens).map(|(t, k)| (*t, k.as_slice())).collect();
        layouts(&paras)
    }

    #[test]
    fn name_particles_are_short_and_a_long_paragraph_is_prose() {
        assert!(NAME_PARTICLES.iter().all(|p| p.len() <= 3), "the particle test skips longer words");
        let long = ["Ana Ruiz 3"; 20].join(" ");
        assert_eq!(of(&long), Layout::Prose, "more words than a line holds");
        assert_eq!(of(&["Ana Ruiz 3"; 10].join(" ")), Layout::Row);
    }

    #[test]
    fn results_standings_scorecards_and_name_lists_are_rows() {
        assert_eq!(of("3. Tavo Quillfeather (Norway) 20.37"), Layout::Row);
        assert_eq!(of("Kettleby 2 Marrow Vale 1"), Layout::Row);
        assert_eq!(of("Kettleby Rovers 3 1 2 0 2 1 5"), Layout::Row);
        assert_eq!(of("Ramon Vessel (Spain) beat Ilya Tambor (Czech Republic) 6-4 6-3"), Layout::Row);
        assert_eq!(of("Mike Hollis, Brian Tennet, Steve Jurgel,"), Layout::Row);
    }

    #[test]
    fn a_line_ending_in_a_number_is_a_row_only_beside_rows() {
        use Layout::*;
        let card = ["R. Croft b Ilyas Tambor 15", "D. Gough lbw b Tambor 0", "Ulla Berg not out 8"];
        assert_eq!(of_all(&card), [Row, Row, Row]);
        assert_eq!(of_all(&["Storm Kills 17", "The storm reached the coast on Friday."]), [Headline, Prose]);
    }

    #[test]
    fn sentences_and_headings_are_not_rows() {
        assert_eq!(of("Kettleby won 2-1 on Saturday after 90 minutes."), Layout::Prose);
        assert_eq!(of("Storm Season Brings Floods to the Coast"), Layout::Headline);
        assert_eq!(of("Five Things to Know About the 2026 Budget"), Layout::Headline);
        assert_eq!(of("Ana Ruiz, Ben Ortiz and Cleo Park said they would stay."), Layout::Prose);
        assert_eq!(of("The council met, the mayor spoke, and 40 people left."), Layout::Prose);
    }
}
