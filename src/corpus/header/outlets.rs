//! Outlets: the names of newspapers, agencies and broadcasters as page headers write them
//! (`Severn Valley Gazette`, `THE DAILY CLARION | World`, `Coast News Agency | 3 May
//! 2025`), told by the words such names are made of.

/// Words that outlet names are made of.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "herald",
    "gazette",
    "chronicle",
    "journal",
    "tribune",
    "review",
    "daily",
    "weekly",
    "wire",
    "newswire",
    "agency",
    "press",
    "courier",
    "sentinel",
    "observer",
    "telegraph",
    "express",
    "mail",
    "standard",
    "guardian",
    "independent",
    "monitor",
    "channel",
    "radio",
    "television",
    "tv",
    "network",
    "broadcasting",
    "broadcaster",
    "media",
    "today",
    "bulletin",
    "digest",
    "dispatch",
    "record",
    "register",
    "star",
    "mirror",
    "examiner",
    "inquirer",
    "ledger",
    "magazine",
    "globe",
    "leader",
    "argus",
    "advertiser",
    "reporter",
    "echo",
    "recorder",
    "citizen",
    "voice",
    "beacon",
    "messenger",
    "enquirer",
    "pioneer",
    "clarion",
    "banner",
    "gazeta",
    "zeitung",
    "presse",
    "diario",
    "nouvelles",
];

/// Small words inside an outlet's name.
const JOINERS: &[&str] = &["the", "of", "and", "&", "on", "for"];

/// How many of the words of `s` are outlet words.
pub fn outlet_words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && OUTLET_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w)))
        .count()
}

/// The outlet a short header segment names, as its name is written (capitals made title
/// case); `None` when it is not one.
pub fn outlet_name(seg: &str) -> Option<String> {
    let s = seg.trim().trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ':'));
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.ends_with(['.', '!', '?']) {
        return None;
    }
    let capitalised = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || JOINERS.contains(&w.to_lowercase().as_str())
    });
    // a results row (`Northam 2 Riverside Star 1`) has its numbers
    let numbers = words.iter().filter(|w| w.chars().all(|c| c.is_ascii_digit() || c == '-')).count();
    if !capitalised || outlet_words(s) == 0 || numbers > 1 {
        return None;
    }
    Some(title_case(s))
}

/// A masthead in capitals among a header line's parts (`THE NORTHERN ECHO | World | 3 May
/// 2025`): two to six words, all in capitals.
pub fn masthead(seg: &str) -> Option<String> {
    let s = seg.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    let caps = words.iter().all(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase));
    ((2..=6).contains(&words.len()) && caps).then(|| title_case(s))
}

/// A name in capitals in title case (`THE DAILY CLARION` → `The Daily Clarion`); short
/// all-capital words (`UK`, `BBC`) and mixed case stay.
pub fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if w.chars().count() <= 3 && outlet_words(w) == 0 && !JOINERS.contains(&lower.as_str()) {
                return w.to_string();
            }
            if i > 0 && JOINERS.contains(&lower.as_str()) {
                return lower;
            }
            let mut c = lower.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names() {
        assert_eq!(outlet_name("Severn Valley Gazette").as_deref(), Some("Severn Valley Gazette"));
        assert_eq!(outlet_name("THE MORNING HERALD").as_deref(), Some("The Morning Herald"));
        assert_eq!(outlet_name("UK News Agency").as_deref(), Some("UK News Agency"));
        assert_eq!(outlet_name("Pacific Rim Newswire").as_deref(), Some("Pacific Rim Newswire"));
        assert_eq!(outlet_name("World Europe Business"), None);
        assert_eq!(outlet_name("Storm hits the coast"), None);
        assert_eq!(outlet_name("The news was bad."), None);
        assert_eq!(outlet_name("Northam 2 Riverside Star 1"), None, "a results row");
    }
}
