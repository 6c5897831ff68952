//! Article ids: the file stem, with folders prepended only where two stems collide.

use std::collections::HashMap;
use std::path::Path;

/// `components` of each path from the file stem upwards; ids grow one folder at a time
/// until they are unique (`a/report`, `b/report`).
pub fn assign(paths: &[(&Path, Option<String>)]) -> Vec<String> {
    let parts: Vec<Vec<String>> = paths
        .iter()
        .map(|(p, explicit)| {
            let mut v: Vec<String> = Vec::new();
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            v.push(match explicit {
                Some(e) => e.clone(),
                None => stem,
            });
            if let Some(parent) = p.parent() {
                for c in parent.components().rev() {
                    let s = c.as_os_str().to_string_lossy().into_owned();
                    if !s.is_empty() && s != "/" && s != "." {
                        v.push(s);
                    }
                }
            }
            v
        })
        .collect();
    let mut depth = vec![1usize; parts.len()];
    let id = |i: usize, depth: &[usize]| -> String {
        let n = depth[i].min(parts[i].len());
        let mut v: Vec<&str> = parts[i][..n].iter().map(String::as_str).collect();
        v.reverse();
        v.join("/")
    };
    for _ in 0..16 {
        let ids: Vec<String> = (0..parts.len()).map(|i| id(i, &depth)).collect();
        let mut count: HashMap<&str, usize> = HashMap::new();
        for s in &ids {
            *count.entry(s.as_str()).or_default() += 1;
        }
        let mut changed = false;
        for (i, s) in ids.iter().enumerate() {
            if count[s.as_str()] > 1 && depth[i] < parts[i].len() {
                depth[i] += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Still equal (the same path given twice, or ids from inside one file): number them.
    let mut ids: Vec<String> = (0..parts.len()).map(|i| id(i, &depth)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for s in ids.iter_mut() {
        let n = seen.entry(s.clone()).or_default();
        *n += 1;
        if *n > 1 {
            *s = format!("{s}~{n}");
        }
    }
    ids
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

    #[test]
    fn explicit_ids_and_repeats() {
        let p = Path::new("feed.jsonl");
        let ids = assign(&[(p, Some("x1".into())), (p, Some("x1".into())), (p, Some("feed-3".into()))]);
        assert_eq!(ids, vec!["x1", "x1~2", "feed-3"]);
    }
}
