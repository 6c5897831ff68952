//! The command line: a thin front end that loads, analyses and prints.

mod args;
mod commands;
mod json;
mod output;
mod report;
pub mod table;

pub use args::{Cli, Command};
use clap::Parser;
pub use commands::run;
use std::process::ExitCode;

/// The parsed command line, or the exit status when it was `--help`, `--version` or bad
/// usage (already told on stdout or stderr).
pub fn parse_args() -> std::result::Result<Cli, ExitCode> {
    Cli::try_parse().map_err(usage_error)
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
