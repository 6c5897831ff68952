//! The look-ups of the rules after the first key: a bare surname or given name joins the one
//! full name it can belong to, an acronym the one name with its initials, a short form the
//! one longer name that only adds a head word, an unqualified organisation its one qualified
//! form. Where several fit, the one in the same article wins; else nothing merges.

use super::super::candidates::Candidate;
use super::key::Key;
use super::place::Place;
use crate::analysis::lexicon::lexicon;
use crate::text::fold::{fold, skeleton, with_fold};
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

impl Index {
    pub(super) fn new<'c>(protos: &[Proto], cand: &impl Fn(Place) -> &'c Candidate) -> Index {
        let mut ix = Index {
            by_last: HashMap::default(),
            by_last_untyped: HashMap::default(),
            by_first: HashMap::default(),
            by_initials: HashMap::default(),
            by_first_last: HashMap::default(),
            by_short: HashMap::default(),
            by_org_base: HashMap::default(),
            articles: Vec::new(),
            short_of: HashMap::default(),
            people: rustc_hash::FxHashSet::default(),
            cued: rustc_hash::FxHashSet::default(),
        };
        for (id, p) in protos.iter().enumerate() {
            ix.add(id, p, cand);
        }
        for v in ix.by_short.values_mut().chain(ix.by_org_base.values_mut()) {
            v.sort_unstable();
            v.dedup();
        }
        ix.articles = protos
            .iter()
            .map(|p| {
                let mut v: Vec<usize> = p.members.iter().map(|m| m.0 as usize).collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        for (id, p) in protos.iter().enumerate() {
            let words = cand(p.members[0]).words();
            if p.key.is_name()
                && let [first, last] = words
                && let Some([long]) = ix.by_first_last.get(&two_words(first, last)).map(Vec::as_slice)
                && *long != id
            {
                ix.short_of.insert(id, *long);
            }
        }
        ix
    }

    fn add<'c>(&mut self, id: usize, p: &Proto, cand: &impl Fn(Place) -> &'c Candidate) {
        let c = cand(p.members[0]);
        let words = c.words();
        if words.len() >= 2 {
            self.by_initials.entry(initials(words)).or_default().push(id);
        }
        let personish = p.members.iter().any(|&m| cand(m).person_cue);
        if personish && words.len() >= 2 {
            self.people.insert(id);
        }
        if personish && words.len() == 1 {
            self.cued.insert(id);
        }
        if p.key.is_name()
            && words.len() >= 2
            && (personish || words.len() >= 3)
            && let (Some(f), Some(l)) = (words.first(), surname(words))
        {
            self.by_last.entry(skeleton(l)).or_default().push(id);
            self.by_first.entry(skeleton(f)).or_default().push(id);
            if words.len() >= 3 {
                self.by_first_last.entry(two_words(f, l)).or_default().push(id);
            }
        } else if p.key.is_name()
            && let [_, l] = words
        {
            self.by_last_untyped.entry(skeleton(l)).or_default().push(id);
        }
        // only buildings, events and works: a city is not its police (`Troy` / `Troy Police`)
        if p.key.is_other()
            && let [short @ .., _] = words
            && !short.is_empty()
        {
            self.by_short.entry(fold(&short.join(" "))).or_default().push(id);
        }
        if let Some(base) = p.key.qualified_base() {
            self.by_org_base.entry(base.to_string()).or_default().push(id);
        }
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
        let mut opts: Vec<usize> = options.iter().map(long).filter(|&o| o != own).collect();
        opts.sort_unstable();
        opts.dedup();
        match opts.as_slice() {
            [] => None,
            [one] => Some(*one),
            _ => {
                // in this article: the name itself, or its shorter form that joins it
                // (`Jan Ek` here stands for `Jan P. Ek` of another report)
                let mut here: Vec<usize> =
                    options.iter().filter(|&&o| self.in_article(o, ai)).map(long).filter(|&o| o != own).collect();
                here.sort_unstable();
                here.dedup();
                match here.as_slice() {
                    [one] => Some(*one),
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

/// A first and a last name's skeletons, the key of `by_first_last`.
fn two_words(first: &str, last: &str) -> String {
    let mut key = skeleton(first);
    key.push(' ');
    key.push_str(&skeleton(last));
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
