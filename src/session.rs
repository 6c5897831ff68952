//! A session: the config, the corpus it names and what was odd while loading, and the cache
//! policy both front ends follow. The command line and the reader each open one here; neither
//! knows the other.

use crate::analysis::{self, Analysis};
use crate::cache;
use crate::config::{self, Config};
use crate::corpus::{self, Corpus, Fingerprint, LoadOptions};
use crate::error::Result;
use crate::warning::Warning;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Progress of a long step: `(done, total)`.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// What the user asked for: the corpus paths (none: the config's, else the bundled corpus),
/// the config file and whether the cache may be used.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub corpus: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub no_cache: bool,
}

/// Everything a front end needs: the config, the corpus and what was odd while loading.
pub struct Session {
    pub config: Config,
    pub corpus: Corpus,
    /// Everything to tell the user: the config's warnings, then the files'.
    pub warnings: Vec<Warning>,
    /// The warnings parsing the files gave: kept with a cached analysis, so that a run that
    /// parses nothing tells the same.
    pub file_warnings: Vec<Warning>,
    /// The fingerprint of the corpus files (see `corpus::Loaded`).
    pub fingerprint: Fingerprint,
    /// Whether the analysis may be read from and written to the cache.
    pub use_cache: bool,
}

/// A session whose files are read but not parsed yet (see [`Session::open_unparsed`]).
pub struct Unparsed {
    pub session: Session,
    raw: Option<corpus::load::Raw>,
}

/// Files read before the reader's first frame: enough to fill a screen.
const FIRST_BATCH: usize = 200;

impl Session {
    pub fn new(config: Config, corpus: Corpus) -> Session {
        let use_cache = config.analysis.cache;
        Session {
            config,
            corpus,
            warnings: Vec::new(),
            file_warnings: Vec::new(),
            fingerprint: Fingerprint::default(),
            use_cache,
        }
    }

    /// The session with every file read and parsed.
    pub fn open(request: &Request, progress: Progress) -> Result<Session> {
        let (mut session, paths, opts) = configured(request)?;
        if !paths.is_empty() {
            let (loaded, mut found) = corpus::load::read_and_parse(&paths, &opts, progress)?;
            // the warnings of finding the files are the session's, those of parsing them the
            // files' (kept with a cached analysis)
            session.warnings.append(&mut found);
            session.add_files(loaded);
        }
        Ok(session)
    }

    /// The session with its files read but not parsed (the bundled corpus is parsed
    /// already): a command that prints only the analysis parses nothing on a cache hit.
    pub fn open_unparsed(request: &Request, progress: Progress) -> Result<Unparsed> {
        let (mut session, paths, opts) = configured(request)?;
        if paths.is_empty() {
            return Ok(Unparsed { session, raw: None });
        }
        let mut raw = corpus::load::Raw::read_with_progress(&paths, &opts, progress)?;
        session.warnings.append(&mut raw.warnings);
        session.fingerprint = raw.fingerprint;
        Ok(Unparsed { session, raw: Some(raw) })
    }

    /// The session for the reader: the first articles read now, the rest left in the
    /// returned stream to read in the background (the first frame does not wait for 100,000
    /// files). Errors as [`Session::open`] does when nothing at all can be read.
    pub fn open_streaming(request: &Request) -> Result<(Session, Option<corpus::load::Stream>)> {
        let (mut session, paths, opts) = configured(request)?;
        if paths.is_empty() {
            return Ok((session, None));
        }
        let (mut stream, warnings) = corpus::load::Stream::open(&paths, &opts)?;
        session.warnings.extend(warnings);
        // a screenful of articles first; more only if none of those could be read
        let mut batch = FIRST_BATCH;
        while session.corpus.articles.is_empty() {
            let Some(loaded) = stream.next_batch(batch) else {
                return Err(corpus::load::empty(&paths, std::mem::take(&mut session.warnings)));
            };
            session.add_files(loaded);
            batch = batch.saturating_mul(4);
        }
        if stream.done() == stream.total() {
            corpus::load::apply_ids(&mut session.corpus.articles, stream.final_ids());
            return Ok((session, None));
        }
        Ok((session, Some(stream)))
    }

    /// Takes in files read and parsed (a first batch, or the reader's later ones).
    pub fn add_files(&mut self, loaded: corpus::Loaded) {
        self.warnings.extend(loaded.warnings.iter().cloned());
        self.file_warnings.extend(loaded.warnings);
        self.corpus.articles.extend(loaded.corpus.articles);
        self.fingerprint = loaded.fingerprint;
    }

    /// The analysis options the config sets.
    pub fn analysis_options(&self) -> analysis::Options {
        analysis_options(&self.config)
    }

    /// How this session's corpus is analysed: by the cache policy when the cache is on.
    pub fn analyser(&self) -> Analyser {
        Analyser {
            opts: self.analysis_options(),
            cache_key: self.use_cache.then(|| (self.fingerprint, self.file_warnings.clone())),
        }
    }
}

impl Unparsed {
    /// The cached analysis of these files when the cache holds a sound entry for them (then
    /// nothing is parsed and the files' bytes are freed first); else the session parsed, to
    /// be analysed.
    pub fn cached_or_parsed(self, request: &Request, progress: Progress) -> Result<(Session, Option<Analysis>)> {
        let Unparsed { session, raw } = self;
        let opts = session.analysis_options();
        let hit = session.use_cache && raw.is_some() && cache::has(&session.fingerprint, &opts);
        if !hit {
            return Ok((session.parsed(raw, progress)?, None));
        }
        let bytes = raw.as_ref().map_or(0, corpus::load::Raw::bytes);
        drop(raw);
        match cache::lookup(&session.fingerprint, &opts, bytes) {
            Some(hit) => {
                let mut s = session;
                s.warnings.extend(hit.warnings);
                s.warnings.extend(hit.analysis.warnings.iter().cloned());
                Ok((s, Some(hit.analysis)))
            }
            // an entry that cannot be read: read the files again and analyse them
            None => Ok((Session::open(request, progress)?, None)),
        }
    }
}

impl Session {
    fn parsed(mut self, raw: Option<corpus::load::Raw>, progress: Progress) -> Result<Session> {
        if let Some(raw) = raw {
            self.add_files(raw.parse_with_progress(progress)?);
        }
        Ok(self)
    }
}

/// The analysis options a config sets.
pub fn analysis_options(c: &Config) -> analysis::Options {
    analysis::Options { scare_quote_words: c.analysis.scare_quote_words }
}

/// The one cache policy: look the corpus up, else analyse it and leave the new entry to be
/// written beside the output.
#[derive(Clone)]
pub struct Analyser {
    pub opts: analysis::Options,
    /// The files' fingerprint and the warnings parsing them gave, when the cache is on.
    cache_key: Option<(Fingerprint, Vec<Warning>)>,
}

impl Analyser {
    /// Analysis with `opts`; through the cache when `cache_key` (the files' fingerprint and
    /// the warnings parsing them gave) is given.
    pub fn new(opts: analysis::Options, cache_key: Option<(Fingerprint, Vec<Warning>)>) -> Analyser {
        Analyser { opts, cache_key }
    }

    /// The analysis of `corpus` (the session's own, or its articles handed over and freed as
    /// they are analysed), with its cache entry still to write when it is new.
    pub fn analyse(&self, corpus: Cow<'_, Corpus>, progress: Progress) -> (Analysis, Option<cache::Unsaved>) {
        match &self.cache_key {
            Some((fingerprint, warnings)) => {
                cache::analyse_unsaved(corpus, fingerprint, warnings, &self.opts, progress)
            }
            None => (analysis::analyse_corpus(corpus, &self.opts, progress), None),
        }
    }
}

/// The config and the corpus paths of a session; the bundled corpus when none are given.
fn configured(request: &Request) -> Result<(Session, Vec<PathBuf>, LoadOptions)> {
    let cfg = config::load(request.config.as_deref())?;
    let config = cfg.config;
    let paths: Vec<PathBuf> = if !request.corpus.is_empty() {
        request.corpus.clone()
    } else {
        config.corpus.paths.iter().map(|p| expand_home(p)).collect()
    };
    let opts = LoadOptions {
        max_file_bytes: config.max_file_mb.saturating_mul(1024 * 1024),
        date_order: config.corpus.date_order,
    };
    let mut session = Session::new(config, Corpus::default());
    session.use_cache &= !request.no_cache;
    session.warnings = cfg.warnings;
    if paths.is_empty() {
        session.add_files(corpus::bundled::load());
    }
    Ok((session, paths, opts))
}

fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(b)) => b.home_dir().join(rest),
        _ => p.to_path_buf(),
    }
}
