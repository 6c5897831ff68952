//! The word classes figures are read with, from `assets/lexicon/figures/`: what is counted
//! (`counted.tsv`: people, residents, passengers ...; jobs, roles, posts ...), what happened
//! to it (`predicates.tsv`: killed, died, death toll ...; evacuated, fled, displaced ...),
//! and which counted classes stand for one another under which events (`compatible.tsv`).
//! Classes are named by `&'static str`s from the tables, so a figure holds them for free.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A class of counted things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    pub class: &'static str,
    /// A kind of person.
    pub person: bool,
    /// A group of people a count of `people` does not stand for (soldiers, staff, children).
    pub group: bool,
    /// The event the noun names itself (`deaths`, `survivors`).
    pub implies: Option<&'static str>,
}

/// A class of events, and how specific its words are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Predicate {
    pub class: &'static str,
    pub specificity: u8,
}

struct Words {
    nouns: FxHashMap<&'static str, Counted>,
    /// first word of a predicate phrase → (the phrase's words, its class)
    predicates: FxHashMap<&'static str, Vec<(Vec<&'static str>, Predicate)>>,
    /// The shapes of the predicates' first words.
    predicate_shapes: crate::text::shape::Shapes,
    compatible: Vec<(&'static str, &'static str, Vec<&'static str>)>,
    classes: Vec<&'static str>,
    /// Event classes a bare number under counts people (`killed`, `evacuated`).
    people_events: Vec<&'static str>,
    /// Event classes whose toll grows as a story goes on (`killed`, `damaged`).
    tolls: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words {
        nouns: FxHashMap::default(),
        predicates: FxHashMap::default(),
        predicate_shapes: crate::text::shape::Shapes::new([]),
        compatible: Vec::new(),
        classes: Vec::new(),
        people_events: Vec::new(),
        tolls: Vec::new(),
    };
    for line in rows(include_str!("../../../assets/lexicon/figures/counted.tsv")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if let [class, person, implies, words] = cols[..] {
            let c = Counted {
                class,
                person: person == "person" || person == "group",
                group: person == "group",
                implies: (implies != "-").then_some(implies),
            };
            w.classes.push(class);
            for word in words.split(' ').filter(|x| !x.is_empty()) {
                w.nouns.entry(word).or_insert(c);
            }
        }
    }
    for line in rows(include_str!("../../../assets/lexicon/figures/predicates.tsv")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if let [class, spec, flags, phrases] = cols[..] {
            let p = Predicate { class, specificity: spec.parse().unwrap_or(1) };
            w.classes.push(class);
            for flag in flags.split(',') {
                match flag {
                    "people" => w.people_events.push(class),
                    "toll" => w.tolls.push(class),
                    _ => {}
                }
            }
            for phrase in phrases.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                let words: Vec<&'static str> = phrase.split(' ').collect();
                if let Some(first) = words.first() {
                    w.predicates.entry(first).or_default().push((words, p));
                }
            }
        }
    }
    w.predicate_shapes = crate::text::shape::Shapes::new(w.predicates.keys().copied());
    for list in w.predicates.values_mut() {
        // the longest phrase first: `death toll` before `death`
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    for line in rows(include_str!("../../../assets/lexicon/figures/compatible.tsv")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if let [a, b, events] = cols[..] {
            w.compatible.push((a, b, events.split(',').collect()));
        }
    }
    w
});

fn rows(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `residents` → `resident`, `lives` → `life`, `people` stays: the singular by rule.
pub fn singular(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let irregular = match w {
        "people" | "police" | "staff" | "personnel" | "crew" | "livestock" | "cattle" | "sheep" | "series" | "news" => {
            return Cow::Borrowed(w);
        }
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "lives" => "life",
        "wives" => "wife",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "schoolchildren" => "schoolchild",
        "townspeople" => "townsperson",
        "businesses" => "business",
        "premises" => "premise",
        "analyses" => "analysis",
        "crises" => "crisis",
        "buses" => "bus",
        "statuses" => "status",
        _ => "",
    };
    if !irregular.is_empty() {
        return Cow::Borrowed(irregular);
    }
    if w.len() > 4 && w.ends_with("ies") {
        return Cow::Owned(format!("{}y", &w[..w.len() - 3]));
    }
    for end in ["ches", "shes", "sses", "xes", "zes"] {
        if w.len() > end.len() + 1 && w.ends_with(end) {
            return Cow::Borrowed(&w[..w.len() - 2]);
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Cow::Borrowed(&w[..w.len() - 1]);
    }
    Cow::Borrowed(w)
}

/// The class a noun (lower case, singular or plural) belongs to.
/// Whether a bare number under event class `event` counts people (`17 were killed`).
pub fn counts_people(event: &str) -> bool {
    WORDS.people_events.contains(&event)
}

/// Whether event class `event` is a toll that grows as a story goes on: a later report's
/// other value is an update, not a contradiction.
pub fn toll_grows(event: &str) -> bool {
    WORDS.tolls.contains(&event)
}

pub fn counted(noun: &str) -> Option<Counted> {
    let w = &WORDS.nouns;
    w.get(noun).or_else(|| w.get(singular(noun).as_ref())).copied()
}

/// The predicate phrase starting at `words[0]`, if any: its class and how many words it takes.
pub fn predicate_at<'a>(words: impl Fn(usize) -> Option<std::borrow::Cow<'a, str>>) -> Option<(Predicate, usize)> {
    let first = words(0)?;
    if !WORDS.predicate_shapes.may_hold(&first) {
        return None;
    }
    let list = WORDS.predicates.get(first.as_ref())?;
    list.iter().find_map(|(phrase, p)| {
        let all = phrase.iter().enumerate().skip(1).all(|(i, w)| words(i).is_some_and(|x| x == *w));
        all.then_some((*p, phrase.len()))
    })
}

/// Whether a count of `a` and a count of `b` count the same things under `event`.
pub fn same_things(a: Counted, b: Counted, event: Option<&str>) -> bool {
    if a.class == b.class {
        return true;
    }
    // `people` stands for people of any kind but a group apart (soldiers, staff)
    if (a.class == "people" && b.person && !b.group) || (b.class == "people" && a.person && !a.group) {
        return true;
    }
    WORDS.compatible.iter().any(|(x, y, events)| {
        ((*x == a.class && *y == b.class) || (*x == b.class && *y == a.class))
            && (events.contains(&"*") || event.is_some_and(|e| events.contains(&e)))
    })
}

/// The family a class meets others in (classes that may count the same things under some
/// event share one: `customer` and `dwelling`), for grouping; [`same_things`] decides.
pub fn family(class: &'static str) -> &'static str {
    let mut f = class;
    // a few rounds of the table join chains of pairs
    for _ in 0..4 {
        let next = WORDS
            .compatible
            .iter()
            .filter(|(a, b, _)| *a == f || *b == f)
            .map(|(a, b, _)| if a < b { *a } else { *b })
            .min();
        match next {
            Some(n) if n < f => f = n,
            _ => break,
        }
    }
    f
}

/// Every event class of the tables.
pub fn event_classes() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = WORDS.predicates.values().flatten().map(|(_, p)| p.class).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A class's name as the tables spell it (for a class read back from a stored form).
pub fn class_named(name: &str) -> Option<&'static str> {
    WORDS.classes.iter().copied().find(|c| *c == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn pred(text: &str) -> Option<(&'static str, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        predicate_at(|i| words.get(i).map(|w| Cow::Owned(w.to_string()))).map(|(p, n)| (p.class, n))
    }

    #[test]
    fn nouns_of_one_class_count_the_same_things() {
        assert_eq!(singular("residents"), "resident");
        assert_eq!(singular("lives"), "life");
        assert_eq!(singular("businesses"), "business");
        assert_eq!(singular("people"), "people");
        let (res, ppl, pas, crew) = (counted("residents"), counted("people"), counted("passengers"), counted("crew"));
        assert_eq!(res.map(|c| c.class), Some("people"));
        assert!(same_things(res.unwrap(), ppl.unwrap(), None));
        assert!(same_things(pas.unwrap(), counted("travellers").unwrap(), None));
        assert!(same_things(ppl.unwrap(), pas.unwrap(), None), "people stands for passengers");
        assert!(!same_things(pas.unwrap(), crew.unwrap(), None), "passengers are not the crew");
        assert!(
            !same_things(ppl.unwrap(), counted("soldiers").unwrap(), None),
            "people killed are not soldiers killed"
        );
        assert!(same_things(ppl.unwrap(), counted("hostages").unwrap(), None));
        assert!(same_things(counted("roles").unwrap(), counted("jobs").unwrap(), None));
        assert!(same_things(counted("households").unwrap(), counted("customers").unwrap(), Some("power_out")));
        assert!(!same_things(counted("homes").unwrap(), counted("customers").unwrap(), Some("destroyed")));
        assert_eq!(counted("deaths").and_then(|c| c.implies), Some("killed"));
    }

    #[test]
    fn predicate_phrases_longest_first() {
        assert_eq!(pred("death toll rose"), Some(("killed", 2)));
        assert_eq!(pred("died"), Some(("killed", 1)));
        assert_eq!(pred("without power"), Some(("power_out", 2)));
        assert_eq!(pred("laid off"), Some(("cut", 2)));
        assert_eq!(pred("fled"), Some(("evacuated", 1)));
        assert_eq!(pred("rose"), Some(("rise", 1)));
        assert_eq!(pred("without"), None);
    }
}
