//! Saved web pages: metadata from meta tags, paragraphs from the main article content.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use super::article::Draft;
use super::header::{byline, is_debris};
use crate::text::date::find_date;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

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

/// The text of `e` without its chrome, walked without recursion (pages nest elements
/// thousands deep).
fn text_of(e: ElementRef) -> String {
    let mut out = String::new();
    let mut stack: Vec<NodeRef<Node>> = e.children().rev().collect();
    while let Some(n) = stack.pop() {
        if let Some(el) = ElementRef::wrap(n) {
            if !is_chrome(el) {
                stack.extend(n.children().rev());
            }
        } else if let Some(t) = n.value().as_text() {
            out.push_str(t);
        }
    }
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

/// How many candidates for a container (or the headline) are looked at: each is checked
/// against its ancestors, and a page may nest thousands.
const CANDIDATES: usize = 16;

/// The element holding the article: `<article>`, `<main>`, or the one with the most paragraph text.
fn main_content(doc: &Html) -> Option<ElementRef<'_>> {
    let containers = [
        static_sel!("article"),
        static_sel!("[itemprop=articleBody]"),
        static_sel!("main"),
        static_sel!("[role=main]"),
    ];
    for s in containers.into_iter().flatten() {
        if let Some(found) = doc.select(s).take(CANDIDATES).find(|e| !inside_chrome(*e)) {
            return Some(found);
        }
    }
    // each parent's paragraph text, added up in one pass; the first of the largest wins
    let p = static_sel!("p")?;
    let mut order: Vec<(ElementRef, usize)> = Vec::new();
    let mut at: rustc_hash::FxHashMap<ego_tree::NodeId, usize> = rustc_hash::FxHashMap::default();
    for para in doc.select(p) {
        if let Some(parent) = para.parent().and_then(ElementRef::wrap) {
            let len = text_of(para).len();
            let i = *at.entry(parent.id()).or_insert_with(|| {
                order.push((parent, 0));
                order.len() - 1
            });
            if let Some(slot) = order.get_mut(i) {
                slot.1 += len;
            }
        }
    }
    let mut best: Option<(ElementRef, usize)> = None;
    for (e, score) in order {
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((e, score));
        }
    }
    best.map(|(e, _)| e)
}

/// Elements whose text is a paragraph of the article.
const BLOCKS: &[&str] = &["p", "h2", "h3", "blockquote", "li"];

/// The paragraphs under `root`, in one walk: a block's text is its own (a list inside a
/// list item, a quotation inside a quotation, are paragraphs of their own, never counted
/// twice), except that a `<p>` in a `<blockquote>` and a `<li>` in a `<p>` belong to it.
fn blocks_of(root: ElementRef) -> Vec<(String, bool)> {
    // (the block's place in `out`, its text so far); `None` for a block that belongs to the one around it
    let mut open: Vec<Option<(usize, String)>> = Vec::new();
    let mut out: Vec<Option<(String, bool)>> = Vec::new();
    let (mut chrome, mut in_p, mut in_quote) = (0usize, 0usize, 0usize);
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if let Some(el) = ElementRef::wrap(n) {
                    if chrome > 0 || is_chrome(el) {
                        chrome += 1;
                        continue;
                    }
                    let name = el.value().name();
                    if BLOCKS.contains(&name) {
                        let belongs = (name == "p" && in_quote > 0) || (name == "li" && in_p > 0);
                        if belongs {
                            open.push(None);
                        } else {
                            out.push(None);
                            open.push(Some((out.len() - 1, String::new())));
                        }
                    }
                    in_p += usize::from(name == "p");
                    in_quote += usize::from(name == "blockquote");
                } else if chrome == 0
                    && let Some(t) = n.value().as_text()
                    && let Some((_, buf)) = open.iter_mut().rev().flatten().next()
                {
                    buf.push_str(t);
                }
            }
            Edge::Close(n) => {
                let Some(el) = ElementRef::wrap(n) else { continue };
                if chrome > 0 {
                    chrome -= 1;
                    continue;
                }
                let name = el.value().name();
                in_p -= usize::from(name == "p").min(in_p);
                in_quote -= usize::from(name == "blockquote").min(in_quote);
                if BLOCKS.contains(&name)
                    && let Some(Some((slot, text))) = open.pop()
                    && let Some(s) = out.get_mut(slot)
                {
                    *s = Some((collapse_space(&text), name == "li"));
                }
            }
        }
    }
    out.into_iter().flatten().collect()
}

/// The most elements a page may nest before the parser sees it: the HTML parser checks the
/// open elements for every tag, so a page nested 100,000 deep takes minutes. Tags nested
/// deeper are dropped (their text is kept), but for paragraphs.
const MAX_DEPTH: usize = 512;

/// Elements without an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// `text` with tags nested deeper than `MAX_DEPTH` removed; borrowed when nothing is that deep.
fn flatten_deep(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // byte ranges of the tags to drop
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + k;
        let rest = &bytes[at..];
        let end_of = |from: usize| memchr::memchr(b'>', &bytes[from..]).map_or(bytes.len(), |e| from + e + 1);
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&bytes[at..], b"-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = end_of(at);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            i = at + 1;
            continue;
        }
        let name = text[name_start..name_start + name_len].to_ascii_lowercase();
        let end = end_of(name_start);
        let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
        if matches!(name.as_str(), "script" | "style") && !closing {
            // their content is not markup: skip to the end tag
            let close = format!("</{name}");
            i = memchr::memmem::find(&text.as_bytes()[end..].to_ascii_lowercase(), close.as_bytes())
                .map_or(bytes.len(), |e| end + e);
            continue;
        }
        // a paragraph cannot hold another (it closes the one open): kept at any depth
        if !VOID.contains(&name.as_str()) && !self_closing && name != "p" {
            if closing {
                if depth > MAX_DEPTH {
                    drop.push((at, end));
                }
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > MAX_DEPTH {
                    drop.push((at, end));
                }
            }
        }
        i = end;
    }
    if drop.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (a, b) in drop {
        out.push_str(&text[from..a]);
        from = b;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
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
    let doc = Html::parse_document(&flatten_deep(text));
    let mut d = Draft::default();
    let metas = Metas::new(&doc);
    let h1 = static_sel!("h1")
        .and_then(|s| doc.select(s).take(CANDIDATES).find(|e| !inside_chrome(*e)).map(text_of))
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
    d.updated = metas
        .get(&["article:modified_time", "dateModified", "og:updated_time", "last-modified"])
        .and_then(|v| find_date(&v).map(|x| x.2))
        .filter(|u| d.date.is_some_and(|p| *u != p));
    d.author = metas
        .get(&["author", "article:author", "byl", "dc.creator", "parsely-author"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| {
            static_sel!("[rel=author], [itemprop=author], .byline, .author").and_then(|s| {
                doc.select(s).take(CANDIDATES).map(text_of).find_map(|t| {
                    // the element says it is a byline: `Ana Reyes in Porto` is one
                    let labelled = if t.to_lowercase().starts_with("by ") { t.clone() } else { format!("By {t}") };
                    byline(&labelled)
                        .map(|b| b.0)
                        .or_else(|| (!t.is_empty() && t.split_whitespace().count() <= 4).then_some(t))
                })
            })
        });
    d.source = metas.get(&["og:site_name", "application-name", "publisher"]);
    d.url = metas.get(&["og:url"]).filter(|u| crate::corpus::article::is_web_address(u));
    let Some(root) = main_content(&doc) else {
        return Err("malformed HTML: no article text found".into());
    };
    let mut paras: Vec<String> = Vec::new();
    for (t, li) in blocks_of(root) {
        if t.is_empty() || is_debris(&t) || Some(&t) == d.title.as_ref() || Some(&t) == h1.as_ref() {
            continue;
        }
        if li && t.split_whitespace().count() < 6 {
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
