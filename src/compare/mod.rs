//! Comparing reports: shared and unique entities, conflicting figures, shared quotations,
//! paragraph alignment. Pure functions over the analysis.

pub mod align;
pub mod conflicts;
pub mod quotes;

pub use align::Alignment;
pub use conflicts::{Conflict, Scope};
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
    let conflicts = conflicts::among(figures, &|_, _| Scope::Related);
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

/// Every conflict in the corpus, within one article or across two. Two articles are related
/// when they share at least three entities and a quarter of their entities (Jaccard).
pub fn corpus_conflicts(analysis: &Analysis) -> Vec<Conflict> {
    let sets: HashMap<&str, HashSet<&str>> =
        analysis.articles.iter().map(|a| (a.id.as_str(), a.mentions.iter().map(|m| &*m.entity).collect())).collect();
    let scope_of = |x: &str, y: &str| -> Scope {
        match (sets.get(x), sets.get(y)) {
            (Some(a), Some(b)) => {
                let common = a.intersection(b).count();
                let union = a.union(b).count().max(1);
                if common >= 3 && common * 4 >= union { Scope::Related } else { Scope::Unrelated }
            }
            _ => Scope::Unrelated,
        }
    };
    let mut out = conflicts::among(analysis.articles.iter().flat_map(|a| a.figures.iter()), &scope_of);
    out.sort_by(|a, b| a.measure.cmp(&b.measure));
    out
}
