//! Comparisons of report pairs written for these tests (tests/fixtures/compare): each
//! expectation about a conflict, an agreement or a non-comparison is a test of its own.
#![expect(clippy::expect_used, reason = "a test helper that fails is the test failing")]

use diptych::analysis::{Analysis, Options, analyse};
use diptych::compare::{Comparison, compare, corpus_conflicts};
use diptych::corpus::{Corpus, LoadOptions, load_paths};
use std::path::PathBuf;
use std::sync::OnceLock;

fn fixtures() -> &'static (Corpus, Analysis) {
    static F: OnceLock<(Corpus, Analysis)> = OnceLock::new();
    F.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
        let corpus = load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").corpus;
        let analysis = analyse(&corpus, &Options::default());
        (corpus, analysis)
    })
}

fn pair(l: &str, r: &str) -> Comparison {
    let (c, a) = fixtures();
    compare(a, c.get(l).expect("left"), c.get(r).expect("right"))
}

/// The conflict whose two figure texts are `x` and `y`, in either order.
fn conflict<'a>(c: &'a Comparison, x: &str, y: &str) -> Option<&'a diptych::compare::Conflict> {
    c.conflicts.iter().find(|k| (*k.a.text == *x && *k.b.text == *y) || (*k.a.text == *y && *k.b.text == *x))
}

fn involves(c: &Comparison, text: &str) -> bool {
    c.conflicts.iter().any(|k| *k.a.text == *text || *k.b.text == *text)
}

#[test]
fn conflicting_counts() {
    let c = pair("flood_a", "flood_b");
    let k = conflict(&c, "12", "19").expect("12 vs 19 killed");
    assert_eq!(k.measure, "people killed");
    // the second report is a day later: a toll that grows is an update
    assert_eq!(k.reason, "12 vs 19 people killed; a later report's figure; in flood_a and flood_b");
    assert_eq!(k.kind, diptych::compare::ConflictKind::Update);
    assert!(k.a_sentence.as_deref().is_some_and(|s| s.contains("12 people were killed")), "{:?}", k.a_sentence);
}

#[test]
fn conflicting_money() {
    let c = pair("flood_a", "flood_b");
    let k = conflict(&c, "$1.2 billion", "$800 million").expect("repair cost");
    assert!(k.reason.starts_with("$1.2 billion vs $800 million cost"), "{}", k.reason);
    assert!(k.reason.contains("Irene Vasquez"), "{}", k.reason);
}

#[test]
fn conflicting_durations_in_different_units() {
    let c = pair("flood_a", "flood_b");
    assert!(conflict(&c, "36 hours", "two days").is_some(), "{:#?}", c.conflicts);
}

#[test]
fn conflicting_dates_of_one_event() {
    let c = pair("flood_a", "flood_b");
    let k = conflict(&c, "4 March", "6 March").expect("the storm hit on two dates");
    assert_eq!(k.a.value, diptych::analysis::Value::Text("2023-03-04".into()));
}

#[test]
fn a_weekday_resolved_by_the_article_date_conflicts_with_a_calendar_date() {
    // the second report is of Tuesday 14 November 2023: its Sunday is the 12th, not the 7th
    let c = pair("summit_a", "summit_b");
    let k = conflict(&c, "November 7", "Sunday").expect("two dates for one meeting");
    assert!(k.reason.contains("November 7 vs Sunday"), "{}", k.reason);
    assert!(!involves(&c, "nine hours"), "the same duration agrees");
}

#[test]
fn conflicting_times_of_one_moment() {
    let c = pair("flood_a", "flood_b");
    assert!(
        conflict(&c, "9:40 p.m.", "9:55 p.m.").is_some(),
        "{:#?}",
        c.conflicts.iter().map(|k| &k.reason).collect::<Vec<_>>()
    );
}

#[test]
fn agreeing_values_in_other_notation_do_not_conflict() {
    let c = pair("flood_a", "flood_b");
    assert!(
        !involves(&c, "About 250,000") && !involves(&c, "A quarter of a million"),
        "a quarter of a million = about 250,000"
    );
    assert!(!involves(&c, "7%") && !involves(&c, "7 per cent"), "7% = 7 per cent");
    let f = pair("factory_a", "factory_b");
    assert!(f.conflicts.iter().all(|k| !k.a.text.contains("6,000")), "around 6,000 = roughly 6,000");
}

#[test]
fn different_measures_with_one_unit_do_not_conflict() {
    let c = pair("flood_a", "flood_b");
    // 40 injured on both sides agree; killed and injured are different measures
    assert!(!involves(&c, "40"), "{:#?}", c.conflicts.iter().map(|k| &k.reason).collect::<Vec<_>>());
}

#[test]
fn another_subject_does_not_conflict() {
    let c = pair("flood_a", "flood_b");
    assert!(!involves(&c, "30"), "Riverton's dead are not Lakeport's");
}

#[test]
fn a_lower_bound_and_a_higher_count_agree() {
    let c = pair("factory_a", "factory_b");
    assert!(conflict(&c, "30", "45").is_none(), "at least 30 and 45 injured can both be true");
}

#[test]
fn a_claim_and_its_rebuttal_in_one_article() {
    let c = pair("factory_a", "factory_b");
    let k = conflict(&c, "40", "25").expect("40 vs 25 missing");
    assert!(k.reason.contains("Petra Novak vs Anton Reyes"), "{}", k.reason);
}

#[test]
fn corpus_conflicts_never_cross_unrelated_stories() {
    let (c, a) = fixtures();
    let all = corpus_conflicts(a, c);
    assert!(!all.is_empty());
    for k in &all {
        let topic = |id: &str| id.split('_').next().unwrap_or("").to_string();
        // every pair of fixtures is one story: flood_*, factory_*, summit_*
        assert_eq!(topic(&k.a.at.article), topic(&k.b.at.article), "{}", k.reason);
    }
}

#[test]
fn shared_entities_and_alignment() {
    let c = pair("flood_a", "flood_b");
    assert!(c.shared_entities.iter().any(|e| e.name == "Lakeport" && e.left >= 5 && e.right >= 5));
    assert!(c.only_left.contains(&"Riverton".to_string()));
    let first = &c.alignment[0];
    assert_eq!(first.right_paragraph, Some(0), "{:?}", c.alignment);
}
