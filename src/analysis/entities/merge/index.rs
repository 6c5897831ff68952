//! The look-ups of the rules after the first key: a bare surname or given name joins the one
//! full name it can belong to, an acronym the one name with its initials, a short form the
//! one longer name that only adds a head word, an unqualified organisation its one qualified
//! form. Where several fit, the one in the same article wins; else nothing merges.

use super::super::candidates::Candidate;
use super::key::Key;
use super::place::Place;
use crate::analysis::lexicon::lexicon;
use crate::text::fold::{fold, skeleton, with_fold};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// The candidates of one first key.
pub(super) struct Proto {
    pub(super) key: Key,
    pub(super) members: Vec<Place>,
}

/// Groups by what the rules look names up by.
pub(super) struct Index {
    by_last: HashMap<String, Vec<usize>>,
    /// Names of two words nothing marks as a person's (`Tavi Kroll` when no cue types it), by
    /// their last word: a bare surname that is a person's joins one in its own report only.
    by_last_untyped: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    by_initials: HashMap<String, Vec<usize>>,
    by_first_last: HashMap<String, Vec<usize>>,
    by_short: HashMap<String, Vec<usize>>,
    by_org_base: HashMap<String, Vec<usize>>,
    /// Each group's articles, sorted: a name in thousands of articles is asked about often.
    articles: Vec<Vec<usize>>,
    /// `Brian Nichols` is the one `Brian G. Nichols`: such short forms count once among options.
    short_of: HashMap<usize, usize>,
    /// Groups of two or more words a mention of which a title, a given name or a speech verb
    /// marks as a person's.
    people: rustc_hash::FxHashSet<usize>,
    /// Groups of one word a mention of which is marked as a person's.
    cued: rustc_hash::FxHashSet<usize>,
}

/// What one group adds to the index: its keys under each look-up, made on their own (in
/// parallel) and then filed in group order.
#[derive(Default)]
struct Entries {
    initials: Option<String>,
    person: bool,
    cued: bool,
    last_first: Option<(String, String, Option<String>)>,
    last_untyped: Option<String>,
    short: Option<String>,
    org_base: Option<String>,
    /// The group's articles, sorted.
    articles: Vec<usize>,
}

impl Entries {
    fn of<'c>(p: &Proto, cand: &impl Fn(Place) -> &'c Candidate) -> Entries {
        let c = cand(p.members[0]);
        let words = c.words();
        let mut e = Entries::default();
        if words.len() >= 2 {
            e.initials = Some(initials(words));
        }
        let personish = p.members.iter().any(|&m| cand(m).person_cue);
        e.person = personish && words.len() >= 2;
        e.cued = personish && words.len() == 1;
        if p.key.is_name()
            && words.len() >= 2
            && (personish || words.len() >= 3)
            && let (Some(f), Some(l)) = (words.first(), surname(words))
        {
            let first_last = (words.len() >= 3).then(|| two_words(f, l));
            e.last_first = Some((skeleton(l), skeleton(f), first_last));
        } else if p.key.is_name()
            && let [_, l] = words
        {
            e.last_untyped = Some(skeleton(l));
        }
        // only buildings, events and works: a city is not its police (`Troy` / `Troy Police`)
        if p.key.is_other()
            && let [short @ .., _] = words
            && !short.is_empty()
        {
            e.short = Some(fold(&short.join(" ")));
        }
        e.org_base = p.key.qualified_base().map(str::to_string);
        let mut articles: Vec<usize> = p.members.iter().map(|m| m.0 as usize).collect();
        articles.sort_unstable();
        articles.dedup();
        e.articles = articles;
        e
    }
}

impl Index {
    pub(super) fn new<'c>(protos: &[Proto], cand: &(impl Fn(Place) -> &'c Candidate + Sync)) -> Index {
        let mut ix = Index {
            by_last: HashMap::default(),
            by_last_untyped: HashMap::default(),
            by_first: HashMap::default(),
            by_initials: HashMap::default(),
            by_first_last: HashMap::default(),
            by_short: HashMap::default(),
            by_org_base: HashMap::default(),
            articles: Vec::with_capacity(protos.len()),
            short_of: HashMap::default(),
            people: rustc_hash::FxHashSet::default(),
            cued: rustc_hash::FxHashSet::default(),
        };
        let entries: Vec<Entries> = protos.par_iter().map(|p| Entries::of(p, cand)).collect();
        for (id, e) in entries.into_iter().enumerate() {
            ix.add(id, e);
        }
        for v in ix.by_short.values_mut().chain(ix.by_org_base.values_mut()) {
            v.sort_unstable();
            v.dedup();
        }
        let short_of: Vec<(usize, usize)> = protos
            .par_iter()
            .enumerate()
            .filter_map(|(id, p)| {
                let words = cand(p.members[0]).words();
                if p.key.is_name()
                    && let [first, last] = words
                    && let Some([long]) = ix.by_first_last.get(&two_words(first, last)).map(Vec::as_slice)
                    && *long != id
                {
                    return Some((id, *long));
                }
                None
            })
            .collect();
        ix.short_of.extend(short_of);
        ix
    }

    fn add(&mut self, id: usize, e: Entries) {
        let file = |index: &mut HashMap<String, Vec<usize>>, key: Option<String>| {
            if let Some(k) = key {
                index.entry(k).or_default().push(id);
            }
        };
        file(&mut self.by_initials, e.initials);
        if e.person {
            self.people.insert(id);
        }
        if e.cued {
            self.cued.insert(id);
        }
        if let Some((last, first, first_last)) = e.last_first {
            file(&mut self.by_last, Some(last));
            file(&mut self.by_first, Some(first));
            file(&mut self.by_first_last, first_last);
        }
        file(&mut self.by_last_untyped, e.last_untyped);
        file(&mut self.by_short, e.short);
        file(&mut self.by_org_base, e.org_base);
        self.articles.push(e.articles);
    }

    fn in_article(&self, id: usize, ai: usize) -> bool {
        self.articles.get(id).is_some_and(|a| a.binary_search(&ai).is_ok())
    }

    /// The groups of `index` under `key` that have a mention in article `ai`, but `own`.
    fn in_report(&self, index: &HashMap<String, Vec<usize>>, key: &str, ai: usize, own: usize) -> Vec<usize> {
        index
            .get(key)
            .map_or_else(Vec::new, |o| o.iter().copied().filter(|&x| x != own && self.in_article(x, ai)).collect())
    }

    /// The one target among `options` for a candidate of group `own` in article `ai`,
    /// preferring the one in that article.
    fn pick(&self, options: &[usize], ai: usize, own: usize) -> Option<usize> {
        let long = |o: &usize| self.short_of.get(o).copied().unwrap_or(*o);
        match only(options.iter().map(long).filter(|&o| o != own)) {
            Only::None => None,
            Only::One(one) => Some(one),
            // in this article: the name itself, or its shorter form that joins it
            // (`Jan Ek` here stands for `Jan P. Ek` of another report)
            Only::Many => {
                match only(options.iter().filter(|&&o| self.in_article(o, ai)).map(long).filter(|&o| o != own)) {
                    Only::One(one) => Some(one),
                    _ => None,
                }
            }
        }
    }

    /// The group candidate `c` (of group `own`, first keyed `key`, in article `ai`) joins,
    /// if another.
    pub(super) fn target(&self, c: &Candidate, key: &Key, ai: usize, own: usize) -> Option<usize> {
        let lex = lexicon();
        let look = |index: &HashMap<String, Vec<usize>>, k: &str| index.get(k).and_then(|o| self.pick(o, ai, own));
        let words = c.words();
        let mut to = None;
        if key.is_name()
            && let [w] = words
        {
            // the report's own people first: the one whose surname it is, else the one whose
            // given name; only when the report names neither, the corpus's
            let sk = skeleton(w);
            let given = with_fold(w, |k| lex.given.contains(k));
            let here = |index: &HashMap<String, Vec<usize>>| self.in_report(index, &sk, ai, own);
            let (mut last_here, first_here) =
                (here(&self.by_last), if given { here(&self.by_first) } else { Vec::new() });
            if last_here.is_empty() && self.cued.contains(&own) {
                last_here = here(&self.by_last_untyped);
            }
            to = if !last_here.is_empty() {
                self.pick(&last_here, ai, own)
            } else if !first_here.is_empty() {
                self.pick(&first_here, ai, own)
            } else {
                look(&self.by_last, &sk).or_else(|| if given { look(&self.by_first, &sk) } else { None })
            };
            if to.is_none() && c.is_acronym() {
                let ac: String = w.chars().filter(|x| *x != '.').collect();
                to = look(&self.by_initials, &ac);
            }
        }
        // a surname that is also a town (`Warren said` after `Elizabeth Warren`) joins the one
        // person of that surname its own report names; `in Warren` stays a place, and a
        // country or a state is a surname only with a speech verb after it
        if to.is_none()
            && key.is_place()
            && let [w] = words
            && !c.place_cue
        {
            let sk = skeleton(w);
            // (a country or a state only when it speaks: `Malta said` after `Tavi Malta`)
            let town = with_fold(w, |k| lex.places.get(k).is_some_and(|p| p.kind == "city"));
            let surname_here: Vec<usize> = if town || c.speaks {
                self.in_report(&self.by_last, &sk, ai, own).into_iter().filter(|o| self.people.contains(o)).collect()
            } else {
                Vec::new()
            };
            // else a given name that is also a town (`I know Vladimir well`) joins the one person
            // of that name, unless its own report names people of that surname
            to = if !surname_here.is_empty() {
                self.pick(&surname_here, ai, own)
            } else if with_fold(w, |k| lex.given.contains(k)) {
                look(&self.by_first, &sk)
            } else {
                None
            };
        }
        // `Mark Heller` is the one `Mark Jay Heller`
        if to.is_none()
            && key.is_name()
            && let [first, last] = words
        {
            to = look(&self.by_first_last, &two_words(first, last));
        }
        if to.is_none() && key.is_name() && !c.person_cue {
            to = with_fold(&c.text, |k| look(&self.by_short, k));
        }
        if let Some(base) = key.unqualified_base() {
            to = look(&self.by_org_base, base);
        }
        to
    }
}

/// How many different values an iterator gives: none, one (which) or more.
#[derive(Debug, PartialEq)]
enum Only {
    None,
    One(usize),
    Many,
}

/// [`Only`] of `values`, without collecting them: the look-ups ask only whether one option is
/// left, and a common name has hundreds.
fn only(values: impl Iterator<Item = usize>) -> Only {
    let mut found = Only::None;
    for v in values {
        match found {
            Only::None => found = Only::One(v),
            Only::One(x) if x != v => return Only::Many,
            _ => {}
        }
    }
    found
}

/// A first and a last name's skeletons, the key of `by_first_last`.
fn two_words(first: &str, last: &str) -> String {
    let (first, last) = (skeleton(first), skeleton(last));
    let mut key = String::with_capacity(first.len() + 1 + last.len());
    key.push_str(&first);
    key.push(' ');
    key.push_str(&last);
    key
}

/// The surname of a written name: the last word that is not `Jr.`, `Sr.`, `II`, `III` ...
fn surname(words: &[String]) -> Option<&String> {
    words
        .iter()
        .rev()
        .find(|w| !matches!(w.trim_end_matches('.').to_lowercase().as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
}

/// A name's initials; an acronym inside it gives all its letters (`UN Relief and Works
/// Agency`: `UNRWA`).
fn initials(words: &[String]) -> String {
    let mut out = String::new();
    for w in words {
        if matches!(w.to_lowercase().as_str(), "of" | "the" | "and" | "for" | "de" | "du" | "la" | "le" | "&") {
            continue;
        }
        let letters = || w.chars().filter(|c| c.is_alphabetic());
        if letters().count() >= 2 && letters().all(char::is_uppercase) {
            out.extend(letters());
        } else {
            out.extend(w.chars().next().into_iter().flat_map(char::to_uppercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Only, only};

    #[test]
    fn only_tells_none_one_or_many_different_values() {
        assert_eq!(only(std::iter::empty()), Only::None);
        assert_eq!(only([3, 3, 3].into_iter()), Only::One(3));
        assert_eq!(only([3, 4].into_iter()), Only::Many);
        assert_eq!(only([3, 3, 4, 3].into_iter()), Only::Many);
    }
}
