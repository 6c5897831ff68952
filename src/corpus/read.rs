//! Reading one file: its bytes (or why they cannot be had) and their hash. With the folder
//! walk, the only I/O of the corpus.

use super::article::Corpus;
use super::fingerprint::{self, FileContent, Fingerprint};
use crate::warning::Warning;
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder. A file named on the command line is read whatever
/// its extension (as plain text when unknown).
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson"];

#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
    pub date_order: crate::config::DateOrder,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_file_bytes: 20 * 1024 * 1024, date_order: crate::config::DateOrder::Auto }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
    /// A hash of every file read (name and bytes, in order): what the analysis cache is
    /// keyed by, known before anything is parsed.
    pub fingerprint: Fingerprint,
}

pub enum Content {
    Text(String),
    Bytes(Vec<u8>),
    Skip(String),
}

pub struct Source {
    pub path: PathBuf,
    pub display: String,
    pub content: Content,
}

/// A file's name and content (or why it could not be read) hashed together.
pub(crate) fn hashed(s: Source) -> (Source, [u8; 32]) {
    let content = match &s.content {
        Content::Text(t) => FileContent::Bytes(t.as_bytes()),
        Content::Bytes(b) => FileContent::Bytes(b),
        Content::Skip(why) => FileContent::Skipped(why),
    };
    let v = fingerprint::of_file(&s.display, content);
    (s, v)
}

pub(crate) fn source(p: &Path, opts: &LoadOptions) -> Source {
    Source { path: p.to_path_buf(), display: p.display().to_string(), content: read(p, opts) }
}

fn read(p: &Path, opts: &LoadOptions) -> Content {
    use crate::files::{Refused, read_limited};
    // one open and one stat a file: at 100,000 files the system calls are most of loading
    match read_limited(p, opts.max_file_bytes) {
        Ok(b) => Content::Bytes(b),
        Err(Refused::Io(e)) => Content::Skip(format!("cannot read ({}), skipped", e.kind())),
        Err(why) => Content::Skip(format!("{why}, skipped")),
    }
}
