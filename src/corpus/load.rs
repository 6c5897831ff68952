//! Loading a corpus from disk: every file at once ([`read_and_parse`]), read but not parsed
//! until the cache has been asked ([`Raw`]), or in batches ([`Stream`]). Unreadable, binary,
//! empty, oversized or malformed files are skipped with one warning each.

use super::assemble::{Parsed, name, parse};
use super::fingerprint::{Builder, Fingerprint};
use super::read::{hashed, source};
use crate::config::DateOrder;
use crate::error::{Error, Result};
use crate::warning::Warning;
use rayon::prelude::*;
use std::path::PathBuf;

pub use super::assemble::{apply_ids, build};
pub use super::read::{Content, EXTENSIONS, LoadOptions, Loaded, Source};
pub use super::stream::Stream;

/// Loads every article under `paths`. A missing path is an error; so is a corpus with no
/// articles. Unreadable, binary, empty, oversized or malformed files are skipped with a warning.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Loaded> {
    let (mut loaded, mut warnings) = read_and_parse(paths, opts, &|_, _| {})?;
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    Ok(loaded)
}

/// The same, calling `progress(done, total)` as files are read (from worker threads), with
/// the warnings of finding the files apart from those of parsing them. Each file is parsed
/// as soon as it is read, while its bytes are still in the processor's cache, and its bytes
/// are freed at once: faster than reading every file and then parsing them, and smaller.
pub fn read_and_parse(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Loaded, Vec<Warning>)> {
    let (mut stream, warnings) = Stream::open(paths, opts)?;
    let loaded = stream.next_batch_with_progress(usize::MAX, progress).unwrap_or_default();
    if loaded.corpus.articles.is_empty() {
        let mut reasons = warnings;
        reasons.extend(loaded.warnings);
        return Err(empty(paths, reasons));
    }
    Ok((loaded, warnings))
}

/// Every file of a corpus read but not yet parsed, with the fingerprint of them all: an
/// analysis cached for that fingerprint needs no parsing at all.
pub struct Raw {
    paths: Vec<PathBuf>,
    date_order: DateOrder,
    files: Vec<(Source, [u8; 32])>,
    /// Warnings from finding the files (parsing adds its own).
    pub warnings: Vec<Warning>,
    pub fingerprint: Fingerprint,
}

impl Raw {
    /// The bytes read, in all.
    pub fn bytes(&self) -> u64 {
        self.files
            .iter()
            .map(|(s, _)| match &s.content {
                Content::Text(t) => t.len() as u64,
                Content::Bytes(b) => b.len() as u64,
                Content::Skip(_) => 0,
            })
            .sum()
    }

    /// Reads every file under `paths`, calling `progress(done, total)` as files are read
    /// (from worker threads).
    pub fn read_with_progress(
        paths: &[PathBuf],
        opts: &LoadOptions,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Raw> {
        let (stream, warnings) = Stream::open(paths, opts)?;
        let total = stream.files().len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let files: Vec<(Source, [u8; 32])> = stream
            .files()
            .par_iter()
            .map(|p| {
                let file = hashed(source(p, opts));
                progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
                file
            })
            .collect();
        let mut fp = Builder::default();
        for (_, h) in &files {
            fp.add(h);
        }
        Ok(Raw { paths: paths.to_vec(), date_order: opts.date_order, files, warnings, fingerprint: fp.finish() })
    }

    /// Parses the files, calling `progress(done, total)` as they are parsed (from worker
    /// threads): the corpus `load_paths` gives (with the warnings of parsing only), or the
    /// error for one with no articles.
    pub fn parse_with_progress(self, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<Loaded> {
        let Raw { paths, files, fingerprint, date_order, .. } = self;
        let total = files.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let parsed: Vec<Parsed> = files
            .into_par_iter()
            .map(|(s, h)| {
                let p = parse(s, h);
                progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
                p
            })
            .collect();
        let mut loaded = name(parsed, date_order);
        loaded.fingerprint = fingerprint;
        if loaded.corpus.articles.is_empty() {
            return Err(empty(&paths, loaded.warnings));
        }
        Ok(loaded)
    }
}

/// The error for a corpus in which nothing could be read.
pub fn empty(paths: &[PathBuf], reasons: Vec<Warning>) -> Error {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    Error::EmptyCorpus { paths: names.join(", "), reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files whose ids collide (one stem in two folders, a JSON Lines file of two articles
    /// with its own ids, an unreadable file): read in batches of one, the articles and their
    /// final ids are those of one whole read.
    #[test]
    fn a_stream_in_batches_gives_what_one_read_gives() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        };
        let body = "The harbour board met on Tuesday and agreed to repair the old pier before winter.";
        write("east/report.txt", &format!("Pier repairs\n\n{body}"));
        write("west/report.txt", &format!("Pier vote\n\n{body}"));
        write("feed.jsonl", &format!("{{\"id\":\"report\",\"text\":\"{body}\"}}\n{{\"text\":\"{body}\"}}\n"));
        write("empty.txt", "  \n");
        write("zed.md", &format!("# Winter works\n\n{body}"));
        let opts = LoadOptions::default();
        let whole = load_paths(&[dir.path().to_path_buf()], &opts).expect("loads");
        let (mut stream, _) = Stream::open(&[dir.path().to_path_buf()], &opts).expect("opens");
        let mut articles = Vec::new();
        let mut warnings = Vec::new();
        while let Some(mut b) = stream.next_batch(1) {
            articles.append(&mut b.corpus.articles);
            warnings.append(&mut b.warnings);
        }
        assert_eq!(stream.done(), stream.total());
        assert_eq!(stream.fingerprint(), whole.fingerprint, "the reader and the command line share cache entries");
        assert!(!whole.fingerprint.is_empty());
        assert!(apply_ids(&mut articles, stream.final_ids()), "feed.jsonl's first article is titled by its id");
        assert_eq!(articles, whole.corpus.articles);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["east/report", &whole.corpus.articles[1].id, "feed-2", "west/report", "zed"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // read first and parsed after (the cache's way): the same again
        let raw = Raw::read_with_progress(&[dir.path().to_path_buf()], &opts, &|_, _| {}).expect("reads");
        assert_eq!(raw.fingerprint, whole.fingerprint);
        let parsed = raw.parse_with_progress(&|_, _| {}).expect("parses");
        assert_eq!(parsed.corpus.articles, whole.corpus.articles);
        assert_eq!(parsed.warnings, whole.warnings);
    }
}
