//! The reader's state and its one way to change: `App::update(Action)` (the Elm architecture).
//! Each view's state is a type of its own, in a file of its own, and its updates are in
//! another (the updates change `App`, the state files know nothing of it): the article list
//! ([`ArticleList`], [`list`]), the reading view ([`Reading`], [`reader`]), the comparison
//! ([`Split`], [`comparing`]), the speakers ([`SpeakerList`], [`speakers`]), the conflicts
//! ([`ConflictList`]); reading and analysing in the background ([`loading`]), and the panes'
//! layout ([`layout`]).
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

mod article_list;
mod background;
mod comparing;
mod conflicts;
mod effects;
mod explain;
mod layout;
mod list;
mod loading;
mod reader;
mod reading;
mod sort;
mod speaker_list;
mod speakers;
mod split;
mod warning_list;

use super::action::{Action, Command, Effect};
use super::keymap::Keymap;
use super::theme::Theme;
use crate::analysis::{Analysis, Kind};
use crate::corpus::Corpus;
use std::collections::HashMap;
use std::sync::Arc;

pub use super::digest::{Analysed, Stats};
pub use super::view::{Motion, Prompt, View};
pub use article_list::ArticleList;
pub use background::Background;
pub use conflicts::ConflictList;
pub use reading::{Jump, Reading};
pub use sort::Sort;
pub use speaker_list::SpeakerList;
pub use split::Split;
pub use warning_list::WarningList;

pub struct App {
    pub corpus: Arc<Corpus>,
    pub analysis: Option<Arc<Analysis>>,
    pub background: Background,
    pub warnings: WarningList,
    pub keymap: Keymap,
    pub theme: Theme,
    pub view: View,
    pub stack: Vec<View>,
    pub help: bool,
    /// How far the help overlay is scrolled (it can be longer than a small terminal).
    pub help_scroll: usize,
    pub prompt: Prompt,
    pub input: String,
    /// Where the prompt's cursor stands, in characters from the start of `input`.
    pub cursor: usize,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    pub status: String,
    /// Clock ticks since the status message was set.
    pub status_age: u32,
    pub sync_default: bool,
    pub list: ArticleList,
    pub stats: Vec<Stats>,
    // derived from the analysis
    pub kinds: HashMap<String, Kind>,
    /// per article: conflicting figures (paragraph, start, end)
    pub conflict_spans: Vec<Vec<(usize, usize, usize)>>,
    /// The conflicts view: every conflict of the corpus.
    pub conflict_list: ConflictList,
    pub reader: Reading,
    /// What the reader and the comparison search for (`/`), and the match shown.
    pub search: String,
    pub current_match: Option<usize>,
    // split
    pub split: Option<Split>,
    pub speakers: SpeakerList,
    /// What the event loop is to do outside the state, handed over by `update`.
    effect: Option<Effect>,
}

/// The byte where character `at` of `s` starts (its end when `at` is past the last).
fn byte_at(s: &str, at: usize) -> usize {
    s.char_indices().nth(at).map_or(s.len(), |(i, _)| i)
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
            background: Background { analysing: (0, n * 2), ..Background::default() },
            warnings: WarningList::default(),
            keymap,
            theme,
            view: View::List,
            stack: Vec::new(),
            help: false,
            help_scroll: 0,
            prompt: Prompt::None,
            input: String::new(),
            cursor: 0,
            width,
            height,
            quit: false,
            status: String::new(),
            status_age: 0,
            sync_default,
            list: ArticleList::default(),
            stats: vec![Stats::default(); n],
            kinds: HashMap::new(),
            conflict_spans: vec![Vec::new(); n],
            conflict_list: ConflictList::default(),
            reader: Reading::default(),
            search: String::new(),
            current_match: None,
            split: None,
            speakers: SpeakerList::default(),
            effect: None,
        };
        app.refilter();
        app
    }

    /// Lines of text a pane shows at the current size.
    pub fn text_height(&self) -> usize {
        let chrome = match self.view {
            View::Split => 5,
            // the reader's footer explains its conflicting figures
            View::Reader if self.reader_has_footer() => 3,
            _ => 2,
        };
        usize::from(self.height.saturating_sub(chrome)).max(1)
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

    /// The one way the state changes. What it returns is for the event loop to carry out
    /// (a pager, a browser, a file written), its outcome sent back as an action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if let Action::Tick = action {
            self.tick();
            return None;
        }
        let before = self.status.clone();
        self.handle(action);
        // a new message is shown for a while, then gives way (the next tick clears it)
        if self.status != before {
            self.status_age = 0;
        }
        self.effect.take()
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
            Action::Progress(done, total) => self.background.analysing = (done, total),
            Action::Loaded(batch, done, total) => self.add_articles(*batch, done, total),
            Action::LoadFinished(ids) => self.finish_loading(ids),
            Action::Analysed(a) => self.set_analysis(*a),
            Action::Input(c) => self.edit_input(|input, at| {
                input.insert(byte_at(input, *at), c);
                *at += 1;
            }),
            Action::Backspace => self.edit_input(|input, at| {
                if *at > 0 {
                    *at -= 1;
                    input.remove(byte_at(input, *at));
                }
            }),
            Action::DeleteWord => self.edit_input(|input, at| {
                // the word before the cursor and the spaces after it, as a shell does
                let end = byte_at(input, *at);
                let kept = input[..end].trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                input.replace_range(kept..end, "");
                *at = input[..kept].chars().count();
            }),
            // all before the cursor, as a shell does
            Action::ClearInput => self.edit_input(|input, at| {
                input.replace_range(..byte_at(input, *at), "");
                *at = 0;
            }),
            Action::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight => self.cursor = (self.cursor + 1).min(self.input.chars().count()),
            Action::EffectDone(message) => {
                self.status = message;
                // a pager had the terminal: everything is drawn again
                self.rebuild();
            }
            Action::Submit => self.submit(),
            Action::Scroll(col, _row, delta) => self.mouse_scroll(col, delta),
            Action::Click(col, row) => self.click(col, row),
            Action::Command(c) => self.command(c),
            Action::Tick => {}
        }
    }

    /// Changes the prompt's text at its cursor; the filter follows it, its selection on the
    /// best match.
    fn edit_input(&mut self, edit: impl FnOnce(&mut String, &mut usize)) {
        self.cursor = self.cursor.min(self.input.chars().count());
        edit(&mut self.input, &mut self.cursor);
        if self.prompt == Prompt::Filter {
            self.set_filter(self.input.clone());
        }
    }

    /// The filter of the view shown: the articles', the speakers', one speaker's quotes' or
    /// the conflicts'.
    fn set_filter(&mut self, query: String) {
        match self.view {
            View::Speakers => self.filter_speakers(query),
            View::SpeakerQuotes => {
                self.speakers.quote_query = query;
                self.speakers.quote_sel = 0;
            }
            View::Conflicts => self.conflict_list.filter(query),
            _ if self.list.filter.query != query => {
                self.list.filter.query = query;
                self.refilter();
                self.list.selected = 0;
            }
            _ => {}
        }
    }

    fn filter_query(&self) -> &str {
        match self.view {
            View::Speakers => &self.speakers.query,
            View::SpeakerQuotes => &self.speakers.quote_query,
            View::Conflicts => &self.conflict_list.query,
            _ => &self.list.filter.query,
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
            return self.help_command(c);
        }
        if self.prompt != Prompt::None {
            if c == Command::Back {
                self.close_prompt();
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
            Command::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
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
                self.input = self.filter_query().to_string();
                self.cursor = self.input.chars().count();
            }
            Command::Search => {
                self.prompt = Prompt::Search;
                self.input.clear();
                self.cursor = 0;
            }
            Command::SearchNext => self.search_step(true),
            Command::SearchPrev => self.search_step(false),
            Command::JumpBack => self.jump_back(),
            Command::NextQuote => self.speaker_step(true),
            Command::PrevQuote => self.speaker_step(false),
            Command::NextEntity => self.next_entity(),
            Command::NextConflict => self.conflict_step(true),
            Command::PrevConflict => self.conflict_step(false),
            Command::SwitchPane
            | Command::Counterpart
            | Command::NextSharedEntity
            | Command::PrevSharedEntity
            | Command::ToggleSync
            | Command::Export => self.comparison_command(c),
            Command::Conflicts => {
                self.conflict_list.sel = self.conflict_list.sel.min(self.conflict_list.rows.len().saturating_sub(1));
                self.push(View::Conflicts);
                if self.analysis.is_none() {
                    self.status = "still analysing: the conflicts come with the analysis".into();
                }
            }
            Command::Sort => self.sort_next(),
            Command::Pager => self.page(),
            Command::Browse => self.browse(),
        }
    }

    /// Keys while the help is open: it closes, or scrolls when it is longer than the screen.
    fn help_command(&mut self, c: Command) {
        let rows = self.keymap.commands(self.view).len();
        let room = usize::from(self.height.saturating_sub(4)).max(1);
        let max = rows.saturating_sub(room);
        match c {
            Command::Back | Command::Help | Command::Quit => self.help = false,
            Command::Down => self.help_scroll = (self.help_scroll + 1).min(max),
            Command::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Command::PageDown | Command::Bottom => self.help_scroll = max,
            Command::PageUp | Command::Top => self.help_scroll = 0,
            _ => {}
        }
    }

    /// `Esc` in a prompt: a filter typed so far is dropped, a search not started.
    fn close_prompt(&mut self) {
        if self.prompt == Prompt::Filter {
            self.set_filter(String::new());
        }
        self.prompt = Prompt::None;
        self.input.clear();
        self.cursor = 0;
    }

    /// The commands only the comparison knows.
    fn comparison_command(&mut self, c: Command) {
        match c {
            Command::SwitchPane => {
                if let Some(s) = &mut self.split {
                    s.focus = 1 - s.focus;
                }
            }
            Command::Counterpart => self.counterpart(),
            Command::NextSharedEntity => self.shared_entity_step(true),
            Command::PrevSharedEntity => self.shared_entity_step(false),
            Command::ToggleSync => {
                if let Some(s) = &mut self.split {
                    s.sync = !s.sync;
                    self.status = format!("synced scrolling {}", if s.sync { "on" } else { "off" });
                }
            }
            Command::Export => self.export(),
            _ => {}
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
        if self.view == View::Reader && (self.reader.selected_entity.is_some() || !self.search.is_empty()) {
            self.reader.selected_entity = None;
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
            None if !self.list.filter.is_empty() => {
                self.list.filter.query.clear();
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
            View::List => {
                self.list.selected = m.apply(self.list.selected, self.list.rows.len().saturating_sub(1), rows)
            }
            View::Speakers => {
                self.speakers.sel = m.apply(self.speakers.sel, self.speakers.rows.len().saturating_sub(1), rows);
            }
            View::Warnings => {
                self.warnings.sel = m.apply(self.warnings.sel, self.warnings.all.len().saturating_sub(1), rows)
            }
            View::Conflicts => {
                // two lines a conflict
                let l = &mut self.conflict_list;
                l.sel = m.apply(l.sel, l.rows.len().saturating_sub(1), (rows / 2).max(1));
            }
            View::SpeakerQuotes => {
                let n = self.speaker_list().len();
                self.speakers.quote_sel = m.apply(self.speakers.quote_sel, n.saturating_sub(1), (rows / 2).max(1));
            }
            View::Reader => {
                if let Some(p) = &mut self.reader.pane {
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
                let offset = self.list.selected.saturating_sub(h.saturating_sub(1));
                let r = usize::from(row).saturating_sub(2) + offset;
                // a click selects a row; a click on the selected row opens it
                if row >= 2 && r < self.list.rows.len() {
                    if r == self.list.selected {
                        self.open();
                    } else {
                        self.list.selected = r;
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
