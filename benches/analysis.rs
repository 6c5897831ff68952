//! Whole analysis over a corpus of more than 2 MB, on one core: words per second.
#![expect(clippy::expect_used, reason = "a benchmark whose setup fails has nothing to measure")]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use diptych::analysis::{Options, analyse};

mod common;

fn bench(c: &mut Criterion) {
    let corpus = common::repeated(2_200_000);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10);
    g.throughput(Throughput::Elements(common::words(&corpus)));
    g.bench_function("whole corpus, 2.2 MB, one core (elements = words)", |b| {
        b.iter(|| pool.install(|| analyse(&corpus, &Options::default())))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
