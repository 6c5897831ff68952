//! The hedge before a figure (`at least`, `about`, `nearly`) and the bound it makes.
use super::super::scan::Reader;
use crate::analysis::model::Hedge;

/// Hedging phrases before a figure, and the bound each makes.
pub(super) const HEDGES: &[(&str, Hedge)] = &[
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
pub(super) type Phrases = rustc_hash::FxHashMap<&'static str, Vec<(Vec<&'static str>, Hedge)>>;

pub(super) static HEDGE_WORDS: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
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

/// The hedge standing right before `first`, and where its words begin.
pub(super) fn hedge_before(r: &Reader, first: usize) -> Option<(Hedge, usize)> {
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
