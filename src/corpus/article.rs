//! One report as diptych knows it: metadata and paragraphs.

use crate::text::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub paragraphs: Vec<String>,
    /// Where it was read from (a file path, or `bundled:NAME`).
    pub path: String,
    /// A dateline that opened the first paragraph (`PARIS`), kept in the text but not the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
}

impl Article {
    pub fn words(&self) -> usize {
        self.paragraphs.iter().map(|p| p.split_whitespace().count()).sum()
    }
}

/// What a format parser extracts from one document before ids are assigned.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub paragraphs: Vec<String>,
    pub dateline: Option<String>,
}
