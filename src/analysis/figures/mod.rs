//! Figures, laid out by phase: [`numbers`] and [`units`] read values, [`scan`] and
//! [`when`] find figures in a sentence's tokens, [`frame`] reads what each one is a
//! quantity of (with the word classes of [`words`]), and [`find`] gives each its claimant,
//! subject and sentence. Pure: text in, figures out.
#![expect(
    clippy::indexing_slicing,
    reason = "token, sentence and paragraph indices come from this document's own tokenizer and are bounded by the loops that walk them; an article that still trips one is contained and reported as a warning"
)]

pub mod frame;
pub mod numbers;
pub mod scan;
pub mod units;
pub mod when;
pub mod words;

use super::discourse::Discourse;
use super::doc::Para;
use super::lexicon::lexicon;
use super::model::{Bound, Figure, FigureKind, Frame, Hedge, Kind, Quote, Span, When, WordClass};
use crate::text::date::{Date, month_from_name, weekday_from_name};
use scan::{Found, Reader};
use std::sync::Arc;

/// Lower-case words that can open a figure: number and fraction words, ordinals, date words.
static TRIGGERS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    let mut s: rustc_hash::FxHashSet<&'static str> = [
        "a",
        "an",
        "half",
        "quarter",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "last",
        "next",
        "this",
        "noon",
        "midnight",
        "midday",
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "tens",
        "twice",
        "between",
        "level",
        "category",
        "phase",
        "stage",
        "grade",
        "minus",
        "magnitude",
    ]
    .into_iter()
    .collect();
    s.extend(numbers::ORDINALS.iter().copied());
    s
});

/// The trigger words' shapes: one look rules out most words before the set is asked.
static TRIGGER_SHAPES: std::sync::LazyLock<crate::text::shape::Shapes> =
    std::sync::LazyLock::new(|| crate::text::shape::Shapes::new(TRIGGERS.iter().copied()));

/// Whether `head` may be a trigger word.
fn may_be_trigger(head: &str) -> bool {
    TRIGGER_SHAPES.may_hold(head) && TRIGGERS.contains(head)
}

/// A cheap test that rules out most tokens before the recognisers run.
fn may_start_figure(r: &Reader, k: usize) -> bool {
    let w = r.w(k);
    let Some(c) = w.chars().next() else { return false };
    if c.is_ascii_digit() {
        return true;
    }
    // a currency's sign (`$`, `€`) or code in capitals (`CZK`, `Rs`): only these look it up
    if !r.is_word(k) {
        return (c == '$' || !c.is_ascii()) && units::currency_symbol(w).is_some();
    }
    if c.is_uppercase() && w.len() <= 4 && units::currency_symbol(w).is_some() {
        return true;
    }
    // `e80m`: a euro sign written as a letter
    if c == 'e' && w.as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let l = r.l(k);
    // the part before a hyphen, without trailing dots: a byte loop, as words are short
    let bytes = l.as_bytes();
    let mut end = bytes.iter().position(|&x| x == b'-').unwrap_or(bytes.len());
    while end > 0 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let head = &l[..end];
    // months and weekdays begin with one of these letters
    let calendar = || head.starts_with(['j', 'f', 'm', 'a', 's', 'o', 'n', 'd', 't', 'w']);
    may_be_trigger(head)
        || (c.is_uppercase() && calendar() && (month_from_name(head).is_some() || weekday_from_name(head).is_some()))
}

/// The figures of one sentence, in text order.
pub(crate) fn scan_sentence(r: &Reader, today: Option<Date>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut k = r.start;
    while k < r.end {
        if !may_start_figure(r, k) {
            k += 1;
            continue;
        }
        let f = when::date_at(r, k, today)
            .or_else(|| when::time_at(r, k))
            .or_else(|| when::year_at(r, k))
            .or_else(|| scan::quantity_at(r, k))
            .or_else(|| scan::level_at(r, k))
            .or_else(|| scan::ordinal_at(r, k));
        match f {
            Some(f) => {
                k = f.last.max(k + 1);
                out.push(f);
            }
            None => k += 1,
        }
    }
    out
}

/// A bare number coordinated with a sum, a share or a measure just before it takes its
/// unit (`pensions will rise by 38 billion crowns, and defence by 21 billion`).
fn elided_units(r: &Reader, found: &mut [Found]) {
    for i in 1..found.len() {
        let (before, rest) = found.split_at_mut(i);
        let (prev, f) = (&before[i - 1], &mut rest[0]);
        let bare = f.kind == FigureKind::Count && f.unit.is_none() && f.noun.is_none();
        let gap = f.first.saturating_sub(prev.last);
        let joined = gap <= 6 && (prev.last..f.first).any(|k| matches!(r.w(k), "and" | "," | "or"));
        if bare && joined && matches!(prev.kind, FigureKind::Money | FigureKind::Percent | FigureKind::Measure) {
            f.kind = prev.kind;
            f.unit = prev.unit.clone();
        }
    }
}

/// How the frame's event reads in a measure (`people killed`, `homes without power`).
fn event_words(event: &str) -> &str {
    match event {
        "power_out" => "without power",
        "took_part" => "taking part",
        "aboard" => "on board",
        "injured_serious" => "seriously injured",
        "casualty" => "casualties",
        "cost" | "spending" | "funding" | "deficit" | "debt" | "revenue" | "profit" | "growth" | "inflation"
        | "unemployment" | "rate" | "speed" | "limit" | "winds" | "rain" | "temperature" | "height" | "depth"
        | "distance" | "length" | "margin" | "age" | "level" | "magnitude" | "votes" | "turnout" | "began"
        | "ended" | "won" | "finished" | "attended" => event,
        e => e,
    }
}

/// A short phrase naming what a figure measures: `people killed`, `deficit (CZK)`.
fn measure_of(f: &Found, frame: &Frame) -> Option<String> {
    let event = frame.event.name().map(event_words);
    let m = match (f.kind, f.unit.as_deref(), event) {
        (FigureKind::Date | FigureKind::Time | FigureKind::Ordinal, _, e) => e.map(str::to_string),
        (FigureKind::Count, Some(u), Some(e)) => Some([u, " ", e].concat()),
        (FigureKind::Count, Some(u), None) => Some(u.to_string()),
        (FigureKind::Count, None, Some(e)) => {
            frame.counted.name().map(|c| [plural(c).as_str(), " ", e].concat()).or(Some(e.to_string()))
        }
        (_, Some(u), Some(e)) => Some([e, " (", u, ")"].concat()),
        (_, Some(u), None) => Some(u.to_string()),
        (_, None, e) => e.map(str::to_string),
    }?;
    Some(if frame.when == When::Forecast { m + " (forecast)" } else { m })
}

fn plural(class: &str) -> String {
    match class {
        "people" | "police" | "crew" => class.to_string(),
        c if c.ends_with('y') => [&c[..c.len() - 1], "ies"].concat(),
        c => [c, "s"].concat(),
    }
}

/// Finds and describes the figures of one article.
pub fn find(article: &Arc<str>, today: Option<Date>, d: &Discourse, quotes: &[(Quote, Option<usize>)]) -> Vec<Figure> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (pi, para) in d.doc.paras.iter().enumerate() {
        for (si, &(sa, sb)) in para.sentences.iter().enumerate() {
            let r = Reader { para, end: sb, start: sa };
            let found = scan_sentence(&r, today);
            if found.is_empty() {
                continue;
            }
            let mut found = found;
            elided_units(&r, &mut found);
            let reads = frame::read_sentence(&r, &found, today);
            let sentence_start = para.tokens[sa].start;
            let sentence_end = para.tokens[sb - 1].end();
            for (f, mut read) in found.iter().zip(reads) {
                let mut f = f.clone();
                // `Ana Lima, 54, said`: a number between commas after a person's name is an age,
                // and that name is whose
                let aged = apposition_age(d, para, pi, si, &f);
                if aged.is_some() {
                    f.kind = FigureKind::Measure;
                    f.unit = Some("years old".into());
                    read.event = Some("age");
                    read.counted = None;
                }
                let f = &f;
                let start = para.tokens[f.first].start as usize;
                let end = para.tokens[f.last - 1].end() as usize;
                let frame = Frame {
                    hedge: read.hedge,
                    high: f.high.map(|h| h as f32),
                    step: f.step as f32,
                    counted: WordClass(read.counted.map(|c| c.class)),
                    event: WordClass(read.event),
                    when: read.when,
                    year: read.year.and_then(|y| i16::try_from(y).ok()),
                    part: read.part,
                    remaining: read.remaining,
                    zone: f.zone,
                    day: read.day,
                };
                let personal =
                    f.unit.as_deref() == Some("years old") || matches!(read.event, Some("finished" | "margin" | "won"));
                let subject = match aged {
                    Some(person) => Some(d.name(person)),
                    None if personal => person_of(d, pi, si, f),
                    None => subject_of(d, para, pi, si, f, lex),
                };
                let claimed_by = claimant(d, para, pi, si, sa, f.first, start, quotes);
                out.push(Figure {
                    at: Span::new(article, pi, start, end),
                    text: para.text[start..end].into(),
                    kind: f.kind,
                    value: f.value.clone(),
                    unit: f.unit.clone().map(String::into_boxed_str),
                    measure: measure_of(f, &frame).map(String::into_boxed_str),
                    approx: frame.hedge != Hedge::Exact,
                    claimed_by: claimed_by.map(|e| d.name(e)),
                    bound: match frame.hedge {
                        Hedge::Lower => Some(Bound::Lower),
                        Hedge::Upper | Hedge::Nearly => Some(Bound::Upper),
                        _ => None,
                    },
                    subject,
                    sentence_start,
                    sentence_end,
                    frame,
                });
            }
        }
    }
    // every figure is kept to the end of the run: no spare capacity
    out.shrink_to_fit();
    out
}

/// `NAME, 54,`: the person a bare number between commas right after a name is the age of.
fn apposition_age(d: &Discourse, para: &Para, pi: usize, si: usize, f: &Found) -> Option<usize> {
    let v = f.value.as_f64()?;
    let plain = f.kind == FigureKind::Count
        && f.noun.is_none()
        && f.unit.is_none()
        && v.fract() == 0.0
        && (1.0..=115.0).contains(&v);
    if !plain
        || f.first < 2
        || para.word(f.first - 1) != ","
        || !matches!(para.tokens.get(f.last).map(|_| para.word(f.last)), Some("," | ")" | "." | ";"))
    {
        return None;
    }
    // (a name the lexicon cannot type, `Ibrahima Ba, 24,`, is taken too)
    d.of_sentence(pi, si)
        .iter()
        .find(|n| n.sentence == si && matches!(n.kind, Kind::Person | Kind::Other) && n.last + 1 == f.first)
        .map(|n| n.entity)
}

/// The person a personal figure is about (an age, a finishing time, a margin): the one
/// named nearest before it in its sentence, else the nearest after it.
fn person_of(d: &Discourse, pi: usize, si: usize, f: &Found) -> Option<Arc<str>> {
    // not one who is beaten, passed or left behind (`beat Daniel Kiprotich by nine seconds`)
    const OBJECT: &[&str] = &[
        "beat",
        "beating",
        "beats",
        "defeated",
        "defeating",
        "edged",
        "over",
        "from",
        "against",
        "past",
        "than",
        "behind",
        "ahead",
        "compatriot",
        "rival",
        "teammate",
        "outkicked",
        "outsprinted",
    ];
    let para = &d.doc.paras[pi];
    let candidates = |kind: Kind| {
        d.of_sentence(pi, si)
            .iter()
            .filter(move |n| n.sentence == si && n.kind == kind && !n.quoted && n.last <= f.first)
            .filter(|n| n.first == 0 || !OBJECT.contains(&para.lower(n.first - 1).as_ref()))
            .max_by_key(|n| n.last)
    };
    // a name of two words the lexicon cannot type is taken for a person's, unless `the`
    // stands before it (`the Porto Marathon`)
    let before = candidates(Kind::Person)
        .or_else(|| {
            candidates(Kind::Other).filter(|n| {
                n.last > n.first + 1 && !(n.first > 0 && matches!(para.lower(n.first - 1).as_ref(), "the" | "a" | "an"))
            })
        })
        .map(|n| n.entity);
    let start = para.sentences.get(si).map_or(f.first, |s| s.0);
    before.or_else(|| d.resolve_pronoun(pi, si, start)).map(|e| d.name(e))
}

/// Whom a figure is about: a place or organisation named before it in its clause, or a
/// demonym after it.
fn subject_of(
    d: &Discourse,
    para: &Para,
    pi: usize,
    si: usize,
    f: &Found,
    lex: &super::lexicon::Lexicon,
) -> Option<Arc<str>> {
    let named = d.of_sentence(pi, si);
    let window_from = f.first.saturating_sub(14);
    named
        .iter()
        .rfind(|n| {
            n.sentence == si
                && n.last <= f.first
                && n.first >= window_from
                && matches!(n.kind, Kind::Place | Kind::Organization)
        })
        .map(|n| {
            let name = d.name(n.entity);
            lex.country_of(&name).map(Arc::from).unwrap_or(name)
        })
        .or_else(|| (f.last..f.after.max(f.last)).find_map(|k| lex.demonym_country(para.word(k)).map(Arc::from)))
}

/// Who states a figure: the speaker of the quotation it stands in, else the subject of a
/// speech or claim verb before it in the sentence, else the source after `according to`.
#[expect(
    clippy::too_many_arguments,
    reason = "the phases share one reading of the sentence; a struct for it would be built and taken apart at once"
)]
fn claimant(
    d: &Discourse,
    para: &Para,
    pi: usize,
    si: usize,
    sa: usize,
    first: usize,
    byte: usize,
    quotes: &[(Quote, Option<usize>)],
) -> Option<usize> {
    let at = quotes.partition_point(|(q, _)| (q.at.paragraph(), q.at.range().end) <= (pi, byte));
    if let Some((q, spk)) = quotes.get(at)
        && q.at.paragraph() == pi
        && q.at.range().contains(&byte)
    {
        return *spk;
    }
    let lex = lexicon();
    let named = d.of_sentence(pi, si);
    // `according to the UN, 40 people ...`
    // (a claim stands within a few words of its figure: the look is bounded)
    let from = sa.max(first.saturating_sub(24));
    if let Some(k) = (from..first).find(|&k| para.lower(k) == "according" && k + 1 < first && para.lower(k + 1) == "to")
    {
        return named
            .iter()
            .find(|n| {
                n.sentence == si
                    && n.first > k
                    && n.first <= k + 6
                    && matches!(n.kind, Kind::Person | Kind::Organization)
            })
            .map(|n| n.entity);
    }
    // the nearest speech or claim verb before the figure, and who stands right before it
    let verb = (sa..first).rev().take(24).find(|&k| lex.speech.contains(para.lower(k).as_ref()))?;
    let person = named.iter().rfind(|n| {
        n.sentence == si
            && n.last <= verb
            && matches!(n.kind, Kind::Person | Kind::Organization)
            && !n.possessive
            && !n.quoted
    });
    let pronoun = (sa..verb).rev().take(24).find(|&k| matches!(para.lower(k).as_ref(), "he" | "she"));
    match (person, pronoun) {
        (Some(n), Some(k)) if k > n.last => d.resolve_pronoun(pi, si, k),
        (Some(n), _) => Some(n.entity),
        (None, Some(k)) => d.resolve_pronoun(pi, si, k),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyse, test_corpus};

    #[test]
    fn the_shape_table_keeps_every_trigger_and_drops_common_words() {
        for w in super::TRIGGERS.iter() {
            assert!(super::may_be_trigger(w), "{w}");
        }
        for w in ["the", "said", "of", "police", "", "x"] {
            assert!(!super::may_be_trigger(w), "{w}");
        }
    }

    #[test]
    fn measure_approx_and_claimant() {
        let t = [
            "Mayor Olga Petrova arrived on Monday.\n\nShe claimed the city had lost around 1,200 homes, while engineer Tom Hale said 300 homes were damaged.",
        ];
        let a = analyse(&test_corpus(&t), &Options::default());
        let f = &a.articles[0].figures;
        let lost = f.iter().find(|x| &*x.text == "1,200").expect("1,200");
        assert_eq!(lost.measure.as_deref(), Some("homes lost"));
        assert!(lost.approx);
        assert_eq!(lost.claimed_by.as_deref(), Some("Olga Petrova"));
        let damaged = f.iter().find(|x| &*x.text == "300").expect("300");
        assert_eq!(damaged.measure.as_deref(), Some("homes damaged"));
        assert_eq!(damaged.claimed_by.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn relative_dates_use_the_article_date() {
        // test_corpus dates every article 2023-03-15, a Wednesday
        let a =
            analyse(&test_corpus(&["The dam opened on Monday, a week after talks last month."]), &Options::default());
        let vals: Vec<String> = a.articles[0].figures.iter().map(|f| format!("{:?}", f.value)).collect();
        assert!(vals.iter().any(|v| v.contains("2023-03-13")), "{vals:?}");
        assert!(vals.iter().any(|v| v.contains("2023-02")), "{vals:?}");
    }

    #[test]
    fn according_to_names_the_claimant() {
        let t = ["The storm hit the Lakeport coast.\n\nAccording to the Red Cross, 40 people were killed in Lakeport."];
        let a = analyse(&test_corpus(&t), &Options::default());
        let f = a.articles[0].figures.iter().find(|x| &*x.text == "40").expect("40");
        assert_eq!(f.claimed_by.as_deref(), Some("Red Cross"));
        assert_eq!(f.measure.as_deref(), Some("people killed"));
    }
}
