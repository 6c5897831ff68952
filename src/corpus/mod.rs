//! Files in, articles out: reading every supported format into [`Article`]s with ids.

pub mod article;
pub mod bundled;
pub mod fingerprint;
pub mod header;
pub mod html;
pub mod ids;
pub mod json;
pub mod load;
pub mod lookup;
pub mod plain;

pub use article::{Article, Draft};
pub use fingerprint::Fingerprint;
pub use load::{LoadOptions, Loaded, load_paths};

use serde::Serialize;

/// The articles of one session, in a stable order.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

impl Corpus {
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }
}

/// Parses one document's bytes by its extension. Pure: the loader does the I/O.
/// Returns the drafts (a JSON array or JSONL file holds several) or a reason to skip it.
pub fn parse_document(ext: &str, text: &str) -> Result<Vec<Draft>, String> {
    match ext {
        "html" | "htm" | "xhtml" => html::parse(text).map(|d| vec![d]),
        "json" => json::parse_json(text),
        "jsonl" | "ndjson" => json::parse_jsonl(text),
        "md" | "markdown" => Ok(vec![plain::parse(text, true)]),
        _ => Ok(vec![plain::parse(text, false)]),
    }
}
