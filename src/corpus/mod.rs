//! Files in, articles out: reading every supported format into [`Article`]s with ids.

pub mod article;
mod assemble;
mod blocks;
pub mod bundled;
pub mod fingerprint;
pub mod header;
pub mod html;
pub mod ids;
pub mod json;
pub mod load;
pub mod lookup;
mod markdown;
pub mod plain;
mod read;
mod stream;
mod walk;

pub use article::{Article, Corpus, Draft};
pub use assemble::parse_document;
pub use fingerprint::Fingerprint;
pub use load::{LoadOptions, Loaded, load_paths};
