//! The command line: a thin front end that loads, analyses and prints.

mod commands;
mod json;
mod report;
pub mod table;

use crate::error::{Error, Result};
use crate::session::Request;
use clap::{Parser, Subcommand};
pub use commands::run;
use std::io::Write;
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

/// The parsed command line, or the exit status when it was `--help`, `--version` or bad
/// usage (already told on stdout or stderr).
pub fn parse_args() -> std::result::Result<Cli, ExitCode> {
    Cli::try_parse().map_err(usage_error)
}

impl Cli {
    /// What the session is to open.
    pub fn request(&self) -> Request {
        Request { corpus: self.corpus.clone(), config: self.config.clone(), no_cache: self.no_cache }
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
        Err(e) => Err(Error::Io { what: "cannot write to standard output".into(), source: e }),
        Ok(()) => Ok(()),
    }
}
