//! Conflicting figures explained: the reader's `x` / `X` through the conflicts of its
//! article, and the footers of the reader and the comparison that say what a red figure
//! disagrees with, who claims each value and where the other one stands.

use super::{App, View};
use crate::analysis::Figure;
use crate::compare::ConflictKind;
use crate::text::width::{count, truncate};
use crate::tui::action::Command;
use crate::tui::view::cycle;

/// The last word of a claimant's name, as a headline names a person.
fn short(name: Option<&str>) -> Option<String> {
    name.map(|x| x.split_whitespace().last().unwrap_or(x).to_string())
}

/// `Trump vs Zelensky`, or nothing when neither figure is claimed.
fn claimants(a: &Figure, b: &Figure) -> String {
    match (short(a.claimed_by.as_deref()), short(b.claimed_by.as_deref())) {
        (None, None) => String::new(),
        (a, b) => format!(" · {} vs {}", a.unwrap_or_else(|| "?".into()), b.unwrap_or_else(|| "?".into())),
    }
}

fn kind(k: ConflictKind) -> &'static str {
    match k {
        ConflictKind::Contradiction => "",
        ConflictKind::Update => " · an update (a later report)",
    }
}

impl App {
    /// `x` / `X` in the reader: the next or previous conflicting figure of the article.
    pub(super) fn reader_conflict_step(&mut self, forward: bool) {
        let Some(p) = &self.reader.pane else { return };
        let article = p.article;
        let mine = self.conflict_list.in_article(article);
        if mine.is_empty() {
            self.status = "no conflicting figures in this article".into();
            return;
        }
        let at = self.reader.conflict.and_then(|c| mine.iter().position(|&x| x == c));
        let next = cycle(at, mine.len(), forward);
        self.reader.conflict = mine.get(next).copied();
        self.show_reader_conflict();
    }

    /// Lays the reader out with its current conflict marked and scrolls to it.
    pub(super) fn show_reader_conflict(&mut self) {
        self.rebuild();
        let h = self.text_height();
        let Some(p) = &mut self.reader.pane else { return };
        let Some(ci) = self.reader.conflict else { return };
        if let Some((mine, _, _)) = self.conflict_list.sides(ci, p.article) {
            p.scroll_to(mine.at.paragraph(), mine.at.start(), h);
        }
        // the footer explains it: the status line does not repeat it
        self.status.clear();
    }

    /// The reader's current conflict: where its figures in this article start (paragraph,
    /// byte), for the marker; both, when both stand here.
    pub fn reader_conflict_at(&self) -> Vec<(usize, usize)> {
        let Some(p) = self.reader.pane.as_ref() else { return Vec::new() };
        let Some((mine, other, other_article)) =
            self.reader.conflict.and_then(|c| self.conflict_list.sides(c, p.article))
        else {
            return Vec::new();
        };
        let at = |f: &Figure| (f.at.paragraph(), f.at.start());
        if other_article == p.article { vec![at(mine), at(other)] } else { vec![at(mine)] }
    }

    /// Whether the reader shows a footer: its article has conflicting figures.
    pub fn reader_has_footer(&self) -> bool {
        self.reader.pane.as_ref().is_some_and(|p| !self.conflict_list.in_article(p.article).is_empty())
    }

    /// The reader's footer, when its article has conflicting figures: the current one
    /// against its counterpart's article and sentence, or how to visit them.
    pub fn reader_footer(&self) -> Option<String> {
        let p = self.reader.pane.as_ref()?;
        let mine = self.conflict_list.in_article(p.article);
        if mine.is_empty() {
            return None;
        }
        let next = self.keymap.key_for(View::Reader, Command::NextConflict);
        let Some(ci) = self.reader.conflict else {
            let them = if mine.len() == 1 { "it" } else { "them" };
            return Some(format!("{} here: {next} to visit {them}", count(mine.len(), "conflict", None)));
        };
        let (this, other, other_article) = self.conflict_list.sides(ci, p.article)?;
        let c = &self.conflict_list.all.get(ci)?.conflict;
        let pos = mine.iter().position(|&x| x == ci).map_or(0, |i| i + 1);
        let against = if other_article == p.article {
            "in this article".to_string()
        } else {
            let a = self.corpus.articles.get(other_article)?;
            let meta = a.provenance();
            let meta = if meta.is_empty() { String::new() } else { format!(" ({})", meta.join(", ")) };
            format!("against “{}”{meta}", truncate(&a.title, 40))
        };
        let sentence = if std::ptr::eq(other, &c.a) { &c.a_sentence } else { &c.b_sentence };
        let sentence = sentence.as_deref().map(|s| format!(": “{s}”")).unwrap_or_default();
        let open = self.keymap.key_for(View::Reader, Command::Open);
        Some(format!(
            "conflict {pos}/{} · {} vs {} {}{}{} · {against} ¶{}{sentence} · {open} compares",
            mine.len(),
            this.text,
            other.text,
            c.measure,
            claimants(this, other),
            kind(c.kind),
            other.at.paragraph + 1
        ))
    }

    /// The footer of the split view: the current (or first) conflict, explained.
    pub fn footer(&self) -> Option<String> {
        let s = self.split.as_ref()?;
        let n = s.comparison.conflicts.len();
        let i = s.conflict.unwrap_or(0);
        let c = s.comparison.conflicts.get(i)?;
        // where each figure stands (paragraphs counted from 1, as a reader counts them)
        let side = |article: &str| if article == &*s.comparison.left { "left" } else { "right" };
        let (pa, pb) = (c.a.at.paragraph + 1, c.b.at.paragraph + 1);
        let place = if c.a.at.article == c.b.at.article {
            format!(" · {} ¶{pa} & ¶{pb}, inside one report", side(&c.a.at.article))
        } else {
            format!(" · {} ¶{pa} · {} ¶{pb}", side(&c.a.at.article), side(&c.b.at.article))
        };
        Some(format!(
            "conflict {}/{n}: {} vs {} {}{}{place}{}",
            i + 1,
            c.a.text,
            c.b.text,
            c.measure,
            claimants(&c.a, &c.b),
            kind(c.kind)
        ))
    }
}
