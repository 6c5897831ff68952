//! Drawing: reads the state, never changes it (after television's `draw.rs`).
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Prompt, View};
use super::pane::Pane;
use crate::text::width::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg =
            format!("terminal too small ({}×{}): diptych needs {MIN_WIDTH}×{MIN_HEIGHT}", area.width, area.height);
        f.render_widget(Paragraph::new(truncate(&msg, usize::from(area.width))), area);
        return;
    }
    let [body, status, hints] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
    match app.view {
        View::List => list(f, app, body),
        View::Reader => {
            if let Some(p) = &app.reader {
                text(f, p, body.inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 }));
            }
        }
        View::Split => split(f, app, body),
        View::Speakers => speakers(f, app, body),
        View::SpeakerQuotes => speaker_quotes(f, app, body),
        View::Warnings => warnings(f, app, body),
    }
    status_line(f, app, status);
    hint_bar(f, app, hints);
    if app.help {
        help(f, app, area);
    }
}

fn text(f: &mut Frame, p: &Pane, area: Rect) {
    let h = usize::from(area.height);
    let lines: Vec<Line> = p.lines.iter().skip(p.scroll).take(h).cloned().collect();
    f.render_widget(Paragraph::new(lines), area);
}

fn title_bar(app: &App, text: String) -> Paragraph<'static> {
    let _ = app;
    Paragraph::new(Line::from(vec![
        Span::styled(" diptych ", Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        Span::raw(" "),
        Span::raw(text),
    ]))
}

fn list(f: &mut Frame, app: &App, area: Rect) {
    let [top, head, rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter = if app.filter.is_empty() { String::new() } else { format!(" · filter: {}", app.filter.query) };
    f.render_widget(
        title_bar(app, {
            let reading = app.loading.map_or(String::new(), |(d, t)| format!(" · reading files {d} of {t}"));
            format!("{} of {} articles{filter}{reading}", app.rows.len(), app.corpus.articles.len())
        }),
        top,
    );
    let w = usize::from(area.width);
    // fixed columns on the right; the title takes what is left; narrow terminals drop the
    // source and word count first
    let wide = w >= 100;
    let fixed = 2 + 11 + 7 + 7 + 10 + if wide { 14 + 6 } else { 0 };
    let tw = w.saturating_sub(fixed).max(10);
    let header = if wide {
        format!(
            "  {:<tw$} {:<13} {:<10} {:>5} {:>6} {:>6} {:>9}",
            "TITLE", "SOURCE", "DATE", "WORDS", "PEOPLE", "QUOTES", "CONFLICTS"
        )
    } else {
        format!("  {:<tw$} {:<10} {:>6} {:>6} {:>9}", "TITLE", "DATE", "PEOPLE", "QUOTES", "CONFLICTS")
    };
    f.render_widget(
        Paragraph::new(Span::styled(truncate(&header, w), app.theme.header.add_modifier(Modifier::BOLD))),
        head,
    );
    let h = usize::from(rows.height);
    let offset = app.selected.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    let shown = app.rows.get(offset..app.rows.len().min(offset + h)).unwrap_or_default();
    let hits = app.title_hits(shown);
    for ((ri, ai), hits) in shown.iter().enumerate().map(|(n, a)| (offset + n, a)).zip(&hits) {
        let a = &app.corpus.articles[*ai];
        let st = &app.stats[*ai];
        let marked = app.marked.iter().position(|m| m == ai);
        let marker = match marked {
            Some(0) => Span::styled("1 ", app.theme.marked),
            Some(_) => Span::styled("2 ", app.theme.marked),
            None => Span::raw("  "),
        };
        let mut spans = vec![marker];
        let title = truncate(&a.title, tw);
        for (ci, ch) in title.chars().enumerate() {
            let style = if hits.contains(&ci) { app.theme.matched } else { Style::new() };
            spans.push(Span::styled(ch.to_string(), style));
        }
        let pad = tw.saturating_sub(title.width());
        let counts = if app.analysis.is_some() {
            format!("{:>6} {:>6} {:>9}", st.people, st.quotes, st.conflicts)
        } else {
            format!("{:>6} {:>6} {:>9}", "…", "…", "…")
        };
        let date = a.date.map(|d| d.iso()).unwrap_or_else(|| "-".into());
        spans.push(Span::raw(if wide {
            format!(
                "{} {:<13} {date:<10} {:>5} {counts}",
                " ".repeat(pad),
                truncate(a.source.as_deref().unwrap_or("-"), 13),
                a.words()
            )
        } else {
            format!("{} {date:<10} {counts}", " ".repeat(pad))
        }));
        let mut line = Line::from(spans);
        if ri == app.selected {
            line = line.style(app.theme.selection);
        }
        lines.push(line);
    }
    if app.rows.is_empty() {
        lines.push(Line::styled("  no article matches the filter", app.theme.dim));
    }
    f.render_widget(Paragraph::new(lines), rows);
}

fn split(f: &mut Frame, app: &App, area: Rect) {
    let Some(s) = &app.split else { return };
    let [panes, footer] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    // equal, stable widths: both halves the same, any odd column left empty
    let half = panes.width / 2;
    let rects = [Rect { width: half, ..panes }, Rect { x: panes.x + half, width: half, ..panes }];
    for (side, (p, rect)) in s.panes.iter().zip(rects).enumerate() {
        let a = &app.corpus.articles[p.article];
        let focused = side == s.focus;
        let border = if focused { Style::new().add_modifier(Modifier::BOLD) } else { app.theme.dim };
        let label =
            format!(" {} {} ", if side == 0 { "◀" } else { "▶" }, truncate(&a.id, usize::from(half).saturating_sub(8)));
        let block = Block::default().borders(Borders::ALL).border_style(border).title(label);
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        text(f, p, inner);
    }
    let sync = if s.sync { "sync" } else { "no sync" };
    let right = format!("{} shared · {sync} ", s.comparison.shared_entities.len());
    let [l, r] = Layout::horizontal([Constraint::Min(10), Constraint::Length(right.width() as u16)]).areas(footer);
    let room = usize::from(l.width).saturating_sub(5);
    let line = match app.footer() {
        Some(t) => {
            Line::from(vec![Span::styled(" ≠ ", app.theme.conflict), Span::raw(" "), Span::raw(truncate(&t, room))])
        }
        None => Line::styled(" no conflicting figures", app.theme.dim),
    };
    f.render_widget(Paragraph::new(line), l);
    f.render_widget(Paragraph::new(Span::styled(right, app.theme.header)), r);
}

fn speakers(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let n = app.speaker_rows.len();
    let filter =
        if app.speaker_query.is_empty() { String::new() } else { format!(" · filter: {}", app.speaker_query) };
    f.render_widget(title_bar(app, format!("{}{filter}", crate::text::width::count(n, "speaker", None))), top);
    let h = usize::from(rows.height);
    let offset = app.speaker_sel.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if app.analysis.is_none() {
        lines.push(Line::styled("  analysing…", app.theme.dim));
    }
    let shown = app.speaker_rows.iter().filter_map(|&i| app.speakers.get(i));
    for (i, (name, q, a)) in shown.enumerate().skip(offset).take(h) {
        let mut line = Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{:<32}", truncate(name, 32)), app.theme.person),
            Span::raw(format!(
                "{q:>4} quote{}  {a:>3} article{}",
                if *q == 1 { " " } else { "s" },
                if *a == 1 { "" } else { "s" }
            )),
        ]);
        if i == app.speaker_sel {
            line = line.style(app.theme.selection);
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), rows);
}

fn warnings(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let n = app.warnings.len();
    f.render_widget(title_bar(app, crate::text::width::count(n, "warning", None)), top);
    let h = usize::from(rows.height);
    let w = usize::from(rows.width).saturating_sub(2);
    let offset = app.warning_sel.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if n == 0 {
        lines.push(Line::styled("  nothing was skipped or odd", app.theme.dim));
    }
    for (i, text) in app.warnings.iter().enumerate().skip(offset).take(h) {
        let text = text.strip_prefix("warning: ").unwrap_or(text);
        let mut line = Line::from(format!("  {}", truncate(text, w)));
        if i == app.warning_sel {
            line = line.style(app.theme.selection);
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), rows);
}

fn speaker_quotes(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let name = app.selected_speaker().map(|s| s.0.clone()).unwrap_or_default();
    let list = app.speaker_list();
    f.render_widget(title_bar(app, format!("{} quotes of {name}", list.len())), top);
    let Some(an) = &app.analysis else { return };
    let h = usize::from(rows.height);
    let w = usize::from(rows.width);
    let offset = app.speaker_quote_sel.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (i, (ai, qi)) in list.iter().enumerate().skip(offset).take(h) {
        let a = &app.corpus.articles[*ai];
        let q = &an.articles[*ai].quotes[*qi];
        let idw = 24.min(w / 3);
        let mut line = Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{:<idw$} ", truncate(&a.id, idw)), app.theme.header),
            Span::styled(truncate(&format!("“{}”", q.text), w.saturating_sub(idw + 4)), app.theme.quote),
        ]);
        if i == app.speaker_quote_sel {
            line = line.style(app.theme.selection);
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), rows);
}

fn status_line(f: &mut Frame, app: &App, area: Rect) {
    let left = match app.prompt {
        Prompt::Filter => format!("filter: {}▏", app.input),
        Prompt::Search => format!("search: {}▏", app.input),
        Prompt::None => app.status.clone(),
    };
    let analysing = app.analysis.is_none();
    // where the text is: the view's name and how far down it stands (less's percentage)
    let pane = match app.view {
        View::Reader => app.reader.as_ref(),
        View::Split => app.split.as_ref().and_then(|s| s.panes.get(s.focus)),
        _ => None,
    };
    let right = match pane {
        Some(p) => {
            let max = p.max_scroll(app.text_height());
            // as vim tells it: all of it in view, the top, the end, or how far down
            let at = match (max, p.scroll) {
                (0, _) => "all".to_string(),
                (_, 0) => "top".to_string(),
                (m, s) if s >= m => "end".to_string(),
                (m, s) => format!("{}%", s * 100 / m),
            };
            format!("{} {at} ", app.view.name())
        }
        None => format!("{} ", app.view.name()),
    };
    let right_w: u16 = if analysing { 24 } else { u16::try_from(right.chars().count() + 1).unwrap_or(u16::MAX) };
    let (d, t, what) = match app.loading {
        Some((d, t)) => (d, t, "reading"),
        None => (app.progress.0, app.progress.1, "analysing"),
    };
    // warnings are counted where the user looks while reading (`w` in the list shows them),
    // in a place of their own: neither the message nor the gauge squeezes it
    let count = if app.warnings.is_empty() { String::new() } else { format!("⚠ {} ", app.warnings.len()) };
    let count_w = u16::try_from(count.chars().count()).unwrap_or(0);
    let [l, c, r] =
        Layout::horizontal([Constraint::Min(5), Constraint::Length(count_w), Constraint::Length(right_w)]).areas(area);
    f.render_widget(Paragraph::new(Span::styled(count, app.theme.conflict)), c);
    f.render_widget(
        Paragraph::new(Span::raw(format!(" {}", truncate(&left, usize::from(l.width).saturating_sub(1))))),
        l,
    );
    if analysing {
        let ratio = if t == 0 { 0.0 } else { (d as f64 / t as f64).clamp(0.0, 1.0) };
        let g = Gauge::default()
            .ratio(ratio)
            .label(format!("{what} {:.0}%", ratio * 100.0))
            .gauge_style(app.theme.figure.remove_modifier(Modifier::UNDERLINED));
        f.render_widget(g, r);
    } else {
        f.render_widget(Paragraph::new(Span::styled(right, app.theme.header)), r);
    }
}

fn hint_bar(f: &mut Frame, app: &App, area: Rect) {
    let mut spans: Vec<Span> = Vec::new();
    for (k, h) in app.keymap.hints(app.view) {
        spans.push(Span::styled(format!(" {k} "), Style::new().add_modifier(Modifier::REVERSED)));
        spans.push(Span::raw(format!(" {h}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn help(f: &mut Frame, app: &App, area: Rect) {
    let rows = app.keymap.commands(app.view);
    let kw = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(4);
    let hw = rows.iter().map(|(_, h)| h.width()).max().unwrap_or(10);
    let w = ((kw + hw + 6) as u16).min(area.width.saturating_sub(2));
    let h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    };
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, hlp)| {
            Line::from(vec![
                Span::styled(format!(" {k:<kw$} "), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(format!(" {hlp}")),
            ])
        })
        .collect();
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(format!(" keys · {} · Esc closes ", app.view.name()))),
        rect,
    );
}
