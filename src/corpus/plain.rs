//! Plain text and Markdown: front matter, paragraphs, and the header/trailer clean-up.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use super::article::Draft;
use super::header::{dateline, is_header_line, leading_date, read_header, read_trailer, word_count};
use crate::text::date::find_date;
use crate::text::sentences::sentence_spans;

/// Normalises line ends and a byte-order mark.
pub fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim_start_matches('\u{feff}');
    if memchr::memchr(b'\r', t.as_bytes()).is_none() {
        // most files: no copy
        return std::borrow::Cow::Borrowed(t);
    }
    std::borrow::Cow::Owned(t.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Splits `key: value` front matter between `---` lines off the top.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let t = text.trim_start();
    let Some(rest) = t.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), text);
    };
    let pairs = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().trim_matches(['"', '\'']).to_string()))
        .collect();
    let after = &rest[end + 4..];
    (pairs, after.strip_prefix('\n').unwrap_or(after))
}

/// Blank-line separated blocks (wrapped lines joined by a space); one block a line when the
/// file has no blank lines at all.
pub fn blocks(body: &str) -> Vec<String> {
    let trimmed = body.trim();
    let has_blank =
        memchr::memmem::find(trimmed.as_bytes(), b"\n\n").is_some() || trimmed.lines().any(|l| l.trim().is_empty());
    if !has_blank {
        return body.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    }
    // split at "\n\n" as `str::split` does (left to right, not overlapping), by memmem: the
    // generic substring search was a tenth of reading a plain-text file
    let mut out = Vec::new();
    let mut from = 0;
    // above the first paragraph of prose, a block with a header line is a header's lines
    let mut in_header = true;
    let ends = memchr::memmem::find_iter(body.as_bytes(), b"\n\n").chain(std::iter::once(body.len()));
    for end in ends {
        let b = &body[from..end];
        from = (end + 2).min(body.len());
        let lines: smallvec::SmallVec<[&str; 4]> = b.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        match lines.as_slice() {
            [] => {}
            [one] => out.push((*one).to_string()),
            // a block of short header lines stays one line each
            many if many.iter().all(|l| word_count(l) <= 14 && !l.ends_with('.'))
                || (in_header && many.iter().any(|l| is_header_line(l))) =>
            {
                out.extend(many.iter().map(|l| (*l).to_string()));
            }
            many => out.push(many.join(" ")),
        }
        in_header &= !out.last().is_some_and(|p| is_prose(p));
    }
    out
}

/// Markdown inline syntax that a reader should not see: `**bold**`, `[text](url)`, `# `.
fn strip_markdown(b: &str) -> (String, bool) {
    let heading = b.starts_with('#');
    let s = b.trim_start_matches('#').trim();
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // the text between marks is copied a run at a time (every paragraph of a Markdown file
    // passes here)
    let mut i = 0;
    // where the next `](` and the `)` after it are: found again only once passed, so that a
    // paragraph of many unmatched `[` stays linear
    let mut link: Option<Option<(usize, usize)>> = None;
    while let Some(k) = memchr::memchr3(b'*', b'_', b'[', &bytes[i..]) {
        let at = i + k;
        out.push_str(&s[i..at]);
        let rest = &s[at..];
        if rest.starts_with("**") || rest.starts_with("__") {
            i = at + 2;
            continue;
        }
        if bytes[at] == b'[' {
            if link.is_some_and(|l| l.is_some_and(|(close, _)| close < at)) {
                link = None;
            }
            let next = *link.get_or_insert_with(|| {
                let close = at + memchr::memmem::find(&bytes[at..], b"](")?;
                let paren = close + memchr::memchr(b')', &bytes[close..])?;
                Some((close, paren))
            });
            if let Some((close, paren)) = next {
                out.push_str(&s[at + 1..close]);
                i = paren + 1;
                link = None;
                continue;
            }
        }
        out.push(char::from(bytes[at]));
        i = at + 1;
    }
    out.push_str(&s[i..]);
    (out, heading)
}

/// Prose: a real paragraph rather than a header line.
fn is_prose(b: &str) -> bool {
    let ends_a_sentence = b.trim_end().ends_with(['.', '!', '?', '"', '”']);
    // a lead-in to a list or a quotation ends with a colon
    let ends_a_clause = ends_a_sentence || b.trim_end().ends_with(':');
    let (mut n, mut lower_words) = (0, 0);
    for w in b.split_whitespace() {
        n += 1;
        lower_words += usize::from(w.chars().next().is_some_and(char::is_lowercase));
        // a long paragraph is known for prose after its first words; a headline can be as
        // long, but does not end as a sentence does
        if lower_words >= 4 && (n >= 30 || (n >= 15 && ends_a_clause)) {
            return true;
        }
    }
    n >= 5 && ends_a_sentence && lower_words >= 2
}

pub fn parse(text: &str, markdown: bool) -> Draft {
    let text = normalise(text);
    let (meta, body) = front_matter(&text);
    let mut d = Draft::default();
    for (k, v) in &meta {
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "title" | "headline" => d.title = Some(v.clone()),
            "date" | "published" | "pubdate" => d.date = find_date(v).map(|x| x.2),
            "author" | "byline" => d.author = Some(v.clone()),
            "source" | "outlet" | "publisher" | "site" => d.source = Some(v.clone()),
            "id" => d.id = Some(v.clone()),
            "url" | "link" | "canonical" => d.url = crate::corpus::article::is_web_address(v).then(|| v.clone()),
            _ => {}
        }
    }
    let mut paras: Vec<String> = Vec::new();
    let mut md_title = None;
    for b in blocks(body) {
        if markdown {
            let (s, heading) = strip_markdown(&b);
            if heading && md_title.is_none() && paras.is_empty() && d.title.is_none() {
                md_title = Some(s);
                continue;
            }
            paras.push(s);
        } else {
            paras.push(b);
        }
    }
    if d.title.is_none() {
        d.title = md_title;
    }
    let opens_prose = |b: &String| {
        (is_prose(b) && leading_date(b).is_none_or(|(_, off)| is_prose(&b[off..])))
            || leading_date(b).is_some_and(|(_, off)| is_prose(&b[off..]))
    };
    let n = paras.iter().position(opens_prose).unwrap_or(paras.len());
    let header: Vec<String> = paras.drain(..n).collect();
    read_header(header, &mut paras, &mut d);
    read_trailer(&mut paras, &mut d);
    if let Some(first) = paras.first_mut()
        && let Some((date, off)) = leading_date(first)
    {
        d.date.get_or_insert(date);
        *first = first[off..].to_string();
    }
    let first_prose = paras.first().cloned().unwrap_or_default();
    let mut title_from = first_prose.as_str();
    if let Some((place, off)) = dateline(&first_prose) {
        d.dateline = Some(place);
        title_from = &first_prose[off..];
    }
    if d.title.is_none() {
        d.title = Some(first_sentence(title_from));
    }
    paras.retain(|p| !p.trim().is_empty());
    d.paragraphs = paras;
    d
}

/// The first sentence, without its closing full stop, as a title.
pub fn first_sentence(p: &str) -> String {
    let s = sentence_spans(p).first().map_or(p, |(a, b)| &p[*a..*b]).trim();
    s.trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks as `str::split("\n\n")` gives them: what the memmem version must match.
    fn blocks_by_split(body: &str) -> Vec<String> {
        let has_blank = body.trim().contains("\n\n") || body.trim().lines().any(|l| l.trim().is_empty());
        if !has_blank {
            return body.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        }
        let mut in_header = true;
        let mut out: Vec<String> = Vec::new();
        for b in body.split("\n\n") {
            let lines: Vec<&str> = b.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            if lines.len() > 1
                && (lines.iter().all(|l| word_count(l) <= 14 && !l.ends_with('.'))
                    || (in_header && lines.iter().any(|l| is_header_line(l))))
            {
                out.extend(lines.into_iter().map(str::to_string));
            } else if !lines.is_empty() {
                out.push(lines.join(" "));
            }
            in_header &= !out.last().is_some_and(|p| is_prose(p));
        }
        out
    }

    #[test]
    fn blocks_split_at_blank_lines_as_str_split_does() {
        let parts = ["\n", "\n\n", "\n\n\n", "  \n", "Harbour works resume.", "Ferry fares rise", "By A. Writer", "x"];
        let mut n = 0u32;
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        let body = format!("{a}{b}{c}{d}");
                        assert_eq!(blocks(&body), blocks_by_split(&body), "{body:?}");
                        n += 1;
                    }
                }
            }
        }
        assert_eq!(n, 4096);
        let long = "The council met on Tuesday.\nIt voted twice.\n\nLater lines\nshort ones\n\n\nEnd.";
        assert_eq!(blocks(long), ["The council met on Tuesday. It voted twice.", "Later lines", "short ones", "End."]);
    }

    #[test]
    fn messy_page_header_and_trailer() {
        let text = "x\nWorld Sport Health\n\nFlood Waters Rise Across the Delta Region\n\nFlood Waters Rise Across the Delta Region\nSource: Agency/Photographer\n  • PublishedMarch 2, 2023\n\nHeavy rain pushed the river over its banks on Thursday, forcing thousands of families from their homes across the delta.\n\nOfficials said more rain was expected.\n\nWritten By\nAna Lima\n";
        let d = parse(text, false);
        assert_eq!(d.title.as_deref(), Some("Flood Waters Rise Across the Delta Region"));
        assert_eq!(d.date.unwrap().iso(), "2023-03-02");
        assert_eq!(d.author.as_deref(), Some("Ana Lima"));
        assert_eq!(d.paragraphs.len(), 2);
        assert!(d.paragraphs[0].starts_with("Heavy rain"));
    }

    /// A header block whose lines are long (a caption of many words) is still a header's
    /// lines; a wrapped paragraph after it is joined.
    #[test]
    fn header_lines_in_one_block_and_a_wrapped_paragraph() {
        let text = "Floods close the valley road as the river rises for the third day running this week\nTHE VALLEY ECHO | Region | Tuesday 4 March 2025\nBy ANNA FIELD in Greystone\n[Image: Water covers the road near the old mill on Tuesday morning. Photograph: Tom Ash for the Echo]\n\nThe river burst its banks on Monday night,\nforcing the closure of the valley road and\nthe evacuation of twelve homes, officials said.\n\nMore rain is forecast.\n";
        let d = parse(text, false);
        assert_eq!(
            d.title.as_deref(),
            Some("Floods close the valley road as the river rises for the third day running this week")
        );
        assert_eq!(d.date.map(|x| x.iso()).as_deref(), Some("2025-03-04"));
        assert_eq!(d.author.as_deref(), Some("Anna Field"));
        assert_eq!(d.source.as_deref(), Some("The Valley Echo"));
        assert_eq!(
            d.paragraphs[0],
            "The river burst its banks on Monday night, forcing the closure of the valley road and the evacuation of twelve homes, officials said."
        );
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn headline_line_and_date_line_without_blank_lines() {
        let text = "Council Approves New Bridge Budget\nCity | May 4, 2022, Wednesday // 10:30| views\nThe city council approved the budget for the new bridge on Tuesday after a long debate among members.\nConstruction starts next year.\nBack";
        let d = parse(text, false);
        assert_eq!(d.title.as_deref(), Some("Council Approves New Bridge Budget"));
        assert_eq!(d.date.unwrap().iso(), "2022-05-04");
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn title_from_first_sentence_without_dateline() {
        let text = "LIMA: Peru's Congress on Friday passed a law on mining taxes. It was a close vote among the members.\nThe law takes effect in June.";
        let d = parse(text, false);
        assert_eq!(d.title.as_deref(), Some("Peru's Congress on Friday passed a law on mining taxes"));
        assert_eq!(d.dateline.as_deref(), Some("LIMA"));
        assert!(d.paragraphs[0].starts_with("LIMA:"));
    }

    #[test]
    fn glued_date_prefix_is_removed_from_the_body() {
        let text = " date 2021-06-30 The dam was finished after six years of work by thousands of builders.\n\nIt opened on Monday.";
        let d = parse(text, false);
        assert_eq!(d.date.unwrap().iso(), "2021-06-30");
        assert!(d.paragraphs[0].starts_with("The dam"));
        assert!(d.title.unwrap().starts_with("The dam was finished"));
    }

    #[test]
    fn markdown_marks_are_stripped_and_lone_marks_kept() {
        let strip = |b: &str| strip_markdown(b).0;
        assert_eq!(
            strip("The **harbour** board met __twice__ in [Lisbon](https://x.example/a)."),
            "The harbour board met twice in Lisbon."
        );
        assert_eq!(strip("a * b _ c [d] e (f) 5*3 snake_case"), "a * b _ c [d] e (f) 5*3 snake_case");
        assert_eq!(strip("## Café ‘quotes’ [open](x) tail [no close"), "Café ‘quotes’ open tail [no close");
        assert!(strip_markdown("# Heading").1);
        assert_eq!(strip("***"), "*");
    }

    #[test]
    fn markdown_front_matter_and_heading() {
        let text = "---\ntitle: Harbour Reopens\ndate: 2020-02-03\nauthor: Lee Park\nsource: Port News\n---\n# Ignored Heading\n\nThe **harbour** reopened, said [the port](http://example.com) authority.\n";
        let d = parse(text, true);
        assert_eq!(d.title.as_deref(), Some("Harbour Reopens"));
        assert_eq!(d.source.as_deref(), Some("Port News"));
        assert_eq!(d.paragraphs, vec!["The harbour reopened, said the port authority."]);
    }

    #[test]
    fn crlf_and_bom_and_typography_kept() {
        let d = parse(
            "\u{feff}A Headline Here\r\n\r\n“Quoted” text — with dashes, café and more words to make it a paragraph of prose.\r\n",
            false,
        );
        assert_eq!(d.title.as_deref(), Some("A Headline Here"));
        assert!(d.paragraphs[0].contains("“Quoted” text — with dashes, café"));
    }
}
