//! Finding figures in a paragraph's tokens: counts (`43,000 soldiers`, `THREE people`,
//! `a dozen`, `dozens of homes`), money (`$4.5bn`, `CZK 318bn`, `286 billion crowns`,
//! `61 cents`, wire-style `e80 million`), percentages (`7 per cent`, `seven in ten`),
//! measures (`145 mph`, `41.2C`, `magnitude-5.2`, `half a mile`), durations (`36 hours`,
//! `a week and a half`, `eight-hour`), ages (`71-year-old`), ranges (`between 30 and 40`),
//! levels (`Level IV`) and ordinals; dates and times are read in [`super::when`].
//! Each is found with its value, the unit it reports and where its counted noun stands.
//! By phase: [`number`], then what follows it ([`measures`], [`nouns`]) and [`ranges`].

mod measures;
mod nouns;
mod number;
mod ranges;
mod reader;

use super::numbers::{digits, ordinal, roman, scale_word, split_digits, written_step};
use crate::analysis::model::{FigureKind, Value};
use measures::{
    after_number, currency_before, glued_unit, hyphenated, magnitude_words, share_of, unit_in_words, with_scale_after,
};
pub use nouns::{STATE_WORDS, counted_noun};
pub use number::number_at;
use ranges::{between, range_after};
pub use reader::{Found, Reader};
use std::borrow::Cow;

/// Counts, money, percentages, measures, durations and ages starting at token `k`.
pub fn quantity_at(r: &Reader, k: usize) -> Option<Found> {
    // currency before the number: `$4.5bn`, `US$ 3m`, `€300m`, `CZK 318bn`
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
        assert_eq!(one("a shortfall of CZK 318bn this year").2, 318e9);
        assert_eq!(one("a shortfall of CZK 318bn").3, s("CZK"));
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
