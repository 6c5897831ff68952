//! The reader's state and its one way to change: `App::update(Action)` (the Elm architecture).

use super::action::{Action, Command};
use super::keymap::Keymap;
use super::pane::{self, Marks, Pane};
use super::theme::Theme;
use crate::analysis::{Analysis, Kind};
use crate::compare::{self, Comparison};
use crate::corpus::Corpus;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    List,
    Reader,
    Split,
    Speakers,
    SpeakerQuotes,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::List => "articles",
            View::Reader => "reader",
            View::Split => "compare",
            View::Speakers => "speakers",
            View::SpeakerQuotes => "quotes",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt {
    None,
    Filter,
    Search,
}

pub use super::digest::{Analysed, Stats};

pub struct Split {
    pub panes: [Pane; 2],
    pub focus: usize,
    pub sync: bool,
    pub comparison: Comparison,
    pub colors: HashMap<String, usize>,
    pub conflict: Option<usize>,
    pub entity: Option<usize>,
}

pub struct App {
    pub corpus: Arc<Corpus>,
    pub analysis: Option<Arc<Analysis>>,
    /// Files read and files in all while the corpus is still being read.
    pub loading: Option<(usize, usize)>,
    /// What parsing the files said (files skipped or repaired), for the analysis cache.
    pub file_warnings: Vec<String>,
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
    pub sync_default: bool,
    // article list
    pub filter: String,
    /// Visible rows: the articles' indices, best match first.
    pub rows: Vec<usize>,
    /// Title, source and author of each article, joined once for the filter.
    haystacks: Vec<String>,
    /// The same in lower case, for the quick checks that run over every title.
    hay_lower: Vec<String>,
    /// The filter the current rows were found with.
    filtered_by: String,
    /// Earlier filters of this typing and their rows, so that a deleted letter costs nothing.
    filter_history: Vec<(String, Vec<usize>)>,
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
    pub selected_entity: Option<String>,
    pub search: String,
    pub current_match: Option<usize>,
    // split
    pub split: Option<Split>,
    // speakers
    pub speaker_sel: usize,
    pub speaker_quote_sel: usize,
}

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
            sync_default,
            filter: String::new(),
            rows: Vec::new(),
            haystacks: Vec::new(),
            hay_lower: Vec::new(),
            filtered_by: String::new(),
            filter_history: Vec::new(),
            selected: 0,
            marked: Vec::new(),
            stats: vec![Stats::default(); n],
            kinds: HashMap::new(),
            speaker_quotes: BTreeMap::new(),
            speakers: Vec::new(),
            conflict_spans: vec![Vec::new(); n],
            reader: None,
            current_quote: None,
            selected_entity: None,
            search: String::new(),
            current_match: None,
            split: None,
            speaker_sel: 0,
            speaker_quote_sel: 0,
        };
        app.extend_haystacks();
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
            Action::Backspace => {
                self.input.pop();
                if self.prompt == Prompt::Filter {
                    self.filter = self.input.clone();
                    self.refilter();
                }
            }
            Action::Submit => self.submit(),
            Action::Scroll(col, _row, delta) => self.mouse_scroll(col, delta),
            Action::Click(col, row) => self.click(col, row),
            Action::Command(c) => self.command(c),
        }
    }

    fn input_char(&mut self, c: char) {
        self.input.push(c);
        if self.prompt == Prompt::Filter {
            self.filter = self.input.clone();
            self.refilter();
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
        if self.help {
            if matches!(c, Command::Back | Command::Help | Command::Quit) {
                self.help = false;
            }
            return;
        }
        if self.prompt != Prompt::None {
            if c == Command::Back {
                if self.prompt == Prompt::Filter {
                    self.filter.clear();
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
            Command::Up => self.step(-1),
            Command::Down => self.step(1),
            Command::PageUp => self.step(-(self.text_height() as i64 - 1).max(1)),
            Command::PageDown => self.step((self.text_height() as i64 - 1).max(1)),
            Command::Top => self.step(i64::MIN / 2),
            Command::Bottom => self.step(i64::MAX / 2),
            Command::Open => self.open(),
            Command::Mark => self.mark(),
            Command::Compare => self.compare(),
            Command::Speakers => self.push(View::Speakers),
            Command::Filter => {
                self.prompt = Prompt::Filter;
                self.input = self.filter.clone();
            }
            Command::Search => {
                self.prompt = Prompt::Search;
                self.input.clear();
            }
            Command::SearchNext => self.search_step(true),
            Command::SearchPrev => self.search_step(false),
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
        match self.stack.pop() {
            Some(v) => {
                self.view = v;
                self.status.clear();
            }
            None if !self.filter.is_empty() => {
                self.filter.clear();
                self.refilter();
            }
            None => {}
        }
    }

    // ---- list

    pub fn refilter(&mut self) {
        let keep = self.rows.get(self.selected).copied();
        if self.filter.is_empty() {
            self.rows = (0..self.corpus.articles.len()).collect();
            self.filtered_by.clear();
            self.filter_history.clear();
        } else {
            self.extend_haystacks();
            // deleting a letter returns to an earlier filter: its rows are kept
            while self.filter_history.last().is_some_and(|(f, _)| !self.filter.starts_with(f.as_str())) {
                self.filter_history.pop();
            }
            if let Some((f, rows)) = self.filter_history.last() {
                if *f == self.filter {
                    self.rows = rows.clone();
                    self.filtered_by = f.clone();
                    self.selected = keep.and_then(|k| self.rows.iter().position(|&r| r == k)).unwrap_or(0);
                    return;
                }
                self.rows = rows.clone();
                self.filtered_by = f.clone();
            }
            // typing one more letter can only narrow the matches: search those again, not all
            let narrowing = !self.filtered_by.is_empty() && self.filter.starts_with(&self.filtered_by);
            self.rows = if narrowing {
                self.matches(&self.rows)
            } else {
                self.matches(&(0..self.haystacks.len()).collect::<Vec<_>>())
            };
            self.filtered_by = self.filter.clone();
            self.filter_history.push((self.filter.clone(), self.rows.clone()));
        }
        self.selected = keep.and_then(|k| self.rows.iter().position(|&r| r == k)).unwrap_or(0);
    }

    /// Title, source and author of the articles read since the last batch, for the filter.
    fn extend_haystacks(&mut self) {
        use rayon::prelude::*;
        let have = self.haystacks.len();
        if have < self.corpus.articles.len() {
            let more: Vec<String> = self.corpus.articles[have..].par_iter().map(haystack).collect();
            self.hay_lower.extend(more.par_iter().map(|h| h.to_lowercase()).collect::<Vec<_>>());
            self.haystacks.extend(more);
        }
    }

    /// The articles of `pool` that match the filter, best first.
    fn matches(&self, pool: &[usize]) -> Vec<usize> {
        use rayon::prelude::*;
        let fast = SkimMatcherV2::default().element_limit(1);
        let query = self.filter.as_str();
        let hay = &self.haystacks;
        let lower_query: String = query.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        let lower = &self.hay_lower;
        // a plain in-order letter check first: far cheaper than scoring, and most titles fail it;
        // past ten thousand candidates a linear score of the same kind as skim's ranks them, so
        // a key press stays within a frame on the largest archives
        let quick = pool.len() > QUICK_SCORE_FROM;
        let finder = memchr::memmem::Finder::new(&lower_query);
        let mut scored: Vec<(i64, usize)> = pool
            .par_iter()
            .filter(|&&i| quick || in_order(&lower[i], &lower_query))
            .filter_map(|&i| {
                let s = if quick {
                    quick_score_with(&lower[i], &lower_query, &finder)
                } else {
                    fast.fuzzy_match(&hay[i], query)
                };
                s.map(|s| (s, i))
            })
            .collect();
        scored.par_sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// The letters of each article's title that the filter matched, for the rows on screen
    /// only (the full scorer finds them: that is too slow for every row of a large list).
    pub fn title_hits(&self, articles: &[usize]) -> Vec<Vec<usize>> {
        if self.filter.is_empty() {
            return vec![Vec::new(); articles.len()];
        }
        let m = SkimMatcherV2::default();
        articles
            .iter()
            .map(|&i| {
                let Some(a) = self.corpus.articles.get(i) else { return Vec::new() };
                let title_len = a.title.chars().count();
                let joined;
                let hay = match self.haystacks.get(i) {
                    Some(h) => h.as_str(),
                    None => {
                        joined = haystack(a);
                        joined.as_str()
                    }
                };
                m.fuzzy_indices(hay, &self.filter)
                    .map(|(_, v)| v.into_iter().filter(|&k| k < title_len).collect())
                    .unwrap_or_default()
            })
            .collect()
    }

    fn mark(&mut self) {
        let Some(&i) = self.rows.get(self.selected) else { return };
        if let Some(p) = self.marked.iter().position(|&m| m == i) {
            self.marked.remove(p);
        } else {
            if self.marked.len() == 2 {
                self.marked.remove(0);
            }
            self.marked.push(i);
        }
        self.status = format!("{} marked", self.marked.len());
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
        }
    }

    fn open(&mut self) {
        match self.view {
            View::List => {
                if let Some(&i) = self.rows.get(self.selected) {
                    self.open_article(i, None);
                }
            }
            View::Speakers if !self.speakers.is_empty() => {
                self.speaker_quote_sel = 0;
                self.push(View::SpeakerQuotes);
            }
            View::SpeakerQuotes => {
                if let Some((a, q)) = self.speaker_list().get(self.speaker_quote_sel).copied() {
                    self.open_article(a, Some(q));
                }
            }
            _ => {}
        }
    }

    /// The quotes of the speaker selected in the speakers view.
    pub fn speaker_list(&self) -> Vec<(usize, usize)> {
        self.speakers
            .get(self.speaker_sel)
            .and_then(|(n, _, _)| self.speaker_quotes.get(n))
            .cloned()
            .unwrap_or_default()
    }

    fn open_article(&mut self, article: usize, quote: Option<usize>) {
        self.selected_entity = None;
        self.search.clear();
        self.current_match = None;
        self.current_quote = quote.map(|q| (article, q));
        self.reader = Some(Pane { article, ..Pane::default() });
        self.push(View::Reader);
        self.rebuild();
        if let Some(q) = quote {
            self.show_quote(article, q);
        }
    }

    fn compare(&mut self) {
        let pair = match self.marked.as_slice() {
            [a, b] => Some((*a, *b)),
            [a] => self.rows.get(self.selected).copied().filter(|r| r != a).map(|r| (*a, r)),
            _ => {
                let cur = self.rows.get(self.selected).copied();
                let next = self.rows.get(self.selected + 1).copied();
                cur.zip(next)
            }
        };
        let Some((l, r)) = pair else {
            self.status = "mark two articles with Space to compare".into();
            return;
        };
        let Some(analysis) = self.analysis.clone() else {
            self.status = "still analysing: press c again when the gauge is full".into();
            return;
        };
        let comparison = compare::compare(&analysis, &self.corpus.articles[l], &self.corpus.articles[r]);
        let colors = comparison.shared_entities.iter().enumerate().map(|(i, e)| (e.name.clone(), i)).collect();
        self.split = Some(Split {
            panes: [Pane { article: l, ..Pane::default() }, Pane { article: r, ..Pane::default() }],
            focus: 0,
            sync: self.sync_default,
            comparison,
            colors,
            conflict: None,
            entity: None,
        });
        self.search.clear();
        self.current_match = None;
        self.push(View::Split);
        self.rebuild();
        let n = self.split.as_ref().map_or(0, |s| s.comparison.conflicts.len());
        self.status =
            if n > 0 { format!("{n} conflicting figures: x to visit them") } else { "no conflicting figures".into() };
    }

    // ---- reading in the background

    fn add_articles(&mut self, batch: crate::corpus::Loaded, done: usize, total: usize) {
        let crate::corpus::Loaded { corpus, warnings, fingerprint } = batch;
        self.fingerprint = fingerprint;
        if self.file_warnings.is_empty()
            && let Some(w) = warnings.first()
        {
            self.status = w.trim_start_matches("warning: ").to_string();
        }
        self.file_warnings.extend(warnings);
        self.loading = Some((done, total));
        let n = corpus.articles.len();
        // room for every file at once: a list doubling its size at 64,000 articles held a key
        // press back by milliseconds
        let more = total.saturating_sub(done) + n;
        // nothing else holds the corpus while it is read: this appends in place
        let articles = &mut Arc::make_mut(&mut self.corpus).articles;
        articles.reserve(more);
        articles.extend(corpus.articles);
        for v in [&mut self.haystacks, &mut self.hay_lower] {
            v.reserve(more);
        }
        self.rows.reserve(more);
        self.stats.reserve(more);
        self.conflict_spans.reserve(more);
        let len = self.corpus.articles.len();
        self.stats.resize(len, Stats::default());
        self.conflict_spans.resize(len, Vec::new());
        if n > 0 {
            // built as the files come in, so that the first key press does not wait for them
            self.extend_haystacks();
            if self.filter.is_empty() {
                self.rows.extend(len - n..len);
            } else {
                // the new titles that match the filter typed so far join below the others
                // (ranked with them once every file is read): a batch costs its own titles only
                let pool: Vec<usize> = (len - n..len).collect();
                let more = self.matches(&pool);
                self.rows.extend(more);
                self.filter_history.clear();
            }
        }
    }

    fn finish_loading(&mut self, ids: Vec<String>) {
        if crate::corpus::load::apply_ids(&mut Arc::make_mut(&mut self.corpus).articles, ids) {
            self.haystacks.clear();
            self.hay_lower.clear();
            self.extend_haystacks();
            self.filter_history.clear();
            self.filtered_by.clear();
            self.refilter();
        }
        self.loading = None;
        self.progress = (0, self.corpus.articles.len() * 2);
        if !self.filter.is_empty() {
            // every title is there: rank the matches together
            self.filter_history.clear();
            self.filtered_by.clear();
            self.refilter();
        }
        if self.file_warnings.len() > 1 {
            self.status = format!("{} files skipped or repaired (see `diptych list`)", self.file_warnings.len());
        }
    }

    // ---- analysis

    fn set_analysis(&mut self, a: Analysed) {
        let Analysed { analysis, kinds, stats, speaker_quotes, speakers, conflict_spans } = a;
        self.kinds = kinds;
        self.stats = stats;
        self.speaker_quotes = speaker_quotes;
        self.speakers = speakers;
        self.conflict_spans = conflict_spans;
        self.analysis = Some(analysis);
        self.progress = (self.progress.1, self.progress.1);
        self.rebuild();
    }

    /// Lays out the open panes again (after a resize, a new highlight or the analysis).
    pub fn rebuild(&mut self) {
        let theme = self.theme.clone();
        let empty = HashMap::new();
        if let Some(old) = self.reader.take() {
            let i = old.article;
            let aa = self.analysis.as_ref().and_then(|a| a.articles.get(i));
            let marks = Marks {
                selected_entity: self.selected_entity.as_deref(),
                conflicts: self.conflict_spans.get(i).cloned().unwrap_or_default(),
                search: (self.view == View::Reader && !self.search.is_empty()).then_some(self.search.as_str()),
                current_match: self.current_match.and_then(|m| old.matches.get(m)).map(|m| (m.0, m.1)),
                current_quote: self
                    .current_quote
                    .filter(|q| q.0 == i)
                    .and_then(|(_, qi)| aa.and_then(|a| a.quotes.get(qi)))
                    .map(|q| (q.paragraph, q.start)),
                ..Marks::default()
            };
            let top = old.top();
            let mut p = pane::build(i, &self.corpus.articles[i], aa, &self.kinds, &marks, &theme, self.reader_width());
            p.scroll =
                if old.lines.is_empty() { 0 } else { p.line_of(top.0, top.1).min(p.max_scroll(self.text_height())) };
            self.reader = Some(p);
        }
        if let Some(mut s) = self.split.take() {
            let ids = [s.comparison.left.clone(), s.comparison.right.clone()];
            for (side, id) in ids.iter().enumerate() {
                let old = std::mem::take(&mut s.panes[side]);
                let i = old.article;
                let aa = self.analysis.as_ref().and_then(|a| a.articles.get(i));
                let mut conflicts = Vec::new();
                let mut current = None;
                for (ci, c) in s.comparison.conflicts.iter().enumerate() {
                    for f in [&c.a, &c.b] {
                        if *f.article == **id {
                            conflicts.push((f.paragraph as usize, f.start as usize, f.end as usize));
                            if s.conflict == Some(ci) {
                                current = Some((f.paragraph as usize, f.start as usize));
                            }
                        }
                    }
                }
                let shared_quotes =
                    s.comparison
                        .shared_quotes
                        .iter()
                        .map(|q| {
                            if side == 0 {
                                (q.left.paragraph, q.left.start)
                            } else {
                                (q.right.paragraph, q.right.start)
                            }
                        })
                        .collect();
                let marks = Marks {
                    shared: Some(&s.colors),
                    conflicts,
                    current_conflict: current,
                    shared_quotes,
                    search: (side == s.focus && !self.search.is_empty()).then_some(self.search.as_str()),
                    current_match: if side == s.focus {
                        self.current_match.and_then(|m| old.matches.get(m)).map(|m| (m.0, m.1))
                    } else {
                        None
                    },
                    ..Marks::default()
                };
                let top = old.top();
                let mut p = pane::build(i, &self.corpus.articles[i], aa, &empty, &marks, &theme, self.pane_width());
                p.scroll = if old.lines.is_empty() {
                    0
                } else {
                    p.line_of(top.0, top.1).min(p.max_scroll(self.text_height()))
                };
                s.panes[side] = p;
            }
            self.split = Some(s);
        }
    }

    // ---- movement

    fn step(&mut self, delta: i64) {
        let h = self.text_height();
        let clamp = |v: i64, max: usize| -> usize { v.clamp(0, max as i64) as usize };
        match self.view {
            View::List => {
                let n = self.rows.len();
                let d = if delta.abs() > 1 && delta.abs() < i64::MAX / 4 {
                    delta.signum() * self.list_height() as i64
                } else {
                    delta
                };
                self.selected = clamp(self.selected as i64 + d, n.saturating_sub(1));
            }
            View::Speakers => {
                self.speaker_sel = clamp(
                    self.speaker_sel as i64 + delta.signum() * delta.abs().min(self.list_height() as i64),
                    self.speakers.len().saturating_sub(1),
                );
            }
            View::SpeakerQuotes => {
                let n = self.speaker_list().len();
                self.speaker_quote_sel = clamp(
                    self.speaker_quote_sel as i64 + delta.signum() * delta.abs().min(self.list_height() as i64),
                    n.saturating_sub(1),
                );
            }
            View::Reader => {
                if let Some(p) = &mut self.reader {
                    p.scroll = clamp(p.scroll as i64 + delta, p.max_scroll(h));
                }
            }
            View::Split => {
                if let Some(s) = &mut self.split {
                    let f = s.focus;
                    let p = &mut s.panes[f];
                    p.scroll = clamp(p.scroll as i64 + delta, p.max_scroll(h));
                    if s.sync {
                        sync_other(s, h);
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
        self.step(i64::from(delta) * 3);
    }

    fn click(&mut self, col: u16, row: u16) {
        match self.view {
            View::List => {
                let h = self.list_height();
                let offset = self.selected.saturating_sub(h.saturating_sub(1));
                let r = usize::from(row).saturating_sub(2) + offset;
                if row >= 2 && r < self.rows.len() {
                    self.selected = r;
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

    // ---- reader: quotes, entities, search

    fn show_quote(&mut self, article: usize, qi: usize) {
        let Some(a) = self.analysis.clone() else { return };
        let Some(q) = a.articles.get(article).and_then(|x| x.quotes.get(qi)) else { return };
        self.current_quote = Some((article, qi));
        self.rebuild();
        let h = self.text_height();
        if let Some(p) = &mut self.reader {
            p.scroll_to(q.paragraph, q.start, h);
        }
        if let Some(sp) = &q.speaker {
            let list = self.speaker_quotes.get(&**sp).cloned().unwrap_or_default();
            let pos = list.iter().position(|&x| x == (article, qi)).map_or(0, |p| p + 1);
            self.status = format!("quote {pos}/{} · {sp}", list.len());
        } else {
            self.status = "quote · speaker unknown".into();
        }
    }

    fn speaker_step(&mut self, forward: bool) {
        let Some(a) = self.analysis.clone() else {
            self.status = "analysing…".into();
            return;
        };
        let Some(p) = &self.reader else { return };
        let article = p.article;
        let quotes = &a.articles[article].quotes;
        // the current quote, else the first attributed quote from the top of the view
        let current = self.current_quote.filter(|c| c.0 == article).or_else(|| {
            let (tp, tb) = p.top();
            quotes.iter().position(|q| q.speaker.is_some() && (q.paragraph, q.end) >= (tp, tb)).map(|qi| (article, qi))
        });
        let Some((ca, cq)) = current else {
            self.status = "no attributed quote in this article".into();
            return;
        };
        let Some(sp) = a.articles[ca].quotes[cq].speaker.clone() else {
            self.status = "this quote has no speaker".into();
            return;
        };
        let list = self.speaker_quotes.get(&*sp).cloned().unwrap_or_default();
        let Some(pos) = list.iter().position(|&x| x == (ca, cq)) else { return };
        let target = if self.current_quote.is_none() {
            Some(pos)
        } else if forward {
            (pos + 1 < list.len()).then_some(pos + 1)
        } else {
            pos.checked_sub(1)
        };
        match target {
            Some(t) => {
                let (ta, tq) = list[t];
                if ta != article {
                    self.reader = Some(Pane { article: ta, ..Pane::default() });
                    self.selected_entity = None;
                    self.search.clear();
                }
                self.show_quote(ta, tq);
            }
            None => {
                self.status =
                    format!("{} quote of {sp} ({}/{})", if forward { "last" } else { "first" }, pos + 1, list.len());
            }
        }
    }

    fn next_entity(&mut self) {
        let Some(a) = self.analysis.clone() else { return };
        let Some(p) = &self.reader else { return };
        let aa = &a.articles[p.article];
        let mut names: Vec<(&str, usize)> = Vec::new();
        for m in &aa.mentions {
            match names.iter_mut().find(|(n, _)| **n == *m.entity) {
                Some(x) => x.1 += 1,
                None => names.push((&*m.entity, 1)),
            }
        }
        names.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        if names.is_empty() {
            return;
        }
        let next = match &self.selected_entity {
            Some(cur) => names.iter().position(|(n, _)| n == cur).map_or(0, |i| (i + 1) % names.len()),
            None => 0,
        };
        let (name, count) = names[next];
        self.selected_entity = Some(name.to_string());
        let kind = self.kinds.get(name).map_or("", |k| k.as_str());
        self.status = format!(
            "{name} ({kind}) · {count} mentions here · {} articles",
            a.entity(name).map_or(0, |e| e.articles.len())
        );
        self.rebuild();
    }

    fn search_step(&mut self, forward: bool) {
        let h = self.text_height();
        let pane = match self.view {
            View::Reader => self.reader.as_ref(),
            View::Split => self.split.as_ref().map(|s| &s.panes[s.focus]),
            _ => None,
        };
        let Some(p) = pane else { return };
        let n = p.matches.len();
        if self.search.is_empty() {
            return;
        }
        if n == 0 {
            self.status = format!("no match for '{}'", self.search);
            return;
        }
        let next = match self.current_match {
            None => {
                let top = p.top();
                p.matches.iter().position(|m| (m.0, m.1) >= top).unwrap_or(0)
            }
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
        };
        self.current_match = Some(next);
        self.rebuild();
        let status = format!("{}/{} · '{}'", next + 1, n, self.search);
        let pane = match self.view {
            View::Reader => self.reader.as_mut(),
            View::Split => self.split.as_mut().map(|s| &mut s.panes[s.focus]),
            _ => None,
        };
        if let Some(p) = pane {
            let (mp, mb, _) = p.matches[next];
            p.scroll_to(mp, mb, h);
        }
        if let Some(s) = &mut self.split
            && s.sync
            && self.view == View::Split
        {
            sync_other(s, h);
        }
        self.status = status;
    }

    // ---- split: conflicts and shared entities

    fn next_conflict(&mut self) {
        let h = self.text_height();
        let Some(s) = &mut self.split else { return };
        let n = s.comparison.conflicts.len();
        if n == 0 {
            self.status = "no conflicting figures between these reports".into();
            return;
        }
        let next = s.conflict.map_or(0, |c| (c + 1) % n);
        s.conflict = Some(next);
        let c = s.comparison.conflicts[next].clone();
        let ids = [s.comparison.left.clone(), s.comparison.right.clone()];
        self.rebuild();
        let Some(s) = &mut self.split else { return };
        for (p, id) in s.panes.iter_mut().zip(&ids) {
            let fig = [&c.a, &c.b].into_iter().find(|f| *f.article == **id);
            if let Some(f) = fig {
                p.scroll_to(f.paragraph as usize, f.start as usize, h);
            }
        }
        self.status = format!("conflict {}/{n}", next + 1);
    }

    fn next_shared_entity(&mut self) {
        let h = self.text_height();
        let Some(a) = self.analysis.clone() else { return };
        let Some(s) = &mut self.split else { return };
        let n = s.comparison.shared_entities.len();
        if n == 0 {
            self.status = "no shared entities".into();
            return;
        }
        let next = s.entity.map_or(0, |e| (e + 1) % n);
        s.entity = Some(next);
        let name = s.comparison.shared_entities[next].name.clone();
        for side in 0..2 {
            let p = &mut s.panes[side];
            let top = p.top();
            let mentions: Vec<(usize, usize)> = a.articles[p.article]
                .mentions
                .iter()
                .filter(|m| *m.entity == *name)
                .map(|m| (m.paragraph as usize, m.start as usize))
                .collect();
            let target = mentions.iter().find(|m| **m >= top).or(mentions.first());
            if let Some(&(mp, mb)) = target {
                p.scroll_to(mp, mb, h);
            }
        }
        let e = &s.comparison.shared_entities[next];
        self.status =
            format!("shared {}/{n} · {} ({}) · {} left, {} right", next + 1, e.name, e.kind.as_str(), e.left, e.right);
    }

    /// The footer of the split view: the current (or first) conflict, explained.
    pub fn footer(&self) -> Option<String> {
        let s = self.split.as_ref()?;
        let n = s.comparison.conflicts.len();
        let i = s.conflict.unwrap_or(0);
        let c = s.comparison.conflicts.get(i)?;
        let short = |name: &Option<std::sync::Arc<str>>| {
            name.as_deref().map(|x| x.split_whitespace().last().unwrap_or(x).to_string())
        };
        let who = match (short(&c.a.claimed_by), short(&c.b.claimed_by)) {
            (None, None) => String::new(),
            (a, b) => format!(" · {} vs {}", a.unwrap_or_else(|| "?".into()), b.unwrap_or_else(|| "?".into())),
        };
        Some(format!("conflict {}/{n}: {} vs {} {}{who}", i + 1, c.a.text, c.b.text, c.measure))
    }
}

/// Whether the letters of `query` (lower case) appear in `hay` in order, ignoring case.
/// Whether the query's letters stand in `hay` in order (both in lower case).
/// What the filter searches in: an article's title, source and author.
fn haystack(a: &crate::corpus::Article) -> String {
    format!("{} {} {}", a.title, a.source.as_deref().unwrap_or(""), a.author.as_deref().unwrap_or(""))
}

fn in_order(hay: &str, query: &str) -> bool {
    if hay.is_ascii() && query.is_ascii() {
        let mut h = hay.as_bytes();
        for q in query.bytes() {
            match h.iter().position(|&b| b == q) {
                Some(p) => h = &h[p + 1..],
                None => return false,
            }
        }
        return true;
    }
    let mut q = query.chars().peekable();
    for c in hay.chars() {
        if q.peek() == Some(&c) {
            q.next();
        }
    }
    q.peek().is_none()
}

/// Candidates past which `quick_score` ranks instead of skim.
const QUICK_SCORE_FROM: usize = 10_000;

/// A linear score in the spirit of skim's (both in lower case): points for each matched letter,
/// more at word starts and in runs of consecutive letters, fewer across gaps; the whole query
/// matched as one run ranks first. `None` when the letters are not all there in order.
#[cfg(test)]
fn quick_score(hay: &str, query: &str) -> Option<i64> {
    quick_score_with(hay, query, &memchr::memmem::Finder::new(query))
}

/// [`quick_score`] with the query's searcher made once for all titles.
fn quick_score_with(hay: &str, query: &str, finder: &memchr::memmem::Finder) -> Option<i64> {
    // the query as it stands in the title is the best alignment there is: score from there
    let (from, prev_alnum) = match finder.find(hay.as_bytes()) {
        Some(p) => (p, hay[..p].chars().next_back().is_some_and(char::is_alphanumeric)),
        None => (0, false),
    };
    let hay = &hay[from..];
    if hay.is_ascii() && query.is_ascii() {
        return quick_score_of(hay.as_bytes(), query.as_bytes(), prev_alnum, |b| b.is_ascii_alphanumeric());
    }
    let h: Vec<char> = hay.chars().collect();
    let q: Vec<char> = query.chars().collect();
    quick_score_of(&h, &q, prev_alnum, |c| c.is_alphanumeric())
}

fn quick_score_of<T: Copy + PartialEq>(
    hay: &[T],
    query: &[T],
    mut prev_alnum: bool,
    alnum: impl Fn(T) -> bool,
) -> Option<i64> {
    let (mut qi, mut score, mut gap, mut run, mut best_run) = (0, 0i64, 0i64, 0usize, 0usize);
    for &c in hay {
        if qi == query.len() {
            break;
        }
        if c == query[qi] {
            score += 16 + if prev_alnum { 0 } else { 8 } + if run > 0 { 12 } else { 0 };
            if qi > 0 {
                score -= gap.min(10);
            }
            (qi, gap, run) = (qi + 1, 0, run + 1);
            best_run = best_run.max(run);
        } else {
            run = 0;
            gap += i64::from(qi > 0);
        }
        prev_alnum = alnum(c);
    }
    (qi == query.len()).then_some(score + if best_run == query.len() { 32 } else { 0 })
}

/// Scrolls the pane without focus so that the paragraph aligned with the focused pane's top
/// paragraph stands at the same height.
fn sync_other(s: &mut Split, h: usize) {
    let f = s.focus;
    let o = 1 - f;
    let (tp, _) = s.panes[f].top();
    let offset = s.panes[f].scroll.saturating_sub(s.panes[f].line_of(tp, 0));
    let target = if f == 0 {
        s.comparison.alignment.get(tp).and_then(|a| a.right_paragraph)
    } else {
        s.comparison
            .alignment
            .iter()
            .filter(|a| a.right_paragraph == Some(tp))
            .max_by(|x, y| x.score.total_cmp(&y.score))
            .map(|a| a.left_paragraph)
    };
    let other = &mut s.panes[o];
    if let Some(t) = target {
        // stay inside the aligned paragraph even when it is shorter than the focused one
        let start = other.line_of(t, 0);
        let len = other.line_pos.iter().filter(|(p, _)| *p == t).count().max(1);
        other.scroll = (start + offset.min(len - 1)).min(other.max_scroll(h));
    } else if s.panes[f].scroll == 0 {
        s.panes[o].scroll = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::{in_order, quick_score};

    #[test]
    fn letters_in_order() {
        assert!(in_order("flood in lisbon", "fli"));
        assert!(!in_order("flood in lisbon", "ilf"));
        assert!(in_order("zürich talks", "zrt"));
        assert!(!in_order("zürich talks", "zx"));
    }

    #[test]
    fn quick_score_prefers_word_starts_runs_and_substrings() {
        let q = "lis";
        let whole = quick_score("flood in lisbon", q).unwrap();
        let scattered = quick_score("lamp is set", q).unwrap();
        assert!(whole > scattered, "{whole} > {scattered}");
        assert!(quick_score("storm hits", "xyz").is_none());
        assert!(quick_score("fire at plant", "fp") > quick_score("offshore plan", "fp"));
    }
}
