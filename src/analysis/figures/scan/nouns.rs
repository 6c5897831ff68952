//! What a count counts: the noun after it, in the plural unless it counts one.
use super::reader::Reader;

/// Words that stop the search for a counted noun.
pub(super) static STOP: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "of", "in", "to", "for", "on", "at", "by", "from", "with", "than", "that", "which", "who", "as", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "the", "a", "an", "or", "per", "into", "over", "after",
    "before", "since", "and", "but", "ago", "old", "times", "be", "been", "could", "should", "can", "may", "might",
    "must", "did", "do", "does", "it", "its", "their", "his", "her", "this", "these", "those", "when", "where",
    "while", "until", "about", "around", "up", "down", "out", "off", "under", "between", "said", "says",
]);

/// Words ending in `s` that are not plural nouns.
pub(super) static NOT_PLURAL: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "this",
    "its",
    "his",
    "has",
    "was",
    "is",
    "as",
    "us",
    "thus",
    "plus",
    "various",
    "numerous",
    "previous",
    "serious",
    "famous",
    "dangerous",
    "less",
    "unless",
    "across",
    "whereas",
    "always",
    "perhaps",
    "does",
    "yes",
    "news",
    "status",
    "bus",
    "gas",
    "overseas",
    "nearly",
    "analysis",
    "crisis",
    "basis",
    "always",
    "sometimes",
    "afterwards",
    "towards",
    "besides",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "seconds",
]);

/// Words that stand for people or things counted, with no `s`: `people`, `staff`, `police`.
pub(super) const BARE_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "livestock",
    "crew",
    "infantry",
    "sheep",
    "fish",
    "aircraft",
    "youth",
    "wildlife",
];

/// Adjectives of severity and state standing for those counted (`31 injured`, `four dead`).
pub const STATE_WORDS: &[&str] = &[
    "dead",
    "injured",
    "wounded",
    "killed",
    "missing",
    "hurt",
    "displaced",
    "homeless",
    "evacuated",
    "rescued",
    "arrested",
    "detained",
];

/// The noun a count counts: the first plural noun (or a noun the lexicon knows) in the next
/// few words (`10,000 North Korean troops` → troops; `some 480,000 homes and businesses`).
/// Returns the noun's tokens and the unit as written.
pub fn counted_noun(r: &Reader, from: usize, one: bool) -> Option<((usize, usize), String)> {
    let mut k = from;
    let mut steps = 0;
    while k < r.end && steps < 5 {
        if !r.is_word(k) {
            if matches!(r.w(k), "-" | "\u{2011}") {
                k += 1;
                continue;
            }
            return None;
        }
        let l = r.l(k);
        // a name before the noun (`520,000 Gulf States Power customers`) is passed over; a
        // capitalised plural counts only as the last of its run (`1,200 Britons`)
        let capital = r.w(k).starts_with(char::is_uppercase) && !r.w(k).chars().all(|c| c.is_uppercase());
        let name_goes_on = capital && r.is_word(k + 1) && r.w(k + 1).starts_with(char::is_uppercase);
        if name_goes_on {
            k += 1;
            steps += 1;
            continue;
        }
        if BARE_PLURALS.contains(&l.as_ref()) || is_plural(&l) || (one && super::super::words::counted(&l).is_some()) {
            // `homes and businesses`: a second noun joined by `and`
            let mut end = k + 1;
            if r.is(end, "and") && r.is_word(end + 1) && is_plural(&r.l(end + 1)) {
                end += 2;
            }
            let text = (k..end).map(|i| r.l(i).into_owned()).collect::<Vec<_>>().join(" ");
            return Some(((k, end), text));
        }
        if STOP.contains(&l) || STATE_WORDS.contains(&l.as_ref()) {
            return None;
        }
        k += 1;
        steps += 1;
    }
    None
}

pub(super) fn is_plural(l: &str) -> bool {
    l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("'s")
        && !l.ends_with("’s")
        && !NOT_PLURAL.contains(l)
        && l.chars().all(|c| c.is_alphabetic() || c == '-')
}
