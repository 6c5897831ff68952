//! Corpora for the benchmarks: the bundled reports repeated, and generated long articles.
#![expect(clippy::indexing_slicing, reason = "a benchmark whose setup fails has nothing to measure")]
// (not `expect`: each benchmark uses only some of these, so in some the lint has nothing to find)
#![allow(dead_code, reason = "each benchmark uses some of these")]

use diptych::corpus::{Article, Corpus, bundled};

// the allocator the binary uses, so the figures are the ones users get
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The bundled corpus repeated until it holds at least `bytes` of text.
pub(crate) fn repeated(bytes: usize) -> Corpus {
    let base = bundled::corpus();
    let size: usize = base.articles.iter().flat_map(|a| a.paragraphs.iter()).map(String::len).sum();
    let times = bytes.div_ceil(size.max(1));
    let mut articles = Vec::new();
    for t in 0..times {
        for a in &base.articles {
            let mut a = a.clone();
            a.id = format!("{}-{t}", a.id);
            articles.push(a);
        }
    }
    Corpus { articles }
}

pub(crate) fn words(c: &Corpus) -> u64 {
    c.articles.iter().map(|a| a.words() as u64).sum()
}

/// An article of about `n` words: the bundled reports' paragraphs in turn, so the text is real.
pub(crate) fn long_article(id: &str, n: usize, offset: usize) -> Article {
    let base = bundled::corpus();
    let paras: Vec<&String> = base.articles.iter().flat_map(|a| a.paragraphs.iter()).collect();
    let mut out = Vec::new();
    let mut count = 0;
    let mut i = offset;
    while count < n {
        let p = paras[i % paras.len()];
        count += p.split_whitespace().count();
        out.push(p.clone());
        i += 1;
    }
    Article {
        id: id.into(),
        title: format!("Long report {id}"),
        source: None,
        author: None,
        date: None,
        paragraphs: out,
        path: id.into(),
        updated: None,
        dateline: None,
        url: None,
    }
}
