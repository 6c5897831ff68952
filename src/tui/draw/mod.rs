//! Drawing: reads the state, never changes it (after television's `draw.rs`).
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

mod chrome;
mod conflicts;

use chrome::title_bar;

use super::action::Command;
use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Prompt, Sort, View};
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
        // the notice fits its own size: wrapped, and shortened when even that is too small
        let msg =
            format!("terminal too small ({}×{}): diptych needs {MIN_WIDTH}×{MIN_HEIGHT}", area.width, area.height);
        let rows = usize::from(area.width.max(1)) * usize::from(area.height);
        let msg = if msg.width() <= rows { msg } else { truncate(&format!("{MIN_WIDTH}×{MIN_HEIGHT}"), rows) };
        f.render_widget(Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }), area);
        return;
    }
    let [body, status, hints] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1), Constraint::Length(1)]).areas(area);
    match app.view {
        View::List => list(f, app, body),
        View::Reader => reader(f, app, body),
        View::Conflicts => conflicts::conflicts(f, app, body),
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

fn reader(f: &mut Frame, app: &App, area: Rect) {
    let Some(p) = &app.reader.pane else { return };
    let inner = area.inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 });
    match app.reader_footer() {
        Some(t) => {
            let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            text(f, p, body);
            f.render_widget(Paragraph::new(conflict_line(app, &t, usize::from(footer.width))), footer);
        }
        None => text(f, p, inner),
    }
}

/// A footer line explaining a conflict, behind the conflict mark.
fn conflict_line(app: &App, t: &str, w: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(" ≠ ", app.theme.conflict),
        Span::raw(" "),
        Span::raw(truncate(t, w.saturating_sub(5))),
    ])
}

fn text(f: &mut Frame, p: &Pane, area: Rect) {
    let h = usize::from(area.height);
    let lines: Vec<Line> = p.lines.iter().skip(p.scroll).take(h).cloned().collect();
    f.render_widget(Paragraph::new(lines), area);
}

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

fn list(f: &mut Frame, app: &App, area: Rect) {
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
        // the pane says whose report it is: source (or file) and date, then the id
        let meta: Vec<String> = a.provenance();
        let what = if meta.is_empty() { a.id.clone() } else { format!("{} · {}", meta.join(" · "), a.id) };
        let label =
            format!(" {} {} ", if side == 0 { "◀" } else { "▶" }, truncate(&what, usize::from(half).saturating_sub(8)));
        let block = Block::default().borders(Borders::ALL).border_style(border).title(label);
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        text(f, p, inner);
    }
    let sync = if s.sync { "sync" } else { "no sync" };
    let right = format!("{} shared · {sync} ", s.comparison.shared_entities.len());
    let [l, r] = Layout::horizontal([Constraint::Min(10), Constraint::Length(right.width() as u16)]).areas(footer);
    let line = match app.footer() {
        Some(t) => conflict_line(app, &t, usize::from(l.width)),
        None => Line::styled(" no conflicting figures", app.theme.dim),
    };
    f.render_widget(Paragraph::new(line), l);
    f.render_widget(Paragraph::new(Span::styled(right, app.theme.header)), r);
}

fn speakers(f: &mut Frame, app: &App, area: Rect) {
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

fn warnings(f: &mut Frame, app: &App, area: Rect) {
    let [top, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let n = app.warnings.all.len();
    f.render_widget(title_bar(crate::text::width::count(n, "warning", None)), top);
    let h = usize::from(rows.height);
    let w = usize::from(rows.width).saturating_sub(2);
    let offset = app.warnings.sel.saturating_sub(h.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if n == 0 {
        lines.push(Line::styled("  nothing was skipped or odd", app.theme.dim));
    }
    for (i, warning) in app.warnings.all.iter().enumerate().skip(offset).take(h) {
        let mut line = Line::from(format!("  {}", truncate(&warning.text(), w)));
        if i == app.warnings.sel {
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

fn status_line(f: &mut Frame, app: &App, area: Rect) {
    // the prompt's cursor where it stands (`←` / `→` move it)
    let at = app.input.char_indices().nth(app.cursor).map_or(app.input.len(), |(i, _)| i);
    let typed = format!("{}▏{}", &app.input[..at], &app.input[at..]);
    let left = match app.prompt {
        Prompt::Filter => format!("filter: {typed}"),
        Prompt::Search => format!("search: {typed}"),
        Prompt::None => app.status.clone(),
    };
    let analysing = app.analysis.is_none();
    // where the text is: the view's name and how far down it stands (less's percentage)
    let pane = match app.view {
        View::Reader => app.reader.pane.as_ref(),
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
    let (d, t, what) = match app.background.reading {
        Some((d, t)) => (d, t, "reading"),
        None => (app.background.analysing.0, app.background.analysing.1, "analysing"),
    };
    // warnings are counted where the user looks while reading (`w` in the list shows them),
    // in a place of their own: neither the message nor the gauge squeezes it
    let count = if app.warnings.all.is_empty() { String::new() } else { format!("⚠ {} ", app.warnings.all.len()) };
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

/// The most useful keys of the view, in the keymap's order of importance: the hints that do
/// not fit whole are left out (help's always stays).
fn hint_bar(f: &mut Frame, app: &App, area: Rect) {
    let hints = app.keymap.hints(app.view);
    let width = |k: &str, h: &str| k.width() + h.width() + 5;
    let help = hints.iter().find(|(_, h)| *h == "help").map_or(0, |(k, h)| width(k, h));
    let mut room = usize::from(area.width).saturating_sub(help);
    let mut spans: Vec<Span> = Vec::new();
    for (k, h) in &hints {
        if *h != "help" {
            if width(k, h) > room {
                continue;
            }
            room -= width(k, h);
        }
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
    let room = usize::from(h.saturating_sub(2));
    let more = rows.len() > room;
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(app.help_scroll)
        .take(room)
        .map(|(k, hlp)| {
            Line::from(vec![
                Span::styled(format!(" {k:<kw$} "), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(format!(" {hlp}")),
            ])
        })
        .collect();
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(format!(
            " keys · {}{} · Esc closes ",
            app.view.name(),
            if more {
                let key = |c| app.keymap.key_for(app.view, c);
                format!(" · {}/{} for more", key(Command::Down), key(Command::Up))
            } else {
                String::new()
            }
        ))),
        rect,
    );
}
