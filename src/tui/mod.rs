//! The reader (TUI).

use crate::cli::Session;

pub fn run(session: Session) -> std::io::Result<()> {
    let _ = session;
    Err(std::io::Error::other("the reader is being built"))
}
