//! The reader: an article list, a reading view, a side-by-side comparison and the speakers,
//! all by keyboard. `App` holds the state, `update` changes it, `draw` shows it.

pub mod action;
pub mod app;
pub mod digest;
pub mod draw;
pub mod filter;
pub mod keymap;
pub mod pane;
pub mod theme;
pub mod view;

use crate::config::Config;
use crate::corpus::Corpus;
use crate::corpus::load::Stream;
use crate::session::{Analyser, Session, analysis_options};
use crate::warning::Warning;
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
pub fn app_for(session: &Session, width: u16, height: u16) -> (App, Vec<Warning>) {
    let (mut app, warnings) = app_with(Arc::new(session.corpus.clone()), &session.config, width, height);
    app.background.fingerprint = session.fingerprint;
    app.background.file_warnings = session.file_warnings.clone();
    app.warnings.all = session.warnings.iter().chain(&warnings).cloned().collect();
    (app, warnings)
}

/// The same over a corpus already shared: the reader takes the session's own (a copy of a
/// large corpus would delay the first frame).
fn app_with(corpus: Arc<Corpus>, config: &Config, width: u16, height: u16) -> (App, Vec<Warning>) {
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
            let command = app.keymap.lookup(app.view, &k);
            // the force-quit key works in prompts too
            if command == Some(Command::ForceQuit) {
                return Some(Action::Command(Command::ForceQuit));
            }
            if app.prompt != app::Prompt::None && !app.help {
                return match k.code {
                    KeyCode::Enter => Some(Action::Submit),
                    KeyCode::Backspace => Some(Action::Backspace),
                    KeyCode::Char('h') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Backspace),
                    KeyCode::Char('w') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::DeleteWord),
                    KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::ClearInput),
                    // other control keys type nothing
                    KeyCode::Char(_) if k.modifiers.contains(KeyModifiers::CONTROL) => None,
                    KeyCode::Esc => Some(Action::Command(Command::Back)),
                    KeyCode::Left => Some(Action::CursorLeft),
                    KeyCode::Right => Some(Action::CursorRight),
                    KeyCode::Char(c) => Some(Action::Input(c)),
                    _ => None,
                };
            }
            command.map(Action::Command)
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

/// Runs the reader until the user quits. The terminal is restored on quit, on error, on a
/// panic nothing contains, and on SIGTERM, SIGHUP and SIGINT; a terminal that goes away
/// ends the reader.
pub fn run(session: Session, stream: Option<Stream>) -> std::io::Result<()> {
    let signalled = Arc::new(std::sync::atomic::AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, signalled.clone())?;
    }
    let mut terminal = ratatui::try_init()?;
    // ratatui's hook restores the terminal on any panic, also one that an article's analysis
    // trips and that is contained: this one only for the others
    crate::contain::install_hook(|info| {
        restore_terminal();
        eprintln!("error: internal error: {}", crate::contain::describe(info));
    });
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, session, stream, &signalled);
    restore_terminal();
    result
}

fn restore_terminal() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    session: Session,
    stream: Option<Stream>,
    signalled: &std::sync::atomic::AtomicBool,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    let use_cache = session.use_cache;
    let config = &session.config;
    let (mut app, warnings) = app_with(Arc::new(session.corpus), config, size.width, size.height);
    app.background.fingerprint = session.fingerprint;
    app.background.file_warnings = session.file_warnings;
    app.warnings.all = session.warnings.into_iter().chain(warnings.iter().cloned()).collect();
    if let Some(w) = warnings.first() {
        app.status = w.text();
    }
    let (tx, rx) = mpsc::channel::<Action>();
    // Reading and analysing run on threads of their own: on rayon's global threads, the
    // filter's work for a key press would wait behind theirs.
    let background = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("diptych-background-{i}"))
            .start_handler(|_| lower_priority())
            .build()
            .map_err(std::io::Error::other)?,
    );
    // the first articles are there at once; the rest are read in the background
    if let Some(stream) = stream {
        app.background.reading = Some((stream.done(), stream.total()));
        let tx = tx.clone();
        let pool = background.clone();
        std::thread::spawn(move || pool.install(|| read_rest(stream, &tx)));
    }
    let opts = analysis_options(config);
    let mut analysing = false;
    loop {
        // the analysis starts once every article is read
        if !analysing && app.background.reading.is_none() {
            analysing = true;
            let corpus = app.corpus.clone();
            let tx = tx.clone();
            // the files' fingerprint and warnings once all are read: the cache entry's key
            let analyser = Analyser::new(
                opts.clone(),
                use_cache.then(|| (app.background.fingerprint, app.background.file_warnings.clone())),
            );
            let pool = background.clone();
            std::thread::spawn(move || pool.install(|| analyse_in_background(&corpus, &analyser, &tx)));
        }
        terminal.draw(|f| draw::draw(f, &app))?;
        if app.quit || signalled.load(std::sync::atomic::Ordering::Relaxed) || !terminal_present() {
            return Ok(());
        }
        if event::poll(Duration::from_millis(50))? {
            let ev = event::read()?;
            // a key is drawn before anything the background sent meanwhile is taken in
            if let Some(a) = action_for(&app, ev) {
                if let Some(effect) = app.update(a) {
                    let outcome = carry_out(terminal, effect)?;
                    app.update(Action::EffectDone(outcome));
                }
                continue;
            }
        }
        for a in coalesce(rx.try_iter()) {
            app.update(a);
        }
        app.update(Action::Tick);
    }
}

/// Carries out what `update` asked for; the message says how it went. The pager gets the
/// terminal and gives it back restored to the reader's mode.
fn carry_out(terminal: &mut ratatui::DefaultTerminal, effect: action::Effect) -> std::io::Result<String> {
    use std::process::{Command as Process, Stdio};
    Ok(match effect {
        action::Effect::Write { path, text } => match std::fs::write(&path, text) {
            Ok(()) => format!("comparison written to {path}"),
            Err(e) => format!("could not write {path}: {e}"),
        },
        action::Effect::Page(path) => {
            let pager = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "less".into());
            let mut words = pager.split_whitespace();
            let program = words.next().unwrap_or("less").to_string();
            restore_terminal();
            let status = Process::new(&program).args(words).arg(&path).status();
            // the same terminal taken back (a new one, or `clear`, would ask where the cursor
            // is, which a terminal need not answer)
            ratatui::crossterm::terminal::enable_raw_mode()?;
            execute!(std::io::stdout(), ratatui::crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
            terminal.hide_cursor()?;
            // a blank frame over the last one: the next draws every cell again
            terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
            match status {
                Ok(_) => format!("back from {program}"),
                Err(e) => format!("could not run {program}: {e}"),
            }
        }
        action::Effect::Browse(url) => {
            let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
            let spawned =
                Process::new(opener).arg(&url).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
            match spawned {
                Ok(mut child) => {
                    // reaped when the opener is done, so that no zombie is left meanwhile
                    std::thread::spawn(move || child.wait());
                    format!("opened {url}")
                }
                Err(e) => format!("could not run {opener}: {e}"),
            }
        }
    })
}

/// The background's messages with consecutive batches of articles joined into one, so that
/// the list (and a filter typed meanwhile) is brought up to date once, not once a batch.
fn coalesce(actions: impl Iterator<Item = Action>) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for a in actions {
        match (out.last_mut(), a) {
            (Some(Action::Loaded(into, done, total)), Action::Loaded(more, d, t)) => {
                let more = *more;
                into.corpus.articles.extend(more.corpus.articles);
                into.warnings.extend(more.warnings);
                into.fingerprint = more.fingerprint;
                (*done, *total) = (d, t);
            }
            (_, a) => out.push(a),
        }
    }
    out
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

/// Files a background batch reads: small enough that the list keeps up, large enough that
/// batches cost little.
const READ_BATCH: usize = 2_000;

/// The analysis, by the session's cache policy; a new cache entry is written before the
/// reader gets it.
fn analyse_in_background(corpus: &Corpus, analyser: &Analyser, tx: &mpsc::Sender<Action>) {
    let last = std::sync::atomic::AtomicUsize::new(0);
    let progress = |d: usize, t: usize| {
        // at most a hundred progress messages
        let step = (t / 100).max(1);
        if d / step != last.swap(d / step, std::sync::atomic::Ordering::Relaxed) {
            let _ = tx.send(Action::Progress(d, t));
        }
    };
    let (a, unsaved) = analyser.analyse(std::borrow::Cow::Borrowed(corpus), &progress);
    if let Some(u) = unsaved {
        u.save(&a);
    }
    let _ = tx.send(Action::Analysed(digest::Analysed::new(corpus, a)));
}

/// Whether the terminal is still there: a closed one (its window gone without a hangup)
/// would leave the loop polling forever.
fn terminal_present() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: isatty only reads its integer argument
        unsafe { libc::isatty(0) == 1 && libc::isatty(1) == 1 }
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Background threads yield the processor to the one that draws: a key is answered first.
fn lower_priority() {
    // On Linux each thread has its own nice value; `0` names the calling thread.
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its integer arguments; a failure leaves the priority as it was.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Loaded, bundled};

    /// Consecutive batches of articles become one; other messages keep their place.
    #[test]
    fn batches_waiting_together_are_taken_in_once() {
        let all = bundled::corpus().articles;
        let batch = |from: usize, to: usize, fp: u8| {
            let corpus = Corpus { articles: all[from..to].to_vec() };
            Action::Loaded(
                Box::new(Loaded {
                    corpus,
                    warnings: vec![Warning::new(format!("w{from}"))],
                    fingerprint: crate::corpus::Fingerprint::of(&[fp]),
                }),
                to,
                5,
            )
        };
        let out = coalesce(
            vec![
                batch(0, 1, 1),
                batch(1, 3, 2),
                Action::Progress(1, 2),
                batch(3, 5, 3),
                Action::LoadFinished(Vec::new()),
            ]
            .into_iter(),
        );
        assert_eq!(out.len(), 4, "{out:?}");
        let Action::Loaded(first, done, total) = &out[0] else { panic!("{:?}", out[0]) };
        assert_eq!(
            (first.corpus.articles.len(), *done, *total, first.fingerprint),
            (3, 3, 5, crate::corpus::Fingerprint::of(&[2]))
        );
        assert_eq!(first.warnings, [Warning::new("w0"), Warning::new("w1")]);
        assert!(matches!(out[1], Action::Progress(1, 2)));
        assert!(matches!(&out[2], Action::Loaded(b, 5, 5) if b.corpus.articles.len() == 2));
        assert!(matches!(out[3], Action::LoadFinished(_)));
    }
}
