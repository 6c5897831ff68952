//! What happened to what a figure counts: the event phrase next to it, else the most
//! specific one in its clause; each token's phrase looked up once per sentence.
use super::super::scan::{Found, Reader};
use super::super::words;
use super::lists::{AUX, Allowed, BACK_SKIP, measure_events};
use crate::analysis::model::FigureKind;
use std::borrow::Cow;

pub(super) fn at_phrase<'r>(r: &'r Reader, k: usize) -> impl Fn(usize) -> Option<Cow<'r, str>> + 'r {
    move |i| (k + i < r.end).then(|| r.l(k + i))
}

/// An event phrase: its class, its specificity and the token after it.
pub(super) type Event = (&'static str, u8, usize);

/// The event phrase starting at token `k`, with its specificity and its last token.
pub(super) fn event_at(r: &Reader, k: usize) -> Option<Event> {
    if !r.is_word(k) {
        return None;
    }
    let (p, n) = words::predicate_at(at_phrase(r, k))?;
    Some((p.class, p.specificity, k + n))
}

/// The event phrases of one sentence, each looked up once: every figure of the sentence
/// asks for the same tokens' events many times over.
pub(super) struct Events<'r, 'p, 'a> {
    r: &'r Reader<'p, 'a>,
    slots: Vec<std::cell::OnceCell<Option<Event>>>,
}

impl<'r, 'p, 'a> Events<'r, 'p, 'a> {
    pub(super) fn new(r: &'r Reader<'p, 'a>) -> Self {
        Self { r, slots: (r.start..r.end).map(|_| std::cell::OnceCell::new()).collect() }
    }

    pub(super) fn at(&self, k: usize) -> Option<Event> {
        match k.checked_sub(self.r.start).and_then(|i| self.slots.get(i)) {
            Some(slot) => *slot.get_or_init(|| event_at(self.r, k)),
            None => event_at(self.r, k),
        }
    }
}

/// The event phrase that covers token `k` (starting at `k` or up to two words before it).
pub(super) fn event_covering(events: &Events, k: usize, from: usize) -> Option<Event> {
    (k.saturating_sub(2).max(from)..=k).rev().find_map(|s| events.at(s).filter(|e| e.2 > k))
}

/// An event found for a figure, and whether it stands right next to it.
#[derive(Clone, Copy)]
pub(super) struct Near {
    class: &'static str,
    spec: u8,
    dist: usize,
    adjacent: bool,
}

pub(super) fn consider(best: &mut Option<Near>, c: Option<Event>, dist: usize, adjacent: bool, allowed: Allowed) {
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
pub(super) fn event_of(
    events: &Events,
    f: &Found,
    lead: usize,
    prev: Option<&Found>,
    next_start: usize,
) -> (Option<&'static str>, Option<&'static str>) {
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
    next_after(events, f, next_start, filter, &mut best);
    next_before(events, lead, prev, filter, &mut best);
    let adjacent = best.filter(|b| b.spec >= 2).map(|b| b.class);
    in_clause(events, f, lead, prev, next_start, filter, &mut best);
    // the subject at the head of the sentence (`Net income for the quarter, which ended in
    // September, fell 38% to $212 million`): its most specific event word
    let r = events.r;
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

/// After the figure and its noun: `were killed`, `died`, `dead`, `without power`.
fn next_after(events: &Events, f: &Found, next_start: usize, filter: Allowed, best: &mut Option<Near>) {
    let r = events.r;
    let mut k = f.after;
    let mut hops = 0;
    while k < next_start && hops < 5 {
        if let Some(e) = events.at(k) {
            consider(best, Some(e), hops, true, filter);
            break;
        }
        if !AUX.contains(&r.l(k)) {
            break;
        }
        k += 1;
        hops += 1;
    }
}

/// Before it: `killing four`, `the death toll rose to 11`, `the evacuation of about
/// 90,000`, `fell 38% to $212 million` (through a figure it changed from).
fn next_before(events: &Events, lead: usize, prev: Option<&Found>, filter: Allowed, best: &mut Option<Near>) {
    let r = events.r;
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
            consider(best, Some(e), hops, true, filter);
            if e.1 >= 3 {
                break;
            }
        }
        let w = r.l(k);
        if !(BACK_SKIP.contains(&w) || event_covering(events, k, r.start).is_some()) {
            break;
        }
    }
}

/// The clause around it: back to its start, on to the next figure (a comma insertion may
/// stand between: `Some 230 migrants, most of them from ..., had crammed into`).
fn in_clause(
    events: &Events,
    f: &Found,
    lead: usize,
    prev: Option<&Found>,
    next_start: usize,
    filter: Allowed,
    best: &mut Option<Near>,
) {
    let r = events.r;
    let back_to = prev.map_or(r.start, |p| p.after.max(p.last));
    let clause_start = (back_to..lead)
        .rev()
        .take(10)
        .find(|&k| matches!(r.w(k), ";" | ":" | "(" | "—"))
        .map_or(back_to.max(lead.saturating_sub(10)), |k| k + 1);
    for k in (clause_start..lead).rev() {
        consider(best, events.at(k), lead - k + 4, false, filter);
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
        consider(best, events.at(k), k - f.after + 4, false, filter);
        words_seen += usize::from(r.is_word(k));
        k += 1;
    }
}
