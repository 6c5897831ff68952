//! Dates in page headers: labelled stamps (`Posted:`, `Published`, `Updated 16:20 BST,`,
//! `Last updated:`), dates among section names (`Outlet | World | Monday 20 October 2025`),
//! dates glued to the first paragraph, and numeric dates whose day and month could be
//! swapped, decided by the line's own evidence: a time zone (an American one means month
//! first, the others day first) or a weekday that fits only one reading.

use crate::text::date::{Date, Reading, all_readings, weekday_from_name};

/// What a header date stamps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    Published,
    Updated,
}

/// A date read from a header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    pub date: Date,
    pub stamp: Stamp,
    /// A numeric date that nothing in its line decided: its month-first and day-first readings.
    pub undecided: Option<(Date, Date)>,
}

/// Leading labels that may stand before a date (`Published`, `date`, `Updated:`).
const DATE_LABELS: &[&str] = &[
    "date",
    "dated",
    "published",
    "published on",
    "first published",
    "first published on",
    "updated",
    "updated on",
    "last updated",
    "last updated on",
    "last modified",
    "modified",
    "posted",
    "posted on",
    "on",
    "created",
];

/// Labels that mark a later stamp rather than the publication.
const UPDATE_WORDS: &[&str] = &["updated", "modified", "edited", "revised", "amended"];

/// Time zones whose countries write the month first (North America).
const MONTH_FIRST_ZONES: &[&str] =
    &["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "et", "ct", "mt", "pt"];
/// Time zones whose countries write the day first.
const DAY_FIRST_ZONES: &[&str] = &[
    "gmt", "bst", "cet", "cest", "eet", "eest", "wet", "west", "ist", "msk", "wib", "wita", "wit", "aest", "aedt",
    "acst", "acdt", "awst", "nzst", "nzdt", "jst", "kst", "sgt", "hkt", "pht", "ict", "sast", "eat", "wat", "cat",
    "art", "brt", "pkt", "trt", "gst",
];

/// Separators between the parts of a header line.
const SEPARATORS: &[char] = &['|', '·', '•', '—', '–', '/'];

/// The dates a short header line carries, each with what it stamps.
pub fn dates_in_line(line: &str) -> Vec<Dated> {
    let l = super::debris::clean_line(line);
    if super::debris::word_count(l) > 20 {
        return Vec::new();
    }
    let readings = all_readings(l);
    let zone = zone_order(l);
    let weekdays: Vec<u32> = l.split(|c: char| !c.is_alphabetic()).filter_map(weekday_from_name).collect();
    readings
        .iter()
        .map(|r| {
            let before = segment_before(l, r);
            let stamp = if UPDATE_WORDS.iter().any(|w| before.contains(w)) { Stamp::Updated } else { Stamp::Published };
            let (date, undecided) = decide(r, zone, &weekdays);
            Dated { date, stamp, undecided }
        })
        .collect()
}

/// The words before a date back to the previous separator, in lower case.
fn segment_before(l: &str, r: &Reading) -> String {
    let before = &l[..r.start];
    let from = before.rfind(SEPARATORS).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    before[from..].to_lowercase()
}

/// `Some(true)` when the line names a month-first time zone, `Some(false)` a day-first one.
fn zone_order(l: &str) -> Option<bool> {
    l.split(|c: char| !c.is_ascii_alphabetic()).find_map(|w| {
        if w.len() < 2 || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let w = w.to_ascii_lowercase();
        if MONTH_FIRST_ZONES.contains(&w.as_str()) {
            Some(true)
        } else if DAY_FIRST_ZONES.contains(&w.as_str()) {
            Some(false)
        } else {
            None
        }
    })
}

/// The reading of `r` its line supports, and the other one when nothing decided.
fn decide(r: &Reading, zone: Option<bool>, weekdays: &[u32]) -> (Date, Option<(Date, Date)>) {
    let Some(other) = r.other else { return (r.date, None) };
    if let Some(&wd) = weekdays.first() {
        match (r.date.weekday() == wd, other.weekday() == wd) {
            (true, false) => return (r.date, None),
            (false, true) => return (other, None),
            _ => {}
        }
    }
    match zone {
        Some(month_first) if month_first == r.month_first => (r.date, None),
        Some(_) => (other, None),
        None => (r.date, Some(if r.month_first { (r.date, other) } else { (other, r.date) })),
    }
}

/// A date glued to the start of a paragraph (`date 2023-05-04 The council ...`):
/// returns the date and the byte offset where the prose begins.
pub fn leading_date(p: &str) -> Option<(Date, usize)> {
    // only a short label may stand before the date, so a long paragraph's head is enough
    let mut cut = p.len().min(160);
    while !p.is_char_boundary(cut) {
        cut -= 1;
    }
    let (start, end, d) = crate::text::date::find_date(&p[..cut])?;
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
