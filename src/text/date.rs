//! Calendar dates: a small proleptic Gregorian date type and the date forms real pages use.
//!
//! Numeric dates follow one documented rule: a part above 12 decides the order; otherwise a
//! slash means month first (`12/10/2024` is 10 December, the US habit) and a dot or hyphen
//! means day first (`10.12.2024` is 10 December, the European habit).
#![expect(clippy::indexing_slicing, reason = "byte and cell offsets are bounded by the loops over the same buffer")]

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil algorithm).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        find_date(&s).map(|(_, _, x)| x).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `November`, `Nov`, `Nov.`, `Sept` → 11, 11, 11, 9. Case-insensitive.
pub fn month_from_name(s: &str) -> Option<u32> {
    let (t, key) = calendar_key(s)?;
    const KEYS: [u32; 12] = [
        pack(b"jan"),
        pack(b"feb"),
        pack(b"mar"),
        pack(b"apr"),
        pack(b"may"),
        pack(b"jun"),
        pack(b"jul"),
        pack(b"aug"),
        pack(b"sep"),
        pack(b"oct"),
        pack(b"nov"),
        pack(b"dec"),
    ];
    let i = KEYS.iter().position(|&k| k == key)?;
    (t.len() == 3 || t.eq_ignore_ascii_case(MONTHS[i]) || t.eq_ignore_ascii_case("sept")).then_some(i as u32 + 1)
}

/// Three lower-case letters in one integer: a month's or a day's name is told by them.
const fn pack(b: &[u8; 3]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

/// A word of 3 to 9 bytes without its closing full stops, and its first three bytes packed in
/// lower case (most words are out after this one look). Setting the case bit turns no other
/// byte into a letter, so only letters can match a name's key.
fn calendar_key(s: &str) -> Option<(&str, u32)> {
    let b = s.as_bytes();
    let mut n = b.len();
    while n > 0 && b[n - 1] == b'.' {
        n -= 1;
    }
    let (Some(&first), Some(&second), Some(&third)) = (b.first(), b.get(1), b.get(2)) else { return None };
    if !(3..=9).contains(&n) || !first.is_ascii_alphabetic() {
        return None;
    }
    Some((s.get(..n)?, pack(&[first | 0x20, second | 0x20, third | 0x20])))
}

/// `Monday`, `Mon`, `Tues` → 0; case-insensitive.
pub fn weekday_from_name(s: &str) -> Option<u32> {
    let (t, key) = calendar_key(s)?;
    const KEYS: [u32; 7] =
        [pack(b"mon"), pack(b"tue"), pack(b"wed"), pack(b"thu"), pack(b"fri"), pack(b"sat"), pack(b"sun")];
    let i = KEYS.iter().position(|&k| k == key)?;
    let d = WEEKDAYS[i];
    (t.eq_ignore_ascii_case(d) || (t.len() <= 4 && d.as_bytes()[..t.len()].eq_ignore_ascii_case(t.as_bytes())))
        .then_some(i as u32)
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Alphanumeric runs, also split where a lower-case letter is glued to a capital
/// (`PublishedNovember` → `Published`, `November`) or a letter to a digit (`date2024`).
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            if let (Some(st), Some(p)) = (start, prev) {
                let glued = (p.is_lowercase() && c.is_uppercase())
                    || (p.is_alphabetic() && c.is_ascii_digit())
                    || (p.is_ascii_digit() && c.is_alphabetic() && !ordinal_follows(&s[i..]));
                if glued {
                    out.push(Tok { start: st, end: i, text: &s[st..i] });
                    start = Some(i);
                }
            }
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push(Tok { start: st, end: i, text: &s[st..i] });
        }
        prev = Some(c);
    }
    if let Some(st) = start {
        out.push(Tok { start: st, end: s.len(), text: &s[st..] });
    }
    out
}

fn ordinal_follows(rest: &str) -> bool {
    let l: String = rest.chars().take(2).collect::<String>().to_ascii_lowercase();
    matches!(l.as_str(), "st" | "nd" | "rd" | "th") && !rest.chars().nth(2).is_some_and(|c| c.is_alphabetic())
}

fn day_number(t: &str) -> Option<u32> {
    let d = t.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &t[d.len()..];
    if !(suffix.is_empty() || matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")) {
        return None;
    }
    let n: u32 = d.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(t: &str) -> Option<i32> {
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    } else {
        None
    }
}

/// The first full calendar date (year, month and day) written in `s`, with its byte span.
pub fn find_date(s: &str) -> Option<(usize, usize, Date)> {
    find_reading(s).map(|r| (r.start, r.end, r.date))
}

/// A date as written: where, how it reads by the module's rule, and for a numeric date
/// whose day and month could be swapped (`07/04/2025`) the other reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub start: usize,
    pub end: usize,
    pub date: Date,
    pub other: Option<Date>,
    /// Whether `date` takes the first number written as its month (`07/04/2025` read as
    /// July 4).
    pub month_first: bool,
}

/// [`find_date`] with the other reading of an ambiguous numeric date.
pub fn find_reading(s: &str) -> Option<Reading> {
    // a full date has a year in digits: most paragraphs are out after one scan
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let toks = tokens(s);
    (0..toks.len()).find_map(|i| date_at(s, &toks, i))
}

/// Every full date written in `s`, in order.
pub fn all_readings(s: &str) -> Vec<Reading> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokens(s);
    let mut out: Vec<Reading> = Vec::new();
    for i in 0..toks.len() {
        if out.last().is_some_and(|r| toks[i].start < r.end) {
            continue;
        }
        if let Some(r) = date_at(s, &toks, i) {
            out.push(r);
        }
    }
    out
}

fn sep_between(s: &str, a: &Tok, b: &Tok) -> String {
    s[a.end..b.start].trim().to_string()
}

fn date_at(s: &str, t: &[Tok], i: usize) -> Option<Reading> {
    let plain = |start, end, date| Reading { start, end, date, other: None, month_first: false };
    let get = |k: usize| t.get(i + k);
    let a = get(0)?;
    // ISO or year-first numeric: 2024-12-10, 2024/12/10
    if let Some(y) = year_number(a.text)
        && let (Some(b), Some(c)) = (get(1), get(2))
    {
        let s1 = sep_between(s, a, b);
        let s2 = sep_between(s, b, c);
        if (s1 == "-" || s1 == "/") && s1 == s2 {
            let m: u32 = b.text.parse().ok()?;
            let d: u32 = c.text.get(..2.min(c.text.len()))?.parse().ok()?;
            if b.text.len() <= 2 && c.text.len() <= 2 {
                return Date::new(y, m, d).map(|dt| plain(a.start, c.end, dt));
            }
        }
    }
    // Month-name first: November 14, 2024 / Nov. 14th 2024 / November 14, 2024, Thursday
    if let Some(m) = month_from_name(a.text).filter(|_| a.text.chars().next().is_some_and(char::is_uppercase))
        && let (Some(b), Some(c)) = (get(1), get(2))
        && let (Some(d), Some(y)) = (day_number(b.text), year_number(c.text))
    {
        return Date::new(y, m, d).map(|dt| plain(a.start, c.end, dt));
    }
    // Day first: 14 November 2024
    if let Some(d) = day_number(a.text)
        && let (Some(b), Some(c)) = (get(1), get(2))
    {
        if let (Some(m), Some(y)) = (month_from_name(b.text), year_number(c.text)) {
            return Date::new(y, m, d).map(|dt| plain(a.start, c.end, dt));
        }
        // Numeric: 10/12/2024, 10.12.2024
        let s1 = sep_between(s, a, b);
        let s2 = sep_between(s, b, c);
        if matches!(s1.as_str(), "/" | "." | "-")
            && s1 == s2
            && b.text.len() <= 2
            && let (Ok(x), Some(y)) = (b.text.parse::<u32>(), year_number(c.text))
        {
            let (day, month) = numeric_order(d, x, &s1);
            // both parts could be the month: the other order is a date too
            let other = (d <= 12 && x <= 12 && d != x).then(|| Date::new(y, day, month)).flatten();
            let month_first = month == d && day == x && d != x;
            return Date::new(y, month, day).map(|dt| Reading {
                start: a.start,
                end: c.end,
                date: dt,
                other,
                month_first,
            });
        }
    }
    None
}

/// Decides day and month of a numeric date `first SEP second`: see the module comment.
pub fn numeric_order(first: u32, second: u32, sep: &str) -> (u32, u32) {
    if first > 12 {
        (first, second)
    } else if second > 12 || sep == "/" {
        (second, first)
    } else {
        (first, second)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date(s).map(|(_, _, d)| d.iso())
    }

    #[test]
    fn calendar_round_trip_and_weekday() {
        let x = Date::new(2024, 11, 14).unwrap();
        assert_eq!(Date::from_days(x.to_days()), x);
        assert_eq!(x.weekday(), 3); // a Thursday
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(x.add_days(17).iso(), "2024-12-01");
    }

    #[test]
    fn iso_and_glued_forms() {
        assert_eq!(d("date 2023-05-09 Lorem").as_deref(), Some("2023-05-09"));
        assert_eq!(d("2021-03-04T10:00:00Z").as_deref(), Some("2021-03-04"));
        assert_eq!(d("PublishedMarch 3, 2022").as_deref(), Some("2022-03-03"));
        assert_eq!(d("Updated: Tuesday, June 6, 2023 9:00").as_deref(), Some("2023-06-06"));
    }

    #[test]
    fn month_name_forms() {
        assert_eq!(d("Paris | October 2, 2021, Saturday // 10:01| views").as_deref(), Some("2021-10-02"));
        assert_eq!(d("3 August 2019").as_deref(), Some("2019-08-03"));
        assert_eq!(d("Sept. 21st, 2020").as_deref(), Some("2020-09-21"));
        assert_eq!(d("in May").as_deref(), None);
    }

    #[test]
    fn numeric_rule() {
        assert_eq!(d("12/10/2024").as_deref(), Some("2024-12-10"));
        assert_eq!(d("10.12.2024").as_deref(), Some("2024-12-10"));
        assert_eq!(d("25/12/2024").as_deref(), Some("2024-12-25"));
        assert_eq!(d("12/25/2024").as_deref(), Some("2024-12-25"));
    }

    #[test]
    fn an_ambiguous_numeric_date_keeps_its_other_reading() {
        let r = find_reading("Published 07/04/2025 09:10").unwrap();
        assert_eq!((r.date.iso(), r.other.map(|d| d.iso())), ("2025-07-04".into(), Some("2025-04-07".into())));
        assert_eq!(find_reading("17/03/2025").unwrap().other, None, "a part above 12 decides");
        assert_eq!(find_reading("04.04.2025").unwrap().other, None, "both readings are one day");
        assert_eq!(find_reading("March 4, 2025").unwrap().other, None);
        let all = all_readings("Posted 3 May 2025, updated 4 May 2025 10:00");
        assert_eq!(all.iter().map(|r| r.date.iso()).collect::<Vec<_>>(), ["2025-05-03", "2025-05-04"]);
    }

    #[test]
    fn month_and_weekday_names() {
        let m: Vec<Option<u32>> = ["Sept.", "sep", "Mar", "MARCH", "Marc", "Maybe", "Junes", "déc"]
            .iter()
            .map(|w| month_from_name(w))
            .collect();
        assert_eq!(m, [Some(9), Some(9), Some(3), Some(3), None, None, None, None]);
        let w: Vec<Option<u32>> = ["Tues", "thu", "Thurs", "Weds", "Sunday", "Sundays", "Sun.", "Tuesdays"]
            .iter()
            .map(|w| weekday_from_name(w))
            .collect();
        assert_eq!(w, [Some(1), Some(3), None, None, Some(6), None, Some(6), None]);
        // only letters match a name's three letters: no symbol or accent folds into one
        for w in ["J@n", "[an", "`an", "Ma\u{301}y", "\u{c9}ec", "ma", "Mo", "Dec....", "Maaaaaaaaay"] {
            let m = month_from_name(w);
            assert_eq!(m, if w == "Dec...." { Some(12) } else { None }, "{w:?}");
            assert_eq!(weekday_from_name(w), None, "{w:?}");
        }
    }
}
