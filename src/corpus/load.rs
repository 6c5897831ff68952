//! Reading files from disk: walking folders, skipping what cannot be read, warning once each.
//! This is the only part of the corpus that does I/O.

use super::{Article, Corpus, ids, parse_document};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder. A file named on the command line is read whatever
/// its extension (as plain text when unknown).
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson"];

#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_file_bytes: 20 * 1024 * 1024 }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub warnings: Vec<String>,
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
    let sources: Vec<Source> = files
        .par_iter()
        .map(|p| Source { path: p.clone(), display: p.display().to_string(), content: read(p, opts) })
        .collect();
    let mut loaded = build(sources);
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    if loaded.corpus.articles.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::EmptyCorpus(names.join(", ")));
    }
    Ok(loaded)
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
    let mut paths: Vec<(PathBuf, Option<bool>)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let is_dir = e.file_type().ok().filter(|t| !t.is_symlink()).map(|t| t.is_dir());
            (e.path(), is_dir)
        })
        .collect();
    paths.sort();
    for (p, is_dir) in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
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
    use std::io::Read;
    // one open and one stat a file: at 100,000 files the system calls are most of loading
    let mut f = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => return Content::Skip(format!("cannot read ({}), skipped", e.kind())),
    };
    let len = match f.metadata() {
        Ok(m) if m.len() > opts.max_file_bytes => {
            return Content::Skip(format!("larger than the {} MB limit, skipped", opts.max_file_bytes / (1024 * 1024)));
        }
        Ok(m) => m.len() as usize,
        Err(e) => return Content::Skip(format!("cannot read ({e}), skipped")),
    };
    let mut b = Vec::with_capacity(len + 1);
    match f.read_to_end(&mut b) {
        Ok(_) => Content::Bytes(b),
        Err(e) => Content::Skip(format!("cannot read ({}), skipped", e.kind())),
    }
}

/// Decodes, parses and names the documents. Pure apart from the order given.
pub fn build(sources: Vec<Source>) -> Loaded {
    let parsed: Vec<(Source, Vec<super::Draft>, Vec<String>)> = sources
        .into_par_iter()
        .map(|mut s| {
            let mut warnings = Vec::new();
            let text = match std::mem::replace(&mut s.content, Content::Skip(String::new())) {
                Content::Skip(why) => {
                    warnings.push(format!("warning: {}: {why}", s.display));
                    return (s, Vec::new(), warnings);
                }
                Content::Text(t) => t,
                Content::Bytes(b) => {
                    if b.iter().take(8192).any(|x| *x == 0) {
                        warnings.push(format!("warning: {}: binary file, skipped", s.display));
                        return (s, Vec::new(), warnings);
                    }
                    match String::from_utf8(b) {
                        Ok(t) => t,
                        Err(e) => {
                            warnings.push(format!(
                                "warning: {}: invalid UTF-8, decoded with replacement characters",
                                s.display
                            ));
                            String::from_utf8_lossy(e.as_bytes()).into_owned()
                        }
                    }
                }
            };
            if text.trim().trim_start_matches('\u{feff}').is_empty() {
                warnings.push(format!("warning: {}: empty file, skipped", s.display));
                return (s, Vec::new(), warnings);
            }
            match parse_document(&extension(&s.path), &text) {
                Ok(drafts) => {
                    let drafts: Vec<_> = drafts.into_iter().filter(|d| !d.paragraphs.is_empty()).collect();
                    if drafts.is_empty() {
                        warnings.push(format!("warning: {}: no article text, skipped", s.display));
                    }
                    (s, drafts, warnings)
                }
                Err(why) => {
                    warnings.push(format!("warning: {}: {why}; skipped", s.display));
                    (s, Vec::new(), warnings)
                }
            }
        })
        .collect();
    let mut warnings = Vec::new();
    let mut named: Vec<(PathBuf, Option<String>, String, super::Draft)> = Vec::new();
    for (s, drafts, mut w) in parsed {
        warnings.append(&mut w);
        let several = drafts.len() > 1;
        let stem = s.path.file_stem().map(|x| x.to_string_lossy().into_owned()).unwrap_or_default();
        for (i, d) in drafts.into_iter().enumerate() {
            let explicit = d.id.clone().or_else(|| several.then(|| format!("{stem}-{}", i + 1)));
            named.push((s.path.clone(), explicit, s.display.clone(), d));
        }
    }
    let keys: Vec<(&Path, Option<String>)> = named.iter().map(|(p, e, _, _)| (p.as_path(), e.clone())).collect();
    let ids = ids::assign(&keys);
    let articles = named
        .into_iter()
        .zip(ids)
        .map(|((_, _, display, d), id)| Article {
            title: d.title.unwrap_or_else(|| id.clone()),
            id,
            source: d.source,
            author: d.author,
            date: d.date,
            paragraphs: d.paragraphs,
            path: display,
            dateline: d.dateline,
        })
        .collect();
    Loaded { corpus: Corpus { articles }, warnings }
}
