//! The cache folder: entries named `diptych-KEY.bin`, written to a temporary file and
//! renamed (a reader never sees half an entry), read only when they are regular files of a
//! plausible size, and pruned to the newest few. Only files that are the cache's own (its
//! name prefix and its magic number) are ever removed: the folder may be one a user shares.

use super::framing::{self, Decoded, MAGIC_PREFIX};
use super::key::{Key, PREFIX, SUFFIX};
use crate::analysis::Analysis;
use crate::warning::Warning;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file is `diptych-KEY.bin.tmp-PID`.
const TMP: &str = ".tmp-";

/// How many analyses the cache keeps (the oldest go first).
pub const KEEP: usize = 8;

/// A temporary file this old was left by a run that was interrupted.
const STALE_TMP: Duration = Duration::from_secs(3600);

pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DIPTYCH_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "diptych").map(|d| d.cache_dir().join("analyses"))
}

/// The entry for `key` in `dir`, if one is there: a regular file of at most `max_bytes`.
pub fn read(dir: &Path, key: &Key, max_bytes: u64) -> Option<Decoded> {
    let file = dir.join(key.file_name());
    let f = crate::files::open_regular(&file).ok()?;
    let size = f.metadata().ok()?.len();
    if size > max_bytes {
        return None;
    }
    framing::decode_from(key, &mut std::io::BufReader::with_capacity(1 << 20, f.take(size)), size)
}

/// Whether `dir` holds an entry for `key` (a regular file).
pub fn has(dir: &Path, key: &Key) -> bool {
    std::fs::symlink_metadata(dir.join(key.file_name())).is_ok_and(|m| m.file_type().is_file())
}

/// Writes the entry for `key`: to a temporary file first, renamed when whole.
pub fn write(dir: &Path, key: &Key, a: &Analysis, file_warnings: &[Warning]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let file = dir.join(key.file_name());
    let tmp = dir.join(format!("{}{TMP}{}", key.file_name(), std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        framing::encode_to(key, a, file_warnings, &mut w)?;
        std::io::Write::flush(&mut w)
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, file)
}

/// Keeps the `keep` newest entries and removes temporary files left by interrupted runs.
pub fn prune(dir: &Path, keep: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    let mut entries: Vec<(SystemTime, PathBuf)> = Vec::new();
    for e in rd.filter_map(|e| e.ok()) {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(meta) = e.metadata() else { continue };
        if !name.starts_with(PREFIX) || !meta.file_type().is_file() {
            continue;
        }
        let modified = meta.modified().unwrap_or(now);
        if let Some((_, pid)) = name.split_once(TMP) {
            let stale = now.duration_since(modified).is_ok_and(|age| age > STALE_TMP);
            if stale || !process_alive(pid) {
                let _ = std::fs::remove_file(e.path());
            }
            continue;
        }
        if name.ends_with(SUFFIX) && starts_with_magic(&e.path()) {
            entries.push((modified, e.path()));
        }
    }
    entries.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, p) in entries.into_iter().skip(keep) {
        let _ = std::fs::remove_file(p);
    }
}

fn starts_with_magic(p: &Path) -> bool {
    let mut head = [0u8; 7];
    crate::files::open_regular(p).is_ok_and(|mut f| f.read_exact(&mut head).is_ok() && &head == MAGIC_PREFIX)
}

/// Whether the process that named a temporary file still runs (then it is still writing).
fn process_alive(pid: &str) -> bool {
    let Ok(pid) = pid.parse::<i32>() else { return false };
    if pid == std::process::id() as i32 {
        return true;
    }
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only checks that the process exists; nothing is sent
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;
    use crate::corpus::{Fingerprint, bundled};

    #[test]
    fn hit_corrupt_and_prune_only_its_own() {
        let tmp = tempfile::tempdir().expect("dir");
        let dir = tmp.path();
        let c = bundled::corpus();
        let o = analysis::Options::default();
        let key = Key::new(&Fingerprint::of(b"seven"), &o);
        let a = analysis::analyse(&c, &o);
        write(dir, &key, &a, &[]).expect("write");
        assert!(has(dir, &key));
        assert_eq!(read(dir, &key, u64::MAX).map(|x| x.analysis).as_ref(), Some(&a));
        assert!(read(dir, &key, 10).is_none(), "an entry over the size limit is not read");
        std::fs::write(dir.join(key.file_name()), b"DIPTYCH5 not an entry").expect("corrupt");
        assert!(read(dir, &key, u64::MAX).is_none(), "a corrupt entry is ignored");
        // a user's own files in the folder are never touched
        for name in ["notes.json", "data.bin", "feed.jsonl", "diptych-notes.txt", "diptych-mine.bin"] {
            std::fs::write(dir.join(name), b"{}").expect("user file");
        }
        for i in 0..12 {
            let k = Key::new(&Fingerprint::of(&[i]), &o);
            std::fs::write(dir.join(k.file_name()), framing::MAGIC).expect("entry");
        }
        // one left by a run that has ended, one being written right now
        std::fs::write(dir.join(format!("{}{TMP}999999999", key.file_name())), b"half").expect("tmp");
        std::fs::write(dir.join(format!("{}{TMP}{}", key.file_name(), std::process::id())), b"half").expect("tmp");
        prune(dir, 3);
        let mut left: Vec<String> =
            std::fs::read_dir(dir).expect("dir").filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
        left.sort();
        let ours = left.iter().filter(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX) && n.len() == 44).count();
        assert_eq!(ours, 3, "{left:?}");
        for name in ["notes.json", "data.bin", "feed.jsonl", "diptych-notes.txt", "diptych-mine.bin"] {
            assert!(left.iter().any(|n| n == name), "{name} kept: {left:?}");
        }
        assert!(!left.iter().any(|n| n.ends_with("999999999")), "a dead run's temporary file goes: {left:?}");
        assert!(left.iter().any(|n| n.ends_with(&format!("{TMP}{}", std::process::id()))), "a live one stays");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_an_entry_is_a_miss() {
        let tmp = tempfile::tempdir().expect("dir");
        let key = Key::new(&Fingerprint::of(b"fifo"), &analysis::Options::default());
        let p = tmp.path().join(key.file_name());
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: mkfifo reads a NUL-terminated path and a mode
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(!has(tmp.path(), &key));
        assert!(read(tmp.path(), &key, u64::MAX).is_none());
    }
}
