//! A warning: something the user is told that ends nothing else. What it is about (a file, the
//! config, an article) and what happened are kept apart, so that each front end writes them
//! its own way: one `warning: ...` line on stderr, a line of the reader's warnings view.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What it is about, as the user named it: a file's path, `config`; `None` when the
    /// message says it.
    pub about: Option<String>,
    pub message: String,
}

impl Warning {
    /// A warning about `about` (a path, `config`).
    pub fn about(about: impl fmt::Display, message: impl Into<String>) -> Warning {
        Warning { about: Some(about.to_string()), message: message.into() }
    }

    /// A warning whose message says what it is about.
    pub fn new(message: impl Into<String>) -> Warning {
        Warning { about: None, message: message.into() }
    }

    /// The warning without its `warning: ` label, for a place that already says it is one.
    pub fn text(&self) -> String {
        match &self.about {
            Some(a) => format!("{a}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}", self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_names_what_it_is_about_before_what_happened() {
        let w = Warning::about("notes/a.txt", "empty file, skipped");
        assert_eq!(w.to_string(), "warning: notes/a.txt: empty file, skipped");
        assert_eq!(w.text(), "notes/a.txt: empty file, skipped");
        assert_eq!(Warning::new("analysis failed for a").to_string(), "warning: analysis failed for a");
    }
}
