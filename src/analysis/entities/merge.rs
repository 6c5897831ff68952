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
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use super::candidates::{Candidate, Source};
use crate::analysis::lexicon::lexicon;
use crate::analysis::model::{Entity, Kind};
use crate::text::fold::{fold, skeleton};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
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

fn kind_tag(k: Kind) -> &'static str {
    match k {
        Kind::Person => "H",
        Kind::Place => "P",
        Kind::Organization => "O",
        Kind::Other => "T",
    }
}

/// `Ministry of Foreign Affairs` and `Foreign Ministry` share the base `foreign ministry`.
pub fn org_base(words: &[String], has_country: bool) -> String {
    let lex = lexicon();
    let mut w: Vec<String> = words.iter().map(|x| fold(x)).collect();
    if has_country && w.len() > 1 && (lex.demonym_country(&w[0]).is_some() || lex.places.contains_key(&w[0])) {
        w.remove(0);
    }
    w.retain(|x| x != "the" && x != "affairs");
    if w.len() >= 3 && w[1] == "of" {
        let head = w[0].clone();
        let mut rest: Vec<String> = w[2..].to_vec();
        rest.push(head);
        w = rest;
    }
    w.join(" ")
}

/// British and American spellings of head words meet (`Centre`/`Center`).
fn spelling(key: String) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("centre", "center"),
        ("organisation", "organization"),
        ("defence", "defense"),
        ("programme", "program"),
        ("theatre", "theater"),
        ("harbour", "harbor"),
    ];
    key.split(' ').map(|w| PAIRS.iter().find(|(b, _)| *b == w).map_or(w, |(_, a)| a)).collect::<Vec<_>>().join(" ")
}

fn primary_key(c: &Candidate) -> String {
    spelling(primary_key_raw(c))
}

fn primary_key_raw(c: &Candidate) -> String {
    match &c.source {
        Source::Lexicon(k, canon) => format!("{}:{}", kind_tag(*k), fold(canon)),
        Source::Head(Kind::Organization) => {
            format!("O:{}|{}", c.country.map(fold).unwrap_or_default(), org_base(c.words(), c.country.is_some()))
        }
        Source::Head(k) => format!("{}:{}", kind_tag(*k), fold(&c.text)),
        Source::Unknown => format!("N:{}", c.words().iter().map(|w| skeleton(w)).collect::<Vec<_>>().join(" ")),
    }
}

/// The surname of a written name: the last word that is not `Jr.`, `Sr.`, `II`, `III` ...
fn surname(words: &[String]) -> Option<&String> {
    words
        .iter()
        .rev()
        .find(|w| !matches!(w.trim_end_matches('.').to_lowercase().as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "of" | "the" | "and" | "for" | "de" | "du" | "la" | "le"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A candidate's place: its article's and its own number. Two `u32`s, not two `usize`s:
/// every candidate of the corpus is held by place through the merge.
type Place = (u32, u32);

fn place(ai: usize, ci: usize) -> Place {
    (ai as u32, ci as u32)
}

struct Proto {
    key: String,
    members: Vec<Place>,
}

pub fn merge(articles: &[(&str, &[Candidate])], lowercase_words: &HashSet<String>) -> Merged {
    let lex = lexicon();
    // which candidates can be names at all: each on its own, so in parallel
    let kept: Vec<Vec<bool>> = articles
        .par_iter()
        .map(|(_, cands)| {
            cands
                .iter()
                .map(|c| {
                    let single_unknown = c.words().len() == 1 && c.source == Source::Unknown;
                    if single_unknown && c.initial && lowercase_words.contains(&c.words()[0].to_lowercase()) {
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
        .collect();
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
    drop(kept);
    let cand = |(ai, ci): Place| &articles[ai as usize].1[ci as usize];
    let keys: Vec<String> = first_of.par_iter().map(|&m| primary_key(cand(m))).collect();
    drop(first_of);
    let mut protos: Vec<Proto> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut id_of_memo: Vec<Option<usize>> = vec![None; keys.len()];
    let mut proto_of: Vec<Vec<Option<u32>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    for (ai, row) in memo_of.iter().enumerate() {
        for (ci, u) in row.iter().enumerate() {
            let Some(u) = u.map(|u| u as usize) else { continue };
            let id = match id_of_memo[u] {
                Some(id) => id,
                None => {
                    let key = keys[u].clone();
                    let id = *by_key.entry(key.clone()).or_insert_with(|| {
                        protos.push(Proto { key, members: Vec::new() });
                        protos.len() - 1
                    });
                    id_of_memo[u] = Some(id);
                    id
                }
            };
            protos[id].members.push(place(ai, ci));
            proto_of[ai][ci] = Some(id as u32);
        }
    }
    drop((memo_of, seen, keys, id_of_memo));
    let personish = |p: &Proto| p.members.iter().any(|&m| cand(m).person_cue);
    // indexes over multi-word unknown names and head-word names
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_first_last: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_short: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_org_base: HashMap<String, Vec<usize>> = HashMap::default();
    for (id, p) in protos.iter().enumerate() {
        let c = cand(p.members[0]);
        if c.words().len() >= 2 {
            by_initials.entry(initials(c.words())).or_default().push(id);
        }
        if p.key.starts_with("N:")
            && c.words().len() >= 2
            && (personish(p) || c.words().len() >= 3)
            && let (Some(f), Some(l)) = (c.words().first(), surname(c.words()))
        {
            by_last.entry(skeleton(l)).or_default().push(id);
            by_first.entry(skeleton(f)).or_default().push(id);
            if c.words().len() >= 3 {
                by_first_last.entry(format!("{} {}", skeleton(f), skeleton(l))).or_default().push(id);
            }
        }
        // only buildings, events and works: a city is not its police (`Troy` / `Troy Police`)
        if p.key.starts_with("T:") && c.words().len() >= 2 {
            let short = fold(&c.words()[..c.words().len() - 1].join(" "));
            by_short.entry(short).or_default().push(id);
        }
        if let Some(rest) = p.key.strip_prefix("O:")
            && let Some((country, base)) = rest.split_once('|')
            && !country.is_empty()
        {
            by_org_base.entry(base.to_string()).or_default().push(id);
        }
    }
    for v in by_short.values_mut().chain(by_org_base.values_mut()) {
        v.sort_unstable();
        v.dedup();
    }
    // each proto's articles, sorted once: a name in thousands of articles is asked about often
    let arts: Vec<Vec<usize>> = protos
        .iter()
        .map(|p| {
            let mut v: Vec<usize> = p.members.iter().map(|m| m.0 as usize).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let in_article = |id: usize, ai: usize| arts[id].binary_search(&ai).is_ok();
    // pick the one target among `options`, preferring the one in article `ai`
    // `Brian Nichols` is the one `Brian G. Nichols`: such short forms count once among options
    let mut short_of: HashMap<usize, usize> = HashMap::default();
    for (id, p) in protos.iter().enumerate() {
        let c = cand(p.members[0]);
        if p.key.starts_with("N:") && c.words().len() == 2 {
            let k = format!("{} {}", skeleton(&c.words()[0]), skeleton(&c.words()[1]));
            if let Some([long]) = by_first_last.get(&k).map(Vec::as_slice)
                && *long != id
            {
                short_of.insert(id, *long);
            }
        }
    }
    let pick = |options: &[usize], ai: usize, own: usize| -> Option<usize> {
        let mut opts: Vec<usize> =
            options.iter().map(|o| short_of.get(o).copied().unwrap_or(*o)).filter(|&o| o != own).collect();
        opts.sort_unstable();
        opts.dedup();
        match opts.len() {
            0 => None,
            1 => Some(opts[0]),
            _ => {
                // in this article: the name itself, or its shorter form that joins it
                // (`Jan Ek` here stands for `Jan P. Ek` of another report)
                let mut here: Vec<usize> = options
                    .iter()
                    .filter(|&&o| in_article(o, ai))
                    .map(|o| short_of.get(o).copied().unwrap_or(*o))
                    .filter(|&o| o != own)
                    .collect();
                here.sort_unstable();
                here.dedup();
                (here.len() == 1).then(|| here[0])
            }
        }
    };
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
                    let key = &protos[own].key;
                    let mut to = None;
                    if key.starts_with("N:") && c.words().len() == 1 {
                        let w = &c.words()[0];
                        to = by_last.get(&skeleton(w)).and_then(|o| pick(o, ai, own));
                        if to.is_none() && lex.given.contains(&fold(w)) {
                            to = by_first.get(&skeleton(w)).and_then(|o| pick(o, ai, own));
                        }
                        if to.is_none() && c.is_acronym() {
                            let ac: String = w.chars().filter(|x| *x != '.').collect();
                            to = by_initials.get(&ac).and_then(|o| pick(o, ai, own));
                        }
                    }
                    // a given name that is also a town (`I know Vladimir well`) joins the one person of that name
                    if to.is_none()
                        && key.starts_with("P:")
                        && c.words().len() == 1
                        && !c.place_cue
                        && lex.given.contains(&fold(&c.words()[0]))
                    {
                        to = by_first.get(&skeleton(&c.words()[0])).and_then(|o| pick(o, ai, own));
                    }
                    // `Mark Heller` is the one `Mark Jay Heller`
                    if to.is_none() && key.starts_with("N:") && c.words().len() == 2 {
                        let k = format!("{} {}", skeleton(&c.words()[0]), skeleton(&c.words()[1]));
                        to = by_first_last.get(&k).and_then(|o| pick(o, ai, own));
                    }
                    if to.is_none() && key.starts_with("N:") && !c.person_cue {
                        to = by_short.get(&fold(&c.text)).and_then(|o| pick(o, ai, own));
                    }
                    if let Some(base) = key.strip_prefix("O:|") {
                        to = by_org_base.get(base).and_then(|o| pick(o, ai, own));
                    }
                    Some(to.unwrap_or(own) as u32)
                })
                .collect()
        })
        .collect();
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
    let ids: Vec<Arc<str>> = articles.iter().map(|(id, _)| Arc::from(*id)).collect();
    // each group's entity on its own: in parallel, in group order
    let entities: Vec<(Entity, Vec<Place>)> = groups
        .into_par_iter()
        .enumerate()
        .filter_map(|(id, members)| {
            if members.is_empty() {
                return None;
            }
            let cs: Vec<&Candidate> = members.iter().map(|&m| cand(m)).collect();
            // only names that stayed in their own group speak for the group's kind (`Vladimir`, a town,
            // joined `Vladimir Putin`, a person)
            let own: Vec<&Candidate> = members
                .iter()
                .filter(|&&(ai, ci)| proto_of[ai as usize][ci as usize] == Some(id as u32))
                .map(|&m| cand(m))
                .collect();
            let lexical = own.iter().find_map(|c| match &c.source {
                Source::Lexicon(k, canon) => Some((*k, canon.to_string())),
                _ => None,
            });
            // a name seen only in title-case lines, or only as an ordinary word opening sentences, is dropped
            if lexical.is_none() && cs.iter().all(|c| c.weak) {
                return None;
            }
            if lexical.is_none()
                && cs.iter().all(|c| c.words().len() == 1 && c.initial && !c.person_cue)
                && protos[id].key.starts_with("N:")
            {
                return None;
            }
            // `Troops said ...`: a plural-looking word seen only opening sentences, never joined to
            // a full name, is a common noun even before a speech verb
            let plural_opener = |c: &&Candidate| {
                let w = &c.words()[0];
                c.words().len() == 1
                    && c.initial
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !lex.given.contains(&fold(w))
            };
            if lexical.is_none() && protos[id].key.starts_with("N:") && cs.iter().all(plural_opener) {
                return None;
            }
            let kind = decide_kind(&cs, lexical.as_ref().map(|l| l.0));
            let mut surfaces: Vec<(String, usize)> = Vec::new();
            for c in &cs {
                let s = without_article(&c.text);
                match surfaces.iter_mut().find(|(x, _)| x == s) {
                    Some(e) => e.1 += 1,
                    None => surfaces.push((s.to_string(), 1)),
                }
            }
            let country_name = lexical
                .as_ref()
                .filter(|(k, canon)| {
                    *k == Kind::Place && lex.places.get(&fold(canon)).is_some_and(|p| p.kind == "country")
                })
                .map(|l| l.1.clone());
            // a known name's canonical form where the text uses it (`California`, not `Calif`)
            let canonical_seen =
                lexical.as_ref().map(|l| l.1.clone()).filter(|canon| surfaces.iter().any(|(s, _)| s == canon));
            let name = country_name.or(canonical_seen).unwrap_or_else(|| {
                surfaces
                    .iter()
                    .max_by(|a, b| {
                        a.0.split_whitespace()
                            .count()
                            .cmp(&b.0.split_whitespace().count())
                            .then(a.1.cmp(&b.1))
                            .then(b.0.cmp(&a.0))
                    })
                    .map(|s| s.0.clone())
                    .unwrap_or_default()
            });
            let aliases: Vec<String> = surfaces
                .iter()
                .map(|s| s.0.clone())
                .filter(|s| *s != name)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let mut sorted = members;
            sorted.sort_by_key(|&m| (m.0, cand(m).paragraph, cand(m).start));
            // its mentions and articles are linked once the articles' mentions are made
            Some((Entity { name, kind, aliases, articles: Vec::new(), mentions: Vec::new() }, sorted))
        })
        .collect();
    // a surface is written the same way in many places: one copy of each, shared
    let mut surfaces: HashMap<&str, Arc<str>> = HashMap::default();
    let mut texts: Vec<Vec<Option<Arc<str>>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    for (_, sorted) in &entities {
        for &m in sorted {
            let text = cand(m).text.as_str();
            let shared = surfaces.entry(text).or_insert_with(|| Arc::from(text));
            texts[m.0 as usize][m.1 as usize] = Some(Arc::clone(shared));
        }
    }
    drop(surfaces);
    let mut entities = entities;
    // most mentioned first; names made unique
    entities.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut seen: HashSet<String> = HashSet::default();
    let mut assignment: Vec<Vec<Option<u32>>> = articles.iter().map(|(_, c)| vec![None; c.len()]).collect();
    let mut out = Vec::with_capacity(entities.len());
    let mut names = Vec::with_capacity(entities.len());
    for (i, (mut e, members)) in entities.into_iter().enumerate() {
        if !seen.insert(e.name.clone()) {
            e.name = format!("{} ({})", e.name, e.kind.as_str());
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

/// A surface without leading `the ` or `The ` (as `trim_start_matches` would, without its
/// searcher: this runs once a mention).
fn without_article(text: &str) -> &str {
    let mut s = text;
    while let Some(r) = s.strip_prefix("the ") {
        s = r;
    }
    while let Some(r) = s.strip_prefix("The ") {
        s = r;
    }
    s
}

fn decide_kind(cs: &[&Candidate], lexical: Option<Kind>) -> Kind {
    if let Some(k) = lexical {
        return k;
    }
    if let Some(k) = cs.iter().find_map(|c| match c.source {
        Source::Head(k) => Some(k),
        _ => None,
    }) {
        return k;
    }
    let person = cs.iter().filter(|c| c.person_cue).count();
    let place = cs.iter().filter(|c| c.place_cue).count();
    if person > 0 && person >= place {
        return Kind::Person;
    }
    if place > 0 {
        return Kind::Place;
    }
    if cs.iter().any(|c| c.is_acronym()) {
        return Kind::Organization;
    }
    if cs.iter().any(|c| c.words().len() >= 2 && c.words().len() <= 3 && lexicon().given.contains(&fold(&c.words()[0])))
    {
        return Kind::Person;
    }
    Kind::Other
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
            assert_eq!(super::without_article(text), expected, "{text:?}");
            assert_eq!(text.trim_start_matches("the ").trim_start_matches("The "), expected);
        }
    }

    fn find<'a>(es: &'a [(String, Kind, Vec<String>)], form: &str) -> Option<&'a (String, Kind, Vec<String>)> {
        es.iter().find(|e| e.0 == form || e.2.iter().any(|a| a == form))
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
