//! Plain text and Markdown: front matter, paragraphs, and the header/trailer clean-up.

use super::article::Draft;
use super::blocks::{is_prose, paragraphs};
use super::header::{dateline, leading_date, read_header, read_trailer};
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
    if markdown {
        for b in super::markdown::blocks(body) {
            // a heading above all text is the title, when the front matter gives none
            if b.heading && paras.is_empty() && d.title.is_none() {
                d.title = Some(b.text);
                continue;
            }
            paras.push(b.text);
        }
    } else {
        paras = paragraphs(body);
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
    use crate::corpus::header::{is_header_line, word_count};

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
                        assert_eq!(paragraphs(&body), blocks_by_split(&body), "{body:?}");
                        n += 1;
                    }
                }
            }
        }
        assert_eq!(n, 4096);
        let long = "The council met on Tuesday.\nIt voted twice.\n\nLater lines\nshort ones\n\n\nEnd.";
        assert_eq!(
            paragraphs(long),
            ["The council met on Tuesday. It voted twice.", "Later lines", "short ones", "End."]
        );
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
