//! Byte classes by table: one load a byte in the loops that run over every letter of a text.

/// A table of 256 bytes from a byte class (a macro: a constant cannot call a function pointer).
macro_rules! table {
    ($class:ident) => {{
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).$class();
            b += 1;
        }
        t
    }};
}

static ALNUM: [bool; 256] = table!(is_ascii_alphanumeric);
static ALPHA: [bool; 256] = table!(is_ascii_alphabetic);

/// An ASCII letter or digit.
#[inline]
pub fn is_alnum(b: u8) -> bool {
    ALNUM[usize::from(b)]
}

/// An ASCII letter.
#[inline]
pub fn is_alpha(b: u8) -> bool {
    ALPHA[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_the_byte_classes() {
        for b in 0..=u8::MAX {
            assert_eq!(is_alnum(b), b.is_ascii_alphanumeric(), "{b:#x}");
            assert_eq!(is_alpha(b), b.is_ascii_alphabetic(), "{b:#x}");
        }
    }
}
