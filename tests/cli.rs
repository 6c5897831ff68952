//! The command line against the contract: JSON shapes, exit codes, messages, bad input.
#![expect(clippy::expect_used, reason = "a test helper that fails is the test failing")]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_diptych"));
    // no user config may leak into the tests
    c.env("DIPTYCH_CONFIG", "").env("XDG_CONFIG_HOME", "/nonexistent-diptych-test").env("NO_COLOR", "1");
    c.env("DIPTYCH_CACHE_DIR", std::env::temp_dir().join("diptych-test-cache"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run diptych")
}

fn json(args: &[&str]) -> Value {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("stdout is one JSON document")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn list_json_on_the_bundled_corpus() {
    let v = json(&["list", "--json"]);
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    assert_eq!(keys(&rows[0]), vec!["author", "date", "id", "path", "source", "title", "words"]);
    let dates: Vec<&str> = rows.iter().filter_map(|r| r["date"].as_str()).collect();
    assert_eq!(dates, vec!["2024-12-10", "2024-11-14", "2024-11-20"]);
    assert!(rows.iter().any(|r| r["author"] == "Michelle Larsen"));
    assert!(rows.iter().any(|r| r["title"] == "Russia Open to Ukraine Peace Talks Led by Trump"));
}

#[test]
fn list_works_from_any_folder() {
    let o = bin().arg("list").current_dir("/").output().expect("run");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("5 articles"));
}

#[test]
fn show_json_shape_and_offsets() {
    let v = json(&["show", "002", "--json"]);
    assert_eq!(
        keys(&v),
        vec!["author", "date", "entities", "figures", "id", "paragraphs", "quotes", "source", "title"]
    );
    let paras: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    for m in v["entities"].as_array().unwrap() {
        assert_eq!(keys(m), vec!["article", "end", "entity", "paragraph", "start", "text"]);
        let p = paras[m["paragraph"].as_u64().unwrap() as usize];
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(&p[s..e], m["text"].as_str().unwrap(), "mention offsets are byte offsets into the paragraph");
    }
    for q in v["quotes"].as_array().unwrap() {
        assert_eq!(keys(q), vec!["article", "confidence", "cue", "end", "paragraph", "speaker", "start", "text"]);
        let p = paras[q["paragraph"].as_u64().unwrap() as usize];
        assert_eq!(
            &p[q["start"].as_u64().unwrap() as usize..q["end"].as_u64().unwrap() as usize],
            q["text"].as_str().unwrap()
        );
    }
    let f = &v["figures"].as_array().unwrap()[0];
    for k in
        ["article", "paragraph", "start", "end", "text", "kind", "value", "unit", "measure", "approx", "claimed_by"]
    {
        assert!(f.get(k).is_some(), "figure has {k}");
    }
}

#[test]
fn entities_quotes_figures_conflicts_compare_shapes() {
    let e = json(&["entities", "--json"]);
    let first = &e.as_array().unwrap()[0];
    assert_eq!(keys(first), vec!["aliases", "articles", "kind", "mentions", "name"]);
    assert!(
        e.as_array()
            .unwrap()
            .iter()
            .all(|x| ["person", "place", "organization", "other"].contains(&x["kind"].as_str().unwrap()))
    );
    let f = json(&["figures", "--json"]);
    assert!(f.as_array().unwrap().iter().any(|x| x["value"] == 400000.0 && x["unit"] == "soldiers"));
    let c = json(&["conflicts", "--json"]);
    let c0 = &c.as_array().unwrap()[0];
    for k in ["measure", "a", "b", "reason"] {
        assert!(c0.get(k).is_some());
    }
    assert!(c0["reason"].as_str().unwrap().contains("400,000 vs 43,000"));
    let cmp = json(&["compare", "000", "002", "--json"]);
    for k in ["left", "right", "shared_entities", "only_left", "only_right", "conflicts", "shared_quotes", "alignment"]
    {
        assert!(cmp.get(k).is_some(), "compare has {k}");
    }
    let sq = &cmp["shared_quotes"].as_array().unwrap()[0];
    assert_eq!(sq["speaker"], "Donald Trump");
    assert!(sq["similarity"].as_f64().unwrap() <= 1.0);
}

#[test]
fn quotes_by_any_alias() {
    let all = json(&["quotes", "--speaker", "Zelenskiy", "--json"]);
    let q = all.as_array().unwrap();
    assert!(q.len() >= 3);
    assert!(q.iter().all(|x| x["speaker"] == "Volodymyr Zelensky"));
    let o = run(&["quotes", "--speaker", "Nobody Atall"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn compare_text_and_markdown() {
    let o = run(&["compare", "002", "004"]);
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("400,000 vs 43,000 soldiers lost"), "{s}");
    let md = run(&["compare", "002", "004", "--markdown"]);
    let m = String::from_utf8_lossy(&md.stdout);
    assert!(m.starts_with("# Comparison:") && m.contains("## Conflicting figures"), "{m}");
}

#[test]
fn mixed_formats_load_with_metadata() {
    let v = json(&["list", "--json", "--corpus", &fixture("mixed")]);
    let rows = v.as_array().unwrap();
    let get = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} in {v}"));
    assert_eq!(rows.len(), 7);
    assert_eq!(get("harbour")["title"], "Harbour Reopens After Storm Repairs");
    assert_eq!(get("harbour")["author"], "Jonas Eklund");
    assert_eq!(get("harbour")["source"], "Coastal Times");
    assert_eq!(get("harbour")["date"], "2022-05-04");
    assert_eq!(get("council")["source"], "City Weekly");
    assert_eq!(get("council")["date"], "2021-09-14");
    assert_eq!(get("market")["title"], "Night Market Draws Record Crowds");
    assert_eq!(get("market")["author"], "Ravi Menon");
    assert_eq!(get("market")["date"], "2020-11-02");
    assert_eq!(get("wire-1")["author"], "Lea Roth");
    assert_eq!(get("wire-2")["date"], "2019-02-03");
    assert_eq!(get("feed-1")["source"], "Alpine News");
    assert_eq!(get("feed-2")["title"], "Ferry Service Resumes");
    let show = json(&["show", "market", "--json", "--corpus", &fixture("mixed")]);
    let paras = show["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 2, "no navigation, aside or footer text: {paras:?}");
}

// ---- bad input: a clear message, nothing else lost

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

const GOOD: &[u8] =
    b"Lake Levels Fall\n\nThe lake fell by two metres over the summer, officials in Lakeport said on Monday.\n";

#[test]
fn missing_path() {
    let o = run(&["list", "--corpus", "/no/such/place"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim(), "error: no such file or folder: /no/such/place");
}

#[test]
fn folder_without_articles() {
    let d = tmp();
    write(d.path(), "notes.csv", b"a,b\n");
    let o = run(&["list", "--corpus", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: no articles found"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_is_decoded_with_one_warning() {
    let d = tmp();
    let mut bytes = GOOD.to_vec();
    bytes.extend_from_slice(b"Caf\xe9 owners agreed.\n");
    write(d.path(), "latin.txt", &bytes);
    let o = run(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success());
    let warnings: Vec<String> = stderr(&o).lines().map(str::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("latin.txt") && warnings[0].contains("UTF-8"));
}

#[test]
fn text_encoded_as_utf8_twice_is_read_back_with_a_warning() {
    let d = tmp();
    write(
        d.path(),
        "twice.txt",
        "Port Report\n\nFran\u{c3}\u{83}\u{c2}\u{a7}ois Vautrin opened the port.\n".as_bytes(),
    );
    let o = run(&["entities", "--json", "--no-cache", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v.as_array().unwrap().iter().filter_map(|e| e["name"].as_str()).collect();
    assert!(names.contains(&"François Vautrin"), "{names:?}");
    let e = stderr(&o);
    assert!(e.contains("twice.txt: text encoded as UTF-8 twice"), "{e}");
}

#[test]
fn binary_empty_and_whitespace_files_are_skipped() {
    let d = tmp();
    write(d.path(), "good.txt", GOOD);
    write(d.path(), "blob.txt", b"\x00\x01\x02binary\x00");
    write(d.path(), "empty.txt", b"");
    write(d.path(), "blank.md", b"  \n\t\n");
    let o = run(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let e = stderr(&o);
    assert!(e.contains("blob.txt: binary file, skipped"), "{e}");
    assert!(e.contains("empty.txt: empty file, skipped"), "{e}");
    assert!(e.contains("blank.md: empty file, skipped"), "{e}");
}

#[test]
fn oversized_file_is_skipped_by_the_configured_limit() {
    let d = tmp();
    write(d.path(), "good.txt", GOOD);
    let mut big = GOOD.to_vec();
    big.extend(std::iter::repeat_n(b'a', 1024 * 1024 + 10));
    write(d.path(), "big.txt", &big);
    let cfg = write(d.path(), "conf/c.toml", b"max_file_mb = 1\n");
    let o = run(&["list", "--json", "--config", cfg.to_str().unwrap(), "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("big.txt: larger than the 1 MB limit, skipped"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn unreadable_entries_are_skipped() {
    let d = tmp();
    write(d.path(), "good.txt", GOOD);
    std::os::unix::fs::symlink(d.path().join("gone.txt"), d.path().join("dangling.txt")).unwrap();
    let o = run(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("dangling.txt"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn symlink_loop_does_not_hang() {
    let d = tmp();
    write(d.path(), "a/good.txt", GOOD);
    std::os::unix::fs::symlink(d.path(), d.path().join("a/loop")).unwrap();
    let o = run(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn malformed_json_and_html_skip_only_that_file() {
    let d = tmp();
    write(d.path(), "good.txt", GOOD);
    write(d.path(), "bad.json", b"{\"title\": \"x\", ");
    write(d.path(), "bad.html", b"just words and no markup");
    let o = run(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert!(stderr(&o).contains("bad.json: malformed JSON"), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.html: malformed HTML"), "{}", stderr(&o));
}

#[test]
fn unknown_article_names_the_closest_ids() {
    let o = run(&["show", "zzz_nothing"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.starts_with("error: unknown article 'zzz_nothing'; closest: "), "{e}");
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn same_stem_in_two_folders_gets_distinct_ids() {
    let d = tmp();
    write(d.path(), "east/report.txt", GOOD);
    write(d.path(), "west/report.txt", GOOD);
    let v = json(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["east/report", "west/report"]);
}

#[test]
fn paths_with_spaces_and_non_ascii() {
    let d = tmp();
    let p = write(d.path(), "Новости и заметки/rapport d’été.txt", GOOD);
    let v = json(&["list", "--json", "--corpus", p.parent().unwrap().to_str().unwrap()]);
    assert_eq!(v[0]["id"], "rapport d’été");
    let v = json(&["list", "--json", "--corpus", p.to_str().unwrap()]);
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn malformed_config_names_file_line_and_column() {
    let d = tmp();
    let cfg = write(d.path(), "bad.toml", b"max_file_mb = 3\n[theme\n");
    let o = run(&["list", "--config", cfg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.starts_with(&format!("error: malformed config {}:2:", cfg.display())), "{e}");
}

#[test]
fn unknown_config_key_is_a_warning() {
    let d = tmp();
    let cfg = write(d.path(), "c.toml", b"colour = 2\n");
    let o = run(&["list", "--config", cfg.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("unknown key 'colour'"), "{}", stderr(&o));
}

#[test]
fn the_analysis_cache_gives_the_same_results_and_can_be_turned_off() {
    let d = tmp();
    let cache = d.path().join("cache");
    let with = |extra: &[&str]| {
        let mut c = bin();
        c.env("DIPTYCH_CACHE_DIR", &cache).args(["entities", "--json"]).args(extra);
        c.output().expect("run")
    };
    let first = with(&[]);
    let second = with(&[]);
    assert!(first.status.success() && second.status.success());
    assert_eq!(first.stdout, second.stdout, "a cache hit answers the same");
    assert_eq!(std::fs::read_dir(&cache).expect("cache written").count(), 1);
    std::fs::remove_dir_all(&cache).expect("clear");
    let off = with(&["--no-cache"]);
    assert_eq!(off.stdout, first.stdout);
    assert!(!cache.exists(), "--no-cache writes nothing");
}

/// The entry is written while the results print; a command that ends in an error after the
/// analysis still leaves a whole entry (no half-written file) that the next run reads.
#[test]
fn a_command_failing_after_the_analysis_leaves_a_whole_cache_entry() {
    let d = tmp();
    let cache = d.path().join("cache");
    let with = |args: &[&str]| {
        let mut c = bin();
        c.env("DIPTYCH_CACHE_DIR", &cache).args(args);
        c.output().expect("run")
    };
    let failed = with(&["quotes", "--speaker", "Nobody Of This Name", "--json"]);
    assert_eq!(failed.status.code(), Some(2), "{}", stderr(&failed));
    let names: Vec<String> = std::fs::read_dir(&cache)
        .expect("cache written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".bin"), "{names:?}");
    let cached = with(&["quotes", "--json"]);
    let fresh = with(&["quotes", "--json", "--no-cache"]);
    assert!(cached.status.success(), "{}", stderr(&cached));
    assert_eq!(cached.stdout, fresh.stdout);
}

#[test]
fn reader_needs_a_terminal() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim(), "error: the reader needs a terminal; try 'diptych list'");
}

/// A cache hit parses nothing, yet answers and warns as the first run did; a changed file
/// is a new entry.
#[test]
fn a_cached_folder_answers_and_warns_the_same_and_follows_edits() {
    let d = tmp();
    let cache = d.path().join("cache");
    let corpus = d.path().join("reports");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    let one = "Harbour vote\n\nMayor Lena Brandt said on Monday that the harbour would reopen in May.";
    std::fs::write(corpus.join("one.txt"), one).expect("write");
    std::fs::write(corpus.join("two.txt"), "Storm\n\nThe storm closed the harbour for three days, Brandt said.")
        .expect("write");
    std::fs::write(corpus.join("empty.txt"), "   \n").expect("write");
    let run = |cmd: &str| {
        let mut c = bin();
        c.env("DIPTYCH_CACHE_DIR", &cache).args([cmd, "--json", "--corpus"]).arg(&corpus);
        c.output().expect("run")
    };
    for cmd in ["entities", "quotes", "figures", "conflicts"] {
        let first = run(cmd);
        let second = run(cmd);
        assert!(first.status.success() && second.status.success(), "{}", stderr(&first));
        assert_eq!(first.stdout, second.stdout, "{cmd}: a cache hit answers the same");
        assert!(stderr(&second).contains("empty.txt: empty file"), "{cmd}: {}", stderr(&second));
        assert_eq!(stderr(&first), stderr(&second));
    }
    assert_eq!(std::fs::read_dir(&cache).expect("cache written").count(), 1);
    let before = run("entities");
    std::fs::write(corpus.join("one.txt"), one.replace("Lena Brandt", "Tomas Weller")).expect("edit");
    let after = run("entities");
    assert_ne!(before.stdout, after.stdout, "an edited file is analysed again");
    assert!(String::from_utf8_lossy(&after.stdout).contains("Tomas Weller"));
    assert_eq!(std::fs::read_dir(&cache).expect("cache").count(), 2);
}

// ---- hostile input (issue: never crash, never hang, never serve a wrong analysis)

#[cfg(unix)]
#[test]
fn a_fifo_in_the_corpus_is_skipped_not_waited_for() {
    let d = tmp();
    write(d.path(), "good.txt", GOOD);
    let fifo = d.path().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: mkfifo reads a NUL-terminated path and a mode
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let o = run(&["list", "--json", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("pipe.txt: not a regular file, skipped"), "{}", stderr(&o));
    let o = run(&["list", "--config", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a FIFO as config: {}", stderr(&o));
}

#[test]
fn json_lines_ids_are_unique_and_without_folders() {
    let d = tmp();
    let line = |id: &str| {
        format!(
            "{{\"id\": \"{id}\", \"title\": \"T {id}\", \"text\": \"The council met on Monday to vote on the budget for the harbour.\"}}\n"
        )
    };
    let p = write(d.path(), "deep/er/feed.jsonl", format!("{}{}{}", line("x"), line("x~2"), line("x")).as_bytes());
    let v = json(&["list", "--json", "--corpus", p.to_str().unwrap()]);
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["x", "x~2", "x~3"]);
}

#[test]
fn every_file_skipped_says_why_before_the_error() {
    let d = tmp();
    write(d.path(), "empty.txt", b"");
    write(d.path(), "bad.json", b"{");
    let o = run(&["list", "--corpus", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("empty.txt: empty file, skipped") && e.contains("bad.json: malformed JSON"), "{e}");
    assert!(e.trim_end().lines().last().unwrap().starts_with("error: no articles found"), "{e}");
}

#[test]
fn a_config_that_is_a_folder_or_not_text_is_bad_input() {
    let d = tmp();
    let o = run(&["list", "--config", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let bad = write(d.path(), "c.toml", b"max_file_mb = 3\n\xff\xfe\n");
    let o = run(&["list", "--config", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn usage_errors_are_one_line() {
    let o = run(&["show"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    let o = run(&["list", "--frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn escape_sequences_in_articles_are_shown_not_sent() {
    let d = tmp();
    let text = "Clear \u{1b}[2J Screen\n\nThe mayor said \u{1b}]52;c;ZXZpbA==\u{7} the harbour would reopen \u{1b}[8mhidden\u{1b}[0m on Monday, officials said.\n";
    write(d.path(), "esc\u{1b}[31m.txt", text.as_bytes());
    for cmd in [&["list"][..], &["show", "esc"], &["figures"], &["quotes"]] {
        let mut args = cmd.to_vec();
        args.extend(["--corpus", d.path().to_str().unwrap()]);
        let o = run(&args);
        assert!(o.status.success(), "{cmd:?}: {}", stderr(&o));
        assert!(!o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b), "{cmd:?} sent an escape");
        assert!(!o.stdout.contains(&0x07), "{cmd:?} sent a bell");
    }
    let o = run(&["show", "esc", "--corpus", d.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("␛[8mhidden"));
}

#[test]
fn markdown_export_escapes_what_the_reports_say() {
    let d = tmp();
    write(d.path(), "a.txt", b"Harbour <script>alert(1)</script> [x](javascript:alert(1))\n\nThe harbour board said on Monday that 40 boats were damaged in the storm.\n");
    write(d.path(), "b.txt", b"Harbour <!-- hidden\n# Injected heading\n\nThe harbour board said on Monday that 60 boats were damaged in the storm.\n");
    let o = run(&["compare", "a", "b", "--markdown", "--corpus", d.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = String::from_utf8_lossy(&o.stdout);
    assert!(!m.contains("<script") && !m.contains("<!--") && !m.contains("](javascript"), "{m}");
    assert!(
        m.lines().filter(|l| l.starts_with('#')).all(|l| l.starts_with("# Comparison") || l.starts_with("## ")),
        "{m}"
    );
}

#[test]
fn a_foreign_or_damaged_cache_entry_is_never_served() {
    let d = tmp();
    let cache = d.path().join("cache");
    let (one, two) = (d.path().join("one"), d.path().join("two"));
    write(&one, "a.txt", GOOD);
    write(&two, "b.txt", b"River Rises\n\nThe river rose by four metres in Millbrook on Friday, officials said.\n");
    let entities = |corpus: &Path| {
        let mut c = bin();
        c.env("DIPTYCH_CACHE_DIR", &cache).args(["entities", "--json", "--corpus"]).arg(corpus);
        c.output().expect("run")
    };
    let first_one = entities(&one);
    let entry_of = || -> PathBuf {
        std::fs::read_dir(&cache)
            .expect("cache")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|x| x == "bin"))
            .expect("an entry")
    };
    let one_entry = entry_of();
    let first_two = entities(&two);
    // put corpus one's entry in place of corpus two's
    let two_entry = std::fs::read_dir(&cache)
        .expect("cache")
        .map(|e| e.expect("e").path())
        .find(|p| *p != one_entry)
        .expect("second entry");
    std::fs::copy(&one_entry, &two_entry).expect("copy");
    let again = entities(&two);
    assert_eq!(again.stdout, first_two.stdout, "another corpus's entry is refused");
    // a damaged entry: a bit flipped in the middle
    let mut bytes = std::fs::read(&one_entry).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x10;
    std::fs::write(&one_entry, &bytes).expect("write");
    let again = entities(&one);
    assert_eq!(again.stdout, first_one.stdout, "a damaged entry is rebuilt");
    assert!(stderr(&again).is_empty(), "no warning storm: {}", stderr(&again));
    // a user's files in the cache folder are never pruned
    std::fs::write(cache.join("notes.json"), b"{}").expect("user file");
    for i in 0..12 {
        let c = d.path().join(format!("c{i}"));
        write(
            &c,
            "x.txt",
            format!("Item {i}\n\nThe river rose by {i} metres in Millbrook on Friday, officials said.\n").as_bytes(),
        );
        assert!(entities(&c).status.success());
    }
    assert!(cache.join("notes.json").exists(), "a user's file survives pruning");
}
