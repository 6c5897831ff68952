//! What a figure counts, and whether it is a part of a larger one or what is left.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]
use super::super::scan::{Found, Reader, STATE_WORDS};
use super::super::words::{self, Counted};
use super::lists::implied_class;
use super::read::Read;
use crate::analysis::model::FigureKind;
use std::borrow::Cow;

/// Whether figure `g` is coordinated with `f` just before it (`killing 12 and injuring 40`,
/// `31 injured, four of them`).
pub(super) fn joined(r: &Reader, f: &Found, g: &Found) -> bool {
    let end = f.after.max(f.last);
    let gap = g.first.saturating_sub(end);
    // `fell 38% to $212 million`: a change and what it came to
    let change =
        f.kind == FigureKind::Percent && gap <= 2 && (end..g.first).any(|k| matches!(r.l(k).as_ref(), "to" | "from"));
    change || (gap <= 6 && (end..g.first).any(|k| matches!(r.w(k), "and" | "," | "while" | "with" | "or")))
}

/// What a figure counts: its noun's class; for a bare number, what the neighbour it is
/// joined to counts (`killing 12 and injuring 40`), or `N of its offices`, or the people
/// a human event implies (`31 injured`, `forced some 120,000 to flee`).
pub(super) fn counted_of(
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
pub(super) fn part_of(r: &Reader, f: &Found, lead: usize) -> (bool, bool) {
    let after = f.after.max(f.last);
    // the two words after the figure and the two before it, each read once
    let (next0, next1) = (r.l(after), r.l(after + 1));
    let (next0, next1) = (next0.as_ref(), next1.as_ref());
    let part_after = (next0 == "of" && matches!(next1, "them" | "whom" | "which" | "those" | "the" | "these"))
        || matches!(r.l(f.last).as_ref(), "more" | "others" | "other" | "additional" | "further" | "extra")
        || (next0 == "among" && matches!(next1, "them" | "those"))
        || next0 == "itself"
        || (r.is_word(after) && r.w(after).starts_with(char::is_uppercase) && next1 == "itself");
    let before = |i: usize| if lead >= r.start + i { r.l(lead - i) } else { Cow::Borrowed("") };
    let (before1, before2) = (before(1), before(2));
    let (b1, b2) = (before1.as_ref(), before2.as_ref());
    let part_before = matches!(b1, "including" | "another" | "additional" | "further" | "extra" | "incl")
        || (b1 == "a" && b2 == "further")
        || (b2 == "among" && matches!(b1, "them" | "those" | "the"))
        || (b1 == "of"
            && matches!(b2, "its" | "their" | "out" | "the")
            && r.w(lead).starts_with(|c: char| c.is_ascii_digit()))
        || (b2 == "out" && b1 == "of")
        || ((b1 == "its" || b1 == "their") && b2 == "of");
    // `among the dead were two people`: the clause opens with `among`
    let among = (r.start..lead).rev().take(8).any(|k| r.is(k, "among"));
    // `the two ran together`, `the three men who were killed`: people already counted
    let anaphoric = f.kind == FigureKind::Count && lead > r.start && r.is(lead - 1, "the");
    let remaining = (r.start.max(lead.saturating_sub(4))..lead)
        .any(|k| matches!(r.l(k).as_ref(), "still" | "remaining"))
        || (b2 == "all" && b1 == "but")
        || (b1 == "to" && matches!(b2, "fallen" | "down" | "dropped" | "fell" | "eased"))
        || (after..(after + 3).min(r.end)).any(|k| matches!(r.l(k).as_ref(), "still" | "remaining" | "left"));
    (part_after || part_before || among || anaphoric, remaining)
}
