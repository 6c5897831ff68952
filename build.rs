//! Compiles the bundled corpus (every file in assets/corpus) into the binary, so that
//! `diptych list` works from any folder with no files around.
use std::fmt::Write as _;
use std::path::Path;

/// FNV-1a over every source and asset file: the analysis cache is keyed by it, so a changed
/// rule never serves an old analysis.
fn source_hash(root: &Path) -> u64 {
    let mut files = Vec::new();
    let mut stack = vec![root.join("src"), root.join("assets")];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f.to_string_lossy().bytes().chain(std::fs::read(&f).unwrap_or_default()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    println!("cargo:rerun-if-changed={}", root.join("assets").display());
    println!("cargo:rustc-env=DIPTYCH_SOURCE_HASH={:016x}", source_hash(root));
    let dir = root.join("assets/corpus");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("pub const BUNDLED: &[(&str, &str)] = &[\n");
    for p in names {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(code, "    ({name:?}, include_str!({:?})),", p.display().to_string());
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("bundled_corpus.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
