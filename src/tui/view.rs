//! The reader's views and prompts: what the keymap and the state both speak of.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    List,
    Reader,
    Split,
    Speakers,
    SpeakerQuotes,
    Warnings,
    Conflicts,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::List => "articles",
            View::Reader => "reader",
            View::Split => "compare",
            View::Speakers => "speakers",
            View::SpeakerQuotes => "quotes",
            View::Warnings => "warnings",
            View::Conflicts => "conflicts",
        }
    }
}

/// The line the user is typing into, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt {
    None,
    Filter,
    Search,
}

/// A move of the selection or the scroll position: by lines (or rows), by pages, or to an end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Lines(i64),
    Pages(i64),
    HalfPages(i64),
    Top,
    Bottom,
}

impl Motion {
    /// The position `from` moves to, within `0..=max`, with pages of `page` lines.
    pub fn apply(self, from: usize, max: usize, page: usize) -> usize {
        let by = |n: i64| -> usize {
            let to = i64::try_from(from).unwrap_or(i64::MAX).saturating_add(n);
            usize::try_from(to.max(0)).unwrap_or(usize::MAX).min(max)
        };
        match self {
            Motion::Top => 0,
            Motion::Bottom => max,
            Motion::Lines(n) => by(n),
            Motion::Pages(n) => by(n.saturating_mul(i64::try_from(page.max(1)).unwrap_or(i64::MAX))),
            Motion::HalfPages(n) => by(n.saturating_mul(i64::try_from((page / 2).max(1)).unwrap_or(i64::MAX))),
        }
    }
}

/// The next (or previous) of `n` items after `at`, round the end; from none, the first (or
/// the last). `n` must not be 0.
pub fn cycle(at: Option<usize>, n: usize, forward: bool) -> usize {
    match at {
        None if forward => 0,
        None => n.saturating_sub(1),
        Some(i) if forward => (i + 1) % n.max(1),
        Some(i) => (i + n - 1) % n.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::{Motion, cycle};

    #[test]
    fn cycling_wraps_round_both_ends() {
        assert_eq!(cycle(None, 3, true), 0);
        assert_eq!(cycle(None, 3, false), 2);
        assert_eq!(cycle(Some(2), 3, true), 0);
        assert_eq!(cycle(Some(0), 3, false), 2);
        assert_eq!(cycle(Some(1), 3, true), 2);
    }

    #[test]
    fn motions_stay_within_bounds() {
        assert_eq!(Motion::Lines(3).apply(5, 100, 20), 8);
        assert_eq!(Motion::Lines(-9).apply(5, 100, 20), 0);
        assert_eq!(Motion::Pages(1).apply(5, 100, 20), 25);
        assert_eq!(Motion::Pages(-1).apply(5, 100, 20), 0);
        assert_eq!(Motion::Pages(10).apply(5, 100, 20), 100);
        assert_eq!(Motion::HalfPages(1).apply(5, 100, 20), 15);
        assert_eq!(Motion::Top.apply(5, 100, 20), 0);
        assert_eq!(Motion::Bottom.apply(5, 100, 20), 100);
        assert_eq!(Motion::Bottom.apply(5, 0, 20), 0);
    }
}
