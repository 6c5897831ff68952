//! Finding name candidates in one article: runs of capitalised words, split at titles and
//! known names, cleaned of function words, possessives and roles, with the evidence for
//! their kind.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

mod candidate;
mod lists;
mod rows;
mod segment;
mod words;

use crate::analysis::doc::{Doc, Para};
use crate::analysis::lexicon::{Lexicon, Word, lexicon};
use crate::analysis::model::Kind;
use crate::text::fold::{strip_possessive, with_fold};
use crate::text::lower::with_lower;
pub use candidate::{Candidate, Source};
use lists::mark_lists;
use rows::mark_rows;
use segment::{At, push, segment};
use smallvec::SmallVec;
use words::*;

/// All candidates of one article.
pub fn find(doc: &Doc) -> Vec<Candidate> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(doc.paras.iter().map(|p| p.tokens.len() / 8).sum());
    let mut run: Vec<usize> = Vec::with_capacity(8);
    for (pi, para) in doc.paras.iter().enumerate() {
        for (si, &(a, b)) in para.sentences.iter().enumerate() {
            if shouted(para, a, b) {
                continue;
            }
            let before = out.len();
            let mut k = a;
            while k < b {
                if !para.tokens[k].word
                    || !is_cap(para.word(k))
                    || shouted_word(lex, para.word(k))
                    || is_compound_adjective(para.word(k))
                {
                    k += 1;
                    continue;
                }
                // one buffer for every run of the article: most runs are a single word
                run.clear();
                run.push(k);
                let mut m = k + 1;
                loop {
                    let last = *run.last().unwrap_or(&k);
                    // `United Nations-run schools`: the name ends inside its last word
                    if is_possessive(para.word(last)) || (last > k && is_adjective_of_name(para.word(last))) {
                        break;
                    }
                    if m < b
                        && para.tokens[m].word
                        && is_cap(para.word(m))
                        && !breaks_name(para.word(m))
                        && !shouted_word(lex, para.word(m))
                        && para.tokens[m].start as usize == para.tokens[m - 1].end() as usize + gap(para, m)
                    {
                        run.push(m);
                        m += 1;
                    } else if m + 1 < b
                        && (para.tokens[m].word && CONNECTORS.contains(&para.word(m)) || para.word(m) == "&")
                        && para.tokens[m + 1].word
                        && is_cap(para.word(m + 1))
                    {
                        run.push(m);
                        run.push(m + 1);
                        m += 2;
                    } else if let Some(next) = organisation_goes_on(lex, para, &run, m, b) {
                        run.extend(m..next);
                        m = next;
                    } else if m + 2 < b && para.word(m) == "of" && para.word(m + 1) == "the" && is_cap(para.word(m + 2))
                    {
                        run.extend([m, m + 1, m + 2]);
                        m += 3;
                    } else {
                        break;
                    }
                }
                process_run(At { lex, para, pi, si, sent_start: a }, &run, &mut out);
                k = m;
            }
            mark_lists(lex, para, &mut out[before..]);
        }
    }
    mark_rows(doc, &mut out);
    // kept until the last pass of the whole corpus: no spare capacity
    out.shrink_to_fit();
    out
}

/// Where an organisation's name goes on past `for` or `and` (`International Organization for
/// Migration`, `Centre for Volcanology and Hazard Mitigation`): one past the capitalised words
/// joined, when they belong to it. After `for` the run so far ends in an organisation's head
/// word; after `and` a `for` came first.
fn organisation_goes_on(lex: &'static Lexicon, para: &Para, run: &[usize], m: usize, b: usize) -> Option<usize> {
    if m + 1 >= b {
        return None;
    }
    let joiner = para.word(m);
    if !matches!(joiner, "for" | "and") || !para.tokens.get(m + 1).is_some_and(|t| t.word) {
        return None;
    }
    let caps = (m + 1..b).take_while(|&i| para.tokens[i].word && is_cap(para.word(i))).count();
    if caps == 0 {
        return None;
    }
    let next = m + 1 + caps;
    let org_head = |i: usize| lex.word(strip_possessive(para.word(i))).head() == Some(Kind::Organization);
    let last = *run.last()?;
    let joined = match joiner {
        "for" => org_head(last),
        // (`X and Y Agency` without a `for` stays two names: joining it, right as it often is,
        // took the last 'other' name out of a sentence and let the conflicts link figures of
        // two different quakes)
        _ => run.iter().any(|&i| para.word(i) == "for"),
    };
    joined.then_some(next)
}

type Pieces = SmallVec<[(std::ops::Range<usize>, Option<String>); 4]>;

fn process_run(at: At, run: &[usize], out: &mut Vec<Candidate>) {
    let At { lex, para, .. } = at;
    // runs are short: their words and what the lexicon knows of each (looked up once) stay
    // on the stack
    let words: SmallVec<[&str; 8]> = run.iter().map(|&i| strip_possessive(para.word(i))).collect();
    let info: SmallVec<[Word; 8]> = words.iter().map(|w| lex.word(w)).collect();
    let known = if words.len() == 1 {
        info[0].may_be_known() && with_fold(words[0], |k| lexicon_kind(lex, k).is_some())
    } else {
        with_fold(&words.join(" "), |k| lexicon_kind(lex, k).is_some())
    };
    // A whole known name wins over any split (`The Hague`, `Bank of England`).
    if known && !(words.len() == 1 && info[0].is_common()) {
        push(at, run, None, out);
        return;
    }
    // `Ana Ruiz of the Harbour Trust`: a person of an organisation is two names; the name
    // before `of` (after any title: `Station Manager Ana Ruiz of ...`) is a person's when it
    // opens with a given name, or is two plain names, and ends in no head word
    let lead = || info.iter().take_while(|w| w.is_title() || w.is_common()).count();
    if let Some(of) = words.iter().position(|w| *w == "of")
        && let from = (0..of).rev().find(|&i| info[i].is_title()).map_or_else(lead, |t| (t + 1).max(lead()))
        && of >= from + 2
        && info[of - 1].head().is_none()
        && (info[from].is_given() || (of == from + 2 && (from..of).all(|i| plain_name(words[i], &info[i]))))
        && !known
    {
        process_run(at, &run[..of], out);
        let rest = if words.get(of + 1).is_some_and(|w| w.eq_ignore_ascii_case("the")) { of + 2 } else { of + 1 };
        if rest < run.len() {
            process_run(at, &run[rest..], out);
        }
        return;
    }
    // Split at titles; a title before a name is that person's role.
    // `Texas Department of Criminal Justice`: a head word before `of` makes one organisation
    let head_of = (1..words.len()).any(|i| matches!(words[i], "of" | "for") && info[i - 1].head().is_some());
    let ends_with_head = info.last().is_some_and(|w| w.head().is_some()) || (words.len() > 2 && head_of);

    let pieces = pieces_at_titles(&words, &info, ends_with_head);
    // attach roles to the piece that follows them
    let mut pending: Option<String> = None;
    for (piece, r) in pieces {
        if piece.is_empty() {
            pending = r;
            continue;
        }
        segment(at, &run[piece], pending.take(), out);
    }
}

/// The pieces of a run between its titles, as ranges of the run; an empty one carries the
/// role of the piece after it.
fn pieces_at_titles(words: &[&str], info: &[Word], ends_with_head: bool) -> Pieces {
    let mut pieces = Pieces::new();
    let mut cur: Option<usize> = None;
    let mut role: SmallVec<[&str; 4]> = SmallVec::new();
    let mut after_role = false;
    for (n, &w) in words.iter().enumerate() {
        let alone = cur.is_none() && role.is_empty();
        let in_name =
            cur.map(|from| WordBefore { given: info[n - 1].is_given(), after_role: after_role && n == from + 1 });
        let title = affiliation_at(words, info, n)
            || (!ends_with_head && info[n].is_title() && !title_as_surname(words, n, in_name, alone));
        if title {
            if let Some(from) = cur.take() {
                pieces.push((from..n, None));
            }
            role.push(w);
            continue;
        }
        if cur.is_none() && !role.is_empty() && CONNECTORS.contains(&w) {
            role.push(w);
            continue;
        }
        if cur.is_none() {
            after_role = !role.is_empty();
        }
        if cur.is_none() && !role.is_empty() {
            pieces.push((n..n, Some(role.join(" "))));
            role.clear();
        }
        cur.get_or_insert(n);
    }
    if let Some(from) = cur {
        pieces.push((from..words.len(), None));
    }
    pieces
}

/// What precedes a title word inside a name: a given name, or the name's one word right
/// after a role (`Director Tavish Pope`).
#[derive(Clone, Copy)]
struct WordBefore {
    given: bool,
    after_role: bool,
}

/// Whether the title word `n` of a run is a surname here: after an honorific (`Mr. Major`,
/// `Ms. Bishop`), ending a name after a given name (`Carol Marshal`) or after a role's first
/// name word (`Research Director Tavish Pope`), or the run's only word.
fn title_as_surname(words: &[&str], n: usize, in_name: Option<WordBefore>, alone: bool) -> bool {
    let last = n + 1 == words.len();
    let ends_name = in_name.is_some_and(|p| p.given || p.after_role);
    (alone && last) || (n > 0 && (is_honorific(words[n - 1]) || (last && ends_name)))
}

/// `Republican Ana Ruiz`: an affiliation opening a person's name (after a sentence's opening
/// word, `If Democrat Ana Ruiz wins`) is her role, not part of her name.
fn affiliation_at(words: &[&str], info: &[Word], n: usize) -> bool {
    let (Some(w), Some(before)) = (words.get(n), info.get(..n)) else { return false };
    before.iter().all(|x| x.is_common())
        && words.len() >= n + 3
        && person_follows(&words[n..], &info[n..])
        && with_lower(w, |l| lexicon().parties.contains(l))
}

/// Whether the words after the first are a person's name: a given name first, or two
/// plain names (no head word, common word or demonym; a town's name may be a surname, a
/// country's or an organisation's is not).
fn person_follows(words: &[&str], info: &[Word]) -> bool {
    match (words, info) {
        (_, [_, second, ..]) if second.is_given() => true,
        ([_, a, b], [_, x, y]) => plain_name(a, x) && plain_name(b, y),
        _ => false,
    }
}

/// A word that may be part of a person's name: no head word, common word or demonym, and no
/// country's or organisation's name (a town's name may be a surname).
fn plain_name(w: &str, x: &Word) -> bool {
    let lex = lexicon();
    x.head().is_none()
        && !x.is_common()
        && !x.is_demonym()
        && !x.is_title()
        && with_fold(w, |k| lex.places.get(k).is_none_or(|p| p.kind == "city") && !lex.orgs.contains_key(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::Kind;

    fn names(text: &str) -> Vec<String> {
        let paras = vec![text.to_string()];
        let doc = Doc::new(&paras);
        find(&doc).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn names_in_table_rows_are_names_not_heading_words() {
        let rows = ["Kettleby 2 Marrow Vale 1", "Stoke Amber 0 Kettleby 3"].map(String::from);
        let doc = Doc::new(&rows);
        let found: Vec<(String, bool)> = find(&doc).into_iter().map(|c| (c.text, c.weak || c.initial)).collect();
        assert!(found.contains(&("Kettleby".to_string(), false)), "a row's first cell: {found:?}");
        assert!(found.contains(&("Marrow Vale".to_string(), false)), "{found:?}");
        let heading = ["Storm Season Brings Floods".to_string()];
        assert!(find(&Doc::new(&heading)).iter().all(|c| c.weak), "a heading's capitals are weak");
    }

    #[test]
    fn an_affiliation_before_a_name_is_not_part_of_it() {
        let found =
            names("The vote went to Labour Ines Dumont, and if Republican Tavi Kroll wins, Republicans said so.");
        assert!(found.iter().any(|n| n == "Ines Dumont"), "{found:?}");
        assert!(found.iter().any(|n| n == "Tavi Kroll"), "{found:?}");
        assert!(!found.iter().any(|n| n.contains("Republican Tavi")), "{found:?}");
        // alone, or before what is no person's name, it stays
        let found = names("The Republican National Committee met, and Republicans said no.");
        assert!(found.iter().any(|n| n == "Republican National Committee"), "{found:?}");
        assert!(found.iter().any(|n| n == "Republicans"), "{found:?}");
    }

    #[test]
    fn titles_and_possessives_are_not_part_of_names() {
        assert_eq!(names("Prime Minister Jane Doeling’s plan failed."), vec!["Jane Doeling"]);
        assert_eq!(names("Canadian Senator Omar Belkacem spoke."), vec!["Omar Belkacem"]);
        assert_eq!(names("Oslo spokesperson Ingrid Halvorsen said so."), vec!["Oslo", "Ingrid Halvorsen"]);
    }

    #[test]
    fn a_capitalised_common_word_inside_a_prose_name_stays() {
        assert_eq!(names("The New Harbor Post reports that the ferry sank."), vec!["New Harbor Post"]);
        // a heading's common words are still dropped
        let heading = ["New Fears Over Harbor Post".to_string()];
        let found: Vec<String> = find(&Doc::new(&heading)).into_iter().map(|c| c.text).collect();
        assert!(!found.iter().any(|n| n.starts_with("New")), "{found:?}");
    }

    #[test]
    fn a_plain_word_opening_a_sentence_before_a_full_name_is_no_part_of_it() {
        assert_eq!(names("Challenger Dana Whitcombe mocked the plan."), vec!["Dana Whitcombe"]);
        // a given name first, or one word after it, stays whole
        assert_eq!(names("Dana Whitcombe mocked the plan."), vec!["Dana Whitcombe"]);
        assert_eq!(names("Whitcombe Dana mocked it."), vec!["Whitcombe Dana"]);
    }

    #[test]
    fn a_title_word_ending_a_name_after_a_role_is_a_surname() {
        let found = names("The Research Director Tavish Pope said so.");
        assert!(found.iter().any(|n| n == "Tavish Pope") && !found.iter().any(|n| n == "Tavish"), "{found:?}");
        // a title before a name is still its role
        assert_eq!(names("Director Tavish Pemberton said so."), vec!["Tavish Pemberton"]);
    }

    #[test]
    fn sentence_openers_days_and_months_are_not_names() {
        assert_eq!(names("However, the talks in Lima resumed on Monday in March."), vec!["Lima"]);
        assert_eq!(names("Following the vote, Ana Ruiz left. Speaking later, she smiled."), vec!["Ana Ruiz"]);
    }

    #[test]
    fn shouted_sentences_and_function_words_in_capitals_are_not_names() {
        assert!(names("OFFICIALS SAY THE FERRY SANK NEAR THE PORT. Ana Ruiz left.") == vec!["Ana Ruiz"]);
        assert_eq!(names("THE UN envoy met WHO staff in the US."), vec!["UN", "WHO", "US"]);
        assert_eq!(names("Then FIVE PEOPLE HAVE DIED IN A FIRE near Lyon."), Vec::<String>::new(), "shouted");
        assert_eq!(names("Then FIVE PEOPLE died near the old harbour in Lyon."), vec!["FIVE PEOPLE", "Lyon"]);
    }

    #[test]
    fn a_person_of_an_organisation_and_compound_adjectives() {
        assert_eq!(names("Reporter Ana Ruiz of The Harbour Gazette wrote it."), vec!["Ana Ruiz", "Harbour Gazette"]);
        // a word before the title that is neither title nor common stays, and the person is split off
        let n = names("Then Shift Leader Ana Ruiz of Northam Water Board said so.");
        assert_eq!(n[n.len() - 2..], ["Ana Ruiz", "Northam Water Board"]);
        assert_eq!(
            names("Later Tavo Quillfeather of the Harbour Trust wrote on X."),
            vec!["Tavo Quillfeather", "Harbour Trust", "X"]
        );
        assert_eq!(
            names("The University of Tartu and the Duke of Averne agreed."),
            vec!["University of Tartu", "Duke of Averne"]
        );
        assert_eq!(
            names("Then Mother-of-three Ana Ruiz and Three-time champion Tavo Quillfeather spoke."),
            vec!["Ana Ruiz", "Tavo Quillfeather"]
        );
        assert_eq!(names("The University of Tartu agreed."), vec!["University of Tartu"]);
        assert_eq!(names("A Lisbon-based firm and a Kenyan-born singer met Ana Ruiz I'm told."), vec!["Ana Ruiz"]);
    }

    #[test]
    fn known_names_split_runs() {
        assert_eq!(names("The envoy to the EU Marta Kowalska arrived."), vec!["EU", "Marta Kowalska"]);
        assert_eq!(names("U.S. President Joe Bloggs met them."), vec!["U.S.", "Joe Bloggs"]);
    }

    #[test]
    fn organisations_keep_country_and_head() {
        let paras =
            vec!["Peru’s Foreign Ministry and the Chilean Defence Ministry met the Ministry of Health.".to_string()];
        let doc = Doc::new(&paras);
        let c = find(&doc);
        let orgs: Vec<(&str, Option<&str>)> = c
            .iter()
            .filter(|c| matches!(c.source, Source::Head(Kind::Organization)))
            .map(|c| (c.text.as_str(), c.country))
            .collect();
        assert_eq!(
            orgs,
            vec![
                ("Foreign Ministry", Some("Peru")),
                ("Chilean Defence Ministry", Some("Chile")),
                ("Ministry of Health", None)
            ]
        );
    }

    #[test]
    fn a_places_words_around_a_name_make_it_a_place() {
        for (text, name) in [
            ("The bomb went off in a market of the coastal town of Varnoe on Friday.", "Varnoe"),
            ("The plant stands in Quenlo province, far from the capital.", "Quenlo"),
            ("The flight came down over Keddick, Scotland, in 1988.", "Keddick"),
        ] {
            let c = find(&Doc::new(&[text.to_string()]));
            assert!(c.iter().any(|c| c.text == name && c.place_cue), "{text}: {c:?}");
        }
        let c = find(&Doc::new(&["According to Quillon, the talks went to Varnoe.".to_string()]));
        assert!(c.iter().any(|c| c.text == "Quillon" && !c.place_cue), "a cited source: {c:?}");
        assert!(c.iter().any(|c| c.text == "Varnoe" && c.place_cue), "{c:?}");
        let c = find(&Doc::new(&["Ana Ruiz, Norway's envoy, spoke first.".to_string()]));
        assert!(c.iter().all(|c| !c.place_cue || c.text != "Ana Ruiz"), "{c:?}");
    }

    #[test]
    fn a_kind_of_organisation_before_a_name_or_a_teams_score_after_it() {
        for (text, name) in [
            ("UEFA fined the Belgian club Olimpia Varnoe on Friday.", "Olimpia Varnoe"),
            ("The remark was reported by the daily Kestrel Zeitung.", "Kestrel Zeitung"),
            ("The Florida side beat the Quenlo Reds 3-1 for a seventh straight win.", "Quenlo Reds"),
        ] {
            let c = find(&Doc::new(&[text.to_string()]));
            assert!(c.iter().any(|c| c.text == name && c.org_cue), "{text}: {c:?}");
        }
        let c = find(&Doc::new(&["The club said Ana Ruiz would stay.".to_string()]));
        assert!(c.iter().all(|c| !c.org_cue), "{c:?}");
    }

    #[test]
    fn an_organisations_name_goes_on_past_for_and_and() {
        for (text, name) in [
            ("The International Organization for Settlement said so.", "International Organization for Settlement"),
            (
                "The Centre for Volcanology and Hazard Mitigation raised the alert.",
                "Centre for Volcanology and Hazard Mitigation",
            ),
        ] {
            let c = find(&Doc::new(&[text.to_string()]));
            assert!(
                c.iter().any(|c| c.text == name && matches!(c.source, Source::Head(Kind::Organization))),
                "{text}: {c:?}"
            );
        }
        let c = names("Ana Ruiz and Harbour Trust staff met. Ines Dumont voted for Northam.");
        assert!(c.contains(&"Ana Ruiz".to_string()) && c.contains(&"Northam".to_string()), "{c:?}");
        let c = names("The Northam Cyber Centre and Varnoe Police were told.");
        assert_eq!(c, ["Northam Cyber Centre", "Varnoe Police"], "two organisations, each whole at its head word");
    }

    #[test]
    fn a_firms_partners_and_currency_codes() {
        let c = find(&Doc::new(&["said an analyst at Quill & Marrow, who expects a SEK 41bn gap.".to_string()]));
        assert!(c.iter().any(|c| c.text == "Quill & Marrow" && c.source == Source::Head(Kind::Organization)), "{c:?}");
        assert!(c.iter().all(|c| c.text != "SEK"), "a currency's code before its amount: {c:?}");
        assert!(!names("Highs reached 104 degrees Fahrenheit.").contains(&"Fahrenheit".to_string()));
    }

    #[test]
    fn a_persons_words_around_a_name() {
        for (text, name) in [
            ("Orrin Vask, an elected member of the council, died on Friday.", "Orrin Vask"),
            ("Tavo Quill, executive director of the group, spoke.", "Tavo Quill"),
            ("Scorers: Orrin Vask (47th), Tavo Quill (88th).", "Orrin Vask"),
        ] {
            let c = find(&Doc::new(&[text.to_string()]));
            assert!(c.iter().any(|c| c.text == name && c.person_cue), "{text}: {c:?}");
        }
        let c = find(&Doc::new(&["Varnoe, a town of 4,000, and Quenlo Bay (2019) flooded.".to_string()]));
        assert!(c.iter().all(|c| !c.person_cue), "{c:?}");
        let card = ["K. Ostrow c Vask b Quillon 15", "L. Drummel b Quillon 8"].map(String::from);
        let c = find(&Doc::new(&card));
        assert!(c.iter().any(|c| c.text == "Quillon" && c.person_cue), "a scorecard's bowler: {c:?}");
    }

    #[test]
    fn a_hyphenated_adjective_ends_the_name_inside_its_word() {
        let n = names("Pupils at a Harbour Trust-run school and Varnoe-based staff");
        assert!(n.contains(&"Harbour Trust".to_string()) && !n.iter().any(|n| n.contains("Varnoe")), "{n:?}");
    }

    #[test]
    fn a_title_word_after_an_honorific_is_a_surname() {
        assert_eq!(names("Both Mr. Major and Ms. Bishop said so."), ["Major", "Bishop"]);
        assert_eq!(names("and hosts such as Carol Marshal work there."), ["Carol Marshal"]);
    }

    #[test]
    fn a_line_up_numbered_by_shirts_is_all_people() {
        let text = "Northam - 5 - Orrin Vask, 7 - Tavo Quill, 6 - Ilvar Tesk, 10 - Quillon.";
        let c = find(&Doc::new(&[text.to_string()]));
        assert!(c.iter().filter(|c| c.text != "Northam").all(|c| c.person_cue), "{c:?}");
    }

    #[test]
    fn a_numbered_line_up_is_one_list() {
        let text =
            "Northam - 15 - John Kroll, 14 - Ines Dumont, 13 - Orrin Vask (Mara Quist, 60th), 12 - Peter Tamsin.";
        let c = find(&Doc::new(&[text.to_string()]));
        assert!(c.iter().any(|c| c.text == "Orrin Vask" && c.person_cue), "{c:?}");
    }

    #[test]
    fn lists_of_places_spread_the_kind() {
        let paras = vec!["Troops left Oslo, Bergen, Tromsvik and Lisbon.".to_string()];
        let doc = Doc::new(&paras);
        let c = find(&doc);
        let t = c.iter().find(|c| c.text == "Tromsvik").unwrap();
        assert!(t.place_cue);
    }

    #[test]
    fn lists_of_people_spread_the_kind() {
        let paras = vec!["The team: Tavi Kroll, Ines Dumont, Orrin Vask and Mara Quist.".to_string()];
        let c = find(&Doc::new(&paras));
        assert!(c.iter().any(|c| c.text == "Orrin Vask" && c.person_cue), "{c:?}");
    }
}
