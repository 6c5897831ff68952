//! Figures: counts, money, percentages, dates, times, durations, measures and ordinals, each
//! with a normalised value, its unit, what it measures, its hedging, who claims it and whom
//! it is about.

use super::discourse::Discourse;
use super::doc::Para;
use super::lexicon::lexicon;
use super::model::{Bound, Figure, FigureKind, Kind, Quote, Value};
use super::numbers::{digits, ordinal, scale_word, word_number};
use crate::text::date::{Date, days_in_month, month_from_name, weekday_from_name};

const APPROX: &[(&str, Option<Bound>)] = &[
    ("about", None),
    ("around", None),
    ("approximately", None),
    ("roughly", None),
    ("some", None),
    ("estimated", None),
    ("circa", None),
    ("approx", None),
    ("nearly", Some(Bound::Upper)),
    ("almost", Some(Bound::Upper)),
    ("up to", Some(Bound::Upper)),
    ("fewer than", Some(Bound::Upper)),
    ("less than", Some(Bound::Upper)),
    ("under", Some(Bound::Upper)),
    ("as many as", Some(Bound::Upper)),
    ("close to", Some(Bound::Upper)),
    ("just under", Some(Bound::Upper)),
    ("over", Some(Bound::Lower)),
    ("more than", Some(Bound::Lower)),
    ("at least", Some(Bound::Lower)),
    ("upwards of", Some(Bound::Lower)),
    ("just over", Some(Bound::Lower)),
    ("in excess of", Some(Bound::Lower)),
];

const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "seconds"),
    ("seconds", "seconds"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("day", "days"),
    ("days", "days"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("month", "months"),
    ("months", "months"),
    ("year", "years"),
    ("years", "years"),
    ("decade", "decades"),
    ("decades", "decades"),
    ("century", "centuries"),
    ("centuries", "centuries"),
];

const MEASURE_UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("miles", "miles"),
    ("mile", "miles"),
    ("meters", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("metre", "m"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilos", "kg"),
    ("tonnes", "tonnes"),
    ("tons", "tonnes"),
    ("tonne", "tonnes"),
    ("ton", "tonnes"),
    ("mph", "mph"),
    ("kph", "km/h"),
    ("degrees", "degrees"),
    ("magnitude", "magnitude"),
    ("acres", "acres"),
    ("hectares", "hectares"),
    ("litres", "l"),
    ("liters", "l"),
    ("gallons", "gallons"),
    ("barrels", "barrels"),
    ("megawatts", "MW"),
    ("mw", "MW"),
    ("gigawatts", "GW"),
    ("gw", "GW"),
    ("inches", "inches"),
    ("inch", "inches"),
    ("knots", "knots"),
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("usd", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("gbp", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("rupees", "INR"),
    ("francs", "CHF"),
    ("pesos", "MXN"),
    ("shekels", "ILS"),
    ("lira", "TRY"),
    ("rand", "ZAR"),
    ("won", "KRW"),
];

const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "livestock",
    "wounded",
    "dead",
    "injured",
    "killed",
    "missing",
    "displaced",
    "homeless",
    "casualties",
    "crew",
    "infantry",
];
const NOT_PLURAL: &[&str] = &[
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
    "its",
];
const STOP: &[&str] = &[
    "of", "in", "to", "for", "on", "at", "by", "from", "with", "than", "that", "which", "who", "as", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "the", "a", "an", "or", "per", "into", "over", "after",
    "before", "since", "and", "but", "ago", "old", "more", "less", "times", "be", "been", "could", "should", "can",
    "may", "might", "must", "did", "do", "does",
];

/// Event words and the measure they name (`the loss of 400 soldiers` → `soldiers lost`).
const EVENTS: &[(&str, &str)] = &[
    ("lost", "lost"),
    ("lose", "lost"),
    ("losing", "lost"),
    ("loss", "lost"),
    ("losses", "lost"),
    ("killed", "killed"),
    ("kill", "killed"),
    ("killing", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("fatalities", "killed"),
    ("toll", "killed"),
    ("wounded", "wounded"),
    ("wounding", "wounded"),
    ("injured", "wounded"),
    ("injuring", "wounded"),
    ("injuries", "wounded"),
    ("hurt", "wounded"),
    ("deployed", "deployed"),
    ("deploying", "deployed"),
    ("deploy", "deployed"),
    ("deployment", "deployed"),
    ("stationed", "deployed"),
    ("sent", "deployed"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("arrests", "arrested"),
    ("evacuated", "evacuated"),
    ("evacuation", "evacuated"),
    ("displaced", "displaced"),
    ("fled", "displaced"),
    ("missing", "missing"),
    ("captured", "captured"),
    ("rescued", "rescued"),
    ("infected", "infected"),
    ("cases", "infected"),
    ("hired", "employed"),
    ("employs", "employed"),
    ("employed", "employed"),
    ("jobs", "jobs"),
    ("layoffs", "cut"),
    ("laid", "cut"),
    ("cut", "cut"),
    ("cuts", "cut"),
    ("sold", "sold"),
    ("sales", "sales"),
    ("raised", "raised"),
    ("spent", "spent"),
    ("spending", "spent"),
    ("cost", "cost"),
    ("costs", "cost"),
    ("paid", "paid"),
    ("revenue", "revenue"),
    ("revenues", "revenue"),
    ("profit", "profit"),
    ("profits", "profit"),
    ("fined", "fine"),
    ("fine", "fine"),
    ("worth", "worth"),
    ("valued", "worth"),
    ("budget", "budget"),
    ("aid", "aid"),
    ("assistance", "aid"),
    ("debt", "debt"),
    ("investment", "investment"),
    ("invested", "investment"),
    ("votes", "votes"),
    ("attended", "attended"),
    ("destroyed", "destroyed"),
    ("damaged", "damaged"),
    ("inflation", "inflation"),
    ("unemployment", "unemployment"),
    ("turnout", "turnout"),
    ("growth", "growth"),
    ("grew", "growth"),
    ("rose", "rise"),
    ("fell", "fall"),
    ("met", "meeting"),
    ("meeting", "meeting"),
    ("meet", "meeting"),
    ("talks", "talks"),
    ("summit", "summit"),
    ("signed", "signed"),
    ("attack", "attack"),
    ("struck", "attack"),
    ("election", "election"),
    ("vote", "vote"),
    ("born", "born"),
    ("launched", "launched"),
    ("invaded", "invasion"),
    ("invasion", "invasion"),
    ("began", "began"),
    ("started", "began"),
    ("ended", "ended"),
    ("opened", "opened"),
    ("reopening", "reopened"),
    ("reopened", "reopened"),
    ("visited", "visit"),
    ("visit", "visit"),
    ("crashed", "crash"),
    ("crash", "crash"),
    ("erupted", "eruption"),
    ("hit", "hit"),
    ("announced", "announced"),
    ("collapsed", "collapse"),
    ("collapse", "collapse"),
    ("broke", "breach"),
    ("failed", "failure"),
    ("exploded", "explosion"),
    ("lasted", "lasted"),
    ("lasting", "lasted"),
    ("fire", "fire"),
    ("blaze", "fire"),
    ("arrived", "arrived"),
    ("magnitude", "magnitude"),
];
const FORECAST: &[&str] = &[
    "forecast",
    "forecasts",
    "expected",
    "expects",
    "projected",
    "projection",
    "predicted",
    "predicts",
    "target",
    "targets",
    "goal",
    "plans",
    "planned",
    "aims",
];

struct Found {
    first: usize,
    last: usize,
    kind: FigureKind,
    value: Value,
    unit: Option<String>,
    /// where to look for the measure's noun when the unit came from elsewhere
    noun_end: usize,
}

fn lower<'a>(para: &'a Para, k: usize) -> std::borrow::Cow<'a, str> {
    para.lower(k)
}

fn glued(para: &Para, a: usize, b: usize) -> bool {
    para.tokens[a].end() == para.tokens[b].start
}

/// A number starting at token `k`: its value and the token after it.
fn number_at(para: &Para, k: usize, end: usize) -> Option<(f64, usize)> {
    let w = lower(para, k);
    let next = |i: usize| (k + i < end).then(|| lower(para, k + i));
    if w == "a" || w == "an" {
        if next(1).as_deref() == Some("quarter")
            && next(2).as_deref() == Some("of")
            && matches!(next(3).as_deref(), Some("a") | Some("an"))
        {
            let s = scale_word(&next(4)?)?;
            return Some((0.25 * s, k + 5));
        }
        if next(1).as_deref() == Some("half") {
            let s = scale_word(&next(2)?)?;
            return Some((0.5 * s, k + 3));
        }
        let n1 = next(1)?;
        if let Some(s) = scale_word(&n1).filter(|_| n1.len() > 2) {
            return Some((s, k + 2));
        }
        if n1 == "dozen" {
            return Some((12.0, k + 2));
        }
        if TIME_UNITS.iter().any(|(u, _)| *u == n1)
            && k > 0
            && matches!(
                lower(para, k - 1).as_ref(),
                "for" | "in" | "within" | "about" | "nearly" | "over" | "than" | "around" | "after" | "lasted"
            )
        {
            return Some((1.0, k + 1));
        }
        return None;
    }
    if w == "half" && matches!(next(1).as_deref(), Some("a") | Some("an")) {
        let s = scale_word(&next(2)?)?;
        return Some((0.5 * s, k + 3));
    }
    let (mut v, mut e) = if let Some(v) = digits(para.word(k)) {
        (v, k + 1)
    } else if let Some(v) = word_number(&w) {
        if w == "one" && !next(1).is_some_and(|n| scale_word(&n).is_some() || TIME_UNITS.iter().any(|(u, _)| *u == n)) {
            return None;
        }
        (v, k + 1)
    } else {
        return None;
    };
    if e < end && lower(para, e) == "hundred" && v < 100.0 {
        v *= 100.0;
        e += 1;
    }
    if e < end {
        let n = lower(para, e);
        if let Some(s) = scale_word(&n).filter(|_| n.len() > 1 || glued(para, e - 1, e))
            && (n != "m" || glued(para, e - 1, e))
        {
            v *= s;
            e += 1;
        }
    }
    Some((v, e))
}

fn is_year(para: &Para, k: usize) -> Option<i32> {
    let w = para.word(k);
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1800..=2100).contains(&y).then_some(y);
    }
    None
}

fn day_at(para: &Para, k: usize) -> Option<u32> {
    let w = para.word(k);
    let d: u32 = w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
    let suffix = &w[w.trim_end_matches(|c: char| c.is_alphabetic()).len()..];
    ((1..=31).contains(&d) && (suffix.is_empty() || ordinal(w).is_some())).then_some(d)
}

fn month_at(para: &Para, k: usize) -> Option<u32> {
    let w = para.word(k);
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let m = month_from_name(w)?;
    // abbreviations only with a full stop (`Nov.`), and `May`/`March` only where a date is plain
    if w.trim_end_matches('.').len() <= 4 && !w.ends_with('.') && !matches!(w, "June" | "July" | "May") {
        return None;
    }
    Some(m)
}

/// A date: `November 7`, `7 November 2024`, `February 2022`, `June`, `Monday`, `last month`.
fn date_at(para: &Para, k: usize, end: usize, today: Option<Date>) -> Option<Found> {
    let mk = |first, last, value: String| {
        Some(Found { first, last, kind: FigureKind::Date, value: Value::Text(value), unit: None, noun_end: last })
    };
    if let Some(m) = month_at(para, k) {
        let w = para.word(k);
        if k + 1 < end {
            if let Some(d) = day_at(para, k + 1) {
                let mut last = k + 2;
                let mut year = None;
                if last + 1 < end && para.word(last) == "," && is_year(para, last + 1).is_some() {
                    year = is_year(para, last + 1);
                    last += 2;
                } else if last < end && is_year(para, last).is_some() {
                    year = is_year(para, last);
                    last += 1;
                }
                return mk(k, last, resolve_day(year, m, d, today)?);
            }
            if let Some(y) = is_year(para, k + 1) {
                return mk(k, k + 2, format!("{y:04}-{m:02}"));
            }
        }
        if w == "May"
            && !(k > 0
                && matches!(
                    lower(para, k - 1).as_ref(),
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
                ))
        {
            return None;
        }
        let value = match today {
            Some(t) => {
                let y = if m <= t.month { t.year } else { t.year - 1 };
                format!("{y:04}-{m:02}")
            }
            None => format!("--{m:02}"),
        };
        return mk(k, k + 1, value);
    }
    if let Some(d) = day_at(para, k)
        && k + 1 < end
        && let Some(m) = month_at(para, k + 1)
    {
        let (year, last) = match (k + 2 < end).then(|| is_year(para, k + 2)).flatten() {
            Some(y) => (Some(y), k + 3),
            None => (None, k + 2),
        };
        return mk(k, last, resolve_day(year, m, d, today)?);
    }
    let w = para.word(k);
    if w.chars().next().is_some_and(char::is_uppercase)
        && w.len() > 4
        && let Some(wd) = weekday_from_name(w)
    {
        let prev = (k > 0).then(|| lower(para, k - 1));
        let value = match today {
            Some(t) => {
                let diff = (t.weekday() as i64 - wd as i64).rem_euclid(7);
                let date = if prev.as_deref() == Some("next") {
                    t.add_days((7 - diff) % 7 + if diff == 0 { 7 } else { 0 })
                } else {
                    t.add_days(-diff)
                };
                date.iso()
            }
            None => w.to_string(),
        };
        let first = if matches!(prev.as_deref(), Some("last") | Some("next")) { k - 1 } else { k };
        return mk(first, k + 1, value);
    }
    let l = w.to_lowercase();
    let rel = |t: Date, days: i64| t.add_days(days).iso();
    match l.as_str() {
        "yesterday" | "today" | "tomorrow" => {
            let off = match l.as_str() {
                "yesterday" => -1,
                "today" => 0,
                _ => 1,
            };
            return mk(k, k + 1, today.map_or(l.clone(), |t| rel(t, off)));
        }
        "last" | "next" | "this" if k + 1 < end => {
            let unit = lower(para, k + 1);
            let sign: i32 = match l.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let value = match (unit.as_ref(), today) {
                ("week" | "weekend", Some(t)) => rel(t, 7 * i64::from(sign)),
                ("month", Some(t)) => {
                    let months = t.year * 12 + t.month as i32 - 1 + sign;
                    format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
                }
                ("year", Some(t)) => format!("{:04}", t.year + sign),
                ("week" | "weekend" | "month" | "year", None) => format!("{l} {unit}"),
                _ => return None,
            };
            return mk(k, k + 2, value);
        }
        _ => {}
    }
    None
}

fn resolve_day(year: Option<i32>, m: u32, d: u32, today: Option<Date>) -> Option<String> {
    match (year, today) {
        (Some(y), _) => Date::new(y, m, d).map(|x| x.iso()),
        (None, Some(t)) => {
            let this = Date::new(t.year, m, d.min(days_in_month(t.year, m)))?;
            let date = if this.to_days() > t.to_days() + 7 { Date::new(t.year - 1, m, d)? } else { this };
            Some(date.iso())
        }
        (None, None) => (d <= 31).then(|| format!("--{m:02}-{d:02}")),
    }
}

/// `9:40 p.m.`, `16:57`, `10 a.m.`, `noon`.
fn time_at(para: &Para, k: usize, end: usize) -> Option<Found> {
    let mk = |first, last, h: u32, m: u32| {
        Some(Found {
            first,
            last,
            kind: FigureKind::Time,
            value: Value::Text(format!("{h:02}:{m:02}")),
            unit: None,
            noun_end: last,
        })
    };
    let w = para.word(k);
    let meridiem = |i: usize| -> Option<bool> {
        (i < end).then(|| match lower(para, i).trim_end_matches('.') {
            "a.m" | "am" => Some(false),
            "p.m" | "pm" => Some(true),
            _ => None,
        })?
    };
    let h: u32 = match w.parse() {
        Ok(h) if w.len() <= 2 => h,
        _ => {
            return match lower(para, k).as_ref() {
                "noon" | "midday" => mk(k, k + 1, 12, 0),
                "midnight" => mk(k, k + 1, 0, 0),
                _ => None,
            };
        }
    };
    let fix = |h: u32, pm: Option<bool>| match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    if k + 2 < end && para.word(k + 1) == ":" && glued(para, k, k + 1) && glued(para, k + 1, k + 2) {
        let mm = para.word(k + 2);
        let m: u32 = mm.get(..2)?.parse().ok()?;
        if h > 23 || m > 59 {
            return None;
        }
        let pm = meridiem(k + 3).or_else(|| match mm.get(2..).map(str::to_lowercase).as_deref() {
            Some("pm") => Some(true),
            Some("am") => Some(false),
            _ => None,
        });
        let last = if meridiem(k + 3).is_some() { k + 4 } else { k + 3 };
        return mk(k, last, fix(h, pm), m);
    }
    if (1..=12).contains(&h)
        && let Some(pm) = meridiem(k + 1)
    {
        return mk(k, k + 2, fix(h, Some(pm)), 0);
    }
    None
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        "₽" => Some("RUB"),
        "₴" => Some("UAH"),
        _ => None,
    }
}

/// Counts, money, percentages, durations and measures.
fn quantity_at(para: &Para, k: usize, end: usize) -> Option<Found> {
    // currency before the number: `$4.5bn`, `US$ 3m`, `€300m`
    let mut currency: Option<String> = None;
    let mut start = k;
    if let Some(c) = currency_symbol(para.word(k)) {
        let prefixed =
            k > 0 && glued(para, k - 1, k) && matches!(para.word(k - 1), "US" | "C" | "A" | "NZ" | "HK" | "S");
        currency = Some(match (prefixed, para.word(k.saturating_sub(1))) {
            (true, "C") => "CAD".into(),
            (true, "A") => "AUD".into(),
            (true, "NZ") => "NZD".into(),
            (true, "HK") => "HKD".into(),
            (true, "S") => "SGD".into(),
            _ => c.to_string(),
        });
        if prefixed {
            start = k - 1;
        }
    }
    let nk = if currency.is_some() { k + 1 } else { k };
    if nk >= end {
        return None;
    }
    // `five-day`, `48-hour`: a number glued to a unit
    let w = para.word(nk);
    if currency.is_none()
        && let Some((a, b)) = w.split_once('-')
    {
        let v = digits(a).or_else(|| word_number(a));
        if let Some(v) = v {
            let b = b.to_lowercase();
            if let Some((_, u)) = TIME_UNITS.iter().find(|(x, _)| *x == b) {
                return Some(Found {
                    first: nk,
                    last: nk + 1,
                    kind: FigureKind::Duration,
                    value: Value::Number(v),
                    unit: Some((*u).to_string()),
                    noun_end: nk + 1,
                });
            }
            if let Some((_, u)) = MEASURE_UNITS.iter().find(|(x, _)| *x == b) {
                return Some(Found {
                    first: nk,
                    last: nk + 1,
                    kind: FigureKind::Measure,
                    value: Value::Number(v),
                    unit: Some((*u).to_string()),
                    noun_end: nk + 1,
                });
            }
        }
    }
    if let Some(f) = vague_count(para, nk, end) {
        return Some(f);
    }
    let (value, e) = number_at(para, nk, end)?;
    let next = if e < end { lower(para, e) } else { Default::default() };
    if let Some(c) = currency {
        return Some(Found {
            first: start,
            last: e,
            kind: FigureKind::Money,
            value: Value::Number(value),
            unit: Some(c),
            noun_end: e,
        });
    }
    if next == "%" {
        return Some(Found {
            first: nk,
            last: e + 1,
            kind: FigureKind::Percent,
            value: Value::Number(value),
            unit: Some("%".into()),
            noun_end: e + 1,
        });
    }
    if next == "percent" || next == "pct" {
        return Some(Found {
            first: nk,
            last: e + 1,
            kind: FigureKind::Percent,
            value: Value::Number(value),
            unit: Some("%".into()),
            noun_end: e + 1,
        });
    }
    if next == "per" && e + 1 < end && lower(para, e + 1) == "cent" {
        return Some(Found {
            first: nk,
            last: e + 2,
            kind: FigureKind::Percent,
            value: Value::Number(value),
            unit: Some("%".into()),
            noun_end: e + 2,
        });
    }
    if next == "percentage" && e + 1 < end && lower(para, e + 1) == "points" {
        return Some(Found {
            first: nk,
            last: e + 2,
            kind: FigureKind::Percent,
            value: Value::Number(value),
            unit: Some("percentage points".into()),
            noun_end: e + 2,
        });
    }
    if let Some((_, c)) = CURRENCY_WORDS.iter().find(|(x, _)| *x == next) {
        return Some(Found {
            first: nk,
            last: e + 1,
            kind: FigureKind::Money,
            value: Value::Number(value),
            unit: Some((*c).to_string()),
            noun_end: e + 1,
        });
    }
    if let Some((_, u)) = TIME_UNITS.iter().find(|(x, _)| *x == next) {
        if e + 1 < end && lower(para, e + 1) == "old" {
            return Some(Found {
                first: nk,
                last: e + 2,
                kind: FigureKind::Measure,
                value: Value::Number(value),
                unit: Some("years old".into()),
                noun_end: e + 2,
            });
        }
        return Some(Found {
            first: nk,
            last: e + 1,
            kind: FigureKind::Duration,
            value: Value::Number(value),
            unit: Some((*u).to_string()),
            noun_end: e + 1,
        });
    }
    if let Some((_, u)) = MEASURE_UNITS.iter().find(|(x, _)| *x == next) {
        return Some(Found {
            first: nk,
            last: e + 1,
            kind: FigureKind::Measure,
            value: Value::Number(value),
            unit: Some((*u).to_string()),
            noun_end: e + 1,
        });
    }
    if nk > 0 && lower(para, nk - 1) == "magnitude" {
        return Some(Found {
            first: nk - 1,
            last: e,
            kind: FigureKind::Measure,
            value: Value::Number(value),
            unit: Some("magnitude".into()),
            noun_end: e,
        });
    }
    let (unit, noun_end) = count_unit(para, e, end);
    Some(Found { first: nk, last: e, kind: FigureKind::Count, value: Value::Number(value), unit, noun_end })
}

/// Words for an order of magnitude only: `hundreds of homes`, `tens of thousands of people`.
const VAGUE: &[(&str, f64)] =
    &[("dozens", 24.0), ("hundreds", 100.0), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9)];

fn vague_count(para: &Para, k: usize, end: usize) -> Option<Found> {
    let w = lower(para, k);
    let (mut value, mut e) = if w == "tens" && k + 2 < end && lower(para, k + 1) == "of" {
        let scale = VAGUE.iter().find(|(x, _)| lower(para, k + 2) == *x)?.1;
        (10.0 * scale, k + 3)
    } else {
        (VAGUE.iter().find(|(x, _)| w == *x)?.1, k + 1)
    };
    if e < end && lower(para, e) == "of" {
        e += 1;
    } else {
        return None;
    }
    let (unit, noun_end) = count_unit(para, e, end);
    unit.as_ref()?;
    value = value.max(1.0);
    Some(Found { first: k, last: noun_end, kind: FigureKind::Count, value: Value::Number(value), unit, noun_end })
}

/// The noun a count counts: the first plural noun in the next few words
/// (`10,000 North Korean troops` → troops; `five unnamed current and former officials` → officials).
fn count_unit(para: &Para, e: usize, end: usize) -> (Option<String>, usize) {
    let mut k = e;
    let mut steps = 0;
    while k < end && steps < 6 {
        let w = para.word(k);
        if !para.tokens[k].word {
            if w == "-" || w == "\u{2011}" {
                k += 1;
                continue;
            }
            break;
        }
        let l = lower(para, k);
        if IRREGULAR_PLURALS.contains(&l.as_ref()) {
            return (Some(l.into_owned()), k + 1);
        }
        if STOP.contains(&l.as_ref()) && !(l == "and" && steps > 0) {
            break;
        }
        let plural = l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && !NOT_PLURAL.contains(&l.as_ref())
            && l.chars().all(char::is_alphabetic);
        if plural && !w.chars().next().is_some_and(char::is_uppercase) {
            return (Some(l.into_owned()), k + 1);
        }
        k += 1;
        steps += 1;
    }
    (None, e)
}

fn ordinal_at(para: &Para, k: usize) -> Option<Found> {
    let w = para.word(k);
    let v = ordinal(w)?;
    if w.chars().next().is_some_and(char::is_alphabetic) && !(k > 0 && lower(para, k - 1) == "the") {
        return None;
    }
    Some(Found {
        first: k,
        last: k + 1,
        kind: FigureKind::Ordinal,
        value: Value::Number(v),
        unit: None,
        noun_end: k + 1,
    })
}

/// Lower-case words that can open a figure: number words, ordinals and date words.
static TRIGGERS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    let mut s: rustc_hash::FxHashSet<&'static str> = [
        "a",
        "an",
        "half",
        "yesterday",
        "today",
        "tomorrow",
        "last",
        "next",
        "this",
        "noon",
        "midnight",
        "midday",
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "dozen",
    ]
    .into_iter()
    .collect();
    s.extend(["dozens", "hundreds", "thousands", "millions", "billions", "tens"]);
    s.extend([
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth",
    ]);
    s
});

/// A cheap test that rules out most tokens before the recognisers run.
fn may_start_figure(para: &Para, k: usize) -> bool {
    let w = para.word(k);
    let Some(c) = w.chars().next() else { return false };
    if c.is_ascii_digit() || currency_symbol(w).is_some() {
        return true;
    }
    if !para.tokens[k].word {
        return false;
    }
    // capitalised words open figures only as months, weekdays or number words (`Two`, `May`)
    let l = lower(para, k);
    // the part before a hyphen, without trailing dots: a byte loop, as words are short
    let bytes = l.as_bytes();
    let mut end = bytes.iter().position(|&x| x == b'-').unwrap_or(bytes.len());
    while end > 0 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let head = &l[..end];
    TRIGGERS.contains(head)
        || (c.is_uppercase() && (month_from_name(head).is_some() || weekday_from_name(head).is_some()))
}

/// All figures of one paragraph, before enrichment.
fn scan(para: &Para, today: Option<Date>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for &(a, b) in &para.sentences {
        let mut k = a;
        while k < b {
            if !may_start_figure(para, k) {
                k += 1;
                continue;
            }
            let f = date_at(para, k, b, today).or_else(|| time_at(para, k, b)).or_else(|| {
                let y = is_year(para, k)?;
                let prev = if k > a { lower(para, k - 1) } else { Default::default() };
                let prev_is_currency = k > a && currency_symbol(para.word(k - 1)).is_some();
                let (unit, _) = count_unit(para, k + 1, b);
                (!prev_is_currency && unit.is_none()
                    || matches!(
                        prev.as_ref(),
                        "in" | "since" | "until" | "of" | "by" | "from" | "year" | "early" | "late" | "mid"
                    ))
                .then(|| Found {
                    first: k,
                    last: k + 1,
                    kind: FigureKind::Date,
                    value: Value::Text(format!("{y:04}")),
                    unit: None,
                    noun_end: k + 1,
                })
            });
            let f = f.or_else(|| quantity_at(para, k, b)).or_else(|| ordinal_at(para, k));
            match f {
                Some(f) => {
                    k = f.last.max(k + 1);
                    out.push(f);
                }
                None => k += 1,
            }
        }
    }
    out
}

/// The measure an event word names: `EVENTS` by word (a figure asks for a dozen words).
fn event_of(word: &str) -> Option<&'static str> {
    static BY_WORD: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::LazyLock::new(|| {
            let mut m = rustc_hash::FxHashMap::default();
            for (w, e) in EVENTS {
                m.entry(*w).or_insert(*e);
            }
            m
        });
    BY_WORD.get(word).copied()
}

/// `APPROX` with each phrase in words.
static APPROX_WORDS: std::sync::LazyLock<Vec<(Vec<&'static str>, Option<Bound>)>> =
    std::sync::LazyLock::new(|| APPROX.iter().map(|(p, b)| (p.split(' ').collect(), *b)).collect());

/// The event word nearest a figure. A count's event tends to follow it (`300 homes were
/// damaged`); a date's or time's precedes it (`met in Geneva on Sunday`).
fn event_near(
    para: &Para,
    before: std::ops::Range<usize>,
    after: std::ops::Range<usize>,
    before_first: bool,
) -> Option<&'static str> {
    let find = |k: usize| event_of(&lower(para, k));
    if before_first {
        before.clone().rev().find_map(find).or_else(|| after.clone().find_map(find))
    } else {
        after.clone().find_map(find).or_else(|| before.clone().rev().find_map(find))
    }
}

/// The names of a figure's sentence, shared by its figures.
type Context = std::sync::Arc<[std::sync::Arc<str>]>;

/// Finds and describes the figures of one article.
pub fn find(
    article: &std::sync::Arc<str>,
    today: Option<Date>,
    d: &Discourse,
    quotes: &[(Quote, Option<usize>)],
) -> Vec<Figure> {
    let lex = lexicon();
    // every figure is kept to the end of the run: found first, so the list is made to measure
    let found_all: Vec<Vec<Found>> = d.doc.paras.iter().map(|p| scan(p, today)).collect();
    let mut out = Vec::with_capacity(found_all.iter().map(Vec::len).sum());
    // the figures of one sentence share its context
    let mut context_of: Option<(usize, usize, Context)> = None;
    for ((pi, para), found) in d.doc.paras.iter().enumerate().zip(found_all) {
        let mut last_unit_in_sentence: Option<(usize, String)> = None;
        // each figure's sentence, found once (the neighbours and the years ask again)
        let sent: Vec<usize> = found.iter().map(|f| para.sentence_of(f.first)).collect();
        for (fi, f) in found.iter().enumerate() {
            let si = sent[fi];
            let (sa, sb) = para.sentences[si];
            // hedging words just before
            // `hundreds of`, `tens of thousands of`: an order of magnitude is always approximate
            let mut approx = matches!(
                lower(para, f.first).as_ref(),
                "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "tens"
            );
            let mut bound = None;
            if f.first > sa {
                // a phrase can match only if it ends in the word just before
                let prev = lower(para, f.first - 1);
                for (words, b) in APPROX_WORDS.iter() {
                    let n = words.len();
                    if words.last() == Some(&prev.as_ref())
                        && f.first >= sa + n
                        && words.iter().zip(f.first - n..f.first).all(|(w, k)| lower(para, k) == *w)
                    {
                        approx = true;
                        bound = *b;
                        break;
                    }
                }
            }
            let prev_end = if fi > 0 && sent[fi - 1] == si { found[fi - 1].last } else { sa };
            let next_start = found.get(fi + 1).filter(|_| sent[fi + 1] == si).map_or(sb, |g| g.first);
            let mut unit = f.unit.clone();
            let window_from = prev_end.max(f.first.saturating_sub(10));
            let event = event_near(
                para,
                window_from..f.first,
                f.noun_end..next_start.min(f.noun_end + 4),
                matches!(f.kind, FigureKind::Date | FigureKind::Time),
            );
            // `another 370,000 wounded`: the unit is the event; the noun comes from before
            if let Some(u) = unit.clone()
                && event_of(&u).is_some()
                && IRREGULAR_PLURALS.contains(&u.as_str())
            {
                let noun = last_unit_in_sentence
                    .as_ref()
                    .filter(|(s, _)| *s == si)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_else(|| "people".into());
                unit = Some(noun);
            }
            let measure = match (f.kind, &unit, event) {
                (FigureKind::Date | FigureKind::Time, _, Some(ev)) => Some(ev.to_string()),
                (FigureKind::Date | FigureKind::Time | FigureKind::Ordinal, _, None) => None,
                (_, Some(u), Some(ev)) if ev != "age" && ev != u => {
                    // `370,000 wounded`: the counted word is itself the event
                    let own = f.unit.as_deref().filter(|x| IRREGULAR_PLURALS.contains(x)).and_then(event_of);
                    Some(format!("{u} {}", own.unwrap_or(ev)))
                }
                (_, Some(u), _) => Some(u.clone()),
                (_, None, Some(ev)) if f.kind != FigureKind::Count => Some(ev.to_string()),
                _ => None,
            };
            let forecast = (window_from..f.first)
                .chain(f.noun_end..next_start.min(f.noun_end + 4))
                .any(|k| FORECAST.contains(&lower(para, k).as_ref()));
            let measure = measure.map(|m| if forecast { format!("{m} (forecast)") } else { m });
            if f.kind == FigureKind::Count
                && let Some(u) = &unit
            {
                last_unit_in_sentence = Some((si, u.clone()));
            }
            let start = para.tokens[f.first].start as usize;
            let end = para.tokens[f.last - 1].end() as usize;
            // whom it is about: a place or organisation named before it in the clause, or a demonym after
            let subject = d
                .in_paragraph(pi)
                .iter()
                .rfind(|n| {
                    n.sentence == si
                        && n.last <= f.first
                        && n.first >= window_from.saturating_sub(4)
                        && matches!(n.kind, Kind::Place | Kind::Organization)
                })
                .map(|n| {
                    let name = d.name(n.entity);
                    lex.country_of(&name).map(std::sync::Arc::from).unwrap_or(name)
                })
                .or_else(|| {
                    (f.last..f.noun_end).find_map(|k| lex.demonym_country(para.word(k)).map(std::sync::Arc::from))
                });
            let claimed_by = claimant(d, para, pi, si, sa, f.first, start, quotes);
            let context = match &context_of {
                Some((p, s, c)) if (*p, *s) == (pi, si) => c.clone(),
                _ => {
                    let mut names: Vec<std::sync::Arc<str>> =
                        d.in_paragraph(pi).iter().filter(|n| n.sentence == si).map(|n| d.name(n.entity)).collect();
                    names.sort();
                    names.dedup();
                    let c: Context = names.into();
                    context_of = Some((pi, si, c.clone()));
                    c
                }
            };
            let years: Vec<i32> = found
                .iter()
                .zip(&sent)
                .filter(|(g, s)| g.kind == FigureKind::Date && **s == si)
                .map(|(g, _)| g)
                .filter_map(|g| match &g.value {
                    Value::Text(t) => t.get(..4).and_then(|y| y.parse().ok()),
                    Value::Number(_) => None,
                })
                .collect();
            out.push(Figure {
                article: article.clone(),
                paragraph: pi as u32,
                start: start as u32,
                end: end as u32,
                text: para.text[start..end].into(),
                kind: f.kind,
                value: f.value.clone(),
                unit: unit.map(String::into_boxed_str),
                measure: measure.map(String::into_boxed_str),
                approx,
                claimed_by: claimed_by.map(|e| d.name(e)),
                bound,
                subject,
                context,
                years: years.into(),
            });
        }
    }
    out
}

/// Who states a figure: the speaker of the quotation it stands in, else the subject of a
/// speech or claim verb before it in the sentence.
#[allow(clippy::too_many_arguments)]
fn claimant(
    d: &Discourse,
    para: &Para,
    pi: usize,
    si: usize,
    sa: usize,
    first: usize,
    byte: usize,
    quotes: &[(Quote, Option<usize>)],
) -> Option<usize> {
    if let Some((_, spk)) = quotes.iter().find(|(q, _)| q.paragraph == pi && q.start <= byte && byte < q.end) {
        return *spk;
    }
    let lex = lexicon();
    // the nearest speech or claim verb before the figure, and who stands right before it
    let verb = (sa..first).rev().find(|&k| lex.speech.contains(lower(para, k).as_ref()))?;
    let person = d
        .in_paragraph(pi)
        .iter()
        .rfind(|n| n.sentence == si && n.last <= verb && n.kind == Kind::Person && !n.possessive && !n.quoted);
    let pronoun = (sa..verb).rev().find(|&k| matches!(lower(para, k).as_ref(), "he" | "she"));
    match (person, pronoun) {
        (Some(n), Some(k)) if k > n.last => d.resolve_pronoun(pi, si, k),
        (Some(n), _) => Some(n.entity),
        (None, Some(k)) => d.resolve_pronoun(pi, si, k),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Para;

    fn figs(p: &str, today: Option<Date>) -> Vec<(String, FigureKind, String, Option<String>)> {
        let para = Para::new(p);
        scan(&para, today)
            .into_iter()
            .map(|f| {
                let v = match f.value {
                    Value::Number(n) => format!("{n}"),
                    Value::Text(t) => t,
                };
                (
                    para.text[para.tokens[f.first].start as usize..para.tokens[f.last - 1].end() as usize].to_string(),
                    f.kind,
                    v,
                    f.unit,
                )
            })
            .collect()
    }

    #[test]
    fn counts_with_units() {
        let f = figs("The army lost 12,500 soldiers and four contested towns, with 10,000 Nordic troops nearby.", None);
        assert_eq!(f[0], ("12,500".into(), FigureKind::Count, "12500".into(), Some("soldiers".into())));
        assert_eq!(f[1].2, "4");
        assert_eq!(f[1].3.as_deref(), Some("towns"));
        assert_eq!(f[2].3.as_deref(), Some("troops"));
    }

    #[test]
    fn money_percent_and_scales() {
        let f = figs(
            "It cost $4.5bn, or €300m, after a 7% rise, 7 per cent, 3 percent and a quarter of a million people.",
            None,
        );
        assert_eq!((f[0].1, f[0].2.as_str(), f[0].3.as_deref()), (FigureKind::Money, "4500000000", Some("USD")));
        assert_eq!((f[1].1, f[1].2.as_str(), f[1].3.as_deref()), (FigureKind::Money, "300000000", Some("EUR")));
        assert_eq!((f[2].1, f[2].2.as_str()), (FigureKind::Percent, "7"));
        assert_eq!((f[3].1, f[3].2.as_str()), (FigureKind::Percent, "7"));
        assert_eq!((f[4].1, f[4].2.as_str()), (FigureKind::Percent, "3"));
        assert_eq!((f[5].1, f[5].2.as_str(), f[5].3.as_deref()), (FigureKind::Count, "250000", Some("people")));
        let f = figs("Sales hit 1.2 million units and 2 billion dollars.", None);
        assert_eq!(f[0].2, "1200000");
        assert_eq!((f[1].1, f[1].2.as_str(), f[1].3.as_deref()), (FigureKind::Money, "2000000000", Some("USD")));
    }

    #[test]
    fn dates_resolved_against_the_article_date() {
        let today = Date::new(2023, 3, 15);
        let f = figs("They met on March 2 and on Sunday, after talks in January 2021, in 2019 and last month.", today);
        let v: Vec<&str> = f.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(v, vec!["2023-03-02", "2023-03-12", "2021-01", "2019", "2023-02"]);
        let f = figs("It ended on 4 July 2020, not on July 4.", None);
        assert_eq!(f[0].2, "2020-07-04");
        assert_eq!(f[1].2, "--07-04");
    }

    #[test]
    fn times_durations_and_ordinals() {
        let f = figs(
            "At 9:40 p.m. and 16:57 the five-day talks, which ran for an hour and two months, began for the third time.",
            None,
        );
        let v: Vec<(FigureKind, &str, Option<&str>)> = f.iter().map(|x| (x.1, x.2.as_str(), x.3.as_deref())).collect();
        assert_eq!(
            v,
            vec![
                (FigureKind::Time, "21:40", None),
                (FigureKind::Time, "16:57", None),
                (FigureKind::Duration, "5", Some("days")),
                (FigureKind::Duration, "1", Some("hours")),
                (FigureKind::Duration, "2", Some("months")),
                (FigureKind::Ordinal, "3", None),
            ]
        );
    }

    #[test]
    fn orders_of_magnitude() {
        let f = figs("Hundreds of homes flooded and tens of thousands of people fled.", None);
        assert_eq!((f[0].1, f[0].2.as_str(), f[0].3.as_deref()), (FigureKind::Count, "100", Some("homes")));
        assert_eq!((f[1].2.as_str(), f[1].3.as_deref()), ("10000", Some("people")));
        assert!(figs("He thanked thousands.", None).is_empty());
    }

    #[test]
    fn measures() {
        let f = figs("A magnitude 6.1 quake struck 30 km away; winds of 90 mph.", None);
        assert_eq!((f[0].1, f[0].2.as_str(), f[0].3.as_deref()), (FigureKind::Measure, "6.1", Some("magnitude")));
        assert_eq!(f[1].3.as_deref(), Some("km"));
        assert_eq!(f[2].3.as_deref(), Some("mph"));
    }
}

#[cfg(test)]
mod claims {
    use crate::analysis::{Options, analyse, test_corpus};

    #[test]
    fn measure_approx_and_claimant() {
        let t = [
            "Mayor Olga Petrova arrived on Monday.\n\nShe claimed the city had lost around 1,200 homes, while engineer Tom Hale said 300 homes were damaged.",
        ];
        let a = analyse(&test_corpus(&t), &Options::default());
        let f = &a.articles[0].figures;
        let lost = f.iter().find(|x| &*x.text == "1,200").unwrap();
        assert_eq!(lost.measure.as_deref(), Some("homes lost"));
        assert!(lost.approx);
        assert_eq!(lost.claimed_by.as_deref(), Some("Olga Petrova"));
        let damaged = f.iter().find(|x| &*x.text == "300").unwrap();
        assert_eq!(damaged.measure.as_deref(), Some("homes damaged"));
        assert_eq!(damaged.claimed_by.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn relative_dates_use_the_article_date() {
        // test_corpus dates every article 2023-03-15, a Wednesday
        let a =
            analyse(&test_corpus(&["The dam opened on Monday, a week after talks last month."]), &Options::default());
        let vals: Vec<String> = a.articles[0].figures.iter().map(|f| format!("{:?}", f.value)).collect();
        assert!(vals.iter().any(|v| v.contains("2023-03-13")), "{vals:?}");
        assert!(vals.iter().any(|v| v.contains("2023-02")), "{vals:?}");
    }
}
