//! A figure's quantity frame, read from the words around it in its clause: how its value is
//! bounded (`at least`, `about`, `nearly`), what it counts (its noun's class; a bare number
//! takes its coordinated neighbour's, or the people a human event implies), what happened
//! to that (`killing`, `were evacuated`, `the death toll rose to`, `without power`), when
//! (a year, `last year`, `previous`, `up from`; a forecast), and whether it is a part of a
//! larger figure (`of them`, `among the dead`, `including`, `four more`) or what is left
//! (`still`, `all but`). Every look is a few words wide: linear in the sentence. By phase:
//! [`hedge`], [`event`], [`parts`] and [`years`], with the word classes of [`lists`].
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

mod event;
mod hedge;
mod lists;
mod parts;
mod read;
mod years;

use super::scan::{Found, Reader};
use super::words;
use crate::analysis::model::{FigureKind, Hedge, Value, When};
use crate::text::date::{self, Date};
use event::{Events, event_of};
use hedge::hedge_before;
use lists::{MARKER_SHAPES, MARKERS, Marker, QUANTITY_SET};
use parts::{counted_of, joined, part_of};
pub use read::Read;
use years::{attach_years, nearest};

/// Reads the frames of the figures `found` of one sentence (`r`), in text order, for a
/// report of `today`.
pub fn read_sentence(r: &Reader, found: &[Found], today: Option<Date>) -> Vec<Read> {
    let report_year = today.map(|t| t.year);
    let mut out: Vec<Read> = Vec::with_capacity(found.len());
    let events = Events::new(r);
    let years = attach_years(r, found, report_year);
    let days = days_of(r, found);
    for (i, f) in found.iter().enumerate() {
        let at = At { r, found, i, f, prev: i.checked_sub(1).and_then(|j| found.get(j)) };
        let prev_end = at.prev.map_or(r.start, |p| p.after.max(p.last));
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
        let is_joined = at.prev.is_some_and(|p| joined(r, p, f));
        let adjacent;
        (read.event, adjacent) = event_for(&at, &events, lead, is_joined, &out);
        read.counted = counted_of(r, f, i, found, &out, read.event);
        let marks = clause_markers(&at, lead, prev_end);
        read.when = when_of(&at, lead, &marks, read.event, is_joined, &out);
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
        read.part |= marks.other || breakdown_or_ages(&at, lead, adjacent, is_joined, &out);
        out.push(read);
    }
    out
}

/// One figure of a sentence, with the sentence's figures around it.
struct At<'x, 'p, 'a> {
    r: &'x Reader<'p, 'a>,
    found: &'x [Found],
    i: usize,
    f: &'x Found,
    prev: Option<&'x Found>,
}

/// The sentence's days and months, by token: an event dated well before the report is an
/// earlier one (a month counts by its last day: `the quarter to September` is current in
/// October).
fn days_of(r: &Reader, found: &[Found]) -> Vec<(usize, i32)> {
    found
        .iter()
        .filter(|f| f.kind == FigureKind::Date && !(f.first > r.start && r.is(f.first - 1, "since")))
        .filter_map(|f| match &f.value {
            Value::Text(t) if t.len() == 10 => date::find_date(t).map(|x| (f.first, x.2.to_days() as i32)),
            Value::Text(t) if t.len() == 7 => {
                let (y, m) = (t.get(..4)?.parse().ok()?, t.get(5..)?.parse().ok()?);
                let d = Date::new(y, m, date::days_in_month(y, m))?;
                Some((f.first, d.to_days() as i32))
            }
            _ => None,
        })
        .collect()
}

/// The figure's event: next to it, else what its noun names, else its coordinated
/// neighbour's, else the clause's (a race time is a finishing time); and the one next to it.
fn event_for(
    at: &At,
    events: &Events,
    lead: usize,
    is_joined: bool,
    done: &[Read],
) -> (Option<&'static str>, Option<&'static str>) {
    let (r, f, i, prev) = (at.r, at.f, at.i, at.prev);
    let next_start = at.found.get(i + 1).map_or(r.end, |g| g.first);
    let (adjacent, fallback) = event_of(events, f, lead, prev, next_start);
    let implied = (f.kind == FigureKind::Count)
        .then(|| f.noun.and_then(|(a, _)| words::counted(&r.l(a))).and_then(|c| c.implies))
        .flatten();
    let race_time = f.kind == FigureKind::Duration && r.w(f.first + 1) == ":" && r.w(f.first + 3) == ":";
    let mut event = adjacent
        .or(implied)
        .or_else(|| {
            // a neighbour of the same sort shares its event (a date's is not a sum's)
            let same_sort =
                prev.is_some_and(|p| !matches!(p.kind, FigureKind::Date | FigureKind::Time) || p.kind == f.kind);
            let e = if is_joined && same_sort { done.get(i - 1).and_then(|d| d.event) } else { None };
            e.filter(|e| {
                !matches!(f.kind, FigureKind::Count | FigureKind::Money | FigureKind::Percent)
                    || QUANTITY_SET.contains(e)
            })
        })
        .or(fallback);
    if race_time {
        event = Some("finished");
    } else if f.kind == FigureKind::Duration {
        // `held for six hours` is how long it lasted; a margin is won `by` it
        let by = lead > r.start && r.is(lead - 1, "by");
        let behind = r.is(f.last, "behind") || r.is(f.last, "back");
        event = match event {
            Some("held") => Some("lasted"),
            Some("margin") if !(by || behind) => None,
            e => e,
        };
        if event.is_none() && by {
            event = Some("margin");
        }
    }
    // `power was restored to all but 25,000`: those are the ones still without it
    if event == Some("restored") && lead >= r.start + 2 && r.is(lead - 1, "but") && r.is(lead - 2, "all") {
        event = Some("power_out");
    }
    (event, adjacent)
}

/// What the words of a figure's clause mark it as.
#[derive(Default)]
struct ClauseMarks {
    forecast: bool,
    earlier: bool,
    period: bool,
    other: bool,
}

/// The markers in the words before a figure back to the figure before, and after it to the
/// end of its clause (a date after it is part of its clause: `died ... this year`).
fn clause_markers(at: &At, lead: usize, prev_end: usize) -> ClauseMarks {
    let (r, f, i) = (at.r, at.f, at.i);
    let next_start = at.found.get(i + 1).map_or(r.end, |g| g.first);
    let mut upto = next_start;
    for g in at.found.get(i + 1..).unwrap_or_default() {
        if g.first != upto || !matches!(g.kind, FigureKind::Date | FigureKind::Time) {
            break;
        }
        upto = at.found.iter().find(|h| h.first > g.first).map_or(r.end, |h| h.first);
    }
    let clause_end = (f.after..upto).find(|&k| matches!(r.w(k), "," | ";" | ":" | "(" | "—")).unwrap_or(upto);
    let mut m = ClauseMarks::default();
    for k in (prev_end.min(lead)..lead).chain(f.after..clause_end) {
        if !r.is_word(k) {
            continue;
        }
        let w = r.l(k);
        match if MARKER_SHAPES.may_hold(&w) { MARKERS.get(w.as_ref()) } else { None } {
            Some(Marker::Forecast) => m.forecast = true,
            Some(Marker::Earlier) => m.earlier = true,
            Some(Marker::Other) => m.other = true,
            None => {}
        }
        match w.as_ref() {
            "last" => m.earlier |= r.is(k + 1, "year") || r.is(k + 1, "time"),
            "at" => m.earlier |= r.is(k + 1, "first"),
            "a" => m.earlier |= r.is(k + 1, "year") && matches!(r.l(k + 2).as_ref(), "earlier" | "ago" | "before"),
            // `so far`, `to date`, `this year`, `year to date`: a total over a period
            "so" => m.period |= r.is(k + 1, "far"),
            "to" => m.period |= r.is(k + 1, "date"),
            "this" => m.period |= r.is(k + 1, "year"),
            // `since 27 December`, `since the offensive began`: a total since then (not
            // `have since been`)
            "since" => {
                m.period |= r.w(k + 1).starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
                    || matches!(r.l(k + 1).as_ref(), "the" | "a" | "an" | "its" | "their" | "last");
            }
            _ => {}
        }
    }
    m
}

/// When the figure holds: an earlier event's, a total over a period, a forecast, or now.
fn when_of(at: &At, lead: usize, marks: &ClauseMarks, event: Option<&str>, is_joined: bool, done: &[Read]) -> When {
    let (r, f) = (at.r, at.f);
    let (forecast, mut earlier, mut period) = (marks.forecast, marks.earlier, marks.period);
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
    let when = if earlier {
        When::Earlier
    } else if period {
        When::Period
    } else if forecast {
        When::Forecast
    } else if is_joined {
        // `expects growth of 2.3% and inflation of 2.4%`: a coordinated figure shares it
        done.get(at.i - 1).map_or(When::Now, |d| d.when)
    } else {
        When::Now
    };
    // `missed the course record by 45 seconds`: a distance to a record, not a race's margin
    if event == Some("margin") && (r.start..r.end).any(|k| r.is(k, "record")) {
        return When::Earlier;
    }
    when
}

/// `Five soldiers died on Wednesday, four from friendly fire`: a breakdown of the count
/// before; `two sons, 11 and 14`: ages after a count of people, not counts of their own.
fn breakdown_or_ages(at: &At, lead: usize, adjacent: Option<&str>, is_joined: bool, done: &[Read]) -> bool {
    let (r, f, i, prev) = (at.r, at.f, at.i, at.prev);
    let bare_after_comma = f.kind == FigureKind::Count && f.noun.is_none() && lead > r.start && r.w(lead - 1) == ",";
    let breakdown = bare_after_comma
        && adjacent.is_none()
        && at.found[..i]
            .iter()
            .rev()
            .find(|p| p.kind != FigureKind::Date && p.kind != FigureKind::Time)
            .is_some_and(|p| p.kind == FigureKind::Count && p.noun.is_some())
        && matches!(r.l(f.last).as_ref(), "from" | "in" | "by" | "at" | "with");
    let ages = bare_after_comma
        && prev.is_some_and(|p| {
            p.kind == FigureKind::Count
                && p.after + 1 == lead
                && p.noun.is_some_and(|(a, _)| words::counted(&r.l(a)).is_some_and(|c| c.person))
        });
    let part_of_joined = is_joined
        && prev.is_some_and(|p| {
            p.kind == FigureKind::Count && done.get(i - 1).is_some_and(|d| d.part) && p.noun.is_none()
        });
    breakdown || ages || part_of_joined
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
