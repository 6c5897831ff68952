//! The comparison: two articles side by side.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use super::reader::{conflict_line, text};
use crate::text::width::truncate;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

pub(super) fn split(f: &mut Frame, app: &App, area: Rect) {
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
