//! A figure's quantity frame, read from the words around it in its clause: how its value is
//! bounded (`at least`, `about`, `nearly`), what it counts (its noun's class; a bare number
//! takes its coordinated neighbour's, or the people a human event implies), what happened
//! to that (`killing`, `were evacuated`, `the death toll rose to`, `without power`), when
//! (a year, `last year`, `previous`, `up from`; a forecast), and whether it is a part of a
//! larger figure (`of them`, `among the dead`, `including`, `four more`) or what is left
//! (`still`, `all but`). Every look is a few words wide: linear in the sentence.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

use super::scan::{Found, Reader, STATE_WORDS};
use super::words::{self, Counted};
use crate::analysis::model::{FigureKind, Hedge, Value, When};
use std::borrow::Cow;

/// What the words around a figure say of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Read {
    pub hedge: Hedge,
    /// Where the hedging words start (the figure's text does not include them).
    pub hedge_from: Option<usize>,
    pub counted: Option<Counted>,
    pub event: Option<&'static str>,
    pub when: When,
    pub year: Option<i32>,
    pub part: bool,
    pub remaining: bool,
    pub day: Option<i32>,
}

/// Hedging phrases before a figure, and the bound each makes.
const HEDGES: &[(&str, Hedge)] = &[
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("approximately", Hedge::About),
    ("roughly", Hedge::About),
    ("some", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("circa", Hedge::About),
    ("approx", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("not quite", Hedge::Nearly),
    ("shortly before", Hedge::Nearly),
    ("just before", Hedge::Nearly),
    ("up to", Hedge::Upper),
    ("as many as", Hedge::Upper),
    ("as much as", Hedge::Upper),
    ("fewer than", Hedge::Upper),
    ("less than", Hedge::Upper),
    ("under", Hedge::Upper),
    ("at most", Hedge::Upper),
    ("no more than", Hedge::Upper),
    ("a maximum of", Hedge::Upper),
    ("below", Hedge::Upper),
    ("over", Hedge::Lower),
    ("more than", Hedge::Lower),
    ("at least", Hedge::Lower),
    ("upwards of", Hedge::Lower),
    ("in excess of", Hedge::Lower),
    ("just over", Hedge::Lower),
    ("no fewer than", Hedge::Lower),
    ("no less than", Hedge::Lower),
    ("above", Hedge::Lower),
    ("exceeding", Hedge::Lower),
    ("shortly after", Hedge::Lower),
    ("just after", Hedge::Lower),
    ("soon after", Hedge::Lower),
];

/// `HEDGES` with each phrase in words, by the phrase's last word, the longest first.
type Phrases = rustc_hash::FxHashMap<&'static str, Vec<(Vec<&'static str>, Hedge)>>;
static HEDGE_WORDS: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
    let mut m: Phrases = rustc_hash::FxHashMap::default();
    for (p, h) in HEDGES {
        let words: Vec<&'static str> = p.split(' ').collect();
        if let Some(last) = words.last() {
            m.entry(last).or_default().push((words, *h));
        }
    }
    for v in m.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    m
});

/// A word's part in a figure's clause: what the markers below make of it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Forecast,
    Earlier,
    Other,
}

/// The single-word markers of a clause, in one map (a figure's clause asks for every word).
static MARKERS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Marker>> = std::sync::LazyLock::new(|| {
    let mut m = rustc_hash::FxHashMap::default();
    for w in FORECAST {
        m.insert(*w, Marker::Forecast);
    }
    for w in EARLIER {
        m.insert(*w, Marker::Earlier);
    }
    for w in ["another", "separate", "elsewhere", "unrelated"] {
        m.insert(w, Marker::Other);
    }
    m
});

/// The markers' shapes: most words of a clause are out in one look.
static MARKER_SHAPES: std::sync::LazyLock<crate::text::shape::Shapes> =
    std::sync::LazyLock::new(|| crate::text::shape::Shapes::new(MARKERS.keys().copied()));

/// Words marking a forecast, target or expectation in a figure's clause.
const FORECAST: &[&str] = &[
    "forecast",
    "forecasts",
    "forecasting",
    "expects",
    "expected",
    "expectation",
    "expectations",
    "projected",
    "projection",
    "projections",
    "predicted",
    "predicts",
    "prediction",
    "target",
    "goal",
    "guidance",
    "outlook",
    "estimate",
    "estimates",
    "sees",
    "anticipates",
    "anticipated",
    "consensus",
];

/// Words marking an earlier event or period in a figure's clause.
const EARLIER: &[&str] = &[
    "previous",
    "previously",
    "former",
    "prior",
    "earlier",
    "year-earlier",
    "year-ago",
    "old",
    "then-record",
    "initially",
    "originally",
];

/// Words between a figure and a following event word that do not end the link
/// (`were killed`, `have been evacuated`, `reportedly died`).
const AUX: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "reportedly",
    "also",
    "later",
    "all",
    "who",
    "which",
    "that",
    "now",
    "then",
    "got",
    "had",
    "already",
    "initially",
    "officially",
    "confirmed",
    "feared",
    "believed",
    "thought",
    "said",
    "to",
    "would",
    "will",
    "could",
    "may",
    "might",
    "remain",
    "remained",
    "remains",
    "still",
    "people",
    "more",
    "others",
    "other",
    "in",
    "on",
    "of",
    "the",
    "their",
    "its",
];

/// Words before a figure that do not end the link to an event word further back
/// (`the death toll rose to 11`, `the evacuation of about 90,000`).
const BACK_SKIP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "at",
    "stood",
    "rose",
    "reached",
    "hit",
    "was",
    "is",
    "climbed",
    "now",
    "had",
    "has",
    "risen",
    "been",
    "jumped",
    "stands",
    "put",
    "puts",
    "increased",
    "mounted",
    "total",
    "number",
    "figure",
    "official",
    "overall",
    "final",
    "some",
    "its",
    "their",
    "his",
    "her",
    "from",
    "by",
];

/// Events that happen to people: a bare number with one counts people.
const HUMAN_EVENTS: &[&str] = &[
    "killed",
    "injured",
    "injured_serious",
    "casualty",
    "missing",
    "rescued",
    "evacuated",
    "sheltered",
    "held",
    "arrested",
    "charged",
    "treated",
    "took_part",
    "infected",
    "aboard",
];

/// What a bare number counts under an event that is not a person's: a power cut is
/// counted in customers, cuts in jobs.
fn implied_class(event: &str) -> Option<&'static str> {
    match event {
        e if HUMAN_EVENTS.contains(&e) => Some("people"),
        "power_out" | "restored" => Some("customers"),
        "cut" | "hired" => Some("jobs"),
        _ => None,
    }
}

/// The events of what is counted, paid or shared: not a time's, a measure's or a person's.
static QUANTITY_EVENTS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    const NOT: &[&str] = &[
        "began",
        "ended",
        "met",
        "speed",
        "limit",
        "winds",
        "rain",
        "temperature",
        "height",
        "depth",
        "distance",
        "length",
        "margin",
        "finished",
        "age",
        "magnitude",
        "lasted",
    ];
    super::words::event_classes().into_iter().filter(|c| !NOT.contains(c)).collect()
});

/// Which events a figure may take: any, a measure's few, or the quantities' (a set: they
/// are many, and every event word near a figure is checked).
#[derive(Clone, Copy)]
enum Allowed {
    Any,
    These(&'static [&'static str]),
    Quantities,
}

impl Allowed {
    fn admits(self, event: &str) -> bool {
        match self {
            Allowed::Any => true,
            Allowed::These(list) => list.contains(&event),
            Allowed::Quantities => QUANTITY_SET.contains(event),
        }
    }
}

static QUANTITY_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| QUANTITY_EVENTS.iter().copied().collect());

/// The events a measure in one dimension can have, and its default.
fn measure_events(unit: &str) -> Option<(&'static [&'static str], Option<&'static str>)> {
    use super::units::Dimension as D;
    if unit == "years old" {
        return Some((&["age"], Some("age")));
    }
    let (dim, _) = super::units::to_base(1.0, unit)?;
    Some(match dim {
        D::Speed => (&["speed", "limit", "winds"], Some("speed")),
        D::Temperature => (&["temperature"], Some("temperature")),
        D::Magnitude => (&["magnitude"], Some("magnitude")),
        D::Length => (&["height", "depth", "distance", "length", "rain", "winds"], None),
        D::Duration => (&["margin", "finished", "won", "lasted", "held", "closed", "age"], None),
        _ => return None,
    })
}

fn at_phrase<'r>(r: &'r Reader, k: usize) -> impl Fn(usize) -> Option<Cow<'r, str>> + 'r {
    move |i| (k + i < r.end).then(|| r.l(k + i))
}

/// An event phrase: its class, its specificity and the token after it.
type Event = (&'static str, u8, usize);

/// The event phrase starting at token `k`, with its specificity and its last token.
fn event_at(r: &Reader, k: usize) -> Option<Event> {
    if !r.is_word(k) {
        return None;
    }
    let (p, n) = words::predicate_at(at_phrase(r, k))?;
    Some((p.class, p.specificity, k + n))
}

/// The event phrases of one sentence, each looked up once: every figure of the sentence
/// asks for the same tokens' events many times over.
struct Events<'r, 'p, 'a> {
    r: &'r Reader<'p, 'a>,
    slots: Vec<std::cell::OnceCell<Option<Event>>>,
}

impl<'r, 'p, 'a> Events<'r, 'p, 'a> {
    fn new(r: &'r Reader<'p, 'a>) -> Self {
        Self { r, slots: (r.start..r.end).map(|_| std::cell::OnceCell::new()).collect() }
    }

    fn at(&self, k: usize) -> Option<Event> {
        match k.checked_sub(self.r.start).and_then(|i| self.slots.get(i)) {
            Some(slot) => *slot.get_or_init(|| event_at(self.r, k)),
            None => event_at(self.r, k),
        }
    }
}

/// The hedge standing right before `first`, and where its words begin.
fn hedge_before(r: &Reader, first: usize) -> Option<(Hedge, usize)> {
    if first <= r.start {
        return None;
    }
    let list = HEDGE_WORDS.get(r.l(first - 1).as_ref())?;
    list.iter().find_map(|(phrase, h)| {
        let n = phrase.len();
        (first >= r.start + n && phrase.iter().enumerate().all(|(i, w)| r.is(first - n + i, w)))
            // (lazily: `first - n` only exists when the phrase fits)
            .then(|| (*h, first - n))
    })
}

/// Reads the frames of the figures `found` of one sentence (`r`), in text order, for a
/// report of `today`.
pub fn read_sentence(r: &Reader, found: &[Found], today: Option<crate::text::date::Date>) -> Vec<Read> {
    let report_year = today.map(|t| t.year);
    let mut out: Vec<Read> = Vec::with_capacity(found.len());
    let events = Events::new(r);
    let years = attach_years(r, found, report_year);
    // the sentence's days and months, by token: an event dated well before the report is
    // an earlier one
    let days: Vec<(usize, i32)> = found
        .iter()
        .filter(|f| f.kind == FigureKind::Date && !(f.first > r.start && r.is(f.first - 1, "since")))
        .filter_map(|f| match &f.value {
            Value::Text(t) if t.len() == 10 => crate::text::date::find_date(t).map(|x| (f.first, x.2.to_days() as i32)),
            Value::Text(t) if t.len() == 7 => {
                // a month counts by its last day: `the quarter to September` is current in October
                let (y, m) = (t[..4].parse().ok()?, t[5..].parse().ok()?);
                let d = crate::text::date::Date::new(y, m, crate::text::date::days_in_month(y, m))?;
                Some((f.first, d.to_days() as i32))
            }
            _ => None,
        })
        .collect();
    for (i, f) in found.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| found.get(j));
        let prev_end = prev.map_or(r.start, |p| p.after.max(p.last));
        let next_start = found.get(i + 1).map_or(r.end, |g| g.first);
        let mut read = Read::default();
        if let Some((h, from)) = hedge_before(r, f.first).filter(|(_, from)| *from >= prev_end.min(f.first)) {
            read.hedge = h;
            read.hedge_from = Some(from);
        }
        if f.hedge != Hedge::Exact {
            read.hedge = f.hedge;
        }
        let lead = read.hedge_from.unwrap_or(f.first);
        // `100 or so`, `100 or more`
        if r.is(f.last, "or") {
            match r.l(f.last + 1).as_ref() {
                "so" => read.hedge = Hedge::About,
                "more" => read.hedge = Hedge::Lower,
                _ => {}
            }
        }
        let is_joined = prev.is_some_and(|p| joined(r, p, f));
        let (adjacent, fallback) = event_of(&events, f, lead, prev, next_start);
        let implied = (f.kind == FigureKind::Count)
            .then(|| f.noun.and_then(|(a, _)| words::counted(&r.l(a))).and_then(|c| c.implies))
            .flatten();
        // next to it, else what its noun names, else its coordinated neighbour's, else
        // the clause's (a race time is a finishing time)
        let race_time = f.kind == FigureKind::Duration && r.w(f.first + 1) == ":" && r.w(f.first + 3) == ":";
        read.event = adjacent
            .or(implied)
            .or_else(|| {
                // a neighbour of the same sort shares its event (a date's is not a sum's)
                let same_sort =
                    prev.is_some_and(|p| !matches!(p.kind, FigureKind::Date | FigureKind::Time) || p.kind == f.kind);
                let e = if is_joined && same_sort { out.get(i - 1).and_then(|d| d.event) } else { None };
                e.filter(|e| {
                    !matches!(f.kind, FigureKind::Count | FigureKind::Money | FigureKind::Percent)
                        || QUANTITY_SET.contains(e)
                })
            })
            .or(fallback);
        if race_time {
            read.event = Some("finished");
        } else if f.kind == FigureKind::Duration {
            // `held for six hours` is how long it lasted; a margin is won `by` it
            let by = lead > r.start && r.is(lead - 1, "by");
            let behind = r.is(f.last, "behind") || r.is(f.last, "back");
            read.event = match read.event {
                Some("held") => Some("lasted"),
                Some("margin") if !(by || behind) => None,
                e => e,
            };
            if read.event.is_none() && by {
                read.event = Some("margin");
            }
        }
        // `power was restored to all but 25,000`: those are the ones still without it
        if read.event == Some("restored") && lead >= r.start + 2 && r.is(lead - 1, "but") && r.is(lead - 2, "all") {
            read.event = Some("power_out");
        }
        read.counted = counted_of(r, f, i, found, &out, read.event);
        // the words before it back to the figure before, and after it to the end of its clause
        // (a date after it is part of its clause: `died ... this year`)
        let mut upto = next_start;
        for g in &found[i + 1..] {
            if g.first != upto || !matches!(g.kind, FigureKind::Date | FigureKind::Time) {
                break;
            }
            upto = found.iter().find(|h| h.first > g.first).map_or(r.end, |h| h.first);
        }
        let clause_end = (f.after..upto).find(|&k| matches!(r.w(k), "," | ";" | ":" | "(" | "—")).unwrap_or(upto);
        let scope = (prev_end.min(lead)..lead).chain(f.after..clause_end);
        let (mut forecast, mut earlier, mut period, mut other) = (false, false, false, false);
        for k in scope {
            if !r.is_word(k) {
                continue;
            }
            let w = r.l(k);
            let marker = if MARKER_SHAPES.may_hold(&w) { MARKERS.get(w.as_ref()) } else { None };
            match marker {
                Some(Marker::Forecast) => forecast = true,
                Some(Marker::Earlier) => earlier = true,
                Some(Marker::Other) => other = true,
                None => {}
            }
            match w.as_ref() {
                "last" => earlier |= r.is(k + 1, "year") || r.is(k + 1, "time"),
                "at" => earlier |= r.is(k + 1, "first"),
                "a" => earlier |= r.is(k + 1, "year") && matches!(r.l(k + 2).as_ref(), "earlier" | "ago" | "before"),
                // `so far`, `to date`, `this year`, `year to date`: a total over a period
                "so" => period |= r.is(k + 1, "far"),
                "to" => period |= r.is(k + 1, "date"),
                "this" => period |= r.is(k + 1, "year"),
                // `since 27 December`, `since the offensive began`: a total since then (not
                // `have since been`)
                "since" => {
                    period |= r.w(k + 1).starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
                        || matches!(r.l(k + 1).as_ref(), "the" | "a" | "an" | "its" | "their" | "last");
                }
                _ => {}
            }
        }
        // `bringing the toll to 10`, `bringing to 10 the number of`: a running total
        if (lead.saturating_sub(5).max(r.start)..lead).any(|k| {
            matches!(
                r.l(k).as_ref(),
                "bringing" | "brings" | "brought" | "taking" | "takes" | "pushing" | "pushes" | "pushed"
            )
        }) && lead > r.start
            && matches!(r.l(lead - 1).as_ref(), "to" | "above" | "over" | "past")
        {
            period = true;
        }
        // `the course record of 2:04:52`: a best set before
        if lead >= r.start + 2 && r.is(lead - 1, "of") && r.is(lead - 2, "record") {
            earlier = true;
        }
        // `up from 342 million`, `rose from 7 to 11`: the value it changed from
        if lead > r.start && r.is(lead - 1, "from") && !(lead > r.start + 1 && r.is(lead - 2, "away")) {
            earlier = earlier || f.kind != FigureKind::Date;
        }
        read.when = if earlier {
            When::Earlier
        } else if period {
            When::Period
        } else if forecast {
            When::Forecast
        } else if is_joined {
            // `expects growth of 2.3% and inflation of 2.4%`: a coordinated figure shares it
            out[i - 1].when
        } else {
            When::Now
        };
        // `missed the course record by 45 seconds`: a distance to a record, not a race's margin
        if read.event == Some("margin") && (r.start..r.end).any(|k| r.is(k, "record")) {
            read.when = When::Earlier;
        }
        read.year = years.get(i).copied().flatten().filter(|_| f.kind != FigureKind::Date);
        if read.year.is_some_and(|y| report_year.is_some_and(|r| y < r)) && read.when == When::Now {
            read.when = When::Earlier;
        }
        if f.kind != FigureKind::Date {
            read.day = nearest(&days, f.first, 16);
            // a day or month more than a month before the report's is another event's; one
            // after it, a forecast
            if let (Some(d), Some(t)) = (read.day, today)
                && read.when == When::Now
            {
                if i64::from(d) + 31 < t.to_days() {
                    read.when = When::Earlier;
                } else if i64::from(d) > t.to_days() + 1 {
                    read.when = When::Forecast;
                }
            }
        }
        (read.part, read.remaining) = part_of(r, f, lead);
        read.part |= other;
        // `Five soldiers died on Wednesday, four from friendly fire`: a breakdown of the one before
        let breakdown = f.kind == FigureKind::Count
            && f.noun.is_none()
            && adjacent.is_none()
            && lead > r.start
            && r.w(lead - 1) == ","
            && found[..i]
                .iter()
                .rev()
                .find(|p| p.kind != FigureKind::Date && p.kind != FigureKind::Time)
                .is_some_and(|p| p.kind == FigureKind::Count && p.noun.is_some())
            && matches!(r.l(f.last).as_ref(), "from" | "in" | "by" | "at" | "with");
        read.part |= breakdown;
        // `two sons, 11 and 14`: ages after a count of people, not counts of their own
        let ages = f.kind == FigureKind::Count
            && f.noun.is_none()
            && lead > r.start
            && r.w(lead - 1) == ","
            && prev.is_some_and(|p| {
                p.kind == FigureKind::Count
                    && p.after + 1 == lead
                    && p.noun.is_some_and(|(a, _)| words::counted(&r.l(a)).is_some_and(|c| c.person))
            });
        read.part |= ages
            || (is_joined
                && prev.is_some_and(|p| {
                    p.kind == FigureKind::Count && out.get(i - 1).is_some_and(|d| d.part) && p.noun.is_none()
                }));
        out.push(read);
    }
    out
}

/// The year each figure is about: a year right after a figure is its own (`1.9% in 2025`,
/// `2.3% next year`); one standing before figures frames those that follow it in the
/// sentence (`a draft 2026 budget with a deficit of 286 billion`, `In 2011, 23 died`).
fn attach_years(r: &Reader, found: &[Found], report_year: Option<i32>) -> Vec<Option<i32>> {
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
fn nearest(list: &[(usize, i32)], k: usize, reach: usize) -> Option<i32> {
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

/// Whether figure `g` is coordinated with `f` just before it (`killing 12 and injuring 40`,
/// `31 injured, four of them`).
fn joined(r: &Reader, f: &Found, g: &Found) -> bool {
    let end = f.after.max(f.last);
    let gap = g.first.saturating_sub(end);
    // `fell 38% to $212 million`: a change and what it came to
    let change =
        f.kind == FigureKind::Percent && gap <= 2 && (end..g.first).any(|k| matches!(r.l(k).as_ref(), "to" | "from"));
    change || (gap <= 6 && (end..g.first).any(|k| matches!(r.w(k), "and" | "," | "while" | "with" | "or")))
}

/// The event phrase that covers token `k` (starting at `k` or up to two words before it).
fn event_covering(events: &Events, k: usize, from: usize) -> Option<Event> {
    (k.saturating_sub(2).max(from)..=k).rev().find_map(|s| events.at(s).filter(|e| e.2 > k))
}

/// An event found for a figure, and whether it stands right next to it.
#[derive(Clone, Copy)]
struct Near {
    class: &'static str,
    spec: u8,
    dist: usize,
    adjacent: bool,
}

fn consider(best: &mut Option<Near>, c: Option<Event>, dist: usize, adjacent: bool, allowed: Allowed) {
    let Some((class, spec, _)) = c else { return };
    if !allowed.admits(class) {
        return;
    }
    let better = best.is_none_or(|b| {
        (adjacent && !b.adjacent) || (adjacent == b.adjacent && (spec > b.spec || (spec == b.spec && dist < b.dist)))
    });
    if better {
        *best = Some(Near { class, spec, dist, adjacent });
    }
}

/// The event of a figure: an event word next to it (after its noun, or before it), else
/// `None` and the most specific one in its clause as a fallback.
fn event_of(
    events: &Events,
    f: &Found,
    lead: usize,
    prev: Option<&Found>,
    next_start: usize,
) -> (Option<&'static str>, Option<&'static str>) {
    let r = events.r;
    let allowed = match f.kind {
        FigureKind::Measure | FigureKind::Duration => f.unit.as_deref().and_then(measure_events),
        _ => None,
    };
    let filter = match (allowed, f.kind) {
        (Some((a, _)), _) => Allowed::These(a),
        (None, FigureKind::Count | FigureKind::Money | FigureKind::Percent) => Allowed::Quantities,
        _ => Allowed::Any,
    };
    let mut best: Option<Near> = None;
    // after the figure and its noun: `were killed`, `died`, `dead`, `without power`
    let mut k = f.after;
    let mut hops = 0;
    while k < next_start && hops < 5 {
        if let Some(e) = events.at(k) {
            consider(&mut best, Some(e), hops, true, filter);
            break;
        }
        if !AUX.contains(&r.l(k).as_ref()) {
            break;
        }
        k += 1;
        hops += 1;
    }
    // before it: `killing four`, `the death toll rose to 11`, `the evacuation of about
    // 90,000`, `fell 38% to $212 million` (through a figure it changed from)
    let prev_end = prev.map_or(r.start, |p| p.first);
    let mut k = lead;
    let mut hops = 0;
    while k > prev_end.max(r.start) && hops < 7 {
        k -= 1;
        hops += 1;
        if let Some(p) = prev
            && k < p.last
            && k >= p.first
        {
            // a figure between: passed only when `to`, `from` or `by` joins it to this one
            if !(p.last..lead).any(|i| matches!(r.l(i).as_ref(), "to" | "from" | "by")) || lead - p.last > 2 {
                break;
            }
            k = p.first;
            continue;
        }
        if let Some(e) = event_covering(events, k, r.start) {
            consider(&mut best, Some(e), hops, true, filter);
            if e.1 >= 3 {
                break;
            }
        }
        let w = r.l(k);
        if !(BACK_SKIP.contains(&w.as_ref()) || event_covering(events, k, r.start).is_some()) {
            break;
        }
    }
    let adjacent = best.filter(|b| b.spec >= 2).map(|b| b.class);
    // the clause around it: back to its start, on to the next figure (a comma insertion
    // may stand between: `Some 230 migrants, most of them from ..., had crammed into`)
    let back_to = prev.map_or(r.start, |p| p.after.max(p.last));
    let clause_start = (back_to..lead)
        .rev()
        .take(10)
        .find(|&k| matches!(r.w(k), ";" | ":" | "(" | "—"))
        .map_or(back_to.max(lead.saturating_sub(10)), |k| k + 1);
    for k in (clause_start..lead).rev() {
        consider(&mut best, events.at(k), lead - k + 4, false, filter);
    }
    let mut k = f.after;
    let mut words_seen = 0;
    // `12,000 residents of nine villages ... were evacuated`: past a figure in an `of` phrase
    let next_start = if next_start < r.end && next_start > 0 && r.is(next_start - 1, "of") {
        (next_start + 1..r.end).take(12).find(|&k| !r.is_word(k) && r.w(k) != "'").unwrap_or(r.end)
    } else {
        next_start
    };
    while k < next_start && words_seen < 14 {
        let w = r.w(k);
        if matches!(w, ";" | ":" | "(" | ")" | "—") {
            break;
        }
        // `and` followed by another event starts another clause
        if w == "and" && events.at(k + 1).is_some() {
            break;
        }
        consider(&mut best, events.at(k), k - f.after + 4, false, filter);
        words_seen += usize::from(r.is_word(k));
        k += 1;
    }
    // the subject at the head of the sentence (`Net income for the quarter, which ended in
    // September, fell 38% to $212 million`): its most specific event word
    if best.is_none_or(|b| b.spec < 2) {
        let head = (r.start..lead.min(r.start + 12))
            .filter_map(|k| events.at(k).filter(|e| e.1 >= 3 && filter.admits(e.0)))
            .next();
        if let Some((class, spec, _)) = head {
            best = Some(Near { class, spec, dist: 10, adjacent: false });
        }
    }
    let fallback = best.map(|b| b.class).or_else(|| allowed.and_then(|(_, d)| d));
    (adjacent, fallback)
}

/// What a figure counts: its noun's class; for a bare number, what the neighbour it is
/// joined to counts (`killing 12 and injuring 40`), or `N of its offices`, or the people
/// a human event implies (`31 injured`, `forced some 120,000 to flee`).
fn counted_of(
    r: &Reader,
    f: &Found,
    i: usize,
    found: &[Found],
    done: &[Read],
    event: Option<&'static str>,
) -> Option<Counted> {
    if f.kind != FigureKind::Count {
        return None;
    }
    if let Some((a, _)) = f.noun {
        // the first noun of `homes and businesses`; people named by their nation count as
        // people; a noun the lexicon does not know is compared by itself (the figure's unit)
        let noun = r.l(a);
        return words::counted(&noun).or_else(|| {
            let demonym = crate::analysis::lexicon::lexicon().demonym_country(r.w(a)).is_some()
                || crate::analysis::lexicon::lexicon().demonym_country(r.w(a).trim_end_matches('s')).is_some();
            demonym.then(|| words::counted("people")).flatten()
        });
    }
    // `three of its 11 offices`, `four of them`
    if r.is(f.last, "of") {
        let mut k = f.last + 1;
        while k < r.end
            && k < f.last + 4
            && (matches!(r.l(k).as_ref(), "its" | "their" | "the" | "his" | "her")
                || r.w(k).starts_with(|c: char| c.is_ascii_digit()))
        {
            k += 1;
        }
        if let Some(c) = words::counted(&r.l(k)) {
            return Some(c);
        }
    }
    if i > 0
        && joined(r, &found[i - 1], f)
        && let Some(c) = done.get(i - 1).and_then(|d| d.counted)
    {
        return Some(c);
    }
    if STATE_WORDS.contains(&r.l(f.last).as_ref()) {
        return words::counted("people");
    }
    event.and_then(implied_class).and_then(words::counted)
}

/// Whether a figure is a part of a larger one (or a change of it), and whether it is what
/// is left rather than the peak.
fn part_of(r: &Reader, f: &Found, lead: usize) -> (bool, bool) {
    let after = f.after.max(f.last);
    let next = |i: usize| r.l(after + i);
    let part_after = (next(0) == "of"
        && matches!(next(1).as_ref(), "them" | "whom" | "which" | "those" | "the" | "these"))
        || matches!(r.l(f.last).as_ref(), "more" | "others" | "other" | "additional" | "further" | "extra")
        || (next(0) == "among" && matches!(next(1).as_ref(), "them" | "those"))
        || next(0) == "itself"
        || (r.is_word(after) && r.w(after).starts_with(char::is_uppercase) && next(1) == "itself");
    let before = |i: usize| if lead >= r.start + i { r.l(lead - i) } else { Cow::Borrowed("") };
    let part_before =
        matches!(before(1).as_ref(), "including" | "another" | "additional" | "further" | "extra" | "incl")
            || (before(1) == "a" && before(2) == "further")
            || (before(2) == "among" && matches!(before(1).as_ref(), "them" | "those" | "the"))
            || (before(1) == "of"
                && matches!(before(2).as_ref(), "its" | "their" | "out" | "the")
                && r.w(lead).starts_with(|c: char| c.is_ascii_digit()))
            || (before(2) == "out" && before(1) == "of")
            || ((before(1) == "its" || before(1) == "their") && before(2) == "of");
    // `among the dead were two people`: the clause opens with `among`
    let among = (r.start..lead).rev().take(8).any(|k| r.is(k, "among"));
    // `the two ran together`, `the three men who were killed`: people already counted
    let anaphoric = f.kind == FigureKind::Count && lead > r.start && r.is(lead - 1, "the");
    let remaining = (r.start.max(lead.saturating_sub(4))..lead)
        .any(|k| matches!(r.l(k).as_ref(), "still" | "remaining"))
        || (before(2) == "all" && before(1) == "but")
        || (matches!(before(1).as_ref(), "to")
            && matches!(before(2).as_ref(), "fallen" | "down" | "dropped" | "fell" | "eased"))
        || (after..(after + 3).min(r.end)).any(|k| matches!(r.l(k).as_ref(), "still" | "remaining" | "left"));
    (part_after || part_before || among || anaphoric, remaining)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Para;

    /// The figures of `text` (one sentence) with their frames: (text, event, counted, hedge, part).
    type Seen = (String, Option<&'static str>, Option<&'static str>, Hedge, bool, When);

    fn frames(text: &str) -> Vec<Seen> {
        let p = Para::new(text);
        let r = Reader { para: &p, end: p.tokens.len(), start: 0 };
        let found = super::super::scan_sentence(&r, crate::text::date::Date::new(2025, 7, 9));
        let reads = read_sentence(&r, &found, crate::text::date::Date::new(2025, 7, 9));
        found
            .iter()
            .zip(reads)
            .map(|(f, x)| {
                let span = text[p.tokens[f.first].start as usize..p.tokens[f.last - 1].end() as usize].to_string();
                (span, x.event, x.counted.map(|c| c.class), x.hedge, x.part, x.when)
            })
            .collect()
    }

    fn frame_of(text: &str, fig: &str) -> (Option<&'static str>, Option<&'static str>, Hedge, bool, When) {
        let all = frames(text);
        let f = all.iter().find(|x| x.0 == fig).unwrap_or_else(|| panic!("{fig} in {all:?}"));
        (f.1, f.2, f.3, f.4, f.5)
    }

    #[test]
    fn coordinated_figures_take_their_own_verb_and_share_the_noun() {
        let t = "The blast ended the rally, killing at least 17 people and injuring more than 90.";
        assert_eq!(frame_of(t, "17").0, Some("killed"));
        assert_eq!(frame_of(t, "17").2, Hedge::Lower);
        assert_eq!(frame_of(t, "90"), (Some("injured"), Some("people"), Hedge::Lower, false, When::Now));
        let t = "Two people were killed and 31 injured, four of them seriously, when the bus overturned.";
        assert_eq!(frame_of(t, "Two").0, Some("killed"));
        assert_eq!(frame_of(t, "31").0, Some("injured"));
        assert!(frame_of(t, "four").3, "four of them is a part");
    }

    #[test]
    fn events_from_the_clause_in_many_words() {
        assert_eq!(frame_of("The death toll from the fire rose to 11 on Monday.", "11").0, Some("killed"));
        assert_eq!(
            frame_of("Officials ordered the evacuation of about 90,000 residents.", "90,000").0,
            Some("evacuated")
        );
        assert_eq!(frame_of("The orders forced some 120,000 to flee the coast.", "120,000").1, Some("people"));
        assert_eq!(
            frame_of("It left some 480,000 homes and businesses without power.", "480,000").0,
            Some("power_out")
        );
        assert_eq!(frame_of("The storm claimed six lives in the valley.", "six").0, Some("killed"));
        assert_eq!(frame_of("About 8,000 residents were moved to shelters.", "8,000").0, Some("sheltered"));
        assert_eq!(frame_of("about 9,500 people slept in emergency shelters", "9,500").0, Some("sheltered"));
        assert_eq!(frame_of("650 roles will go at the plant.", "650").0, Some("cut"));
        assert_eq!(frame_of("The firm will cut 400 jobs.", "400").0, Some("cut"));
    }

    #[test]
    fn parts_earlier_events_and_forecasts() {
        assert!(frame_of("Among the dead were two people killed when a tree fell.", "two").3);
        assert!(frame_of("About 4,000 children, including 1,200 infants, were moved.", "1,200").3);
        assert!(frame_of("Rescuers recovered four more bodies.", "four").3);
        assert_eq!(frame_of("The storm of 2011 killed 23 people.", "23").4, When::Earlier);
        assert_eq!(frame_of("The previous record, 40.5C, was set in August.", "40.5C").4, When::Earlier);
        assert_eq!(
            frame_of("Net income fell to $212 million, down from $342 million a year earlier.", "$342 million").4,
            When::Earlier
        );
        assert_eq!(frame_of("The bank expects the economy to grow 2.3% next year.", "2.3%").4, When::Forecast);
        assert_eq!(
            frame_of("Revenue rose to $4.31 billion, beating expectations of $4.38 billion.", "$4.31 billion").4,
            When::Now
        );
    }
}
