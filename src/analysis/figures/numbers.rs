//! Numbers as news writes them: digits with separators, words (`forty-one`, `a dozen`),
//! scale words and their abbreviations (`million`, `m`, `bn`, `crore`), fractions (`half`,
//! `a third`, `three-quarters`), roman numerals of levels and categories, ordinals.

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

pub const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// `four` → 4, `twenty-five` → 25, `dozen` → 12.
pub fn word_number(w: &str) -> Option<f64> {
    crate::text::lower::with_lower(w, |l| {
        if let Some((a, b)) = l.split_once('-') {
            let (x, y) = (unit_word(a)?, unit_word(b)?);
            return (x >= 20.0 && x % 10.0 == 0.0 && y < 10.0).then_some(x + y);
        }
        unit_word(l)
    })
}

fn unit_word(l: &str) -> Option<f64> {
    // a quick reject before the table: number words are 3 to 9 letters
    if !(3..=9).contains(&l.len()) {
        return None;
    }
    UNITS.iter().find(|(n, _)| *n == l).map(|(_, v)| *v)
}

/// `million` → 1e6; also the short forms `bn`, `mn`, `m`, `k`, `tn`, and the South Asian
/// `lakh` and `crore`.
pub fn scale_word(w: &str) -> Option<f64> {
    crate::text::lower::with_lower(w, |l| match l.trim_end_matches('.') {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "lakh" | "lakhs" => Some(1e5),
        "million" | "millions" | "mn" | "mln" | "m" | "mio" => Some(1e6),
        "crore" | "crores" => Some(1e7),
        "billion" | "billions" | "bn" | "bln" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    })
}

/// A fraction word: `half` → 0.5, `third` → 1/3, `quarter` → 0.25, `three-quarters` → 0.75.
pub fn fraction_word(w: &str) -> Option<f64> {
    crate::text::lower::with_lower(w, |l| {
        let (count, part) = match l.split_once('-') {
            Some((a, b)) => (unit_word(a)?, b),
            None => (1.0, l),
        };
        let f = match part {
            "half" | "halves" => 0.5,
            "third" | "thirds" => 1.0 / 3.0,
            "quarter" | "quarters" => 0.25,
            "fifth" | "fifths" => 0.2,
            "tenth" | "tenths" => 0.1,
            _ => return None,
        };
        Some(count * f)
    })
}

/// The digits a word starts with and what follows them: `43,000` → (43000, ""), `4.5bn` →
/// (4.5, "bn"), `70mph` → (70, "mph"), `4.30pm` → (4.3, "pm").
pub fn split_digits(w: &str) -> Option<(f64, &str)> {
    let num_end = w.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(w.len());
    let (n, suffix) = w.split_at(num_end);
    if !n.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // a trailing full stop is the sentence's
    let n = n.trim_end_matches(['.', ',']);
    Some((parse_without_commas(n)?, suffix))
}

/// `43,000` → 43000.0, as `str::parse` reads `43000`: the digits are copied without their
/// commas into a buffer on the stack (a number is short), so a figure costs no allocation.
fn parse_without_commas(n: &str) -> Option<f64> {
    if !n.contains(',') {
        return n.parse().ok();
    }
    let mut buf = [0u8; 48];
    let mut len = 0;
    for b in n.bytes().filter(|&b| b != b',') {
        let Some(slot) = buf.get_mut(len) else { return n.replace(',', "").parse().ok() };
        *slot = b;
        len += 1;
    }
    std::str::from_utf8(buf.get(..len)?).ok()?.parse().ok()
}

/// `43,000` → 43000, `1.2` → 1.2, `4.5bn` → 4.5e9, `300m` → 3e8.
pub fn digits(w: &str) -> Option<f64> {
    let (v, suffix) = split_digits(w)?;
    if suffix.is_empty() {
        return Some(v);
    }
    scale_word(suffix).map(|s| v * s)
}

/// How finely a number is written: `4.3` → 0.1, `1.25` → 0.01 (the half of which is the
/// rounding it allows); a whole number (`1,200`) is as written: 0.
pub fn written_step(w: &str) -> f64 {
    let n = w.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).next().unwrap_or_default();
    match n.split_once('.') {
        Some((_, frac)) => {
            let d = frac.bytes().take_while(u8::is_ascii_digit).count();
            10f64.powi(-(d as i32))
        }
        None => 0.0,
    }
}

/// `IV` → 4, `iii` → 3: the roman numerals of levels and categories (1 to 10).
pub fn roman(w: &str) -> Option<f64> {
    let v = match w {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        "VI" => 6,
        "VII" => 7,
        "VIII" => 8,
        "IX" => 9,
        "X" => 10,
        _ => return None,
    };
    Some(f64::from(v))
}

/// `third` → 3, `21st` → 21.
pub fn ordinal(w: &str) -> Option<f64> {
    if w.len() > 11 || !w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    crate::text::lower::with_lower(w, |l| {
        if let Some(i) = ORDINALS.iter().position(|o| *o == l) {
            return Some(i as f64 + 1.0);
        }
        let d = l.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &l[d.len()..];
        if d.is_empty() || !d.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u64 = d.parse().ok()?;
        let want = match (n % 100, n % 10) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        (suffix == want).then_some(n as f64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_forms() {
        assert_eq!(word_number("four"), Some(4.0));
        assert_eq!(word_number("Twenty-five"), Some(25.0));
        assert_eq!(word_number("forty-one"), Some(41.0));
        assert_eq!(word_number("five-day"), None);
        assert_eq!(digits("43,000"), Some(43000.0));
        assert_eq!(digits("4.5bn"), Some(4.5e9));
        assert_eq!(digits("300m"), Some(3e8));
        assert_eq!(digits("7%"), None);
        assert_eq!(digits("12."), Some(12.0));
        assert_eq!(split_digits("70mph"), Some((70.0, "mph")));
        assert_eq!(split_digits("41.2C"), Some((41.2, "C")));
        assert_eq!(split_digits("4.30pm"), Some((4.3, "pm")));
        assert_eq!(ordinal("21st"), Some(21.0));
        assert_eq!(ordinal("third"), Some(3.0));
        assert_eq!(ordinal("22th"), None);
        assert_eq!(roman("IV"), Some(4.0));
        assert_eq!(scale_word("crore"), Some(1e7));
    }

    #[test]
    fn digits_with_commas_read_as_without_them_however_long() {
        assert_eq!(digits("1,250,000.75"), Some(1_250_000.75));
        assert_eq!(digits("12,5"), Some(125.0));
        let long = "1,".repeat(40) + "0";
        assert_eq!(digits(&long), long.replace(',', "").parse().ok());
    }

    #[test]
    fn fractions_and_written_precision() {
        assert_eq!(fraction_word("half"), Some(0.5));
        assert_eq!(fraction_word("three-quarters"), Some(0.75));
        assert_eq!(fraction_word("quarter"), Some(0.25));
        assert_eq!(fraction_word("halfway"), None);
        assert_eq!(written_step("4.3"), 0.1);
        assert_eq!(written_step("4.31bn"), 0.01);
        assert_eq!(written_step("1,200"), 0.0);
    }
}
