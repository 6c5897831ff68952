//! The analysis cache: an unchanged corpus is not analysed twice, nor even parsed. Keyed by
//! the program version and sources, the analysis options and the fingerprint of the corpus
//! files (their names and bytes); kept in the cache folder the directories crate gives (or
//! `$DIPTYCH_CACHE_DIR`). A corrupt or stale entry is ignored and rebuilt; only the newest
//! few entries are kept. This is I/O at the edge: the analysis stays pure.

use crate::analysis::{
    self, Analysis, ArticleAnalysis, Bound, Entity, Figure, FigureKind, Kind, Mention, Quote, Value,
};
use crate::corpus::Corpus;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An entry: `MAGIC`, the length of the head (8 bytes, little-endian), the head, then the
/// articles in chunks, each after its length (8 bytes), so that chunks decode in parallel and
/// an entry is written and read a few chunks at a time (the whole of it was a sixth of the
/// peak memory at 100,000 articles). A compact binary form (postcard): a tenth of a second
/// where JSON took four at 100,000 articles. Mentions are stored once, with their article
/// (entities' mentions are the articles' again, rebuilt on reading); a mention names its
/// entity by number.
const MAGIC: &[u8; 8] = b"DIPTYCH4";

/// Articles a chunk holds.
const CHUNK: usize = 128;

/// Chunks encoded or decoded at once: two a thread.
fn group() -> usize {
    2 * rayon::current_num_threads()
}
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    warnings: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    entities: Vec<StoredEntity<'a>>,
    chunks: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredEntity<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    kind: Kind,
    #[serde(borrow)]
    aliases: Vec<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct StoredArticle<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    mentions: Vec<StoredMention<'a>>,
    #[serde(borrow)]
    quotes: Vec<StoredQuote<'a>>,
    #[serde(borrow)]
    figures: Vec<StoredFigure<'a>>,
}

/// Where a mention, quote or figure stands and its text.
#[derive(Serialize, Deserialize)]
struct StoredSpan<'a> {
    paragraph: u32,
    start: u32,
    end: u32,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

impl<'a> StoredSpan<'a> {
    fn of(paragraph: usize, start: usize, end: usize, text: &'a str) -> StoredSpan<'a> {
        StoredSpan { paragraph: n32(paragraph), start: n32(start), end: n32(end), text: cow(text) }
    }

    /// Paragraph, start, end and text.
    fn parts(self) -> (usize, usize, usize, Cow<'a, str>) {
        (self.paragraph as usize, self.start as usize, self.end as usize, self.text)
    }
}

#[derive(Serialize, Deserialize)]
struct StoredMention<'a> {
    #[serde(borrow)]
    span: StoredSpan<'a>,
    entity: u32,
}

#[derive(Serialize, Deserialize)]
struct StoredQuote<'a> {
    #[serde(borrow)]
    span: StoredSpan<'a>,
    #[serde(borrow)]
    speaker: Option<Cow<'a, str>>,
    #[serde(borrow)]
    cue: Option<Cow<'a, str>>,
}

/// A figure field by field: the contract's JSON leaves fields out and writes its value
/// untagged, which a binary form cannot read back.
#[derive(Serialize, Deserialize)]
struct StoredFigure<'a> {
    #[serde(borrow)]
    span: StoredSpan<'a>,
    kind: FigureKind,
    number: Option<f64>,
    #[serde(borrow)]
    value_text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    unit: Option<Cow<'a, str>>,
    #[serde(borrow)]
    measure: Option<Cow<'a, str>>,
    approx: bool,
    #[serde(borrow)]
    claimed_by: Option<Cow<'a, str>>,
    bound: Option<Bound>,
    #[serde(borrow)]
    subject: Option<Cow<'a, str>>,
    #[serde(borrow)]
    context: Vec<Cow<'a, str>>,
    years: Vec<i32>,
}

/// Offsets are stored in 32 bits: no paragraph or article comes near 4 GB (files are capped
/// far below that).
fn n32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn cow(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn owned(s: Cow<'_, str>) -> String {
    s.into_owned()
}

/// An article's results; `of` holds the entity number of each of its mentions.
fn store_article<'a>(a: &'a ArticleAnalysis, of: &[u32]) -> StoredArticle<'a> {
    StoredArticle {
        id: cow(&a.id),
        mentions: a
            .mentions
            .iter()
            .zip(of)
            .map(|(m, &entity)| StoredMention {
                span: StoredSpan { paragraph: m.paragraph, start: m.start, end: m.end, text: cow(&m.text) },
                entity,
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| StoredQuote {
                span: StoredSpan::of(q.paragraph, q.start, q.end, &q.text),
                speaker: q.speaker.as_deref().map(cow),
                cue: q.cue.as_deref().map(cow),
            })
            .collect(),
        figures: a
            .figures
            .iter()
            .map(|f| StoredFigure {
                span: StoredSpan { paragraph: f.paragraph, start: f.start, end: f.end, text: cow(&f.text) },
                kind: f.kind,
                number: f.value.as_f64(),
                value_text: match &f.value {
                    Value::Text(t) => Some(cow(t)),
                    Value::Number(_) => None,
                },
                unit: f.unit.as_deref().map(cow),
                measure: f.measure.as_deref().map(cow),
                approx: f.approx,
                claimed_by: f.claimed_by.as_deref().map(cow),
                bound: f.bound,
                subject: f.subject.as_deref().map(cow),
                context: f.context.iter().map(|c| cow(c)).collect(),
                years: f.years.to_vec(),
            })
            .collect(),
    }
}

/// The bytes of an entry.
/// The entry's bytes (for tests: `write` streams them to the file).
#[cfg(test)]
fn encode(a: &Analysis, warnings: &[String]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    encode_to(a, warnings, &mut out).ok()?;
    Some(out)
}

/// Writes the entry to `w`, a few chunks at a time.
fn encode_to(a: &Analysis, warnings: &[String], w: &mut impl std::io::Write) -> std::io::Result<()> {
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
        warnings: warnings.iter().map(|w| cow(w)).collect(),
        entities: a
            .entities
            .iter()
            .map(|e| StoredEntity {
                name: cow(&e.name),
                kind: e.kind,
                aliases: e.aliases.iter().map(|x| cow(x)).collect(),
            })
            .collect(),
        chunks: a.articles.len().div_ceil(CHUNK) as u64,
    };
    let head = postcard::to_allocvec(&head).map_err(std::io::Error::other)?;
    w.write_all(MAGIC)?;
    w.write_all(&(head.len() as u64).to_le_bytes())?;
    w.write_all(&head)?;
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
            w.write_all(&(c.len() as u64).to_le_bytes())?;
            w.write_all(&c)?;
        }
    }
    Ok(())
}

/// The analysis and the files' warnings back from an entry's bytes; `None` for anything
/// `encode_to` did not write.
#[cfg(test)]
fn decode(bytes: &[u8]) -> Option<(Analysis, Vec<String>)> {
    decode_from(&mut &bytes[..], bytes.len() as u64)
}

/// The same from a reader of `size` bytes, a few chunks at a time.
fn decode_from(r: &mut impl std::io::Read, size: u64) -> Option<(Analysis, Vec<String>)> {
    let mut entry = Entry { r, left: size };
    let mut magic = [0; 8];
    entry.read(&mut magic)?;
    if &magic != MAGIC {
        return None;
    }
    let head_len = entry.len()?;
    let mut head_bytes = Vec::new();
    entry.take(head_len, &mut head_bytes)?;
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
    let shared = Shared(names.iter().map(|n| (&**n, n)).collect());
    let mut articles = Vec::new();
    let mut of = Vec::new();
    let mut chunks_left = head.chunks;
    let mut parts: Vec<Vec<u8>> = vec![Vec::new(); group()];
    while chunks_left > 0 {
        let n = chunks_left.min(parts.len() as u64) as usize;
        chunks_left -= n as u64;
        for part in &mut parts[..n] {
            let l = entry.len()?;
            entry.take(l, part)?;
        }
        let group: Vec<Vec<(ArticleAnalysis, Vec<u32>)>> = parts[..n]
            .par_iter()
            .map(|p| {
                let stored: Vec<StoredArticle> = postcard::from_bytes(p).ok()?;
                stored.into_iter().map(|a| rebuild_article(a, &names, &shared)).collect::<Option<Vec<_>>>()
            })
            .collect::<Option<_>>()?;
        for (a, o) in group.into_iter().flatten() {
            articles.push(a);
            of.push(o);
        }
    }
    // nothing after the last chunk: an entry that grew is not ours
    if entry.left != 0 {
        return None;
    }
    let mut analysis = Analysis { entities, articles };
    analysis.link_mentions(&of);
    let warnings = head.warnings.into_iter().map(owned).collect();
    Some((analysis, warnings))
}

/// An entry being read, and how many of its bytes are left: a length read from a damaged
/// entry is never trusted beyond them.
struct Entry<'r, R> {
    r: &'r mut R,
    left: u64,
}

impl<R: std::io::Read> Entry<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(buf.len() as u64)?;
        self.r.read_exact(buf).ok()
    }

    /// `n` bytes into `buf`, whose memory is used again chunk after chunk.
    fn take(&mut self, n: u64, buf: &mut Vec<u8>) -> Option<()> {
        if n > self.left {
            return None;
        }
        buf.clear();
        buf.resize(usize::try_from(n).ok()?, 0);
        self.read(buf)
    }

    /// A length: eight bytes, little-endian.
    fn len(&mut self) -> Option<u64> {
        let mut b = [0; 8];
        self.read(&mut b)?;
        Some(u64::from_le_bytes(b))
    }
}

/// The entities' names, to share with the speakers, claimants and contexts that name them.
struct Shared<'a>(rustc_hash::FxHashMap<&'a str, &'a Arc<str>>);

impl Shared<'_> {
    fn get(&self, s: Cow<str>) -> Arc<str> {
        self.0.get(&*s).map_or_else(|| Arc::from(&*s), |n| Arc::clone(n))
    }
}

/// One article's results from its stored form, with the entity number of each mention;
/// `None` when a mention names an entity that is not there.
fn rebuild_article(a: StoredArticle, names: &[Arc<str>], shared: &Shared) -> Option<(ArticleAnalysis, Vec<u32>)> {
    let id: Arc<str> = Arc::from(&*a.id);
    let of: Vec<u32> = a.mentions.iter().map(|m| m.entity).collect();
    let mentions = a
        .mentions
        .into_iter()
        .map(|m| {
            let entity = names.get(m.entity as usize)?.clone();
            let StoredSpan { paragraph, start, end, text } = m.span;
            Some(Mention { article: id.clone(), paragraph, start, end, text: Arc::from(&*text), entity })
        })
        .collect::<Option<Vec<_>>>()?;
    let quotes = a
        .quotes
        .into_iter()
        .map(|q| {
            let (paragraph, start, end, text) = q.span.parts();
            let (speaker, cue) = (q.speaker.map(|s| shared.get(s)), q.cue.map(owned));
            Quote { article: id.clone(), paragraph, start, end, text: owned(text), speaker, cue }
        })
        .collect();
    let figures = a
        .figures
        .into_iter()
        .map(|f| {
            let StoredSpan { paragraph, start, end, text } = f.span;
            Figure {
                article: id.clone(),
                paragraph,
                start,
                end,
                text: owned(text).into(),
                kind: f.kind,
                value: match (f.number, f.value_text) {
                    (Some(n), _) => Value::Number(n),
                    (None, t) => Value::Text(t.map(owned).unwrap_or_default()),
                },
                unit: f.unit.map(|u| owned(u).into()),
                measure: f.measure.map(|m| owned(m).into()),
                approx: f.approx,
                claimed_by: f.claimed_by.map(|s| shared.get(s)),
                bound: f.bound,
                subject: f.subject.map(|s| shared.get(s)),
                context: f.context.into_iter().map(|s| shared.get(s)).collect(),
                years: f.years.into(),
            }
        })
        .collect();
    Some((ArticleAnalysis { id: a.id.to_string(), mentions, quotes, figures }, of))
}

/// How many analyses the cache keeps (the oldest go first).
pub const KEEP: usize = 8;

pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DIPTYCH_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "diptych").map(|d| d.cache_dir().join("analyses"))
}

/// The entry's name: the files' fingerprint with everything else the analysis depends on
/// (FxHash: no random seed, so stable across runs; a new build makes new keys anyway).
pub fn key(fingerprint: u64, opts: &analysis::Options) -> String {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let mut feed = |bytes: &[u8]| {
        hasher.write(bytes);
        hasher.write_u8(0xff);
    };
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    // every source change makes new keys (see build.rs)
    feed(env!("DIPTYCH_SOURCE_HASH").as_bytes());
    feed(opts.scare_quote_words.to_string().as_bytes());
    format!("{fingerprint:016x}-{:016x}", hasher.finish())
}

/// A cached analysis and the warnings its files gave when they were parsed.
pub struct Hit {
    pub analysis: Analysis,
    pub warnings: Vec<String>,
}

/// The cache entry for the files with this fingerprint, if there is one.
pub fn entry(fingerprint: u64, opts: &analysis::Options) -> Option<PathBuf> {
    Some(dir()?.join(entry_name(fingerprint, opts))).filter(|f| f.is_file())
}

/// The analysis an entry holds; `None` when it cannot be read.
pub fn load(entry: &Path) -> Option<Hit> {
    let (analysis, warnings) = read(entry)?;
    Some(Hit { analysis, warnings })
}

fn entry_name(fingerprint: u64, opts: &analysis::Options) -> String {
    format!("{}.bin", key(fingerprint, opts))
}

/// The cached analysis of `corpus` (whose files have this fingerprint and gave these
/// warnings), or a fresh one (then cached; an owned corpus is given up as it is analysed, see
/// [`analysis::analyse_corpus`]). `progress` is called while analysing. Problems with the
/// cache never stop the analysis.
pub fn analyse(
    corpus: Cow<'_, Corpus>,
    fingerprint: u64,
    warnings: &[String],
    opts: &analysis::Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Analysis {
    let (a, unsaved) = analyse_unsaved(corpus, fingerprint, warnings, opts, progress);
    if let Some(u) = unsaved {
        u.save(&a);
    }
    a
}

/// [`analyse`], leaving a new entry to be written by the caller (while it prints, say).
pub fn analyse_unsaved(
    corpus: Cow<'_, Corpus>,
    fingerprint: u64,
    warnings: &[String],
    opts: &analysis::Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Analysis, Option<Unsaved>) {
    let Some(dir) = dir() else {
        return (analysis::analyse_corpus(corpus, opts, progress), None);
    };
    let file = dir.join(entry_name(fingerprint, opts));
    // a foreign entry (a hash collision) would not have the articles asked for
    if let Some((a, _)) = read(&file)
        && a.articles.len() == corpus.articles.len()
        && a.articles.iter().zip(&corpus.articles).all(|(x, y)| x.id == y.id)
    {
        return (a, None);
    }
    let a = analysis::analyse_corpus(corpus, opts, progress);
    (a, Some(Unsaved { dir, file, warnings: warnings.to_vec() }))
}

/// Where a new analysis goes in the cache, and the warnings stored with it.
pub struct Unsaved {
    dir: PathBuf,
    file: PathBuf,
    warnings: Vec<String>,
}

impl Unsaved {
    /// Writes the entry and prunes old ones; a cache that cannot be written is only a slower
    /// next run.
    pub fn save(self, a: &Analysis) {
        let _ = write(&self.dir, &self.file, a, &self.warnings);
        prune(&self.dir, KEEP);
    }
}

fn read(file: &Path) -> Option<(Analysis, Vec<String>)> {
    let f = std::fs::File::open(file).ok()?;
    let size = f.metadata().ok()?.len();
    decode_from(&mut std::io::BufReader::with_capacity(1 << 20, f), size)
}

fn write(dir: &Path, file: &Path, a: &Analysis, warnings: &[String]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        encode_to(a, warnings, &mut w)?;
        std::io::Write::flush(&mut w)
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, file)
}

/// Keeps the `keep` newest entries.
pub fn prune(dir: &Path, keep: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = rd
        .filter_map(|e| e.ok())
        // `.json`, `.jsonl`: entries of older layouts, pruned like the rest
        .filter(|e| e.path().extension().is_some_and(|x| x == "bin" || x == "jsonl" || x == "json"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, p) in files.into_iter().skip(keep) {
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    #[test]
    fn key_follows_fingerprint_and_options() {
        let o = analysis::Options::default();
        assert_eq!(key(1, &o), key(1, &o));
        assert_ne!(key(1, &o), key(2, &o));
        let other = analysis::Options { scare_quote_words: o.scare_quote_words + 1 };
        assert_ne!(key(1, &o), key(1, &other));
    }

    #[test]
    fn stored_form_rebuilds_the_whole_analysis() {
        let c = bundled::corpus();
        let a = analysis::analyse(&c, &analysis::Options::default());
        let warnings = vec!["warning: x.txt: empty file, skipped".to_string()];
        let bytes = encode(&a, &warnings).expect("encodes");
        let (back, w) = decode(&bytes).expect("decodes");
        assert!(a.entities.iter().any(|e| e.articles.len() > 1), "the corpus has entities in several articles");
        assert!(a.articles.iter().flat_map(|x| &x.figures).any(|f| f.value.as_f64().is_none()), "a text value");
        assert_eq!(back, a);
        assert_eq!(w, warnings);
        // every cut short or grown entry is refused, never misread
        for cut in [0, 7, 8, 16, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
    }

    #[test]
    fn hit_corrupt_and_prune() {
        let tmp = tempfile::tempdir().expect("dir");
        let c = bundled::corpus();
        let o = analysis::Options::default();
        let file = tmp.path().join(entry_name(7, &o));
        let a = analysis::analyse(&c, &o);
        write(tmp.path(), &file, &a, &[]).expect("write");
        assert_eq!(read(&file).map(|x| x.0).as_ref(), Some(&a));
        std::fs::write(&file, b"DIPTYCH4 not an entry").expect("corrupt");
        assert!(read(&file).is_none(), "a corrupt entry is ignored");
        for i in 0..12 {
            std::fs::write(tmp.path().join(format!("{i}.bin")), b"{}").expect("entry");
        }
        prune(tmp.path(), 3);
        assert_eq!(std::fs::read_dir(tmp.path()).expect("dir").count(), 3);
    }
}
