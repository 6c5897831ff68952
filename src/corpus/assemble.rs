//! From files read to articles: decoding and parsing each document, then naming the articles
//! and settling ambiguous dates across the corpus. Pure: the bytes are read already.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use super::article::{Article, Corpus, Draft};
use super::fingerprint::{Builder, Fingerprint};
use super::read::Loaded;
use super::read::{Content, Source, hashed};
use super::walk::extension;
use super::{html, ids, json, plain};
use crate::config::DateOrder;
use crate::text::date::Date;
use crate::warning::Warning;
use rayon::prelude::*;
use std::path::Path;

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
pub(crate) struct Parsed {
    pub(crate) source: Source,
    pub(crate) hash: [u8; 32],
    drafts: Vec<Draft>,
    warnings: Vec<Warning>,
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
pub(crate) fn name(parsed: Vec<Parsed>, order: DateOrder) -> Loaded {
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
pub(crate) fn keys(parsed: &[Parsed]) -> Vec<(usize, &Path, Option<String>)> {
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
pub(crate) fn assemble(parsed: Vec<Parsed>, ids: Vec<String>, order: DateOrder) -> Loaded {
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
                url: d.url,
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
    warnings: &mut Vec<Warning>,
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
        warnings.push(Warning::about(
            &a.path,
            format!(
                "the date could be {} or {}; read as {} ([corpus] date_order decides)",
                month_first.iso(),
                day_first.iso(),
                chosen.iso()
            ),
        ));
    }
}

/// Decodes and parses one document; what cannot be read becomes a warning.
pub(crate) fn parse(mut s: Source, hash: [u8; 32]) -> Parsed {
    let mut warnings = Vec::new();
    let text = match std::mem::replace(&mut s.content, Content::Skip(String::new())) {
        Content::Skip(why) => {
            warnings.push(Warning::about(&s.display, why));
            return Parsed { source: s, hash, drafts: Vec::new(), warnings };
        }
        Content::Text(t) => t,
        Content::Bytes(b) => {
            if b[..b.len().min(8192)].contains(&0) {
                warnings.push(Warning::about(&s.display, "binary file, skipped"));
                return Parsed { source: s, hash, drafts: Vec::new(), warnings };
            }
            match String::from_utf8(b) {
                Ok(t) => t,
                Err(e) => {
                    warnings.push(Warning::about(&s.display, "invalid UTF-8, decoded with replacement characters"));
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            }
        }
    };
    // a file saved through a tool that read its UTF-8 as Windows-1252 is read back
    let repaired = match crate::text::mojibake::repair(&text) {
        std::borrow::Cow::Owned(t) => Some(t),
        std::borrow::Cow::Borrowed(_) => None,
    };
    let text = match repaired {
        Some(t) => {
            warnings.push(Warning::about(&s.display, "text encoded as UTF-8 twice, read back"));
            t
        }
        None => text,
    };
    if text.trim().trim_start_matches('\u{feff}').is_empty() {
        warnings.push(Warning::about(&s.display, "empty file, skipped"));
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
                warnings.push(Warning::about(&s.display, "no article text, skipped"));
            }
            drafts
        }
        Err(why) => {
            warnings.push(Warning::about(&s.display, format!("{why}; skipped")));
            Vec::new()
        }
    };
    Parsed { source: s, hash, drafts, warnings }
}
