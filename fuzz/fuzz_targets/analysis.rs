//! The analysis on arbitrary text: no panic, and every span lies on character boundaries
//! and equals its text.
#![no_main]

use diptych::analysis::{Options, analyse};
use diptych::corpus::{Article, Corpus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let corpus = Corpus {
        articles: vec![Article {
            id: "fuzz".into(),
            title: "fuzz".into(),
            source: None,
            author: None,
            date: diptych::text::date::Date::new(2024, 5, 1),
            updated: None,
            paragraphs: paragraphs.clone(),
            path: String::new(),
            dateline: None,
        }],
    };
    let a = analyse(&corpus, &Options::default());
    // a contained panic is a warning: here it is a finding
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    for art in &a.articles {
        for m in &art.mentions {
            assert_eq!(paragraphs[m.paragraph as usize].get(m.start as usize..m.end as usize), Some(&*m.text));
        }
        for q in &art.quotes {
            assert_eq!(paragraphs[q.paragraph].get(q.start..q.end), Some(q.text.as_str()));
        }
        for f in &art.figures {
            let p = &paragraphs[f.paragraph as usize];
            assert_eq!(p.get(f.start as usize..f.end as usize), Some(&*f.text));
        }
    }
});
