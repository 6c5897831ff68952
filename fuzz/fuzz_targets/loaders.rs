//! Every loader on arbitrary bytes: no panic, and every paragraph is text it can slice.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let ext = ["html", "md", "txt", "json", "jsonl"][usize::from(kind) % 5];
    if let Ok(drafts) = diptych::corpus::parse_document(ext, &text) {
        for d in drafts {
            for p in &d.paragraphs {
                assert!(p.is_char_boundary(p.len()));
            }
        }
    }
});
