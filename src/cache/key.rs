//! An entry's key: the corpus's fingerprint with everything else the analysis depends on
//! (the program's version, its sources and assets, the locked versions of its dependencies,
//! the analysis options), hashed with BLAKE3. Stable across runs and machines; any change
//! to the program or a dependency makes new keys.

use crate::analysis;
use crate::corpus::Fingerprint;

pub const PREFIX: &str = "diptych-";
pub const SUFFIX: &str = ".bin";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl Key {
    pub fn new(fingerprint: &Fingerprint, opts: &analysis::Options) -> Key {
        let mut h = blake3::Hasher::new();
        let mut feed = |bytes: &[u8]| {
            h.update(&(bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        feed(env!("CARGO_PKG_VERSION").as_bytes());
        // every change to the sources, assets or Cargo.lock (see build.rs)
        feed(env!("DIPTYCH_SOURCE_HASH").as_bytes());
        feed(opts.scare_quote_words.to_string().as_bytes());
        feed(&fingerprint.0);
        Key(*h.finalize().as_bytes())
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The entry's file name: the key's first 128 bits (the whole key is checked inside).
    pub fn file_name(&self) -> String {
        let hex = blake3::Hash::from(self.0).to_hex();
        format!("{}{}{}", PREFIX, &hex[..32], SUFFIX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_follows_fingerprint_and_options() {
        let o = analysis::Options::default();
        let (one, two) = (Fingerprint::of(b"1"), Fingerprint::of(b"2"));
        assert_eq!(Key::new(&one, &o), Key::new(&one, &o));
        assert_ne!(Key::new(&one, &o), Key::new(&two, &o));
        let other = analysis::Options { scare_quote_words: o.scare_quote_words + 1 };
        assert_ne!(Key::new(&one, &o), Key::new(&one, &other));
        let name = Key::new(&one, &o).file_name();
        assert!(name.starts_with("diptych-") && name.ends_with(".bin") && name.len() == 8 + 32 + 4, "{name}");
    }
}
