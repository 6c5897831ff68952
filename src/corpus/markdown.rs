//! Markdown as a reader sees it, by pulldown-cmark: the text of paragraphs, headings, list
//! items, quotations and table rows without their marks. Fenced code, images, HTML and rules
//! are not the article's text and are left out; an indented block is kept as text (in news
//! files it is an indented paragraph far more often than code).

use super::blocks::Blocks;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// One paragraph of a Markdown body; `heading` when it is a heading.
pub(super) struct Block {
    pub text: String,
    pub heading: bool,
}

/// The body's paragraphs in order (a paragraph of short header lines gives one each, as in
/// plain text).
pub(super) fn blocks(body: &str) -> Vec<Block> {
    if is_plain(body) {
        let paragraphs = super::blocks::paragraphs(body);
        return paragraphs.into_iter().map(|text| Block { text, heading: false }).collect();
    }
    parsed(body)
}

/// The body's paragraphs as pulldown-cmark reads it.
fn parsed(body: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut lines = Blocks::default();
    let mut text = String::new();
    // inside an image's alt text, fenced code, a HTML block or a table cell's row
    let (mut image, mut code, mut cell) = (0usize, false, false);
    let mut flush = |text: &mut String, heading: bool, out: &mut Vec<Block>| {
        let before = lines.lines.len();
        lines.push(text);
        out.extend(lines.lines.drain(before..).map(|t| Block { text: t, heading }));
        // `lines` keeps none of them: only whether prose has come
        text.clear();
    };
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => code = true,
            Event::End(TagEnd::CodeBlock) => {
                if !code {
                    flush(&mut text, false, &mut out);
                }
                code = false;
            }
            Event::Start(Tag::TableCell) => {
                if cell {
                    text.push_str(" · ");
                }
                cell = true;
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                cell = false;
                flush(&mut text, false, &mut out);
            }
            Event::End(TagEnd::Heading(_)) => flush(&mut text, true, &mut out),
            // a list item's own text ends where its first nested block starts
            Event::Start(Tag::List(_) | Tag::Paragraph | Tag::BlockQuote(_))
            | Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut text, false, &mut out),
            Event::Text(t) | Event::Code(t) if image == 0 && !code => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if image == 0 => text.push('\n'),
            _ => {}
        }
    }
    flush(&mut text, false, &mut out);
    out
}

/// A body with no Markdown in it (most files a program wrote): blank-line paragraphs and no
/// mark, escape, entity, HTML, list, quotation, rule, heading or indented line. It reads as
/// plain text, without the parser.
fn is_plain(body: &str) -> bool {
    let b = body.as_bytes();
    let marks = memchr::memchr3(b'*', b'_', b'[', b).is_some()
        || memchr::memchr3(b'!', b'<', b'`', b).is_some()
        || memchr::memchr3(b'#', b'|', b'~', b).is_some()
        || memchr::memchr2(b'\\', b'&', b).is_some();
    let opens_a_block = |line: &str| {
        let t = line.trim_start_matches(' ');
        line.len() - t.len() >= 4
            || t.starts_with(['-', '+', '=', '>', '\t'])
            || t.bytes().take_while(u8::is_ascii_digit).count() > 0
                && t.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['.', ')'])
    };
    memchr::memmem::find(body.trim().as_bytes(), b"\n\n").is_some() && !marks && !body.lines().any(opens_a_block)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<String> {
        blocks(md).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn marks_are_gone_and_their_text_stays() {
        assert_eq!(
            texts("The **harbour** board met __twice__ in [Lisbon](https://x.example/a), `quietly`."),
            ["The harbour board met twice in Lisbon, quietly."]
        );
        assert_eq!(texts("a * b _ c [d] e (f) 5*3 snake_case"), ["a * b _ c [d] e (f) 5*3 snake_case"]);
        assert_eq!(texts("Fish \\*and\\* chips &amp; peas"), ["Fish *and* chips & peas"]);
    }

    #[test]
    fn images_fenced_code_html_and_rules_are_not_text() {
        let md = "![The quay at dawn](q.jpg)\n\nThe quay reopened on Monday after a week of repairs.\n\n```\nlet x = 1;\n```\n\n<div class=\"ad\">Buy now</div>\n\n---\n\nTraders returned.";
        assert_eq!(texts(md), ["The quay reopened on Monday after a week of repairs.", "Traders returned."]);
    }

    #[test]
    fn list_items_and_table_rows_are_paragraphs_of_their_own() {
        let md = "- Ships: 40, the most since the storm and more than the port had expected for June\n- Cargo: up 8%\n\n1. First\n2. Second";
        assert_eq!(
            texts(md),
            [
                "Ships: 40, the most since the storm and more than the port had expected for June",
                "Cargo: up 8%",
                "First",
                "Second"
            ]
        );
        let table = "| Port | Ships |\n| --- | --- |\n| Averne | 12 |\n| Colbrook | 9 |";
        assert_eq!(texts(table), ["Port · Ships", "Averne · 12", "Colbrook · 9"]);
    }

    #[test]
    fn headings_are_marked_and_a_wrapped_paragraph_is_one() {
        let b =
            blocks("# Quay Reopens\n\nThe quay reopened on Monday after a week of repairs,\nthe harbour master said.");
        assert!(b[0].heading && b[0].text == "Quay Reopens");
        assert!(!b[1].heading);
        assert_eq!(b[1].text, "The quay reopened on Monday after a week of repairs, the harbour master said.");
    }

    #[test]
    fn a_body_without_markdown_reads_as_the_parser_reads_it() {
        let body =
            "The quay reopened on Monday.\n\nTraders returned, and 40 ships\ncame in by noon.\n\n2024 was a record.";
        assert!(is_plain(body));
        let parsed: Vec<String> = parsed(body).into_iter().map(|b| b.text).collect();
        assert_eq!(texts(body), parsed);
        assert_eq!(
            parsed,
            ["The quay reopened on Monday.", "Traders returned, and 40 ships came in by noon.", "2024 was a record."]
        );
        for md in ["A *b*\n\nc", "A\n\n- b", "A\n\n1. b", "A\n\n    code", "Title\n===\n\nx", "A\nno blank line"] {
            assert!(!is_plain(md), "{md:?}");
        }
    }

    #[test]
    fn an_indented_paragraph_is_kept() {
        assert_eq!(texts("    The quay reopened on Monday."), ["The quay reopened on Monday."]);
    }
}
