//! The year each figure of a sentence is about, and the day nearest a figure.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::super::scan::{Found, Reader};
use crate::analysis::model::{FigureKind, Value};

/// The year each figure is about: a year right after a figure is its own (`1.9% in 2025`,
/// `2.3% next year`); one standing before figures frames those that follow it in the
/// sentence (`a draft 2026 budget with a deficit of 286 billion`, `In 2011, 23 died`).
pub(super) fn attach_years(r: &Reader, found: &[Found], report_year: Option<i32>) -> Vec<Option<i32>> {
    let year_of = |f: &Found| match (&f.value, f.kind) {
        (Value::Text(t), FigureKind::Date) if t.len() == 4 => t.parse::<i32>().ok(),
        _ => None,
    };
    let mut out = vec![None; found.len()];
    let mut frame: Option<i32> = None;
    // a full date of another year than the report's frames what follows too (`on Oct. 10,
    // 2002, ... killing three people`)
    let dated_year = |f: &Found| match (&f.value, f.kind) {
        (Value::Text(t), FigureKind::Date) if t.len() == 10 && r.w(f.last - 1).len() == 4 => {
            t[..4].parse::<i32>().ok().filter(|y| report_year != Some(*y))
        }
        _ => None,
    };
    for (i, f) in found.iter().enumerate() {
        if let Some(y) = dated_year(f) {
            frame = Some(y);
            continue;
        }
        if let Some(y) = year_of(f) {
            let prev = i.checked_sub(1).and_then(|j| found.get(j).map(|p| (j, p)));
            let post = prev.filter(|(_, p)| {
                p.kind != FigureKind::Date
                    && f.first.saturating_sub(p.after.max(p.last)) <= 3
                    && !(p.after.max(p.last)..f.first).any(|k| matches!(r.w(k), "," | ";" | "(" | "—"))
            });
            match post {
                Some((j, _)) => out[j] = Some(y),
                None => frame = Some(y),
            }
            continue;
        }
        out[i] = frame;
    }
    out
}

/// The value nearest token `k` among `(token, value)` pairs in text order, within `reach`.
pub(super) fn nearest(list: &[(usize, i32)], k: usize, reach: usize) -> Option<i32> {
    let at = list.partition_point(|(t, _)| *t < k);
    let before = at.checked_sub(1).and_then(|i| list.get(i));
    let after = list.get(at);
    let dist = |t: usize| t.abs_diff(k);
    match (before, after) {
        (Some(b), Some(a)) => Some(if dist(b.0) <= dist(a.0) { *b } else { *a }),
        (Some(b), None) => Some(*b),
        (None, Some(a)) => Some(*a),
        (None, None) => None,
    }
    .filter(|(t, _)| dist(*t) <= reach)
    .map(|(_, v)| v)
}
