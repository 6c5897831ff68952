//! Merging name candidates across the whole corpus into entities, in about linear time:
//! every rule looks names up by a folded key, never compares all pairs.
//!
//! Rules, in order: a known name (gazetteer) by its canonical form; an organisation by its
//! country and base (`Russian Foreign Ministry` = `Russia's Ministry of Foreign Affairs`);
//! other names by a spelling skeleton (`Zelenskiy` = `Zelensky`); then a bare surname or given
//! name joins the one full name it can belong to, an unqualified organisation joins the one
//! qualified form, an acronym joins the one name with those initials, and a short form joins
//! the one longer name that only adds a head word (`Notre Dame` → `Notre Dame Cathedral`).
//! Where more than one full name fits, the one in the same article wins; else nothing merges.
//! By phase: [`key`] (the first key), [`index`] (the look-ups of the other rules) and
//! [`entity`] (a group's name, kind and aliases).
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

mod entity;
mod index;
mod key;
mod place;

use super::candidates::{Candidate, Source};
use crate::analysis::model::Entity;
use index::{Index, Proto};
use key::Key;
use place::{Place, place};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

pub struct Merged {
    pub entities: Vec<Entity>,
    /// For each article, for each candidate: the entity it was merged into, if kept.
    pub assignment: Vec<Vec<Option<u32>>>,
    /// The same places: the mention's text, shared with the entity's mention.
    pub texts: Vec<Vec<Option<Arc<str>>>>,
    /// Each entity's name and each article's id, shared by all their mentions.
    pub names: Vec<Arc<str>>,
    pub ids: Vec<Arc<str>>,
}

/// The candidates of every article merged into entities.
pub fn merge(articles: &[(&str, &[Candidate])], lowercase_words: &HashSet<String>) -> Merged {
    let kept = kept(articles, lowercase_words);
    let (protos, proto_of) = protos(articles, &kept);
    drop(kept);
    let cand = |(ai, ci): Place| &articles[ai as usize].1[ci as usize];
    let index = Index::new(&protos, &cand);
    // where each candidate goes: look-ups only, so articles are done in parallel
    let target: Vec<Vec<Option<u32>>> = articles
        .par_iter()
        .enumerate()
        .map(|(ai, (_, cands))| {
            cands
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let own = proto_of[ai][ci]? as usize;
                    Some(index.target(c, &protos[own].key, ai, own).unwrap_or(own) as u32)
                })
                .collect()
        })
        .collect();
    drop(index);
    // collect members per final proto
    let mut groups: Vec<Vec<Place>> = vec![Vec::new(); protos.len()];
    for (ai, row) in target.iter().enumerate() {
        for (ci, t) in row.iter().enumerate() {
            if let Some(t) = t {
                groups[*t as usize].push(place(ai, ci));
            }
        }
    }
    drop(target);
    // each group's entity on its own: in parallel, in group order
    let entities: Vec<(Entity, Vec<Place>)> = groups
        .into_par_iter()
        .enumerate()
        .filter_map(|(id, members)| {
            let own = |&(ai, ci): &Place| proto_of[ai as usize][ci as usize] == Some(id as u32);
            entity::of_group(members, &protos[id].key, &cand, own, lowercase_words)
        })
        .collect();
    finish(articles, entities, &cand)
}

/// Which candidates can be names at all: each on its own, so in parallel.
fn kept(articles: &[(&str, &[Candidate])], lowercase_words: &HashSet<String>) -> Vec<Vec<bool>> {
    articles
        .par_iter()
        .map(|(_, cands)| {
            // the words of the report's own longer names: `Hart said` after `Tavi Hart`
            // is his surname even where another report writes `hart` as a verb
            let in_names: HashSet<&str> = cands
                .iter()
                .filter(|c| c.words().len() >= 2)
                .flat_map(|c| c.words().iter().map(String::as_str))
                .collect();
            cands
                .iter()
                .map(|c| {
                    let single_unknown = c.words().len() == 1 && c.source == Source::Unknown;
                    if single_unknown
                        && c.initial
                        && !in_names.contains(c.text.as_str())
                        && lowercase_words.contains(&c.words()[0].to_lowercase())
                    {
                        return false;
                    }
                    // `FIVE PEOPLE`, `CHARGED WITH MURDER`: capitals over words the corpus writes
                    // in lower case are shouted prose, not a name
                    !(c.source == Source::Unknown
                        && c.is_shouted()
                        && c.words().iter().filter(|w| lowercase_words.contains(&w.to_lowercase())).count() * 2
                            >= c.words().len())
                })
                .collect()
        })
        .collect()
}

/// The candidates kept, grouped by their first key: the groups, and each candidate's group.
fn protos(articles: &[(&str, &[Candidate])], kept: &[Vec<bool>]) -> (Vec<Proto>, Vec<Vec<Option<u32>>>) {
    // the same surface with the same evidence always gives the same key: each distinct one is
    // numbered in corpus order, and its key computed once, in parallel
    let mut seen: HashMap<(&str, u8, Option<&str>), usize> = HashMap::default();
    let mut first_of: Vec<Place> = Vec::new();
    let mut memo_of: Vec<Vec<Option<u32>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    for (ai, (_, cands)) in articles.iter().enumerate() {
        for (ci, c) in cands.iter().enumerate() {
            if !kept[ai][ci] {
                continue;
            }
            let tag = match &c.source {
                Source::Lexicon(k, _) => 10 + *k as u8,
                Source::Head(k) => 20 + *k as u8,
                Source::Row(k) => 30 + *k as u8,
                Source::Unknown => 0,
            };
            let next = first_of.len();
            let u = *seen.entry((c.text.as_str(), tag, c.country)).or_insert(next);
            if u == next {
                first_of.push(place(ai, ci));
            }
            memo_of[ai][ci] = Some(u as u32);
        }
    }
    let keys: Vec<Key> = first_of.par_iter().map(|&(ai, ci)| Key::of(&articles[ai as usize].1[ci as usize])).collect();
    drop((first_of, seen));
    let mut protos: Vec<Proto> = Vec::new();
    let mut by_key: HashMap<Key, usize> = HashMap::default();
    let mut id_of_memo: Vec<Option<usize>> = vec![None; keys.len()];
    let mut proto_of: Vec<Vec<Option<u32>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    for (ai, row) in memo_of.iter().enumerate() {
        for (ci, u) in row.iter().enumerate() {
            let Some(u) = u.map(|u| u as usize) else { continue };
            let id = *id_of_memo[u].get_or_insert_with(|| {
                let key = keys[u].clone();
                *by_key.entry(key.clone()).or_insert_with(|| {
                    protos.push(Proto { key, members: Vec::new() });
                    protos.len() - 1
                })
            });
            protos[id].members.push(place(ai, ci));
            proto_of[ai][ci] = Some(id as u32);
        }
    }
    (protos, proto_of)
}

/// The merged entities, most mentioned first and their names made unique, with each
/// candidate's entity and its text shared with the entity's other mentions.
fn finish<'c>(
    articles: &[(&str, &'c [Candidate])],
    entities: Vec<(Entity, Vec<Place>)>,
    cand: &(impl Fn(Place) -> &'c Candidate + Sync),
) -> Merged {
    let ids: Vec<Arc<str>> = articles.iter().map(|(id, _)| Arc::from(*id)).collect();
    // a surface is written the same way in many places: one copy of each an entity, shared
    // (each entity's on its own, in parallel; then filed in place)
    let shared: Vec<Vec<Arc<str>>> = entities.par_iter().map(|(_, members)| shared_texts(members, cand)).collect();
    let mut texts: Vec<Vec<Option<Arc<str>>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    for ((_, members), shared) in entities.iter().zip(shared) {
        for (&m, text) in members.iter().zip(shared) {
            texts[m.0 as usize][m.1 as usize] = Some(text);
        }
    }
    let mut entities = entities;
    entities.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut seen: HashSet<String> = HashSet::default();
    let mut assignment: Vec<Vec<Option<u32>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    let mut out = Vec::with_capacity(entities.len());
    let mut names = Vec::with_capacity(entities.len());
    for (i, (mut e, members)) in entities.into_iter().enumerate() {
        if !seen.insert(e.name.clone()) {
            // the name a second entity of that spelling is listed by; the text keeps its own
            // spelling among the aliases, so a search for the name finds both
            let listed = format!("{} ({})", e.name, e.kind.as_str());
            let written = std::mem::replace(&mut e.name, listed);
            if let Err(at) = e.aliases.binary_search(&written) {
                e.aliases.insert(at, written);
            }
            seen.insert(e.name.clone());
        }
        names.push(Arc::from(e.name.as_str()));
        for (ai, ci) in members {
            assignment[ai as usize][ci as usize] = Some(i as u32);
        }
        out.push(e);
    }
    Merged { entities: out, assignment, texts, names, ids }
}

/// The texts of an entity's mentions, in their order, one copy of each surface.
fn shared_texts<'c>(members: &[Place], cand: &impl Fn(Place) -> &'c Candidate) -> Vec<Arc<str>> {
    let mut surfaces: HashMap<&str, Arc<str>> = HashMap::default();
    members
        .iter()
        .map(|&m| {
            let text = cand(m).text.as_str();
            Arc::clone(surfaces.entry(text).or_insert_with(|| Arc::from(text)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Kind, Options, analyse, test_corpus};

    fn entities(texts: &[&str]) -> Vec<(String, Kind, Vec<String>)> {
        let a = analyse(&test_corpus(texts), &Options::default());
        a.entities.into_iter().map(|e| (e.name, e.kind, e.aliases)).collect()
    }

    #[test]
    fn a_leading_article_is_not_part_of_a_surface() {
        for (text, expected) in [
            ("the Harbour Trust", "Harbour Trust"),
            ("The the Harbour Trust", "the Harbour Trust"),
            ("the the Harbour Trust", "Harbour Trust"),
            ("Theodore Ross", "Theodore Ross"),
            ("the", "the"),
            ("Then Sea Board", "Then Sea Board"),
        ] {
            assert_eq!(super::entity::without_article(text), expected, "{text:?}");
            assert_eq!(text.trim_start_matches("the ").trim_start_matches("The "), expected);
        }
    }

    #[test]
    fn two_plain_capitalised_words_with_no_other_evidence_are_a_person() {
        let es = entities(&["The award was won by Tavish Orrum on the night, and the band Orrum Oslo played."]);
        assert_eq!(find(&es, "Tavish Orrum").map(|e| e.1), Some(Kind::Person), "{es:?}");
        // a word the lexicon knows (a place) or one in capitals is no person's name
        assert_ne!(find(&es, "Orrum Oslo").map(|e| e.1), Some(Kind::Person), "{es:?}");
        let es = entities(&["The award was won by ORRUM Tavern on the night, then by Global South."]);
        assert!(es.iter().all(|e| e.1 != Kind::Person), "{es:?}");
        // nor one of words the corpus also writes in lower case
        let es = entities(&["The prize was won by Golden Lantern.", "A golden lantern hung there."]);
        assert_ne!(find(&es, "Golden Lantern").map(|e| e.1), Some(Kind::Person), "{es:?}");
    }

    #[test]
    fn a_person_with_a_middle_initial_is_also_found_without_it() {
        let es = entities(&["Attorney Lorna Q. Pellham spoke. Pellham said no."]);
        let e = find(&es, "Lorna Q. Pellham").map(|e| e.2.clone());
        assert!(e.is_some_and(|aliases| aliases.iter().any(|a| a == "Lorna Pellham")), "{es:?}");
        assert_eq!(super::entity::without_middle_initials("Lorna Pellham"), None);
        assert_eq!(super::entity::without_middle_initials("A. Pellham"), None);
        assert_eq!(super::entity::without_middle_initials("Ana B C Ruiz").as_deref(), Some("Ana Ruiz"));
    }

    fn find<'a>(es: &'a [(String, Kind, Vec<String>)], form: &str) -> Option<&'a (String, Kind, Vec<String>)> {
        es.iter().find(|e| e.0 == form || e.2.iter().any(|a| a == form))
    }

    #[test]
    fn a_club_named_after_its_city_is_its_own_entity_and_both_keep_the_written_name() {
        let es = entities(&[
            "Results on Saturday:\n\nLeeds 2 Kettleby Amber 1\n\nMarrow Vale 0 Stoke Amber 3\n\nFans travelled from Leeds by train.",
        ]);
        let kinds: Vec<Kind> =
            es.iter().filter(|e| e.0 == "Leeds" || e.2.iter().any(|a| a == "Leeds")).map(|e| e.1).collect();
        assert!(kinds.contains(&Kind::Organization) && kinds.contains(&Kind::Place), "{es:?}");
    }

    #[test]
    fn an_acronym_joins_its_long_form_with_an_acronym_inside() {
        let es = entities(&["The UN Office for Relief and Works said it would cut aid. UNORW runs schools."]);
        let agency = find(&es, "UN Office for Relief and Works").expect("the long form");
        assert!(agency.2.iter().any(|a| a == "UNORW"), "{es:?}");
    }

    #[test]
    fn a_surname_opening_a_sentence_stays_a_name_where_another_report_writes_it_in_lower_case() {
        let es =
            entities(&["Tavi Hart spoke on Friday.\n\nHart said the levy would pass.", "A hart ran across the road."]);
        let park = find(&es, "Tavi Hart").expect("the full name");
        assert!(park.2.iter().any(|a| a == "Hart"), "{es:?}");
    }

    #[test]
    fn a_surname_that_is_a_country_is_the_person_when_it_speaks() {
        let es =
            entities(&["Rep. Tavi Malta questioned the deal.\n\nMalta said the vote was rigged. Troops left Malta."]);
        let person = find(&es, "Tavi Malta").expect("the person");
        assert!(person.2.iter().any(|a| a == "Malta"), "{es:?}");
        assert!(
            es.iter().any(|e| e.1 == Kind::Place && (e.0 == "Malta" || e.2.iter().any(|a| a == "Malta"))),
            "{es:?}"
        );
    }

    #[test]
    fn party_words_are_their_party_an_organisation() {
        let es = entities(&[
            "The Tories said the levy would fail.",
            "Conservatives voted against it, and Labour abstained.",
        ]);
        let tories = find(&es, "Tories").expect("the party");
        assert_eq!(tories.1, Kind::Organization, "{es:?}");
        assert!(
            [&tories.0].into_iter().chain(&tories.2).any(|a| a == "Conservatives"),
            "one party, not two speakers: {es:?}"
        );
        assert_eq!(find(&es, "Labour").map(|e| e.1), Some(Kind::Organization));
    }

    #[test]
    fn a_surname_joins_the_full_name_its_report_gives() {
        let es = entities(&[
            "City Councilman Tomas Varga called for calm.\n\n\"Stay home,\" said Varga.",
            "Tennis star Ilona Varga won the final.\n\n\"I am happy,\" Varga said.",
            "Councilman Tomas K. Varga voted no.",
        ]);
        let tomas = find(&es, "Tomas K. Varga").expect("the long form");
        assert!(tomas.2.iter().any(|a| a == "Tomas Varga"), "{es:?}");
        assert!(es.iter().all(|e| e.0 != "Varga"), "no bare surname left: {es:?}");
    }

    #[test]
    fn a_given_name_and_a_surname_that_are_both_towns_are_one_person() {
        let es = entities(&[
            "Charlotte Lincoln questioned the bank's chief on Tuesday.\n\n\"You should resign,\" Lincoln told him.\n\nLincoln said the fines were too small.",
        ]);
        let person = find(&es, "Charlotte Lincoln").unwrap_or_else(|| panic!("one name: {es:?}"));
        assert_eq!(person.1, Kind::Person, "{es:?}");
        assert!(person.2.iter().any(|a| a == "Lincoln"), "the bare surname joins her: {es:?}");
    }

    #[test]
    fn a_town_that_is_a_surname_in_its_report_is_not_another_reports_given_name() {
        let es = entities(&[
            "Investor Lincoln Q. Vale bought the shares.",
            "Charlotte Lincoln questioned the bank's chief.\n\n\"You should resign,\" Lincoln told him.",
        ]);
        let person = find(&es, "Charlotte Lincoln").unwrap_or_else(|| panic!("{es:?}"));
        assert!(person.2.iter().any(|a| a == "Lincoln"), "the surname of her own report: {es:?}");
        let vale = find(&es, "Lincoln Q. Vale").unwrap_or_else(|| panic!("{es:?}"));
        assert!(vale.2.iter().all(|a| a != "Lincoln"), "{es:?}");
    }

    #[test]
    fn a_bare_name_is_first_the_surname_or_given_name_of_its_own_report() {
        let es = entities(&[
            "Investor Quill Amberly bought the shares.",
            "Teacher Noa Quill led the march.\n\n\"We will be back,\" Quill said.",
            "Mayor Quill Tarrant opened the bridge.\n\n\"It is finished,\" Quill said.",
        ]);
        let noa = find(&es, "Noa Quill").unwrap_or_else(|| panic!("{es:?}"));
        assert!(noa.2.iter().any(|a| a == "Quill"), "{es:?}");
        let amberly = find(&es, "Quill Amberly").unwrap_or_else(|| panic!("{es:?}"));
        assert!(amberly.2.iter().all(|a| a != "Quill"), "{es:?}");
    }

    #[test]
    fn a_surname_that_speaks_joins_the_untyped_full_name_of_its_report() {
        let es = entities(&["Tavi Kroll defended the plan on Monday.\n\n\"It is sound,\" Kroll said."]);
        let kroll = find(&es, "Tavi Kroll").unwrap_or_else(|| panic!("{es:?}"));
        assert!(kroll.2.iter().any(|a| a == "Kroll"), "{es:?}");
        assert_eq!(kroll.1, Kind::Person, "{es:?}");
    }

    #[test]
    fn a_town_named_with_a_preposition_stays_a_town() {
        let es = entities(&["Charlotte Lincoln opened a shop.\n\nShe grew up in Lincoln, where the shop stands."]);
        let town = find(&es, "Lincoln").unwrap_or_else(|| panic!("{es:?}"));
        assert_eq!(town.1, Kind::Place, "`in Lincoln` is the town: {es:?}");
    }

    #[test]
    fn phrases_in_capitals_of_ordinary_words_are_not_names() {
        let es = entities(&[
            "Then FIVE PEOPLE died near the harbour, and the MARFO DELTA BANK closed.",
            "Five people were hurt, people said. PANIC followed, and UNICEF sent help.",
            "The panic was over.",
        ]);
        assert!(find(&es, "FIVE PEOPLE").is_none(), "{es:?}");
        assert!(find(&es, "PANIC").is_none(), "{es:?}");
        assert!(find(&es, "UNICEF").is_some(), "{es:?}");
        assert!(find(&es, "MARFO DELTA BANK").is_some(), "{es:?}");
    }

    #[test]
    fn surname_joins_the_full_name_and_titles_drop() {
        let es = entities(&[
            "President Amara Okafor spoke in Lagos.",
            "Okafor later met Mr. Chen Wei. Okafor’s aides left.",
        ]);
        let e = find(&es, "Okafor").unwrap();
        assert_eq!(e.0, "Amara Okafor");
        assert_eq!(e.1, Kind::Person);
    }

    #[test]
    fn transliterations_and_accents_join() {
        let es = entities(&[
            "Minister Sergei Lavrenko arrived.",
            "Minister Sergey Lavrenko left.",
            "José Núñez met Jose Nunez's team.",
        ]);
        assert_eq!(es.iter().filter(|e| e.0.contains("Lavrenko")).count(), 1, "{es:?}");
        assert_eq!(es.iter().filter(|e| e.0.contains("N")).filter(|e| e.1 == Kind::Person).count(), 1, "{es:?}");
    }

    #[test]
    fn short_forms_middle_initials_and_suffixes_join() {
        let es = entities(&[
            "Police said Tomas K. Varga escaped on Friday. Witnesses saw Tomas Varga later. Varga ran.",
            "Varga surrendered, officials said. Lionel Ashby Jr. testified; Ashby said little.",
        ]);
        assert_eq!(find(&es, "Varga").map(|e| e.0.as_str()), Some("Tomas K. Varga"), "{es:?}");
        assert_eq!(find(&es, "Tomas Varga").map(|e| e.0.as_str()), Some("Tomas K. Varga"));
        assert_eq!(find(&es, "Ashby").map(|e| e.0.as_str()), Some("Lionel Ashby Jr."), "{es:?}");
        assert!(find(&es, "Friday").is_none());
    }

    #[test]
    fn head_word_before_of_makes_one_organisation() {
        let es = entities(&["The Ohio Department of Public Safety said the Ministry of Justice agreed."]);
        let e = find(&es, "Ohio Department of Public Safety").expect("one name");
        assert_eq!(e.1, Kind::Organization);
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let es = entities(&["Senator Paul Moreau and his sister Claire Moreau voted. Moreau said nothing."]);
        assert!(find(&es, "Paul Moreau").is_some());
        assert!(find(&es, "Claire Moreau").is_some());
        assert_ne!(find(&es, "Paul Moreau").map(|e| &e.0), find(&es, "Claire Moreau").map(|e| &e.0));
        let bare = find(&es, "Moreau").map(|e| e.0.as_str());
        assert!(bare.is_none() || bare == Some("Moreau"), "the bare surname must not join either: {es:?}");
    }

    #[test]
    fn person_and_company_of_the_same_name_stay_apart() {
        let es = entities(&["Henrik Falk founded Falk Industries in 1990. Falk said the firm would grow."]);
        let person = find(&es, "Henrik Falk").unwrap();
        let firm = find(&es, "Falk Industries").unwrap();
        assert_ne!(person.0, firm.0);
        assert_eq!(firm.1, Kind::Organization);
    }

    #[test]
    fn hyphens_dots_and_acronyms_join() {
        let es = entities(&[
            "Crowds gathered at Saint-Pierre Cathedral. The U.N. sent observers.",
            "Mass was held in the Saint Pierre Cathedral while the UN watched.",
            "The Coastal Research Institute (CRI) published data; CRI staff agreed.",
        ]);
        assert_eq!(es.iter().filter(|e| e.0.contains("Pierre")).count(), 1, "{es:?}");
        assert!(find(&es, "UN").is_some() && find(&es, "U.N.").is_some());
        assert_eq!(find(&es, "UN").map(|e| &e.0), find(&es, "U.N.").map(|e| &e.0));
        assert_eq!(find(&es, "CRI").map(|e| e.0.as_str()), Some("Coastal Research Institute"));
    }

    #[test]
    fn country_prefixed_organisations_join_but_not_across_countries() {
        let es = entities(&[
            "Peru’s Foreign Ministry protested.",
            "The Peruvian Foreign Ministry and the Ministry of Foreign Affairs of Peru replied.",
            "Chile’s Foreign Ministry said nothing.",
        ]);
        let peru = find(&es, "Peruvian Foreign Ministry").unwrap();
        let chile = es.iter().find(|e| e.1 == Kind::Organization && e.0 != peru.0 && e.0.contains("Ministry")).unwrap();
        assert_ne!(peru.0, chile.0);
    }

    #[test]
    fn capitals_are_places_and_platforms_organisations() {
        let es = entities(&["Nairobi rejected the plan, officials wrote on X and on Telegram, Reuters reported."]);
        assert_eq!(find(&es, "Nairobi").map(|e| e.1), Some(Kind::Place));
        assert_eq!(find(&es, "Telegram").map(|e| e.1), Some(Kind::Organization));
        assert_eq!(find(&es, "Reuters").map(|e| e.1), Some(Kind::Organization));
    }

    #[test]
    fn plural_nouns_opening_sentences_are_not_people() {
        let es = entities(&["Firefighters said the blaze was out. Engineers said the bridge was safe."]);
        assert!(find(&es, "Firefighters").is_none() && find(&es, "Engineers").is_none(), "{es:?}");
    }

    #[test]
    fn sentence_openers_and_days_are_not_entities() {
        let es = entities(&["However, the rain stopped on Tuesday. Following the storm, Meanwhile was written."]);
        assert!(
            find(&es, "However").is_none() && find(&es, "Tuesday").is_none() && find(&es, "Following").is_none(),
            "{es:?}"
        );
    }
}
