//! Word tests the candidate finder asks: capitals, possessives, shouting, what breaks a
//! name, what stands inside one.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use crate::analysis::doc::Para;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::model::Kind;
use crate::analysis::tokens::is_apostrophe;
use crate::text::date::{month_from_name, weekday_from_name};
use crate::text::fold::strip_possessive;

/// Lower-case words that may stand inside a name (`Bank of England`, `Charles de Gaulle`).
pub(super) const CONNECTORS: &[&str] = &[
    "of", "de", "du", "da", "del", "della", "di", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "y",
];

/// Words before a name that say it is a place.
pub(super) const PLACE_PREPOSITIONS: &[&str] =
    &["in", "into", "near", "across", "toward", "towards", "outside", "inside", "throughout", "from", "to"];

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len() && !w.ends_with('\'') && !w.ends_with('\u{2019}')
}

/// A sentence written in capitals (`CRITICS HAVE SAID IT WOULD BE ...`): its words say
/// nothing about which are names.
pub(super) fn shouted(para: &Para, a: usize, b: usize) -> bool {
    let (mut words, mut caps) = (0, 0);
    for k in (a..b).filter(|&k| para.tokens[k].word) {
        let w = para.word(k);
        // most words start in lower case: counted without a look at their letters
        if w.as_bytes()[0].is_ascii_lowercase() {
            words += 1;
        } else if w.chars().any(char::is_alphabetic) {
            words += 1;
            caps += usize::from(w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
        }
    }
    words >= 4 && caps * 10 >= words * 7
}

/// An ordinary word in capitals (`THE`, `HAVE`, `THIS`): in a shouted phrase
/// (`THREE PEOPLE HAVE DIED`) it neither starts nor continues a name.
pub(super) fn shouted_word(lex: &Lexicon, w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) && lex.is_common(w)
}

/// A number's word (`15`, `20.37`, `6-4`, `47th`): a table's cell, a score, a rank.
pub(super) fn starts_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// `Mr.`, `Ms`, `Dr.`: what follows is a name, even a word that is a title elsewhere (`Mr. Major`).
pub(super) fn is_honorific(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Mx")
}

/// Days and months end a name (`Brian Nichols Saturday`, `Lisbon May`).
pub(super) fn breaks_name(w: &str) -> bool {
    weekday_from_name(w).is_some_and(|_| w.len() > 4)
        || month_from_name(w).is_some_and(|_| w.len() > 3 && w != "May")
        || HOLIDAYS.contains(&w)
        || is_first_person(w)
        || (is_compound_adjective(w) && !is_adjective_of_name(w))
}

/// `I'm`, `I've`, `I'd`: a speaker's words run on after a name in quotes and headlines.
pub(super) fn is_first_person(w: &str) -> bool {
    w.strip_prefix('I').is_some_and(|r| r.starts_with(['\'', '\u{2019}']) && r.len() > 1)
}

/// `Paris-based`, `Ukrainian-born`, `Jail-issued`, `Three-time`: a name turned adjective by a
/// lower-case ending is no part of a name; nor is a descriptor of three parts or more whose
/// parts after the first are in lower case (`Mother-of-three`, `Father-of-two`).
pub(super) fn is_compound_adjective(w: &str) -> bool {
    // most words have no hyphen (U+2011 starts with the byte 0xE2)
    if !w.bytes().any(|b| b == b'-' || b == 0xE2) {
        return false;
    }
    let hyphen = ['-', '\u{2011}'];
    let mut parts = w.split(hyphen);
    is_adjective_of_name(w)
        || (parts.next().is_some_and(|p| !p.is_empty())
            && w.split(hyphen).count() >= 3
            && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_lowercase())))
}

/// A name made an adjective by its hyphenated tail (`Ohio-based`, `Nations-run`): the name
/// it is made of ends before the hyphen.
pub(super) fn is_adjective_of_name(w: &str) -> bool {
    w.rsplit_once(['-', '\u{2011}']).is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.starts_with(|c: char| c.is_ascii_lowercase())
            && (tail.ends_with("ed")
                || matches!(tail, "born" | "led" | "made" | "run" | "style" | "like" | "bound" | "time"))
    })
}

/// Holidays stand next to names (`Ltd Christmas party`) without being part of them.
pub(super) const HOLIDAYS: &[&str] =
    &["Christmas", "Easter", "Thanksgiving", "Halloween", "Ramadan", "Eid", "Hanukkah", "Diwali", "Passover"];

/// Words of one name are separated by exactly one space.
pub(super) fn gap(para: &Para, m: usize) -> usize {
    let between = &para.text[para.tokens[m - 1].end() as usize..para.tokens[m].start as usize];
    if between == " " { 1 } else { usize::MAX / 2 }
}

pub(super) fn lexicon_kind(lex: &'static Lexicon, key: &str) -> Option<(Kind, &'static str)> {
    if let Some(p) = lex.places.get(key) {
        return Some((Kind::Place, p.canonical.as_str()));
    }
    lex.orgs.get(key).map(|o| (Kind::Organization, o.as_str()))
}

pub(super) fn is_apostrophe_only(ws: &[&str]) -> bool {
    ws.iter().all(|w| w.chars().all(is_apostrophe))
}
