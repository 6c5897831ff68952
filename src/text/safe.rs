//! Text from articles and file names made safe to print: a terminal must never receive an
//! escape sequence (a screen clear, hidden text, a clipboard write, a hyperlink) from a
//! report, and a Markdown note must never carry markup from one.

use std::borrow::Cow;

/// `s` with every control character shown instead of sent: ESC as `␛`, other C0 controls as
/// their control pictures, DEL as `␡`, C1 controls and direction overrides (which reorder
/// what is shown) as `�`. Line ends and tabs are kept.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_replacing) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if needs_replacing(c) { shown(c) } else { c }).collect())
}

/// [`printable`] on one line: line ends and tabs become spaces.
pub fn one_line(s: &str) -> String {
    let flat: String = s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    printable(&flat).into_owned()
}

fn needs_replacing(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_direction_control(c)
}

fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn shown(c: char) -> char {
    match c {
        '\u{1b}' => '␛',
        '\u{7f}' => '␡',
        // U+2400 is the picture of NUL, and so on up to U+241F for U+001F
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        _ => '\u{fffd}',
    }
}

/// `s` as literal Markdown text: characters that start markup are escaped, HTML cannot
/// open (`<` and `&` as entities), and the text stays on one line.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in one_line(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '|' | '!' | '~' | '{' | '}' | '+' | '-' | '.' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(printable("plain café “text”\nnext\tcell"), "plain café “text”\nnext\tcell");
        assert_eq!(printable("\u{1b}[2J\u{1b}]52;c;aGk=\u{7}"), "␛[2J␛]52;c;aGk=␇");
        assert_eq!(printable("a\u{9b}31m b\u{202e}cba\u{7f}"), "a\u{fffd}31m b\u{fffd}cba␡");
        assert_eq!(one_line("two\nlines\r\u{1b}[8m"), "two lines ␛[8m");
    }

    #[test]
    fn markdown_text_cannot_open_markup() {
        assert_eq!(markdown("<script>alert(1)</script>"), "&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
        assert_eq!(markdown("[click](javascript:x)"), "\\[click\\]\\(javascript:x\\)");
        assert_eq!(markdown("<!-- hidden"), "&lt;\\!\\-\\- hidden");
        assert_eq!(markdown("a\n# Heading"), "a \\# Heading");
        assert_eq!(markdown("**bold** & `code`"), "\\*\\*bold\\*\\* &amp; \\`code\\`");
    }
}
