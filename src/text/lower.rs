//! Lower-casing short words without allocating: most look-ups in the analysis are of one
//! ASCII word, which fits a stack buffer.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_without_changing_meaning() {
        assert_eq!(with_lower("HeLLo", str::to_string), "hello");
        assert_eq!(with_lower("already", str::to_string), "already");
        assert_eq!(with_lower("ÉCOLE", str::to_string), "école");
        let long = "A".repeat(100);
        assert_eq!(with_lower(&long, str::len), 100);
    }
}
