//! The reader shows its evidence: the conflicts view, conflicting figures explained in the
//! reader and the comparison, the export, the pager, the list's order, prompts' cursor, and
//! the palettes. Keys go through the keymap; snapshots at 120x40 and 80x24.
#![expect(clippy::unwrap_used, reason = "a test helper that fails is the test failing")]

mod support;

use diptych::config::Config;
use diptych::session::Session;
use diptych::tui::action::{Action, Effect};
use diptych::tui::app::{App, Sort, View};
use diptych::tui::digest::Analysed;
use diptych::tui::theme::Theme;
use diptych::tui::{action_for, app_for};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use support::{app, press, screen, split_with_conflict, style_of};

/// The app with the `[keys]` table of a config.
fn app_with_keys(keys: &[(&str, &str)]) -> App {
    let mut config = Config::default();
    for (k, v) in keys {
        config.keys.insert((*k).to_string(), (*v).to_string());
    }
    support::app_with(config, 120, 40)
}

macro_rules! both_sizes {
    ($name:ident, $build:expr) => {
        #[test]
        fn $name() {
            for (w, h) in [(120u16, 40u16), (80, 24)] {
                let a: App = $build(w, h);
                insta::assert_snapshot!(format!("{}_{w}x{h}", stringify!($name)), screen(&a));
            }
        }
    };
}

both_sizes!(conflicts_view, |w, h| {
    let mut a = app(w, h);
    press(&mut a, "x");
    a
});
both_sizes!(reader_explains_a_conflicting_figure, |w, h| {
    let mut a = app(w, h);
    let row = a.list.rows.iter().position(|&i| a.corpus.articles[i].id.starts_with("002")).unwrap();
    a.list.selected = row;
    press(&mut a, "<Enter>x");
    a
});
both_sizes!(list_sorted_by_date, |w, h| {
    let mut a = app(w, h);
    press(&mut a, "o");
    a
});
both_sizes!(too_small, |w: u16, h: u16| app(w / 4, h / 4));

#[test]
fn the_conflicts_view_lists_every_conflict_and_opens_its_pair() {
    let mut a = app(120, 40);
    press(&mut a, "x");
    assert_eq!(a.view, View::Conflicts);
    let n = a.conflict_list.all.len();
    assert!(n > 0);
    let s = screen(&a);
    assert!(s.contains("400,000 vs 43,000"), "{s}");
    assert!(s.contains("contradiction") || s.contains("update"), "{s}");
    // both figures of the bundled conflict stand in one report: Enter opens the reader there
    press(&mut a, "<Enter>");
    assert_eq!(a.view, View::Reader);
    assert!(a.reader.conflict.is_some());
    let footer = a.reader_footer().unwrap();
    assert!(footer.contains("in this article"), "{footer}");
    press(&mut a, "<Esc>");
    assert_eq!(a.view, View::Conflicts);
    press(&mut a, "<Esc>");
    assert_eq!(a.view, View::List);
}

#[test]
fn the_conflicts_filter_narrows_and_escape_restores() {
    let mut a = app(120, 40);
    press(&mut a, "x/soldiers");
    let n = a.conflict_list.rows.len();
    assert!(n >= 1);
    press(&mut a, "zzqy");
    assert!(a.conflict_list.rows.is_empty());
    assert!(screen(&a).contains("no conflict matches the filter"));
    press(&mut a, "<Esc>");
    assert_eq!(a.conflict_list.rows.len(), a.conflict_list.all.len());
}

/// Two reports of one event whose tolls disagree, for the comparison opened from the
/// conflicts view.
fn two_reports() -> App {
    let dir = std::env::temp_dir().join(format!("diptych-evidence-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(
        dir.join("a.txt"),
        "---\ntitle: Flood Hits Riverton\nsource: Valley Post\ndate: 2031-03-04\nurl: https://example.org/flood\n---\n\n\
         Floods in Riverton killed 42 people on Monday, the regional hospital said.\n\n\
         Mayor Ana Reyes asked the Red Cross for tents, and rescue teams searched the banks of the Lune.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "---\ntitle: Riverton Flood Toll Rises\nsource: Harbour Times\ndate: 2031-03-04\n---\n\n\
         The Red Cross sent tents to Riverton, where rescue teams searched the Lune overnight.\n\n\
         Floods in Riverton killed 40 people on Monday, Mayor Ana Reyes said.\n",
    )
    .unwrap();
    let request = diptych::session::Request { corpus: vec![dir], config: None, no_cache: true };
    let session = Session::open(&request, &|_, _| {}).unwrap();
    let (mut app, _) = app_for(&session, 120, 40);
    let a = diptych::analysis::analyse(&session.corpus, &diptych::analysis::Options::default());
    app.update(Action::Analysed(Analysed::new(&session.corpus, a)));
    app
}

#[test]
fn a_conflict_across_reports_opens_the_comparison_with_both_figures_in_view() {
    let mut a = two_reports();
    press(&mut a, "x");
    assert!(!a.conflict_list.all.is_empty(), "{}", screen(&a));
    press(&mut a, "<Enter>");
    assert_eq!(a.view, View::Split);
    let s = a.split.as_ref().unwrap();
    assert!(s.conflict.is_some(), "the conflict is the current one");
    let text = screen(&a);
    assert!(text.contains("42") && text.contains("40"), "{text}");
    assert!(text.contains("▶"), "a steady marker on the current conflict: {text}");
    // panes say whose reports they are
    assert!(text.contains("Valley Post") && text.contains("Harbour Times"), "{text}");
    let footer = a.footer().unwrap();
    assert!(footer.contains("left ¶") && footer.contains("right ¶"), "{footer}");
    // `o` goes to the other figure, in the other pane; X and x move back and forth
    let focus = a.split.as_ref().unwrap().focus;
    press(&mut a, "o");
    assert_ne!(a.split.as_ref().unwrap().focus, focus);
    press(&mut a, "X");
    assert!(a.split.as_ref().unwrap().conflict.is_some());
    // the export: a Markdown file named after both reports, with the evidence
    let effect = a.update(Action::Command(diptych::tui::action::Command::Export));
    let Some(Effect::Write { path, text }) = effect else { panic!("{effect:?}") };
    assert!(path.ends_with(".md") && path.contains("-vs-"), "{path}");
    assert!(text.contains("claimed by") || text.contains("“Floods in Riverton killed"), "{text}");
    assert!(text.contains("Valley Post") && text.contains("2031-03-04"), "{text}");
    a.update(Action::EffectDone(format!("comparison written to {path}")));
    assert!(a.status.contains(&path));
    // its file names a web address: U hands it to the browser; p to the pager
    a.split.as_mut().unwrap().focus = 0;
    let effect = a.update(Action::Command(diptych::tui::action::Command::Browse));
    assert_eq!(effect, Some(Effect::Browse("https://example.org/flood".into())));
    let effect = a.update(Action::Command(diptych::tui::action::Command::Pager));
    assert!(matches!(effect, Some(Effect::Page(p)) if p.ends_with("a.txt")));
}

#[test]
fn the_reader_walks_its_conflicting_figures_and_enter_compares() {
    let mut a = two_reports();
    a.list.selected = 0;
    press(&mut a, "<Enter>");
    assert!(a.reader_footer().unwrap().contains("x to visit"), "{:?}", a.reader_footer());
    press(&mut a, "x");
    let footer = a.reader_footer().unwrap();
    assert!(footer.starts_with("conflict 1/"), "{footer}");
    assert!(footer.contains("against “"), "the counterpart's article: {footer}");
    assert!(footer.contains("Enter compares"), "{footer}");
    assert!(screen(&a).contains("▶"), "{}", screen(&a));
    press(&mut a, "<Enter>");
    assert_eq!(a.view, View::Split);
    assert!(a.split.as_ref().unwrap().conflict.is_some());
}

#[test]
fn a_bundled_report_has_no_file_for_the_pager() {
    let mut a = app(120, 40);
    press(&mut a, "<Enter>");
    assert_eq!(a.update(Action::Command(diptych::tui::action::Command::Pager)), None);
    assert!(a.status.contains("no file"), "{}", a.status);
    assert_eq!(a.update(Action::Command(diptych::tui::action::Command::Browse)), None);
    assert!(a.status.contains("no web address"), "{}", a.status);
}

#[test]
fn the_list_sorts_by_each_key_in_turn() {
    let mut a = app(120, 40);
    let corpus_order = a.list.rows.clone();
    press(&mut a, "o");
    assert_eq!(a.list.sort, Sort::Date);
    let dates: Vec<_> = a.list.rows.iter().map(|&i| a.corpus.articles[i].date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1] || w[1].is_none()), "newest first, undated last: {dates:?}");
    press(&mut a, "oo");
    assert_eq!(a.list.sort, Sort::Words);
    let words: Vec<usize> = a.list.rows.iter().map(|&i| a.corpus.articles[i].words()).collect();
    assert!(words.windows(2).all(|w| w[0] >= w[1]), "{words:?}");
    press(&mut a, "o");
    assert_eq!(a.list.sort, Sort::Conflicts);
    assert!(a.stats[a.list.rows[0]].conflicts >= a.stats[*a.list.rows.last().unwrap()].conflicts);
    press(&mut a, "o");
    assert_eq!(a.list.rows, corpus_order);
    // the bundled reports have no source: that column is not shown; the id is
    let s = screen(&a);
    assert!(!s.contains("SOURCE") && s.contains("ID"), "{s}");
}

#[test]
fn prompts_move_their_cursor_with_the_arrows() {
    let mut a = app(120, 40);
    press(&mut a, "/russia");
    let key = |a: &App, code: KeyCode| action_for(a, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    for _ in 0..3 {
        let left = key(&a, KeyCode::Left).unwrap();
        a.update(left);
    }
    press(&mut a, "X");
    assert_eq!(a.input, "rusXsia");
    assert_eq!(a.list.filter.query, "rusXsia");
    let right = key(&a, KeyCode::Right).unwrap();
    a.update(right);
    a.update(Action::Backspace);
    assert_eq!(a.input, "rusXia");
    press(&mut a, "<C-u>");
    assert_eq!(a.input, "ia", "Ctrl-u takes what stands before the cursor");
}

#[test]
fn one_speakers_quotes_filter_too() {
    let mut a = app(120, 40);
    press(&mut a, "s");
    a.speakers.sel = a.speakers.all.iter().position(|s| s.0 == "Dmitry Peskov").unwrap();
    press(&mut a, "<Enter>");
    let all = a.speaker_list().len();
    press(&mut a, "/negotiat");
    let some = a.speaker_list().len();
    assert!(some >= 1 && some < all, "{some} of {all}");
    press(&mut a, "<Esc>");
    assert_eq!(a.speaker_list().len(), all);
}

#[test]
fn new_keys_follow_a_rebinding() {
    let mut a = app_with_keys(&[("conflicts", "C"), ("next_conflict", "z")]);
    press(&mut a, "x");
    assert_eq!(a.view, View::List, "x is no longer the conflicts view");
    press(&mut a, "C");
    assert_eq!(a.view, View::Conflicts);
    press(&mut a, "<Enter>");
    assert_eq!(a.view, View::Reader);
    press(&mut a, "<Esc><Esc>");
    press(&mut a, "zz");
    assert!(a.reader_footer().unwrap().contains("z to visit") || a.reader_footer().unwrap().starts_with("conflict"));
}

#[test]
fn conflict_cells_shared_entities_and_no_color_have_their_styles() {
    let a = split_with_conflict(120, 40);
    let conflict = style_of(&a, "43,000");
    assert_eq!(conflict.bg, a.theme.conflict.bg, "a conflicting figure is red");
    // a shared entity has the same colour in both panes
    let mut b = app(120, 40);
    press(&mut b, "  c");
    let s = b.split.as_ref().unwrap();
    let (name, colour) =
        s.comparison.shared_entities.iter().find_map(|e| Some((e.name.clone(), *s.colors.get(&e.name)?))).unwrap();
    let expected = b.theme.shared(colour);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    t.draw(|f| diptych::tui::draw::draw(f, &b)).unwrap();
    let buf = t.backend().buffer().clone();
    let first = name.split_whitespace().next().unwrap().to_string();
    let coloured = |from: u16, to: u16| {
        (0..40u16).any(|y| {
            let row: String = (from..to).map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' ')).collect();
            row.find(&first).is_some_and(|at| {
                let x = from + row[..at].chars().count() as u16;
                buf[(x, y)].style().fg == expected.fg
            })
        })
    };
    assert!(coloured(0, 60) && coloured(60, 120), "{name} in the same colour in both panes");
    // without colours, a place and a figure still look different
    let plain = Theme::plain();
    assert_ne!(plain.place, plain.figure);
    assert_ne!(plain.figure, plain.conflict);
}

#[test]
fn hints_that_do_not_fit_are_dropped_whole() {
    let a = split_with_conflict(80, 24);
    let s = screen(&a);
    let hints = s.lines().last().unwrap();
    assert!(hints.contains("?  help"), "{hints}");
    // every hint shown is whole: its key and its word
    for (k, h) in a.keymap.hints(View::Split) {
        if hints.contains(&format!(" {k} ")) {
            assert!(hints.contains(&format!(" {k}  {h}")), "{k} {h} cut: {hints}");
        }
    }
}

#[test]
fn help_longer_than_the_terminal_scrolls_to_every_key() {
    let mut a = split_with_conflict(80, 24);
    press(&mut a, "?");
    assert!(screen(&a).contains("j/k for more"), "{}", screen(&a));
    assert!(!screen(&a).contains("Markdown"));
    press(&mut a, "<PgDn>");
    let s = screen(&a);
    assert!(s.contains("Markdown") && s.contains("$PAGER"), "{s}");
    press(&mut a, "<Esc>");
    assert!(!a.help);
}

#[test]
fn without_colour_a_drawn_place_and_figure_look_different_and_the_current_match_stands_out() {
    let mut a = app(120, 40);
    a.theme = Theme::plain();
    let row = a.list.rows.iter().position(|&i| a.corpus.articles[i].id.starts_with("002")).unwrap();
    a.list.selected = row;
    press(&mut a, "<Enter>");
    let place = style_of(&a, "Kyiv");
    let figure = style_of(&a, "370,000");
    assert_ne!(place, figure, "{place:?} {figure:?}");
    assert!(screen(&a).contains("≠"), "a conflicting figure is marked without colour");
    press(&mut a, "/soldiers<Enter>");
    let s = a.search.clone();
    assert_eq!(s, "soldiers");
    assert_ne!(a.theme.current_match, a.theme.matched);
}
