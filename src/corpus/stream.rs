//! A corpus read a batch of files at a time, so that the reader shows the first articles
//! while the rest are still being read.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use super::assemble::{Parsed, assemble, keys, parse};
use super::fingerprint::{Builder, Fingerprint};
use super::ids;
use super::read::{LoadOptions, Loaded, hashed, source};
use super::walk::walk;
use crate::error::{Error, Result};
use crate::warning::Warning;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A corpus read a batch of files at a time, in the order `load_paths` gives, so that the
/// reader can show the first articles while the rest are still being read.
pub struct Stream {
    files: Vec<PathBuf>,
    opts: LoadOptions,
    next: usize,
    /// Each article's file and the id its document asks for, for the final ids.
    keys: Vec<(PathBuf, Option<String>)>,
    /// Ids by file as if each held one article without an id of its own: what a batch gets
    /// before every file is known (the final ids differ only where that guess was wrong).
    provisional: Vec<String>,
    fingerprint: Builder,
}

impl Stream {
    /// Finds the files under `paths` (a missing path is an error); reads none yet.
    pub fn open(paths: &[PathBuf], opts: &LoadOptions) -> Result<(Stream, Vec<Warning>)> {
        let mut files: Vec<PathBuf> = Vec::new();
        let mut warnings = Vec::new();
        let mut visited: HashSet<PathBuf> = HashSet::new();
        for p in paths {
            let meta = std::fs::metadata(p).map_err(|_| Error::NoSuchPath(p.clone()))?;
            if meta.is_dir() {
                walk(p, &mut files, &mut visited, &mut warnings);
            } else {
                files.push(p.clone());
            }
        }
        let stream = Stream {
            files,
            opts: opts.clone(),
            next: 0,
            keys: Vec::new(),
            provisional: Vec::new(),
            fingerprint: Builder::default(),
        };
        Ok((stream, warnings))
    }

    /// The files found, in reading order.
    pub(crate) fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Files found.
    pub fn total(&self) -> usize {
        self.files.len()
    }

    /// Files read so far.
    pub fn done(&self) -> usize {
        self.next
    }

    /// Reads and parses up to `n` more files (in parallel); `None` once all are read.
    pub fn next_batch(&mut self, n: usize) -> Option<Loaded> {
        self.next_batch_with_progress(n, &|_, _| {})
    }

    /// The same, calling `progress(done, n)` as the batch's files are read.
    pub(crate) fn next_batch_with_progress(
        &mut self,
        n: usize,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Option<Loaded> {
        if self.next >= self.files.len() {
            return None;
        }
        let end = self.next.saturating_add(n).min(self.files.len());
        let whole = self.next == 0 && end == self.files.len();
        let opts = &self.opts;
        let (total, done) = (end - self.next, std::sync::atomic::AtomicUsize::new(0));
        let parsed: Vec<Parsed> = self.files[self.next..end]
            .par_iter()
            .map(|p| {
                let (s, h) = hashed(source(p, opts));
                let parsed = parse(s, h);
                progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
                parsed
            })
            .collect();
        for p in &parsed {
            self.fingerprint.add(&p.hash);
        }
        let first = self.next;
        self.next = end;
        let keys = keys(&parsed);
        let ids = if whole {
            ids::assign(&keys.iter().map(|(_, p, e)| (*p, e.clone())).collect::<Vec<_>>())
        } else {
            if self.provisional.is_empty() {
                let all: Vec<(&Path, Option<String>)> = self.files.iter().map(|p| (p.as_path(), None)).collect();
                self.provisional = ids::assign(&all);
            }
            keys.iter().map(|(i, _, e)| e.clone().unwrap_or_else(|| self.provisional[first + i].clone())).collect()
        };
        self.keys.extend(keys.iter().map(|(_, p, e)| (p.to_path_buf(), e.clone())));
        let mut loaded = assemble(parsed, ids, self.opts.date_order);
        loaded.fingerprint = self.fingerprint.finish();
        Some(loaded)
    }

    /// The fingerprint of the files read so far (of the corpus, once all are).
    pub fn fingerprint(&self) -> Fingerprint {
        self.fingerprint.finish()
    }

    /// The ids of every article read, once all files are: the same `load_paths` gives.
    pub fn final_ids(&self) -> Vec<String> {
        let keys: Vec<(&Path, Option<String>)> = self.keys.iter().map(|(p, e)| (p.as_path(), e.clone())).collect();
        ids::assign(&keys)
    }
}
