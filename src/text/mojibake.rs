//! Text encoded as UTF-8 twice (`FranÃ§ois`, `donâ€™t`): a file saved through a tool that
//! read UTF-8 as Windows-1252 or Latin-1. Real pages carry it; a name with it in is cut at
//! the first odd character. Each run of non-ASCII characters is read back as the bytes those
//! characters stand for in Windows-1252; where those bytes are valid UTF-8 (and so shorter),
//! the run is replaced, again while that holds (text encoded three times).

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// The Windows-1252 characters of the bytes 0x80–0x9F, in order; the five bytes it leaves
/// unused stand as the control characters of the same number, as Latin-1 readers give them.
const CP1252_HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

/// The byte a character stands for when UTF-8 was read as Windows-1252 or Latin-1.
fn byte_of(c: char) -> Option<u8> {
    let n = u32::from(c);
    if (0xA0..=0xFF).contains(&n) || (0x80..=0x9F).contains(&n) {
        return u8::try_from(n).ok();
    }
    CP1252_HIGH.chars().position(|x| x == c).and_then(|i| u8::try_from(0x80 + i).ok())
}

/// One run read back, when its bytes are UTF-8.
fn undo_once(run: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = run.chars().map(byte_of).collect();
    String::from_utf8(bytes?).ok()
}

/// `text` with every doubly encoded run repaired; borrowed when there is none. Text that
/// was decomposed after it was garbled (`A` and a combining tilde for `Ã`) is composed first.
pub fn repair(text: &str) -> Cow<'_, str> {
    // (byte scans: combining marks U+0300–U+036F start with 0xCC or 0xCD)
    let decomposed = memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_some();
    if !decomposed {
        return repair_runs(text);
    }
    let composed: String = text.nfc().collect();
    match repair_runs(&composed) {
        Cow::Owned(fixed) => Cow::Owned(fixed),
        Cow::Borrowed(_) => Cow::Borrowed(text),
    }
}

/// Whether `b` holds a lead character U+00C2–U+00F4 (written `C3 82`–`C3 B4`) followed
/// by another character beyond ASCII: every doubly encoded run starts so.
fn may_be_garbled(b: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, b)
        .any(|i| b.get(i + 1).is_some_and(|x| (0x82..=0xB4).contains(x)) && b.get(i + 2).is_some_and(|&x| x >= 0x80))
}

fn repair_runs(text: &str) -> Cow<'_, str> {
    if !may_be_garbled(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_ascii()) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let len = tail.find(|c: char| c.is_ascii()).unwrap_or(tail.len());
        let run = &tail[..len];
        let mut fixed = Cow::Borrowed(run);
        for _ in 0..3 {
            match undo_once(&fixed) {
                Some(back) if back.len() < fixed.len() => fixed = Cow::Owned(back),
                _ => break,
            }
        }
        changed |= matches!(fixed, Cow::Owned(_));
        out.push_str(&fixed);
        rest = &tail[len..];
    }
    out.push_str(rest);
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn text_encoded_twice_or_three_times_is_read_back() {
        assert_eq!(repair("Fran\u{c3}\u{a7}ois Vautrin"), "François Vautrin");
        assert_eq!(repair("Fran\u{c3}\u{83}\u{c2}\u{a7}ois Vautrin"), "François Vautrin");
        assert_eq!(repair("we don\u{e2}\u{20ac}\u{2122}t know"), "we don’t know");
        assert_eq!(repair("\u{e2}\u{20ac}\u{153}Yes,\u{e2}\u{20ac}\u{9d} she said"), "“Yes,” she said");
        // garbled, then decomposed: `A` and a combining tilde, `A` and a circumflex
        assert_eq!(repair("FranA\u{303}\u{83}A\u{302}\u{a7}ois Vautrin"), "François Vautrin");
    }

    #[test]
    fn text_in_its_own_encoding_is_left_as_it_is() {
        for t in [
            "Ærøskøbing, São Paulo and Łódź",
            "«café» — “yes” ’s £40 °C ½",
            "Zoë Brontë at 5\u{a0}km",
            "Ça va? À bientôt, naïve façade",
            "Москва и 東京",
            "plain ascii",
            "Jose\u{301} Ortega, decomposed",
        ] {
            assert_eq!(repair(t), t, "{t}");
        }
    }
}
