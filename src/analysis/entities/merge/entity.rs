//! A group's entity: whether it is a name at all, its kind, its name and its aliases.

use super::super::candidates::{Candidate, Source};
use super::key::Key;
use super::place::Place;
use crate::analysis::lexicon::lexicon;
use crate::analysis::model::{Entity, Kind};
use crate::text::fold::{fold, with_fold};
use crate::text::lower::with_lower;
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeSet;

/// The entity of a group of candidates first keyed `key`; `own` tells the members that were
/// in the group before any other rule joined them. None when the group is not a name.
pub(super) fn of_group<'c>(
    members: Vec<Place>,
    key: &Key,
    cand: &impl Fn(Place) -> &'c Candidate,
    own: impl Fn(&Place) -> bool,
    lowercase_words: &HashSet<String>,
) -> Option<(Entity, Vec<Place>)> {
    let lex = lexicon();
    if members.is_empty() {
        return None;
    }
    let cs: Vec<&Candidate> = members.iter().map(|&m| cand(m)).collect();
    // only names that stayed in their own group speak for the group's kind (`Vladimir`, a town,
    // joined `Vladimir Putin`, a person)
    let own: Vec<&Candidate> = members.iter().filter(|m| own(m)).map(|&m| cand(m)).collect();
    let lexical = own.iter().find_map(|c| match &c.source {
        Source::Lexicon(k, canon) => Some((*k, canon.to_string())),
        _ => None,
    });
    // a name seen only in title-case lines, or only as an ordinary word opening sentences, is dropped
    if lexical.is_none() && cs.iter().all(|c| c.weak) {
        return None;
    }
    if lexical.is_none() && cs.iter().all(|c| c.words().len() == 1 && c.initial && !c.person_cue) && key.is_name() {
        return None;
    }
    // `Troops said ...`: a plural-looking word seen only opening sentences, never joined to
    // a full name, is a common noun even before a speech verb
    let plural_opener = |c: &&Candidate| {
        let w = &c.words()[0];
        c.words().len() == 1 && c.initial && w.ends_with('s') && !w.ends_with("ss") && !lex.given.contains(&fold(w))
    };
    if lexical.is_none() && key.is_name() && cs.iter().all(plural_opener) {
        return None;
    }
    let kind = decide_kind(&cs, lexical.as_ref().map(|l| l.0), lowercase_words);
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
        .filter(|(k, canon)| *k == Kind::Place && lex.places.get(&fold(canon)).is_some_and(|p| p.kind == "country"))
        .map(|l| l.1.clone());
    // a known name's canonical form where the text uses it (`California`, not `Calif`)
    let canonical_seen = lexical.as_ref().map(|l| l.1.clone()).filter(|canon| surfaces.iter().any(|(s, _)| s == canon));
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
    // a person written with a middle initial is also found, and named, without it
    let without_initials =
        surfaces.iter().filter(|_| kind == Kind::Person).filter_map(|s| without_middle_initials(&s.0));
    let aliases: Vec<String> = surfaces
        .iter()
        .map(|s| s.0.clone())
        .chain(without_initials)
        .filter(|s| *s != name)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut sorted = members;
    sorted.sort_by_key(|&m| (m.0, cand(m).paragraph, cand(m).start));
    // its mentions and articles are linked once the articles' mentions are made
    Some((Entity { name, kind, aliases, articles: Vec::new(), mentions: Vec::new() }, sorted))
}

/// `Ana B. Ruiz` without its middle initials (`Ana Ruiz`); `None` when it has none.
pub(super) fn without_middle_initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let initial = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && matches!(c.as_str(), "" | ".")
    };
    let n = words.len();
    if n < 3 || !(1..n - 1).any(|i| initial(words[i])) {
        return None;
    }
    let kept: Vec<&str> =
        words.iter().enumerate().filter(|&(i, w)| i == 0 || i == n - 1 || !initial(w)).map(|(_, w)| *w).collect();
    Some(kept.join(" "))
}

/// A surface without leading `the ` or `The ` (as `trim_start_matches` would, without its
/// searcher: this runs once a mention).
pub(super) fn without_article(text: &str) -> &str {
    let mut s = text;
    while let Some(r) = s.strip_prefix("the ") {
        s = r;
    }
    while let Some(r) = s.strip_prefix("The ") {
        s = r;
    }
    s
}

fn decide_kind(cs: &[&Candidate], lexical: Option<Kind>, lowercase_words: &HashSet<String>) -> Kind {
    if let Some(k) = lexical {
        return k;
    }
    if let Some(k) = cs.iter().find_map(|c| match c.source {
        Source::Head(k) | Source::Row(k) => Some(k),
        _ => None,
    }) {
        return k;
    }
    let person = cs.iter().filter(|c| c.person_cue).count();
    let place = cs.iter().filter(|c| c.place_cue).count();
    let team = cs.iter().filter(|c| c.org_cue).count();
    if person > 0 && person >= place && person >= team {
        return Kind::Person;
    }
    if team > 0 && team >= place {
        return Kind::Organization;
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
    if cs.iter().any(|c| shaped_like_a_person(c, lowercase_words)) {
        return Kind::Person;
    }
    Kind::Other
}

/// The points of the compass and their adjectives name regions (`the Global South`, `North
/// Harrow`), never a person.
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "central",
];

/// Two or three capitalised words in lower case after their first letter, none of which
/// the lexicon knows as a place, an organisation, a head word, a title, a demonym or a
/// common word, and none of which the corpus also writes in lower case (`Natural Resources`,
/// `White Paper`): with no other evidence, most such names are people's (`Tavish Orrum`,
/// `Ilse De Wendt`); firms and places mostly carry a word the lexicon or the corpus knows.
fn shaped_like_a_person(c: &Candidate, lowercase_words: &HashSet<String>) -> bool {
    let lex = lexicon();
    let words = c.words();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            let info = lex.word(w);
            chars.next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && chars.all(|ch| ch.is_alphabetic() || matches!(ch, '-' | '\'' | '\u{2019}'))
                && w.chars().filter(|ch| ch.is_uppercase()).count() <= 2
                && !(info.is_common() || info.is_title() || info.is_demonym() || info.is_place_prefix())
                && !with_lower(w, |l| COMPASS.contains(&l) || lowercase_words.contains(l))
                && info.head().is_none()
                && (!info.may_be_known() || with_fold(w, |k| !lex.places.contains_key(k) && !lex.orgs.contains_key(k)))
        })
}
