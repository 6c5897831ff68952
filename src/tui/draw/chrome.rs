//! What every view has: the title bar of the lists, the status line, the key hints and the help.

use crate::text::width::truncate;
use crate::tui::action::Command;
use crate::tui::app::{App, Prompt, View};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Gauge, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The program's name, then what the view shows.
pub(super) fn title_bar(text: String) -> Paragraph<'static> {
    Paragraph::new(Line::from(vec![
        Span::styled(" diptych ", Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        Span::raw(" "),
        Span::raw(text),
    ]))
}

pub(super) fn status_line(f: &mut Frame, app: &App, area: Rect) {
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
pub(super) fn hint_bar(f: &mut Frame, app: &App, area: Rect) {
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

pub(super) fn help(f: &mut Frame, app: &App, area: Rect) {
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
