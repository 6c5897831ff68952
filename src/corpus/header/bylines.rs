//! Bylines: who wrote a report and in what role (`By Ana Reyes, Health Reporter`,
//! `Words by Tom Ridley`, `By KATE BRENNAN and JORGE ALMEIDA`, `Ana Reyes in Porto`,
//! `(Reporting by Ana Reyes in Lima; editing by Tom Ridley)`, `Ana Reyes, Transport
//! Correspondent`), names in capitals written as names are (`McDonald`, `O'Neill`,
//! `van der Berg`), and the outlet when a byline names one.

use super::outlets::outlet_name;
use crate::text::date::month_from_name;

/// A byline's parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub author: String,
    pub role: Option<String>,
    pub outlet: Option<String>,
}

/// Words that open a byline, in lower case with their space.
const BY: &[&str] = &[
    "written by ",
    "words by ",
    "reporting by ",
    "reported by ",
    "additional reporting by ",
    "story by ",
    "text by ",
    "by ",
    "author: ",
    "authors: ",
    "author ",
];

/// The head words of a journalist's role (`Health Reporter`, `Political Editor`).
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "writer",
    "writers",
    "columnist",
    "producer",
    "contributor",
    "analyst",
    "journalist",
    "staff",
    "critic",
    "photographer",
    "presenter",
    "anchor",
    "commentator",
    "bureau",
    "desk",
    "team",
    "intern",
    "fellow",
    "stringer",
    "chief",
    "specialist",
];

/// Particles of names, written in lower case inside a name (`van der Berg`, `da Silva`).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "al", "bin", "ibn",
    "ten", "ter",
];

/// A role phrase: its last word is a journalist's role.
pub fn is_role(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or_default().trim_matches(|c: char| !c.is_alphabetic());
    !last.is_empty() && ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(last))
}

/// Reads a byline line; `None` when it is not one.
pub fn parse_byline(line: &str) -> Option<Byline> {
    let l = super::debris::clean_line(line).trim_start_matches('(').trim_end_matches(')').trim();
    if super::debris::word_count(l) > 16 {
        return None;
    }
    let lower = l.to_lowercase();
    let Some(prefix) = BY.iter().find(|p| lower.starts_with(*p)) else {
        return unlabelled(l);
    };
    // `(Reporting by A; editing by B)`: the reporting part
    let rest = l[prefix.len()..].split(';').next().unwrap_or_default().trim();
    let mut parts = split_parts(rest);
    let first = parts.next()?;
    let (names, _place) = strip_place(first);
    let author = names_of(names)?;
    let mut b = Byline { author, ..Byline::default() };
    for p in parts {
        take_part(&mut b, p);
    }
    Some(b)
}

/// `NAME, Transport Correspondent`, `NAME | OUTLET`, `NAME in PLACE`: a byline without `By`.
fn unlabelled(l: &str) -> Option<Byline> {
    if l.ends_with(['.', '!', '?']) {
        return None;
    }
    let mut parts = split_parts(l);
    let first = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let author = names_of(first)?;
    // a name alone is only a byline with something that says so (a place does not:
    // `Diamond Heist in Paris` is a headline)
    let says_so = rest.iter().any(|p| is_role(p) || outlet_name(p).is_some());
    if !says_so || rest.iter().any(|p| !is_role(p) && outlet_name(p).is_none()) {
        return None;
    }
    let mut b = Byline { author, ..Byline::default() };
    for p in rest {
        take_part(&mut b, p);
    }
    Some(b)
}

fn take_part(b: &mut Byline, p: &str) {
    if is_role(p) {
        b.role.get_or_insert_with(|| p.to_string());
    } else if let Some(o) = outlet_name(p) {
        b.outlet.get_or_insert(o);
    }
}

/// A byline's parts: split at commas and at separators (`|`, `·`, `•`).
fn split_parts(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', '|', '·', '•']).map(str::trim).filter(|p| !p.is_empty())
}

/// `Ana Reyes in La Restinga` → the names and the place.
fn strip_place(s: &str) -> (&str, Option<&str>) {
    for sep in [" in ", " at "] {
        if let Some(i) = s.find(sep) {
            let place = s[i + sep.len()..].trim();
            if !place.is_empty() && place.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) {
                return (s[..i].trim(), Some(place));
            }
        }
    }
    (s, None)
}

/// One name or several (`A and B`, `A & B`), each as a name is written.
fn names_of(s: &str) -> Option<String> {
    let names: Vec<&str> = s.split(" and ").flat_map(|x| x.split(" & ")).map(str::trim).collect();
    if names.is_empty() || !names.iter().all(|n| looks_like_name(n)) {
        return None;
    }
    Some(names.iter().map(|n| name_case(n)).collect::<Vec<_>>().join(" and "))
}

/// One to four capitalised words (initials, particles and hyphens allowed), as a person's
/// name is written; not an outlet, not a month.
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let c = w.chars().next().unwrap_or(' ');
            (c.is_uppercase() || PARTICLES.contains(&w.to_lowercase().as_str())) && month_from_name(w).is_none()
        })
        && words.iter().any(|w| w.chars().count() > 1)
        && !words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && super::outlets::outlet_words(s) == 0
}

/// A name in capitals as a name is written: `TOM RIDLEY` → `Tom Ridley`, `MCDONALD` →
/// `McDonald`, `O'NEILL` → `O'Neill`, `VAN DER BERG` → `van der Berg`; a name already in
/// mixed case stays as it is.
pub fn name_case(s: &str) -> String {
    let letters = s.chars().filter(|c| c.is_alphabetic());
    if letters.clone().count() < 2 || letters.clone().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_lowercase();
            if PARTICLES.contains(&lower.as_str()) {
                return lower;
            }
            word_case(&lower)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One lower-cased word of a name capitalised: its first letter, a letter after an
/// apostrophe or hyphen, and the letter after `Mc`.
fn word_case(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut up = true;
    for c in lower.chars() {
        if up && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
        if matches!(c, '\'' | '’' | '-') {
            up = true;
        }
    }
    if out.starts_with("Mc") && out.chars().nth(2).is_some_and(char::is_alphabetic) {
        let rest: String = out.chars().skip(2).collect();
        return format!("Mc{}", word_case(&rest.to_lowercase()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(line: &str) -> Option<(String, Option<String>, Option<String>)> {
        parse_byline(line).map(|b| (b.author, b.role, b.outlet))
    }

    #[test]
    fn labelled_bylines_with_roles_places_and_outlets() {
        assert_eq!(b("By Ana Reyes"), Some(("Ana Reyes".into(), None, None)));
        assert_eq!(
            b("By Ana Reyes, Health Reporter"),
            Some(("Ana Reyes".into(), Some("Health Reporter".into()), None))
        );
        assert_eq!(b("By Tom Ridley | Technology Reporter").map(|x| x.1), Some(Some("Technology Reporter".into())));
        assert_eq!(
            b("By Lena Park, The Harbour Times"),
            Some(("Lena Park".into(), None, Some("The Harbour Times".into())))
        );
        assert_eq!(b("By Maria Ortiz in Puerto Viejo").map(|x| x.0).as_deref(), Some("Maria Ortiz"));
        assert_eq!(b("Words by Owen Hale").map(|x| x.0).as_deref(), Some("Owen Hale"));
        assert_eq!(
            b("(Reporting by Ines Duarte in Lima; editing by Rob Kent)").map(|x| x.0).as_deref(),
            Some("Ines Duarte")
        );
        assert_eq!(b("By the end of the week the river rose."), None);
    }

    #[test]
    fn capitals_become_names() {
        assert_eq!(b("By TOM RIDLEY").map(|x| x.0).as_deref(), Some("Tom Ridley"));
        assert_eq!(
            b("By ANNA KOWALSKI and JOE O'NEILL").map(|x| x.0).as_deref(),
            Some("Anna Kowalski and Joe O'Neill")
        );
        assert_eq!(name_case("SEAN MCDONALD"), "Sean McDonald");
        assert_eq!(name_case("PIET VAN DER BERG"), "Piet van der Berg");
        assert_eq!(name_case("ANNE DUBOIS-HART"), "Anne Dubois-Hart");
        assert_eq!(name_case("Ian McEwan"), "Ian McEwan", "mixed case is kept");
    }

    #[test]
    fn bylines_without_by() {
        assert_eq!(b("Nora Quinn, Transport Correspondent").map(|x| x.1), Some(Some("Transport Correspondent".into())));
        assert_eq!(b("Omar Haddad | Coast Gazette").map(|x| x.2), Some(Some("Coast Gazette".into())));
        assert_eq!(b("Hana Sato in Kyoto"), None, "a headline reads the same: `Diamond Heist in Paris`");
        assert_eq!(b("Austria at Croatia"), None);
        assert_eq!(b("THE MORNING STAR | World News"), None, "an outlet is not a name");
        assert_eq!(b("World Europe Business"), None);
        assert_eq!(b("Ana Reyes"), None, "a name alone needs something that says it is a byline");
    }
}
