//! Paragraph alignment: for each left paragraph the best right one, by shared content words.
//! Robust to reordering: every pair is scored, not only the diagonal.
#![expect(clippy::indexing_slicing, reason = "indices are bounded by the sorted lists being merged")]

use crate::text::fold::fold;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub left_paragraph: usize,
    pub right_paragraph: Option<usize>,
    pub score: f64,
}

const STOP: &[&str] = &[
    "the", "and", "that", "with", "for", "was", "were", "has", "have", "had", "this", "from", "its", "his", "her",
    "their", "are", "but", "not", "which", "who", "said", "will", "would", "been", "also", "after", "into", "about",
    "than", "they", "them", "more", "over", "any", "all", "can", "could", "such", "while", "when", "what", "there",
    "other", "some", "only", "being",
];

/// A sparse, normalised vector of hashed content words.
fn vector(p: &str) -> Vec<(u64, f64)> {
    let mut counts: HashMap<u64, f64> = HashMap::new();
    let mut buf = String::new();
    for raw in p.split_whitespace() {
        buf.clear();
        if raw.is_ascii() {
            buf.extend(raw.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char));
        } else {
            buf.extend(fold(raw).chars().filter(|c| c.is_alphanumeric()));
        }
        if buf.chars().count() < 3 || STOP.contains(&buf.as_str()) {
            continue;
        }
        // a word's hash for the vectors: collisions only blur a score a little
        *counts.entry(xxhash_rust::xxh3::xxh3_64(buf.as_bytes())).or_default() += 1.0;
    }
    let norm = counts.values().map(|v| v * v).sum::<f64>().sqrt();
    let mut v: Vec<(u64, f64)> = counts.into_iter().map(|(k, c)| (k, c / norm.max(1e-9))).collect();
    v.sort_unstable_by_key(|x| x.0);
    v
}

#[cfg(test)]
fn cosine(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Below this cosine a paragraph has no counterpart.
pub const MIN_SCORE: f64 = 0.12;

pub fn align(left: &[String], right: &[String]) -> Vec<Alignment> {
    // an inverted index over the right paragraphs: each left paragraph meets only the
    // paragraphs it shares words with
    let mut postings: HashMap<u64, Vec<(usize, f64)>> = HashMap::new();
    for (j, p) in right.iter().enumerate() {
        for (h, w) in vector(p) {
            postings.entry(h).or_default().push((j, w));
        }
    }
    let mut scores = vec![0.0f64; right.len()];
    left.iter()
        .enumerate()
        .map(|(i, p)| {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for (h, w) in vector(p) {
                if let Some(list) = postings.get(&h) {
                    for &(j, rw) in list {
                        scores[j] += w * rw;
                    }
                }
            }
            let best = scores.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)));
            match best {
                Some((j, &s)) if s >= MIN_SCORE => {
                    Alignment { left_paragraph: i, right_paragraph: Some(j), score: (s * 1000.0).round() / 1000.0 }
                }
                _ => Alignment { left_paragraph: i, right_paragraph: None, score: 0.0 },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_scores_equal_the_cosine() {
        let (a, b) = ("storm harbour boats nets harbour", "harbour boats flooded overnight");
        let direct = cosine(&vector(a), &vector(b));
        let via = align(&[a.to_string()], &[b.to_string()])[0].score;
        assert!((direct - via).abs() < 1e-3, "{direct} vs {via}");
    }

    #[test]
    fn reordered_paragraphs_still_align() {
        let left = vec![
            "The harbour flooded after heavy storms overnight.".to_string(),
            "Fishermen lost boats and nets in the harbour.".to_string(),
            "Completely different words here.".to_string(),
        ];
        let right = vec![
            "Boats and nets were lost by fishermen.".to_string(),
            "Heavy storms flooded the harbour overnight.".to_string(),
        ];
        let a = align(&left, &right);
        assert_eq!(a[0].right_paragraph, Some(1));
        assert_eq!(a[1].right_paragraph, Some(0));
        assert_eq!(a[2].right_paragraph, None);
    }
}
