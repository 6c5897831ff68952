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
    // one statement quoted on differently: both open with the same words, a whole sentence in
    // one of them (`We will not pay. We are ...` and `We will not pay, and we urge ...`)
    let same_opening =
        run >= 5 && sa == 0 && sb == 0 && (sentence_edge(&a.words, sa, run) || sentence_edge(&b.words, sb, run));
    let sim = if exact {
        1.0
    } else if same_opening {
        (run as f64 / shorter as f64).max(dice).max(0.75)
    } else {
        (run as f64 / shorter as f64).max(dice)
    };
    (sim, exact)
}

/// A pair that may be shared: left and right quotation, similarity, whether exact.
type Pairing = (usize, usize, f64, bool);

/// The quotations two reports share: the best-matching right quotation of each left one, and
/// the best-matching left one of each right one no left one chose (one report's quotation may
/// be two of the other's), by the same speaker, in the left report's order.
pub fn shared(left: &[Quote], right: &[Quote]) -> Vec<SharedQuote> {
    let lp: Vec<Prepared> = left.iter().map(|l| prepare(&l.text)).collect();
    let rp: Vec<Prepared> = right.iter().map(|r| prepare(&r.text)).collect();
    // the first best of `pairs` (an exact one ends the look)
    let first_best = |pairs: &mut dyn Iterator<Item = (usize, usize)>| {
        let mut best: Option<Pairing> = None;
        for (li, ri) in pairs {
            if let Some((sim, exact)) = pair(&left[li], &lp[li], &right[ri], &rp[ri])
                && best.is_none_or(|b| sim > b.2)
            {
                best = Some((li, ri, sim, exact));
                if exact {
                    break;
                }
            }
        }
        best
    };
    let mut chosen: Vec<Pairing> = Vec::new();
    let mut taken = vec![false; right.len()];
    for li in 0..left.len() {
        if let Some(b) = first_best(&mut (0..right.len()).map(|ri| (li, ri))) {
            taken[b.1] = true;
            chosen.push(b);
        }
    }
    // a right quotation no left one chose may be part of one (the other report split it)
    for ri in (0..right.len()).filter(|&ri| !taken[ri]) {
        chosen.extend(first_best(&mut (0..left.len()).map(|li| (li, ri))));
    }
    chosen.sort_by_key(|c| (c.0, c.1));
    chosen.dedup_by_key(|c| (c.0, c.1));
    chosen
        .into_iter()
        .map(|(li, ri, sim, exact)| {
            let (l, r) = (&left[li], &right[ri]);
            SharedQuote {
                speaker: l.speaker.clone().or_else(|| r.speaker.clone()),
                left: l.clone(),
                right: r.clone(),
                similarity: (sim * 1000.0).round() / 1000.0,
                exact,
            }
        })
        .collect()
}

/// How two quotations are shared, if they are: by the same speaker (or one unattributed),
/// alike enough for their length and for what is known of who said them.
fn pair(l: &Quote, lp: &Prepared, r: &Quote, rp: &Prepared) -> Option<(f64, bool)> {
    let same_speaker = l.speaker.is_some() && l.speaker == r.speaker;
    let unattributed = l.speaker.is_none() || r.speaker.is_none();
    if !(same_speaker || unattributed) {
        return None;
    }
    let (sim, exact) = similarity_of(lp, rp);
    let good = if lp.count.min(rp.count) < 4 {
        exact && l.text.len() == r.text.len()
    } else if same_speaker {
        sim >= 0.5
    } else {
        exact || sim >= 0.8
    };
    good.then_some((sim, exact))
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
    fn one_statement_quoted_on_differently_is_a_variant() {
        let (s, exact) = similarity(
            "The quay will stay shut until Friday. Divers are checking every pillar of it.",
            "The quay will stay shut until Friday, and we ask skippers to moor elsewhere",
        );
        assert!(!exact && s >= 0.75, "{s}");
    }

    fn quote(text: &str, speaker: &str) -> Quote {
        Quote {
            at: crate::analysis::Span::new(&std::sync::Arc::from("x"), 0, 0, 0),
            text: text.into(),
            speaker: Some(speaker.into()),
            cue: Some("said".into()),
            confidence: 0.9,
        }
    }

    #[test]
    fn a_quotation_one_report_splits_in_two_shares_both_halves() {
        let left = [quote(
            "We are checking every pillar with the harbour board and our divers. It is far too soon to say when the quay reopens.",
            "Tavo Quillfeather",
        )];
        let right = [
            quote("We are checking every pillar with the harbour board and its divers", "Tavo Quillfeather"),
            quote("It's far too soon to say.", "Tavo Quillfeather"),
        ];
        let got = shared(&left, &right);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().any(|s| s.right.text.starts_with("We are checking")));
    }

    #[test]
    fn unrelated_quotes_score_low() {
        let (s, _) = similarity("We are ready to talk", "The weather was terrible all week long");
        assert!(s < 0.3);
    }
}
