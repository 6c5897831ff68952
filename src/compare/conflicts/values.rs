//! Whether two values can both be true: each figure's value as the interval its wording
//! allows (the rounding of its digits, `about` a twentieth either way, `nearly` a tenth
//! below, `at least` and above, a range, an order of magnitude), in its dimension's base
//! unit (`5 km` and `about 3 miles` meet; `1.2m` and `1,200,000` are one value).

use crate::analysis::figures::units::{self, Dimension};
use crate::analysis::model::{Figure, FigureKind, Hedge, Value};

/// A figure's value as an interval of base units, with its dimension; `None` for what
/// cannot be compared (a date without its day, an ordinal, a value in no known unit).
pub fn interval(f: &Figure) -> Option<(Dimension, f64, f64)> {
    match f.kind {
        FigureKind::Date => {
            let Value::Text(t) = &f.value else { return None };
            let d = crate::text::date::find_date(t).filter(|_| t.len() == 10)?.2.to_days() as f64;
            return Some((Dimension::Duration, d, d));
        }
        FigureKind::Time => {
            let Value::Text(t) = &f.value else { return None };
            let (h, m) = t.split_once(':')?;
            let minutes = h.parse::<f64>().ok()? * 60.0 + m.parse::<f64>().ok()?;
            let (lo, hi) = match f.frame.hedge {
                Hedge::About => (minutes - 15.0, minutes + 15.0),
                Hedge::Lower => (minutes, minutes + 30.0),
                Hedge::Nearly | Hedge::Upper => (minutes - 30.0, minutes),
                _ => (minutes, minutes),
            };
            return Some((Dimension::Duration, lo, hi));
        }
        FigureKind::Ordinal | FigureKind::Other => return None,
        _ => {}
    }
    let v = f.value.as_f64()?;
    let unit = f.unit.as_deref().unwrap_or_default();
    let (dim, scale) = match f.kind {
        FigureKind::Measure | FigureKind::Duration => {
            if unit == "years old" {
                (Dimension::Duration, 1.0)
            } else {
                let (dim, base) = units::to_base(v, unit)?;
                // temperatures convert by a formula: their steps by its slope
                (dim, if v == 0.0 { 1.0 } else { base / v })
            }
        }
        FigureKind::Money => (Dimension::Money, 1.0),
        FigureKind::Percent => (Dimension::Percent, 1.0),
        _ => (Dimension::Count, 1.0),
    };
    let base = if dim == Dimension::Temperature { units::to_base(v, unit)?.1 } else { v * scale };
    // the rounding the digits allow, just under half a step (`4.3 billion`: 4.25 to 4.35);
    // a whole number is as written, step 0 (2 and 3 people never meet, `$5m` is five million)
    let half = f64::from(f.frame.step).max(0.0) * scale.abs() * 0.49;
    let high = f.frame.high.map(|h| f64::from(h) * scale);
    let (lo, hi) = match f.frame.hedge {
        Hedge::Exact => (base - half, base + half),
        Hedge::About => {
            // a time span written in words (`a week and a half`) is rounder than digits
            let slack = if f.kind == FigureKind::Duration { 0.1 } else { 0.03 };
            (base * (1.0 - slack) - half, base * (1.0 + slack) + half)
        }
        Hedge::Nearly => (base * 0.9 - half, base + half),
        Hedge::Lower => (base - half, f64::INFINITY),
        Hedge::Upper => (f64::NEG_INFINITY.max(0.0_f64.min(base)), base + half),
        Hedge::Range => (base - half, high.unwrap_or(base) + half),
        Hedge::Magnitude => (base, high.unwrap_or(base * 10.0)),
    };
    // a duration in words (`a week and a half`, `two days`) is never to the hour
    let words = f.kind == FigureKind::Duration && f.text.chars().next().is_some_and(char::is_alphabetic);
    let (lo, hi) = if words { (lo.min(base * 0.9), hi.max(base * 1.1)) } else { (lo, hi) };
    Some((dim, lo.min(hi), hi.max(lo)))
}

/// Whether the two figures' values cannot both be true (both in one dimension).
pub fn disagree(a: &Figure, b: &Figure) -> bool {
    let (Some((da, mut alo, mut ahi)), Some((db, mut blo, mut bhi))) = (interval(a), interval(b)) else { return false };
    if da != db {
        return false;
    }
    // a value converted from another unit is rounded in it: a little slack each way
    if a.unit != b.unit && matches!(a.kind, FigureKind::Measure | FigureKind::Duration) {
        (alo, ahi, blo, bhi) = (alo * 0.985, ahi * 1.015, blo * 0.985, bhi * 1.015);
    }
    // a hair of slack for floating point and conversions
    let eps = 1e-9 * alo.abs().max(blo.abs()).max(1.0);
    ahi + eps < blo || bhi + eps < alo
}

/// How many times larger the larger value is (as written, in base units); 1 for what has
/// no number.
pub fn apart(a: &Figure, b: &Figure) -> f64 {
    let base = |f: &Figure| -> Option<f64> {
        let v = f.value.as_f64()?;
        match f.kind {
            FigureKind::Count | FigureKind::Money | FigureKind::Percent => Some(v),
            FigureKind::Measure => units::to_base(v, f.unit.as_deref()?).map(|x| x.1),
            _ => None,
        }
    };
    match (base(a), base(b)) {
        (Some(x), Some(y)) => {
            let (lo, hi) = if x.abs() < y.abs() { (x.abs(), y.abs()) } else { (y.abs(), x.abs()) };
            if lo <= 0.0 { f64::INFINITY } else { hi / lo }
        }
        _ => 1.0,
    }
}

/// A note when one figure is a bound the other only seems to break (`at least 30` vs `45`).
pub fn bound_note(a: &Figure, b: &Figure) -> Option<String> {
    let (x, y) = (a.value.as_f64()?, b.value.as_f64()?);
    match (a.frame.hedge, b.frame.hedge) {
        (Hedge::Lower, _) if y > x => {
            Some(format!("{} is above the lower bound {}: possibly an update", b.text, a.text))
        }
        (_, Hedge::Lower) if x > y => {
            Some(format!("{} is above the lower bound {}: possibly an update", a.text, b.text))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::Frame;

    pub(crate) fn fig(text: &str, kind: FigureKind, v: f64, unit: &str, hedge: Hedge) -> Figure {
        Figure {
            at: crate::analysis::Span { article: std::sync::Arc::from("x"), paragraph: 0, start: 0, end: 0 },
            text: text.into(),
            kind,
            value: Value::Number(v),
            unit: Some(unit.into()),
            measure: None,
            approx: hedge != Hedge::Exact,
            claimed_by: None,
            bound: None,
            subject: None,
            sentence_start: 0,
            sentence_end: 0,
            frame: Frame { hedge, step: 0.0, ..Frame::default() },
        }
    }

    fn count(text: &str, v: f64, hedge: Hedge) -> Figure {
        fig(text, FigureKind::Count, v, "people", hedge)
    }

    #[test]
    fn bounds_and_hedges() {
        assert!(disagree(&count("12", 12.0, Hedge::Exact), &count("19", 19.0, Hedge::Exact)));
        assert!(disagree(&count("two", 2.0, Hedge::Exact), &count("three", 3.0, Hedge::Exact)), "neighbouring counts");
        assert!(!disagree(
            &count("about 250,000", 250_000.0, Hedge::About),
            &count("a quarter of a million", 250_000.0, Hedge::Exact)
        ));
        assert!(
            !disagree(&count("at least 17", 17.0, Hedge::Lower), &count("20", 20.0, Hedge::Exact)),
            "a lower bound holds"
        );
        assert!(disagree(&count("at least 5", 5.0, Hedge::Lower), &count("one", 1.0, Hedge::Exact)));
        assert!(disagree(&count("some 230", 230.0, Hedge::About), &count("200", 200.0, Hedge::Exact)));
        assert!(disagree(
            &count("nearly 300,000", 300_000.0, Hedge::Nearly),
            &count("some 230,000", 230_000.0, Hedge::About)
        ));
        assert!(disagree(
            &count("some 14,000", 14_000.0, Hedge::About),
            &count("more than 15,000", 15_000.0, Hedge::Lower)
        ));
        assert!(!disagree(&count("more than 300", 300.0, Hedge::Lower), &count("about 350", 350.0, Hedge::About)));
        let mut tens = count("tens of thousands", 20_000.0, Hedge::Magnitude);
        tens.frame.high = Some(99_999.0);
        assert!(!disagree(&tens, &count("26,000", 26_000.0, Hedge::Exact)), "26,000 is tens of thousands");
    }

    #[test]
    fn units_and_rounding() {
        let km = fig("about 9 km", FigureKind::Measure, 9.0, "km", Hedge::About);
        let nm = fig("five nautical miles", FigureKind::Measure, 5.0, "nautical miles", Hedge::Exact);
        assert!(!disagree(&km, &nm), "five nautical miles are about 9 km");
        let c = fig("41.2C", FigureKind::Measure, 41.2, "C", Hedge::Exact);
        let mut f = fig("106.2F", FigureKind::Measure, 106.2, "F", Hedge::Exact);
        f.frame.step = 0.1;
        let mut c2 = c.clone();
        c2.frame.step = 0.1;
        assert!(!disagree(&c2, &f), "41.2C is 106.2F");
        let mut a = fig("$4.31 billion", FigureKind::Money, 4.31e9, "USD", Hedge::Exact);
        a.frame.step = 0.01e9;
        let mut b = fig("$4.3 billion", FigureKind::Money, 4.3e9, "USD", Hedge::Exact);
        b.frame.step = 0.1e9;
        assert!(!disagree(&a, &b), "$4.31 billion rounds to $4.3 billion");
        let h = fig("36 hours", FigureKind::Duration, 36.0, "hours", Hedge::Exact);
        let d = fig("a day and a half", FigureKind::Duration, 1.5, "days", Hedge::Exact);
        assert!(!disagree(&h, &d));
        let w = fig("a week and a half", FigureKind::Duration, 1.5, "weeks", Hedge::Exact);
        let ten = fig("10 days", FigureKind::Duration, 10.0, "days", Hedge::Exact);
        assert!(!disagree(&w, &ten), "a week and a half is about ten days");
        let six = fig("six hours", FigureKind::Duration, 6.0, "hours", Hedge::Exact);
        let eight = fig("nearly eight-hour", FigureKind::Duration, 8.0, "hours", Hedge::Nearly);
        assert!(disagree(&six, &eight));
    }
}
