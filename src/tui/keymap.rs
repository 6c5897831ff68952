//! The keymap: one table that drives key handling, the help overlay and the hint bar, so
//! none of them can go stale (after gitui's `commands()`).

use super::action::Command;
use super::view::View;
use crate::warning::Warning;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("Ctrl-{base}") } else { base }
    }

    /// Parses `x`, `Ctrl-x`, `Enter`, `Space`, `PgDn`, `Tab`, `Esc`.
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("Ctrl-").or_else(|| s.strip_prefix("ctrl-")) {
            Some(r) => (true, r),
            None => (false, s),
        };
        let code = match rest {
            "Enter" | "enter" => KeyCode::Enter,
            "Esc" | "esc" => KeyCode::Esc,
            "Tab" | "tab" => KeyCode::Tab,
            "Space" | "space" => KeyCode::Char(' '),
            "Up" | "up" => KeyCode::Up,
            "Down" | "down" => KeyCode::Down,
            "PgUp" | "pageup" => KeyCode::PageUp,
            "PgDn" | "pagedown" => KeyCode::PageDown,
            "Home" | "home" => KeyCode::Home,
            "End" | "end" => KeyCode::End,
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
            _ => return None,
        };
        Some(Key { code, ctrl })
    }

    fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let code = ev.code;
        code == self.code && ctrl == self.ctrl
    }
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub command: Command,
    /// Views where it applies; empty means everywhere.
    pub views: Vec<View>,
    pub help: &'static str,
    /// Its short name in the hint bar, if it is one of the most useful keys.
    pub hint: Option<&'static str>,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

fn k(s: &str) -> Key {
    Key::parse(s).unwrap_or(Key { code: KeyCode::Null, ctrl: false })
}

const LISTS: &[View] = &[View::List, View::Speakers, View::SpeakerQuotes, View::Warnings, View::Conflicts];
const FILES: &[View] = &[View::List, View::Reader, View::Split];
const TEXTS: &[View] = &[View::Reader, View::Split];

/// One binding of the default keymap.
fn b(keys: &[&str], command: Command, views: &[View], help: &'static str, hint: Option<&'static str>) -> Binding {
    Binding { keys: keys.iter().map(|s| k(s)).collect(), command, views: views.to_vec(), help, hint }
}

/// Keys everywhere, for moving, and in the lists: in their order of importance (the hint bar
/// drops the last first).
fn list_bindings() -> Vec<Binding> {
    use Command::*;
    let all_moving: Vec<View> = LISTS.iter().chain(TEXTS).copied().collect();
    vec![
        b(&["q"], Quit, &[], "quit (q in a sub-view goes back first)", Some("quit")),
        b(&["Ctrl-c"], ForceQuit, &[], "quit at once, from anywhere", None),
        b(&["?"], Help, &[], "this help", Some("help")),
        b(&["Esc"], Back, &[], "back, or close the overlay", None),
        b(&["j", "Down"], Down, &all_moving, "down", None),
        b(&["k", "Up"], Up, &all_moving, "up", None),
        b(&["PgDn", "Ctrl-d", "Space", "f", "Ctrl-f"], PageDown, TEXTS, "page down", None),
        b(&["PgDn", "Ctrl-d", "Ctrl-f"], PageDown, LISTS, "page down", None),
        b(&["PgUp", "Ctrl-u", "b", "Ctrl-b"], PageUp, &all_moving, "page up", None),
        b(&["d"], HalfPageDown, TEXTS, "half a page down", None),
        b(&["u"], HalfPageUp, TEXTS, "half a page up", None),
        b(&["g", "Home"], Top, &all_moving, "top", None),
        b(&["G", "End"], Bottom, &all_moving, "bottom", None),
        b(&["/"], Filter, &[View::List], "filter titles, sources and authors", Some("filter")),
        b(&["/"], Filter, &[View::Speakers], "filter the speakers by name", Some("filter")),
        b(&["/"], Filter, &[View::SpeakerQuotes], "filter the quotes, their titles and sources", Some("filter")),
        b(&["/"], Filter, &[View::Conflicts], "filter by measure, value, claimant, title, source", Some("filter")),
        b(&["Enter"], Open, &[View::List], "read the article", Some("read")),
        b(&["Space"], Mark, &[View::List], "mark for comparison (two at most)", Some("mark")),
        b(&["c"], Compare, &[View::List], "compare the marked articles (or this and the next)", Some("compare")),
        b(&["s"], Speakers, &[View::List, View::Reader], "speakers", Some("speakers")),
        b(&["x"], Conflicts, &[View::List], "every conflicting figure of the corpus", Some("conflicts")),
        b(&["o"], Sort, &[View::List], "order by corpus, date, source, words, conflicts", Some("sort")),
        b(&["w"], Warnings, &[View::List], "what was skipped or odd while loading", None),
        b(&["Enter"], Open, &[View::Speakers], "that speaker's quotes", Some("quotes")),
        b(&["Enter"], Open, &[View::SpeakerQuotes], "read at this quote", Some("read")),
        b(&["Enter"], Open, &[View::Conflicts], "compare the two reports at this conflict", Some("compare")),
        b(&["Enter"], Open, &[View::Reader], "compare at the selected conflicting figure", None),
    ]
}

/// Keys of the reading view and the comparison.
fn text_bindings() -> Vec<Binding> {
    use Command::*;
    vec![
        b(&["/"], Search, TEXTS, "search the text", Some("search")),
        b(&["n"], SearchNext, TEXTS, "next match", None),
        b(&["N"], SearchPrev, TEXTS, "previous match", None),
        b(&["]"], NextQuote, &[View::Reader], "next quote by the same speaker, across articles", Some("next quote")),
        b(&["["], PrevQuote, &[View::Reader], "previous quote by the same speaker", None),
        b(&["Ctrl-o"], JumpBack, &[View::Reader], "back to where ] or [ left another article", None),
        b(&["e"], NextEntity, &[View::Reader], "select the next entity: highlight all its mentions", Some("entity")),
        b(&["Tab"], SwitchPane, &[View::Split], "switch the focused pane", Some("pane")),
        b(&["x"], NextConflict, TEXTS, "next conflicting figure, explained below", Some("conflict")),
        b(&["X"], PrevConflict, TEXTS, "previous conflicting figure", None),
        b(&["o"], Counterpart, &[View::Split], "the other figure of this conflict", Some("other")),
        b(&["e"], NextSharedEntity, &[View::Split], "next shared entity", Some("shared")),
        b(&["E"], PrevSharedEntity, &[View::Split], "previous shared entity", None),
        b(&["S"], ToggleSync, &[View::Split], "toggle synced scrolling", Some("sync")),
        b(&["M"], Export, &[View::Split], "write the comparison to a Markdown file", Some("export")),
        b(&["p"], Pager, FILES, "the article's file in $PAGER", None),
        b(&["U"], Browse, FILES, "the article's web address in the browser", None),
    ]
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap { bindings: list_bindings().into_iter().chain(text_bindings()).collect() }
    }
}

impl Keymap {
    /// The defaults with the config's overrides (`action = "key"`); unknown names are reported.
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> (Keymap, Vec<Warning>) {
        let mut km = Keymap::default();
        let mut warnings = Vec::new();
        for (name, key) in overrides {
            let Some(key) = Key::parse(key) else {
                warnings.push(Warning::about("config", format!("key '{key}' for '{name}' is not a key")));
                continue;
            };
            let mut found = false;
            for b in km.bindings.iter_mut().filter(|b| b.command.name() == name) {
                b.keys = vec![key.clone()];
                found = true;
            }
            if !found {
                warnings.push(Warning::about("config", format!("no action named '{name}'")));
                continue;
            }
            // a key taken by another action in a view both use: the first binding wins, so say so
            let mine: Vec<&Binding> = km.bindings.iter().filter(|b| b.command.name() == name).collect();
            let clash = km.bindings.iter().find(|o| {
                o.command.name() != name.as_str()
                    && o.keys.contains(&key)
                    && mine.iter().any(|m| {
                        m.views.is_empty() || o.views.is_empty() || m.views.iter().any(|v| o.views.contains(v))
                    })
            });
            if let Some(o) = clash {
                warnings.push(Warning::about(
                    "config",
                    format!(
                        "key '{}' for '{name}' is also '{}'; one of them will not work",
                        key.label(),
                        o.command.name()
                    ),
                ));
            }
        }
        (km, warnings)
    }

    fn applies(b: &Binding, view: View) -> bool {
        b.views.is_empty() || b.views.contains(&view)
    }

    /// The command a key press means in a view.
    pub fn lookup(&self, view: View, ev: &KeyEvent) -> Option<Command> {
        self.bindings
            .iter()
            .filter(|b| Self::applies(b, view))
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
            .map(|b| b.command)
    }

    /// The key a command is bound to in a view, as the help shows it (status messages name
    /// keys by this, so a `[keys]` change shows there too).
    pub fn key_for(&self, view: View, command: Command) -> String {
        self.bindings
            .iter()
            .filter(|b| b.command == command && Self::applies(b, view))
            .find_map(|b| b.keys.first())
            .map_or_else(|| command.name().to_string(), Key::label)
    }

    /// Help rows for a view: keys and what they do.
    pub fn commands(&self, view: View) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        for b in self.bindings.iter().filter(|b| Self::applies(b, view)) {
            let keys = b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" ");
            if !rows.iter().any(|(_, h)| *h == b.help) {
                rows.push((keys, b.help));
            }
        }
        rows
    }

    /// The hint bar: the most useful keys of a view.
    pub fn hints(&self, view: View) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|b| Self::applies(b, view))
            .filter_map(|b| b.hint.map(|h| (b.keys.first().map(Key::label).unwrap_or_default(), h)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: m,
            kind: KeyEventKind::Press,
            state: ratatui::crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn same_key_means_different_things_per_view() {
        let km = Keymap::default();
        assert_eq!(km.lookup(View::List, &ev(KeyCode::Char(' '), KeyModifiers::NONE)), Some(Command::Mark));
        assert_eq!(km.lookup(View::Reader, &ev(KeyCode::Char(' '), KeyModifiers::NONE)), Some(Command::PageDown));
        assert_eq!(
            km.lookup(View::Split, &ev(KeyCode::Char('e'), KeyModifiers::NONE)),
            Some(Command::NextSharedEntity)
        );
        assert_eq!(km.lookup(View::Reader, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Command::ForceQuit));
    }

    #[test]
    fn overrides_rebind_and_warn() {
        let mut o = BTreeMap::new();
        o.insert("next_conflict".to_string(), "z".to_string());
        o.insert("fly".to_string(), "f".to_string());
        let (km, w) = Keymap::with_overrides(&o);
        assert_eq!(km.lookup(View::Split, &ev(KeyCode::Char('z'), KeyModifiers::NONE)), Some(Command::NextConflict));
        assert_eq!(km.lookup(View::Split, &ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
        assert_eq!(w.len(), 1);
        // a key another action already has in the same view is reported
        let mut o = BTreeMap::new();
        o.insert("next_conflict".to_string(), "q".to_string());
        let (_, w) = Keymap::with_overrides(&o);
        assert!(w.len() == 1 && w[0].message.contains("is also 'quit'"), "{w:?}");
    }

    #[test]
    fn every_default_key_parses_and_every_command_has_one() {
        use strum::IntoEnumIterator;
        let km = Keymap::default();
        for b in &km.bindings {
            assert!(b.keys.iter().all(|k| k.code != KeyCode::Null), "{:?} has a key that did not parse", b.command);
        }
        for c in Command::iter() {
            assert!(km.bindings.iter().any(|b| b.command == c), "{c:?} has no key");
        }
        assert_eq!(Command::NextEntity.name(), "select_entity");
        // the example config names every action a `[keys]` table can rebind
        let example = include_str!("../../config.example.toml");
        for c in Command::iter() {
            assert!(example.contains(&format!("# {} = ", c.name())), "config.example.toml lacks {}", c.name());
        }
        assert_eq!(Command::PageDown.name(), "page_down");
    }

    #[test]
    fn messages_name_keys_as_bound() {
        assert_eq!(Keymap::default().key_for(View::List, Command::Mark), "Space");
        let mut o = BTreeMap::new();
        o.insert("next_conflict".to_string(), "z".to_string());
        let (km, _) = Keymap::with_overrides(&o);
        assert_eq!(km.key_for(View::Split, Command::NextConflict), "z");
    }

    #[test]
    fn help_lists_every_binding_of_a_view() {
        let km = Keymap::default();
        let help = km.commands(View::Split);
        assert!(help.iter().any(|(k, h)| k == "x" && h.contains("conflict")));
        assert!(!help.iter().any(|(_, h)| h.contains("mark for comparison")));
        assert!(km.hints(View::List).iter().any(|(k, _)| k == "c"));
    }
}
