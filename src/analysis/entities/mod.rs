//! People, places, organisations and other named things, merged across the corpus.

pub mod candidates;
pub mod merge;

pub use candidates::Candidate;
pub use merge::Merged;
