//! The bar at the top of each list view.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The program's name, then what the view shows.
pub(super) fn title_bar(text: String) -> Paragraph<'static> {
    Paragraph::new(Line::from(vec![
        Span::styled(" diptych ", Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        Span::raw(" "),
        Span::raw(text),
    ]))
}
