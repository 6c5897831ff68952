//! Saved web pages: metadata from meta tags, paragraphs from the main article content.

use super::article::Draft;
use super::header::{byline, is_debris};
use crate::text::date::find_date;
use scraper::{ElementRef, Html, Selector};

/// Elements whose text is page chrome, never article prose.
const CHROME: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "figure",
    "figcaption",
    "button",
    "iframe",
    "svg",
    "template",
];
const CHROME_HINTS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "sidebar",
    "advert",
    "promo",
    "share",
    "social",
    "related",
    "newsletter",
    "cookie",
    "banner",
    "subscribe",
    "comment",
];

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// A selector parsed once for the whole run: a page is parsed thousands of times in a corpus.
macro_rules! static_sel {
    ($s:expr) => {{
        static SEL: std::sync::LazyLock<Option<Selector>> = std::sync::LazyLock::new(|| sel($s));
        SEL.as_ref()
    }};
}

/// The page's `<meta>` tags as (attribute, key, content), read in one pass.
struct Metas<'a>(Vec<(usize, &'a str, &'a str)>);

const META_ATTRS: [&str; 3] = ["property", "name", "itemprop"];

impl<'a> Metas<'a> {
    fn new(doc: &'a Html) -> Self {
        let mut v = Vec::new();
        if let Some(s) = static_sel!("meta[content]") {
            for e in doc.select(s) {
                let el = e.value();
                let Some(content) = el.attr("content") else { continue };
                for (ai, attr) in META_ATTRS.iter().enumerate() {
                    if let Some(k) = el.attr(attr) {
                        v.push((ai, k, content));
                    }
                }
            }
        }
        Metas(v)
    }

    /// The first non-empty content of the keys in order of preference, each key tried as a
    /// `property`, then a `name`, then an `itemprop`.
    fn get(&self, keys: &[&str]) -> Option<String> {
        for k in keys {
            for ai in 0..META_ATTRS.len() {
                let found = self.0.iter().find(|(a, key, _)| *a == ai && key == k).map(|(_, _, c)| c.trim());
                if let Some(v) = found.filter(|v| !v.is_empty()) {
                    return Some(v.to_string());
                }
            }
        }
        None
    }
}

fn text_of(e: ElementRef) -> String {
    let mut out = String::new();
    collect_text(e, &mut out);
    collapse_space(&out)
}

/// Runs of white space as one space, none at the ends.
fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // white space beyond ASCII starts with one of these bytes; without them, a byte scan
    // finds the words (splitting by `char` was the largest part of reading a page's text)
    if !s.bytes().any(|b| matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3)) {
        let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        let bytes = s.as_bytes();
        let mut at = 0;
        while let Some(k) = bytes[at..].iter().position(|b| !space(b)) {
            let start = at + k;
            let end = bytes[start..].iter().position(space).map_or(bytes.len(), |k| start + k);
            if !out.is_empty() {
                out.push(' ');
            }
            // ends at ASCII bytes: whole characters
            out.push_str(&s[start..end]);
            at = end;
        }
        return out;
    }
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn collect_text(e: ElementRef, out: &mut String) {
    for child in e.children() {
        if let Some(el) = ElementRef::wrap(child) {
            if is_chrome(el) {
                continue;
            }
            collect_text(el, out);
        } else if let Some(t) = child.value().as_text() {
            out.push_str(t);
        }
    }
}

fn is_chrome(e: ElementRef) -> bool {
    let v = e.value();
    if CHROME.contains(&v.name()) {
        return true;
    }
    let hinted = |marks: &str| {
        marks.split(|c: char| !c.is_alphanumeric()).any(|w| {
            CHROME_HINTS
                .iter()
                .any(|h| w.len() >= h.len() && w.as_bytes()[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
        })
    };
    // one pass over the attributes: `attr(name)` interns its argument on every call
    v.attrs().any(|(name, value)| match name {
        "class" | "id" => hinted(value),
        "role" => matches!(value, "navigation" | "banner" | "contentinfo" | "complementary"),
        "aria-hidden" => value == "true",
        _ => false,
    })
}

fn inside_chrome(e: ElementRef) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(is_chrome)
}

/// The element holding the article: `<article>`, `<main>`, or the one with the most paragraph text.
fn main_content(doc: &Html) -> Option<ElementRef<'_>> {
    let containers = [
        static_sel!("article"),
        static_sel!("[itemprop=articleBody]"),
        static_sel!("main"),
        static_sel!("[role=main]"),
    ];
    for s in containers.into_iter().flatten() {
        if let Some(found) = doc.select(s).find(|e| !inside_chrome(*e)) {
            return Some(found);
        }
    }
    let p = static_sel!("p")?;
    let mut best: Option<(ElementRef, usize)> = None;
    for para in doc.select(p) {
        if let Some(parent) = para.parent().and_then(ElementRef::wrap) {
            let score: usize = parent.select(p).map(|x| text_of(x).len()).sum();
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((parent, score));
            }
        }
    }
    best.map(|(e, _)| e)
}

/// How far into a file to look for the tags that make it HTML.
const HEAD_BYTES: usize = 8192;

pub fn parse(text: &str) -> Result<Draft, String> {
    // tags are ASCII: the head's bytes in ASCII lower case are enough to find them
    let head = text.as_bytes()[..text.len().min(HEAD_BYTES)].to_ascii_lowercase();
    let has = |tag: &[u8]| head.windows(tag.len()).any(|w| w == tag);
    if !head.contains(&b'<')
        || !["<html", "<body", "<p", "<!doctype", "<article", "<head"].iter().any(|t| has(t.as_bytes()))
    {
        return Err("malformed HTML: no HTML elements found".into());
    }
    let doc = Html::parse_document(text);
    let mut d = Draft::default();
    let metas = Metas::new(&doc);
    let h1 = static_sel!("h1")
        .and_then(|s| doc.select(s).find(|e| !inside_chrome(*e)).map(text_of))
        .filter(|t| !t.is_empty());
    let title_tag = static_sel!("title").and_then(|s| doc.select(s).next().map(text_of)).filter(|t| !t.is_empty());
    d.title = metas.get(&["og:title", "twitter:title"]).or(h1.clone()).or(title_tag);
    let time_attr = static_sel!("time[datetime]")
        .and_then(|s| doc.select(s).find_map(|e| e.value().attr("datetime").map(str::to_string)));
    d.date = metas
        .get(&[
            "article:published_time",
            "datePublished",
            "pubdate",
            "date",
            "dc.date",
            "DC.date.issued",
            "publish-date",
        ])
        .or(time_attr)
        .and_then(|v| find_date(&v).map(|x| x.2));
    d.author = metas
        .get(&["author", "article:author", "byl", "dc.creator", "parsely-author"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| {
            static_sel!("[rel=author], [itemprop=author], .byline, .author").and_then(|s| {
                doc.select(s).map(text_of).find_map(|t| {
                    byline(&t)
                        .map(|b| b.0)
                        .or_else(|| (!t.is_empty() && t.split_whitespace().count() <= 4).then_some(t))
                })
            })
        });
    d.source = metas.get(&["og:site_name", "application-name", "publisher"]);
    let Some(root) = main_content(&doc) else {
        return Err("malformed HTML: no article text found".into());
    };
    let blocks = static_sel!("p, h2, h3, blockquote, li").ok_or("selector")?;
    let mut paras: Vec<String> = Vec::new();
    for e in root.select(blocks) {
        if inside_chrome(e)
            || (e.value().name() == "li" && e.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "p"))
        {
            continue;
        }
        // a <p> inside a <blockquote> is taken with the blockquote
        if e.value().name() == "p"
            && e.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "blockquote")
        {
            continue;
        }
        let t = text_of(e);
        if t.is_empty() || is_debris(&t) || Some(&t) == d.title.as_ref() || Some(&t) == h1.as_ref() {
            continue;
        }
        if e.value().name() == "li" && t.split_whitespace().count() < 6 {
            continue;
        }
        paras.push(t);
    }
    if paras.is_empty() {
        return Err("malformed HTML: no article text found".into());
    }
    d.paragraphs = paras;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_as_split_whitespace_does() {
        for s in [
            "",
            "  ",
            "one",
            " two\t\twords \n",
            "a\u{0b}b\u{0c}c\rd",
            "caf\u{e9} cr\u{e8}me  br\u{fb}l\u{e9}e",
            "no\u{a0}break\u{2009}thin\u{3000}wide",
            "\u{201c}Quoted,\u{201d} she said.",
            "\u{1c}\u{1f} unit separators",
        ] {
            assert_eq!(collapse_space(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }

    const PAGE: &str = r#"<!doctype html><html><head><title>Site | Fallback</title>
<meta property="og:title" content="Bridge Opens After Decade of Work">
<meta property="article:published_time" content="2021-09-14T08:00:00Z">
<meta name="author" content="Lena Park"><meta property="og:site_name" content="River Times">
<script>var x = "not text";</script></head><body>
<nav><a href="/">Home</a> <a>World</a></nav>
<article><h1>Bridge Opens After Decade of Work</h1>
<p>The new bridge opened on Monday, ten years after work began.</p>
<div class="share-buttons"><p>Share this on social media</p></div>
<p>“It is a great day,” the mayor said.</p>
<figure><figcaption>Photo: Jo Smith</figcaption></figure>
</article><footer><p>Copyright River Times</p></footer></body></html>"#;

    #[test]
    fn metadata_and_main_text() {
        let d = parse(PAGE).unwrap();
        assert_eq!(d.title.as_deref(), Some("Bridge Opens After Decade of Work"));
        assert_eq!(d.date.unwrap().iso(), "2021-09-14");
        assert_eq!(d.author.as_deref(), Some("Lena Park"));
        assert_eq!(d.source.as_deref(), Some("River Times"));
        assert_eq!(
            d.paragraphs,
            vec![
                "The new bridge opened on Monday, ten years after work began.",
                "“It is a great day,” the mayor said."
            ]
        );
    }

    #[test]
    fn title_and_time_fallbacks() {
        let d = parse("<html><body><h1>Heat Wave</h1><time datetime=\"2020-07-01\">1 July</time><div><p>Temperatures rose to 41 degrees across the region.</p></div></body></html>").unwrap();
        assert_eq!(d.title.as_deref(), Some("Heat Wave"));
        assert_eq!(d.date.unwrap().iso(), "2020-07-01");
    }

    #[test]
    fn not_html_is_an_error() {
        assert!(parse("just some words, no markup").is_err());
        assert!(parse("<html><body><nav>menu</nav></body></html>").is_err());
    }
}
