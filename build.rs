//! Compiles the bundled corpus (every file in assets/corpus) into the binary, so that
//! `diptych list` works from any folder with no files around.
use std::fmt::Write as _;
use std::path::Path;

/// BLAKE3 over every source and asset file and Cargo.lock: the analysis cache is keyed by
/// it, so a changed rule or dependency never serves an old analysis.
fn source_hash(root: &Path) -> String {
    let mut files = vec![root.join("Cargo.lock")];
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
    let mut h = blake3::Hasher::new();
    for f in files {
        let name = f.strip_prefix(root).unwrap_or(&f).to_string_lossy().into_owned();
        let bytes = std::fs::read(&f).unwrap_or_default();
        h.update(&(name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    h.finalize().to_hex().to_string()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    println!("cargo:rerun-if-changed={}", root.join("assets").display());
    println!("cargo:rerun-if-changed={}", root.join("Cargo.lock").display());
    println!("cargo:rustc-env=DIPTYCH_SOURCE_HASH={}", source_hash(root));
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
