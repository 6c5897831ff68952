//! The reader: an article list, a reading view, a side-by-side comparison and the speakers,
//! all by keyboard. `App` holds the state, `update` changes it, `draw` shows it.

pub mod action;
pub mod app;
pub mod digest;
pub mod draw;
pub mod keymap;
pub mod pane;
pub mod theme;

use crate::analysis;
use crate::cli::{Session, analysis_options};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::corpus::load::Stream;
use action::{Action, Command};
use app::App;
use keymap::Keymap;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// Builds the app for a session (also used by tests with a fixed size).
pub fn app_for(session: &Session, width: u16, height: u16) -> (App, Vec<String>) {
    let (mut app, warnings) = app_with(Arc::new(session.corpus.clone()), &session.config, width, height);
    app.fingerprint = session.fingerprint;
    app.file_warnings = session.file_warnings.clone();
    (app, warnings)
}

/// The same over a corpus already shared: the reader takes the session's own (a copy of a
/// 100,000-article corpus cost seconds before the first frame).
fn app_with(corpus: Arc<Corpus>, config: &Config, width: u16, height: u16) -> (App, Vec<String>) {
    let (keymap, warnings) = Keymap::with_overrides(&config.keys);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = theme::Theme::from_config(&config.theme, no_color);
    let app = App::new(corpus, keymap, theme, config.reader.sync_scroll, width, height);
    (app, warnings)
}

/// Maps a terminal event to an action; prompts take characters as input.
pub fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
                return Some(Action::Command(Command::Quit));
            }
            if app.prompt != app::Prompt::None && !app.help {
                return match k.code {
                    KeyCode::Enter => Some(Action::Submit),
                    KeyCode::Backspace => Some(Action::Backspace),
                    KeyCode::Esc => Some(Action::Command(Command::Back)),
                    KeyCode::Char(c) => Some(Action::Input(c)),
                    _ => None,
                };
            }
            app.keymap.lookup(app.view, &k).map(Action::Command)
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs the reader until the user quits. The terminal is restored on quit, on error and on
/// panic (ratatui's hook, plus one that releases the mouse).
pub fn run(session: Session, stream: Option<Stream>, use_cache: bool) -> std::io::Result<()> {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        prev(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, session, stream, use_cache);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    session: Session,
    stream: Option<Stream>,
    use_cache: bool,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    let config = &session.config;
    let (mut app, warnings) = app_with(Arc::new(session.corpus), config, size.width, size.height);
    app.fingerprint = session.fingerprint;
    app.file_warnings = session.file_warnings;
    if let Some(w) = warnings.first() {
        app.status = w.trim_start_matches("warning: ").to_string();
    }
    let (tx, rx) = mpsc::channel::<Action>();
    // the first articles are there at once; the rest are read in the background
    if let Some(stream) = stream {
        app.loading = Some((stream.done(), stream.total()));
        let tx = tx.clone();
        std::thread::spawn(move || read_rest(stream, &tx));
    }
    let opts = analysis_options(config);
    let mut analysing = false;
    loop {
        // the analysis starts once every article is read
        if !analysing && app.loading.is_none() {
            analysing = true;
            let corpus = app.corpus.clone();
            let tx = tx.clone();
            let opts = opts.clone();
            let key = use_cache.then(|| (app.fingerprint, app.file_warnings.clone()));
            std::thread::spawn(move || analyse_in_background(&corpus, &opts, key, &tx));
        }
        terminal.draw(|f| draw::draw(f, &app))?;
        if app.quit {
            return Ok(());
        }
        let mut actions: Vec<Action> = Vec::new();
        if event::poll(Duration::from_millis(50))? {
            let ev = event::read()?;
            if let Event::Key(k) = &ev
                && k.code == KeyCode::Char('c')
                && k.modifiers.contains(KeyModifiers::CONTROL)
            {
                return Ok(());
            }
            actions.extend(action_for(&app, ev));
        }
        while let Ok(a) = rx.try_recv() {
            actions.push(a);
        }
        for a in actions {
            app.update(a);
        }
    }
}

/// Reads the files left after the first screenful, a batch at a time, then the final ids.
fn read_rest(mut stream: Stream, tx: &mpsc::Sender<Action>) {
    while let Some(batch) = stream.next_batch(READ_BATCH) {
        if tx.send(Action::Loaded(Box::new(batch), stream.done(), stream.total())).is_err() {
            return; // the reader has quit
        }
    }
    let _ = tx.send(Action::LoadFinished(stream.final_ids()));
}

/// Files a background batch reads: about a tenth of a second's work on two cores.
const READ_BATCH: usize = 2_000;

/// The analysis, from the cache entry for the files' fingerprint `cache_key` when given.
/// (`cache_key`: the fingerprint of the files and the warnings parsing them gave.)
fn analyse_in_background(
    corpus: &Corpus,
    opts: &analysis::Options,
    cache_key: Option<(u64, Vec<String>)>,
    tx: &mpsc::Sender<Action>,
) {
    let last = std::sync::atomic::AtomicUsize::new(0);
    let progress = |d: usize, t: usize| {
        // at most a hundred progress messages
        let step = (t / 100).max(1);
        if d / step != last.swap(d / step, std::sync::atomic::Ordering::Relaxed) {
            let _ = tx.send(Action::Progress(d, t));
        }
    };
    let a = if let Some((fingerprint, warnings)) = cache_key {
        crate::cache::analyse(corpus, fingerprint, &warnings, opts, &progress)
    } else {
        analysis::analyse_with_progress(corpus, opts, &progress)
    };
    let _ = tx.send(Action::Analysed(digest::Analysed::new(corpus, a)));
}
