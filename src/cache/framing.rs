//! The bytes of an entry: `MAGIC`, the entry's own key (a file copied in from another corpus
//! or program is refused), then the head and the articles in chunks, each after its length
//! and followed by its checksum (XXH3, 64 bits), so that chunks are written, read and
//! decoded a few at a time and in parallel, and a damaged entry is a miss, never a wrong
//! analysis. Postcard: a compact binary form, a tenth of the time JSON took.
#![expect(clippy::indexing_slicing, reason = "offsets are checked against the entry's length before use")]

use super::key::Key;
use super::schema::{Head, Shared, StoredArticle, StoredEntity, cow, n32, owned, rebuild_article, store_article};
use crate::analysis::{Analysis, ArticleAnalysis, Entity};
use crate::warning::Warning;
use rayon::prelude::*;
use std::io::{Read, Write};
use std::sync::Arc;

/// Every entry starts with it; pruning removes only files that do.
pub(crate) const MAGIC_PREFIX: &[u8; 7] = b"DIPTYCH";
pub(crate) const MAGIC: &[u8; 8] = b"DIPTYCH5";

/// Articles a chunk holds.
const CHUNK: usize = 128;

/// The largest head or chunk an entry may claim: a length beyond it is damage.
const MAX_PART: u64 = 1 << 31;

/// Chunks encoded or decoded at once: two a thread.
fn group() -> usize {
    2 * rayon::current_num_threads()
}

fn checksum(bytes: &[u8]) -> [u8; 8] {
    xxhash_rust::xxh3::xxh3_64(bytes).to_le_bytes()
}

/// Writes the entry for `key` to `w`, a few chunks at a time.
pub(crate) fn encode_to(key: &Key, a: &Analysis, file_warnings: &[Warning], w: &mut impl Write) -> std::io::Result<()> {
    // each article mention's entity, from the entities' lists of their mentions
    let mut of: Vec<Vec<u32>> = a.articles.iter().map(|x| vec![u32::MAX; x.mentions.len()]).collect();
    for (i, e) in a.entities.iter().enumerate() {
        for at in &e.mentions {
            if let Some(slot) = of.get_mut(at.article as usize).and_then(|v| v.get_mut(at.mention as usize)) {
                *slot = n32(i);
            }
        }
    }
    let head = Head {
        file_warnings: file_warnings.to_vec(),
        analysis_warnings: a.warnings.clone(),
        entities: a
            .entities
            .iter()
            .map(|e| StoredEntity {
                name: cow(&e.name),
                kind: e.kind,
                aliases: e.aliases.iter().map(|x| cow(x)).collect(),
            })
            .collect(),
        articles: a.articles.len() as u64,
        chunks: a.articles.len().div_ceil(CHUNK) as u64,
    };
    w.write_all(MAGIC)?;
    w.write_all(key.as_bytes())?;
    write_part(w, &postcard::to_allocvec(&head).map_err(std::io::Error::other)?)?;
    let articles: Vec<(&[ArticleAnalysis], &[Vec<u32>])> = a.articles.chunks(CHUNK).zip(of.chunks(CHUNK)).collect();
    for group in articles.chunks(group()) {
        let encoded: Vec<Vec<u8>> = group
            .par_iter()
            .map(|(c, of)| {
                postcard::to_allocvec(&c.iter().zip(*of).map(|(x, of)| store_article(x, of)).collect::<Vec<_>>())
            })
            .collect::<Result<_, _>>()
            .map_err(std::io::Error::other)?;
        for c in encoded {
            write_part(w, &c)?;
        }
    }
    Ok(())
}

fn write_part(w: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(bytes)?;
    w.write_all(&checksum(bytes))
}

/// What an entry gives back: the analysis and the warnings of parsing its files.
pub struct Decoded {
    pub analysis: Analysis,
    pub file_warnings: Vec<Warning>,
}

/// The entry for `key` from a reader of `size` bytes, a few chunks at a time; `None` for
/// anything `encode_to` did not write for that key (damaged, cut short, grown, foreign).
pub(crate) fn decode_from(key: &Key, r: &mut impl Read, size: u64) -> Option<Decoded> {
    let mut entry = Entry { r, left: size };
    let mut magic = [0; 8];
    entry.read(&mut magic)?;
    let mut own = [0; 32];
    entry.read(&mut own)?;
    if &magic != MAGIC || own != *key.as_bytes() {
        return None;
    }
    let mut head_bytes = Vec::new();
    entry.part(&mut head_bytes)?;
    if !entry.checked(&head_bytes)? {
        return None;
    }
    let head: Head = postcard::from_bytes(&head_bytes).ok()?;
    let entities: Vec<Entity> = head
        .entities
        .into_iter()
        .map(|e| Entity {
            name: owned(e.name),
            kind: e.kind,
            aliases: e.aliases.into_iter().map(owned).collect(),
            articles: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    let names: Vec<Arc<str>> = entities.iter().map(|e| Arc::from(e.name.as_str())).collect();
    let shared = Shared::new(&names);
    let mut articles = Vec::new();
    let mut of = Vec::new();
    let mut chunks_left = head.chunks;
    let mut parts: Vec<(Vec<u8>, [u8; 8])> = vec![(Vec::new(), [0; 8]); group()];
    while chunks_left > 0 {
        let n = chunks_left.min(parts.len() as u64) as usize;
        chunks_left -= n as u64;
        for (bytes, sum) in parts.iter_mut().take(n) {
            entry.part(bytes)?;
            entry.read(sum)?;
        }
        let group: Vec<Vec<(ArticleAnalysis, Vec<u32>)>> = parts[..n]
            .par_iter()
            .map(|(p, sum)| {
                if checksum(p) != *sum {
                    return None;
                }
                let stored: Vec<StoredArticle> = postcard::from_bytes(p).ok()?;
                stored.into_iter().map(|a| rebuild_article(a, &names, &shared)).collect::<Option<Vec<_>>>()
            })
            .collect::<Option<_>>()?;
        for (a, o) in group.into_iter().flatten() {
            articles.push(a);
            of.push(o);
        }
    }
    // nothing after the last chunk, and every article there: an entry that grew or lost
    // articles is not the one written
    if entry.left != 0 || articles.len() as u64 != head.articles {
        return None;
    }
    let warnings = head.analysis_warnings;
    let mut analysis = Analysis { entities, articles, warnings };
    analysis.link_mentions(&of);
    Some(Decoded { analysis, file_warnings: head.file_warnings })
}

/// An entry being read, and how many of its bytes are left: a length read from a damaged
/// entry is never trusted beyond them.
struct Entry<'r, R> {
    r: &'r mut R,
    left: u64,
}

impl<R: Read> Entry<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(buf.len() as u64)?;
        self.r.read_exact(buf).ok()
    }

    /// A part (its length, then its bytes) into `buf`, whose memory is used again chunk
    /// after chunk; its checksum is left to read.
    fn part(&mut self, buf: &mut Vec<u8>) -> Option<()> {
        let mut b = [0; 8];
        self.read(&mut b)?;
        let n = u64::from_le_bytes(b);
        if n > self.left || n > MAX_PART {
            return None;
        }
        buf.clear();
        buf.resize(usize::try_from(n).ok()?, 0);
        self.read(buf)
    }

    /// Reads the checksum after `bytes` and tells whether it is theirs.
    fn checked(&mut self, bytes: &[u8]) -> Option<bool> {
        let mut sum = [0; 8];
        self.read(&mut sum)?;
        Some(sum == checksum(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;
    use crate::corpus::{Fingerprint, bundled};

    fn encode(key: &Key, a: &Analysis, warnings: &[Warning]) -> Vec<u8> {
        let mut out = Vec::new();
        encode_to(key, a, warnings, &mut out).expect("encodes");
        out
    }

    fn decode(key: &Key, bytes: &[u8]) -> Option<Decoded> {
        decode_from(key, &mut &bytes[..], bytes.len() as u64)
    }

    #[test]
    fn stored_form_rebuilds_the_whole_analysis() {
        let c = bundled::corpus();
        let mut a = analysis::analyse(&c, &analysis::Options::default());
        a.warnings.push(Warning::new("analysis failed for x; shown without highlights"));
        let key = Key::new(&Fingerprint::of(b"bundled"), &analysis::Options::default());
        let warnings = vec![Warning::about("x.txt", "empty file, skipped")];
        let bytes = encode(&key, &a, &warnings);
        let back = decode(&key, &bytes).expect("decodes");
        assert!(a.entities.iter().any(|e| e.articles.len() > 1), "the corpus has entities in several articles");
        assert!(a.articles.iter().flat_map(|x| &x.figures).any(|f| f.value.as_f64().is_none()), "a text value");
        assert_eq!(back.analysis, a);
        assert_eq!(back.file_warnings, warnings);
        // every cut short or grown entry is refused, never misread
        for cut in [0, 7, 8, 16, 40, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&key, &bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&key, &longer).is_none());
        // another corpus's entry is not this one's
        let other = Key::new(&Fingerprint::of(b"other"), &analysis::Options::default());
        assert!(decode(&other, &bytes).is_none());
    }

    /// A flipped bit anywhere is refused: the magic, the key and every part are checked.
    #[test]
    fn every_single_bit_flip_is_refused() {
        let c = bundled::corpus();
        let a = analysis::analyse(&c, &analysis::Options::default());
        let key = Key::new(&Fingerprint::of(b"flips"), &analysis::Options::default());
        let bytes = encode(&key, &a, &[]);
        // every byte of the first kilobyte, then evenly spread positions over the rest
        let step = (bytes.len() / 600).max(1);
        let positions = (0..bytes.len().min(1024)).chain((1024..bytes.len()).step_by(step));
        for (i, at) in positions.enumerate() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 1 << (i % 8);
            assert!(decode(&key, &damaged).is_none(), "bit {} of byte {at} flipped", i % 8);
        }
    }

    #[test]
    fn an_empty_entry_is_a_miss() {
        let key = Key::new(&Fingerprint::of(b"empty"), &analysis::Options::default());
        assert!(decode(&key, b"").is_none());
        assert!(decode(&key, MAGIC).is_none());
    }
}
