//! Quotations two reports share: `exact` where one holds the other's words (or both quote
//! whole sentences of the same text to different lengths), else a `variant` with a score.
#![expect(clippy::indexing_slicing, reason = "indices are bounded by the sorted lists being merged")]

use crate::analysis::model::Quote;
use crate::text::fold::fold;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedQuote {
    pub speaker: Option<std::sync::Arc<str>>,
    pub left: Quote,
    pub right: Quote,
    pub similarity: f64,
    pub exact: bool,
}

/// Folded words, with `None` marking a sentence end.
fn words(s: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for raw in s.split_whitespace() {
        let w: String = fold(raw).chars().filter(|c| c.is_alphanumeric()).collect();
        if !w.is_empty() {
            out.push(Some(w));
        }
        if raw.ends_with(['.', '!', '?']) || raw.ends_with(".\"") || raw.ends_with(".\u{201d}") {
            out.push(None);
        }
    }
    out
}

/// Longest common run of words: its length and where it starts in each.
fn longest_run(a: &[Option<String>], b: &[Option<String>]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    // two rows of the table, swapped, instead of a new row for every word
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            cur[j] = if a[i - 1].is_some() && a[i - 1] == b[j - 1] { prev[j - 1] + 1 } else { 0 };
            if cur[j] > best.0 {
                best = (cur[j], i - cur[j], j - cur[j]);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

fn sentence_edge(w: &[Option<String>], start: usize, len: usize) -> bool {
    let begins = start == 0 || w[start - 1].is_none();
    let ends = start + len == w.len() || w.get(start + len).is_some_and(Option::is_none);
    begins && ends
}

/// A quotation's words, prepared once for many comparisons.
struct Prepared {
    words: Vec<Option<String>>,
    set: std::collections::HashSet<String>,
    count: usize,
}

fn prepare(s: &str) -> Prepared {
    let words = words(s);
    let set: std::collections::HashSet<String> = words.iter().flatten().cloned().collect();
    let count = words.iter().flatten().count();
    Prepared { words, set, count }
}

/// How two quotations relate: similarity in 0..1 and whether the wording is the same.
pub fn similarity(a: &str, b: &str) -> (f64, bool) {
    similarity_of(&prepare(a), &prepare(b))
}

fn similarity_of(a: &Prepared, b: &Prepared) -> (f64, bool) {
    let (na, nb) = (a.count, b.count);
    if na == 0 || nb == 0 {
        return (0.0, false);
    }
    // Dice over word sets first: with nothing in common there is no run to find
    let common = a.set.intersection(&b.set).count();
    if common == 0 {
        return (0.0, false);
    }
    let dice = 2.0 * common as f64 / (a.set.len() + b.set.len()) as f64;
    let (run, sa, sb) = longest_run(&a.words, &b.words);
    let shorter = na.min(nb);
    let contained = run == shorter;
    let whole_sentences = run >= 4 && sentence_edge(&a.words, sa, run) && sentence_edge(&b.words, sb, run);
    let exact = contained || whole_sentences;
    let sim = if exact { 1.0 } else { (run as f64 / shorter as f64).max(dice) };
    (sim, exact)
}

/// The best-matching right quotation for each left one, by the same speaker.
pub fn shared(left: &[Quote], right: &[Quote]) -> Vec<SharedQuote> {
    let rp: Vec<Prepared> = right.iter().map(|r| prepare(&r.text)).collect();
    let mut out = Vec::new();
    for l in left {
        let lp = prepare(&l.text);
        let mut best: Option<(f64, bool, usize)> = None;
        for (ri, r) in right.iter().enumerate() {
            let same_speaker = l.speaker.is_some() && l.speaker == r.speaker;
            let unattributed = l.speaker.is_none() || r.speaker.is_none();
            if !(same_speaker || unattributed) {
                continue;
            }
            let (sim, exact) = similarity_of(&lp, &rp[ri]);
            let short = lp.count.min(rp[ri].count) < 4;
            let good = if short {
                exact && l.text.len() == r.text.len()
            } else if same_speaker {
                sim >= 0.5
            } else {
                exact || sim >= 0.8
            };
            if good && best.is_none_or(|(s, _, _)| sim > s) {
                best = Some((sim, exact, ri));
                if exact {
                    break;
                }
            }
        }
        if let Some((sim, exact, ri)) = best {
            let r = &right[ri];
            out.push(SharedQuote {
                speaker: l.speaker.clone().or_else(|| r.speaker.clone()),
                left: l.clone(),
                right: r.clone(),
                similarity: (sim * 1000.0).round() / 1000.0,
                exact,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_post_quoted_to_different_lengths_is_exact() {
        let a = "We will rebuild the bridge. It will take two years and cost a lot.";
        let b = "The river took everything. We will rebuild the bridge.";
        let (s, exact) = similarity(a, b);
        assert!(exact);
        assert_eq!(s, 1.0);
    }

    #[test]
    fn paraphrase_is_a_variant() {
        let (s, exact) =
            similarity("The budget will be balanced by next spring", "the budget will surely be balanced next spring");
        assert!(!exact);
        assert!(s > 0.5 && s < 1.0, "{s}");
    }

    #[test]
    fn unrelated_quotes_score_low() {
        let (s, _) = similarity("We are ready to talk", "The weather was terrible all week long");
        assert!(s < 0.3);
    }
}
