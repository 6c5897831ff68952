//! What follows a number: its unit, currency, scale, counted noun; hyphenated and
//! written-out measures; shares and orders of magnitude.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::super::numbers::{digits, fraction_word, scale_word, split_digits, word_number, written_step};
use super::super::units::{self, Dimension};
use super::nouns::{STATE_WORDS, counted_noun};
use super::reader::{Found, Reader};
use crate::analysis::model::{FigureKind, Hedge, Value};
use std::borrow::Cow;

/// The currency written before token `k` (`$`, `US$`, `€`, `CZK`, `Rs`): its code and the
/// token where the figure starts.
pub(super) fn currency_before(r: &Reader, k: usize) -> Option<(&'static str, usize)> {
    let w = r.w(k);
    let code = units::currency_symbol(w)?;
    // a code in letters (`CZK`, `Rs`) is one only in capitals and before a number
    if w.chars().all(char::is_alphabetic) && !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // `US$`, `C$`, `A$`: the country's letters glued before the sign
    if k > r.start && r.glued(k - 1, k) {
        let joined = [r.w(k - 1), w].concat();
        if let Some(c) = units::currency_symbol(&joined) {
            return Some((c, k - 1));
        }
    }
    Some((code, k))
}

/// A scale word after a number that did not take one (`286 billion`).
pub(super) fn with_scale_after(r: &Reader, v: f64, e: usize, step: f64) -> (f64, usize, f64) {
    match scale_word(&r.l(e)) {
        Some(s) if r.l(e).len() > 1 && !r.w(e - 1).ends_with(|c: char| c.is_alphabetic()) => {
            (v * s, e + 1, if r.w(e - 1).contains('.') { step * s } else { step })
        }
        _ => (v, e, step),
    }
}

/// What follows a number: a unit, a currency, `%`, a duration, an age, a counted noun.
pub(super) fn after_number(r: &Reader, k: usize, value: f64, e: usize, step: f64) -> Option<Found> {
    let num = |kind: FigureKind, last: usize, unit: &str| {
        Found::new(k, last, kind, Value::Number(value)).unit(unit).step(step)
    };
    if let Some(f) = share_or_money_after(r, k, value, e, step, &num) {
        return Some(f);
    }
    if let Some(f) = duration_or_measure_after(r, k, value, e, step, &num) {
        return Some(f);
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

/// A share (`%`, `per cent`, `percentage points`) or a sum (a currency, its sub-unit, or a
/// country's adjective and one: `286 billion Czech crowns`) after a number.
fn share_or_money_after(
    r: &Reader,
    k: usize,
    value: f64,
    e: usize,
    step: f64,
    num: &impl Fn(FigureKind, usize, &str) -> Found,
) -> Option<Found> {
    let n = r.l(e);
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
    if let Some(code) = units::currency_word(&n) {
        return Some(num(FigureKind::Money, e + 1, code));
    }
    if let Some(code) = units::currency_of(&n, &r.l(e + 1)) {
        return Some(num(FigureKind::Money, e + 2, code));
    }
    if let Some(code) = units::currency_of(&[n.as_ref(), " ", r.l(e + 1).as_ref()].concat(), &r.l(e + 2)) {
        return Some(num(FigureKind::Money, e + 3, code));
    }
    None
}

/// A duration (`36 hours`, `a week and a half`, `71 years old`) or a measure in one, two or
/// three words (`145 mph`, `nautical miles`, `degrees Celsius`) after a number.
fn duration_or_measure_after(
    r: &Reader,
    k: usize,
    value: f64,
    e: usize,
    step: f64,
    num: &impl Fn(FigureKind, usize, &str) -> Found,
) -> Option<Found> {
    let n = r.l(e);
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
    units::measure(&n)
        .filter(|u| n.len() > 1 || u.dim == Dimension::Temperature && r.glued(e - 1, e))
        .map(|u| measure_found(r, k, e + 1, value, step, u))
}

/// Whether the sentence names `word` anywhere (a currency sign, say).
pub(super) fn sentence_names(r: &Reader, word: &str) -> bool {
    (r.start..r.end).any(|i| r.l(i).starts_with(word))
}

pub(super) fn measure_found(r: &Reader, k: usize, last: usize, value: f64, step: f64, u: units::Unit) -> Found {
    // `minus 4C`: a sign in words
    let (first, value) = if k > r.start && r.is(k - 1, "minus") { (k - 1, -value) } else { (k, value) };
    Found::new(first, last, FigureKind::Measure, Value::Number(value)).unit(u.name).step(step)
}

/// `70mph`, `41.2C`, `1.2TB`, `9km`: a number glued to its unit in one token.
pub(super) fn glued_unit(r: &Reader, k: usize) -> Option<Found> {
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
pub(super) fn hyphenated(r: &Reader, k: usize) -> Option<Found> {
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
        f.unit = Some([b, "s"].concat());
        f.noun = Some((k, k + 1));
        return Some(f);
    }
    None
}

/// `a week and a half`, `an hour`, `half a mile`, `a quarter-mile`, `a mile and a quarter`:
/// one of a unit, or a fraction of one, in words.
pub(super) fn unit_in_words(r: &Reader, k: usize) -> Option<Found> {
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
pub(super) fn share_of(r: &Reader, k: usize) -> Option<Found> {
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
pub(super) fn magnitude_words(r: &Reader, k: usize) -> Option<Found> {
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
