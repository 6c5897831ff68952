//! Finding the files under a folder: in name order, hidden entries and other extensions left
//! out, each folder once (a symbolic link back to one already seen ends there).

use super::read::EXTENSIONS;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>, warnings: &mut Vec<String>) {
    // A symlink loop leads back to a folder already seen: stop there.
    let Ok(canon) = std::fs::canonicalize(dir) else {
        warnings.push(format!("warning: {}: cannot resolve folder, skipped", dir.display()));
        return;
    };
    if !visited.insert(canon) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warnings.push(format!("warning: {}: cannot read folder ({e}), skipped", dir.display()));
            return;
        }
    };
    // the entry's own file type costs no system call; only links need following
    let mut paths: Vec<(std::ffi::OsString, PathBuf, Option<bool>)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let is_dir = e.file_type().ok().filter(|t| !t.is_symlink()).map(|t| t.is_dir());
            (e.file_name(), e.path(), is_dir)
        })
        .collect();
    // one folder's entries differ only in their names: comparing those is the same order
    // as comparing whole paths, without splitting each into components
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, p, is_dir) in paths {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let is_dir = match is_dir {
            Some(d) => Ok(d),
            None => std::fs::metadata(&p).map(|m| m.is_dir()),
        };
        match is_dir {
            Ok(true) => walk(&p, out, visited, warnings),
            Ok(false) => {
                if EXTENSIONS.contains(&extension(&p).as_str()) {
                    out.push(p);
                }
            }
            Err(_) => warnings.push(format!("warning: {}: broken link or unreadable entry, skipped", p.display())),
        }
    }
}

pub(crate) fn extension(p: &Path) -> String {
    p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}
