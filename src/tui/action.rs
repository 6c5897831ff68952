//! Everything that can happen to the reader. State changes only in `App::update(Action)`.

use super::digest::Analysed;

/// What a key can do. Its name (in the config's `[keys]` table and the help) is derived
/// from the variant, in snake case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Copy, PartialOrd, Ord, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    Quit,
    /// Quits at once, from any view, prompt or overlay.
    ForceQuit,
    Back,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Open,
    Mark,
    Compare,
    Speakers,
    Warnings,
    Filter,
    Search,
    SearchNext,
    SearchPrev,
    NextQuote,
    PrevQuote,
    JumpBack,
    #[strum(serialize = "select_entity")]
    NextEntity,
    SwitchPane,
    NextConflict,
    PrevConflict,
    /// The other figure of the current conflict, in the other pane.
    Counterpart,
    NextSharedEntity,
    PrevSharedEntity,
    ToggleSync,
    /// The conflicts view: every conflict of the corpus.
    Conflicts,
    /// The article list's order: corpus, date, source, words, conflicts.
    Sort,
    /// The comparison written to a Markdown file.
    Export,
    /// The article's file in `$PAGER`.
    Pager,
    /// The article's address in the browser.
    Browse,
}

impl Command {
    /// The name used in the config's `[keys]` table and in the help overlay.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

#[derive(Clone, Debug)]
pub enum Action {
    Command(Command),
    /// A character typed into the filter or search prompt.
    Input(char),
    Backspace,
    /// Ctrl-w in a prompt: the last word goes.
    DeleteWord,
    /// Ctrl-u in a prompt: the whole line goes.
    ClearInput,
    /// Enter in a prompt.
    Submit,
    /// `←` / `→` in a prompt: the cursor a character left or right.
    CursorLeft,
    CursorRight,
    /// What became of an [`Effect`] the event loop carried out, for the status line.
    EffectDone(String),
    Resize(u16, u16),
    /// Mouse wheel at a column and row: positive scrolls down.
    Scroll(u16, u16, i32),
    Click(u16, u16),
    Progress(usize, usize),
    /// The clock, when no key came for a while: transient messages time out.
    Tick,
    /// More articles read while the reader is open, with files read and files in all.
    Loaded(Box<crate::corpus::Loaded>, usize, usize),
    /// Every file read: the final id of each article (only where two files shared a name
    /// can one differ from the id it was shown with).
    LoadFinished(Vec<String>),
    Analysed(Box<Analysed>),
}

/// What `update` asks of the world outside the state: the event loop carries it out and
/// tells the outcome back with [`Action::EffectDone`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Show a file in the pager, the terminal handed over meanwhile.
    Page(String),
    /// Open an address in the browser.
    Browse(String),
    /// Write a text to a file.
    Write { path: String, text: String },
}
