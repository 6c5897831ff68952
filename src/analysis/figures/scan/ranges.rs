//! Ranges: `between 30 and 40`, `30-40`, `30 to 40`.
use super::super::units::{self};
use super::measures::{after_number, with_scale_after};
use super::number::number_at;
use super::reader::{Found, Reader};
use crate::analysis::model::{FigureKind, Hedge, Value};

/// `between 30 and 40 people`: one figure, a range.
pub(super) fn between(r: &Reader, k: usize) -> Option<Found> {
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
pub(super) fn range_after(r: &Reader, f: Found) -> Found {
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
