//! A plain text table that fits the terminal width: the widest column gives way first.
#![expect(clippy::indexing_slicing, reason = "column and row indices are bounded by the table being rendered")]

use crate::text::width::truncate;
use unicode_width::UnicodeWidthStr;

pub fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
    {
        return usize::from(w).max(40);
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|w: &usize| *w >= 40).unwrap_or(120)
}

fn pad(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let fill = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(fill))
}

/// Renders rows under headers; `flex` is the column that shrinks to fit `width`.
pub fn render(headers: &[&str], rows: &[Vec<String>], flex: usize, width: usize) -> String {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let gaps = 2 * (n - 1);
    let total: usize = widths.iter().sum::<usize>() + gaps;
    if total > width {
        let others: usize =
            widths.iter().enumerate().filter(|(i, _)| *i != flex).map(|(_, w)| *w).sum::<usize>() + gaps;
        widths[flex] = width.saturating_sub(others).max(10);
        // still too wide: shrink every column but the first
        let mut total: usize = widths.iter().sum::<usize>() + gaps;
        while total > width {
            let Some((i, _)) = widths.iter().enumerate().skip(1).filter(|(_, w)| **w > 6).max_by_key(|(_, w)| **w)
            else {
                break;
            };
            widths[i] -= 1;
            total -= 1;
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<String>| -> String {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| if i + 1 == n { truncate(c, widths[i]) } else { pad(c, widths[i]) })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    out.push_str(&line(headers.iter().map(|h| h.to_string()).collect()));
    out.push('\n');
    for r in rows {
        out.push_str(&line(r.clone()));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_the_width() {
        let rows =
            vec![vec!["a1".to_string(), "A very long title that will not fit in a narrow terminal at all".to_string()]];
        let t = render(&["ID", "TITLE"], &rows, 1, 30);
        assert!(t.lines().all(|l| l.width() <= 30), "{t}");
        assert!(t.contains('…'));
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(truncate("日本語のタイトル", 7).width(), 7);
    }
}
