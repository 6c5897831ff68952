//! Writing to the terminal: warnings on stderr, results on stdout, never a control code
//! from an article.

use crate::error::{Error, Result};
use std::io::Write;

/// A warning on stderr: one line, nothing in it sent to the terminal as a control code.
pub(super) fn warn(w: &crate::warning::Warning) {
    eprintln!("{}", crate::text::safe::one_line(&w.to_string()));
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub(super) fn out(s: &str) -> Result<()> {
    // what articles and file names hold is shown, never sent to the terminal as control codes
    let s = &*crate::text::safe::printable(s);
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|_| if s.ends_with('\n') { Ok(()) } else { o.write_all(b"\n") }) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Io { what: "cannot write to standard output".into(), source: e }),
        Ok(()) => Ok(()),
    }
}
