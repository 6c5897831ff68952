//! The analysis cache: an unchanged corpus is not analysed twice, nor even parsed. An entry
//! is keyed by the corpus's fingerprint and everything else the analysis depends on
//! ([`key`]), laid out in checksummed chunks ([`framing`]) from the stored form of the
//! analysis ([`schema`]), and kept in the cache folder ([`store`]). A damaged, foreign or
//! stale entry is a miss and is rebuilt; a cache that cannot be read or written only makes
//! a slower run. This is I/O at the edge: the analysis stays pure.

mod framing;
pub mod key;
mod schema;
pub mod store;

use crate::analysis::{self, Analysis};
use crate::corpus::{Corpus, Fingerprint};
use crate::warning::Warning;
pub use key::Key;
use std::borrow::Cow;
use std::path::PathBuf;
pub use store::{KEEP, dir, prune};

/// A cached analysis and the warnings its files gave when they were parsed.
pub struct Hit {
    pub analysis: Analysis,
    pub warnings: Vec<Warning>,
}

/// The largest entry read for a corpus of `corpus_bytes`: the results grow with the text,
/// so anything far larger is not an entry of this corpus.
pub fn max_entry_bytes(corpus_bytes: u64) -> u64 {
    corpus_bytes.saturating_mul(32).saturating_add(64 << 20)
}

/// Whether the cache holds an entry for these files (without reading it).
pub fn has(fingerprint: &Fingerprint, opts: &analysis::Options) -> bool {
    dir().is_some_and(|d| store::has(&d, &Key::new(fingerprint, opts)))
}

/// The cached analysis of the files with this fingerprint, if there is a sound one.
pub fn lookup(fingerprint: &Fingerprint, opts: &analysis::Options, corpus_bytes: u64) -> Option<Hit> {
    let d = store::read(&dir()?, &Key::new(fingerprint, opts), max_entry_bytes(corpus_bytes))?;
    Some(Hit { analysis: d.analysis, warnings: d.file_warnings })
}

/// The cached analysis of `corpus` (whose files have this fingerprint and gave these
/// warnings), or a fresh one (then cached; an owned corpus is given up as it is analysed, see
/// [`analysis::analyse_corpus`]). `progress` is called while analysing.
pub fn analyse(
    corpus: Cow<'_, Corpus>,
    fingerprint: &Fingerprint,
    warnings: &[Warning],
    opts: &analysis::Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Analysis {
    let (a, unsaved) = analyse_unsaved(corpus, fingerprint, warnings, opts, progress);
    if let Some(u) = unsaved {
        u.save(&a);
    }
    a
}

/// [`analyse`], leaving a new entry to be written by the caller (while it prints, say).
pub fn analyse_unsaved(
    corpus: Cow<'_, Corpus>,
    fingerprint: &Fingerprint,
    warnings: &[Warning],
    opts: &analysis::Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Analysis, Option<Unsaved>) {
    let Some(dir) = dir() else {
        return (analysis::analyse_corpus(corpus, opts, progress), None);
    };
    let key = Key::new(fingerprint, opts);
    let bytes: u64 = corpus.articles.iter().map(|a| a.paragraphs.iter().map(|p| p.len() as u64).sum::<u64>()).sum();
    // the ids must be the corpus's own: an entry is never served for other articles
    if let Some(d) = store::read(&dir, &key, max_entry_bytes(bytes))
        && d.analysis.articles.len() == corpus.articles.len()
        && d.analysis.articles.iter().zip(&corpus.articles).all(|(x, y)| x.id == y.id)
    {
        return (d.analysis, None);
    }
    let a = analysis::analyse_corpus(corpus, opts, progress);
    (a, Some(Unsaved { dir, key, warnings: warnings.to_vec() }))
}

/// Where a new analysis goes in the cache, and the warnings stored with it.
pub struct Unsaved {
    dir: PathBuf,
    key: Key,
    warnings: Vec<Warning>,
}

impl Unsaved {
    /// Writes the entry and prunes old ones; a cache that cannot be written is only a slower
    /// next run.
    pub fn save(self, a: &Analysis) {
        let _ = store::write(&self.dir, &self.key, a, &self.warnings);
        prune(&self.dir, KEEP);
    }
}
