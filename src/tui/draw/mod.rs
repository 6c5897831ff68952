//! Drawing: reads the state, never changes it (after television's `draw.rs`); one file a view.

mod chrome;
mod conflicts;
mod list;
mod reader;
mod speakers;
mod split;
mod warnings;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, View};
use crate::text::width::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::Paragraph;
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
        View::List => list::list(f, app, body),
        View::Reader => reader::reader(f, app, body),
        View::Conflicts => conflicts::conflicts(f, app, body),
        View::Split => split::split(f, app, body),
        View::Speakers => speakers::speakers(f, app, body),
        View::SpeakerQuotes => speakers::speaker_quotes(f, app, body),
        View::Warnings => warnings::warnings(f, app, body),
    }
    chrome::status_line(f, app, status);
    chrome::hint_bar(f, app, hints);
    if app.help {
        chrome::help(f, app, area);
    }
}
