//! The analysis: pure functions from a corpus to entities, quotes and figures.
//! Deterministic and serialisable; no I/O, no terminal.

pub mod discourse;
pub mod doc;
pub mod entities;
pub mod figures;
pub mod lexicon;
pub mod model;
pub mod numbers;
pub mod quotes;
pub mod tokens;

pub use model::*;

use crate::corpus::Corpus;
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
    let total = corpus.articles.len() * 2;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let tick = || {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(n, total);
    };
    let docs: Vec<Doc> = corpus.articles.par_iter().map(|a| Doc::new(&a.paragraphs)).collect();
    let cands: Vec<Vec<entities::Candidate>> = docs
        .par_iter()
        .map(|d| {
            let c = entities::candidates::find(d);
            tick();
            c
        })
        .collect();
    // words the corpus writes in lower case are ordinary words, not names: only the words
    // that open sentences as lone capitalised candidates, and the words of phrases in
    // capitals, need checking
    let wanted: HashSet<String> = cands
        .iter()
        .flatten()
        .filter(|c| (c.initial && c.words().len() == 1) || c.is_shouted())
        .flat_map(|c| c.words().iter().map(|w| w.to_lowercase()))
        .collect();
    let sieve = Sieve::of(wanted.iter().map(String::as_str));
    let lowercase: HashSet<String> = docs
        .par_iter()
        .map(|d| {
            let mut s = HashSet::default();
            for p in &d.paras {
                for (i, t) in p.tokens.iter().enumerate() {
                    if t.word && p.text[t.start as usize..].starts_with(|c: char| c.is_lowercase()) {
                        let l = p.lower(i);
                        if sieve.may_hold(&l) && wanted.contains(l.as_ref()) {
                            s.insert(l.into_owned());
                        }
                    }
                }
            }
            s
        })
        .reduce(HashSet::default, |mut a, b| {
            a.extend(b);
            a
        });
    let mut docs = docs;
    docs.par_iter_mut().for_each(Doc::drop_lower);
    let inputs: Vec<(&str, &[entities::Candidate])> =
        corpus.articles.iter().zip(&cands).map(|(a, c)| (a.id.as_str(), c.as_slice())).collect();
    let merged = entities::merge::merge(&inputs, &lowercase);
    let kinds: Vec<Kind> = merged.entities.iter().map(|e| e.kind).collect();
    let entities::merge::Merged { entities, assignment, texts, names: shared_names, ids } = merged;
    // each article's document and candidates are dropped as soon as its results are made, so
    // the results grow into the memory they free
    let articles: Vec<(ArticleAnalysis, Vec<u32>)> = docs
        .into_par_iter()
        .zip(cands)
        .zip(assignment)
        .zip(texts)
        .zip(ids)
        .zip(corpus.articles.par_iter())
        .map(|(((((mut doc, cands), assignment), texts), id), a)| {
            doc.relower();
            let d = discourse::Discourse::new(&doc, &cands, &assignment, &kinds, &shared_names);
            let quotes = quotes::find(&id, &d, opts.scare_quote_words);
            let mut figures = figures::find(&id, a.date, &d, &quotes);
            // kept to the end of the run: no spare capacity
            figures.shrink_to_fit();
            drop(d);
            // the texts, ids and names are the entities' own, shared
            let mut mentions: Vec<(Mention, u32)> = cands
                .iter()
                .zip(&assignment)
                .zip(texts)
                .filter_map(|((c, e), text)| {
                    let e = (*e)?;
                    let m = Mention {
                        article: id.clone(),
                        paragraph: c.paragraph,
                        start: c.start,
                        end: c.end,
                        text: text?,
                        entity: shared_names[e].clone(),
                    };
                    Some((m, e as u32))
                })
                .collect();
            drop(cands);
            mentions.sort_by_key(|m| (m.0.paragraph, m.0.start));
            let (mentions, of): (Vec<Mention>, Vec<u32>) = mentions.into_iter().unzip();
            tick();
            let quotes = quotes.into_iter().map(|q| q.0).collect();
            (ArticleAnalysis { id: a.id.clone(), mentions, quotes, figures }, of)
        })
        .collect();
    let (articles, of): (Vec<ArticleAnalysis>, Vec<Vec<u32>>) = articles.into_iter().unzip();
    let mut analysis = Analysis { entities, articles };
    analysis.link_mentions(&of);
    analysis
}

/// A quick "surely not" before a look-up in a set of words: one bit for each word's length
/// and first, middle and last bytes. A word of the set always finds its bit; most others
/// find none, for a few instructions instead of a hash and a probe.
struct Sieve {
    bits: Vec<u64>,
}

impl Sieve {
    const SLOTS: usize = 1 << 16;

    fn of<'a>(words: impl Iterator<Item = &'a str>) -> Sieve {
        let mut bits = vec![0u64; Self::SLOTS / 64];
        for w in words {
            let s = Self::slot(w.as_bytes());
            bits[s / 64] |= 1 << (s % 64);
        }
        Sieve { bits }
    }

    fn slot(w: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else { return 0 };
        let mid = usize::from(w[w.len() / 2]);
        (w.len().wrapping_mul(40_503) ^ usize::from(first).wrapping_mul(131) ^ usize::from(last) << 8 ^ mid << 3)
            % Self::SLOTS
    }

    fn may_hold(&self, w: &str) -> bool {
        let s = Self::slot(w.as_bytes());
        self.bits[s / 64] & (1 << (s % 64)) != 0
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
                dateline: None,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::Sieve;

    #[test]
    fn the_sieve_lets_every_word_of_its_set_through_and_stops_most_others() {
        let set = ["however", "meanwhile", "ferry", "harbour", "a", "x"];
        let sieve = Sieve::of(set.iter().copied());
        assert!(set.iter().all(|w| sieve.may_hold(w)));
        let others = ["tuesday", "lighthouse", "quay", "bridge", "tide", "gull", "anchor", "stern", "keel", "mast"];
        let through = others.iter().filter(|w| sieve.may_hold(w)).count();
        assert!(through <= 2, "{through} of {} let through", others.len());
    }
}
