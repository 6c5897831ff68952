//! One short function per command: open the session, analyse (through the session's cache
//! policy), print.

use super::args::{Cli, Command};
use super::json::{print_json, print_json_list, print_json_list_weighted};
use super::output::{out, warn};
use super::{report, table};
use crate::analysis::{self, Analysis};
use crate::cache::Unsaved;
use crate::compare;
use crate::corpus::{Article, lookup};
use crate::error::{Error, Result};
use crate::session::{Progress, Request, Session};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::io::IsTerminal;

/// Runs one command.
pub fn run(cli: &Cli, command: &Command) -> Result<()> {
    let request = cli.request();
    let json = cli.json;
    match command {
        Command::Generate { count, out: dir, seed, words } => generate(*count, dir, *seed, *words),
        Command::List => list(&request, json),
        Command::Show { article } => show(&request, article, json),
        Command::Entities => analysis_only(&request, |an| entities(an, json)),
        Command::Quotes { speaker } => analysis_only(&request, |an| quotes(an, speaker.as_deref(), json)),
        Command::Figures => analysis_only(&request, |an| figures(an, json)),
        Command::Conflicts => {
            let mut session = open(&request)?;
            let (an, unsaved) = analyse(&mut session, false);
            printing(session, an, unsaved, |s, an| {
                let list = compare::corpus_conflicts(an, &s.corpus);
                if json { print_json_list(&list) } else { out(&report::conflicts(&list)) }
            })
        }
        Command::Compare { left, right, markdown } => compare(&request, [left, right], *markdown, json),
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

fn list(request: &Request, json: bool) -> Result<()> {
    let session = open(request)?;
    let corpus = &session.corpus;
    let printed = if json {
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
        out(&report::list(corpus, table::terminal_width()))
    };
    end_of_run(session, None);
    printed
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

fn show(request: &Request, query: &str, json: bool) -> Result<()> {
    let mut session = open(request)?;
    // an unknown article is told before anything is analysed
    lookup::find(&session.corpus, query)?;
    let (an, unsaved) = analyse(&mut session, false);
    printing(session, an, unsaved, |s, an| {
        let a = lookup::find(&s.corpus, query)?;
        if !json {
            return out(&report::show(a, an));
        }
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
    })
}

fn compare(request: &Request, [left, right]: [&String; 2], markdown: bool, json: bool) -> Result<()> {
    let mut session = open(request)?;
    lookup::find(&session.corpus, left)?;
    lookup::find(&session.corpus, right)?;
    let (an, unsaved) = analyse(&mut session, false);
    printing(session, an, unsaved, |s, an| {
        let pick = |q: &str| -> Result<&Article> { lookup::find(&s.corpus, q) };
        let (l, r) = (pick(left)?, pick(right)?);
        let c = compare::compare(an, l, r);
        if json { print_json(&c) } else { out(&report::compare(&c, l, r, markdown)) }
    })
}

fn entities(an: &Analysis, json: bool) -> Result<()> {
    if json {
        print_json_list_weighted(&an.entities_json(), analysis::EntityJson::weight)
    } else {
        out(&report::entities(an, table::terminal_width()))
    }
}

fn quotes(an: &Analysis, speaker: Option<&str>, json: bool) -> Result<()> {
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
    if json { print_json_list(&quotes) } else { out(&report::quotes(&quotes, table::terminal_width())) }
}

fn figures(an: &Analysis, json: bool) -> Result<()> {
    if !json {
        return out(&report::figures(an, table::terminal_width()));
    }
    let figs: Vec<&analysis::Figure> = an.articles.iter().flat_map(|a| a.figures.iter()).collect();
    print_json_list(&figs)
}

/// The session with every file parsed, its warnings told.
fn open(request: &Request) -> Result<Session> {
    let session = with_bar("reading", |p| Session::open(request, p))?;
    for w in &session.warnings {
        warn(w);
    }
    Ok(session)
}

/// A command that prints only the analysis: its files are read first and parsed only if the
/// cache has no entry for them, and the articles are handed over to the analysis (their text
/// freed as it is analysed).
fn analysis_only(request: &Request, print: impl FnOnce(&Analysis) -> Result<()>) -> Result<()> {
    let (mut session, cached) = if request.no_cache {
        (with_bar("reading", |p| Session::open(request, p))?, None)
    } else {
        let unparsed = with_bar("reading", |p| Session::open_unparsed(request, p))?;
        with_bar("parsing", |p| unparsed.cached_or_parsed(request, p))?
    };
    for w in &session.warnings {
        warn(w);
    }
    let (an, unsaved) = match cached {
        Some(an) => (an, None),
        None => analyse(&mut session, true),
    };
    printing(session, an, unsaved, |_, an| print(an))
}

/// The session's analysis, with a progress bar on a terminal; `hand_over`: the articles are
/// given to it (the command needs only the analysis).
fn analyse(session: &mut Session, hand_over: bool) -> (Analysis, Option<Unsaved>) {
    let analyser = session.analyser();
    let corpus =
        if hand_over { Cow::Owned(std::mem::take(&mut session.corpus)) } else { Cow::Borrowed(&session.corpus) };
    let n = corpus.articles.len();
    let (an, unsaved) = if !std::io::stderr().is_terminal() || n < 200 {
        analyser.analyse(corpus, &|_, _| {})
    } else {
        let bar = indicatif::ProgressBar::new((n * 2) as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("analysing {bar:40} {percent:>3}% {eta} left") {
            bar.set_style(style);
        }
        let done = analyser.analyse(corpus, &|done, _| bar.set_position(done as u64));
        bar.finish_and_clear();
        done
    };
    for w in &an.warnings {
        warn(w);
    }
    (an, unsaved)
}

/// Prints with `print` while a new cache entry is written beside it; returns once the entry
/// is whole (also when printing failed), so that no half-written file is left behind.
fn printing(
    session: Session,
    an: Analysis,
    unsaved: Option<Unsaved>,
    print: impl FnOnce(&Session, &Analysis) -> Result<()>,
) -> Result<()> {
    let printed = std::thread::scope(|scope| {
        if let Some(u) = unsaved {
            // a save that panics wrote nothing: the next run analyses again
            scope.spawn(|| crate::contain::contain(|| u.save(&an)));
        }
        print(&session, &an)
    });
    end_of_run(session, Some(an));
    printed
}

/// The process ends right after: its end frees the corpus and the analysis faster than
/// dropping them piece by piece would.
fn end_of_run(session: Session, an: Option<Analysis>) {
    std::mem::forget(session);
    std::mem::forget(an);
}

fn generate(count: usize, dir: &std::path::Path, seed: u64, words: usize) -> Result<()> {
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
fn with_bar<T>(what: &str, work: impl FnOnce(Progress) -> T) -> T {
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
