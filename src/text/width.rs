//! Display widths: text cut to a number of terminal columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `s` to `width` display columns, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `n` and a noun, in the plural unless `n` is one (`1 conflicting figure`, `2 files`); the
/// noun's plural is its singular with `s`, or `plural` when given.
pub fn count(n: usize, noun: &str, plural: Option<&str>) -> String {
    match (n, plural) {
        (1, _) => format!("1 {noun}"),
        (_, Some(p)) => format!("{n} {p}"),
        (_, None) => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::{count, truncate};

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(1, "conflicting figure", None), "1 conflicting figure");
        assert_eq!(count(0, "conflicting figure", None), "0 conflicting figures");
        assert_eq!(count(3, "file", None), "3 files");
        assert_eq!(count(2, "entity", Some("entities")), "2 entities");
    }

    #[test]
    fn cuts_by_columns_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a longer title", 6), "a lon…");
        // wide characters take two columns each
        assert_eq!(truncate("日本語の記事", 5), "日本…");
    }
}
