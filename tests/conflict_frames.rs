//! Pairs of short reports written for these tests: what the frame of a figure decides about a
//! conflict (other units, updates, parts and totals, earlier events, other claimants).
#![expect(clippy::indexing_slicing, reason = "a test helper that fails is the test failing")]

use diptych::analysis::{Options, analyse};
use diptych::compare::{Comparison, ConflictKind, compare};
use diptych::corpus::{Article, Corpus};
use diptych::text::date::Date;

fn article(id: &str, date: (i32, u32, u32), text: &str) -> Article {
    Article {
        id: id.into(),
        title: format!("Report {id}"),
        date: Date::new(date.0, date.1, date.2),
        paragraphs: text.split("\n\n").map(str::to_string).collect(),
        ..Article::default()
    }
}

/// Two reports of the given dates, compared.
fn pair(a: (&str, (i32, u32, u32)), b: (&str, (i32, u32, u32))) -> Comparison {
    let corpus = Corpus { articles: vec![article("left", a.1, a.0), article("right", b.1, b.0)] };
    let analysis = analyse(&corpus, &Options::default());
    compare(&analysis, &corpus.articles[0], &corpus.articles[1])
}

fn same_day(a: &str, b: &str) -> Comparison {
    pair((a, (2025, 3, 4)), (b, (2025, 3, 4)))
}

fn texts(c: &Comparison) -> Vec<(String, String, ConflictKind)> {
    c.conflicts.iter().map(|k| (k.a.text.to_string(), k.b.text.to_string(), k.kind)).collect()
}

#[test]
fn two_tolls_of_one_day_are_a_contradiction_with_both_sentences() {
    let c = same_day(
        "A landslide in the hill town of Bramwick killed 14 people on Monday, police said.",
        "A landslide in the hill town of Bramwick killed 31 people on Monday, officials said.",
    );
    let k = c.conflicts.first().unwrap_or_else(|| panic!("no conflict: {:?}", texts(&c)));
    assert_eq!(k.kind, ConflictKind::Contradiction);
    assert!(k.reason.contains("14") && k.reason.contains("31"), "{}", k.reason);
    assert!(k.a_sentence.as_deref().is_some_and(|s| s.contains("killed 14")), "{:?}", k.a_sentence);
    assert!(k.b_sentence.as_deref().is_some_and(|s| s.contains("killed 31")), "{:?}", k.b_sentence);
}

#[test]
fn a_later_report_with_a_higher_toll_is_an_update() {
    let c = pair(
        ("A landslide in the hill town of Bramwick killed 14 people, police said.", (2025, 3, 4)),
        ("A landslide in the hill town of Bramwick killed 31 people, police said.", (2025, 3, 6)),
    );
    assert!(c.conflicts.iter().any(|k| k.kind == ConflictKind::Update), "{:?}", texts(&c));
}

#[test]
fn one_distance_in_two_units_agrees() {
    let c = same_day(
        "The storm made landfall 50 miles south of Port Ellery, the weather service said.",
        "The storm made landfall 80 kilometres south of Port Ellery, the weather service said.",
    );
    assert!(c.conflicts.is_empty(), "{:?}", texts(&c));
    // the control: a distance that is not the same one conflicts
    let c = same_day(
        "The storm made landfall 50 miles south of Port Ellery, the weather service said.",
        "The storm made landfall 200 kilometres south of Port Ellery, the weather service said.",
    );
    assert!(!c.conflicts.is_empty(), "no conflict for 50 miles vs 200 kilometres");
}

#[test]
fn a_part_is_not_a_total() {
    let c = same_day(
        "The fire at the Kessler plant killed 9 workers, the company said.",
        "Among them were 3 workers from the night shift at the Kessler plant, the company said.",
    );
    assert!(c.conflicts.is_empty(), "{:?}", texts(&c));
    let c = same_day(
        "The fire at the Kessler plant killed 9 workers, the company said.",
        "The fire at the Kessler plant killed 3 workers, the company said.",
    );
    assert!(!c.conflicts.is_empty(), "no conflict for 9 vs 3 workers killed");
}

#[test]
fn an_earlier_event_is_not_this_one() {
    let c = same_day(
        "The flood in Marlow displaced 2,000 residents this week, the council said.",
        "A flood in Marlow in 2009 displaced 7,500 residents, the council said.",
    );
    assert!(c.conflicts.is_empty(), "{:?}", texts(&c));
    let c = same_day(
        "The flood in Marlow displaced 2,000 residents this week, the council said.",
        "The flood in Marlow displaced 7,500 residents this week, the council said.",
    );
    assert!(!c.conflicts.is_empty(), "no conflict for 2,000 vs 7,500 displaced");
}

#[test]
fn a_forecast_is_not_a_result() {
    let c = same_day(
        "Halvorsen Foods reported revenue of $4.1 billion for the year, the company said.",
        "Analysts had expected revenue of $4.6 billion at Halvorsen Foods, the company said.",
    );
    assert!(c.conflicts.is_empty(), "{:?}", texts(&c));
    let c = same_day(
        "Halvorsen Foods reported revenue of $4.1 billion for the year, the company said.",
        "Halvorsen Foods reported revenue of $4.6 billion for the year, the company said.",
    );
    assert!(!c.conflicts.is_empty(), "no conflict for $4.1 billion vs $4.6 billion revenue");
}

#[test]
fn different_claimants_show_the_conflict_and_name_both() {
    let c = same_day(
        "Police chief Dana Okoro said 200 people were arrested during the protest in Vell.",
        "Organisers of the protest in Vell said 900 people were arrested, according to Mara Lind.",
    );
    let k = c.conflicts.first().unwrap_or_else(|| panic!("no conflict: {:?}", texts(&c)));
    assert!(k.reason.contains("Dana Okoro"), "{}", k.reason);
}

#[test]
fn a_rounded_figure_and_an_exact_one_agree() {
    let c = same_day(
        "About 4,000 homes in Tarrow lost power after the storm, the utility said.",
        "The storm left 4,120 homes in Tarrow without power, the utility said.",
    );
    assert!(c.conflicts.is_empty(), "{:?}", texts(&c));
    let c = same_day(
        "About 4,000 homes in Tarrow lost power after the storm, the utility said.",
        "The storm left 9,000 homes in Tarrow without power, the utility said.",
    );
    assert!(!c.conflicts.is_empty(), "no conflict for about 4,000 vs 9,000 homes without power");
}

#[test]
fn one_persons_age_two_years_later_is_no_conflict() {
    let first = "The court heard that Tomas Brandvik, 31, had driven the van into the river at Kellmouth.";
    let later = "The court heard that Tomas Brandvik, 33, had driven the van into the river at Kellmouth.";
    let same_day = pair((first, (2025, 3, 4)), (later, (2025, 3, 4)));
    assert!(same_day.conflicts.iter().any(|k| k.a.text.contains("31")), "one day: {:?}", texts(&same_day));
    let years_apart = pair((first, (2025, 3, 4)), (later, (2027, 6, 1)));
    assert!(years_apart.conflicts.is_empty(), "two years on he is older: {:?}", texts(&years_apart));
    // younger in the later report is still a disagreement
    let younger = pair((later, (2025, 3, 4)), (first, (2027, 6, 1)));
    assert!(!younger.conflicts.is_empty(), "{:?}", texts(&younger));
}

#[test]
fn an_age_between_commas_is_the_age_of_the_name_before_it() {
    let text = "Dario Venn was arrested on Friday after Quillfeather, 44, called the police.";
    let corpus = Corpus { articles: vec![article("one", (2025, 3, 4), text)] };
    let analysis = analyse(&corpus, &Options::default());
    let age = analysis.articles[0].figures.iter().find(|f| &*f.text == "44").expect("the age is read");
    assert_eq!(age.unit.as_deref(), Some("years old"));
    assert_eq!(age.subject.as_deref(), Some("Quillfeather"), "not the man named first");
}
