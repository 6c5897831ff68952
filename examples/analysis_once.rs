//! One analysis of the bench corpus on one thread, for instruction counts that do not move
//! with the machine's load: `valgrind --tool=callgrind target/release/examples/analysis_once`.
#[path = "../benches/common.rs"]
mod common;

use diptych::analysis::{Options, analyse};

fn main() -> Result<(), rayon::ThreadPoolBuildError> {
    let corpus = common::repeated(2_200_000);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    std::hint::black_box(pool.install(|| analyse(&corpus, &Options::default())));
    Ok(())
}
