//! The speakers view and the quotes of one speaker.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::chrome::title_bar;
use crate::text::width::truncate;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub(super) fn speakers(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let n = app.speakers.rows.len();
    let filter =
        if app.speakers.query.is_empty() { String::new() } else { format!(" · filter: {}", app.speakers.query) };
    f.render_widget(title_bar(format!("{}{filter}", crate::text::width::count(n, "speaker", None))), top);
    let h = usize::from(rows.height);
    let offset = app.speakers.sel.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if app.analysis.is_none() {
        lines.push(Line::styled("  analysing…", app.theme.dim));
    }
    let shown = app.speakers.rows.iter().filter_map(|&i| app.speakers.all.get(i));
    for (i, (name, q, a)) in shown.enumerate().skip(offset).take(h) {
        let mut line = Line::from(vec![
            Span::raw("  "),
            // an organisation that speaks is drawn as one
            Span::styled(
                format!("{:<32}", truncate(name, 32)),
                app.kinds.get(name).map_or(app.theme.person, |k| app.theme.kind(*k)),
            ),
            Span::raw(format!(
                "{q:>4} quote{}  {a:>3} article{}",
                if *q == 1 { " " } else { "s" },
                if *a == 1 { "" } else { "s" }
            )),
        ]);
        if i == app.speakers.sel {
            line = line.style(app.theme.selection);
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), rows);
}

pub(super) fn speaker_quotes(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let name = app.selected_speaker().map(|s| s.0.clone()).unwrap_or_default();
    let list = app.speaker_list();
    let filter = if app.speakers.quote_query.is_empty() {
        String::new()
    } else {
        format!(" · filter: {}", app.speakers.quote_query)
    };
    f.render_widget(
        title_bar(format!("{} of {name}{filter}", crate::text::width::count(list.len(), "quote", None))),
        top,
    );
    let Some(an) = &app.analysis else { return };
    // two lines a quote: the words, then where they stand (title, source, date)
    let h = usize::from(rows.height) / 2;
    let w = usize::from(rows.width);
    let offset = app.speakers.quote_sel.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (i, (ai, qi)) in list.iter().enumerate().skip(offset).take(h.max(1)) {
        let a = &app.corpus.articles[*ai];
        let Some(q) = an.articles.get(*ai).and_then(|x| x.quotes.get(*qi)) else { continue };
        // the source and date always show; the title takes the room left
        let meta: String = a.provenance().iter().map(|m| format!(" · {m}")).collect();
        let title = truncate(&a.title, w.saturating_sub(meta.width() + 9).max(8));
        let mut quote = Line::from(vec![
            Span::raw("  "),
            Span::styled(truncate(&format!("“{}”", q.text), w.saturating_sub(3)), app.theme.quote),
        ]);
        let mut place = Line::styled(truncate(&format!("      “{title}”{meta}"), w), app.theme.header);
        if i == app.speakers.quote_sel {
            quote = quote.style(app.theme.selection);
            place = place.style(app.theme.selection);
        }
        lines.push(quote);
        lines.push(place);
    }
    if list.is_empty() {
        lines.push(Line::styled("  no quote matches the filter", app.theme.dim));
    }
    f.render_widget(Paragraph::new(lines), rows);
}
