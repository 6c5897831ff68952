//! When two figures disagree: the same kind, unit and measure of the same subject, with
//! values that differ beyond what their wording allows. Precision first: when unsure, don't.

use crate::analysis::model::{Bound, Figure, FigureKind, Value};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub measure: String,
    pub a: Figure,
    pub b: Figure,
    pub reason: String,
}

/// How strict the subject test is for figures of two different articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One article: a claim and its rebuttal.
    SameArticle,
    /// Two articles a reader chose to compare, or that share their main entities.
    Related,
    /// Two articles with nothing known in common: only an explicit common subject counts.
    Unrelated,
}

fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    if w.ends_with("ies") && w.len() > 4 {
        format!("{}y", &w[..w.len() - 3])
    } else if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// A key under which figures can conflict at all: kind, unit and measure.
pub fn key(f: &Figure) -> Option<String> {
    let measure = f.measure.as_deref()?;
    let kind = match f.kind {
        FigureKind::Ordinal | FigureKind::Other => return None,
        FigureKind::Count if f.unit.is_none() => return None,
        k => k,
    };
    let unit = match f.kind {
        FigureKind::Duration => "time".to_string(),
        _ => f.unit.as_deref().map(singular).unwrap_or_default(),
    };
    // a bare unit (`years`, `people`) says what is counted but not what happened: no conflict
    // without an event (`people killed`, `soldiers lost`); ages belong to persons, not events
    let has_event = match f.kind {
        FigureKind::Date | FigureKind::Time => true,
        FigureKind::Measure if f.unit.as_deref() == Some("magnitude") => true,
        _ => f.unit.as_deref().is_some_and(|u| measure.len() > u.len() && measure.starts_with(u)),
    };
    if !has_event || measure.ends_with(" age") || f.unit.as_deref() == Some("years old") {
        return None;
    }
    // durations in different units measure one thing: `36 hours` and `two days` both `lasted`
    let measure = match (f.kind, f.unit.as_deref()) {
        (FigureKind::Duration, Some(u)) => measure.strip_prefix(u).map_or(measure, str::trim_start),
        _ => measure,
    };
    let m: Vec<String> = measure.split_whitespace().map(singular).collect();
    Some(format!("{kind:?}|{unit}|{}", m.join(" ")))
}

fn seconds(unit: &str) -> f64 {
    match unit {
        "seconds" => 1.0,
        "minutes" => 60.0,
        "hours" => 3600.0,
        "days" => 86_400.0,
        "weeks" => 604_800.0,
        "months" => 2_629_800.0,
        "years" => 31_557_600.0,
        "decades" => 315_576_000.0,
        "centuries" => 3_155_760_000.0,
        _ => 1.0,
    }
}

fn number(f: &Figure) -> Option<f64> {
    let v = f.value.as_f64()?;
    Some(if f.kind == FigureKind::Duration { v * seconds(f.unit.as_deref().unwrap_or("")) } else { v })
}

/// Whether the values disagree, and a note on bounds when they only seem to.
fn disagree(a: &Figure, b: &Figure) -> Option<Option<String>> {
    match (&a.value, &b.value) {
        (Value::Text(x), Value::Text(y)) => {
            let full =
                |s: &str| (s.len() == 10 && s.as_bytes()[4] == b'-') || (s.len() == 5 && s.as_bytes()[2] == b':');
            (full(x) && full(y) && x != y).then_some(None)
        }
        _ => {
            let (x, y) = (number(a)?, number(b)?);
            let rel = (x - y).abs() / x.abs().max(y.abs()).max(1e-9);
            if rel < 1e-9 {
                return None;
            }
            let hedged = (a.approx && a.bound.is_none()) || (b.approx && b.bound.is_none());
            if hedged && rel <= 0.1 {
                return None;
            }
            let note = bound_note(a, x, b, y).or_else(|| bound_note(b, y, a, x));
            Some(note)
        }
    }
}

fn bound_note(a: &Figure, x: f64, b: &Figure, y: f64) -> Option<String> {
    match a.bound? {
        Bound::Lower if y >= x => Some(format!("{} is above the lower bound {}: possibly an update", b.text, a.text)),
        Bound::Upper if y <= x => Some(format!("{} is within the upper bound {}", b.text, a.text)),
        _ => None,
    }
}

/// A date that names one day: written as a calendar date, or resolved from a weekday or
/// `yesterday` against the article's date (`met on Sunday` in a report of Tuesday 14 November).
fn full_date(f: &Figure) -> bool {
    matches!(&f.value, Value::Text(v) if v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-')
}

fn subjects_fit(a: &Figure, b: &Figure, scope: Scope) -> bool {
    match (&a.subject, &b.subject) {
        (Some(x), Some(y)) => x == y,
        (None, None) | (Some(_), None) | (None, Some(_)) => scope != Scope::Unrelated,
    }
}

/// The measure as a reason shows it: without the unit where the figures' own text says it
/// (`36 hours vs two days lasted`, `$1.2 billion vs $800 million cost`).
fn shown_measure<'m>(f: &Figure, measure: &'m str) -> &'m str {
    match (f.kind, f.unit.as_deref()) {
        (FigureKind::Money | FigureKind::Duration | FigureKind::Percent | FigureKind::Measure, Some(u)) => {
            measure.strip_prefix(u).map_or(measure, str::trim_start)
        }
        _ => measure,
    }
}

pub fn reason(a: &Figure, b: &Figure, measure: &str, note: Option<&str>) -> String {
    let shown = shown_measure(a, measure);
    let mut r = if matches!(a.kind, FigureKind::Date | FigureKind::Time) {
        format!("{} vs {} ({shown})", a.text, b.text)
    } else {
        format!("{} vs {} {shown}", a.text, b.text).trim_end().to_string()
    };
    if a.claimed_by.is_some() || b.claimed_by.is_some() {
        let who = |f: &Figure| f.claimed_by.clone().unwrap_or_else(|| "unattributed".into());
        r.push_str(&format!(" (claimed by {} vs {})", who(a), who(b)));
    }
    if let Some(n) = note {
        r.push_str(&format!("; {n}"));
    }
    r
}

/// Checks one pair.
pub fn check(a: &Figure, b: &Figure, scope: Scope) -> Option<Conflict> {
    if key(a)? != key(b)? {
        return None;
    }
    check_keyed(a, b, scope)
}

/// Checks one pair whose keys are known to be equal.
fn check_keyed(a: &Figure, b: &Figure, scope: Scope) -> Option<Conflict> {
    if a.article == b.article && a.paragraph == b.paragraph && a.start == b.start {
        return None;
    }
    if !subjects_fit(a, b, scope) {
        return None;
    }
    // a bare count with no event word (`four regions`) compares only inside one article or with a named subject
    let measure = a.measure.as_deref().unwrap_or_default();
    if scope != Scope::SameArticle && a.kind == FigureKind::Count && !measure.contains(' ') && a.subject.is_none() {
        return None;
    }
    match scope {
        // a claim and its rebuttal: two different people state the figures
        Scope::SameArticle => {
            let both = a.claimed_by.is_some() && b.claimed_by.is_some() && a.claimed_by != b.claimed_by;
            if !both || matches!(a.kind, FigureKind::Date | FigureKind::Time) {
                return None;
            }
        }
        // two reports: the sentences must not name different things, nor different years
        _ => {
            if !a.context.iter().any(|x| b.context.contains(x)) {
                return None;
            }
            if !a.years.is_empty() && !b.years.is_empty() && !a.years.iter().any(|y| b.years.contains(y)) {
                return None;
            }
            // dates, times and physical measures compare only for one named subject
            let named = a.subject.is_some() && a.subject == b.subject;
            if matches!(a.kind, FigureKind::Date | FigureKind::Time | FigureKind::Measure) && !named {
                return None;
            }
            // a calendar date, or a weekday or `yesterday` the article's own date resolved
            if a.kind == FigureKind::Date && !(full_date(a) && full_date(b)) {
                return None;
            }
            // orders of magnitude apart: a figure of another event, not a disagreement
            if let (Some(x), Some(y)) = (a.value.as_f64(), b.value.as_f64())
                && x.abs().max(y.abs()) > 20.0 * x.abs().min(y.abs())
            {
                return None;
            }
        }
    }
    let note = disagree(a, b)?;
    let reason = reason(a, b, measure, note.as_deref());
    Some(Conflict { measure: measure.to_string(), a: a.clone(), b: b.clone(), reason })
}

/// How many figures of other articles, later in the corpus and sharing a name with it, one
/// figure is compared with. Reports of one event sit close together in an archive; the bound
/// keeps a measure repeated in thousands of reports (`people killed` near `Ukraine`) linear.
pub const WINDOW: usize = 256;

/// Conflicts among `figs`, grouped by key so the work grows with group sizes, not all pairs.
/// `scope_of` says how two articles relate.
///
/// Inside a group, figures of one article are all compared (a claim and its rebuttal); figures
/// of two articles only when their sentences share a name (`check` demands it), so they are
/// met through an index of those names, each figure with at most [`WINDOW`] later ones.
pub fn among<'a>(figs: impl IntoIterator<Item = &'a Figure>, scope_of: &dyn Fn(&str, &str) -> Scope) -> Vec<Conflict> {
    let mut groups: HashMap<String, Vec<&Figure>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for f in figs {
        if let Some(k) = key(f) {
            if !groups.contains_key(&k) {
                order.push(k.clone());
            }
            groups.entry(k).or_default().push(f);
        }
    }
    let mut out: Vec<Conflict> = Vec::new();
    // a corpus of thousands of reports repeats measures and article pairs: the pair's scope is
    // worked out once, and a conflict already reported is found by hashing, not by a scan
    let mut scopes: HashMap<(&str, &str), Scope> = HashMap::new();
    let mut seen: HashSet<(String, String, String, String, String)> = HashSet::new();
    for k in order {
        let g = &groups[&k];
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        // one article's figures: consecutive in the input, every pair
        let mut by_article: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, f) in g.iter().enumerate() {
            by_article.entry(&*f.article).or_default().push(i);
            for c in f.context.iter() {
                let list = by_name.entry(&**c).or_default();
                // a name twice in one sentence's context: once in its list
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for list in by_article.values() {
            for (n, &i) in list.iter().enumerate() {
                pairs.extend(list[n + 1..].iter().map(|&j| (i, j)));
            }
        }
        for (name, list) in &by_name {
            for (n, &i) in list.iter().enumerate() {
                let a = g[i];
                for &j in list[n + 1..].iter().filter(|&&j| g[j].article != a.article).take(WINDOW) {
                    // a pair sharing several names is taken under the first one `a` names
                    let first = a.context.iter().find(|c| g[j].context.contains(c));
                    if first.map(|f| &**f) == Some(*name) {
                        pairs.push((i, j));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (i, j) in pairs {
            let (x, y) = (&*g[i].article, &*g[j].article);
            let scope = if x == y {
                Scope::SameArticle
            } else {
                *scopes.entry(if x < y { (x, y) } else { (y, x) }).or_insert_with(|| scope_of(x, y))
            };
            if let Some(c) = check_keyed(g[i], g[j], scope) {
                let key = (
                    c.measure.clone(),
                    c.a.text.to_string(),
                    c.b.text.to_string(),
                    c.a.article.to_string(),
                    c.b.article.to_string(),
                );
                if seen.insert(key) {
                    out.push(c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(article: &str, text: &str, v: f64, unit: &str, measure: &str, approx: bool, bound: Option<Bound>) -> Figure {
        Figure {
            article: article.into(),
            paragraph: 0,
            start: text.len() as u32,
            end: text.len() as u32 * 2,
            text: text.into(),
            kind: FigureKind::Count,
            value: Value::Number(v),
            unit: Some(unit.into()),
            measure: Some(measure.into()),
            approx,
            claimed_by: None,
            bound,
            subject: None,
            context: vec!["Lakeside".into()].into(),
            years: Box::default(),
        }
    }

    #[test]
    fn different_values_same_measure_conflict() {
        let mut a = fig("x", "900", 900.0, "sailors", "sailors lost", false, None);
        let mut b = fig("x", "90", 90.0, "sailors", "sailors lost", false, None);
        assert!(check(&a, &b, Scope::SameArticle).is_none(), "one article needs two claimants");
        a.claimed_by = Some("Ann Ek".into());
        b.claimed_by = Some("Bo Lind".into());
        let c = check(&a, &b, Scope::SameArticle).unwrap();
        assert_eq!(c.reason, "900 vs 90 sailors lost (claimed by Ann Ek vs Bo Lind)");
        let c = check(&a, &b, Scope::Related).unwrap();
        assert!(c.reason.starts_with("900 vs 90"));
    }

    #[test]
    fn hedged_values_close_enough_agree() {
        let a = fig("x", "about 250,000", 250_000.0, "people", "people displaced", true, None);
        let b = fig("y", "a quarter of a million", 250_000.0, "people", "people displaced", false, None);
        assert!(check(&a, &b, Scope::Related).is_none());
        let a = fig("x", "around 6,000", 6000.0, "jobs", "jobs cut", true, None);
        let b = fig("y", "roughly 6,100", 6100.0, "jobs", "jobs cut", true, None);
        assert!(check(&a, &b, Scope::Related).is_none());
    }

    #[test]
    fn different_measures_never_conflict() {
        let a = fig("x", "500", 500.0, "sailors", "sailors lost", false, None);
        let b = fig("y", "300", 300.0, "sailors", "sailors wounded", false, None);
        assert!(check(&a, &b, Scope::Related).is_none());
    }

    #[test]
    fn lower_bound_is_reported_with_a_note() {
        let a = fig("x", "at least 30", 30.0, "people", "people killed", true, Some(Bound::Lower));
        let b = fig("y", "45", 45.0, "people", "people killed", false, None);
        let c = check(&a, &b, Scope::Related).unwrap();
        assert!(c.reason.contains("possibly an update"), "{}", c.reason);
    }

    #[test]
    fn different_subjects_or_unrelated_articles_do_not_conflict() {
        let mut a = fig("x", "12", 12.0, "people", "people killed", false, None);
        let mut b = fig("y", "40", 40.0, "people", "people killed", false, None);
        a.subject = Some("Chile".into());
        b.subject = Some("Peru".into());
        assert!(check(&a, &b, Scope::Related).is_none());
        a.subject = None;
        b.subject = None;
        assert!(check(&a, &b, Scope::Unrelated).is_none());
    }

    #[test]
    fn reports_meet_through_shared_names_within_a_window() {
        // the same measure in many reports near one name: each figure meets at most WINDOW later ones
        let figs: Vec<Figure> = (0..WINDOW + 40)
            .map(|i| {
                fig(&format!("r{i:04}"), &format!("{}", 100 + i), (100 + i) as f64, "boats", "boats sunk", false, None)
            })
            .collect();
        let all = among(figs.iter(), &|_, _| Scope::Related);
        let first = all.iter().filter(|c| &*c.a.article == "r0000" || &*c.b.article == "r0000").count();
        assert_eq!(first, WINDOW);
        // a figure whose sentence names something else is never met
        let mut other = fig("z", "7", 7.0, "boats", "boats sunk", false, None);
        other.context = vec!["Hillford".into()].into();
        let all = among(figs.iter().take(3).chain([&other]), &|_, _| Scope::Related);
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(all.iter().all(|c| &*c.a.article != "z" && &*c.b.article != "z"));
    }
}
