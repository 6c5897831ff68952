// mimalloc: the analysis makes many small short-lived strings; glibc's malloc spent a fifth
// of its time in allocation and free
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use diptych::text::safe::one_line;
use diptych::{Error, Result, cli, contain, session::Session, tui};
use std::process::ExitCode;

/// Chooses the front end: a command runs on the command line, none opens the reader. Errors
/// become one-line messages and the contract's exit codes.
fn main() -> ExitCode {
    #[cfg(feature = "mimalloc")]
    allocator::return_freed_memory_soon();
    // a panic nothing contains is an internal error: one line, exit status 1
    contain::install_hook(|info| eprintln!("error: internal error: {}", contain::describe(info)));
    let args = match cli::parse_args() {
        Ok(args) => args,
        Err(code) => return code,
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &args.command {
        Some(command) => cli::run(&args, command),
        None => reader(&args),
    }));
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            for r in e.reasons() {
                eprintln!("{}", one_line(&r.to_string()));
            }
            eprintln!("error: {}", one_line(&e.to_string()));
            ExitCode::from(e.exit_code())
        }
        Err(_) => ExitCode::from(1),
    }
}

/// The reader on the session's corpus, the first screenful read before its first frame.
fn reader(args: &cli::Cli) -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::Usage("the reader needs a terminal; try 'diptych list'".into()));
    }
    let (session, stream) = Session::open_streaming(&args.request())?;
    for w in &session.warnings {
        eprintln!("{}", one_line(&w.to_string()));
    }
    tui::run(session, stream).map_err(Error::Terminal)
}

#[cfg(feature = "mimalloc")]
mod allocator {
    //! mimalloc (v3) keeps freed pages for a second before it gives them back, and commits
    //! its arenas eagerly: a run's phases free as much as they allocate (every article's
    //! tokens, the merge's indexes), so the peak counted them twice. Freed pages go back
    //! soon and arenas are committed as used (and, in Cargo.toml, no transparent huge pages,
    //! which count whole 2 MB pages). Not at once: an article's pages freed and faulted in
    //! again for the next article would cost system time on large runs.

    use libmimalloc_sys::{mi_option_get, mi_option_set, mi_option_t};

    // the v3 header's numbers (the crate's named constants are v2's); `tests` checks them
    // against the defaults the header documents
    const ARENA_EAGER_COMMIT: mi_option_t = 4;
    const PURGE_DELAY: mi_option_t = 15;

    /// How long freed pages are kept for reuse before they go back to the system.
    const PURGE_AFTER_MS: std::ffi::c_long = 10;

    pub(crate) fn return_freed_memory_soon() {
        // only act on the options these numbers are known to name
        if defaults_as_documented() {
            // SAFETY: options are plain integers mimalloc reads when it next needs them;
            // setting one is allowed at any time, from any thread
            unsafe {
                mi_option_set(PURGE_DELAY, PURGE_AFTER_MS);
                mi_option_set(ARENA_EAGER_COMMIT, 0);
            }
        }
    }

    fn defaults_as_documented() -> bool {
        // SAFETY: reading an option has no preconditions
        unsafe { mi_option_get(PURGE_DELAY) == 1000 && mi_option_get(ARENA_EAGER_COMMIT) == 2 }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn the_option_numbers_name_the_documented_options() {
            assert!(super::defaults_as_documented());
        }
    }
}
