//! The command line's arguments, as clap reads them.

use crate::session::Request;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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

impl Cli {
    /// What the session is to open.
    pub fn request(&self) -> Request {
        Request { corpus: self.corpus.clone(), config: self.config.clone(), no_cache: self.no_cache }
    }
}
