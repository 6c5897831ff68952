//! The five reports that ship inside the binary.

use super::{Corpus, load};

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The bundled corpus, parsed exactly as files on disk would be.
pub fn corpus() -> Corpus {
    let files: Vec<load::Source> = BUNDLED
        .iter()
        .map(|(name, text)| load::Source {
            path: std::path::PathBuf::from(name),
            display: format!("bundled:{name}"),
            content: load::Content::Text((*text).to_string()),
        })
        .collect();
    load::build(files).corpus
}
