//! The reader's state and its one way to change: `App::update(Action)` (the Elm architecture).
//! The state and the updates of each view stand in a file of their own: the article
//! list ([`list`]), the reading view ([`reader`]), the comparison ([`split`]), the speakers
//! ([`speakers`]), reading and analysing in the background ([`loading`]), and the panes'
//! layout ([`layout`]).
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

mod comparing;
mod layout;
mod list;
mod loading;
mod reader;
mod speakers;
mod split;

use super::action::{Action, Command};
use super::filter::Filter;
use super::keymap::Keymap;
use super::pane::Pane;
use super::theme::Theme;
use crate::analysis::{Analysis, Kind};
use crate::corpus::Corpus;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub use super::digest::{Analysed, Stats};
pub use super::view::{Motion, Prompt, View};
pub use split::Split;

pub struct App {
    pub corpus: Arc<Corpus>,
    pub analysis: Option<Arc<Analysis>>,
    /// Files read and files in all while the corpus is still being read.
    pub loading: Option<(usize, usize)>,
    /// What parsing the files said (files skipped or repaired), for the analysis cache.
    pub file_warnings: Vec<String>,
    /// Everything odd to tell the user (the config's, the keys', the files', the analysis's),
    /// for the warnings view.
    pub warnings: Vec<String>,
    pub warning_sel: usize,
    /// The fingerprint of the files read (the analysis cache's key).
    pub fingerprint: crate::corpus::Fingerprint,
    pub progress: (usize, usize),
    pub keymap: Keymap,
    pub theme: Theme,
    pub view: View,
    pub stack: Vec<View>,
    pub help: bool,
    pub prompt: Prompt,
    pub input: String,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    pub status: String,
    /// Clock ticks since the status message was set.
    pub status_age: u32,
    pub sync_default: bool,
    // article list
    pub filter: Filter,
    /// Visible rows: the articles' indices, best match first.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub marked: Vec<usize>,
    pub stats: Vec<Stats>,
    // derived from the analysis
    pub kinds: HashMap<String, Kind>,
    /// speaker → its quotes in corpus order: (article, quote index)
    pub speaker_quotes: BTreeMap<String, Vec<(usize, usize)>>,
    /// speakers by number of quotes: (name, quotes, articles)
    pub speakers: Vec<(String, usize, usize)>,
    /// per article: conflicting figures (paragraph, start, end)
    pub conflict_spans: Vec<Vec<(usize, usize, usize)>>,
    // reader
    pub reader: Option<Pane>,
    pub current_quote: Option<(usize, usize)>,
    /// Places the reader left when `]` / `[` crossed into another article.
    pub jumps: Vec<Jump>,
    pub selected_entity: Option<String>,
    pub search: String,
    pub current_match: Option<usize>,
    // split
    pub split: Option<Split>,
    // speakers
    pub speaker_sel: usize,
    /// What the speakers are filtered by, and the visible ones (indices into `speakers`).
    pub speaker_query: String,
    pub speaker_rows: Vec<usize>,
    pub speaker_quote_sel: usize,
}

/// A place in the reader to go back to: the article, its scroll, the quote shown.
#[derive(Clone, Copy, Debug)]
pub struct Jump {
    pub article: usize,
    pub scroll: usize,
    pub quote: Option<(usize, usize)>,
}

/// Clock ticks a message stays in the status line (the reader ticks every 50 ms).
pub const STATUS_TICKS: u32 = 100;

/// The smallest terminal the views are laid out for.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

impl App {
    pub fn new(corpus: Arc<Corpus>, keymap: Keymap, theme: Theme, sync_default: bool, width: u16, height: u16) -> App {
        let n = corpus.articles.len();
        let mut app = App {
            corpus,
            analysis: None,
            loading: None,
            file_warnings: Vec::new(),
            warnings: Vec::new(),
            warning_sel: 0,
            fingerprint: crate::corpus::Fingerprint::default(),
            progress: (0, n * 2),
            keymap,
            theme,
            view: View::List,
            stack: Vec::new(),
            help: false,
            prompt: Prompt::None,
            input: String::new(),
            width,
            height,
            quit: false,
            status: String::new(),
            status_age: 0,
            sync_default,
            filter: Filter::default(),
            rows: Vec::new(),
            selected: 0,
            marked: Vec::new(),
            stats: vec![Stats::default(); n],
            kinds: HashMap::new(),
            speaker_quotes: BTreeMap::new(),
            speakers: Vec::new(),
            conflict_spans: vec![Vec::new(); n],
            reader: None,
            current_quote: None,
            jumps: Vec::new(),
            selected_entity: None,
            search: String::new(),
            current_match: None,
            split: None,
            speaker_sel: 0,
            speaker_query: String::new(),
            speaker_rows: Vec::new(),
            speaker_quote_sel: 0,
        };
        app.refilter();
        app
    }

    /// Lines of text a pane shows at the current size.
    pub fn text_height(&self) -> usize {
        usize::from(self.height.saturating_sub(if self.view == View::Split { 5 } else { 2 })).max(1)
    }

    fn list_height(&self) -> usize {
        usize::from(self.height.saturating_sub(4)).max(1)
    }

    pub fn reader_width(&self) -> u16 {
        self.width.saturating_sub(2).max(10)
    }

    pub fn pane_width(&self) -> u16 {
        (self.width / 2).saturating_sub(2).max(10)
    }

    pub fn update(&mut self, action: Action) {
        if let Action::Tick = action {
            self.tick();
            return;
        }
        let before = self.status.clone();
        self.handle(action);
        // a new message is shown for a while, then gives way (the next tick clears it)
        if self.status != before {
            self.status_age = 0;
        }
    }

    /// A clock tick: a message shown long enough goes.
    fn tick(&mut self) {
        self.status_age = self.status_age.saturating_add(1);
        if self.status_age >= STATUS_TICKS && !self.status.is_empty() {
            self.status.clear();
        }
    }

    fn handle(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
                self.rebuild();
            }
            Action::Progress(done, total) => self.progress = (done, total),
            Action::Loaded(batch, done, total) => self.add_articles(*batch, done, total),
            Action::LoadFinished(ids) => self.finish_loading(ids),
            Action::Analysed(a) => self.set_analysis(*a),
            Action::Input(c) => self.input_char(c),
            Action::Backspace => self.edit_input(|input| {
                input.pop();
            }),
            Action::DeleteWord => self.edit_input(|input| {
                // the word before the cursor and the spaces after it, as a shell does
                let kept = input.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                input.truncate(kept);
            }),
            Action::ClearInput => self.edit_input(String::clear),
            Action::Submit => self.submit(),
            Action::Scroll(col, _row, delta) => self.mouse_scroll(col, delta),
            Action::Click(col, row) => self.click(col, row),
            Action::Command(c) => self.command(c),
            Action::Tick => {}
        }
    }

    fn input_char(&mut self, c: char) {
        self.edit_input(|input| input.push(c));
    }

    /// Changes the prompt's text; the filter follows it, its selection on the best match.
    fn edit_input(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.input);
        if self.prompt == Prompt::Filter && self.view == View::Speakers {
            self.filter_speakers(self.input.clone());
            return;
        }
        if self.prompt == Prompt::Filter && self.filter.query != self.input {
            self.filter.query = self.input.clone();
            self.refilter();
            self.selected = 0;
        }
    }

    fn submit(&mut self) {
        match self.prompt {
            Prompt::Filter => {
                self.prompt = Prompt::None;
            }
            Prompt::Search => {
                self.prompt = Prompt::None;
                self.search = std::mem::take(&mut self.input);
                self.current_match = None;
                self.rebuild();
                self.search_step(true);
            }
            Prompt::None => {}
        }
    }

    fn command(&mut self, c: Command) {
        // the one key that always works: out of help, prompts and sub-views at once
        if c == Command::ForceQuit {
            self.quit = true;
            return;
        }
        if self.help {
            if matches!(c, Command::Back | Command::Help | Command::Quit) {
                self.help = false;
            }
            return;
        }
        if self.prompt != Prompt::None {
            if c == Command::Back {
                if self.prompt == Prompt::Filter && self.view == View::Speakers {
                    self.filter_speakers(String::new());
                } else if self.prompt == Prompt::Filter {
                    self.filter.query.clear();
                    self.refilter();
                }
                self.prompt = Prompt::None;
                self.input.clear();
            }
            return;
        }
        match c {
            Command::Quit => {
                if self.view == View::List {
                    self.quit = true;
                } else {
                    self.back();
                }
            }
            Command::Back => self.back(),
            Command::Help => self.help = true,
            Command::ForceQuit => self.quit = true,
            Command::Up => self.step(Motion::Lines(-1)),
            Command::Down => self.step(Motion::Lines(1)),
            Command::PageUp => self.step(Motion::Pages(-1)),
            Command::PageDown => self.step(Motion::Pages(1)),
            Command::HalfPageUp => self.step(Motion::HalfPages(-1)),
            Command::HalfPageDown => self.step(Motion::HalfPages(1)),
            Command::Top => self.step(Motion::Top),
            Command::Bottom => self.step(Motion::Bottom),
            Command::Open => self.open(),
            Command::Mark => self.mark(),
            Command::Compare => self.compare(),
            Command::Speakers => self.push(View::Speakers),
            Command::Warnings => self.push(View::Warnings),
            Command::Filter => {
                self.prompt = Prompt::Filter;
                self.input =
                    if self.view == View::Speakers { self.speaker_query.clone() } else { self.filter.query.clone() };
            }
            Command::Search => {
                self.prompt = Prompt::Search;
                self.input.clear();
            }
            Command::SearchNext => self.search_step(true),
            Command::SearchPrev => self.search_step(false),
            Command::JumpBack => self.jump_back(),
            Command::NextQuote => self.speaker_step(true),
            Command::PrevQuote => self.speaker_step(false),
            Command::NextEntity => self.next_entity(),
            Command::SwitchPane => {
                if let Some(s) = &mut self.split {
                    s.focus = 1 - s.focus;
                }
            }
            Command::NextConflict => self.next_conflict(),
            Command::NextSharedEntity => self.next_shared_entity(),
            Command::ToggleSync => {
                if let Some(s) = &mut self.split {
                    s.sync = !s.sync;
                    self.status = format!("synced scrolling {}", if s.sync { "on" } else { "off" });
                }
            }
        }
    }

    fn push(&mut self, v: View) {
        if self.view != v {
            self.stack.push(self.view);
            self.view = v;
        }
        self.status.clear();
    }

    fn back(&mut self) {
        // a selection or a search in the reader is cleared first; the next `Esc` leaves it
        if self.view == View::Reader && (self.selected_entity.is_some() || !self.search.is_empty()) {
            self.selected_entity = None;
            self.search.clear();
            self.current_match = None;
            self.status.clear();
            self.rebuild();
            return;
        }
        match self.stack.pop() {
            Some(v) => {
                self.view = v;
                self.status.clear();
            }
            None if !self.filter.is_empty() => {
                self.filter.query.clear();
                self.refilter();
            }
            None => {}
        }
    }

    // ---- movement

    fn step(&mut self, m: Motion) {
        let h = self.text_height();
        let rows = self.list_height();
        // a page of text keeps one line of the page before in view
        let text_page = h.saturating_sub(1).max(1);
        match self.view {
            View::List => self.selected = m.apply(self.selected, self.rows.len().saturating_sub(1), rows),
            View::Speakers => {
                self.speaker_sel = m.apply(self.speaker_sel, self.speaker_rows.len().saturating_sub(1), rows);
            }
            View::Warnings => self.warning_sel = m.apply(self.warning_sel, self.warnings.len().saturating_sub(1), rows),
            View::SpeakerQuotes => {
                let n = self.speaker_list().len();
                self.speaker_quote_sel = m.apply(self.speaker_quote_sel, n.saturating_sub(1), rows);
            }
            View::Reader => {
                if let Some(p) = &mut self.reader {
                    p.scroll = m.apply(p.scroll, p.max_scroll(h), text_page);
                }
            }
            View::Split => {
                if let Some(s) = &mut self.split {
                    let f = s.focus;
                    let p = &mut s.panes[f];
                    p.scroll = m.apply(p.scroll, p.max_scroll(h), text_page);
                    if s.sync {
                        split::sync_other(s, h);
                    }
                }
            }
        }
    }

    fn mouse_scroll(&mut self, col: u16, delta: i32) {
        if self.view == View::Split
            && let Some(s) = &mut self.split
        {
            s.focus = usize::from(col >= self.width / 2);
        }
        // three lines or rows a notch, in every view
        self.step(Motion::Lines(i64::from(delta) * 3));
    }

    fn click(&mut self, col: u16, row: u16) {
        match self.view {
            View::List => {
                let h = self.list_height();
                let offset = self.selected.saturating_sub(h.saturating_sub(1));
                let r = usize::from(row).saturating_sub(2) + offset;
                // a click selects a row; a click on the selected row opens it
                if row >= 2 && r < self.rows.len() {
                    if r == self.selected {
                        self.open();
                    } else {
                        self.selected = r;
                    }
                }
            }
            View::Split => {
                if let Some(s) = &mut self.split {
                    s.focus = usize::from(col >= self.width / 2);
                }
            }
            _ => {}
        }
    }
}
