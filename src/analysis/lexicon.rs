//! General knowledge compiled into the binary from `assets/lexicon/`: places, organisations,
//! demonyms, titles, given names, speech verbs and common words. Nothing here is specific to
//! any corpus.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use crate::text::fold::{fold, with_fold};
use crate::text::lower::with_lower;
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
    /// Affiliations written before a name (`Republican`, `Labour`): a role there.
    pub parties: HashSet<String>,
    pub given: HashSet<String>,
    /// folded name → place
    pub places: HashMap<String, Place>,
    /// folded name or alias → canonical organisation name
    pub orgs: HashMap<String, String>,
    /// folded demonym → country
    pub demonyms: HashMap<String, String>,
    /// the longest lexicon entry in words, to bound look-ups
    pub max_words: usize,
    /// What the lists above say of each of their words, gathered: see [`Lexicon::word`].
    facts: HashMap<String, Facts>,
    /// The same for words of at most 16 letters, keyed by their packed lower case: most
    /// words of a text are looked up without building a string.
    short_facts: HashMap<u128, Facts>,
}

/// What the lexicon's lists say of one word, in one look-up instead of one a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts(u16);

impl Facts {
    const COMMON: u16 = 1;
    const TITLE: u16 = 1 << 1;
    const GIVEN: u16 = 1 << 2;
    const NOT_NAME: u16 = 1 << 3;
    const SPEECH: u16 = 1 << 4;
    /// A demonym, or one with a plural `s` (`Ukrainians`).
    const DEMONYM: u16 = 1 << 5;
    const PLACE_PREFIX: u16 = 1 << 6;
    /// A place or organisation of the gazetteer.
    const KNOWN: u16 = 1 << 7;
    const HEAD_ORG: u16 = 1 << 8;
    const HEAD_PLACE: u16 = 1 << 9;
    const HEAD_OTHER: u16 = 1 << 10;

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

/// A word and what the lexicon knows of it. A plain word (ASCII letters, whose lower case
/// is also its folded form: almost every word) is looked up once; any other goes through
/// each list's own look-up, folding or lowering it as that list wants.
#[derive(Clone, Copy)]
pub struct Word<'w> {
    text: &'w str,
    facts: Option<Facts>,
    lex: &'static Lexicon,
}

impl Word<'_> {
    fn plain(&self, bit: u16) -> Option<bool> {
        self.facts.map(|f| f.has(bit))
    }

    pub fn is_common(&self) -> bool {
        match self.facts {
            Some(f) => f.has(Facts::COMMON) && common_in_its_case(self.text),
            None => self.lex.is_common(self.text),
        }
    }

    pub fn is_title(&self) -> bool {
        self.plain(Facts::TITLE).unwrap_or_else(|| self.lex.is_title(self.text))
    }

    pub fn is_given(&self) -> bool {
        self.plain(Facts::GIVEN).unwrap_or_else(|| with_fold(self.text, |k| self.lex.given.contains(k)))
    }

    pub fn is_not_name(&self) -> bool {
        self.plain(Facts::NOT_NAME).unwrap_or_else(|| with_lower(self.text, |l| self.lex.not_names.contains(l)))
    }

    pub fn is_speech(&self) -> bool {
        self.plain(Facts::SPEECH).unwrap_or_else(|| with_lower(self.text, |l| self.lex.speech.contains(l)))
    }

    pub fn is_demonym(&self) -> bool {
        self.plain(Facts::DEMONYM).unwrap_or_else(|| self.lex.demonym_country(self.text).is_some())
    }

    pub fn is_place_prefix(&self) -> bool {
        self.plain(Facts::PLACE_PREFIX).unwrap_or_else(|| with_fold(self.text, |k| self.lex.place_prefixes.contains(k)))
    }

    /// Whether the gazetteer may hold it as a place or organisation: `false` is sure, `true`
    /// asks for the look-up that gives the name.
    pub fn may_be_known(&self) -> bool {
        self.plain(Facts::KNOWN).unwrap_or(true)
    }

    /// The same, or a demonym.
    pub fn may_be_listed(&self) -> bool {
        self.plain(Facts::KNOWN | Facts::DEMONYM).unwrap_or(true)
    }

    /// Whether it is a given name; `folded` asks for a word that is not plain.
    pub fn given_or(&self, folded: impl FnOnce() -> bool) -> bool {
        self.plain(Facts::GIVEN).unwrap_or_else(folded)
    }

    /// The kind of name it heads (`Ministry`, `River`, `Festival`).
    pub fn head(&self) -> Option<super::model::Kind> {
        use super::model::Kind;
        match self.facts {
            Some(f) if f.has(Facts::HEAD_ORG) => Some(Kind::Organization),
            Some(f) if f.has(Facts::HEAD_PLACE) => Some(Kind::Place),
            Some(f) if f.has(Facts::HEAD_OTHER) => Some(Kind::Other),
            Some(_) => None,
            None => self.lex.head_kind(self.text),
        }
    }
}

/// A word of the common list counts as common in capitals only when it is long or a frequent
/// short one: a short word in capitals may be an acronym (`US`, `IT`, `WHO`), a long one or
/// a frequent short one (`THE`, `THIS`) is shouted text.
fn common_in_its_case(word: &str) -> bool {
    let capitals = || {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    };
    with_lower(word, |l| l.len() >= 4 || SHOUTED.contains(&l) || !capitals())
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
    let (places, orgs, max_words) = places_and_orgs();
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
    let mut lex = Lexicon {
        common: word_set(include_str!("../../assets/lexicon/common_words.txt")),
        titles,
        speech: word_set(include_str!("../../assets/lexicon/speech_verbs.txt")),
        heads,
        place_prefixes: word_set(include_str!("../../assets/lexicon/place_words.txt"))
            .into_iter()
            .filter_map(|w| w.strip_prefix('@').map(str::to_string))
            .collect(),
        not_names: word_set(include_str!("../../assets/lexicon/not_names.txt")),
        parties: word_set(include_str!("../../assets/lexicon/party_words.txt")),
        given: lines(include_str!("../../assets/lexicon/given_names.txt")).map(fold).collect(),
        places,
        orgs,
        demonyms,
        max_words,
        facts: HashMap::default(),
        short_facts: HashMap::default(),
    };
    lex.facts = facts(&lex);
    lex.short_facts = lex.facts.iter().filter_map(|(k, &f)| Some((packed_lower(k)?, f))).collect();
    lex
}

/// The gazetteer's places (with regions) and known organisations by folded name, and the
/// most words any of their names has.
fn places_and_orgs() -> (HashMap<String, Place>, HashMap<String, String>, usize) {
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
    (places, orgs, max_words)
}

/// Every list's words with what each list says of them; keys as the lists hold them (a
/// plain word's lower case is its folded form, so one key serves lists of either).
fn facts(lex: &Lexicon) -> HashMap<String, Facts> {
    let mut facts: HashMap<String, Facts> = HashMap::default();
    let mut mark = |key: &str, bit: u16| facts.entry(key.to_string()).or_default().0 |= bit;
    let sets = [
        (&lex.common, Facts::COMMON),
        (&lex.titles, Facts::TITLE),
        (&lex.given, Facts::GIVEN),
        (&lex.not_names, Facts::NOT_NAME),
        (&lex.speech, Facts::SPEECH),
        (&lex.place_prefixes, Facts::PLACE_PREFIX),
    ];
    for (set, bit) in sets {
        set.iter().for_each(|k| mark(k, bit));
    }
    for k in lex.demonyms.keys() {
        mark(k, Facts::DEMONYM);
        mark(&format!("{k}s"), Facts::DEMONYM);
    }
    lex.places.keys().chain(lex.orgs.keys()).for_each(|k| mark(k, Facts::KNOWN));
    use super::model::Kind;
    for (k, kind) in &lex.heads {
        let bit = match kind {
            Kind::Organization => Facts::HEAD_ORG,
            Kind::Place => Facts::HEAD_PLACE,
            Kind::Other | Kind::Person => Facts::HEAD_OTHER,
        };
        mark(k, bit);
    }
    facts
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
        with_lower(word, |l| self.common.contains(l)) && common_in_its_case(word)
    }

    /// `word` with what the lists know of it: one look-up for a plain word.
    pub fn word<'w>(&'static self, text: &'w str) -> Word<'w> {
        let b = text.as_bytes();
        // a short word is checked and packed in one pass over its letters
        let facts = if b.len() <= 16 {
            packed_lower(text).map(|k| self.short_facts.get(&k).copied().unwrap_or_default())
        } else {
            (b.len() <= 64 && b.iter().all(|&c| crate::text::ascii::is_alpha(c)))
                .then(|| with_lower(text, |l| self.facts.get(l).copied().unwrap_or_default()))
        };
        Word { text, facts, lex: self }
    }

    /// The kind of name a head word makes (`Ministry`, `River`); either part of a hyphenated
    /// word heads it (`Journal-Constitution`).
    pub fn head_kind(&self, w: &str) -> Option<super::model::Kind> {
        with_lower(w, |l| {
            let head = |x: &str| self.heads.get(x).copied();
            head(l).or_else(|| if l.contains('-') { l.split('-').find_map(head) } else { None })
        })
    }

    pub fn is_title(&self, word: &str) -> bool {
        // plain letters fold to their lower case: no need to build the folded string
        if let Some(key) = packed_lower(word) {
            return self.short_facts.get(&key).is_some_and(|f| f.has(Facts::TITLE));
        }
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return crate::text::lower::with_lower(word, |l| self.titles.contains(l));
        }
        // every title has a letter: punctuation and numbers are none, without folding them
        word.chars().any(char::is_alphabetic) && self.titles.contains(&fold(word))
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

/// A word of 1 to 16 ASCII letters as one number, lower-cased: the same for every case of
/// the same letters, different for any other word (no letter is a zero byte).
fn packed_lower(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, &c) in buf.iter_mut().zip(b) {
        if !crate::text::ascii::is_alpha(c) {
            return None;
        }
        // an ASCII letter's lower case is its upper case with bit 5 set
        *d = c | 0x20;
    }
    Some(u128::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_is_looked_up_by_its_packed_letters_as_by_its_string() {
        let l = lexicon();
        assert_eq!(packed_lower("Said"), packed_lower("sAID"));
        assert_ne!(packed_lower("said"), packed_lower("saida"));
        assert_eq!(packed_lower("a-b"), None);
        assert_eq!(packed_lower("abcdefghijklmnopq"), None, "17 letters");
        for w in ["Said", "PRESIDENT", "the", "spokeswoman", "Ministry", "Maria"] {
            let by_string = with_lower(w, |k| l.facts.get(k).copied().unwrap_or_default());
            assert_eq!(l.word(w).facts, Some(by_string), "{w}");
            assert_ne!(by_string, Facts::default(), "{w} is in a list");
        }
        assert!(l.word("Said").is_speech() && l.word("spokeswoman").is_title() && l.word("Maria").is_given());
        for w in ["Minister", "spokesperson", "said", "Maria", "spokespersonsxyzw"] {
            assert_eq!(l.is_title(w), l.titles.contains(&w.to_lowercase()), "{w}");
        }
    }

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
        // a name's cues skip punctuation before asking for a speech verb
        assert!(l.speech.iter().all(|v| v.starts_with(char::is_alphabetic)), "a speech verb starts with a letter");
    }
}
