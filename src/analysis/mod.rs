//! The analysis: pure functions from a corpus to entities, quotes and figures.
//! Deterministic and serialisable; no I/O, no terminal.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

pub mod discourse;
pub mod doc;
pub mod entities;
pub mod figures;
pub mod layout;
pub mod lexicon;
pub mod marks;
pub mod model;
pub mod quotes;
pub mod tokens;

pub use figures::units::Dimension;
pub use model::*;

use crate::corpus::{Article, Corpus};
use crate::warning::Warning;
use doc::Doc;
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

#[derive(Clone, Debug)]
pub struct Options {
    pub scare_quote_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { scare_quote_words: 3 }
    }
}

/// Analyses every article and merges entities across the corpus.
pub fn analyse(corpus: &Corpus, opts: &Options) -> Analysis {
    analyse_with_progress(corpus, opts, &|_, _| {})
}

/// The same, calling `progress(done, total)` as articles are done (from worker threads).
pub fn analyse_with_progress(corpus: &Corpus, opts: &Options, progress: &(dyn Fn(usize, usize) + Sync)) -> Analysis {
    analyse_articles(corpus.articles.iter().collect(), opts, progress)
}

/// The same for a corpus that may be given up: an owned one's article texts are freed as
/// their last pass is done, so the results grow into their memory.
pub fn analyse_corpus(
    corpus: std::borrow::Cow<'_, Corpus>,
    opts: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Analysis {
    match corpus {
        std::borrow::Cow::Borrowed(c) => analyse_with_progress(c, opts, progress),
        std::borrow::Cow::Owned(c) => analyse_articles(c.articles, opts, progress),
    }
}

/// Up to this much article text, each article's document is kept from the first pass to the
/// last instead of being made twice.
const KEEP_DOCUMENTS_BYTES: usize = 8 << 20;

/// The analysis of articles held or borrowed (`Article` or `&Article`).
fn analyse_articles<A: std::borrow::Borrow<Article> + Send + Sync>(
    articles: Vec<A>,
    opts: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Analysis {
    let total = articles.len() * 2;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let tick = || {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(n, total);
    };
    // each article's document (tokens, sentences, its text in lower case: about twice the
    // article) is kept for the last pass while the corpus is small enough for that to cost
    // little memory; past that it lives only while its candidates are found and is made
    // again for the last pass. The words it writes in lower case are gathered on the way,
    // once each a thread
    let text_bytes: usize = articles.iter().flat_map(|a| a.borrow().paragraphs.iter()).map(String::len).sum();
    let keep_docs = text_bytes <= KEEP_DOCUMENTS_BYTES;
    let (cands, docs, vocabulary) = first_pass(&articles, keep_docs, &tick);
    let lowercase = lowercase_words_of(&cands, vocabulary);
    let inputs: Vec<(&str, &[entities::Candidate])> =
        articles.iter().zip(&cands).map(|(a, c)| (a.borrow().id.as_str(), c.as_slice())).collect();
    let merged = entities::merge::merge(&inputs, &lowercase);
    let kinds: Vec<Kind> = merged.entities.iter().map(|e| e.kind).collect();
    let entities::merge::Merged { entities, assignment, texts, names: shared_names, ids } = merged;
    // each article's document and candidates are dropped as soon as its results are made, so
    // the results grow into the memory they free
    // an article that trips a bug is a warning, not the end of the run
    let one = |c, s, t, id: std::sync::Arc<str>, doc: Option<Doc<'_>>, a: &Article| -> Done {
        let done = crate::contain::contain(|| last_pass(a, doc, &id, c, s, t, &kinds, &shared_names, opts));
        tick();
        match done {
            Ok(r) => (r, None),
            Err(why) => (
                (ArticleAnalysis { id: a.id.clone(), ..ArticleAnalysis::default() }, Vec::new()),
                Some(Warning::new(format!("analysis failed for {} ({why}); shown without highlights", a.id))),
            ),
        }
    };
    let inputs = cands.into_par_iter().zip(assignment).zip(texts).zip(ids);
    let done: Vec<Done> = if keep_docs {
        inputs
            .zip(docs.into_par_iter())
            .zip(articles.par_iter())
            .map(|(((((c, s), t), id), doc), a)| one(c, s, t, id, doc, a.borrow()))
            .collect()
    } else {
        // each article is dropped as its results are made: they grow into the memory it frees
        drop(docs);
        inputs.zip(articles.into_par_iter()).map(|((((c, s), t), id), a)| one(c, s, t, id, None, a.borrow())).collect()
    };
    let mut warnings = Vec::new();
    let mut of = Vec::with_capacity(done.len());
    let articles: Vec<ArticleAnalysis> = done
        .into_iter()
        .map(|((r, o), w)| {
            of.push(o);
            warnings.extend(w);
            r
        })
        .collect();
    let mut analysis = Analysis { entities, articles, warnings };
    analysis.link_mentions(&of);
    analysis
}

/// The first pass's results: each article's candidates and document (when kept), and the
/// words the corpus writes in lower case.
type Found<'d> = (Vec<Vec<entities::Candidate>>, Vec<Option<Doc<'d>>>, HashSet<String>);

/// The first pass: each article's document and name candidates, and the words it writes in
/// lower case (gathered once each a thread).
fn first_pass<'d, A: std::borrow::Borrow<Article> + Send + Sync>(
    articles: &'d [A],
    keep_docs: bool,
    tick: &(dyn Fn() + Sync),
) -> Found<'d> {
    articles
        .par_iter()
        .fold(
            || (Vec::new(), Vec::new(), HashSet::default()),
            |(mut cands, mut docs, mut vocabulary): Found, a| {
                // an article that trips a bug has no names; its last pass reports it
                // (the words it gave before a panic are words it really wrote: they stay)
                let found = crate::contain::contain(|| {
                    let doc = Doc::new(&a.borrow().paragraphs);
                    lower_case_words(&doc, &mut vocabulary);
                    let c = entities::candidates::find(&doc);
                    (c, keep_docs.then_some(doc))
                });
                let (c, doc) = found.unwrap_or_default();
                cands.push(c);
                docs.push(doc);
                tick();
                (cands, docs, vocabulary)
            },
        )
        .reduce(
            || (Vec::new(), Vec::new(), HashSet::default()),
            |(mut a, mut da, va), (b, db, vb)| {
                // in corpus order: the left part of the corpus comes first
                a.extend(b);
                da.extend(db);
                let (mut big, small) = if va.len() >= vb.len() { (va, vb) } else { (vb, va) };
                big.extend(small);
                (a, da, big)
            },
        )
}

/// Words the corpus writes in lower case are ordinary words, not names: only the words that
/// open sentences as lone capitalised candidates, the words of phrases in capitals and those
/// of names of two or three words (whose kind may come from their shape) need checking.
fn lowercase_words_of(cands: &[Vec<entities::Candidate>], vocabulary: HashSet<String>) -> HashSet<String> {
    cands
        .par_iter()
        .flatten_iter()
        .filter(|c| (c.initial && c.words().len() == 1) || c.is_shouted() || (2..=3).contains(&c.words().len()))
        .flat_map_iter(|c| c.words().iter().map(|w| w.to_lowercase()))
        .filter(|w| vocabulary.contains(w))
        .collect()
}

type Done = ((ArticleAnalysis, Vec<u32>), Option<Warning>);

/// The last pass over one article: quotes, figures and mentions, from its candidates and the
/// entities they were merged into.
#[expect(
    clippy::too_many_arguments,
    reason = "the phases share one reading of the sentence; a struct for it would be built and taken apart at once"
)]
fn last_pass(
    a: &Article,
    doc: Option<Doc>,
    id: &std::sync::Arc<str>,
    cands: Vec<entities::Candidate>,
    assignment: Vec<Option<u32>>,
    texts: Vec<Option<std::sync::Arc<str>>>,
    kinds: &[Kind],
    shared_names: &[std::sync::Arc<str>],
    opts: &Options,
) -> (ArticleAnalysis, Vec<u32>) {
    {
        {
            let doc = doc.unwrap_or_else(|| Doc::new(&a.paragraphs));
            let d = discourse::Discourse::new(&doc, &cands, &assignment, kinds, shared_names);
            let quotes = quotes::find(id, &d, opts.scare_quote_words);
            let mut figures = figures::find(id, a.date, &d, &quotes);
            // kept to the end of the run: no spare capacity
            figures.shrink_to_fit();
            drop(d);
            // the texts, ids and names are the entities' own, shared
            let mut mentions: Vec<(Mention, u32)> = cands
                .iter()
                .zip(&assignment)
                .zip(texts)
                .filter_map(|((c, e), text)| {
                    let e = (*e)? as usize;
                    let m = Mention {
                        at: Span::new(id, c.paragraph, c.start, c.end),
                        text: text?,
                        entity: shared_names[e].clone(),
                    };
                    Some((m, e as u32))
                })
                .collect();
            drop(cands);
            mentions.sort_by_key(|m| (m.0.at.paragraph, m.0.at.start));
            let (mut mentions, of): (Vec<Mention>, Vec<u32>) = mentions.into_iter().unzip();
            mentions.shrink_to_fit();
            let mut quotes: Vec<Quote> = quotes.into_iter().map(|q| q.0).collect();
            quotes.shrink_to_fit();
            (ArticleAnalysis { id: a.id.clone(), mentions, quotes, figures }, of)
        }
    }
}

/// Adds the words `doc` writes in lower case (their first letter) to `vocabulary`.
fn lower_case_words(doc: &Doc, vocabulary: &mut HashSet<String>) {
    for p in &doc.paras {
        for (i, t) in p.tokens.iter().enumerate() {
            if t.word && p.text[t.start as usize..].starts_with(|c: char| c.is_lowercase()) {
                let l = p.lower(i);
                if !vocabulary.contains(l.as_ref()) {
                    vocabulary.insert(l.into_owned());
                }
            }
        }
    }
}

/// Builds a corpus from texts for tests: one article a text, paragraphs split on blank lines.
#[cfg(test)]
pub(crate) fn test_corpus(texts: &[&str]) -> Corpus {
    use crate::corpus::Article;
    Corpus {
        articles: texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article {
                id: format!("a{i}"),
                title: format!("article {i}"),
                source: None,
                author: None,
                date: crate::text::date::Date::new(2023, 3, 15),
                paragraphs: t.split("\n\n").map(str::to_string).collect(),
                path: String::new(),
                updated: None,
                dateline: None,
                url: None,
            })
            .collect(),
    }
}
