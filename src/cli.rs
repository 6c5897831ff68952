//! The command line: a thin front end that loads, analyses and prints.

mod json;
mod report;
pub mod table;

use crate::analysis::{self, Analysis};
use crate::compare;
use crate::config;
use crate::corpus::{self, Corpus, LoadOptions, lookup};
use crate::error::{Error, Result};
use clap::{Parser, Subcommand};
use json::{print_json, print_json_list, print_json_list_weighted};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "diptych", version, about = "Read and compare news reports in the terminal.", long_about = None)]
pub struct Cli {
    /// A folder (read recursively) or file of reports; may repeat. Default: the config's corpus, else the bundled one.
    #[arg(long, global = true, value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Config file (default: $DIPTYCH_CONFIG, else config.toml in the config folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print one JSON document on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Do not read or write the analysis cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the articles.
    List,
    /// Show one article with its entities, quotes and figures.
    Show {
        /// An id, a unique id prefix, or words of the title.
        article: String,
    },
    /// People, places, organisations and other names, merged across the corpus.
    Entities,
    /// Quotations and their speakers.
    Quotes {
        /// Only the quotes of this speaker (any alias).
        #[arg(long)]
        speaker: Option<String>,
    },
    /// Figures with their values, units and measures.
    Figures,
    /// Every conflicting pair of figures in the corpus, grouped by measure.
    Conflicts,
    /// Compare two articles: shared entities, conflicts, shared quotes.
    Compare {
        left: String,
        right: String,
        /// Write the report as Markdown.
        #[arg(long)]
        markdown: bool,
    },
    /// Write a generated corpus for benchmarks (deterministic from the seed).
    #[command(hide = true)]
    Generate {
        /// How many articles.
        count: usize,
        /// Folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// About how many words each.
        #[arg(long, default_value_t = 500)]
        words: usize,
    },
}

/// Runs the command line and turns errors into one-line messages and exit codes.
pub fn main() -> ExitCode {
    // a panic nothing contains is an internal error: one line, exit status 1
    crate::contain::install_hook(|info| eprintln!("error: internal error: {}", crate::contain::describe(info)));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            for r in e.reasons() {
                warn(r);
            }
            eprintln!("error: {}", crate::text::safe::one_line(&e.to_string()));
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
        Err(_) => ExitCode::from(1),
    }
}

/// `--help` and `--version` print as clap writes them; a usage error is one line (the
/// first of clap's message) with a pointer to `--help`, exit status 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let text = e.render().to_string();
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("bad usage");
    let first = first.trim().trim_start_matches("error:").trim();
    eprintln!("error: {first} (see 'diptych --help')");
    ExitCode::from(2)
}

/// Everything a front end needs: the config, the corpus and what was odd while loading.
pub struct Session {
    pub config: config::Config,
    pub corpus: Corpus,
    /// Everything to tell the user: the config's warnings, then the files'.
    pub warnings: Vec<String>,
    /// The warnings parsing the files gave: kept with a cached analysis, so that a run that
    /// parses nothing tells the same.
    pub file_warnings: Vec<String>,
    /// The fingerprint of the corpus files (see `corpus::Loaded`).
    pub fingerprint: corpus::Fingerprint,
}

impl Session {
    pub fn new(config: config::Config, corpus: Corpus) -> Session {
        Session {
            config,
            corpus,
            warnings: Vec::new(),
            file_warnings: Vec::new(),
            fingerprint: corpus::Fingerprint::default(),
        }
    }

    fn add_files(&mut self, loaded: corpus::Loaded) {
        self.warnings.extend(loaded.warnings.iter().cloned());
        self.file_warnings.extend(loaded.warnings);
        self.corpus.articles.extend(loaded.corpus.articles);
        self.fingerprint = loaded.fingerprint;
    }
}

pub fn open_session(cli: &Cli) -> Result<Session> {
    let (mut session, paths, opts) = session_config(cli)?;
    if !paths.is_empty() {
        let (loaded, mut found) =
            with_bar("reading", |progress| corpus::load::read_and_parse(&paths, &opts, progress))?;
        // the warnings of finding the files are the session's, those of parsing them the
        // files' (kept with a cached analysis)
        session.warnings.append(&mut found);
        session.add_files(loaded);
    }
    Ok(session)
}

/// A session with its files read but not parsed (the bundled corpus is parsed already).
fn open_unparsed(cli: &Cli) -> Result<(Session, Option<corpus::load::Raw>)> {
    let (mut session, paths, opts) = session_config(cli)?;
    if paths.is_empty() {
        return Ok((session, None));
    }
    let mut raw = with_bar("reading", |progress| corpus::load::Raw::read_with_progress(&paths, &opts, progress))?;
    session.warnings.append(&mut raw.warnings);
    session.fingerprint = raw.fingerprint;
    Ok((session, Some(raw)))
}

fn parse(mut session: Session, raw: Option<corpus::load::Raw>) -> Result<Session> {
    if let Some(raw) = raw {
        session.add_files(with_bar("parsing", |progress| raw.parse_with_progress(progress))?);
    }
    Ok(session)
}

/// The session for the reader: the first articles read now, the rest left in the returned
/// stream for the reader to read in the background (its first frame does not wait for
/// 100,000 files). Errors as `open_session` does when nothing at all can be read.
pub fn open_reader_session(cli: &Cli) -> Result<(Session, Option<corpus::load::Stream>)> {
    let (mut session, paths, opts) = session_config(cli)?;
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

/// Files read before the reader's first frame: enough to fill a screen.
const FIRST_BATCH: usize = 200;

/// The config and the corpus paths of a session; the bundled corpus when none are given.
fn session_config(cli: &Cli) -> Result<(Session, Vec<PathBuf>, LoadOptions)> {
    let cfg = config::load(cli.config.as_deref())?;
    let config = cfg.config;
    let paths: Vec<PathBuf> = if !cli.corpus.is_empty() {
        cli.corpus.clone()
    } else {
        config.corpus.paths.iter().map(|p| expand_home(p)).collect()
    };
    let opts = LoadOptions {
        max_file_bytes: config.max_file_mb.saturating_mul(1024 * 1024),
        date_order: config.corpus.date_order,
    };
    let mut session = Session::new(config, Corpus::default());
    session.warnings = cfg.warnings;
    if paths.is_empty() {
        session.add_files(corpus::bundled::load());
    }
    Ok((session, paths, opts))
}

fn expand_home(p: &std::path::Path) -> PathBuf {
    match (p.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(b)) => b.home_dir().join(rest),
        _ => p.to_path_buf(),
    }
}

pub fn analysis_options(c: &config::Config) -> analysis::Options {
    analysis::Options { scare_quote_words: c.analysis.scare_quote_words }
}

/// A warning on stderr: one line, nothing in it sent to the terminal as a control code.
fn warn(w: &str) {
    eprintln!("{}", crate::text::safe::one_line(w));
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn out(s: &str) -> Result<()> {
    // what articles and file names hold is shown, never sent to the terminal as control codes
    let s = &*crate::text::safe::printable(s);
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|_| if s.ends_with('\n') { Ok(()) } else { o.write_all(b"\n") }) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Read { path: PathBuf::from("<stdout>"), source: e }),
        Ok(()) => Ok(()),
    }
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<String>,
    /// A later stamp, when the report names one besides its publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    words: usize,
    path: &'a str,
}

#[derive(Serialize)]
struct Show<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<String>,
    paragraphs: &'a [String],
    entities: &'a [analysis::Mention],
    quotes: &'a [analysis::Quote],
    figures: &'a [analysis::Figure],
}

pub fn run(cli: Cli) -> Result<()> {
    if let Some(Command::Generate { count, out: dir, seed, words }) = &cli.command {
        return generate(*count, dir, *seed, *words);
    }
    let Some(command) = cli.command.as_ref() else {
        if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            return Err(Error::Usage("the reader needs a terminal; try 'diptych list'".into()));
        }
        let (session, stream) = open_reader_session(&cli)?;
        for w in &session.warnings {
            warn(w);
        }
        let use_cache = !cli.no_cache && session.config.analysis.cache;
        return crate::tui::run(session, stream, use_cache).map_err(|e| Error::Usage(format!("terminal: {e}")));
    };
    // The corpus and its analysis live until the process ends, which frees them faster than
    // dropping them piece by piece (a tenth of a second on 10,000 articles).
    // the commands that print only the analysis need no parsed corpus when it is cached:
    // their files are read first and parsed only if the cache has no entry for them
    // (conflicts show their sentences: they need the text)
    let analysis_only = matches!(command, Command::Entities | Command::Quotes { .. } | Command::Figures);
    let (unparsed, raw) =
        if analysis_only && !cli.no_cache { open_unparsed(&cli)? } else { (open_session(&cli)?, None) };
    let use_cache = !cli.no_cache && unparsed.config.analysis.cache;
    let opts = analysis_options(&unparsed.config);
    let cached_entry = use_cache && raw.is_some() && crate::cache::has(&unparsed.fingerprint, &opts);
    let (session, cached) = if cached_entry {
        // the files' bytes were needed only for their fingerprint: free them first
        let bytes = raw.as_ref().map_or(0, corpus::load::Raw::bytes);
        drop(raw);
        match crate::cache::lookup(&unparsed.fingerprint, &opts, bytes) {
            Some(hit) => {
                let mut s = unparsed;
                s.warnings.extend(hit.warnings);
                s.warnings.extend(hit.analysis.warnings.iter().cloned());
                (s, Some(hit.analysis))
            }
            // an entry that cannot be read: read the files again and analyse them
            None => (open_session(&cli)?, None),
        }
    } else {
        (parse(unparsed, raw)?, None)
    };
    // the commands that print only the analysis hand the articles over to it: their text is
    // freed as it is analysed
    let mut session = session;
    let mut handed = analysis_only.then(|| std::mem::take(&mut session.corpus));
    let session: &'static Session = Box::leak(Box::new(session));
    for w in &session.warnings {
        warn(w);
    }
    let corpus = &session.corpus;
    let width = table::terminal_width();
    let mut cached = cached;
    // a new cache entry is written while the results are printed
    let mut saving = Saving(None);
    let mut analyse = || -> &'static Analysis {
        if let Some(a) = cached.take() {
            return Box::leak(Box::new(a));
        }
        let corpus = handed.take().map_or(std::borrow::Cow::Borrowed(&session.corpus), std::borrow::Cow::Owned);
        let (a, unsaved) = analyse_with_bar(session, corpus, &analysis_options(&session.config), use_cache);
        for w in &a.warnings {
            warn(w);
        }
        let a: &'static Analysis = Box::leak(Box::new(a));
        saving.0 = unsaved.map(|u| std::thread::spawn(move || u.save(a)));
        a
    };
    let printed = match command {
        Command::List => {
            if cli.json {
                let rows: Vec<ListRow> = corpus
                    .articles
                    .par_iter()
                    .map(|a| ListRow {
                        id: &a.id,
                        title: &a.title,
                        source: a.source.as_deref(),
                        author: a.author.as_deref(),
                        date: a.date.map(|d| d.iso()),
                        updated: a.updated.map(|d| d.iso()),
                        words: a.words(),
                        path: &a.path,
                    })
                    .collect();
                print_json_list(&rows)
            } else {
                out(&report::list(corpus, width))
            }
        }
        Command::Show { article } => {
            let a = lookup::find(corpus, article)?;
            let an = analyse();
            if cli.json {
                let aa = an.article(&a.id);
                print_json(&Show {
                    id: &a.id,
                    title: &a.title,
                    source: a.source.as_deref(),
                    author: a.author.as_deref(),
                    date: a.date.map(|d| d.iso()),
                    paragraphs: &a.paragraphs,
                    entities: aa.map_or(&[], |x| &x.mentions),
                    quotes: aa.map_or(&[], |x| &x.quotes),
                    figures: aa.map_or(&[], |x| &x.figures),
                })
            } else {
                out(&report::show(a, an))
            }
        }
        Command::Entities => {
            let an = analyse();
            if cli.json {
                print_json_list_weighted(&an.entities_json(), analysis::EntityJson::weight)
            } else {
                out(&report::entities(an, width))
            }
        }
        Command::Quotes { speaker } => {
            let an = analyse();
            let wanted = match speaker {
                Some(name) => Some(
                    an.entity_by_alias(name)
                        .map(|e| e.name.clone())
                        .ok_or_else(|| Error::Usage(format!("no speaker named '{name}'")))?,
                ),
                None => None,
            };
            let quotes: Vec<&analysis::Quote> = an
                .articles
                .iter()
                .flat_map(|a| a.quotes.iter())
                .filter(|q| wanted.is_none() || q.speaker.as_deref() == wanted.as_deref())
                .collect();
            if cli.json { print_json_list(&quotes) } else { out(&report::quotes(&quotes, width)) }
        }
        Command::Figures => {
            let an = analyse();
            if cli.json {
                let figs: Vec<&analysis::Figure> = an.articles.iter().flat_map(|a| a.figures.iter()).collect();
                print_json_list(&figs)
            } else {
                out(&report::figures(an, width))
            }
        }
        Command::Conflicts => {
            let an = analyse();
            let list = compare::corpus_conflicts(an, corpus);
            if cli.json { print_json_list(&list) } else { out(&report::conflicts(&list)) }
        }
        Command::Generate { .. } => Ok(()),
        Command::Compare { left, right, markdown } => {
            let l = lookup::find(corpus, left)?;
            let r = lookup::find(corpus, right)?;
            let an = analyse();
            let c = compare::compare(an, l, r);
            if cli.json { print_json(&c) } else { out(&report::compare(&c, l, r, *markdown)) }
        }
    };
    drop(saving);
    printed
}

/// A cache entry being written; dropping it waits for the entry to be whole (also when a
/// command ends in an error), so that no half-written file is left behind.
struct Saving(Option<std::thread::JoinHandle<()>>);

impl Drop for Saving {
    fn drop(&mut self) {
        if let Some(h) = self.0.take() {
            // a thread that panicked wrote nothing: the next run analyses again
            let _ = h.join();
        }
    }
}

fn generate(count: usize, dir: &std::path::Path, seed: u64, words: usize) -> Result<()> {
    use rayon::prelude::*;
    let io = |e: std::io::Error| Error::Read { path: dir.to_path_buf(), source: e };
    std::fs::create_dir_all(dir).map_err(io)?;
    (0..count).into_par_iter().try_for_each(|i| {
        let (name, text) = crate::generate::article(seed, i, words);
        std::fs::write(dir.join(name), text).map_err(io)
    })?;
    eprintln!("wrote {count} articles to {}", dir.display());
    Ok(())
}

/// Runs `work` with a progress bar on stderr when stderr is a terminal and the work is long
/// (the bar appears only past 200 items, at most ten times a second).
fn with_bar<T>(what: &str, work: impl FnOnce(&(dyn Fn(usize, usize) + Sync)) -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work(&|_, _| {});
    }
    let bar = indicatif::ProgressBar::hidden();
    if let Ok(style) = indicatif::ProgressStyle::with_template(&format!("{what} {{bar:40}} {{pos}}/{{len}} files")) {
        bar.set_style(style);
    }
    let shown = std::sync::atomic::AtomicBool::new(false);
    let out = work(&|done, total| {
        if total >= 200 && !shown.swap(true, std::sync::atomic::Ordering::Relaxed) {
            bar.set_length(total as u64);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(10));
        }
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    out
}

/// The session's analysis, with a progress bar on a terminal; `corpus` is the session's own,
/// or its articles handed over by a command that needs only their analysis. A new analysis
/// comes with its cache entry still to write.
fn analyse_with_bar(
    session: &Session,
    corpus: std::borrow::Cow<'_, Corpus>,
    opts: &analysis::Options,
    use_cache: bool,
) -> (Analysis, Option<crate::cache::Unsaved>) {
    let n = corpus.articles.len();
    let run = |progress: &(dyn Fn(usize, usize) + Sync)| {
        if use_cache {
            crate::cache::analyse_unsaved(corpus, &session.fingerprint, &session.file_warnings, opts, progress)
        } else {
            (analysis::analyse_corpus(corpus, opts, progress), None)
        }
    };
    if !std::io::stderr().is_terminal() || n < 200 {
        return run(&|_, _| {});
    }
    let bar = indicatif::ProgressBar::new((n * 2) as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("analysing {bar:40} {percent:>3}% {eta} left") {
        bar.set_style(style);
    }
    let a = run(&|done, _| bar.set_position(done as u64));
    bar.finish_and_clear();
    a
}
