//! The analysis cache: an unchanged corpus is not analysed twice. Keyed by the program
//! version and sources, the analysis options and every article's content; kept in the cache folder the
//! directories crate gives (or `$DIPTYCH_CACHE_DIR`). A corrupt or stale entry is ignored and
//! rebuilt; only the newest few entries are kept. This is I/O at the edge: the analysis stays pure.

use crate::analysis::{self, Analysis, ArticleAnalysis, Entity, Figure, Kind, Mention, Quote};
use crate::corpus::Corpus;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What is written: a line of entities without their mentions (they are the articles'
/// mentions again, rebuilt on reading), then one line an article, so lines parse in parallel.
/// A mention names its entity by number and its article by the line it is on, so that
/// reading makes one string a mention, not three.
struct Stored<'a> {
    entities: Vec<StoredEntity<'a>>,
    articles: Vec<StoredArticle<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StoredArticle<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    mentions: Vec<StoredMention>,
    quotes: std::borrow::Cow<'a, [Quote]>,
    figures: std::borrow::Cow<'a, [Figure]>,
}

#[derive(Serialize, Deserialize)]
struct StoredMention {
    paragraph: usize,
    start: usize,
    end: usize,
    text: Arc<str>,
    entity: usize,
}

#[derive(Serialize)]
struct StoredEntity<'a> {
    name: &'a str,
    kind: Kind,
    aliases: &'a [String],
}

struct Loaded<'a> {
    entities: Vec<LoadedEntity>,
    articles: Vec<StoredArticle<'a>>,
}

impl Stored<'_> {
    fn write(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(&mut *w, &self.entities)?;
        for a in &self.articles {
            w.write_all(b"\n")?;
            serde_json::to_writer(&mut *w, a)?;
        }
        w.flush()
    }
}

impl<'a> Loaded<'a> {
    /// `None` for anything but the lines `Stored::write` makes.
    fn parse(bytes: &'a [u8]) -> Option<Loaded<'a>> {
        use rayon::prelude::*;
        let mut lines = bytes.split(|b| *b == b'\n');
        let entities = serde_json::from_slice(lines.next()?).ok()?;
        let rest: Vec<&[u8]> = lines.collect();
        let articles = rest.par_iter().map(|l| serde_json::from_slice(l).ok()).collect::<Option<Vec<_>>>()?;
        Some(Loaded { entities, articles })
    }
}

#[derive(Deserialize)]
struct LoadedEntity {
    name: String,
    kind: Kind,
    aliases: Vec<String>,
}

fn to_stored(a: &Analysis) -> Stored<'_> {
    let index: FxHashMap<&str, usize> = a.entities.iter().enumerate().map(|(i, e)| (e.name.as_str(), i)).collect();
    Stored {
        entities: a
            .entities
            .iter()
            .map(|e| StoredEntity { name: &e.name, kind: e.kind, aliases: &e.aliases })
            .collect(),
        articles: a
            .articles
            .iter()
            .map(|art| StoredArticle {
                id: std::borrow::Cow::Borrowed(&art.id),
                mentions: art
                    .mentions
                    .iter()
                    .map(|m| StoredMention {
                        paragraph: m.paragraph,
                        start: m.start,
                        end: m.end,
                        text: m.text.clone(),
                        // every mention's entity is in the list: the analysis made both
                        entity: index.get(&*m.entity).copied().unwrap_or(usize::MAX),
                    })
                    .collect(),
                quotes: std::borrow::Cow::Borrowed(&art.quotes),
                figures: std::borrow::Cow::Borrowed(&art.figures),
            })
            .collect(),
    }
}

/// The whole analysis again: each entity's mentions and articles in corpus order, as the
/// analysis gives them. `None` when a mention names an entity that is not there.
fn from_stored(l: Loaded) -> Option<Analysis> {
    let mut entities: Vec<Entity> = l
        .entities
        .into_iter()
        .map(|e| Entity { name: e.name, kind: e.kind, aliases: e.aliases, articles: Vec::new(), mentions: Vec::new() })
        .collect();
    let names: Vec<Arc<str>> = entities.iter().map(|e| Arc::from(e.name.as_str())).collect();
    let mut articles = Vec::with_capacity(l.articles.len());
    for art in l.articles {
        let id: Arc<str> = Arc::from(&*art.id);
        let mut mentions = Vec::with_capacity(art.mentions.len());
        for m in art.mentions {
            let e = entities.get_mut(m.entity)?;
            if e.articles.last().map(String::as_str) != Some(&*art.id) {
                e.articles.push(art.id.to_string());
            }
            let mention = Mention {
                article: id.clone(),
                paragraph: m.paragraph,
                start: m.start,
                end: m.end,
                text: m.text,
                entity: names[m.entity].clone(),
            };
            e.mentions.push(mention.clone());
            mentions.push(mention);
        }
        articles.push(ArticleAnalysis {
            id: art.id.into_owned(),
            mentions,
            quotes: art.quotes.into_owned(),
            figures: art.figures.into_owned(),
        });
    }
    Some(Analysis { entities, articles })
}

/// How many analyses the cache keeps (the oldest go first).
pub const KEEP: usize = 8;

pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DIPTYCH_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "diptych").map(|d| d.cache_dir().join("analyses"))
}

/// A hash of everything the analysis depends on, eight bytes at a time (FxHash: no random
/// seed, so stable across runs; a new build makes new keys anyway).
pub fn key(corpus: &Corpus, opts: &analysis::Options) -> String {
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
    for a in &corpus.articles {
        feed(a.id.as_bytes());
        feed(a.date.map(|d| d.iso()).unwrap_or_default().as_bytes());
        for p in &a.paragraphs {
            feed(p.as_bytes());
        }
    }
    format!("{:016x}-{}", hasher.finish(), corpus.articles.len())
}

/// The cached analysis of `corpus`, or a fresh one (then cached). `progress` is called while
/// analysing. Problems with the cache never stop the analysis.
pub fn analyse(corpus: &Corpus, opts: &analysis::Options, progress: &(dyn Fn(usize, usize) + Sync)) -> Analysis {
    let Some(dir) = dir() else {
        return analysis::analyse_with_progress(corpus, opts, progress);
    };
    let file = dir.join(format!("{}.jsonl", key(corpus, opts)));
    if let Some(a) = read(&file, corpus) {
        return a;
    }
    let a = analysis::analyse_with_progress(corpus, opts, progress);
    // a cache that cannot be written is only a slower next run
    let _ = write(&dir, &file, &a);
    prune(&dir, KEEP);
    a
}

fn read(file: &Path, corpus: &Corpus) -> Option<Analysis> {
    let bytes = std::fs::read(file).ok()?;
    let a = from_stored(Loaded::parse(&bytes)?)?;
    // a stale or foreign entry: not the articles asked for
    let same =
        a.articles.len() == corpus.articles.len() && a.articles.iter().zip(&corpus.articles).all(|(x, y)| x.id == y.id);
    same.then_some(a)
}

fn write(dir: &Path, file: &Path, a: &Analysis) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    let f = std::fs::File::create(&tmp)?;
    to_stored(a).write(&mut std::io::BufWriter::new(f))?;
    std::fs::rename(&tmp, file)
}

/// Keeps the `keep` newest entries.
pub fn prune(dir: &Path, keep: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = rd
        .filter_map(|e| e.ok())
        // `.json`: entries of an older layout, pruned like the rest
        .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl" || x == "json"))
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
    fn key_follows_content() {
        let c = bundled::corpus();
        let o = analysis::Options::default();
        assert_eq!(key(&c, &o), key(&c, &o));
        let mut d = c.clone();
        d.articles[0].paragraphs[0].push('!');
        assert_ne!(key(&c, &o), key(&d, &o));
    }

    #[test]
    fn stored_form_rebuilds_the_whole_analysis() {
        let c = bundled::corpus();
        let a = analysis::analyse(&c, &analysis::Options::default());
        let mut bytes = Vec::new();
        to_stored(&a).write(&mut bytes).expect("write");
        let back = from_stored(Loaded::parse(&bytes).expect("parse")).expect("rebuilt");
        assert!(a.entities.iter().any(|e| e.articles.len() > 1), "the corpus has entities in several articles");
        assert_eq!(back, a);
    }

    #[test]
    fn hit_corrupt_and_prune() {
        let tmp = tempfile::tempdir().expect("dir");
        let c = bundled::corpus();
        let o = analysis::Options::default();
        let file = tmp.path().join(format!("{}.json", key(&c, &o)));
        let a = analysis::analyse(&c, &o);
        write(tmp.path(), &file, &a).expect("write");
        assert_eq!(read(&file, &c).as_ref(), Some(&a));
        std::fs::write(&file, b"{ not json").expect("corrupt");
        assert!(read(&file, &c).is_none(), "a corrupt entry is ignored");
        for i in 0..12 {
            std::fs::write(tmp.path().join(format!("{i}.json")), b"{}").expect("entry");
        }
        prune(tmp.path(), 3);
        assert_eq!(std::fs::read_dir(tmp.path()).expect("dir").count(), 3);
    }
}
