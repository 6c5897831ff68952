//! A comparison as text or Markdown, with the evidence of each conflict: both sentences,
//! claimants and sources. Shared by `compare --markdown` and the reader's export.

use super::{Comparison, Conflict, ConflictKind};
use crate::analysis::Figure;
use crate::corpus::Article;
use std::fmt::Write as _;

/// An article's title, then its source, author and date, then its id and length.
pub fn header(a: &Article) -> String {
    let mut s = format!("{}\n", a.title);
    let meta: Vec<String> = [a.source.clone(), a.author.as_ref().map(|x| format!("by {x}")), a.date.map(|d| d.iso())]
        .into_iter()
        .flatten()
        .collect();
    if !meta.is_empty() {
        let _ = writeln!(s, "{}", meta.join(" · "));
    }
    let _ = writeln!(s, "{} · {} words", a.id, a.words());
    s
}

/// The comparison of `left` and `right`, as text or as a Markdown note.
pub fn comparison(c: &Comparison, left: &Article, right: &Article, markdown: bool) -> String {
    let mut s = String::new();
    // in a Markdown note, what the reports say is text, never markup
    let t = |x: &str| if markdown { crate::text::safe::markdown(x) } else { x.to_string() };
    let h = |s: &mut String, t: &str| {
        if markdown {
            let _ = writeln!(s, "\n## {t}\n");
        } else {
            let _ = writeln!(s, "\n{t}\n{}", "─".repeat(t.chars().count()));
        }
    };
    if markdown {
        let _ = writeln!(s, "# Comparison: {} / {}\n", t(&left.title), t(&right.title));
        for (side, a) in [("Left", left), ("Right", right)] {
            let meta: Vec<String> = [a.source.as_deref().map(t), a.author.as_deref().map(t), a.date.map(|d| d.iso())]
                .into_iter()
                .flatten()
                .collect();
            let _ = writeln!(
                s,
                "- **{side}** {}: {}{}",
                t(&a.id),
                t(&a.title),
                if meta.is_empty() { String::new() } else { format!(" ({})", meta.join(", ")) }
            );
        }
    } else {
        let _ = writeln!(s, "LEFT   {}", header(left).trim_end().replace('\n', "\n       "));
        let _ = writeln!(s, "RIGHT  {}", header(right).trim_end().replace('\n', "\n       "));
    }
    h(&mut s, &format!("Shared entities ({})", c.shared_entities.len()));
    for e in &c.shared_entities {
        let _ = writeln!(
            s,
            "{}{} ({}) — {} left, {} right",
            if markdown { "- " } else { "  " },
            t(&e.name),
            e.kind.as_str(),
            e.left,
            e.right
        );
    }
    let bullet = if markdown { "- " } else { "  " };
    let _ = writeln!(
        s,
        "\n{bullet}only left: {}",
        if c.only_left.is_empty() { "-".into() } else { t(&c.only_left.join(", ")) }
    );
    let _ = writeln!(
        s,
        "{bullet}only right: {}",
        if c.only_right.is_empty() { "-".into() } else { t(&c.only_right.join(", ")) }
    );
    h(&mut s, &format!("Conflicting figures ({})", c.conflicts.len()));
    if c.conflicts.is_empty() {
        let _ = writeln!(s, "{bullet}none found");
    }
    for x in &c.conflicts {
        let _ = writeln!(s, "{bullet}{}  [{} vs {}]", t(&x.reason), t(&place(&x.a)), t(&place(&x.b)));
        evidence(&mut s, x, [left, right], markdown);
    }
    h(&mut s, &format!("Shared quotes ({})", c.shared_quotes.len()));
    for q in &c.shared_quotes {
        let tag = if q.exact { "exact".to_string() } else { format!("variant {:.2}", q.similarity) };
        let who = q.speaker.as_deref().unwrap_or("(unattributed)");
        if markdown {
            let (who, l, r) = (t(who), t(&q.left.text), t(&q.right.text));
            let _ = writeln!(s, "- **{who}** ({tag})\n  - left: “{l}”\n  - right: “{r}”");
        } else {
            let _ = writeln!(s, "  {who} ({tag})\n    left:  “{}”\n    right: “{}”", q.left.text, q.right.text);
        }
    }
    let aligned = c.alignment.iter().filter(|a| a.right_paragraph.is_some()).count();
    let _ = writeln!(s, "\n{bullet}{aligned} of {} left paragraphs have a counterpart on the right", c.alignment.len());
    s
}

/// Where each figure of a conflict stands, who claims it, its report's source and date, and
/// its sentence: what a reader checks a conflict by.
fn evidence(s: &mut String, x: &Conflict, reports: [&Article; 2], markdown: bool) {
    let t = |x: &str| if markdown { crate::text::safe::markdown(x) } else { x.to_string() };
    let kind = match x.kind {
        ConflictKind::Contradiction => "contradiction",
        ConflictKind::Update => "update",
    };
    let (bullet, quote_indent) = if markdown { ("  - ", "    ") } else { ("    ", "      ") };
    let _ = writeln!(s, "{bullet}{kind}");
    for (f, sentence) in [(&x.a, &x.a_sentence), (&x.b, &x.b_sentence)] {
        let side = if *f.at.article == *reports[0].id { "left" } else { "right" };
        let report = reports.iter().find(|r| *r.id == *f.at.article);
        let meta: Vec<String> = [
            Some(format!("{side} ¶{}", f.at.paragraph)),
            Some(f.text.to_string()),
            report.and_then(|r| r.source.clone()),
            report.and_then(|r| r.date.map(|d| d.iso())),
            f.claimed_by.as_deref().map(|c| format!("claimed by {c}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let _ = writeln!(s, "{bullet}{}", t(&meta.join(" · ")));
        if let Some(sentence) = sentence {
            let _ = writeln!(s, "{quote_indent}“{}”", t(sentence));
        }
    }
}

fn place(f: &Figure) -> String {
    format!("{} ¶{}", f.at.article, f.at.paragraph)
}
