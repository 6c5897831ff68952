//! The serialisable results of the analysis, in the shapes of the contract.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Organization,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Other => "other",
        }
    }
}

/// One span of text in one paragraph of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub article: String,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
/// Shared strings: an article's id, a surface and an entity's name stand in thousands of
/// mentions, each held by its entity and by its article (a count, not a copy, each time).
pub struct Mention {
    pub article: Arc<str>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: Arc<str>,
    /// Canonical name of the entity.
    pub entity: Arc<str>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    pub aliases: Vec<String>,
    pub articles: Vec<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub article: String,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// The quotation without its quotation marks.
    pub text: String,
    pub speaker: Option<String>,
    /// The words that attribute it (`said`, `wrote on X`, `according to`).
    pub cue: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Count,
    Money,
    Percent,
    Date,
    Time,
    Duration,
    Measure,
    Ordinal,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub article: String,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: FigureKind,
    pub value: Value,
    pub unit: Option<String>,
    pub measure: Option<String>,
    pub approx: bool,
    pub claimed_by: Option<String>,
    /// The lower bound wording (`at least`, `more than`) or upper bound (`up to`, `nearly`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// The place, organisation or person the figure is about, when the sentence names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The entities named in the figure's sentence: what two figures must share to be about
    /// the same thing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// Years written in the same sentence (`in 2004`): a figure of another year is another event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Lower,
    Upper,
}

/// Everything the analysis found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    pub id: String,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// The analysis of a whole corpus: entities merged across articles, and per-article results
/// in the corpus order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub articles: Vec<ArticleAnalysis>,
}

impl Analysis {
    pub fn article(&self, id: &str) -> Option<&ArticleAnalysis> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn entity(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name == name)
    }

    /// The entity that `name` names: its canonical name or any alias, folded.
    pub fn entity_by_alias(&self, name: &str) -> Option<&Entity> {
        let key = crate::text::fold::fold(name);
        let skel = crate::text::fold::skeleton(name);
        self.entities
            .iter()
            .find(|e| {
                crate::text::fold::fold(&e.name) == key || e.aliases.iter().any(|a| crate::text::fold::fold(a) == key)
            })
            .or_else(|| {
                self.entities.iter().find(|e| {
                    e.aliases.iter().chain(std::iter::once(&e.name)).any(|a| {
                        let words: Vec<&str> = a.split_whitespace().collect();
                        words.last().is_some_and(|w| crate::text::fold::skeleton(w) == skel)
                    })
                })
            })
    }
}
