//! Dates and times in the text, resolved against the report's date: `November 7`,
//! `7 November 2024`, `Sept 24`, `February 2022`, `Monday`, `last month`, `this year`,
//! `in 2011`; `9:40 p.m.`, `4.30pm`, `11pm`, `0400 GMT`, `noon`, `2 in the morning`,
//! `quarter past seven`; race times (`2:05:37`). A date without its year, a weekday or a
//! month points back from the report's date, unless its words look ahead (`until Sunday`,
//! `by Nov. 14`, `through March`, `next week`, `will reopen on Monday`).

use super::scan::{Found, Reader};
use crate::analysis::model::{FigureKind, Value};
use crate::text::date::{Date, days_in_month, month_from_name, weekday_from_name};

pub fn is_year(r: &Reader, k: usize) -> Option<i32> {
    let w = r.w(k);
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1800..=2100).contains(&y).then_some(y);
    }
    None
}

fn day_at(r: &Reader, k: usize) -> Option<u32> {
    let w = r.w(k);
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let d: u32 = digits.parse().ok()?;
    let suffix = &w[digits.len()..];
    ((1..=31).contains(&d) && (suffix.is_empty() || super::numbers::ordinal(w).is_some())).then_some(d)
}

/// A month's name at `k`: in full, or abbreviated with a full stop (`Nov.`), or
/// abbreviated without one before a day (`Sept 24`).
fn month_at(r: &Reader, k: usize) -> Option<u32> {
    let w = r.w(k);
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let m = month_from_name(w)?;
    let short = w.trim_end_matches('.').len() <= 4 && !w.ends_with('.') && !matches!(w, "June" | "July" | "May");
    if short && day_at(r, k + 1).is_none() {
        return None;
    }
    Some(m)
}

/// Words before a date that make it look ahead from the report's date.
const AHEAD_BEFORE: &[&str] = &[
    "until",
    "till",
    "til",
    "through",
    "thru",
    "by",
    "before",
    "next",
    "from",
    "starting",
    "beginning",
    "due",
    "coming",
];
/// Words earlier in a sentence that put what follows in the future.
static FUTURE: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "will",
    "would",
    "shall",
    "'ll",
    "due",
    "expected",
    "expects",
    "scheduled",
    "plans",
    "planned",
    "set",
    "going",
    "forecast",
    "forecasters",
    "expect",
    "until",
    "aims",
    "intends",
    "hopes",
    "upcoming",
]);

/// Whether the date at `k` looks ahead: the word before it, or a future word earlier in
/// its sentence (with no past tense between).
fn looks_ahead(r: &Reader, k: usize) -> bool {
    let mut i = k;
    // `by next Monday`, `until late Sunday`, `through at least Oct. 3`
    let mut hops = 0;
    while i > r.start && hops < 4 {
        i -= 1;
        hops += 1;
        let w = r.l(i);
        if AHEAD_BEFORE.contains(&w.as_ref()) {
            return true;
        }
        if !matches!(w.as_ref(), "on" | "late" | "early" | "mid" | "at" | "least" | "the" | "in" | "this" | "of") {
            break;
        }
    }
    // back through the clause: a quotation's close or a verb of saying ends it
    for i in (r.start..k).rev().take(14) {
        let w = r.l(i);
        if matches!(w.as_ref(), "\"" | "\u{201d}" | "\u{201c}" | "'" | "\u{2019}" | ";")
            || crate::analysis::lexicon::lexicon().speech.contains(w.as_ref())
        {
            return false;
        }
        if FUTURE.contains(&w) {
            return true;
        }
    }
    false
}

/// Year, month and day of a date without its year: the nearest one before the report's date
/// (a week's slack for what was announced ahead) or, looking ahead, the nearest after it.
fn resolve_day(year: Option<i32>, m: u32, d: u32, today: Option<Date>, ahead: bool) -> Option<String> {
    match (year, today) {
        (Some(y), _) => Date::new(y, m, d).map(|x| x.iso()),
        (None, Some(t)) => {
            let this = Date::new(t.year, m, d.min(days_in_month(t.year, m)))?;
            let date = if ahead {
                if this.to_days() + 1 < t.to_days() { Date::new(t.year + 1, m, d)? } else { this }
            } else if this.to_days() > t.to_days() + 7 {
                Date::new(t.year - 1, m, d)?
            } else {
                this
            };
            Some(date.iso())
        }
        (None, None) => (d <= 31).then(|| format!("--{m:02}-{d:02}")),
    }
}

fn date(first: usize, last: usize, value: String) -> Option<Found> {
    Some(Found::new(first, last, FigureKind::Date, Value::Text(value)))
}

/// A date at token `k`.
pub fn date_at(r: &Reader, k: usize, today: Option<Date>) -> Option<Found> {
    if let Some(m) = month_at(r, k) {
        return month_first(r, k, m, today);
    }
    if let Some(d) = day_at(r, k)
        && let Some(m) = month_at(r, k + 1)
    {
        let (year, last) = match is_year(r, k + 2) {
            Some(y) => (Some(y), k + 3),
            None => (None, k + 2),
        };
        return date(k, last, resolve_day(year, m, d, today, looks_ahead(r, k))?);
    }
    let w = r.w(k);
    if w.chars().next().is_some_and(char::is_uppercase)
        && w.len() > 4
        && let Some(wd) = weekday_from_name(w)
    {
        return weekday(r, k, wd, today);
    }
    relative_day(r, k, today)
}

/// A date that opens with its month: `March 3, 2025`, `March 2025`, `in March`.
fn month_first(r: &Reader, k: usize, m: u32, today: Option<Date>) -> Option<Found> {
    let w = r.w(k);
    if let Some(d) = day_at(r, k + 1) {
        let mut last = k + 2;
        let mut year = None;
        if r.w(last) == "," && is_year(r, last + 1).is_some() {
            year = is_year(r, last + 1);
            last += 2;
        } else if is_year(r, last).is_some() {
            year = is_year(r, last);
            last += 1;
        }
        return date(k, last, resolve_day(year, m, d, today, looks_ahead(r, k))?);
    }
    if let Some(y) = is_year(r, k + 1) {
        return date(k, k + 2, format!("{y:04}-{m:02}"));
    }
    let before = if k > r.start { r.l(k - 1) } else { Default::default() };
    let plain = matches!(
        before.as_ref(),
        "in" | "since"
            | "until"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "from"
            | "by"
            | "of"
            | "through"
            | "till"
            | "end"
    );
    if w == "May" && !plain {
        return None;
    }
    let value = match today {
        Some(t) => {
            let ahead = looks_ahead(r, k);
            let y = match (ahead, m.cmp(&t.month)) {
                (true, std::cmp::Ordering::Less) => t.year + 1,
                (false, std::cmp::Ordering::Greater) => t.year - 1,
                _ => t.year,
            };
            format!("{y:04}-{m:02}")
        }
        None => format!("--{m:02}"),
    };
    date(k, k + 1, value)
}

/// A weekday (`on Tuesday`, `last Friday`, `next Monday`): the day it names in the report's
/// week.
fn weekday(r: &Reader, k: usize, wd: u32, today: Option<Date>) -> Option<Found> {
    let w = r.w(k);
    let prev = if k > r.start { r.l(k - 1) } else { Default::default() };
    let value = match today {
        Some(t) => {
            let back = (t.weekday() as i64 - wd as i64).rem_euclid(7);
            let ahead = (wd as i64 - t.weekday() as i64).rem_euclid(7);
            let d = if prev == "next" {
                t.add_days(if ahead == 0 { 7 } else { ahead })
            } else if prev == "last" {
                t.add_days(-(if back == 0 { 7 } else { back }))
            } else if looks_ahead(r, k) {
                t.add_days(ahead)
            } else {
                t.add_days(-back)
            };
            d.iso()
        }
        None => w.to_string(),
    };
    let first = if matches!(prev.as_ref(), "last" | "next") { k - 1 } else { k };
    date(first, k + 1, value)
}

/// `yesterday`, `today`, `last week`, `next month`, `this year`.
fn relative_day(r: &Reader, k: usize, today: Option<Date>) -> Option<Found> {
    let l = r.l(k);
    let rel = |t: Date, days: i64| t.add_days(days).iso();
    match l.as_ref() {
        "yesterday" | "today" | "tomorrow" | "tonight" => {
            let off = match l.as_ref() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            date(k, k + 1, today.map_or_else(|| l.to_string(), |t| rel(t, off)))
        }
        "last" | "next" | "this" => {
            let unit = r.l(k + 1);
            let unit = unit.trim_end_matches("'s").trim_end_matches("’s");
            let sign: i32 = match l.as_ref() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let value = match (unit, today) {
                ("week" | "weekend", Some(t)) => rel(t, 7 * i64::from(sign)),
                ("month", Some(t)) => {
                    let months = t.year * 12 + t.month as i32 - 1 + sign;
                    format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
                }
                ("year", Some(t)) => format!("{:04}", t.year + sign),
                ("week" | "weekend" | "month" | "year", None) => format!("{l} {unit}"),
                _ => return None,
            };
            date(k, k + 2, value)
        }
        _ => None,
    }
}

/// A year standing alone (`in 2011`, `since 1987`): a date, unless it counts something.
pub fn year_at(r: &Reader, k: usize) -> Option<Found> {
    let y = is_year(r, k)?;
    let prev = if k > r.start { r.l(k - 1) } else { Default::default() };
    let after_currency = k > r.start && super::units::currency_symbol(r.w(k - 1)).is_some();
    let counts = super::scan::counted_noun(r, k + 1, false).is_some();
    let dated = matches!(
        prev.as_ref(),
        "in" | "since"
            | "until"
            | "of"
            | "by"
            | "from"
            | "for"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "during"
            | "through"
    );
    (!after_currency && (!counts || dated))
        .then(|| Found::new(k, k + 1, FigureKind::Date, Value::Text(format!("{y:04}"))))
}

/// `am` or `pm` at `i`: whether it is afternoon.
fn meridiem(r: &Reader, i: usize) -> Option<bool> {
    match r.l(i).trim_end_matches('.') {
        "a.m" | "am" => Some(false),
        "p.m" | "pm" => Some(true),
        _ => None,
    }
}

fn clock(h: u32, pm: Option<bool>) -> u32 {
    match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    }
}

/// Time zones that name a universal time rather than the local one.
const UNIVERSAL: &[&str] = &["gmt", "utc", "z"];
static ZONES: crate::text::shape::ShapedList = crate::text::shape::ShapedList::new(&[
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "wib",
    "ist", "jst", "aest", "local",
]);

fn time(first: usize, last: usize, h: u32, m: u32) -> Option<Found> {
    (h < 24 && m < 60).then(|| Found::new(first, last, FigureKind::Time, Value::Text(format!("{h:02}:{m:02}"))))
}

/// With the time zone written after it (`0400 GMT`): the time's last token and whether the
/// zone is universal.
fn with_zone(r: &Reader, mut f: Found) -> Found {
    let z = r.l(f.last);
    if ZONES.contains(&z) {
        f.zone = UNIVERSAL.contains(&z.as_ref());
        f.last += 1;
        if z == "local" && r.is(f.last, "time") {
            f.last += 1;
        }
    }
    f
}

/// A time of day at `k`, or a race time (`2:05:37`) as a duration.
pub fn time_at(r: &Reader, k: usize) -> Option<Found> {
    let w = r.w(k);
    let l = r.l(k);
    match l.as_ref() {
        "noon" | "midday" => return time(k, k + 1, 12, 0),
        "midnight" => return time(k, k + 1, 0, 0),
        "quarter" | "half" if matches!(r.l(k + 1).as_ref(), "past" | "to") => return clock_words(r, k),
        _ => {}
    }
    // `4.30pm`, `2.40am`, `11pm`, `8am`: the meridiem glued
    if let Some((digits, pm)) =
        l.strip_suffix("pm").map(|d| (d, true)).or_else(|| l.strip_suffix("am").map(|d| (d, false)))
        && !digits.is_empty()
    {
        let (h, m) = match digits.split_once(['.', ':']) {
            Some((h, m)) => (h.parse().ok()?, m.parse().ok()?),
            None => (digits.parse().ok()?, 0),
        };
        if (1..=12).contains(&h) {
            return time(k, k + 1, clock(h, Some(pm)), m).map(|f| with_zone(r, f));
        }
        return None;
    }
    // `0400 GMT`, `1747 GMT`, `1400 hours`: four digits with a zone
    if w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (ZONES.contains(&r.l(k + 1)) || r.is(k + 1, "hours") || r.is(k + 1, "hrs"))
    {
        let (h, m): (u32, u32) = (w[..2].parse().ok()?, w[2..].parse().ok()?);
        let f = time(k, k + 1, h, m)?;
        return Some(if r.is(k + 1, "hours") || r.is(k + 1, "hrs") {
            let mut f = f;
            f.last += 1;
            f
        } else {
            with_zone(r, f)
        });
    }
    let h: u32 = match w.parse() {
        Ok(h) if w.len() <= 2 => h,
        _ => {
            // `4.30 p.m.`: a dot between hours and minutes
            let (hh, mm) = w.split_once('.')?;
            let (h, m): (u32, u32) = (hh.parse().ok()?, mm.parse().ok()?);
            let pm = meridiem(r, k + 1)?;
            if mm.len() != 2 || !(1..=12).contains(&h) {
                return None;
            }
            return time(k, k + 2, clock(h, Some(pm)), m).map(|f| with_zone(r, f));
        }
    };
    if r.w(k + 1) == ":" && r.glued(k, k + 1) && r.glued(k + 1, k + 2) {
        return with_colon(r, k, h);
    }
    if (1..=12).contains(&h) {
        if let Some(pm) = meridiem(r, k + 1) {
            return time(k, k + 2, clock(h, Some(pm)), 0).map(|f| with_zone(r, f));
        }
        // `2 in the morning`, `7 in the evening`
        if r.is(k + 1, "in") && r.is(k + 2, "the") {
            let pm = match r.l(k + 3).as_ref() {
                "morning" => Some(false),
                "afternoon" | "evening" => Some(true),
                _ => None,
            }?;
            return time(k, k + 4, clock(h, Some(pm)), 0);
        }
        if r.is(k + 1, "o'clock") || r.is(k + 1, "o’clock") {
            return time(k, k + 2, clock(h, evening(r)), 0);
        }
    }
    None
}

/// `4:30`, `4:30pm`, `16:30 GMT`, or a race time `2:05:37`: hours `h` at `k`, a colon after.
fn with_colon(r: &Reader, k: usize, h: u32) -> Option<Found> {
    let mm = r.w(k + 2);
    let m: u32 = mm.get(..2)?.parse().ok()?;
    // `2:05:37`: hours, minutes and seconds of a race
    if r.w(k + 3) == ":" && r.glued(k + 2, k + 3) && r.glued(k + 3, k + 4) {
        let s: u32 = r.w(k + 4).get(..2)?.parse().ok()?;
        let secs = f64::from(h * 3600 + m * 60 + s);
        let mut f = Found::new(k, k + 5, FigureKind::Duration, Value::Number(secs));
        f.unit = Some("seconds".into());
        return Some(f);
    }
    let pm = meridiem(r, k + 3).or_else(|| match mm.get(2..).map(str::to_lowercase).as_deref() {
        Some("pm") => Some(true),
        Some("am") => Some(false),
        _ => None,
    });
    let last = if meridiem(r, k + 3).is_some() { k + 4 } else { k + 3 };
    time(k, last, clock(h, pm), m).map(|f| with_zone(r, f))
}

/// Whether the sentence speaks of the evening or night (for a time without `am` or `pm`).
fn evening(r: &Reader) -> Option<bool> {
    (r.start..r.end).any(|i| matches!(r.l(i).as_ref(), "evening" | "night" | "tonight" | "afternoon")).then_some(true)
}

/// `quarter past seven`, `half past two`, `quarter to nine`.
fn clock_words(r: &Reader, k: usize) -> Option<Found> {
    let h = super::numbers::word_number(&r.l(k + 2)).or_else(|| r.w(k + 2).parse::<f64>().ok())? as u32;
    if !(1..=12).contains(&h) {
        return None;
    }
    let past = r.is(k + 1, "past");
    let (h, m) = match (r.l(k).as_ref(), past) {
        ("quarter", true) => (h, 15),
        ("half", true) => (h, 30),
        (_, false) => (if h == 1 { 12 } else { h - 1 }, 45),
        _ => return None,
    };
    time(k, k + 3, clock(h, evening(r)), m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Para;

    fn dates(text: &str, today: Option<Date>) -> Vec<String> {
        let p = Para::new(text);
        let r = Reader { para: &p, end: p.tokens.len(), start: 0 };
        let mut out = Vec::new();
        let mut k = 0;
        while k < p.tokens.len() {
            match date_at(&r, k, today).or_else(|| time_at(&r, k)) {
                Some(f) => {
                    k = f.last;
                    out.push(match f.value {
                        Value::Text(t) => t,
                        Value::Number(n) => format!("{n}"),
                    });
                }
                None => k += 1,
            }
        }
        out
    }

    /// A Wednesday.
    fn wed() -> Option<Date> {
        Date::new(2025, 7, 9)
    }

    #[test]
    fn dates_point_back_unless_their_words_look_ahead() {
        assert_eq!(dates("The storm hit on Sunday.", wed()), ["2025-07-06"]);
        assert_eq!(dates("The road stays closed until Sunday.", wed()), ["2025-07-13"]);
        assert_eq!(dates("Temperatures will ease by Friday.", wed()), ["2025-07-11"]);
        assert_eq!(dates("It reopens next Monday.", wed()), ["2025-07-14"]);
        assert_eq!(dates("The list will be published by Nov. 14.", wed()), ["2025-11-14"]);
        assert_eq!(dates("Schools stay shut through March.", wed()), ["2026-03"]);
        assert_eq!(dates("Sales fell in March.", wed()), ["2025-03"]);
        assert_eq!(dates("PRAGUE, Sept 24 (Wire) - The cabinet met.", wed()), ["2024-09-24"]);
        assert_eq!(dates("Polls close on 3 May 2026.", wed()), ["2026-05-03"]);
        assert_eq!(
            dates("\"We will not raise taxes,\" he told reporters on Tuesday.", wed()),
            ["2025-07-08"],
            "the future of a quotation is not the report's"
        );
    }

    #[test]
    fn times_in_their_forms() {
        assert_eq!(dates("at 9:40 p.m. and 16:57", None), ["21:40", "16:57"]);
        assert_eq!(dates("left at 4.30pm and derailed at 7.15pm", None), ["16:30", "19:15"]);
        assert_eq!(dates("detected at 2.40am, open from 8am to 8pm", None), ["02:40", "08:00", "20:00"]);
        assert_eq!(dates("landfall at 11 p.m. local time (0400 GMT Friday)", None)[..2], ["23:00", "04:00"]);
        assert_eq!(dates("boats at 2 in the morning", None), ["02:00"]);
        assert_eq!(dates("the crash at quarter past seven on Tuesday night", None), ["19:15", "Tuesday"]);
        assert_eq!(dates("He won in 2:05:37.", None), ["7537"]);
    }
}
