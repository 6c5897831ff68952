//! The fingerprint of a corpus: a cryptographic hash (BLAKE3) of every file's name and bytes,
//! in corpus order. The analysis cache is keyed by it, so two different corpora must never
//! share one, even when someone chooses the bytes to make them (a 64-bit hash can be made to
//! collide by changing a few bytes of a file).

use std::fmt;

/// 256 bits naming a corpus's files and their bytes.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub [u8; 32]);

impl Fingerprint {
    /// The fingerprint of some bytes (a test's stand-in for a corpus).
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint(*blake3::hash(bytes).as_bytes())
    }

    pub fn is_empty(&self) -> bool {
        self.0 == [0; 32]
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({})", blake3::Hash::from(self.0).to_hex())
    }
}

/// A file's name and what was read of it (its bytes, or why it could not be read).
pub fn of_file(name: &str, content: FileContent<'_>) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    // the name's length first: a name and bytes can never be read as another name and bytes
    h.update(&(name.len() as u64).to_le_bytes());
    h.update(name.as_bytes());
    match content {
        FileContent::Bytes(b) => {
            h.update(&[0]);
            h.update(b);
        }
        FileContent::Skipped(why) => {
            h.update(&[1]);
            h.update(why.as_bytes());
        }
    }
    *h.finalize().as_bytes()
}

pub enum FileContent<'a> {
    Bytes(&'a [u8]),
    Skipped(&'a str),
}

/// The files' hashes folded in corpus order.
#[derive(Clone, Default)]
pub struct Builder {
    hasher: blake3::Hasher,
    files: u64,
}

impl Builder {
    pub fn add(&mut self, file: &[u8; 32]) {
        self.hasher.update(file);
        self.files += 1;
    }

    pub fn finish(&self) -> Fingerprint {
        let mut h = self.hasher.clone();
        h.update(&self.files.to_le_bytes());
        Fingerprint(*h.finalize().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_bytes_and_order_all_count() {
        let a = of_file("a.txt", FileContent::Bytes(b"one"));
        let b = of_file("b.txt", FileContent::Bytes(b"one"));
        assert_ne!(a, b);
        assert_ne!(of_file("a.txt", FileContent::Bytes(b"one")), of_file("a.txt", FileContent::Bytes(b"onf")));
        assert_ne!(of_file("ab", FileContent::Bytes(b"c")), of_file("a", FileContent::Bytes(b"bc")));
        let (mut x, mut y) = (Builder::default(), Builder::default());
        x.add(&a);
        x.add(&b);
        y.add(&b);
        y.add(&a);
        assert_ne!(x.finish(), y.finish());
        assert_ne!(Builder::default().finish(), x.finish());
    }
}
