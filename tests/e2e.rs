//! The real binary in a pseudo-terminal, read through a vt100 parser: list → filter → open →
//! next quote of its speaker → back → mark two and compare → next conflict → help → quit,
//! then the terminal must be restored.
#![expect(clippy::expect_used, clippy::indexing_slicing, reason = "a test helper that fails is the test failing")]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Screen {
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
    raw: Vec<u8>,
}

impl Screen {
    fn pump(&mut self) {
        while let Ok(b) = self.rx.try_recv() {
            self.parser.process(&b);
            self.raw.extend_from_slice(&b);
        }
    }

    fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `needle`; fails with the screen after 10 s.
    fn wait_for(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            self.pump();
            if self.text().contains(needle) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "waited for {needle:?}; screen:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The binary with `args` in a 120x40 pseudo-terminal: its screen, its input and the child.
fn spawn(args: &[&str]) -> (Screen, Box<dyn Write + Send>, Box<dyn portable_pty::Child + Send + Sync>) {
    spawn_with(args, &[])
}

/// The same with more environment variables.
fn spawn_with(
    args: &[&str],
    env: &[(&str, &str)],
) -> (Screen, Box<dyn Write + Send>, Box<dyn portable_pty::Child + Send + Sync>) {
    let pty = native_pty_system();
    let pair = pty.openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 }).expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_diptych"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("DIPTYCH_CONFIG", "");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-diptych-test");
    cmd.env("DIPTYCH_CACHE_DIR", std::env::temp_dir().join("diptych-test-cache"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // the master must live as long as its reader
        let _master = pair.master;
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let s = Screen {
        parser: vt100::Parser::new(NonZeroU16::new(40).expect("rows"), NonZeroU16::new(120).expect("cols"), 0),
        rx,
        raw: Vec::new(),
    };
    (s, writer, child)
}

/// Waits for the child to exit successfully within 10 s.
fn exits(child: &mut Box<dyn portable_pty::Child + Send + Sync>) {
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "diptych did not quit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_session_in_a_real_terminal() {
    let (mut s, mut writer, mut child) = spawn(&[]);
    let mut send = |bytes: &[u8]| {
        writer.write_all(bytes).expect("write");
        writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(80));
    };

    s.wait_for("5 of 5 articles");
    s.wait_for("articles "); // the analysis finished: the gauge gave way to the view name
    send(b"/");
    send(b"Signals Openness");
    s.wait_for("filter: Signals Openness");
    send(b"\r");
    send(b"\r");
    s.wait_for("Michelle Larsen");
    send(b"]");
    s.wait_for("· ‹Dmitry Peskov›");
    assert!(s.text().contains("quote "), "{}", s.text());
    send(b"\x1b");
    s.wait_for("1 of 5 articles");
    send(b"\x1b");
    s.wait_for("5 of 5 articles");
    send(b"gjj ");
    send(b"j ");
    send(b"c");
    s.wait_for("◀ 002");
    send(b"x");
    s.wait_for("400,000 vs 43,000 soldiers lost");
    send(b"?");
    s.wait_for("keys · compare");
    send(b"\x1b");
    send(b"q");
    s.wait_for("5 of 5 articles");
    send(b"q");

    exits(&mut child);
    std::thread::sleep(Duration::from_millis(100));
    s.pump();
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?25h"), "showed the cursor again");
    assert!(!s.parser.screen().alternate_screen(), "back on the main screen");
}

/// A corpus folder larger than the first screenful: the reader opens on the first files,
/// reads the rest in the background, then analyses them all.
#[test]
fn a_large_folder_is_read_in_the_background() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().to_str().expect("utf-8 path");
    let generated = std::process::Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(["generate", "900", "--out", out, "--seed", "7", "--words", "60"])
        .output()
        .expect("generate");
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
    let list = std::process::Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(["list", "--json", "--no-cache", "--corpus", out])
        .output()
        .expect("list");
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).expect("list --json");
    let last: String = rows[899]["title"].as_str().expect("a title").chars().take(30).collect();
    let (mut s, mut writer, mut child) = spawn(&["--corpus", out, "--no-cache"]);
    s.wait_for("900 of 900 articles");
    s.wait_for("articles "); // analysed: the gauge gave way to the view name
    writer.write_all(b"G").expect("write");
    writer.flush().expect("flush");
    s.wait_for(&last);
    writer.write_all(b"q").expect("write");
    writer.flush().expect("flush");
    exits(&mut child);
}

/// From the list to the conflicts view, from a conflict to the comparison of its two
/// reports, then the pager on a report's file (the terminal handed over and taken back).
#[test]
fn the_conflicts_view_opens_the_comparison() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "---\ntitle: Flood Hits Riverton\nsource: Valley Post\ndate: 2031-03-04\n---\n\n\
         Floods in Riverton killed 42 people on Monday, the regional hospital said.\n\n\
         Mayor Ana Reyes asked the Red Cross for tents, and rescue teams searched the banks of the Lune.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "---\ntitle: Riverton Flood Toll Rises\nsource: Harbour Times\ndate: 2031-03-04\n---\n\n\
         The Red Cross sent tents to Riverton, where rescue teams searched the Lune overnight.\n\n\
         Floods in Riverton killed 40 people on Monday, Mayor Ana Reyes said.\n",
    )
    .expect("write");
    let out = dir.path().to_str().expect("utf-8 path");
    let (mut s, mut writer, mut child) = spawn_with(&["--corpus", out, "--no-cache"], &[("PAGER", "cat")]);
    let mut send = |bytes: &[u8]| {
        writer.write_all(bytes).expect("write");
        writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(80));
    };
    s.wait_for("2 of 2 articles");
    s.wait_for("articles "); // analysed
    send(b"x");
    s.wait_for("1 conflict");
    s.wait_for("42 vs 40");
    send(b"\r");
    s.wait_for("Valley Post");
    s.wait_for("Harbour Times");
    s.wait_for("conflict 1/1: 42 vs 40 people killed");
    send(b"o");
    s.wait_for("right ¶2: 40");
    send(b"p");
    s.wait_for("back from cat");
    s.wait_for("Harbour Times");
    send(b"q");
    s.wait_for("1 conflict");
    send(b"q");
    s.wait_for("2 of 2 articles");
    send(b"q");
    exits(&mut child);
    assert_restored(&mut s);
}

/// The terminal as the reader leaves it: the main screen again, the cursor shown, mouse
/// reporting off.
fn assert_restored(s: &mut Screen) {
    std::thread::sleep(Duration::from_millis(100));
    s.pump();
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?25h"), "showed the cursor again");
    assert!(raw.contains("\x1b[?1000l"), "turned mouse reporting off");
    assert!(!s.parser.screen().alternate_screen(), "back on the main screen");
}

/// Waits for the child to end (by a signal or not) within 10 s.
fn ends(child: &mut Box<dyn portable_pty::Child + Send + Sync>) {
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "diptych did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        let (mut s, _writer, mut child) = spawn(&[]);
        s.wait_for("5 of 5 articles");
        let pid = child.process_id().expect("pid") as i32;
        // SAFETY: kill sends a signal to the child this test started
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
        ends(&mut child);
        assert_restored(&mut s);
    }
}
