//! The five reports that ship inside the binary.

use super::{Corpus, load};

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The bundled corpus, parsed exactly as files on disk would be.
pub fn corpus() -> Corpus {
    load().corpus
}

/// The same with its fingerprint (for the analysis cache).
pub fn load() -> load::Loaded {
    let files: Vec<load::Source> = BUNDLED
        .iter()
        .map(|(name, text)| load::Source {
            path: std::path::PathBuf::from(name),
            display: format!("bundled:{name}"),
            content: load::Content::Text((*text).to_string()),
        })
        .collect();
    load::build(files)
}

/// Edge strings and then every paragraph of the bundled corpus: the inputs on which the
/// byte-level text routines are checked against their first, simpler versions.
#[cfg(test)]
pub(crate) fn test_paragraphs(edges: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = edges.iter().map(|s| s.to_string()).collect();
    texts.extend(corpus().articles.into_iter().flat_map(|a| a.paragraphs));
    texts
}
