//! Whether two figures are the same quantity: their frames agree. The same kind of value in
//! one dimension (and currency), the same event, things that count the same (`residents`
//! and `people`, `roles` and `jobs`), the same time (neither an earlier event, a forecast
//! against a result, another year or day), neither a part of a larger figure nor what is
//! left of one, and the same place when a sentence puts one elsewhere.

use crate::analysis::figures::words;
use crate::analysis::model::{Figure, FigureKind};

/// The key under which figures that could be one quantity meet: kind, unit family, event.
/// `None` for a figure that is never compared (no event, a part, an ordinal).
pub fn key(f: &Figure) -> Option<(FigureKind, &str, &'static str)> {
    let fr = &f.frame;
    if fr.part || matches!(f.kind, FigureKind::Ordinal | FigureKind::Other) {
        return None;
    }
    let event = fr.event.name().or_else(|| (f.unit.as_deref() == Some("magnitude")).then_some("magnitude"))?;
    // a date or time is compared only as when something began, ended or met
    // a date is compared only as when something began, ended, failed or met (a report's
    // other days are of other things)
    let when_of = matches!(event, "began" | "ended" | "met" | "closed" | "opened" | "failed");
    if f.kind == FigureKind::Date && !when_of {
        return None;
    }
    let family: &str = match f.kind {
        FigureKind::Money => f.unit.as_deref()?,
        FigureKind::Measure | FigureKind::Duration => match f.unit.as_deref() {
            Some("years old") => "age",
            // plain `degrees` may be Celsius or Fahrenheit: only with its own kind
            Some("degrees") => "degrees",
            Some(u) => crate::analysis::figures::units::to_base(1.0, u).map_or(u, |(d, _)| dim_name(d)),
            None => return None,
        },
        FigureKind::Percent => "%",
        FigureKind::Count => {
            // people of any kind meet; the classes decide below
            match fr.counted.name() {
                Some(c) if words::counted(c).is_some_and(|x| x.person) => "person",
                Some(c) => words::family(c),
                None => f.unit.as_deref().map_or("", |u| u.split(' ').next().unwrap_or(u)),
            }
        }
        FigureKind::Date | FigureKind::Time => "",
        FigureKind::Ordinal | FigureKind::Other => return None,
    };
    Some((f.kind, family, event))
}

fn dim_name(d: crate::analysis::figures::units::Dimension) -> &'static str {
    use crate::analysis::figures::units::Dimension as D;
    match d {
        D::Length => "length",
        D::Area => "area",
        D::Speed => "speed",
        D::Temperature => "temperature",
        D::Mass => "mass",
        D::Volume => "volume",
        D::Data => "data",
        D::Power => "power",
        D::Magnitude => "magnitude",
        D::Duration => "duration",
        D::Percent => "percent",
        D::Money => "money",
        D::Count => "count",
    }
}

/// Whether `a` and `b` (of one key) are the same quantity. `report_year` gives each one's
/// report year (a figure that names the year it is reported in is about the same time as
/// one that names none).
pub fn same_quantity(a: &Figure, b: &Figure, year_of: &dyn Fn(&Figure) -> Option<i32>) -> bool {
    let (fa, fb) = (&a.frame, &b.frame);
    if fa.part || fb.part || fa.when != fb.when || fa.remaining != fb.remaining || fa.zone != fb.zone {
        return false;
    }
    if fa.event != fb.event {
        return false;
    }
    // a figure of a named year meets only one of the same year: a report that names the
    // year sets it apart from what it does not (`this year's deficit` and next year's)
    if fa.year != fb.year {
        let _ = year_of;
        return false;
    }
    if let (Some(x), Some(y)) = (fa.day, fb.day)
        && (x - y).abs() > 1
    {
        return false;
    }
    if a.kind == FigureKind::Count {
        let same = match (fa.counted.name().and_then(words::counted), fb.counted.name().and_then(words::counted)) {
            (Some(x), Some(y)) => words::same_things(x, y, fa.event.name()),
            // a noun the lexicon does not know counts only itself
            (None, None) => match (a.unit.as_deref(), b.unit.as_deref()) {
                (Some(x), Some(y)) => words::singular(x) == words::singular(y),
                _ => false,
            },
            _ => false,
        };
        if !same {
            return false;
        }
    }
    // an age, a finishing time, a winning margin are a person's: the same person's
    let personal = a.unit.as_deref() == Some("years old")
        || matches!(fa.event.name(), Some("finished" | "margin" | "won" | "age"));
    if personal && (a.subject.is_none() || a.subject != b.subject) {
        return false;
    }
    true
}

/// Whether two sentences' places can be one place: either names none, or they share one,
/// or one names a country the other's place lies in, or a place's name holds the other's
/// (`Southwest Louisiana` and `Louisiana`).
pub fn same_place(a: &[&str], b: &[&str]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let lex = crate::analysis::lexicon::lexicon();
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    a.iter().any(|x| {
        b.iter().any(|y| {
            x == y || lex.country_of(y).is_some_and(|c| c == *x) || lex.country_of(x).is_some_and(|c| c == *y) || {
                let (wx, wy) = (words(x), words(y));
                wx.iter().all(|w| wy.contains(w)) || wy.iter().all(|w| wx.contains(w))
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::{Frame, Hedge, Value, When, WordClass};

    fn count(text: &str, v: f64, counted: &'static str, event: &'static str) -> Figure {
        Figure {
            at: crate::analysis::Span { article: std::sync::Arc::from("x"), paragraph: 0, start: 0, end: 0 },
            text: text.into(),
            kind: FigureKind::Count,
            value: Value::Number(v),
            unit: Some(counted.into()),
            measure: None,
            approx: false,
            claimed_by: None,
            bound: None,
            subject: None,
            sentence_start: 0,
            sentence_end: 0,
            frame: Frame {
                hedge: Hedge::Exact,
                step: 1.0,
                counted: WordClass(words::counted(counted).map(|c| c.class)),
                event: WordClass(Some(event)),
                ..Frame::default()
            },
        }
    }

    fn same(a: &Figure, b: &Figure) -> bool {
        key(a).is_some() && key(a) == key(b) && same_quantity(a, b, &|_| Some(2025))
    }

    #[test]
    fn the_same_things_under_the_same_event() {
        assert!(same(
            &count("8,000", 8000.0, "residents", "sheltered"),
            &count("9,500", 9500.0, "people", "sheltered")
        ));
        assert!(same(&count("650", 650.0, "roles", "cut"), &count("400", 400.0, "jobs", "cut")));
        assert!(
            !same(&count("12", 12.0, "people", "killed"), &count("40", 40.0, "people", "injured")),
            "killed and injured"
        );
        assert!(!same(&count("212", 212.0, "passengers", "aboard"), &count("6", 6.0, "crew", "aboard")));
        assert!(
            same(&count("230", 230.0, "migrants", "aboard"), &count("200", 200.0, "passengers", "aboard")),
            "people of two kinds meet in one key"
        );
    }

    #[test]
    fn places_that_cannot_be_one() {
        assert!(same_place(&["Louisiana"], &["Cameron", "Southwest Louisiana"]));
        assert!(same_place(&[], &["Riverton"]));
        assert!(!same_place(&["Riverton"], &["Lakeport"]));
        assert!(same_place(&["Indonesia"], &["Jakarta"]), "a city in the country named");
    }

    #[test]
    fn parts_earlier_events_forecasts_and_years_are_other_quantities() {
        let total = count("31", 31.0, "people", "injured");
        let mut part = count("four", 4.0, "people", "injured");
        part.frame.part = true;
        assert!(!same(&total, &part));
        let mut then = count("23", 23.0, "people", "killed");
        then.frame.when = When::Earlier;
        assert!(!same(&count("4", 4.0, "people", "killed"), &then));
        let mut next = count("286", 286.0, "people", "killed");
        next.frame.year = Some(2026);
        let mut this = count("241", 241.0, "people", "killed");
        this.frame.year = Some(2025);
        assert!(!same(&next, &this));
        assert!(!same(&next, &count("300", 300.0, "people", "killed")), "a figure of another year than the report's");
        let mut now = count("300", 300.0, "people", "killed");
        now.frame.year = Some(2025);
        assert!(!same(&now, &count("310", 310.0, "people", "killed")), "a report that names this year sets it apart");
    }
}
