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

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn cuts_by_columns_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a longer title", 6), "a lon…");
        // wide characters take two columns each
        assert_eq!(truncate("日本語の記事", 5), "日本…");
    }
}
