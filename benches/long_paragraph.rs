//! One long paragraph of N sentences against the same N sentences as paragraphs (quotes,
//! figures, names): the bound is 3x.
#![expect(clippy::expect_used, reason = "a benchmark whose setup fails has nothing to measure")]

use criterion::{Criterion, criterion_group, criterion_main};
use diptych::analysis::{Options, analyse};
use diptych::corpus::{Article, Corpus};

mod common;

fn article(paragraphs: Vec<String>) -> Corpus {
    Corpus {
        articles: vec![Article {
            id: "long".into(),
            title: "Long report".into(),
            date: diptych::text::date::Date::new(2024, 3, 1),
            paragraphs,
            ..Article::default()
        }],
    }
}

fn bench(c: &mut Criterion) {
    // the bundled reports' sentences, a few thousand of them
    let sentences: Vec<String> = common::long_article("x", 60_000, 0)
        .paragraphs
        .iter()
        .flat_map(|p| {
            diptych::text::sentences::sentence_spans(p)
                .into_iter()
                .map(|(a, b)| p[a..b].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let long = article(vec![sentences.join(" ")]);
    let split = article(sentences);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    let mut g = c.benchmark_group("long paragraph");
    g.sample_size(10);
    g.bench_function("one paragraph", |b| b.iter(|| pool.install(|| analyse(&long, &Options::default()))));
    g.bench_function("one paragraph a sentence", |b| b.iter(|| pool.install(|| analyse(&split, &Options::default()))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
