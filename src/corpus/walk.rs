//! Finding the files under a folder (walkdir): in name order, hidden entries and other
//! extensions left out, symbolic links followed, each folder once (a link back to one
//! already seen ends there).

use super::read::EXTENSIONS;
use crate::warning::Warning;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>, warnings: &mut Vec<Warning>) {
    let mut unresolved: Vec<PathBuf> = Vec::new();
    // a folder is entered once: a link to one seen before (a loop, or a second way in) ends there
    let mut first_visit = |p: &Path| match std::fs::canonicalize(p) {
        Ok(canon) => visited.insert(canon),
        Err(_) => {
            unresolved.push(p.to_path_buf());
            false
        }
    };
    let entries = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        let hidden = e.depth() > 0 && e.file_name().as_encoded_bytes().starts_with(b".");
        !hidden && (!e.file_type().is_dir() || first_visit(e.path()))
    });
    for entry in entries {
        match entry {
            Ok(e) if !e.file_type().is_dir() && EXTENSIONS.contains(&extension(e.path()).as_str()) => {
                out.push(e.into_path());
            }
            Ok(_) => {}
            // a loop is a folder seen before: nothing to tell
            Err(err) if err.loop_ancestor().is_some() => {}
            Err(err) => {
                let p = err.path().unwrap_or(dir);
                let folder = std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
                warnings.push(match err.io_error() {
                    Some(io) if folder => Warning::about(p.display(), format!("cannot read folder ({io}), skipped")),
                    _ => Warning::about(p.display(), "broken link or unreadable entry, skipped"),
                });
            }
        }
    }
    for p in unresolved {
        warnings.push(Warning::about(p.display(), "cannot resolve folder, skipped"));
    }
}

pub(crate) fn extension(p: &Path) -> String {
    p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}
