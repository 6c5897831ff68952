//! Typed errors of the library. The binary turns each into a one-line `error: ...` message.

use crate::warning::Warning;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no such file or folder: {}", .0.display())]
    NoSuchPath(PathBuf),
    /// Nothing could be read; `reasons` says why for each file (one warning each).
    #[error("no articles found in {paths}")]
    EmptyCorpus { paths: String, reasons: Vec<Warning> },
    #[error("unknown article '{query}'{}", suggest(.suggestions))]
    UnknownArticle { query: String, suggestions: Vec<String> },
    #[error("'{query}' names more than one article: {}", .candidates.join(", "))]
    AmbiguousArticle { query: String, candidates: Vec<String> },
    #[error("malformed config {}:{line}:{column}: {message}", .file.display())]
    Config { file: PathBuf, line: usize, column: usize, message: String },
    #[error("cannot read {}: {source}", .path.display())]
    Read { path: PathBuf, source: std::io::Error },
    /// Output that cannot be written (not a closed pipe, which is no error).
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    /// The reader's terminal failed.
    #[error("terminal: {0}")]
    Terminal(std::io::Error),
    #[error("{0}")]
    Usage(String),
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() { String::new() } else { format!("; closest: {}", s.join(", ")) }
}

impl Error {
    /// Lines to tell before the error's own: why each file was skipped.
    pub fn reasons(&self) -> &[Warning] {
        match self {
            Error::EmptyCorpus { reasons, .. } => reasons,
            _ => &[],
        }
    }

    /// Exit status for this error as the contract defines it: 2 for bad usage or input, 1
    /// when reading, writing or the terminal failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Read { .. } | Error::Io { .. } | Error::Terminal(_) => 1,
            _ => 2,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
