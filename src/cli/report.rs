//! Readable text (and Markdown) for the analysis commands.

use super::table::render;
use crate::analysis::{Analysis, Figure, Quote, Value};
use crate::compare::Conflict;
pub(crate) use crate::compare::report::{comparison as compare, header};
use crate::corpus::{Article, Corpus};
use crate::text::width::truncate;
use std::fmt::Write as _;

pub(crate) fn value(v: &Value) -> String {
    match v {
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => format!("{n}"),
        Value::Text(t) => t.clone(),
    }
}

pub(crate) fn list(corpus: &Corpus, width: usize) -> String {
    let rows: Vec<Vec<String>> = corpus
        .articles
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.date.map(|d| d.iso()).unwrap_or_else(|| "-".into()),
                a.source.clone().unwrap_or_else(|| "-".into()),
                a.author.clone().unwrap_or_else(|| "-".into()),
                a.words().to_string(),
                a.title.clone(),
            ]
        })
        .collect();
    let mut s = render(&["ID", "DATE", "SOURCE", "AUTHOR", "WORDS", "TITLE"], &rows, 5, width);
    let _ = writeln!(s, "{} articles", corpus.articles.len());
    s
}

pub(crate) fn show(a: &Article, analysis: &Analysis) -> String {
    let mut s = header(a);
    s.push('\n');
    for (i, p) in a.paragraphs.iter().enumerate() {
        let _ = writeln!(s, "[{i}] {p}\n");
    }
    if let Some(aa) = analysis.article(&a.id) {
        let mut ents: Vec<(String, usize)> = Vec::new();
        for m in &aa.mentions {
            match ents.iter_mut().find(|(n, _)| **n == *m.entity) {
                Some(e) => e.1 += 1,
                None => ents.push((m.entity.to_string(), 1)),
            }
        }
        let _ =
            writeln!(s, "Entities: {}", ents.iter().map(|(n, c)| format!("{n} ×{c}")).collect::<Vec<_>>().join(", "));
        let _ = writeln!(s, "\nQuotes:");
        for q in &aa.quotes {
            let _ = writeln!(s, "  {}", quote_line(q));
        }
        let _ = writeln!(s, "\nFigures:");
        for f in &aa.figures {
            let _ = writeln!(s, "  {}", figure_line(f));
        }
    }
    s
}

pub(crate) fn quote_line(q: &Quote) -> String {
    format!("[{}] {}: “{}”", q.at.paragraph, q.speaker.as_deref().unwrap_or("(unattributed)"), q.text)
}

pub(crate) fn figure_line(f: &Figure) -> String {
    let mut s =
        format!("[{}] {} — {} {}", f.at.paragraph, f.text, format!("{:?}", f.kind).to_lowercase(), value(&f.value));
    if let Some(u) = &f.unit {
        let _ = write!(s, " {u}");
    }
    if let Some(m) = &f.measure {
        let _ = write!(s, " · {m}");
    }
    if f.approx {
        s.push_str(" · approx");
    }
    if let Some(c) = &f.claimed_by {
        let _ = write!(s, " · claimed by {c}");
    }
    s
}

pub(crate) fn entities(analysis: &Analysis, width: usize) -> String {
    let rows: Vec<Vec<String>> = analysis
        .entities
        .iter()
        .map(|e| {
            vec![
                e.name.clone(),
                e.kind.as_str().into(),
                e.articles.len().to_string(),
                e.mentions.len().to_string(),
                e.aliases.join(", "),
            ]
        })
        .collect();
    let mut s = render(&["NAME", "KIND", "ARTICLES", "MENTIONS", "ALIASES"], &rows, 4, width);
    let _ = writeln!(s, "{} entities", analysis.entities.len());
    s
}

pub(crate) fn quotes(quotes: &[&Quote], width: usize) -> String {
    let mut s = String::new();
    let mut last = "";
    for q in quotes {
        if *q.at.article != *last {
            let _ = writeln!(s, "\n{}", q.at.article);
            last = &q.at.article;
        }
        let _ = writeln!(s, "  {}", truncate(&quote_line(q), width.saturating_sub(2).max(20) * 3));
    }
    let _ = writeln!(s, "\n{} quotes", quotes.len());
    s
}

pub(crate) fn figures(analysis: &Analysis, width: usize) -> String {
    let rows: Vec<Vec<String>> = analysis
        .articles
        .iter()
        .flat_map(|a| a.figures.iter())
        .map(|f| {
            vec![
                f.at.article.to_string(),
                f.text.to_string(),
                format!("{:?}", f.kind).to_lowercase(),
                value(&f.value),
                f.unit.as_deref().unwrap_or_default().to_string(),
                f.measure.as_deref().unwrap_or_default().to_string(),
                f.claimed_by.as_deref().unwrap_or_default().to_string(),
            ]
        })
        .collect();
    let n = rows.len();
    let mut s = render(&["ARTICLE", "TEXT", "KIND", "VALUE", "UNIT", "MEASURE", "CLAIMED BY"], &rows, 0, width);
    let _ = writeln!(s, "{n} figures");
    s
}

fn place(f: &Figure) -> String {
    format!("{} ¶{}", f.at.article, f.at.paragraph)
}

pub(crate) fn conflicts(list: &[Conflict]) -> String {
    let mut s = String::new();
    let mut last = "";
    for c in list {
        if c.measure != last {
            let _ = writeln!(s, "\n{}", c.measure);
            last = &c.measure;
        }
        let _ = writeln!(s, "  {}\n    {} vs {}", c.reason, place(&c.a), place(&c.b));
    }
    let _ = writeln!(s, "\n{}", crate::text::width::count(list.len(), "conflict", None));
    s
}
