//! The conflicts view: every conflict of the corpus grouped by what is measured, two lines
//! a conflict (the values, kind and claimants; then both articles' title, source and date).

use crate::compare::ConflictKind;
use crate::corpus::Article;
use crate::text::width::{count, truncate};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `“Title” · Source · 2024-05-01`, cut to `w` columns.
fn article_label(a: Option<&Article>, w: usize) -> String {
    let Some(a) = a else { return String::new() };
    let meta = a.provenance();
    let meta = if meta.is_empty() { String::new() } else { format!(" · {}", meta.join(" · ")) };
    let title = truncate(&a.title, w.saturating_sub(meta.chars().count() + 2).max(8));
    truncate(&format!("“{title}”{meta}"), w)
}

pub(super) fn conflicts(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let l = &app.conflict_list;
    let filter = if l.query.is_empty() { String::new() } else { format!(" · filter: {}", l.query) };
    let of = if l.rows.len() == l.all.len() { String::new() } else { format!(" of {}", l.all.len()) };
    f.render_widget(super::chrome::title_bar(format!("{}{of}{filter}", count(l.rows.len(), "conflict", None))), top);
    let w = usize::from(rows.width);
    let h = usize::from(rows.height);
    // where each row's lines start (a group's heading before its first row): only the rows
    // in view are drawn, however many conflicts the corpus has
    let mut starts: Vec<(usize, bool)> = Vec::with_capacity(l.rows.len());
    let mut at = 0;
    let mut last_measure: Option<&str> = None;
    for &ci in &l.rows {
        let measure = l.all.get(ci).map(|c| c.conflict.measure.as_str());
        let heading = last_measure != measure;
        last_measure = measure;
        at += usize::from(heading);
        starts.push((at, heading));
        at += 2;
    }
    let selected_line = starts.get(l.sel).map_or(0, |s| s.0);
    let offset = (selected_line + 2).saturating_sub(h);
    let mut lines: Vec<Line> = Vec::new();
    for (ri, (&ci, &(start, heading))) in l.rows.iter().zip(&starts).enumerate() {
        if start + 2 <= offset {
            continue;
        }
        if start > offset + h {
            break;
        }
        let Some(c) = l.all.get(ci) else { continue };
        let x = &c.conflict;
        if heading {
            lines.push(Line::styled(
                truncate(&format!(" {}", x.measure), w),
                app.theme.header.add_modifier(Modifier::BOLD),
            ));
        }
        lines.extend(row(app, c, w, ri == l.sel));
    }
    if app.analysis.is_none() {
        lines.push(Line::styled("  analysing…", app.theme.dim));
    } else if l.rows.is_empty() {
        let what = if l.all.is_empty() {
            "  no conflicting figures in the corpus"
        } else {
            "  no conflict matches the filter"
        };
        lines.push(Line::styled(what, app.theme.dim));
    }
    // the first row drawn may start above the view (its heading, or its first line)
    let first = starts.iter().find(|s| s.0 + 2 > offset).map_or(0, |s| s.0 - usize::from(s.1));
    let shown: Vec<Line> = lines.into_iter().skip(offset.saturating_sub(first)).take(h).collect();
    f.render_widget(Paragraph::new(shown), rows);
}

/// A conflict's two lines: values, kind and claimants; then both articles.
fn row(app: &App, c: &crate::tui::digest::CorpusConflict, w: usize, selected: bool) -> [Line<'static>; 2] {
    let x = &c.conflict;
    let who = |f: &crate::analysis::Figure| f.claimed_by.as_deref().unwrap_or("unattributed").to_string();
    let kind = match x.kind {
        ConflictKind::Contradiction => "contradiction",
        ConflictKind::Update => "update",
    };
    let values = format!("{} vs {}", x.a.text, x.b.text);
    let rest = format!("  {kind} · {} vs {}", who(&x.a), who(&x.b));
    let mut first = Line::from(vec![
        Span::raw("   "),
        Span::styled(truncate(&values, w.saturating_sub(4)), app.theme.conflict),
        Span::raw(truncate(&rest, w.saturating_sub(values.chars().count() + 4))),
    ]);
    let half = w.saturating_sub(9) / 2;
    let [a, b] = c.articles.map(|i| app.corpus.articles.get(i));
    let where_ = if c.articles[0] == c.articles[1] {
        format!("     {} · inside one report", article_label(a, w.saturating_sub(25)))
    } else {
        format!("     {} ⇄ {}", article_label(a, half), article_label(b, half))
    };
    let mut second = Line::styled(truncate(&where_, w), app.theme.header);
    if selected {
        first = first.style(app.theme.selection);
        second = second.style(app.theme.selection);
    }
    [first, second]
}
