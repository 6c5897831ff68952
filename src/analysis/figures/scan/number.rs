//! A number at a token: digits, words, fractions, with its scale.
use super::super::numbers::{fraction_word, scale_word, split_digits, word_number, written_step};
use super::reader::Reader;

/// A number starting at token `k`: its value, the token after it and how finely it is
/// written. Digits, number words, `a`/`an` before a scale or `dozen`, `half a million`,
/// `a quarter of a million`, fractions (`a third`, `two-thirds`, `one and a half`).
pub fn number_at(r: &Reader, k: usize) -> Option<(f64, usize, f64)> {
    let w = r.l(k);
    if w == "a" || w == "an" {
        if r.is(k + 1, "quarter") && r.is(k + 2, "of") && matches!(r.l(k + 3).as_ref(), "a" | "an") {
            let s = scale_word(&r.l(k + 4))?;
            return Some((0.25 * s, k + 5, 0.25 * s));
        }
        if r.is(k + 1, "half") {
            let s = scale_word(&r.l(k + 2))?;
            return Some((0.5 * s, k + 3, 0.5 * s));
        }
        let n1 = r.l(k + 1);
        if let Some(s) = scale_word(&n1).filter(|_| n1.len() > 2) {
            return Some((s, k + 2, s));
        }
        if n1 == "dozen" {
            return Some((12.0, k + 2, 1.0));
        }
        // `a third of`, `a quarter of`: a share, read as a fraction
        if let Some(f) = fraction_word(&n1)
            && r.is(k + 2, "of")
        {
            return Some((f, k + 2, f));
        }
        return None;
    }
    if w == "half" && matches!(r.l(k + 1).as_ref(), "a" | "an") {
        let s = scale_word(&r.l(k + 2))?;
        return Some((0.5 * s, k + 3, 0.5 * s));
    }
    let raw = r.w(k);
    let split = split_digits(raw);
    let scaled =
        split.and_then(|(v, suffix)| if suffix.is_empty() { Some((v, 1.0)) } else { Some((v, scale_word(suffix)?)) });
    let (mut v, mut e, mut step) = if let Some((v, s)) = scaled {
        // digits without a decimal point are exact (`$5m` is five million, not 4.5 to 5.5)
        (v * s, k + 1, written_step(raw) * s)
    } else if let Some(v) = word_number(&w) {
        (v, k + 1, 0.0)
    } else if let Some(f) = fraction_word(&w).filter(|_| w.contains('-')) {
        // `two-thirds`
        (f, k + 1, 0.05)
    } else {
        return None;
    };
    if r.is(e, "hundred") && v < 100.0 {
        v *= 100.0;
        step *= 100.0;
        e += 1;
    }
    // `one and a half`, `two and a quarter`
    if r.is(e, "and")
        && matches!(r.l(e + 1).as_ref(), "a" | "an")
        && let Some(f) = fraction_word(&r.l(e + 2))
    {
        v += f;
        step = f;
        e += 3;
    }
    let n = r.l(e);
    if let Some(s) = scale_word(&n).filter(|_| (n.len() > 1 || r.glued(e - 1, e)) && (n != "m" || r.glued(e - 1, e)))
        && split.is_none_or(|(_, suffix)| suffix.is_empty())
    {
        v *= s;
        if raw.contains('.') {
            step *= s;
        }
        e += 1;
    }
    Some((v, e, step))
}
