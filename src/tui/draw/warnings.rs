//! The warnings view.

use super::chrome::title_bar;
use crate::text::width::truncate;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub(super) fn warnings(f: &mut Frame, app: &App, area: Rect) {
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
