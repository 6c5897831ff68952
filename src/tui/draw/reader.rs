//! The reading view: one article's text and the footer that explains its conflicting figures.

use crate::text::width::truncate;
use crate::tui::app::App;
use crate::tui::pane::Pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(super) fn reader(f: &mut Frame, app: &App, area: Rect) {
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
pub(super) fn conflict_line(app: &App, t: &str, w: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(" ≠ ", app.theme.conflict),
        Span::raw(" "),
        Span::raw(truncate(t, w.saturating_sub(5))),
    ])
}

pub(super) fn text(f: &mut Frame, p: &Pane, area: Rect) {
    let h = usize::from(area.height);
    let lines: Vec<Line> = p.lines.iter().skip(p.scroll).take(h).cloned().collect();
    f.render_widget(Paragraph::new(lines), area);
}
