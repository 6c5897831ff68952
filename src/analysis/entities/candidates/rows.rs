//! Names in table rows typed by the row's shape and the table's other rows: in a score line
//! or a standings row a name followed by its score is a team (a club named after its city is
//! the club there); a name of several words with a country in brackets is a competitor; in a
//! table whose names are mostly people's, the others of several words are people's too.
#![expect(
    clippy::indexing_slicing,
    reason = "token and candidate indices come from this document's own tokenizer and candidate finder and are bounded by the loops that walk them"
)]

use super::candidate::{Candidate, Source};
use super::words::starts_number;
use crate::analysis::doc::{Doc, Para};
use crate::analysis::layout::Layout;
use crate::analysis::lexicon::lexicon;
use crate::analysis::model::Kind;
use crate::text::fold::with_fold;

/// What stands after a name in its row.
#[derive(Default)]
struct Cell {
    /// The name is inside brackets (`(Czech Republic)`): it qualifies the cell before it.
    bracketed: bool,
    /// A place in brackets follows (`Ana Ruiz (Spain)`).
    bracket_place: bool,
    /// How many numbers follow before the next name (`Kettleby 3 1 2 0`).
    numbers: usize,
    /// Right after a competitor's bracket: the competitor's team (`Ana Ruiz (Spain) Velotech`).
    after_bracket: bool,
}

/// Types the candidates of the article's rows; `cands` are the article's, in order.
pub(super) fn mark_rows(doc: &Doc, cands: &mut [Candidate]) {
    let mut i = 0;
    while i < cands.len() {
        let pi = cands[i].paragraph;
        if doc.paras[pi].layout != Layout::Row {
            i += 1;
            continue;
        }
        // a table: the candidates of a run of consecutive rows
        let from = i;
        let mut last_para = pi;
        while i < cands.len()
            && doc.paras[cands[i].paragraph].layout == Layout::Row
            && cands[i].paragraph <= last_para + 1
        {
            last_para = cands[i].paragraph;
            i += 1;
        }
        mark_table(doc, &mut cands[from..i]);
    }
}

fn mark_table(doc: &Doc, cands: &mut [Candidate]) {
    let cells: Vec<Cell> = (0..cands.len()).map(|k| cell(&doc.paras[cands[k].paragraph], cands, k)).collect();
    let mut k = 0;
    while k < cands.len() {
        let pi = cands[k].paragraph;
        let end = k + cands[k..].iter().take_while(|c| c.paragraph == pi).count();
        let para = &doc.paras[pi];
        let ranked = para.tokens.first().is_some_and(|t| t.word && starts_number(t.text(para.text)));
        let scored = (k..end).filter(|&j| !cells[j].bracketed && cells[j].numbers > 0).count();
        // two scores (`Kettleby 2 Marrow Vale 1`) or a standings row (`Kettleby 3 1 2 0 2 1 5`)
        let teams = !ranked && (scored >= 2 || (k..end).any(|j| cells[j].numbers >= 3));
        for j in k..end {
            if cells[j].bracketed {
                continue;
            }
            let c = &mut cands[j];
            if teams && cells[j].numbers > 0 {
                as_team(c);
            } else if cells[j].after_bracket && c.source == Source::Unknown && !c.person_cue {
                c.org_cue = true;
            } else if cells[j].bracket_place && c.words().len() >= 2 && c.source == Source::Unknown {
                c.person_cue = true;
            }
        }
        k = end;
    }
    // the table's people: most names of several words there known as people's
    let several = |c: &Candidate| c.words().len() >= 2 && c.source == Source::Unknown;
    let names = cands.iter().zip(&cells).filter(|(c, x)| !x.bracketed && several(c)).count();
    let people = cands.iter().zip(&cells).filter(|(c, x)| !x.bracketed && several(c) && c.person_cue).count();
    if people >= 2 && people * 2 >= names {
        for (c, x) in cands.iter_mut().zip(&cells) {
            if !x.bracketed && several(c) {
                c.person_cue = true;
            }
        }
    }
}

/// A name with its score: a team. A city's name there is its club; a country's is its
/// national side, which is named as the country.
fn as_team(c: &mut Candidate) {
    match c.source {
        Source::Unknown => c.org_cue = true,
        Source::Lexicon(Kind::Place, canon) => {
            let city = with_fold(canon, |k| lexicon().places.get(k).is_some_and(|p| p.kind != "country"));
            if city {
                c.source = Source::Row(Kind::Organization);
            }
        }
        _ => {}
    }
}

fn cell(para: &Para, cands: &[Candidate], k: usize) -> Cell {
    let c = &cands[k];
    let word = |i: usize| para.tokens.get(i).map_or("", |t| t.text(para.text));
    let bracketed = c.first > 0 && word(c.first - 1) == "(";
    let after_bracket = c.first > 0 && word(c.first - 1) == ")";
    let mut i = c.last;
    let bracket_place = word(i) == "("
        && cands.get(k + 1).is_some_and(|n| {
            n.paragraph == c.paragraph
                && n.first == i + 1
                && word(n.last) == ")"
                && matches!(n.source, Source::Lexicon(Kind::Place, _))
        });
    if word(i) == "(" {
        // past the bracket: `Alba (Germany) 75`
        while i < para.tokens.len() && word(i) != ")" {
            i += 1;
        }
        i += 1;
    }
    let mut numbers = 0;
    while let Some(t) = para.tokens.get(i) {
        let w = t.text(para.text);
        if t.word && starts_number(w) {
            numbers += 1;
        } else if t.word || w == "(" {
            break;
        }
        i += 1;
    }
    Cell { bracketed, bracket_place, numbers, after_bracket }
}

#[cfg(test)]
mod tests {
    use super::super::find;
    use crate::analysis::doc::Doc;

    fn cues(rows: &[&str]) -> Vec<(String, bool, bool, bool)> {
        let paras: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        find(&Doc::new(&paras))
            .into_iter()
            .map(|c| (c.text, c.person_cue, c.org_cue, c.source == super::Source::Row(super::Kind::Organization)))
            .collect()
    }

    fn has(found: &[(String, bool, bool, bool)], name: &str) -> (bool, bool, bool) {
        found.iter().find(|c| c.0 == name).map_or((false, false, false), |c| (c.1, c.2, c.3))
    }

    #[test]
    fn a_name_with_its_score_is_a_team_and_a_city_there_is_its_club() {
        let found = cues(&["Kettleby 2 Marrow Vale 1", "Leeds 0 Stoke Amber 3"]);
        assert_eq!(has(&found, "Kettleby"), (false, true, false), "{found:?}");
        assert_eq!(has(&found, "Marrow Vale"), (false, true, false), "{found:?}");
        assert_eq!(has(&found, "Leeds"), (false, false, true), "the club, not the city: {found:?}");
        let standings = cues(&["Kettleby Amber 3 1 2 0 2 1 5", "Marrow Vale 3 1 1 1 4 4 4"]);
        assert_eq!(has(&standings, "Kettleby Amber"), (false, true, false), "{standings:?}");
    }

    #[test]
    fn a_country_in_brackets_marks_a_competitor_and_the_table_types_the_rest() {
        let found =
            cues(&["1. Tavo Quillfeather (Norway) 20.37", "2. Jens Moravik (Belgium) 20.54", "3. Orrin Vask 20.61"]);
        assert_eq!(has(&found, "Tavo Quillfeather"), (true, false, false), "{found:?}");
        assert_eq!(has(&found, "Orrin Vask"), (true, false, false), "the table's other rows: {found:?}");
        let national = cues(&["Norway 2 Belgium 1"]);
        assert!(national.iter().all(|c| !c.2 && !c.3), "a national side is its country: {national:?}");
    }

    #[test]
    fn the_name_after_a_competitors_bracket_is_a_team() {
        let found = cues(&["4. Tavo Quillfeather (Norway) Velotech 8", "5. Jens Moravik (Belgium) Corvane 9"]);
        assert_eq!(has(&found, "Velotech"), (false, true, false), "{found:?}");
    }

    #[test]
    fn an_initial_opens_a_persons_name() {
        let found = cues(&["K. Ostrow b Varga 15", "L. Drummel not out 8"]);
        assert_eq!(has(&found, "K. Ostrow"), (true, false, false), "{found:?}");
    }
}
