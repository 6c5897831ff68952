//! Article ids: the file stem, with folders prepended only where two stems collide.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::Path;

/// `components` of each path from the file stem upwards; ids grow one folder at a time
/// until they are unique (`a/report`, `b/report`).
pub fn assign(paths: &[(&Path, Option<String>)]) -> Vec<String> {
    // the id each asks for or its stem; the folders above only for those that collide
    // (splitting every path into owned folder names is costly on large corpora)
    let mut parts: Vec<Vec<String>> = paths
        .par_iter()
        .map(|(p, explicit)| {
            vec![match explicit {
                Some(e) => e.clone(),
                None => p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
            }]
        })
        .collect();
    let mut with_folders = vec![false; parts.len()];
    let mut depth = vec![1usize; parts.len()];
    let id = |parts: &[Vec<String>], i: usize, depth: &[usize]| -> String {
        let n = depth[i].min(parts[i].len());
        let mut v: Vec<&str> = parts[i][..n].iter().map(String::as_str).collect();
        v.reverse();
        v.join("/")
    };
    let mut ids: Vec<String>;
    let mut repeated;
    let mut rounds = 0;
    loop {
        ids = (0..parts.len()).map(|i| id(&parts, i, &depth)).collect();
        // how many entries ask for each id, and whether they lie in different files (only
        // then can a folder tell them apart)
        let mut count: FxHashMap<&str, (usize, &Path, bool)> = FxHashMap::default();
        count.reserve(ids.len());
        for (i, s) in ids.iter().enumerate() {
            let e = count.entry(s.as_str()).or_insert((0, paths[i].0, false));
            e.0 += 1;
            e.2 |= e.1 != paths[i].0;
        }
        repeated = count.values().any(|&(n, _, _)| n > 1);
        if !repeated || rounds == 16 {
            break;
        }
        rounds += 1;
        let mut changed = false;
        for (i, s) in ids.iter().enumerate() {
            if count.get(s.as_str()).is_some_and(|&(n, _, files)| n > 1 && files) {
                if !with_folders[i] {
                    with_folders[i] = true;
                    parts[i].extend(folders(paths[i].0));
                }
                if depth[i] < parts[i].len() {
                    depth[i] += 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    if !repeated {
        return ids;
    }
    // Still equal (the same path given twice, or ids from inside one file): number them,
    // each number one no other article has
    let mut taken: rustc_hash::FxHashSet<String> = ids.iter().cloned().collect();
    let mut first: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for s in ids.iter_mut() {
        if first.insert(s.clone()) {
            continue;
        }
        let mut n = 2;
        while taken.contains(&format!("{s}~{n}")) {
            n += 1;
        }
        *s = format!("{s}~{n}");
        taken.insert(s.clone());
    }
    ids
}

/// The folders a path lies in, nearest first.
fn folders(p: &Path) -> Vec<String> {
    let Some(parent) = p.parent() else { return Vec::new() };
    parent
        .components()
        .rev()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "/" && s != ".")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_stem_in_two_folders() {
        let a = Path::new("/x/a/report.txt");
        let b = Path::new("/x/b/report.txt");
        let c = Path::new("/x/b/other.txt");
        let ids = assign(&[(a, None), (b, None), (c, None)]);
        assert_eq!(ids, vec!["a/report", "b/report", "other"]);
    }

    /// Folders are added only to the ids that still collide, one at a time.
    #[test]
    fn deeper_folders_only_where_needed() {
        let (a, b, c) = (Path::new("/x/a/r.txt"), Path::new("/y/a/r.txt"), Path::new("/z/b/r.txt"));
        let d = Path::new("/z/b/other.md");
        assert_eq!(assign(&[(a, None), (b, None), (c, None), (d, None)]), ["x/a/r", "y/a/r", "b/r", "other"]);
        assert_eq!(assign(&[(a, None), (a, None)]), ["r", "r~2"], "one file given twice: no folder helps");
    }

    #[test]
    fn explicit_ids_and_repeats() {
        let p = Path::new("feed.jsonl");
        let ids = assign(&[(p, Some("x1".into())), (p, Some("x1".into())), (p, Some("feed-3".into()))]);
        assert_eq!(ids, vec!["x1", "x1~2", "feed-3"]);
    }

    /// Ids a file asks for that look like the numbers given to repeats stay unique.
    #[test]
    fn numbered_repeats_never_meet_an_id_asked_for() {
        let p = Path::new("/data/news/feed.jsonl");
        let ids = assign(&[(p, Some("x".into())), (p, Some("x~2".into())), (p, Some("x".into()))]);
        assert_eq!(ids, vec!["x", "x~2", "x~3"]);
        let set: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(set.len(), 3);
    }
}
