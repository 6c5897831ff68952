//! Hostile and odd input: each shape that once crashed, hung or blew up a run, with inputs of
//! our own. Sizes are chosen so that the linear code finishes in a fraction of a second even
//! unoptimised, while the quadratic code it replaced took minutes: the bound of each test is
//! a hang guard, not a measurement.
#![expect(clippy::expect_used, clippy::indexing_slicing, reason = "a test helper that fails is the test failing")]

use diptych::analysis::{Options, analyse};
use diptych::corpus::{Article, Corpus, parse_document};
use std::time::Duration;

/// Runs `work` on its own thread (with a small stack, as the reader's background threads
/// have) and fails if it takes longer than `secs`.
fn within<T: Send + 'static>(secs: u64, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _ = tx.send(work());
        })
        .expect("thread");
    rx.recv_timeout(Duration::from_secs(secs)).expect("finished in time (or its thread died)")
}

fn paragraphs(ext: &'static str, text: String) -> Vec<String> {
    within(20, move || parse_document(ext, &text).expect("parses").into_iter().flat_map(|d| d.paragraphs).collect())
}

#[test]
fn deeply_nested_spans_do_not_overflow_the_stack() {
    let text = format!(
        "<html><body><article><p>{}The ferry left at noon with forty cars aboard.{}</p></article></body></html>",
        "<span>".repeat(20_000),
        "</span>".repeat(20_000)
    );
    let p = paragraphs("html", text);
    assert!(p.iter().any(|x| x.contains("forty cars")), "{p:?}");
}

#[test]
fn deeply_nested_divs_parse_quickly() {
    let text = format!(
        "<html><body>{}<p>The harbour board met twice this week to discuss the dredging plan.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let p = paragraphs("html", text);
    assert!(p.iter().any(|x| x.contains("dredging plan")), "{p:?}");
}

#[test]
fn many_sibling_paragraphs_outside_an_article() {
    let body: String =
        (0..20_000).map(|i| format!("<p>Reading {i} of the river gauge rose again overnight.</p>")).collect();
    let p = paragraphs("html", format!("<html><body><div>{body}</div></body></html>"));
    assert_eq!(p.len(), 20_000);
}

#[test]
fn nested_list_text_is_counted_once() {
    let depth = 3_000;
    let text = format!(
        "<html><body><article><p>Lead paragraph of the story about the flood defences.</p>{}{}</article></body></html>",
        "<ul><li>one item of the long nested list of works ".repeat(depth),
        "</li></ul>".repeat(depth)
    );
    let input = text.len();
    let p = paragraphs("html", text);
    let total: usize = p.iter().map(String::len).sum();
    assert!(total <= input, "paragraph text {total} bytes from {input} bytes of page");
}

#[test]
fn many_short_lines_load_quickly() {
    let text: String = (0..80_000).map(|i| format!("short line {i}\n")).collect();
    let p = paragraphs("txt", text);
    assert!(p.len() > 70_000);
}

#[test]
fn many_unmatched_brackets_in_markdown() {
    let text = format!("# Notes\n\nThe list of works {} ends here with a full stop.\n", "[open ".repeat(200_000));
    let _ = paragraphs("md", text);
}

#[test]
fn a_long_word_of_wide_characters_is_cut_on_a_character() {
    let word = "é".repeat(40_000);
    let corpus = Corpus {
        articles: vec![Article {
            id: "w".into(),
            title: "t".into(),
            source: None,
            author: None,
            date: None,
            paragraphs: vec![format!("The word {word} was said."), format!("{word}Ü {word}")],
            path: String::new(),
            updated: None,
            dateline: None,
            url: None,
        }],
    };
    let a = within(20, move || analyse(&corpus, &Options::default()));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

/// `n` sentences of the kinds that once made a long paragraph slow: quotations with cues,
/// figures with claimants, names.
fn report_sentences(n: usize) -> Vec<String> {
    let names = ["Ana Lima", "Tomas Berg", "Rui Pinto", "Ines Costa"];
    (0..n)
        .map(|i| {
            let who = names[i % names.len()];
            match i % 4 {
                0 => format!("\"The river rose {} centimetres in an hour,\" {who} said on Monday.", i % 90 + 2),
                1 => format!("About {} people were evacuated from Marlow, according to {who}.", i % 900 + 10),
                2 => format!("'We will rebuild the {} homes,' said the mayor, {who}.", i % 70 + 3),
                _ => format!("The council spent ${} million on repairs in 2021, up {}% from 2020.", i % 50 + 1, i % 40),
            }
        })
        .collect()
}

fn one_article(paragraphs: Vec<String>) -> Corpus {
    Corpus {
        articles: vec![Article {
            id: "long".into(),
            title: "Long report".into(),
            date: diptych::text::date::Date::new(2024, 3, 1),
            paragraphs,
            ..Article::default()
        }],
    }
}

#[test]
fn one_long_paragraph_of_quotes_and_figures_is_linear() {
    // 12,000 sentences: the quadratic lookups this replaced took minutes unoptimised
    let sentences = report_sentences(12_000);
    let joined = sentences.join(" ");
    let (long, split) = within(60, move || {
        let a = analyse(&one_article(vec![joined]), &Options::default());
        let b = analyse(&one_article(sentences), &Options::default());
        (a, b)
    });
    // the same findings either way (a sentence cut at its length cap aside)
    let count = |a: &diptych::analysis::Analysis| (a.articles[0].quotes.len(), a.articles[0].figures.len());
    let ((lq, lf), (sq, sf)) = (count(&long), count(&split));
    assert_eq!(lq, sq, "quotes");
    assert!(lf * 100 >= sf * 99 && lf <= sf + sf / 100, "figures {lf} vs {sf}");
}

#[test]
fn one_sentence_of_thousands_of_figures_is_bounded() {
    let text = (0..20_000).map(|i| format!("{} people", i + 2)).collect::<Vec<_>>().join(", ");
    let a = within(60, move || analyse(&one_article(vec![text]), &Options::default()));
    assert!(a.articles[0].figures.len() >= 19_000, "{}", a.articles[0].figures.len());
}
