//! Comparing two 5,000-word articles (analysis done beforehand).
#![expect(clippy::indexing_slicing, reason = "a benchmark whose setup fails has nothing to measure")]

use criterion::{Criterion, criterion_group, criterion_main};
use diptych::analysis::{Options, analyse};
use diptych::compare::compare;
use diptych::corpus::Corpus;

mod common;

fn bench(c: &mut Criterion) {
    let corpus =
        Corpus { articles: vec![common::long_article("left", 5000, 0), common::long_article("right", 5000, 17)] };
    let a = analyse(&corpus, &Options::default());
    c.bench_function("compare two 5,000-word articles", |b| {
        b.iter(|| compare(&a, &corpus.articles[0], &corpus.articles[1]))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
