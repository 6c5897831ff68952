//! Lower-casing short words without allocating: most look-ups in the analysis are of one
//! ASCII word, which fits a stack buffer.
#![expect(clippy::indexing_slicing, reason = "byte and cell offsets are bounded by the loops over the same buffer")]

/// Calls `f` with `s` in lower case; allocates only for long or non-ASCII words.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if s.len() <= 64 && s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(s);
        }
        let mut buf = [0u8; 64];
        for (d, b) in buf.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8
        match std::str::from_utf8(&buf[..s.len()]) {
            Ok(l) => f(l),
            Err(_) => f(&s.to_lowercase()),
        }
    } else {
        f(&s.to_lowercase())
    }
}

/// `s` in lower case when that keeps every byte offset (almost always), else `None`.
/// ASCII bytes are lowered all at once; only other characters go through Unicode tables.
pub fn lower_keeping_offsets(s: &str) -> Option<String> {
    // lowering ASCII bytes keeps the text valid: no second validation of the paragraph
    let mut out = s.to_ascii_lowercase();
    if !s.is_ascii() {
        // news text is mostly ASCII with a few curly quotes and accents: only the characters
        // that start with a non-ASCII byte are decoded
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(k) = bytes[i..].iter().position(|&b| b >= 0x80) {
            i += k;
            let (c, len) = super::char_at(s, i);
            let mut lowered = c.to_lowercase();
            if lowered.len() != 1 || lowered.next() != Some(c) {
                let l: String = c.to_lowercase().collect();
                if l.len() != len {
                    return None;
                }
                out.replace_range(i..i + len, &l);
            }
            i += len;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_keeps_offsets_or_gives_up() {
        assert_eq!(lower_keeping_offsets("Zürich “Said” ÉTÉ").as_deref(), Some("zürich “said” été"));
        assert_eq!(lower_keeping_offsets("ABC").as_deref(), Some("abc"));
        // `İ` lowers to two characters: offsets would move
        assert_eq!(lower_keeping_offsets("İstanbul"), None);
        // `ẞ` (3 bytes) lowers to `ß` (2 bytes): offsets would move
        assert_eq!(lower_keeping_offsets("GROẞ"), None);
        assert_eq!(lower_keeping_offsets("ÀÉÎ—Õ…Ü"), Some("àéî—õ…ü".to_string()));
    }

    #[test]
    fn lowers_without_changing_meaning() {
        assert_eq!(with_lower("HeLLo", str::to_string), "hello");
        assert_eq!(with_lower("already", str::to_string), "already");
        assert_eq!(with_lower("ÉCOLE", str::to_string), "école");
        let long = "A".repeat(100);
        assert_eq!(with_lower(&long, str::len), 100);
    }

    /// Lowering each character on its own, kept where its lower case has the same length.
    fn reference(s: &str) -> Option<String> {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let l: String = c.to_lowercase().collect();
            if l.len() != c.len_utf8() {
                return None;
            }
            out.push_str(&l);
        }
        Some(out)
    }

    proptest::proptest! {
        #[test]
        fn any_text_lowers_as_its_characters_do(s in "[ -~À-ʯΑ-ωİẞ“”—]{0,40}") {
            proptest::prop_assert_eq!(lower_keeping_offsets(&s), reference(&s));
        }
    }
}
