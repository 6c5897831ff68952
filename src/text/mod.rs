//! Small text utilities shared by the corpus reader and the analysis: folding keys,
//! date parsing, calendar arithmetic. Pure functions only.
#![expect(clippy::indexing_slicing, reason = "byte and cell offsets are bounded by the loops over the same buffer")]

pub mod ascii;
pub mod date;
pub mod fold;
pub mod lower;
pub mod mojibake;
pub mod safe;
pub mod sentences;
pub mod shape;
pub mod width;

/// The character at byte `i` (a char boundary) and its length; ASCII without decoding.
#[inline]
pub fn char_at(p: &str, i: usize) -> (char, usize) {
    let b = p.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    match p[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}
