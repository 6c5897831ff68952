//! Everything that can happen to the reader. State changes only in `App::update(Action)`.

use super::digest::Analysed;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Copy, PartialOrd, Ord)]
pub enum Command {
    Quit,
    Back,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Mark,
    Compare,
    Speakers,
    Filter,
    Search,
    SearchNext,
    SearchPrev,
    NextQuote,
    PrevQuote,
    NextEntity,
    SwitchPane,
    NextConflict,
    NextSharedEntity,
    ToggleSync,
}

impl Command {
    /// The name used in the config's `[keys]` table and in the help overlay.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Back => "back",
            Command::Help => "help",
            Command::Up => "up",
            Command::Down => "down",
            Command::PageUp => "page_up",
            Command::PageDown => "page_down",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Open => "open",
            Command::Mark => "mark",
            Command::Compare => "compare",
            Command::Speakers => "speakers",
            Command::Filter => "filter",
            Command::Search => "search",
            Command::SearchNext => "search_next",
            Command::SearchPrev => "search_prev",
            Command::NextQuote => "next_quote",
            Command::PrevQuote => "prev_quote",
            Command::NextEntity => "select_entity",
            Command::SwitchPane => "switch_pane",
            Command::NextConflict => "next_conflict",
            Command::NextSharedEntity => "next_shared_entity",
            Command::ToggleSync => "toggle_sync",
        }
    }
}

#[derive(Clone, Debug)]
pub enum Action {
    Command(Command),
    /// A character typed into the filter or search prompt.
    Input(char),
    Backspace,
    /// Enter in a prompt.
    Submit,
    Resize(u16, u16),
    /// Mouse wheel at a column and row: positive scrolls down.
    Scroll(u16, u16, i32),
    Click(u16, u16),
    Progress(usize, usize),
    /// More articles read while the reader is open, with files read and files in all.
    Loaded(Box<crate::corpus::Loaded>, usize, usize),
    /// Every file read: the final id of each article (only where two files shared a name
    /// can one differ from the id it was shown with).
    LoadFinished(Vec<String>),
    Analysed(Box<Analysed>),
}
