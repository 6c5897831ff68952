//! Numbers as news writes them: digits with separators, words, scales and fractions.

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

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth",
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

/// `million` → 1e6; also the short forms `bn`, `mn`, `m`, `k`, `tn`.
pub fn scale_word(w: &str) -> Option<f64> {
    crate::text::lower::with_lower(w, |l| match l.trim_end_matches('.') {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "millions" | "mn" | "mln" | "m" => Some(1e6),
        "billion" | "billions" | "bn" | "bln" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    })
}

/// `43,000` → 43000, `1.2` → 1.2, `4.5bn` → 4.5e9, `300m` → 3e8.
pub fn digits(w: &str) -> Option<f64> {
    let num_end = w.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(w.len());
    if num_end == 0 {
        return None;
    }
    let (n, suffix) = w.split_at(num_end);
    if !n.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let v: f64 = n.replace(',', "").parse().ok()?;
    if suffix.is_empty() {
        return Some(v);
    }
    scale_word(suffix).map(|s| v * s)
}

/// `third` → 3, `21st` → 21.
pub fn ordinal(w: &str) -> Option<f64> {
    if w.len() > 9 || !w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
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
        assert_eq!(word_number("five-day"), None);
        assert_eq!(digits("43,000"), Some(43000.0));
        assert_eq!(digits("4.5bn"), Some(4.5e9));
        assert_eq!(digits("300m"), Some(3e8));
        assert_eq!(digits("7%"), None);
        assert_eq!(ordinal("21st"), Some(21.0));
        assert_eq!(ordinal("third"), Some(3.0));
        assert_eq!(ordinal("22th"), None);
    }
}
