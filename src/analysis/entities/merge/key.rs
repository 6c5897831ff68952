//! The key a name is first merged by: equal keys are one entity before any other rule runs.

use super::super::candidates::{Candidate, Source};
use crate::analysis::lexicon::lexicon;
use crate::analysis::model::Kind;
use crate::text::fold::{fold, skeleton};

/// What a name is looked up by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Key {
    /// A known name (gazetteer) or a name with a kind's head word, by kind and folded form:
    /// the two meet (`Kyiv` known, `Kyiv` read from context).
    Kind(Kind, String),
    /// An organisation with a head word, by its country (empty when none) and base
    /// (`Russian Foreign Ministry` = `Russia's Ministry of Foreign Affairs`).
    Org { country: String, base: String },
    /// Any other name, by its spelling skeleton (`Zelenskiy` = `Zelensky`).
    Name(String),
}

impl Key {
    pub(super) fn of(c: &Candidate) -> Key {
        match &c.source {
            Source::Lexicon(k, canon) => Key::Kind(*k, spelling(&fold(canon))),
            Source::Head(Kind::Organization) => Key::Org {
                country: c.country.map(fold).unwrap_or_default(),
                base: spelling(&org_base(c.words(), c.country.is_some())),
            },
            Source::Head(k) | Source::Row(k) => Key::Kind(*k, spelling(&fold(&c.text))),
            Source::Unknown => {
                Key::Name(spelling(&c.words().iter().map(|w| skeleton(w)).collect::<Vec<_>>().join(" ")))
            }
        }
    }

    /// A name no rule typed: the other rules may join it to a longer one.
    pub(super) fn is_name(&self) -> bool {
        matches!(self, Key::Name(_))
    }

    /// A building, event or work (a city is not its police: `Troy` / `Troy Police`).
    pub(super) fn is_other(&self) -> bool {
        matches!(self, Key::Kind(Kind::Other, _))
    }

    pub(super) fn is_place(&self) -> bool {
        matches!(self, Key::Kind(Kind::Place, _))
    }

    /// An organisation's base when it names a country (what unqualified forms may join).
    pub(super) fn qualified_base(&self) -> Option<&str> {
        match self {
            Key::Org { country, base } if !country.is_empty() => Some(base),
            _ => None,
        }
    }

    /// An organisation's base when it names no country (it may join the one qualified form).
    pub(super) fn unqualified_base(&self) -> Option<&str> {
        match self {
            Key::Org { country, base } if country.is_empty() => Some(base),
            _ => None,
        }
    }
}

/// `Ministry of Foreign Affairs` and `Foreign Ministry` share the base `foreign ministry`.
pub(super) fn org_base(words: &[String], has_country: bool) -> String {
    let lex = lexicon();
    let mut w: Vec<String> = words.iter().map(|x| fold(x)).collect();
    if has_country
        && w.len() > 1
        && w.first().is_some_and(|f| lex.demonym_country(f).is_some() || lex.places.contains_key(f))
    {
        w.remove(0);
    }
    w.retain(|x| x != "the" && x != "affairs");
    if w.len() >= 3 && w.get(1).is_some_and(|x| x == "of") {
        let head = w.remove(0);
        w.remove(0);
        w.push(head);
    }
    w.join(" ")
}

/// British and American spellings of head words meet (`Centre`/`Center`); a key's first
/// word keeps its own.
fn spelling(key: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("centre", "center"),
        ("organisation", "organization"),
        ("defence", "defense"),
        ("programme", "program"),
        ("theatre", "theater"),
        ("harbour", "harbor"),
    ];
    key.split(' ')
        .enumerate()
        .map(|(i, w)| if i == 0 { w } else { PAIRS.iter().find(|(b, _)| *b == w).map_or(w, |(_, a)| a) })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn an_organisation_of_a_country_has_the_base_of_its_other_wording() {
        assert_eq!(org_base(&words("Ministry of Foreign Affairs"), false), "foreign ministry");
        assert_eq!(org_base(&words("Foreign Ministry"), false), "foreign ministry");
        assert_eq!(org_base(&words("the Port Authority"), false), "port authority");
    }

    #[test]
    fn head_words_meet_across_spellings_but_a_first_word_keeps_its_own() {
        assert_eq!(spelling("harbour trust centre"), "harbour trust center");
        assert_eq!(spelling("city theatre"), "city theater");
    }
}
