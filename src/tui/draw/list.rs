//! The article list: its columns, chosen by width and by what the articles have.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::chrome::title_bar;
use crate::text::width::truncate;
use crate::tui::app::{App, Sort};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// A column of the article list: its heading, width and whether it aligns right.
struct Column {
    head: &'static str,
    width: usize,
    right: bool,
    cell: fn(&crate::corpus::Article, &crate::tui::app::Stats, bool) -> String,
}

/// The list's columns right of the title at width `w`: narrow terminals drop the source and
/// word count first; a column no article has a value for is left out.
fn columns(app: &App, w: usize) -> Vec<Column> {
    let wide = w >= 100;
    let any = |has: fn(&crate::corpus::Article) -> bool| app.corpus.articles.iter().any(has);
    let mut cols = Vec::new();
    if wide && any(|a| a.source.is_some()) {
        cols.push(Column {
            head: "SOURCE",
            width: 13,
            right: false,
            cell: |a, _, _| truncate(a.source.as_deref().unwrap_or("-"), 13),
        });
    }
    if any(|a| a.date.is_some()) {
        cols.push(Column {
            head: "DATE",
            width: 10,
            right: false,
            cell: |a, _, _| a.date.map(|d| d.iso()).unwrap_or_else(|| "-".into()),
        });
    }
    if wide {
        cols.push(Column { head: "WORDS", width: 6, right: true, cell: |a, _, _| a.words().to_string() });
    }
    cols.push(Column {
        head: "PEOPLE",
        width: 6,
        right: true,
        cell: |_, s, done| if done { s.people.to_string() } else { "…".into() },
    });
    cols.push(Column {
        head: "QUOTES",
        width: 6,
        right: true,
        cell: |_, s, done| if done { s.quotes.to_string() } else { "…".into() },
    });
    cols.push(Column {
        head: "CONFLICTS",
        width: 9,
        right: true,
        cell: |_, s, done| if done { s.conflicts.to_string() } else { "…".into() },
    });
    cols
}

fn cell(text: &str, c: &Column) -> String {
    let w = c.width;
    if c.right { format!(" {text:>w$}") } else { format!(" {text:<w$}") }
}

pub(super) fn list(f: &mut Frame, app: &App, area: Rect) {
    let [top, head, rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter =
        if app.list.filter.is_empty() { String::new() } else { format!(" · filter: {}", app.list.filter.query) };
    let sorted = if app.list.sort == Sort::Corpus { String::new() } else { format!(" · by {}", app.list.sort.name()) };
    f.render_widget(
        title_bar({
            let reading = app.background.reading.map_or(String::new(), |(d, t)| format!(" · reading files {d} of {t}"));
            format!("{} of {} articles{filter}{sorted}{reading}", app.list.rows.len(), app.corpus.articles.len())
        }),
        top,
    );
    let w = usize::from(area.width);
    let cols = columns(app, w);
    // the id first, the title takes what the other columns leave
    let idw = if w >= 100 { 12 } else { 8 };
    let fixed = 2 + idw + 1 + cols.iter().map(|c| c.width + 1).sum::<usize>();
    let tw = w.saturating_sub(fixed).max(10);
    let mut header = format!("  {:<idw$} {:<tw$}", "ID", "TITLE");
    for c in &cols {
        header.push_str(&cell(c.head, c));
    }
    f.render_widget(
        Paragraph::new(Span::styled(truncate(&header, w), app.theme.header.add_modifier(Modifier::BOLD))),
        head,
    );
    let h = usize::from(rows.height);
    let offset = app.list.selected.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    let shown = app.list.rows.get(offset..app.list.rows.len().min(offset + h)).unwrap_or_default();
    let hits = app.title_hits(shown);
    let done = app.analysis.is_some();
    for ((ri, ai), hits) in shown.iter().enumerate().map(|(n, a)| (offset + n, a)).zip(&hits) {
        let a = &app.corpus.articles[*ai];
        let st = &app.stats[*ai];
        let marked = app.list.marked.iter().position(|m| m == ai);
        let marker = match marked {
            Some(0) => Span::styled("1 ", app.theme.marked),
            Some(_) => Span::styled("2 ", app.theme.marked),
            None => Span::raw("  "),
        };
        let mut spans = vec![marker, Span::styled(format!("{:<idw$} ", truncate(&a.id, idw)), app.theme.header)];
        let title = truncate(&a.title, tw);
        for (ci, ch) in title.chars().enumerate() {
            let style = if hits.contains(&ci) { app.theme.matched } else { Style::new() };
            spans.push(Span::styled(ch.to_string(), style));
        }
        let mut rest = " ".repeat(tw.saturating_sub(title.width()));
        for c in &cols {
            rest.push_str(&cell(&(c.cell)(a, st, done), c));
        }
        spans.push(Span::raw(rest));
        let mut line = Line::from(spans);
        if ri == app.list.selected {
            line = line.style(app.theme.selection);
        }
        lines.push(line);
    }
    if app.list.rows.is_empty() {
        lines.push(Line::styled("  no article matches the filter", app.theme.dim));
    }
    f.render_widget(Paragraph::new(lines), rows);
}
