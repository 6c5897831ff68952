//! Finding figures in a paragraph's tokens: counts (`43,000 soldiers`, `THREE people`,
//! `a dozen`, `dozens of homes`), money (`$4.5bn`, `CZK 292bn`, `286 billion crowns`,
//! `61 cents`, wire-style `e80 million`), percentages (`7 per cent`, `seven in ten`),
//! measures (`145 mph`, `41.2C`, `magnitude-5.2`, `half a mile`), durations (`36 hours`,
//! `a week and a half`, `eight-hour`), ages (`71-year-old`), ranges (`between 30 and 40`),
//! levels (`Level IV`) and ordinals; dates and times are read in [`super::when`].
//! Each is found with its value, the unit it reports and where its counted noun stands.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use super::numbers::{digits, fraction_word, ordinal, roman, scale_word, split_digits, word_number, written_step};
use super::units::{self, Dimension};
use crate::analysis::doc::Para;
use crate::analysis::model::{FigureKind, Hedge, Value};
use std::borrow::Cow;

/// A figure as found, before its frame is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Its tokens, `first..last`.
    pub first: usize,
    pub last: usize,
    pub kind: FigureKind,
    pub value: Value,
    /// The unit the contract reports: a currency code, a unit's name, `%`, a duration's unit,
    /// or the counted noun as written (`soldiers`).
    pub unit: Option<String>,
    /// The counted noun's tokens (`homes and businesses`), when it has one.
    pub noun: Option<(usize, usize)>,
    /// Where the words after the figure and its noun begin.
    pub after: usize,
    /// What its own wording says of its bounds (`dozens of`, `between ... and`).
    pub hedge: Hedge,
    /// The upper end of a range.
    pub high: Option<f64>,
    /// How finely it is written, in its unit.
    pub step: f64,
    /// A time in a named zone (`0400 GMT`).
    pub zone: bool,
}

impl Found {
    pub fn new(first: usize, last: usize, kind: FigureKind, value: Value) -> Found {
        Found {
            first,
            last,
            kind,
            value,
            unit: None,
            noun: None,
            after: last,
            hedge: Hedge::Exact,
            high: None,
            step: 0.0,
            zone: false,
        }
    }

    fn unit(mut self, u: impl Into<String>) -> Found {
        self.unit = Some(u.into());
        self
    }

    fn step(mut self, s: f64) -> Found {
        self.step = s;
        self
    }
}

/// A paragraph's tokens within one sentence, read as words.
pub struct Reader<'p, 'a> {
    pub para: &'p Para<'a>,
    /// One past the sentence's last token.
    pub end: usize,
    pub start: usize,
}

impl<'p, 'a> Reader<'p, 'a> {
    pub fn w(&self, k: usize) -> &'a str {
        if k < self.end { self.para.word(k) } else { "" }
    }

    /// Token `k` in lower case (empty past the sentence).
    pub fn l(&self, k: usize) -> Cow<'p, str> {
        if k < self.end { self.para.lower(k) } else { Cow::Borrowed("") }
    }

    pub fn is(&self, k: usize, word: &str) -> bool {
        k < self.end && self.para.lower(k) == word
    }

    pub fn is_word(&self, k: usize) -> bool {
        k < self.end && self.para.tokens[k].word
    }

    /// Whether tokens `a` and `b` touch (`$` `4.5bn`, `4` `%`).
    pub fn glued(&self, a: usize, b: usize) -> bool {
        b < self.end && self.para.tokens[a].end() == self.para.tokens[b].start
    }
}

/// A number starting at token `k`: its value, the token after it and how finely it is
/// written. Digits, number words, `a`/`an` before a scale or `dozen`, `half a million`,
/// `a quarter of a million`, fractions (`a third`, `two-thirds`, `one and a half`).
pub fn number_at(r: &Reader, k: usize) -> Option<(f64, usize, f64)> {
    let w = r.l(k);
    if w == "a" || w == "an" {
        if r.is(k + 1, "quarter") && r.is(k + 2, "of") && matches!(r.l(k + 3).as_ref(), "a" | "an") {
            let s = scale_word(&r.l(k + 4))?;
            return Some((0.25 * s, k + 5, 0.25 * s));
        }
        if r.is(k + 1, "half") {
            let s = scale_word(&r.l(k + 2))?;
            return Some((0.5 * s, k + 3, 0.5 * s));
        }
        let n1 = r.l(k + 1);
        if let Some(s) = scale_word(&n1).filter(|_| n1.len() > 2) {
            return Some((s, k + 2, s));
        }
        if n1 == "dozen" {
            return Some((12.0, k + 2, 1.0));
        }
        // `a third of`, `a quarter of`: a share, read as a fraction
        if let Some(f) = fraction_word(&n1)
            && r.is(k + 2, "of")
        {
            return Some((f, k + 2, f));
        }
        return None;
    }
    if w == "half" && matches!(r.l(k + 1).as_ref(), "a" | "an") {
        let s = scale_word(&r.l(k + 2))?;
        return Some((0.5 * s, k + 3, 0.5 * s));
    }
    let raw = r.w(k);
    let (mut v, mut e, mut step) = if let Some(v) = digits(raw) {
        let (_, suffix) = split_digits(raw)?;
        let s = scale_word(suffix).unwrap_or(1.0);
        // digits without a decimal point are exact (`$5m` is five million, not 4.5 to 5.5)
        let st = written_step(raw) * s;
        (v, k + 1, st)
    } else if let Some(v) = word_number(&w) {
        (v, k + 1, 0.0)
    } else if let Some(f) = fraction_word(&w).filter(|_| w.contains('-')) {
        // `two-thirds`
        (f, k + 1, 0.05)
    } else {
        return None;
    };
    if r.is(e, "hundred") && v < 100.0 {
        v *= 100.0;
        step *= 100.0;
        e += 1;
    }
    // `one and a half`, `two and a quarter`
    if r.is(e, "and")
        && matches!(r.l(e + 1).as_ref(), "a" | "an")
        && let Some(f) = fraction_word(&r.l(e + 2))
    {
        v += f;
        step = f;
        e += 3;
    }
    let n = r.l(e);
    if let Some(s) = scale_word(&n).filter(|_| (n.len() > 1 || r.glued(e - 1, e)) && (n != "m" || r.glued(e - 1, e)))
        && split_digits(raw).is_none_or(|(_, suffix)| suffix.is_empty())
    {
        v *= s;
        if raw.contains('.') {
            step *= s;
        }
        e += 1;
    }
    Some((v, e, step))
}

/// Words that stop the search for a counted noun.
const STOP: &[&str] = &[
    "of", "in", "to", "for", "on", "at", "by", "from", "with", "than", "that", "which", "who", "as", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "the", "a", "an", "or", "per", "into", "over", "after",
    "before", "since", "and", "but", "ago", "old", "times", "be", "been", "could", "should", "can", "may", "might",
    "must", "did", "do", "does", "it", "its", "their", "his", "her", "this", "these", "those", "when", "where",
    "while", "until", "about", "around", "up", "down", "out", "off", "under", "between", "said", "says",
];

/// Words ending in `s` that are not plural nouns.
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
];

/// Words that stand for people or things counted, with no `s`: `people`, `staff`, `police`.
const BARE_PLURALS: &[&str] = &[
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
        if BARE_PLURALS.contains(&l.as_ref()) || is_plural(&l) || (one && super::words::counted(&l).is_some()) {
            // `homes and businesses`: a second noun joined by `and`
            let mut end = k + 1;
            if r.is(end, "and") && r.is_word(end + 1) && is_plural(&r.l(end + 1)) {
                end += 2;
            }
            let text = (k..end).map(|i| r.l(i).into_owned()).collect::<Vec<_>>().join(" ");
            return Some(((k, end), text));
        }
        if STOP.contains(&l.as_ref()) || STATE_WORDS.contains(&l.as_ref()) {
            return None;
        }
        k += 1;
        steps += 1;
    }
    None
}

fn is_plural(l: &str) -> bool {
    l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("'s")
        && !l.ends_with("’s")
        && !NOT_PLURAL.contains(&l)
        && l.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The currency written before token `k` (`$`, `US$`, `€`, `CZK`, `Rs`): its code and the
/// token where the figure starts.
fn currency_before(r: &Reader, k: usize) -> Option<(&'static str, usize)> {
    let w = r.w(k);
    let code = units::currency_symbol(w)?;
    // a code in letters (`CZK`, `Rs`) is one only in capitals and before a number
    if w.chars().all(char::is_alphabetic) && !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // `US$`, `C$`, `A$`: the country's letters glued before the sign
    if k > r.start && r.glued(k - 1, k) {
        let joined = format!("{}{}", r.w(k - 1), w);
        if let Some(c) = units::currency_symbol(&joined) {
            return Some((c, k - 1));
        }
    }
    Some((code, k))
}

/// Counts, money, percentages, measures, durations and ages starting at token `k`.
pub fn quantity_at(r: &Reader, k: usize) -> Option<Found> {
    // currency before the number: `$4.5bn`, `US$ 3m`, `€300m`, `CZK 292bn`
    if let Some((code, start)) = currency_before(r, k) {
        let (v, e, step) = number_at(r, k + 1)?;
        let (v, e, step) = with_scale_after(r, v, e, step);
        let f = Found::new(start, e, FigureKind::Money, Value::Number(v)).unit(code).step(step);
        return Some(range_after(r, f));
    }
    // wire style `e80 million`, `e80m`: a euro sign written as a letter
    let raw = r.w(k);
    if let Some(rest) = raw.strip_prefix('e').filter(|x| x.starts_with(|c: char| c.is_ascii_digit()))
        && let Some((v, suffix)) = split_digits(rest)
    {
        let s = scale_word(suffix).or_else(|| scale_word(&r.l(k + 1)).filter(|_| suffix.is_empty()));
        if let Some(s) = s {
            let e = if suffix.is_empty() { k + 2 } else { k + 1 };
            return Some(
                Found::new(k, e, FigureKind::Money, Value::Number(v * s)).unit("EUR").step(written_step(rest) * s),
            );
        }
    }
    if let Some(f) = hyphenated(r, k) {
        return Some(f);
    }
    if let Some(f) = glued_unit(r, k) {
        return Some(f);
    }
    if let Some(f) = share_of(r, k) {
        return Some(f);
    }
    if let Some(f) = magnitude_words(r, k) {
        return Some(f);
    }
    if let Some(f) = unit_in_words(r, k) {
        return Some(f);
    }
    if r.is(k, "twice") {
        return Some(Found::new(k, k + 1, FigureKind::Count, Value::Number(2.0)).unit("times"));
    }
    if r.is(k, "between")
        && let Some(f) = between(r, k)
    {
        return Some(f);
    }
    let (value, e, step) = number_at(r, k)?;
    let f = after_number(r, k, value, e, step)?;
    // five or more digits with no separator and nothing counted: a code, a phone or box
    // number, not a quantity (`text OUT to 40404`)
    if f.kind == FigureKind::Count && f.unit.is_none() && raw.len() >= 5 && raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(range_after(r, f))
}

/// A scale word after a number that did not take one (`286 billion`).
fn with_scale_after(r: &Reader, v: f64, e: usize, step: f64) -> (f64, usize, f64) {
    match scale_word(&r.l(e)) {
        Some(s) if r.l(e).len() > 1 && !r.w(e - 1).ends_with(|c: char| c.is_alphabetic()) => {
            (v * s, e + 1, if r.w(e - 1).contains('.') { step * s } else { step })
        }
        _ => (v, e, step),
    }
}

/// What follows a number: a unit, a currency, `%`, a duration, an age, a counted noun.
fn after_number(r: &Reader, k: usize, value: f64, e: usize, step: f64) -> Option<Found> {
    let n = r.l(e);
    let num = |kind: FigureKind, last: usize, unit: &str| {
        Found::new(k, last, kind, Value::Number(value)).unit(unit).step(step)
    };
    if n == "%" || n == "percent" || n == "pct" {
        return Some(num(FigureKind::Percent, e + 1, "%"));
    }
    if n == "per" && r.is(e + 1, "cent") {
        return Some(num(FigureKind::Percent, e + 2, "%"));
    }
    if n == "percentage" && r.is(e + 1, "points") {
        return Some(num(FigureKind::Percent, e + 2, "percentage points"));
    }
    // sub-units of a currency: `61 cents`, `40 pence`
    if matches!(n.as_ref(), "cents" | "cent" | "pence" | "p" | "kopecks" | "paise") && (n != "p" || r.glued(e - 1, e)) {
        let code = match n.as_ref() {
            "pence" | "p" => "GBP",
            "kopecks" => "RUB",
            "paise" => "INR",
            _ if sentence_names(r, "€") || sentence_names(r, "euro") => "EUR",
            _ => "USD",
        };
        return Some(
            Found::new(k, e + 1, FigureKind::Money, Value::Number(value / 100.0)).unit(code).step(step / 100.0),
        );
    }
    // a currency word, or a country's adjective and one (`286 billion Czech crowns`)
    if let Some(code) = units::currency_word(&n) {
        return Some(num(FigureKind::Money, e + 1, code));
    }
    if let Some(code) = units::currency_of(&n, &r.l(e + 1)) {
        return Some(num(FigureKind::Money, e + 2, code));
    }
    if let Some(code) = units::currency_of(&format!("{n} {}", r.l(e + 1)), &r.l(e + 2)) {
        return Some(num(FigureKind::Money, e + 3, code));
    }
    if let Some((u, _)) = units::duration(&n) {
        if r.is(e + 1, "old") {
            return Some(num(FigureKind::Measure, e + 2, "years old"));
        }
        // `a week and a half`, `two days and a half`
        if r.is(e + 1, "and")
            && matches!(r.l(e + 2).as_ref(), "a" | "an")
            && let Some(f) = fraction_word(&r.l(e + 3))
        {
            return Some(Found::new(k, e + 4, FigureKind::Duration, Value::Number(value + f)).unit(u).step(f));
        }
        return Some(num(FigureKind::Duration, e + 1, u));
    }
    // two-word units first (`nautical miles`, `miles per hour`, `degrees Celsius`)
    let mut phrase = String::with_capacity(32);
    for len in [3, 2] {
        phrase.clear();
        for i in 0..len {
            if i > 0 {
                phrase.push(' ');
            }
            phrase.push_str(&r.l(e + i));
        }
        if let Some(u) = units::measure(&phrase) {
            return Some(measure_found(r, k, e + len, value, step, u));
        }
    }
    if let Some(u) = units::measure(&n).filter(|u| n.len() > 1 || u.dim == Dimension::Temperature && r.glued(e - 1, e))
    {
        return Some(measure_found(r, k, e + 1, value, step, u));
    }
    // `a magnitude 5.9`, `magnitude 6.2`, `a magnitude of 5.4`
    if k > r.start && (r.is(k - 1, "magnitude") || (r.is(k - 1, "of") && k > r.start + 1 && r.is(k - 2, "magnitude"))) {
        let first = if r.is(k - 1, "magnitude") { k - 1 } else { k - 2 };
        return Some(Found::new(first, e, FigureKind::Measure, Value::Number(value)).unit("magnitude").step(step));
    }
    let one = value == 1.0;
    // `one` alone is more often a pronoun than a count: only with its noun
    if r.is(k, "one") && !r.w(k).starts_with(char::is_uppercase) || r.is(k, "One") {
        let ((a, b), unit) = counted_noun(r, e, true)?;
        let mut f = num(FigureKind::Count, e, &unit);
        f.noun = Some((a, b));
        f.after = b;
        return Some(f);
    }
    let mut f = num(FigureKind::Count, e, "");
    f.unit = None;
    if let Some(((a, b), unit)) = counted_noun(r, e, one) {
        f.unit = Some(unit);
        f.noun = Some((a, b));
        f.after = b;
    }
    Some(f)
}

/// Whether the sentence names `word` anywhere (a currency sign, say).
fn sentence_names(r: &Reader, word: &str) -> bool {
    (r.start..r.end).any(|i| r.l(i).starts_with(word))
}

fn measure_found(r: &Reader, k: usize, last: usize, value: f64, step: f64, u: units::Unit) -> Found {
    // `minus 4C`: a sign in words
    let (first, value) = if k > r.start && r.is(k - 1, "minus") { (k - 1, -value) } else { (k, value) };
    Found::new(first, last, FigureKind::Measure, Value::Number(value)).unit(u.name).step(step)
}

/// `70mph`, `41.2C`, `1.2TB`, `9km`: a number glued to its unit in one token.
fn glued_unit(r: &Reader, k: usize) -> Option<Found> {
    let raw = r.w(k);
    let (v, suffix) = split_digits(raw)?;
    if suffix.is_empty() || scale_word(suffix).is_some() {
        return None;
    }
    let lower = suffix.to_lowercase();
    let step = written_step(raw);
    if let Some(u) = units::measure(&lower) {
        return Some(measure_found(r, k, k + 1, v, step, u));
    }
    if let Some((u, _)) = units::duration(&lower) {
        return Some(Found::new(k, k + 1, FigureKind::Duration, Value::Number(v)).unit(u).step(step));
    }
    None
}

/// `five-day`, `48-hour`, `150-mph`, `112-page`, `magnitude-5.2`, `71-year-old`,
/// `six-kilometre`: a number and its unit in one hyphenated word.
fn hyphenated(r: &Reader, k: usize) -> Option<Found> {
    let w = r.w(k);
    if !w.contains(['-', '\u{2011}']) {
        return None;
    }
    let lower = r.l(k);
    let parts: Vec<&str> = lower.split(['-', '\u{2011}']).collect();
    if parts.len() < 2 {
        return None;
    }
    if parts[0] == "magnitude" {
        let v = digits(parts[1])?;
        return Some(
            Found::new(k, k + 1, FigureKind::Measure, Value::Number(v)).unit("magnitude").step(written_step(parts[1])),
        );
    }
    let v = digits(parts[0]).or_else(|| word_number(parts[0]))?;
    let step = written_step(parts[0]);
    if parts.len() == 3 && parts[1] == "year" && parts[2] == "old" || (parts.len() == 2 && parts[1] == "year-old") {
        return Some(Found::new(k, k + 1, FigureKind::Measure, Value::Number(v)).unit("years old").step(step));
    }
    if parts.len() != 2 {
        return None;
    }
    let b = parts[1];
    if let Some((u, _)) = units::duration(b) {
        return Some(Found::new(k, k + 1, FigureKind::Duration, Value::Number(v)).unit(u).step(step));
    }
    if let Some(u) = units::measure(b).filter(|u| b.len() > 1 || u.dim != Dimension::Temperature) {
        return Some(Found::new(k, k + 1, FigureKind::Measure, Value::Number(v)).unit(u.name).step(step));
    }
    // `112-page report`, `19-year history`: a count of what the second word names
    if b.chars().all(char::is_alphabetic) && b.len() > 2 && digits(parts[0]).is_some() {
        let mut f = Found::new(k, k + 1, FigureKind::Count, Value::Number(v)).step(step);
        f.unit = Some(format!("{b}s"));
        f.noun = Some((k, k + 1));
        return Some(f);
    }
    None
}

/// `a week and a half`, `an hour`, `half a mile`, `a quarter-mile`, `a mile and a quarter`:
/// one of a unit, or a fraction of one, in words.
fn unit_in_words(r: &Reader, k: usize) -> Option<Found> {
    let w = r.l(k);
    let (mut value, at) = match w.as_ref() {
        "a" | "an" => (1.0, k + 1),
        "half" if matches!(r.l(k + 1).as_ref(), "a" | "an") => (0.5, k + 2),
        _ => return None,
    };
    let mut u = r.l(at).into_owned();
    // `a quarter-mile`, `a half-hour`
    if let Some((frac, unit)) = u.split_once('-')
        && let Some(f) = fraction_word(frac)
        && value == 1.0
    {
        value = f;
        u = unit.to_string();
    }
    let mut e = at + 1;
    let dim = if let Some((name, _)) = units::duration(&u) {
        (FigureKind::Duration, name)
    } else if let Some(m) = units::measure(&u).filter(|_| u.len() > 2) {
        (FigureKind::Measure, m.name)
    } else {
        return None;
    };
    // `and a half`, `and a quarter`
    let mut step = 0.5;
    if r.is(e, "and")
        && matches!(r.l(e + 1).as_ref(), "a" | "an")
        && let Some(f) = fraction_word(&r.l(e + 2))
    {
        value += f;
        step = f;
        e += 3;
    } else if value == 1.0 && w != "half" {
        // `a week` alone is a figure only where a duration or distance is plain
        let before = if k > r.start { r.l(k - 1) } else { Cow::Borrowed("") };
        let plain = matches!(
            before.as_ref(),
            "for"
                | "in"
                | "within"
                | "about"
                | "nearly"
                | "over"
                | "than"
                | "around"
                | "after"
                | "lasted"
                | "least"
                | "almost"
                | "some"
                | "roughly"
                | "up"
        );
        if !plain {
            return None;
        }
        step = 0.0;
    }
    let mut f = Found::new(k, e, dim.0, Value::Number(value)).unit(dim.1).step(step);
    if dim.0 == FigureKind::Duration {
        // a span in words is approximate by nature
        f.hedge = Hedge::Exact;
    }
    Some(f)
}

/// `seven in ten`, `one in five`: a share as a percentage.
fn share_of(r: &Reader, k: usize) -> Option<Found> {
    if !r.is(k + 1, "in") {
        return None;
    }
    let a = word_number(&r.l(k)).or_else(|| digits(r.w(k)))?;
    let b = word_number(&r.l(k + 2)).or_else(|| digits(r.w(k + 2)))?;
    (b > a && b > 0.0 && a > 0.0)
        .then(|| Found::new(k, k + 3, FigureKind::Percent, Value::Number(100.0 * a / b)).unit("%").step(100.0 / b))
}

/// Words for an order of magnitude: `hundreds of homes`, `tens of thousands of people`,
/// `dozens injured`.
fn magnitude_words(r: &Reader, k: usize) -> Option<Found> {
    const VAGUE: &[(&str, f64)] = &[
        ("dozens", 24.0),
        ("scores", 40.0),
        ("hundreds", 200.0),
        ("thousands", 2e3),
        ("millions", 2e6),
        ("billions", 2e9),
    ];
    let w = r.l(k);
    let of_vague = r.is(k + 1, "of") && VAGUE.iter().any(|(x, _)| r.l(k + 2) == *x);
    let (value, mut e) = if (w == "tens" || w == "hundreds") && of_vague {
        let scale = VAGUE.iter().find(|(x, _)| r.l(k + 2) == *x)?.1;
        let base = if w == "tens" { 10.0 } else { 100.0 };
        (base * scale / 2.0, k + 3)
    } else {
        (VAGUE.iter().find(|(x, _)| w == *x)?.1, k + 1)
    };
    let mut f = Found::new(k, e, FigureKind::Count, Value::Number(value));
    f.hedge = Hedge::Magnitude;
    f.step = value;
    if r.is(e, "of") {
        e += 1;
        let ((a, b), unit) = counted_noun(r, e, false)?;
        f.unit = Some(unit);
        f.noun = Some((a, b));
        f.last = b;
        f.after = b;
        return Some(f);
    }
    // `dozens injured`, `hundreds dead`: the state stands for those counted
    STATE_WORDS.contains(&r.l(e).as_ref()).then_some(f)
}

/// `between 30 and 40 people`: one figure, a range.
fn between(r: &Reader, k: usize) -> Option<Found> {
    let (a, e, step) = number_at(r, k + 1)?;
    if !r.is(e, "and") {
        return None;
    }
    let (b, e2, _) = number_at(r, e + 1)?;
    let mut f = after_number(r, e + 1, b, e2, step)?;
    f.first = k;
    let scale = if b > a * 100.0 && a < 1000.0 { b / a.max(1.0) } else { 1.0 };
    let low = if scale > 1.0 && scale.log10().fract().abs() < 1e-9 { a * scale } else { a };
    f.high = Some(b);
    f.value = Value::Number(low);
    f.hedge = Hedge::Range;
    Some(f)
}

/// `30 to 40`, `30-40`, `$95m to $110m`, `4 to 8 inches`: a figure that goes on to the
/// upper end of a range. Not after `from` (`rose from 7 to 11` is a change, two figures).
fn range_after(r: &Reader, f: Found) -> Found {
    let Value::Number(low) = f.value else { return f };
    let e = f.last;
    let dash = matches!(r.w(e), "-" | "–") && r.glued(e - 1, e) && r.glued(e, e + 1);
    let from = f.first > r.start && r.is(f.first - 1, "from");
    if !(r.is(e, "to") || dash) || from || (f.kind == FigureKind::Count && f.noun.is_some()) {
        return f;
    }
    let mut next = e + 1;
    if f.kind == FigureKind::Money && units::currency_symbol(r.w(next)).is_some() {
        next += 1;
    }
    let Some((high, he, hs)) = number_at(r, next) else { return f };
    let (high, he, _) = with_scale_after(r, high, he, hs);
    let mut g = if f.kind == FigureKind::Count {
        // a bare first number takes the unit written after the second: `4 to 8 inches`
        match after_number(r, next, high, he, f.step) {
            Some(g) => g,
            None => return f,
        }
    } else {
        let mut g = f.clone();
        // the unit written again: `5% to 7%`
        g.last = if r.is(he, "%") || r.l(he).as_ref() == f.unit.as_deref().unwrap_or("\0") { he + 1 } else { he };
        g.after = g.last;
        g
    };
    // the upper end as the second figure read it (its unit may come after it)
    let high = if f.kind == FigureKind::Count { g.value.as_f64().unwrap_or(high) } else { high };
    if high <= low {
        return f;
    }
    g.first = f.first;
    g.value = Value::Number(low);
    g.high = Some(high);
    g.hedge = Hedge::Range;
    g.step = f.step;
    g
}

/// `Level IV`, `Category 4`, `Phase 2`: a level as a count.
pub fn level_at(r: &Reader, k: usize) -> Option<Found> {
    if !matches!(r.l(k).as_ref(), "level" | "category" | "phase" | "stage" | "grade") {
        return None;
    }
    let v = roman(r.w(k + 1)).or_else(|| digits(r.w(k + 1)).filter(|v| *v < 100.0))?;
    let mut f = Found::new(k, k + 2, FigureKind::Count, Value::Number(v)).unit(r.l(k).into_owned());
    f.noun = Some((k, k + 1));
    Some(f)
}

/// `the third`, `21st`: an ordinal (a placing, a round, a time).
pub fn ordinal_at(r: &Reader, k: usize) -> Option<Found> {
    let w = r.w(k);
    let v = ordinal(w)?;
    let spelled = w.chars().next().is_some_and(char::is_alphabetic);
    // a spelled ordinal is a figure after `the`, `a` or `its`, or as a placing (`finished third`)
    let before = if k > r.start { r.l(k - 1) } else { Cow::Borrowed("") };
    let placing = matches!(before.as_ref(), "finished" | "came" | "placed" | "was" | "in" | "ranked");
    if spelled && !matches!(before.as_ref(), "the" | "a" | "its" | "their" | "his" | "her") && !placing {
        return None;
    }
    Some(Found::new(k, k + 1, FigureKind::Ordinal, Value::Number(v)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Para;

    /// Each figure of `text` as (its text, kind, value, unit).
    pub(crate) fn figs(text: &str) -> Vec<(String, FigureKind, f64, Option<String>)> {
        let p = Para::new(text);
        let r = Reader { para: &p, end: p.tokens.len(), start: 0 };
        let mut out = Vec::new();
        let mut k = 0;
        while k < p.tokens.len() {
            match quantity_at(&r, k).or_else(|| level_at(&r, k)) {
                Some(f) => {
                    let span = &text[p.tokens[f.first].start as usize..p.tokens[f.last - 1].end() as usize];
                    out.push((span.to_string(), f.kind, f.value.as_f64().unwrap_or(f64::NAN), f.unit.clone()));
                    k = f.last;
                }
                None => k += 1,
            }
        }
        out
    }

    fn one(text: &str) -> (String, FigureKind, f64, Option<String>) {
        figs(text).into_iter().next().unwrap_or_else(|| panic!("no figure in {text:?}"))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn counts_and_their_nouns() {
        assert_eq!(one("The army lost 12,500 soldiers."), ("12,500".into(), FigureKind::Count, 12500.0, s("soldiers")));
        assert_eq!(one("with 10,000 North Korean troops nearby").3, s("troops"));
        assert_eq!(one("leaving some 480,000 homes and businesses without power").3, s("homes and businesses"));
        assert_eq!(one("THREE people died").2, 3.0);
        assert_eq!(one("one person died on the road").3, s("person"));
        assert!(figs("one of the drivers said").is_empty(), "`one` alone is a pronoun");
        assert_eq!(one("injuring more than 90").3, None, "a bare number has no noun of its own");
        assert_eq!(one("a 112-page report").3, s("pages"));
        assert_eq!(one("He came twice.").2, 2.0);
    }

    #[test]
    fn money_in_its_forms() {
        assert_eq!(one("It cost $4.5bn in all."), ("$4.5bn".into(), FigureKind::Money, 4.5e9, s("USD")));
        assert_eq!(one("a shortfall of CZK 292bn this year").2, 292e9);
        assert_eq!(one("a shortfall of CZK 292bn").3, s("CZK"));
        assert_eq!(one("a deficit of 286 billion crowns").2, 286e9);
        assert_eq!(one("a deficit of 286 billion Swedish crowns").3, s("SEK"));
        assert_eq!(one("a profit of e80 million").3, s("EUR"));
        assert_eq!(one("a profit of e80 million").2, 80e6);
        let c = one("a dividend of 61 cents a share");
        assert_eq!((c.1, c.2, c.3), (FigureKind::Money, 0.61, s("USD")));
        assert_eq!(one("US$ 3m").3, s("USD"));
        assert_eq!(one("a £48million profit").2, 48e6);
    }

    #[test]
    fn percentages() {
        for t in ["7% rise", "7 per cent", "7 percent", "7 pct"] {
            assert_eq!(one(t).1, FigureKind::Percent, "{t}");
        }
        assert_eq!(one("Seven in ten computers were shut down").2, 70.0);
        assert_eq!(one("a rise of 2 percentage points").3, s("percentage points"));
    }

    #[test]
    fn measures_and_their_spellings() {
        assert_eq!(one("winds of 145 mph").3, s("mph"));
        assert_eq!(one("hurtling along at 85mph").3, s("mph"));
        assert_eq!(one("it hit 41.2C on Tuesday").3, s("C"));
        assert_eq!(one("temperatures of minus 4C").2, -4.0);
        assert_eq!(one("it stole 1.2TB of data").3, s("TB"));
        assert_eq!(one("five nautical miles offshore").3, s("nautical miles"));
        assert_eq!(one("150-mph winds").3, s("mph"));
        assert_eq!(one("a magnitude-5.2 quake").3, s("magnitude"));
        assert_eq!(one("A magnitude 5.9 tremor struck").3, s("magnitude"));
        let m = one("a quake with a magnitude of 5.4");
        assert_eq!((m.1, m.2), (FigureKind::Measure, 5.4));
        assert_eq!(one("106.2 degrees Fahrenheit").3, s("F"));
    }

    #[test]
    fn durations_ages_and_fractions() {
        assert_eq!(one("a five-day visit").3, s("days"));
        assert_eq!(one("the eight-hour siege").2, 8.0);
        assert_eq!(one("after a week and a half at sea").2, 1.5);
        assert_eq!(one("for a day and a half").3, s("days"));
        assert_eq!(one("a 71-year-old woman").3, s("years old"));
        assert_eq!(one("he is 26 years old").3, s("years old"));
        assert_eq!(one("half a mile further").2, 0.5);
        assert_eq!(one("a quarter of a million people").2, 250_000.0);
        assert_eq!(one("one and a half hours").2, 1.5);
    }

    #[test]
    fn orders_of_magnitude_and_ranges() {
        let f = one("Hundreds of homes flooded");
        assert_eq!((f.2, f.3), (200.0, s("homes")));
        assert_eq!(one("tens of thousands of people fled").2, 10_000.0 * 2.0 / 2.0 * 1.0);
        assert_eq!(one("dozens injured").1, FigureKind::Count);
        assert!(figs("He thanked thousands.").is_empty());
        let r = one("between 30 and 40 people");
        assert_eq!((r.2, r.3), (30.0, s("people")));
        assert_eq!(one("4 to 8 inches of rain").3, s("inches"));
        assert_eq!(one("costs of $95m to $110m").2, 95e6);
        assert_eq!(figs("the toll rose from 7 to 11").len(), 2, "a change is two figures, not a range");
    }

    #[test]
    fn levels() {
        assert_eq!(one("raised the alert to Level IV").2, 4.0);
        assert_eq!(one("a Category 4 storm").2, 4.0);
    }
}
