//! Reading files from disk: walking folders, skipping what cannot be read, warning once each.
//! This is the only part of the corpus that does I/O.

use super::fingerprint::{self, Builder, FileContent, Fingerprint};
use super::{Article, Corpus, ids, parse_document};
use crate::config::DateOrder;
use crate::error::{Error, Result};
use crate::text::date::Date;
use rayon::prelude::*;
use std::collections::HashSet;
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
    pub warnings: Vec<String>,
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
) -> Result<(Loaded, Vec<String>)> {
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
    pub warnings: Vec<String>,
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
        let total = stream.files.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let files: Vec<(Source, [u8; 32])> = stream
            .files
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

/// A file's name and content (or why it could not be read) hashed together.
fn hashed(s: Source) -> (Source, [u8; 32]) {
    let content = match &s.content {
        Content::Text(t) => FileContent::Bytes(t.as_bytes()),
        Content::Bytes(b) => FileContent::Bytes(b),
        Content::Skip(why) => FileContent::Skipped(why),
    };
    let v = fingerprint::of_file(&s.display, content);
    (s, v)
}

fn source(p: &Path, opts: &LoadOptions) -> Source {
    Source { path: p.to_path_buf(), display: p.display().to_string(), content: read(p, opts) }
}

/// The error for a corpus in which nothing could be read.
pub fn empty(paths: &[PathBuf], reasons: Vec<String>) -> Error {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    Error::EmptyCorpus { paths: names.join(", "), reasons }
}

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
    pub fn open(paths: &[PathBuf], opts: &LoadOptions) -> Result<(Stream, Vec<String>)> {
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
    fn next_batch_with_progress(&mut self, n: usize, progress: &(dyn Fn(usize, usize) + Sync)) -> Option<Loaded> {
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

fn walk(dir: &Path, out: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>, warnings: &mut Vec<String>) {
    // A symlink loop leads back to a folder already seen: stop there.
    let Ok(canon) = std::fs::canonicalize(dir) else {
        warnings.push(format!("warning: {}: cannot resolve folder, skipped", dir.display()));
        return;
    };
    if !visited.insert(canon) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warnings.push(format!("warning: {}: cannot read folder ({e}), skipped", dir.display()));
            return;
        }
    };
    // the entry's own file type costs no system call; only links need following
    let mut paths: Vec<(std::ffi::OsString, PathBuf, Option<bool>)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let is_dir = e.file_type().ok().filter(|t| !t.is_symlink()).map(|t| t.is_dir());
            (e.file_name(), e.path(), is_dir)
        })
        .collect();
    // one folder's entries differ only in their names: comparing those is the same order
    // as comparing whole paths, without splitting each into components
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, p, is_dir) in paths {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let is_dir = match is_dir {
            Some(d) => Ok(d),
            None => std::fs::metadata(&p).map(|m| m.is_dir()),
        };
        match is_dir {
            Ok(true) => walk(&p, out, visited, warnings),
            Ok(false) => {
                if EXTENSIONS.contains(&extension(&p).as_str()) {
                    out.push(p);
                }
            }
            Err(_) => warnings.push(format!("warning: {}: broken link or unreadable entry, skipped", p.display())),
        }
    }
}

fn extension(p: &Path) -> String {
    p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
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

/// Gives articles read by a [`Stream`] their final ids; an article titled by its id takes
/// the new one as its title too. True when a title changed.
pub fn apply_ids(articles: &mut [Article], ids: Vec<String>) -> bool {
    let mut retitled = false;
    for (a, id) in articles.iter_mut().zip(ids) {
        if a.id != id {
            if a.title == a.id {
                a.title = id.clone();
                retitled = true;
            }
            a.id = id;
        }
    }
    retitled
}

/// One document after parsing: its articles' drafts and the warnings it gave.
struct Parsed {
    source: Source,
    hash: [u8; 32],
    drafts: Vec<super::Draft>,
    warnings: Vec<String>,
}

/// Decodes, parses and names the documents. Pure apart from the order given.
pub fn build(sources: Vec<Source>) -> Loaded {
    name(
        sources
            .into_par_iter()
            .map(|s| {
                let (s, h) = hashed(s);
                parse(s, h)
            })
            .collect(),
        DateOrder::Auto,
    )
}

/// Articles with their final ids, and the fingerprint of their files.
fn name(parsed: Vec<Parsed>, order: DateOrder) -> Loaded {
    let keys = keys(&parsed);
    let ids = ids::assign(&keys.iter().map(|(_, p, e)| (*p, e.clone())).collect::<Vec<_>>());
    let mut fp = Builder::default();
    for p in &parsed {
        fp.add(&p.hash);
    }
    let mut loaded = assemble(parsed, ids, order);
    loaded.fingerprint = fp.finish();
    loaded
}

/// Each draft's document (its index and path) and the id it asks for: its own, or the file
/// stem numbered when one file holds several.
fn keys(parsed: &[Parsed]) -> Vec<(usize, &Path, Option<String>)> {
    let mut out = Vec::new();
    for (i, p) in parsed.iter().enumerate() {
        let several = p.drafts.len() > 1;
        let stem = || p.source.path.file_stem().map(|x| x.to_string_lossy().into_owned()).unwrap_or_default();
        for (j, d) in p.drafts.iter().enumerate() {
            let explicit = d.id.clone().or_else(|| several.then(|| format!("{}-{}", stem(), j + 1)));
            out.push((i, p.source.path.as_path(), explicit));
        }
    }
    out
}

/// Articles from the drafts, with their ids in draft order.
fn assemble(parsed: Vec<Parsed>, ids: Vec<String>, order: DateOrder) -> Loaded {
    let mut warnings = Vec::new();
    let mut articles = Vec::with_capacity(ids.len());
    let mut undecided: Vec<(usize, (Date, Date))> = Vec::new();
    let mut ids = ids.into_iter();
    for mut p in parsed {
        warnings.append(&mut p.warnings);
        for (d, id) in p.drafts.into_iter().zip(ids.by_ref()) {
            if let Some(both) = d.date_other {
                undecided.push((articles.len(), both));
            }
            articles.push(Article {
                title: d.title.unwrap_or_else(|| id.clone()),
                id,
                source: d.source,
                author: d.author,
                date: d.date,
                updated: d.updated,
                paragraphs: d.paragraphs,
                path: p.source.display.clone(),
                dateline: d.dateline,
            });
        }
    }
    if !undecided.is_empty() {
        settle_dates(&mut articles, &undecided, order, &mut warnings);
    }
    Loaded { corpus: Corpus { articles }, warnings, fingerprint: Fingerprint::default() }
}

/// Decides ambiguous numeric dates (`07/04/2025`) by the other reports: a report of one
/// event is dated near the others. What they do not decide is read as configured, with a
/// warning.
fn settle_dates(
    articles: &mut [Article],
    undecided: &[(usize, (Date, Date))],
    order: DateOrder,
    warnings: &mut Vec<String>,
) {
    let open: std::collections::HashSet<usize> = undecided.iter().map(|(i, _)| *i).collect();
    let known: Vec<i64> = articles
        .iter()
        .enumerate()
        .filter(|(i, _)| !open.contains(i))
        .filter_map(|(_, a)| a.date.map(Date::to_days))
        .collect();
    // how far a reading is from the nearest report whose date is known
    let nearest = |d: Date| known.iter().map(|k| (k - d.to_days()).abs()).min();
    for &(i, (month_first, day_first)) in undecided {
        let Some(a) = articles.get_mut(i) else { continue };
        let by_corpus = match (nearest(month_first), nearest(day_first)) {
            (Some(m), Some(d)) if m <= 7 && d > 30 => Some(month_first),
            (Some(m), Some(d)) if d <= 7 && m > 30 => Some(day_first),
            _ => None,
        };
        if let Some(d) = by_corpus {
            a.date = Some(d);
            continue;
        }
        let chosen = match order {
            DateOrder::DayFirst => day_first,
            DateOrder::MonthFirst => month_first,
            DateOrder::Auto => a.date.unwrap_or(month_first),
        };
        a.date = Some(chosen);
        warnings.push(format!(
            "warning: {}: the date could be {} or {}; read as {} ([corpus] date_order decides)",
            a.path,
            month_first.iso(),
            day_first.iso(),
            chosen.iso()
        ));
    }
}

/// Decodes and parses one document; what cannot be read becomes a warning.
fn parse(mut s: Source, hash: [u8; 32]) -> Parsed {
    let mut warnings = Vec::new();
    let text = match std::mem::replace(&mut s.content, Content::Skip(String::new())) {
        Content::Skip(why) => {
            warnings.push(format!("warning: {}: {why}", s.display));
            return Parsed { source: s, hash, drafts: Vec::new(), warnings };
        }
        Content::Text(t) => t,
        Content::Bytes(b) => {
            if b[..b.len().min(8192)].contains(&0) {
                warnings.push(format!("warning: {}: binary file, skipped", s.display));
                return Parsed { source: s, hash, drafts: Vec::new(), warnings };
            }
            match String::from_utf8(b) {
                Ok(t) => t,
                Err(e) => {
                    warnings
                        .push(format!("warning: {}: invalid UTF-8, decoded with replacement characters", s.display));
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            }
        }
    };
    if text.trim().trim_start_matches('\u{feff}').is_empty() {
        warnings.push(format!("warning: {}: empty file, skipped", s.display));
        return Parsed { source: s, hash, drafts: Vec::new(), warnings };
    }
    let drafts = match parse_document(&extension(&s.path), &text) {
        Ok(drafts) => {
            let mut drafts: Vec<_> = drafts.into_iter().filter(|d| !d.paragraphs.is_empty()).collect();
            // the text is kept for the whole run: no spare capacity (collapsed white space and
            // stripped markup leave some in every paragraph)
            for p in drafts.iter_mut().flat_map(|d| d.paragraphs.iter_mut()) {
                p.shrink_to_fit();
            }
            drafts.iter_mut().for_each(|d| d.paragraphs.shrink_to_fit());
            if drafts.is_empty() {
                warnings.push(format!("warning: {}: no article text, skipped", s.display));
            }
            drafts
        }
        Err(why) => {
            warnings.push(format!("warning: {}: {why}; skipped", s.display));
            Vec::new()
        }
    };
    Parsed { source: s, hash, drafts, warnings }
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
