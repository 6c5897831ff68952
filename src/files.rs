//! Reading files without surprises: only regular files (a FIFO, a device or a socket would
//! block or never end), opened without blocking, and never read past a size limit (a file
//! that grows while it is read is cut off there, not followed).

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("not a regular file")]
    NotRegular,
    #[error("larger than the {limit_mb} MB limit")]
    TooLarge { limit_mb: u64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The bytes of the regular file `path`, at most `limit` of them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let f = open_regular(path)?;
    let len = f.metadata()?.len();
    if len > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    // one byte past the limit tells a file that grew since it was measured
    f.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> Refused {
    Refused::TooLarge { limit_mb: limit / (1024 * 1024) }
}

/// Opens `path` for reading if it is a regular file, without blocking on a FIFO.
pub fn open_regular(path: &Path) -> Result<std::fs::File, Refused> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // a FIFO opens at once instead of waiting for a writer; regular files ignore it
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let f = opts.open(path)?;
    if !f.metadata()?.file_type().is_file() {
        return Err(Refused::NotRegular);
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_within_the_limit_only() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"twelve bytes").expect("write");
        assert_eq!(read_limited(&p, 12).expect("read"), b"twelve bytes");
        assert!(matches!(read_limited(&p, 11), Err(Refused::TooLarge { .. })));
        assert!(matches!(read_limited(dir.path(), 100), Err(Refused::NotRegular) | Err(Refused::Io(_))));
        assert!(matches!(read_limited(Path::new("/dev/zero"), 100), Err(Refused::NotRegular)));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("pipe.txt");
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: mkfifo reads a NUL-terminated path and a mode
        let made = unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
        assert_eq!(made, 0);
        assert!(matches!(read_limited(&p, 100), Err(Refused::NotRegular)));
    }
}
