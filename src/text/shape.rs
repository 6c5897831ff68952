//! A table of word shapes (first letter, last letter, length) that tells, in one look,
//! that a word is in none of a set's words: most words of a text are ruled out before any
//! hashing.
#![expect(clippy::indexing_slicing, reason = "byte and cell offsets are bounded by the loops over the same buffer")]

/// The shapes of a set of lower-case words.
pub struct Shapes {
    cells: Box<[u32; 27 * 27]>,
}

impl Shapes {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut cells = Box::new([0u32; 27 * 27]);
        for w in words {
            if let Some((cell, bit)) = shape(w) {
                cells[cell] |= bit;
            }
        }
        Shapes { cells }
    }

    /// False when `w` is surely none of the words; true when it may be one.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        shape(w).is_some_and(|(cell, bit)| self.cells[cell] & bit != 0)
    }
}

/// A word's cell (its first and last byte, letters apart) and its length's bit (lengths
/// from 31 share one).
#[inline]
fn shape(w: &str) -> Option<(usize, u32)> {
    let b = w.as_bytes();
    let letter = |x: u8| if x.is_ascii_lowercase() { usize::from(x - b'a') } else { 26 };
    let (first, last) = (*b.first()?, *b.last()?);
    Some((letter(first) * 27 + letter(last), 1u32 << b.len().min(31)))
}

/// A fixed list of lower-case words asked for membership: the shape table answers for
/// most words, the list (a slice, as written) only for the few that pass. Declared as a
/// `static` with its words; the table is built on first use.
pub struct ShapedList {
    words: &'static [&'static str],
    shapes: std::sync::OnceLock<Shapes>,
}

impl ShapedList {
    pub const fn new(words: &'static [&'static str]) -> ShapedList {
        ShapedList { words, shapes: std::sync::OnceLock::new() }
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let shapes = self.shapes.get_or_init(|| Shapes::new(self.words.iter().copied()));
        shapes.may_hold(w) && self.words.contains(&w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_set_passes_and_most_others_do_not() {
        let words = ["killed", "died", "death", "a", "forty-five", "überall", "x".repeat(40).leak()];
        let s = Shapes::new(words.iter().copied());
        for w in words {
            assert!(s.may_hold(w), "{w}");
        }
        for w in ["the", "said", "kills", "", "b", "deaths", "überal"] {
            assert!(!s.may_hold(w), "{w}");
        }
        // lengths past 31 share a bit: a long word of the same ends may pass, never wrongly fail
        assert!(s.may_hold(&"x".repeat(35)));
    }

    #[test]
    fn a_shaped_list_holds_exactly_its_words() {
        let list = ShapedList::new(&["were", "was", "been", "of"]);
        for w in ["were", "was", "been", "of"] {
            assert!(list.contains(w), "{w}");
        }
        // `wore` has the shape of `were`, `off` starts and ends like `of`: the list decides
        for w in ["wore", "off", "Were", "", "be"] {
            assert!(!list.contains(w), "{w}");
        }
    }
}
