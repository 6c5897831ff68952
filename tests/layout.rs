//! The architecture as tests: which source files may use which. Reads the `use` lines and
//! the `crate::` / `super::` paths of every file under `src/` (outside its tests) and checks
//! that data flows one way: the two front ends do not import each other, and no files of
//! the reader or of the analysis import each other in a cycle.
#![expect(clippy::indexing_slicing, reason = "a test helper that fails is the test failing")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A source file by its module path (`analysis::figures::frame`).
type Module = Vec<String>;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut m: Module = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if m.last().is_some_and(|l| l == "mod" || l == "lib" || l == "main") {
        m.pop();
    }
    m
}

/// The code of a file without its comments, string literals and test module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(i) => &text[..i],
        None => text,
    };
    code_of_all(text)
}

/// Every path a `use` tree names, braces expanded (`a::{b, c::{d}}` → `a::b`, `a::c::d`).
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else { return vec![tree] };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).flat_map(|p| expand(&format!("{prefix}{p}"))).collect()
}

/// The paths a file's code names: its `use` trees and the `crate::`/`super::` paths inside it.
fn paths_in(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let after = &rest[i + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if before_ok {
            out.extend(expand(&after[..end]));
        }
        rest = &after[end.min(after.len())..];
    }
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            let ok = at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            // (a path ending in `::` opens a `use` group, expanded above)
            if ok && !code[at..end].ends_with("::") {
                out.push(code[at..end].to_string());
            }
            from = end.max(at + 1);
        }
    }
    out
}

/// The child modules a folder's `mod.rs` declares and then names bare (`quotes::find`).
fn children_named(code: &str) -> Vec<String> {
    let declared: Vec<&str> = code
        .lines()
        .filter_map(|l| l.trim().trim_start_matches("pub ").trim_start_matches("pub(crate) ").strip_prefix("mod "))
        .filter_map(|l| l.strip_suffix(';'))
        .collect();
    let mut out = Vec::new();
    for child in declared {
        let needle = format!("{child}::");
        let mut from = 0;
        while let Some(i) = code[from..].find(&needle) {
            let at = from + i;
            let bare = at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
            if bare {
                out.push(format!("self::{child}"));
            }
            from = at + needle.len();
        }
    }
    out
}

/// The file a path from module `from` lands in: the longest prefix that is a module.
fn resolve(path: &str, from: &Module, modules: &BTreeSet<Module>, is_dir_module: bool) -> Option<Module> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Module = match segs.first().copied() {
        Some("crate") => {
            segs.remove(0);
            Vec::new()
        }
        Some("super") | Some("self") => {
            // a file's own module is its path; `mod.rs` is the folder's
            let mut b = from.clone();
            if segs[0] == "self" {
                segs.remove(0);
            }
            while segs.first() == Some(&"super") {
                segs.remove(0);
                b.pop();
            }
            b
        }
        // a child module named bare (`scan::Reader` in a folder's `mod.rs`)
        Some(first) if is_dir_module || from.is_empty() => {
            let mut child = from.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            from.clone()
        }
        _ => return None,
    };
    let mut best = modules.contains(&base).then(|| base.clone());
    for s in segs {
        base.push(s.to_string());
        if modules.contains(&base) {
            best = Some(base.clone());
        }
    }
    best
}

/// Every file's imports of other files, by module.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = Vec::new();
    files(&src, &mut list);
    let modules: BTreeSet<Module> = list.iter().map(|f| module_of(&src, f)).collect();
    let mut g = BTreeMap::new();
    for f in &list {
        let m = module_of(&src, f);
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let dir_module = f.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        let code = code_of(&text);
        let mut paths = paths_in(&code);
        // a folder's own modules named bare (`quotes::find(...)`)
        if dir_module {
            paths.extend(children_named(&code));
        }
        let deps: BTreeSet<Module> =
            paths.iter().filter_map(|p| resolve(p, &m, &modules, dir_module)).filter(|d| *d != m).collect();
        g.insert(m, deps);
    }
    g
}

fn name(m: &Module) -> String {
    if m.is_empty() { "lib".into() } else { m.join("::") }
}

/// The cycles among the files under `prefix`: each strongly connected set of two or more.
fn cycles_under(g: &BTreeMap<Module, BTreeSet<Module>>, prefix: &str) -> Vec<Vec<String>> {
    let inside = |m: &Module| m.first().is_some_and(|f| f == prefix);
    let nodes: Vec<&Module> = g.keys().filter(|m| inside(m)).collect();
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for d in g.get(&n).into_iter().flatten().filter(|d| inside(d)) {
                if seen.insert(d.clone()) {
                    stack.push(d.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&Module, BTreeSet<Module>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut done = BTreeSet::new();
    for n in &nodes {
        if done.contains(*n) {
            continue;
        }
        let set: Vec<&Module> =
            nodes.iter().copied().filter(|m| m == n || (reaches[n].contains(*m) && reaches[*m].contains(*n))).collect();
        if set.len() > 1 {
            out.push(set.iter().map(|m| name(m)).collect());
        }
        done.extend(set.into_iter().cloned());
    }
    out
}

#[test]
fn the_checker_finds_what_it_looks_for() {
    assert_eq!(expand("super::{a, b::{c, d}}"), ["super::a", "super::b::c", "super::b::d"]);
    let code = code_of("use crate::x::{y, z};\nfn f() { super::w::g(); } // crate::no\nlet s = \"crate::no\";");
    assert_eq!(paths_in(&code), ["crate::x::y", "crate::x::z", "super::w::g"]);
    let modules: BTreeSet<Module> =
        [vec!["a".to_string()], vec!["a".to_string(), "b".to_string()]].into_iter().collect();
    let from = vec!["a".to_string(), "b".to_string()];
    assert_eq!(resolve("super::Thing", &from, &modules, false), Some(vec!["a".to_string()]));
    // a cycle is seen
    let g: BTreeMap<Module, BTreeSet<Module>> = [
        (vec!["t".into(), "a".into()], [vec!["t".into(), "b".into()]].into_iter().collect()),
        (vec!["t".into(), "b".into()], [vec!["t".into(), "a".into()]].into_iter().collect()),
    ]
    .into_iter()
    .collect();
    assert_eq!(cycles_under(&g, "t"), [vec!["t::a".to_string(), "t::b".to_string()]]);
}

#[test]
fn the_front_ends_do_not_import_each_other() {
    let g = graph();
    assert!(g.len() > 40, "the source files were not found: {}", g.len());
    let under = |m: &Module, top: &str| m.first().is_some_and(|f| f == top);
    for (m, deps) in &g {
        for (a, b) in [("cli", "tui"), ("tui", "cli")] {
            if under(m, a) {
                let bad: Vec<String> = deps.iter().filter(|d| under(d, b)).map(name).collect();
                assert!(bad.is_empty(), "{} imports {}", name(m), bad.join(", "));
            }
        }
    }
}

#[test]
fn data_flows_one_way() {
    let g = graph();
    // the library's layers use only those before them
    // (the two front ends stand side by side: the test above keeps them apart)
    let layers: &[&[&str]] =
        &[&["text"], &["corpus"], &["analysis"], &["compare"], &["cache"], &["session"], &["cli", "tui"]];
    let layer = |m: &Module| m.first().and_then(|t| layers.iter().position(|l| l.contains(&t.as_str())));
    for (m, deps) in &g {
        let Some(mine) = layer(m) else { continue };
        for d in deps {
            let Some(theirs) = layer(d) else { continue };
            assert!(theirs <= mine, "{} imports {}, of a later layer", name(m), name(d));
        }
    }
}

#[test]
fn no_files_of_the_reader_or_the_analysis_import_each_other_in_a_cycle() {
    let g = graph();
    let cycles: Vec<(&str, Vec<Vec<String>>)> = ["tui", "analysis", "compare", "corpus", "cache", "cli", "text"]
        .into_iter()
        .map(|top| (top, cycles_under(&g, top)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    assert!(cycles.is_empty(), "import cycles: {cycles:?}");
}

/// The lines of each function of `code`: from its `fn` line to its closing brace.
fn function_lengths(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let t = t.strip_prefix("pub(crate) ").or_else(|| t.strip_prefix("pub(super) ")).unwrap_or(t);
        let t = t.strip_prefix("pub ").unwrap_or(t);
        let t = t.strip_prefix("const ").unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else { continue };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let (mut depth, mut started) = (0i32, false);
        for (j, body) in lines.iter().enumerate().skip(i) {
            if !started && body.contains(';') && !body.contains('{') {
                break;
            }
            for c in body.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        started = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if started && depth <= 0 {
                out.push((name.clone(), j - i + 1));
                break;
            }
        }
    }
    out
}

#[test]
fn files_and_functions_stay_small() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = Vec::new();
    files(&src, &mut list);
    let mut long = Vec::new();
    for f in &list {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let n = text.lines().count();
        if n > 600 {
            long.push(format!("{} has {n} lines", f.display()));
        }
        // (comments and strings stripped: a brace in either is not the code's)
        for (name, len) in function_lengths(&code_of_all(&text)) {
            if len > 80 {
                long.push(format!("{}: fn {name} has {len} lines", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
    assert_eq!(function_lengths("fn a() {\n    if x {\n    }\n}\nfn b();\n"), [("a".to_string(), 4)]);
}

/// A file's code without comments, strings and brace characters, its tests kept (their
/// functions count too).
fn code_of_all(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").replace("'{'", "' '").replace("'}'", "' '");
        let mut in_str = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}
