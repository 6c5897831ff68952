//! Rules that recognise the messy header and trailer lines of saved pages:
//! dates, bylines, datelines, image credits and page debris.

use crate::text::date::{Date, find_date, month_from_name, weekday_from_name};

/// Words that make up page chrome rather than an article.
const DEBRIS: &[&str] = &[
    "back",
    "share",
    "tweet",
    "email",
    "print",
    "advertisement",
    "ad",
    "menu",
    "home",
    "subscribe",
    "comments",
    "comment",
    "read more",
    "related",
    "related articles",
    "more",
    "close",
    "search",
    "log in",
    "login",
    "sign in",
    "sign up",
    "follow us",
    "share this",
    "share this article",
    "listen",
    "listen to this article",
    "copy link",
    "next",
    "previous",
    "top",
    "skip to content",
];

/// Leading labels that may stand before a date (`Published`, `date`, `Updated:`).
const DATE_LABELS: &[&str] = &["date", "published", "updated", "posted", "posted on", "last updated", "on"];

const CREDIT_LABELS: &[&str] = &[
    "source:",
    "photo:",
    "image:",
    "credit:",
    "photo credit:",
    "image credit:",
    "picture:",
    "file photo:",
    "pictured:",
];

/// Strips list bullets and surrounding space.
pub fn clean_line(s: &str) -> &str {
    s.trim().trim_start_matches(['•', '·', '*', '-', '–', '|', '>']).trim()
}

pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Page debris: lone letters, navigation words, view counters.
pub fn is_debris(line: &str) -> bool {
    let l = clean_line(line);
    if l.is_empty() {
        return true;
    }
    if l.chars().filter(|c| c.is_alphanumeric()).take(3).count() <= 2 && !l.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // debris is short (a label, a counter); prose is not lower-cased just to be told apart
    if l.len() > 48 {
        return false;
    }
    let lower = l.to_lowercase();
    if DEBRIS.contains(&lower.trim_end_matches([':', '.', '»', '›']).trim()) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    // `1,234 views`, `views`, `5 min read`
    if words.last().is_some_and(|w| *w == "views" || *w == "read") && words.len() <= 3 {
        return true;
    }
    false
}

/// A run of section names (`World Europe Politics`): all capitalised, short, no function words.
pub fn is_menu_line(line: &str) -> bool {
    let l = clean_line(line);
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 || l.ends_with(['.', '!', '?', ':', '"', '”']) {
        return false;
    }
    const FUNCTION: &[&str] = &[
        "to", "of", "in", "on", "with", "for", "and", "the", "a", "an", "at", "by", "from", "as", "is", "are", "be",
        "after", "over",
    ];
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() || !first.is_alphabetic()) && !FUNCTION.contains(&w.to_lowercase().as_str())
    })
}

/// An image credit such as `Source: Agency/Photographer`.
pub fn is_credit(line: &str) -> bool {
    let lower = clean_line(line).to_lowercase();
    CREDIT_LABELS.iter().any(|p| lower.starts_with(p)) && word_count(line) <= 12
}

/// A short header line that carries a date (and otherwise labels, times, sections):
/// `Ukraine | May 4, 2023, Thursday // 16:57| views`, `PublishedMay 4, 2023`, `date 2023-05-04`.
pub fn date_line(line: &str) -> Option<Date> {
    let l = clean_line(line);
    if word_count(l) > 14 {
        return None;
    }
    let (_, _, d) = find_date(l)?;
    Some(d)
}

/// A date glued to the start of a paragraph (`date 2023-05-04 The council ...`):
/// returns the date and the byte offset where the prose begins.
pub fn leading_date(p: &str) -> Option<(Date, usize)> {
    // only a short label may stand before the date, so a long paragraph's head is enough
    let mut cut = p.len().min(160);
    while !p.is_char_boundary(cut) {
        cut -= 1;
    }
    let (start, end, d) = find_date(&p[..cut])?;
    let before = p[..start].trim().trim_end_matches(':').trim().to_lowercase();
    let before_ok = before.is_empty()
        || DATE_LABELS.contains(&before.as_str())
        || weekday_from_name(before.trim_end_matches(',')).is_some();
    if !before_ok {
        return None;
    }
    let mut rest = end;
    // swallow a trailing weekday, time or separator (`, Thursday // 16:57 |`)
    let tail = &p[end..];
    let mut consumed = 0;
    for tok in tail.split_inclusive(char::is_whitespace) {
        let t = tok.trim().trim_matches([',', '|', '/', '-', '–', '—']);
        let time_like = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ':') && t.contains(':');
        if tok.trim().is_empty()
            || t.is_empty()
            || weekday_from_name(t).is_some()
            || time_like
            || matches!(t.to_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m." | "utc" | "gmt" | "et")
        {
            consumed += tok.len();
        } else {
            break;
        }
    }
    rest += consumed;
    Some((d, rest))
}

/// A byline: `By NAME`, `By NAME, OUTLET`, `Written By NAME`, `NAME | OUTLET`.
/// Returns the author and, where given, the outlet.
pub fn byline(line: &str) -> Option<(String, Option<String>)> {
    let l = clean_line(line);
    if word_count(l) > 10 || (l.ends_with(['.', '!', '?']) && word_count(l) > 4) {
        return None;
    }
    let lower = l.to_lowercase();
    for prefix in ["written by ", "words by ", "reporting by ", "by ", "author: ", "author "] {
        if lower.starts_with(prefix) {
            let rest = l[prefix.len()..].trim();
            let (name, outlet) = match rest.split_once([',', '|']) {
                Some((n, o)) => (n.trim(), Some(o.trim().to_string()).filter(|o| !o.is_empty())),
                None => (rest, None),
            };
            return looks_like_name(name).then(|| (name.to_string(), outlet));
        }
    }
    if let Some((n, o)) = l.split_once(" | ")
        && looks_like_name(n.trim())
        && find_date(o).is_none()
        && word_count(o) <= 5
        && !o.contains('|')
    {
        return Some((n.trim().to_string(), Some(o.trim().to_string())));
    }
    None
}

/// `Written By` standing alone: the name follows on the next line.
pub fn is_byline_label(line: &str) -> bool {
    matches!(
        clean_line(line).to_lowercase().trim_end_matches(':'),
        "written by" | "by" | "author" | "words by" | "reporting by"
    )
}

/// Two to four capitalised words, as a person's name is written.
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let c = w.chars().next().unwrap_or(' ');
            (c.is_uppercase() || matches!(*w, "de" | "van" | "von" | "der" | "al" | "bin" | "da"))
                && month_from_name(w).is_none()
        })
        && words.iter().any(|w| w.chars().count() > 1)
}

/// A dateline opening the first paragraph: `PARIS:`, `Kyiv, Ukraine —`, `LONDON (Reuters) -`.
/// Returns the place and the byte offset of the prose after it.
pub fn dateline(p: &str) -> Option<(String, usize)> {
    let head: String = p.chars().take(60).collect();
    let (idx, sep_len) = [(":", 1), (" —", 4), (" –", 4), (" - ", 3), (" -- ", 4)]
        .iter()
        .filter_map(|(sep, _)| head.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i)?;
    let place = head[..idx].trim();
    let place_name = place.split('(').next().unwrap_or(place).trim().trim_end_matches(',');
    let words: Vec<&str> = place_name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let ok = place_name
        .split(',')
        .all(|part| part.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)));
    if !ok || find_date(place).is_some() {
        return None;
    }
    let mut rest = idx + sep_len;
    while p[rest..].starts_with(char::is_whitespace) {
        rest += p[rest..].chars().next().map_or(1, char::len_utf8);
    }
    // the prose must go on with a capital or a digit
    if !p[rest..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    Some((place_name.to_string(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_lines() {
        for l in ["x", "Back", "  Share ", "1,204 views", "• Menu"] {
            assert!(is_debris(l), "{l}");
        }
        assert!(!is_debris("Oslo"));
        assert!(is_menu_line("World Europe Business"));
        assert!(!is_menu_line("Storm Hits Coast With Heavy Rain"));
        assert!(!is_menu_line("The storm hit the coast."));
    }

    #[test]
    fn date_lines_and_glued_dates() {
        assert_eq!(date_line("  • PublishedJanuary 5, 2021").map(|d| d.iso()).as_deref(), Some("2021-01-05"));
        assert_eq!(
            date_line("Sports | March 3, 2020, Tuesday // 09:12| views").map(|d| d.iso()).as_deref(),
            Some("2020-03-03")
        );
        let p = " date 2022-07-01 The council met.";
        let (d, off) = leading_date(p).unwrap();
        assert_eq!(d.iso(), "2022-07-01");
        assert_eq!(&p[off..], "The council met.");
        assert!(leading_date("The council met on 2022-07-01.").is_none());
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Roe").unwrap().0, "Jane Roe");
        assert_eq!(
            byline("By Jane Roe, The Daily Planet").unwrap(),
            ("Jane Roe".into(), Some("The Daily Planet".into()))
        );
        assert_eq!(byline("Written By Ana Lima").unwrap().0, "Ana Lima");
        assert_eq!(
            byline("Omar Haddad | Coast Gazette").unwrap(),
            ("Omar Haddad".into(), Some("Coast Gazette".into()))
        );
        assert!(byline("By the end of the week the river rose.").is_none());
        assert!(is_byline_label("Written By"));
    }

    #[test]
    fn datelines() {
        let p = "OSLO: The parliament voted.";
        let (place, off) = dateline(p).unwrap();
        assert_eq!(place, "OSLO");
        assert_eq!(&p[off..], "The parliament voted.");
        let p = "Lagos, Nigeria — Flooding closed roads.";
        assert_eq!(dateline(p).unwrap().0, "Lagos, Nigeria");
        assert!(dateline("The plan: more roads.").is_none());
        assert!(dateline("Critics said: no").is_none());
    }
}
