//! The reader's views drawn into a `TestBackend` (insta snapshots at 120x40 and 80x24), and
//! key sequences through `App::update`.

use diptych::config::Config;
use diptych::corpus::bundled;
use diptych::session::Session;
use diptych::tui::action::{Action, Command};
use diptych::tui::app::{App, View};
use diptych::tui::{app_for, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod support;

use support::{app, keys, open_id, press, screen, split_with_conflict, style_of, typed};

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

both_sizes!(list_view, app);
both_sizes!(list_filtered, |w, h| {
    let mut a = app(w, h);
    keys(&mut a, &[Command::Filter]);
    typed(&mut a, "peace talks");
    a
});
both_sizes!(reader_view, |w, h| {
    let mut a = app(w, h);
    open_id(&mut a, "000");
    a
});
both_sizes!(reader_next_quote, |w, h| {
    let mut a = app(w, h);
    open_id(&mut a, "000");
    keys(&mut a, &[Command::NextQuote, Command::NextQuote]);
    a
});
both_sizes!(split_view_with_conflict, split_with_conflict);
both_sizes!(speakers_view, |w, h| {
    let mut a = app(w, h);
    keys(&mut a, &[Command::Speakers]);
    a
});
both_sizes!(speaker_quotes_view, |w, h| {
    let mut a = app(w, h);
    keys(&mut a, &[Command::Speakers, Command::Open]);
    a
});
both_sizes!(help_overlay_in_split, |w, h| {
    let mut a = split_with_conflict(w, h);
    keys(&mut a, &[Command::Help]);
    a
});

#[test]
fn too_small_terminal_shows_a_notice() {
    let a = app(30, 8);
    let s = screen(&a);
    assert!(s.contains("terminal too small"), "{s}");
}

#[test]
fn split_footer_explains_the_conflict() {
    let a = split_with_conflict(120, 40);
    let footer = a.footer().expect("a conflict");
    assert!(footer.contains("400,000 vs 43,000 soldiers lost"), "{footer}");
    assert!(footer.contains("Trump vs Zelensky"), "{footer}");
    // where: both figures stand in the left report (a claim and its rebuttal)
    assert!(footer.contains("· left ¶") && footer.contains(" & ¶"), "{footer}");
    assert!(a.status.is_empty(), "the status line does not repeat the footer: {}", a.status);
    assert!(screen(&a).contains("400,000 vs 43,000"));
}

#[test]
fn next_quote_walks_one_speaker_across_articles() {
    let mut a = app(120, 40);
    // open the first article quoting Peskov, at his first quote
    keys(&mut a, &[Command::Speakers]);
    a.speakers.sel = a.speakers.all.iter().position(|s| s.0 == "Dmitry Peskov").expect("Peskov speaks");
    keys(&mut a, &[Command::Open, Command::Open]);
    assert_eq!(a.view, View::Reader);
    let total = a.speaker_list().len();
    let mut articles = std::collections::BTreeSet::new();
    let mut seen = 1;
    articles.insert(a.reader.pane.as_ref().unwrap().article);
    assert!(a.status.starts_with("quote 1/"), "{}", a.status);
    for _ in 1..total {
        keys(&mut a, &[Command::NextQuote]);
        seen += 1;
        articles.insert(a.reader.pane.as_ref().unwrap().article);
        assert!(a.status.starts_with(&format!("quote {seen}/{total} · ‹Dmitry Peskov›")), "{}", a.status);
        // the cue it rests on follows the name
        assert!(a.status.len() > format!("quote {seen}/{total} · ‹Dmitry Peskov›").len(), "{}", a.status);
    }
    assert_eq!(articles.len(), 3, "Peskov is quoted in three reports");
    keys(&mut a, &[Command::NextQuote]);
    assert!(a.status.starts_with("last quote"), "{}", a.status);
    keys(&mut a, &[Command::PrevQuote]);
    assert!(a.status.starts_with(&format!("quote {}/{total}", total - 1)), "{}", a.status);
}

#[test]
fn filter_narrows_and_escape_restores() {
    let mut a = app(120, 40);
    keys(&mut a, &[Command::Filter]);
    typed(&mut a, "Signals Openness");
    assert!(a.list.rows.len() < 5);
    assert!(a.corpus.articles[a.list.rows[0]].id.starts_with("004"), "best match first");
    a.update(Action::Submit);
    keys(&mut a, &[Command::Back]);
    assert_eq!(a.list.rows.len(), 5);
}

/// The letters a row highlights are the filter's, in order, in that row's title.
#[test]
fn matched_letters_of_the_rows_on_screen() {
    let mut a = app(120, 40);
    assert!(a.title_hits(&a.list.rows).iter().all(Vec::is_empty), "no filter, no highlight");
    keys(&mut a, &[Command::Filter]);
    typed(&mut a, "rus");
    let hits = a.title_hits(&a.list.rows);
    assert_eq!(hits.len(), a.list.rows.len());
    let (row, hit) = a.list.rows.iter().zip(&hits).find(|(_, h)| !h.is_empty()).expect("a title matched");
    let title: Vec<char> = a.corpus.articles[*row].title.chars().collect();
    let letters: String = hit.iter().map(|&k| title[k].to_ascii_lowercase()).collect();
    assert_eq!(letters, "rus");
    assert!(hit.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn marks_compare_and_back() {
    let mut a = app(120, 40);
    keys(&mut a, &[Command::Mark, Command::Mark, Command::Compare]);
    assert_eq!(a.view, View::Split);
    let s = a.split.as_ref().unwrap();
    assert_eq!((s.panes[0].article, s.panes[1].article), (0, 1));
    keys(&mut a, &[Command::SwitchPane, Command::PageDown]);
    assert_eq!(a.split.as_ref().unwrap().focus, 1);
    keys(&mut a, &[Command::NextSharedEntity]);
    assert!(a.status.starts_with("shared 1/"), "{}", a.status);
    keys(&mut a, &[Command::Quit]);
    assert_eq!(a.view, View::List);
    assert!(!a.quit);
    keys(&mut a, &[Command::Quit]);
    assert!(a.quit);
}

#[test]
fn keys_pressed_go_through_the_keymap() {
    let mut a = app(120, 40);
    // Space marks and moves down, twice; c compares; Tab switches the pane
    press(&mut a, "  c<Tab>");
    assert_eq!(a.view, View::Split);
    assert_eq!(a.split.as_ref().unwrap().focus, 1);
    // q goes back to the list, then quits
    press(&mut a, "q");
    assert_eq!((a.view, a.quit), (View::List, false));
    // in a prompt, letters are typed, Esc leaves it; Ctrl-c quits from anywhere, also a prompt
    press(&mut a, "/zel");
    assert_eq!(a.list.filter.query, "zel");
    press(&mut a, "<Esc>");
    assert_eq!(a.list.filter.query, "");
    press(&mut a, "/x<C-c>");
    assert!(a.quit);
}

#[test]
fn prompts_take_the_line_editing_keys() {
    let mut a = app(120, 40);
    press(&mut a, "/war and peace");
    assert_eq!(a.input, "war and peace");
    press(&mut a, "<C-w>");
    assert_eq!(a.input, "war and ");
    press(&mut a, "<C-h>");
    assert_eq!(a.input, "war and");
    press(&mut a, "<C-u>");
    assert_eq!((a.input.as_str(), a.list.filter.query.as_str()), ("", ""));
}

#[test]
fn the_filter_selects_its_best_match() {
    let mut a = app(120, 40);
    press(&mut a, "jjj");
    assert_eq!(a.list.selected, 3);
    press(&mut a, "/z");
    assert_eq!(a.list.selected, 0, "a new query shows its best match first");
}

#[test]
fn escape_clears_a_selection_before_leaving_the_reader() {
    let mut a = app(120, 40);
    press(&mut a, "<Enter>e");
    assert!(a.reader.selected_entity.is_some());
    press(&mut a, "<Esc>");
    assert_eq!((a.view, a.reader.selected_entity.is_none()), (View::Reader, true));
    press(&mut a, "<Esc>");
    assert_eq!(a.view, View::List);
}

#[test]
fn less_and_vim_keys_scroll_the_text() {
    let mut a = app(120, 24);
    press(&mut a, "<Enter>");
    let scroll = |a: &App| a.reader.pane.as_ref().unwrap().scroll;
    press(&mut a, "d");
    let half = scroll(&a);
    assert!(half > 0);
    press(&mut a, "u");
    assert_eq!(scroll(&a), 0);
    press(&mut a, "f");
    assert!(scroll(&a) > half, "a page is more than half of one");
    press(&mut a, "<C-b>");
    assert_eq!(scroll(&a), 0);
}

#[test]
fn messages_count_and_name_keys_as_bound() {
    let mut a = split_with_conflict(120, 40);
    press(&mut a, "q");
    // the comparison's opening message names its key and agrees with its count
    press(&mut a, "c");
    assert!(a.status.contains("to visit"), "{}", a.status);
    let n: usize = a.status.split_whitespace().next().unwrap().parse().unwrap();
    assert_eq!(a.status.contains("conflicting figures"), n != 1, "{}", a.status);
    assert!(a.status.contains(": x to visit"), "{}", a.status);
}

#[test]
fn e_in_the_comparison_highlights_the_entity_in_both_panes() {
    let mut a = app(120, 40);
    press(&mut a, "  c");
    assert_eq!(a.view, View::Split);
    press(&mut a, "e");
    let s = a.split.as_ref().unwrap();
    let name = s.comparison.shared_entities[s.entity.unwrap()].name.clone();
    let mut t = Terminal::new(TestBackend::new(a.width, a.height)).expect("terminal");
    t.draw(|f| draw::draw(f, &a)).expect("draw");
    let buf = t.backend().buffer().clone();
    let half = a.width / 2;
    // every pane shows a cell with the selection's background inside a mention of it
    let selected_in =
        |from: u16, to: u16| (0..a.height).any(|y| (from..to).any(|x| buf[(x, y)].style().bg == a.theme.selection.bg));
    assert!(selected_in(0, half) && selected_in(half, a.width), "{name} highlighted in both panes");
}

#[test]
fn the_status_line_tells_how_far_down_the_text_is() {
    let mut a = app(120, 24);
    press(&mut a, "<Enter>");
    let right = |a: &App| screen(a).lines().nth(22).unwrap_or_default().trim_end_matches('"').trim_end().to_string();
    assert!(right(&a).ends_with("reader top"), "{}", right(&a));
    press(&mut a, "d");
    assert!(right(&a).ends_with('%'), "{}", right(&a));
    press(&mut a, "G");
    assert!(right(&a).ends_with("reader end"), "{}", right(&a));
}

#[test]
fn ctrl_o_goes_back_after_a_quote_jump_to_another_article() {
    let mut a = app(120, 40);
    open_id(&mut a, "000");
    let start = a.reader.pane.as_ref().unwrap().article;
    // `]` until the speaker's next quote is in another article
    for _ in 0..12 {
        press(&mut a, "]");
        if a.reader.pane.as_ref().unwrap().article != start {
            break;
        }
    }
    assert_ne!(a.reader.pane.as_ref().unwrap().article, start, "a speaker of this article is quoted elsewhere too");
    press(&mut a, "<C-o>");
    assert_eq!(a.reader.pane.as_ref().unwrap().article, start);
    assert!(a.status.starts_with("back to"), "{}", a.status);
}

#[test]
fn warnings_are_counted_and_listed_in_the_reader() {
    let mut session = Session::new(Config::default(), bundled::corpus());
    session.warnings.push(diptych::Warning::about("notes/a.pdf", "binary file, skipped"));
    let (mut a, _) = app_for(&session, 120, 40);
    assert!(screen(&a).contains("⚠ 1"), "the status line counts warnings");
    press(&mut a, "w");
    assert_eq!(a.view, View::Warnings);
    let s = screen(&a);
    assert!(s.contains("1 warning") && s.contains("notes/a.pdf: binary file, skipped"), "{s}");
    press(&mut a, "<Esc>");
    assert_eq!(a.view, View::List);
}

#[test]
fn search_in_the_comparison_covers_both_panes() {
    let mut a = split_with_conflict(120, 40);
    press(&mut a, "/Putin<Enter>");
    let s = a.split.as_ref().unwrap();
    let (l, r) = (s.panes[0].matches.len(), s.panes[1].matches.len());
    assert!(l > 0 && r > 0, "both reports name Putin: {l} and {r}");
    let mut sides = std::collections::BTreeSet::new();
    for _ in 0..(l + r) {
        sides.insert(a.split.as_ref().unwrap().focus);
        assert!(a.status.contains(&format!("/{} · 'Putin'", l + r)), "{}", a.status);
        press(&mut a, "n");
    }
    assert_eq!(sides.len(), 2, "n visits the matches of both panes");
}

#[test]
fn a_message_gives_way_after_a_while_but_a_key_keeps_it_fresh() {
    let mut a = app(120, 40);
    press(&mut a, " ");
    assert_eq!(a.status, "1 marked");
    for _ in 0..diptych::tui::app::STATUS_TICKS - 1 {
        a.update(Action::Tick);
    }
    assert_eq!(a.status, "1 marked", "still shown just before its time");
    press(&mut a, " ");
    assert_eq!(a.status, "2 marked");
    for _ in 0..diptych::tui::app::STATUS_TICKS - 1 {
        a.update(Action::Tick);
    }
    assert_eq!(a.status, "2 marked", "a new message starts its own time");
    a.update(Action::Tick);
    assert_eq!(a.status, "");
}

#[test]
fn the_speakers_filter_by_name() {
    let mut a = app(120, 40);
    press(&mut a, "s");
    let all = a.speakers.rows.len();
    press(&mut a, "/pesk");
    assert_eq!(a.speakers.rows.len(), 1, "one speaker's name holds `pesk`");
    assert_eq!(a.selected_speaker().map(|s| s.0.as_str()), Some("Dmitry Peskov"));
    assert!(screen(&a).contains("1 speaker · filter: pesk"));
    press(&mut a, "<Enter><Enter>");
    assert_eq!(a.view, View::SpeakerQuotes);
    press(&mut a, "<Esc>/<Esc>");
    assert_eq!((a.view, a.speakers.rows.len()), (View::Speakers, all), "Esc in the prompt clears the filter");
}

#[test]
fn a_click_selects_and_a_second_click_opens() {
    let mut a = app(120, 40);
    a.update(Action::Click(10, 4));
    assert_eq!((a.list.selected, a.view), (2, View::List));
    a.update(Action::Click(10, 4));
    assert_eq!(a.view, View::Reader);
}

#[test]
fn highlights_have_their_styles() {
    let mut a = app(120, 40);
    press(&mut a, "<Enter>");
    assert_eq!(a.view, View::Reader);
    let person = style_of(&a, "Zelensky");
    assert_eq!(person.fg, a.theme.person.fg, "a person's name has the person colour");
    let mut s = split_with_conflict(120, 40);
    let conflict = style_of(&s, "400,000");
    assert_eq!(conflict.bg, s.theme.conflict.bg);
    assert_eq!(conflict.fg, s.theme.conflict.fg, "a conflicting figure is red");
    assert_ne!(s.theme.conflict.fg, s.theme.figure.fg);
    press(&mut s, "q");
    assert_eq!(s.view, View::List);
}

#[test]
fn synced_scrolling_follows_the_alignment() {
    let mut a = split_with_conflict(120, 40);
    keys(&mut a, &[Command::Top, Command::PageDown]);
    let s = a.split.as_ref().unwrap();
    let (lp, _) = s.panes[0].top();
    let expected = s.comparison.alignment[lp].right_paragraph;
    let h = a.text_height();
    let rp = expected.expect("the paragraph at the left pane's top is aligned with one on the right");
    let right = &s.panes[1];
    assert!(right.scroll > 0, "the right pane followed the left one down");
    // the aligned paragraph is at the top, unless the pane cannot scroll that far
    assert!(right.top().0 == rp || right.scroll == right.max_scroll(h), "{:?} vs {rp}", right.top());
    keys(&mut a, &[Command::ToggleSync]);
    assert!(!a.split.as_ref().unwrap().sync);
    let before = a.split.as_ref().unwrap().panes[1].scroll;
    keys(&mut a, &[Command::Down]);
    assert_eq!(a.split.as_ref().unwrap().panes[1].scroll, before);
}

#[test]
fn search_counts_matches() {
    let mut a = app(120, 40);
    open_id(&mut a, "000");
    keys(&mut a, &[Command::Search]);
    typed(&mut a, "Zelensky");
    a.update(Action::Submit);
    assert!(a.status.starts_with("1/"), "{}", a.status);
    let n: usize = a.status.split(['/', ' ']).nth(1).unwrap().parse().unwrap();
    assert!(n >= 3);
    keys(&mut a, &[Command::SearchNext]);
    assert!(a.status.starts_with("2/"), "{}", a.status);
    keys(&mut a, &[Command::SearchPrev, Command::SearchPrev]);
    assert!(a.status.starts_with(&format!("{n}/")), "{}", a.status);
}

#[test]
fn selecting_an_entity_highlights_it() {
    let mut a = app(120, 40);
    open_id(&mut a, "000");
    keys(&mut a, &[Command::NextEntity]);
    let name = a.reader.selected_entity.clone().expect("selected");
    assert!(a.status.starts_with(&name), "{}", a.status);
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut a = app(120, 40);
    open_id(&mut a, "001");
    keys(&mut a, &[Command::PageDown]);
    let top = a.reader.pane.as_ref().unwrap().top();
    a.update(Action::Resize(80, 24));
    let after = a.reader.pane.as_ref().unwrap().top();
    assert_eq!(top.0, after.0, "same paragraph at the top");
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut a = split_with_conflict(120, 40);
    keys(&mut a, &[Command::Help]);
    let s = screen(&a);
    for (k, h) in a.keymap.commands(View::Split) {
        assert!(s.contains(h), "help lists '{h}' ({k})");
    }
    keys(&mut a, &[Command::Back]);
    assert!(!a.help);
}

/// The reader opens on the first articles read; the rest arrive as batches, join the list
/// (and a filter typed meanwhile), and the status bar shows how far the reading is.
#[test]
fn articles_read_in_the_background_join_the_list() {
    use diptych::corpus::{Corpus, Loaded};
    let all = bundled::corpus();
    let first = Corpus { articles: all.articles[..2].to_vec() };
    let session = Session::new(Config::default(), first);
    let (mut app, _) = app_for(&session, 100, 20);
    app.background.reading = Some((2, 5));
    assert!(screen(&app).contains("2 of 2 articles · reading files 2 of 5"), "{}", screen(&app));
    assert!(screen(&app).contains("reading 40%"), "{}", screen(&app));
    // a filter typed before the rest arrive also applies to them
    keys(&mut app, &[Command::Filter]);
    let word = all.articles[4].title.split_whitespace().max_by_key(|w| w.len()).expect("a word").to_string();
    typed(&mut app, &word);
    let before = app.list.rows.len();
    let batch = Loaded {
        corpus: Corpus { articles: all.articles[2..].to_vec() },
        warnings: vec![diptych::Warning::about("x.txt", "empty file, skipped")],
        fingerprint: diptych::corpus::Fingerprint::of(b"42"),
    };
    app.update(Action::Loaded(Box::new(batch), 5, 5));
    assert_eq!(app.corpus.articles.len(), 5);
    assert!(app.list.rows.contains(&4), "the new article matches {word:?}");
    assert!(app.list.rows.len() > before);
    assert_eq!(app.status, "x.txt: empty file, skipped");
    assert_eq!(
        (app.background.fingerprint, app.background.file_warnings.len()),
        (diptych::corpus::Fingerprint::of(b"42"), 1),
        "the cache key and warnings of all files"
    );
    app.update(Action::LoadFinished(all.articles.iter().map(|a| a.id.clone()).collect()));
    assert_eq!(app.background.reading, None);
    assert!(screen(&app).contains("analysing 0%"), "{}", screen(&app));
    keys(&mut app, &[Command::Back]);
    assert_eq!(app.list.rows.len(), 5, "all articles once the filter is cleared");
}
