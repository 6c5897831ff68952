//! Comparing reports: shared and unique entities, conflicting figures, shared quotations,
//! paragraph alignment. Pure functions over the analysis.
#![expect(clippy::indexing_slicing, reason = "indices are bounded by the sorted lists being merged")]

pub mod align;
pub mod conflicts;
pub mod quotes;
pub mod report;

pub use align::Alignment;
pub use conflicts::{Conflict, ConflictKind, Scope};
pub use quotes::SharedQuote;

use crate::analysis::{Analysis, ArticleAnalysis, Kind};
use crate::corpus::Article;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedEntity {
    pub name: String,
    pub kind: Kind,
    pub left: usize,
    pub right: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub left: String,
    pub right: String,
    pub shared_entities: Vec<SharedEntity>,
    pub only_left: Vec<String>,
    pub only_right: Vec<String>,
    pub conflicts: Vec<Conflict>,
    pub shared_quotes: Vec<SharedQuote>,
    pub alignment: Vec<Alignment>,
}

fn counts(a: &ArticleAnalysis) -> BTreeMap<&str, usize> {
    let mut m = BTreeMap::new();
    for x in &a.mentions {
        *m.entry(&*x.entity).or_default() += 1;
    }
    m
}

/// Compares two analysed articles.
pub fn compare(analysis: &Analysis, left: &Article, right: &Article) -> Comparison {
    let empty = ArticleAnalysis::default();
    let la = analysis.article(&left.id).unwrap_or(&empty);
    let ra = analysis.article(&right.id).unwrap_or(&empty);
    let (lc, rc) = (counts(la), counts(ra));
    let kind_of: HashMap<&str, Kind> = analysis.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    let mut shared_entities: Vec<SharedEntity> = lc
        .iter()
        .filter_map(|(name, l)| {
            rc.get(name).map(|r| SharedEntity {
                name: name.to_string(),
                kind: kind_of.get(name).copied().unwrap_or(Kind::Other),
                left: *l,
                right: *r,
            })
        })
        .collect();
    shared_entities.sort_by(|a, b| (b.left + b.right).cmp(&(a.left + a.right)).then_with(|| a.name.cmp(&b.name)));
    let only_left = lc.keys().filter(|n| !rc.contains_key(*n)).map(|n| n.to_string()).collect();
    let only_right = rc.keys().filter(|n| !lc.contains_key(*n)).map(|n| n.to_string()).collect();
    let figures = la.figures.iter().chain(if left.id == right.id { [].iter() } else { ra.figures.iter() });
    let articles = [(left.id.as_str(), left), (right.id.as_str(), right)].into_iter().collect();
    let related = if left.id == right.id { Vec::new() } else { vec![(left.id.as_str(), right.id.as_str())] };
    let places = conflicts::Reports::places_of(analysis, &articles);
    let conflicts = conflicts::among(figures, &conflicts::Reports { articles, related, places });
    Comparison {
        left: left.id.clone(),
        right: right.id.clone(),
        shared_entities,
        only_left,
        only_right,
        conflicts,
        shared_quotes: quotes::shared(&la.quotes, &ra.quotes),
        alignment: align::align(&left.paragraphs, &right.paragraphs),
    }
}

/// Entities named by more articles than this do not propose pairs (`Ukraine` in thousands
/// of reports); the pairs they share are still scored with them.
const RARE: usize = 200;

/// How many related articles each article is compared with, the most similar first.
const NEIGHBOURS: usize = 32;

/// Whether two reports tell one story, from the entities they name (`common` of `union`)
/// and their dates: reports a fortnight apart are of different events; otherwise three
/// shared names and a twelfth of all, or two and a quarter.
fn related(common: usize, union: usize, days_apart: Option<i64>) -> bool {
    let union = union.max(1);
    days_apart.is_none_or(|d| d <= 14)
        && ((common >= 3 && common * 12 >= union) || (common >= 2 && common * 4 >= union))
}

/// Every conflict in the corpus, within one article or across two reports of one story.
pub fn corpus_conflicts(analysis: &Analysis, corpus: &crate::corpus::Corpus) -> Vec<Conflict> {
    let sets: Vec<HashSet<&str>> =
        analysis.articles.iter().map(|a| a.mentions.iter().map(|m| &*m.entity).collect()).collect();
    let dates: HashMap<&str, crate::text::date::Date> =
        corpus.articles.iter().filter_map(|a| Some((a.id.as_str(), a.date?))).collect();
    // candidate pairs through the entities few articles name
    let mut by_entity: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in sets.iter().enumerate() {
        for e in s {
            by_entity.entry(e).or_default().push(i);
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for list in by_entity.values().filter(|l| l.len() > 1 && l.len() <= RARE) {
        for (n, &i) in list.iter().enumerate() {
            candidates.extend(list[n + 1..].iter().map(|&j| (i, j)));
        }
    }
    let mut scored: Vec<(usize, usize, f64)> = candidates
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (&sets[i], &sets[j]);
            let common = a.intersection(b).count();
            let union = a.len() + b.len() - common;
            let (x, y) = (analysis.articles[i].id.as_str(), analysis.articles[j].id.as_str());
            let apart = dates.get(x).zip(dates.get(y)).map(|(p, q)| (p.to_days() - q.to_days()).abs());
            related(common, union, apart).then(|| (i, j, common as f64 / union.max(1) as f64))
        })
        .collect();
    // each article with its most similar neighbours only
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut taken = vec![0usize; sets.len()];
    let mut related_pairs: Vec<(usize, usize)> = Vec::new();
    for (i, j, _) in scored {
        if taken[i] < NEIGHBOURS && taken[j] < NEIGHBOURS {
            taken[i] += 1;
            taken[j] += 1;
            related_pairs.push((i.min(j), i.max(j)));
        }
    }
    related_pairs.sort_unstable();
    let related = related_pairs
        .iter()
        .map(|&(i, j)| (analysis.articles[i].id.as_str(), analysis.articles[j].id.as_str()))
        .collect();
    let articles = corpus.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let places = conflicts::Reports::places_of(analysis, &articles);
    let reports = conflicts::Reports { articles, related, places };
    let mut out = conflicts::among(analysis.articles.iter().flat_map(|a| a.figures.iter()), &reports);
    out.sort_by(|a, b| a.measure.cmp(&b.measure));
    out
}
