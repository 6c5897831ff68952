//! General knowledge compiled into the binary from `assets/lexicon/`: places, organisations,
//! demonyms, titles, given names, speech verbs and common words. Nothing here is specific to
//! any corpus.

use crate::text::fold::fold;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

#[derive(Clone, Debug)]
pub struct Place {
    pub canonical: String,
    /// country, capital, city, state or region
    pub kind: &'static str,
    /// The country it lies in (a capital stands for its country when a figure's subject is compared).
    pub country: String,
}

pub struct Lexicon {
    pub common: HashSet<String>,
    pub titles: HashSet<String>,
    pub speech: HashSet<String>,
    /// The three head-word lists in one map, organisation words first: one look-up a word.
    pub heads: HashMap<String, super::model::Kind>,
    /// First words that make a name a place (`Santa`, `Fort`, `Mount`).
    pub place_prefixes: HashSet<String>,
    pub not_names: HashSet<String>,
    pub given: HashSet<String>,
    /// folded name → place
    pub places: HashMap<String, Place>,
    /// folded name or alias → canonical organisation name
    pub orgs: HashMap<String, String>,
    /// folded demonym → country
    pub demonyms: HashMap<String, String>,
    /// the longest lexicon entry in words, to bound look-ups
    pub max_words: usize,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn word_set(text: &str) -> HashSet<String> {
    lines(text).flat_map(str::split_whitespace).map(str::to_lowercase).collect()
}

fn load() -> Lexicon {
    let mut titles = HashSet::default();
    for l in lines(include_str!("../../assets/lexicon/titles.txt")) {
        for w in l.split_whitespace() {
            titles.insert(fold(w));
        }
    }
    let mut places = HashMap::default();
    let mut max_words = 1;
    for l in lines(include_str!("../../assets/lexicon/places.tsv")) {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let kind = match f[1] {
            "country" => "country",
            "capital" => "capital",
            "state" => "state",
            _ => "city",
        };
        max_words = max_words.max(f[0].split_whitespace().count());
        places.entry(fold(f[0])).or_insert(Place { canonical: f[2].to_string(), kind, country: f[3].to_string() });
    }
    for l in lines(include_str!("../../assets/lexicon/regions.tsv")) {
        let f: Vec<&str> = l.split('\t').collect();
        for name in &f {
            max_words = max_words.max(name.split_whitespace().count());
            places.entry(fold(name)).or_insert(Place {
                canonical: f[0].to_string(),
                kind: "region",
                country: String::new(),
            });
        }
    }
    let mut orgs = HashMap::default();
    for l in lines(include_str!("../../assets/lexicon/known_orgs.tsv")) {
        let f: Vec<&str> = l.split('\t').collect();
        for name in &f {
            max_words = max_words.max(name.split_whitespace().count());
            orgs.entry(fold(name)).or_insert_with(|| f[0].to_string());
        }
    }
    let mut demonyms = HashMap::default();
    for l in lines(include_str!("../../assets/lexicon/demonyms.tsv")) {
        if let Some((d, c)) = l.split_once('\t') {
            demonyms.insert(fold(d), c.to_string());
        }
    }
    let org_words = word_set(include_str!("../../assets/lexicon/org_words.txt"));
    let other_words = word_set(include_str!("../../assets/lexicon/other_words.txt"));
    let place_words: HashSet<String> = word_set(include_str!("../../assets/lexicon/place_words.txt"))
        .into_iter()
        .filter(|w| !w.starts_with('@'))
        .collect();
    let mut heads = HashMap::default();
    use super::model::Kind;
    for (set, kind) in [(&other_words, Kind::Other), (&place_words, Kind::Place), (&org_words, Kind::Organization)] {
        for w in set {
            heads.insert(w.clone(), kind);
        }
    }
    Lexicon {
        common: word_set(include_str!("../../assets/lexicon/common_words.txt")),
        titles,
        speech: word_set(include_str!("../../assets/lexicon/speech_verbs.txt")),
        heads,
        place_prefixes: word_set(include_str!("../../assets/lexicon/place_words.txt"))
            .into_iter()
            .filter_map(|w| w.strip_prefix('@').map(str::to_string))
            .collect(),
        not_names: word_set(include_str!("../../assets/lexicon/not_names.txt")),
        given: lines(include_str!("../../assets/lexicon/given_names.txt")).map(fold).collect(),
        places,
        orgs,
        demonyms,
        max_words,
    }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Short function words that are never acronyms when written in capitals.
const SHOUTED: &[&str] =
    &["the", "and", "but", "for", "has", "was", "are", "his", "her", "its", "not", "had", "him", "she", "you", "our"];

impl Lexicon {
    /// An ordinary word written with a capital (`However`), not an acronym (`US` is not `us`).
    pub fn is_common(&self, word: &str) -> bool {
        // whether it is written in capitals matters only for common words: asked only then
        let capitals = || {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        };
        crate::text::lower::with_lower(word, |l| {
            // in capitals a short word may be an acronym (`US`, `IT`, `WHO`), a long one or a
            // frequent short one (`THE`, `THIS`) is shouted text
            self.common.contains(l) && (l.len() >= 4 || SHOUTED.contains(&l) || !capitals())
        })
    }

    pub fn is_title(&self, word: &str) -> bool {
        // plain letters fold to their lower case: no need to build the folded string
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return crate::text::lower::with_lower(word, |l| self.titles.contains(l));
        }
        self.titles.contains(&fold(word))
    }

    /// The country a place or demonym points at (`Kyiv` → Ukraine, `Russian` → Russia).
    pub fn country_of(&self, name: &str) -> Option<&str> {
        let k = fold(name);
        if let Some(p) = self.places.get(&k) {
            return Some(if p.country.is_empty() { p.canonical.as_str() } else { p.country.as_str() });
        }
        self.demonyms.get(&k).map(String::as_str)
    }

    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        crate::text::fold::with_fold(word, |k| {
            self.demonyms.get(k).or_else(|| self.demonyms.get(k.strip_suffix('s')?)).map(String::as_str)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_knowledge_is_there() {
        let l = lexicon();
        assert_eq!(l.places.get("uk").map(|p| p.canonical.as_str()), Some("United Kingdom"));
        assert_eq!(l.country_of("Kiev"), Some("Ukraine"));
        assert_eq!(l.country_of("Paris"), Some("France"));
        assert_eq!(l.demonym_country("Ukrainians"), Some("Ukraine"));
        assert_eq!(l.orgs.get("nato").map(String::as_str), Some("North Atlantic Treaty Organization"));
        assert!(l.is_title("President-elect"));
        assert!(l.is_title("spokesperson"));
        assert!(l.given.contains("maria"));
        assert!(l.speech.contains("told"));
        assert!(l.common.contains("however"));
    }
}
