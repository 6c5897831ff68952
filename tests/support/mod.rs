//! What the reader's tests share: the app over the bundled corpus at a size, keys pressed
//! through the keymap, the screen drawn, the style of a drawn text.
#![allow(dead_code, reason = "each test file uses a part of it")]
#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test helper that fails is the test failing"
)]

use diptych::analysis::{Options, analyse};
use diptych::config::Config;
use diptych::corpus::bundled;
use diptych::session::Session;
use diptych::tui::action::{Action, Command};
use diptych::tui::app::App;
use diptych::tui::digest::Analysed;
use diptych::tui::{action_for, app_for, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub(crate) fn app(w: u16, h: u16) -> App {
    app_with(Config::default(), w, h)
}

/// The same with a config (its `[keys]`, its theme).
pub(crate) fn app_with(config: Config, w: u16, h: u16) -> App {
    let session = Session::new(config, bundled::corpus());
    let (mut app, _) = app_for(&session, w, h);
    let a = analyse(&session.corpus, &Options::default());
    app.update(Action::Analysed(Analysed::new(&session.corpus, a)));
    app
}

pub(crate) fn keys(app: &mut App, cmds: &[Command]) {
    for c in cmds {
        app.update(Action::Command(*c));
    }
}

/// Presses keys as a user would, through the keymap: each character is a key; `<Enter>`,
/// `<Esc>`, `<Tab>`, `<Down>`, `<Up>`, `<PgDn>` and `<C-x>` (Ctrl and a letter) name others.
pub(crate) fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, mods, len) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let (code, mods) = match name {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                "Up" => (KeyCode::Up, KeyModifiers::NONE),
                "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                n if n.starts_with("C-") => (KeyCode::Char(n.chars().nth(2).expect("a letter")), KeyModifiers::CONTROL),
                other => panic!("unknown key <{other}>"),
            };
            (code, mods, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        if let Some(a) = action_for(app, Event::Key(KeyEvent::new(code, mods))) {
            app.update(a);
        }
        rest = &rest[len..];
    }
}

/// The style of the first cell of the first place `text` is drawn.
pub(crate) fn style_of(app: &App, text: &str) -> ratatui::style::Style {
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).expect("terminal");
    t.draw(|f| draw::draw(f, app)).expect("draw");
    let buf = t.backend().buffer().clone();
    let (w, h) = (buf.area.width, buf.area.height);
    let first = text.chars().next().expect("text");
    for y in 0..h {
        let row: String = (0..w).map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' ')).collect();
        if let Some(at) = row.find(text) {
            let x = row[..at].chars().count() as u16;
            assert_eq!(buf[(x, y)].symbol().chars().next(), Some(first));
            return buf[(x, y)].style();
        }
    }
    panic!("{text:?} is not on screen");
}

pub(crate) fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Input(c));
    }
}

pub(crate) fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).expect("terminal");
    t.draw(|f| draw::draw(f, app)).expect("draw");
    t.backend().to_string()
}

pub(crate) fn open_id(app: &mut App, prefix: &str) {
    let row = app.list.rows.iter().position(|&i| app.corpus.articles[i].id.starts_with(prefix)).expect("article");
    app.list.selected = row;
    keys(app, &[Command::Open]);
}

pub(crate) fn split_with_conflict(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    let r = |a: &App, p: &str| a.list.rows.iter().position(|&i| a.corpus.articles[i].id.starts_with(p)).unwrap();
    a.list.selected = r(&a, "002");
    keys(&mut a, &[Command::Mark]);
    a.list.selected = r(&a, "004");
    keys(&mut a, &[Command::Mark, Command::Compare, Command::NextConflict]);
    a
}
