//! Conflicting figures: two figures that are the same quantity ([`link`]) with values that
//! cannot both be true ([`values`]). Across two reports of one story they are a
//! contradiction, or an update when the reports are of different days and the quantity is
//! a toll that grows; inside one report they are a claim and its rebuttal (two claimants).
//! Precision first: a false alarm costs the reader's trust more than a miss.
#![expect(clippy::indexing_slicing, reason = "indices are bounded by the sorted lists being merged")]

pub mod link;
pub mod values;

use crate::analysis::model::Figure;
use crate::corpus::Article;
use crate::text::date::Date;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub measure: String,
    pub a: Figure,
    pub b: Figure,
    pub reason: String,
    /// A contradiction (two values for one time) or an update (a later report's value).
    #[serde(default)]
    pub kind: ConflictKind,
    /// The sentences the two figures stand in: the evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_sentence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_sentence: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    #[default]
    Contradiction,
    Update,
}

/// How two articles relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One article: a claim and its rebuttal.
    SameArticle,
    /// Two articles a reader chose to compare, or that share their main entities.
    Related,
    /// Two articles with nothing known in common: never compared.
    Unrelated,
}

/// What conflicts need to know of the reports: their text and dates (for the sentences and
/// the kind of a conflict), and which pairs of them tell one story.
pub struct Reports<'a> {
    pub articles: HashMap<&'a str, &'a Article>,
    /// The pairs of articles to compare, each once (the earlier in the corpus first).
    pub related: Vec<(&'a str, &'a str)>,
    /// Each article's mentions of places, in text order: (paragraph, start, place).
    pub places: HashMap<&'a str, Vec<(u32, u32, &'a str)>>,
}

impl<'a> Reports<'a> {
    /// The places the reports name as where something is (after `in`, `at`, `near`, `off`
    /// ...; not where people come from), for [`Reports::places`].
    pub fn places_of(
        analysis: &'a crate::analysis::Analysis,
        articles: &HashMap<&'a str, &'a Article>,
    ) -> HashMap<&'a str, Vec<(u32, u32, &'a str)>> {
        let place: HashSet<&str> = analysis
            .entities
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    crate::analysis::Kind::Place | crate::analysis::Kind::Other | crate::analysis::Kind::Organization
                )
            })
            .map(|e| e.name.as_str())
            .collect();
        let is_place: HashSet<&str> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == crate::analysis::Kind::Place)
            .map(|e| e.name.as_str())
            .collect();
        analysis
            .articles
            .iter()
            .filter_map(|a| {
                let art = articles.get(a.id.as_str())?;
                let list = a
                    .mentions
                    .iter()
                    .filter(|m| place.contains(&*m.entity))
                    .filter(|m| {
                        // a name of no known kind is a place only after `in`, `at`, `near`, `south of`
                        let strict = !is_place.contains(&*m.entity);
                        art.paragraphs.get(m.at.paragraph()).is_some_and(|p| locative(p, m.at.start(), strict))
                    })
                    .map(|m| (m.at.paragraph, m.at.start, &*m.entity))
                    .collect();
                Some((a.id.as_str(), list))
            })
            .collect()
    }

    /// The places named in a figure's sentence.
    fn places_around(&self, f: &Figure) -> Vec<&'a str> {
        let Some(list) = self.places.get(&*f.at.article) else { return Vec::new() };
        let from = list.partition_point(|(p, s, _)| (*p, *s) < (f.at.paragraph, f.sentence_start));
        let here: Vec<&str> = list[from..]
            .iter()
            .take_while(|(p, s, _)| *p == f.at.paragraph && *s < f.sentence_end)
            .map(|x| x.2)
            .collect();
        here
    }

    fn date(&self, id: &str) -> Option<Date> {
        self.articles.get(id).and_then(|a| a.date)
    }

    fn year(&self, f: &Figure) -> Option<i32> {
        self.date(&f.at.article).map(|d| d.year)
    }

    /// The figure's sentence, at most 600 bytes of it around the figure.
    fn sentence(&self, f: &Figure) -> Option<String> {
        let p = self.articles.get(&*f.at.article)?.paragraphs.get(f.at.paragraph())?;
        let (mut s, mut e) = (f.sentence_start as usize, (f.sentence_end as usize).min(p.len()));
        if e.saturating_sub(s) > 600 {
            s = (f.at.start()).saturating_sub(300).max(s);
            e = (s + 600).min(e);
        }
        while s > 0 && !p.is_char_boundary(s) {
            s -= 1;
        }
        while e < p.len() && !p.is_char_boundary(e) {
            e += 1;
        }
        p.get(s..e).map(|x| x.trim().to_string())
    }
}

/// Whether the place named at byte `at` of `p` is where something is: the nearest
/// preposition among the four words before it is one of place, not of origin (`from`).
fn locative(p: &str, at: usize, strict: bool) -> bool {
    const WHERE: &[&str] = &[
        "in",
        "at",
        "near",
        "off",
        "outside",
        "inside",
        "across",
        "around",
        "on",
        "into",
        "throughout",
        "within",
        "of",
    ];
    const FROM: &[&str] = &["from", "to", "toward", "towards", "via"];
    const DIRECTION: &[&str] = &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];
    const SETTLEMENT: &[&str] = &[
        "city",
        "town",
        "village",
        "camp",
        "province",
        "district",
        "region",
        "county",
        "state",
        "island",
        "port",
        "suburb",
        "neighbourhood",
        "neighborhood",
    ];
    const DISTANCE: &[&str] = &["away", "km", "kilometres", "kilometers", "miles", "metres", "meters", "mi"];
    let before = p.get(..at).unwrap_or_default();
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .map(str::to_lowercase)
        .collect();
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    if strict {
        // a name of no known kind: right after `in`, `at`, `near` (`in the`), `south of`,
        // `the city of`
        return match w(0) {
            "in" | "at" | "near" | "outside" => true,
            "the" => matches!(w(1), "in" | "at" | "near" | "outside"),
            "of" => DIRECTION.contains(&w(1)) || SETTLEMENT.contains(&w(1)),
            _ => false,
        };
    }
    for (i, l) in words.iter().enumerate() {
        // `85 miles from Manokwari`: a distance from the place, not an origin
        if l == "from" && DISTANCE.contains(&w(i + 1)) {
            return true;
        }
        if FROM.contains(&l.as_str()) {
            return false;
        }
        if WHERE.contains(&l.as_str()) {
            return true;
        }
    }
    // a name with no preposition of place before it (`Lakeport officials said`, a name the
    // analysis took for a place) says nothing of where
    false
}

/// Whether two ages of one person differ by no more than the years between their reports
/// (`27` in a report of 2005, `29` in one of 2007): the person grew older.
fn aged_between(a: &Figure, b: &Figure, da: Option<Date>, db: Option<Date>) -> bool {
    let (Some(da), Some(db)) = (da, db) else { return false };
    if a.unit.as_deref() != Some("years old") || b.unit.as_deref() != Some("years old") {
        return false;
    }
    let (Some(va), Some(vb)) = (a.value.as_f64(), b.value.as_f64()) else { return false };
    // the later report's age, less the earlier's, against the years between them (a
    // birthday may fall in between: one year more is allowed)
    let (older, younger, days) = if db.to_days() >= da.to_days() {
        (vb, va, db.to_days() - da.to_days())
    } else {
        (va, vb, da.to_days() - db.to_days())
    };
    let years = days as f64 / 365.25;
    older >= younger && older - younger <= years.floor() + 1.0 && days > 0
}

/// How many figures of one key of one article are compared with another article's (or
/// with each other): a report that repeats one measure a hundred times stays linear.
const PER_KEY: usize = 64;

type Key = (crate::analysis::FigureKind, String, &'static str);

/// The conflicts among `figs` (in corpus order): inside each article, and across the
/// related pairs of `reports`.
pub fn among<'f>(figs: impl IntoIterator<Item = &'f Figure>, reports: &Reports) -> Vec<Conflict> {
    // each article's figures by key, in order
    let mut by_article: HashMap<&str, HashMap<Key, Vec<&Figure>>> = HashMap::default();
    let mut order: Vec<&str> = Vec::new();
    for f in figs {
        if let Some((kind, family, event)) = link::key(f) {
            let art = by_article.entry(&*f.at.article).or_insert_with(|| {
                order.push(&f.at.article);
                HashMap::default()
            });
            let list = art.entry((kind, family.to_string(), event)).or_default();
            if list.len() < PER_KEY {
                list.push(f);
            }
        }
    }
    let mut out = Vec::new();
    let mut seen: HashSet<(String, String, String, String, String)> = HashSet::default();
    let mut push = |c: Conflict, out: &mut Vec<Conflict>| {
        let key = (
            c.measure.clone(),
            c.a.text.to_string(),
            c.b.text.to_string(),
            c.a.at.article.to_string(),
            c.b.at.article.to_string(),
        );
        if seen.insert(key) {
            out.push(c);
        }
    };
    let sorted = |m: &HashMap<Key, Vec<&'f Figure>>| {
        let mut keys: Vec<&Key> = m.keys().collect();
        keys.sort();
        keys.into_iter().cloned().collect::<Vec<Key>>()
    };
    for id in &order {
        let Some(m) = by_article.get(id) else { continue };
        for k in sorted(m) {
            let list = &m[&k];
            for (n, a) in list.iter().enumerate() {
                for b in &list[n + 1..] {
                    if let Some(c) = check(a, b, Scope::SameArticle, reports) {
                        push(c, &mut out);
                    }
                }
            }
        }
    }
    for (x, y) in &reports.related {
        let (Some(mx), Some(my)) = (by_article.get(x), by_article.get(y)) else { continue };
        for k in sorted(mx) {
            let Some(ly) = my.get(&k) else { continue };
            for a in &mx[&k] {
                for b in ly {
                    if let Some(c) = check(a, b, Scope::Related, reports) {
                        push(c, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// The conflict between two figures of one key, if they are one quantity that disagrees.
pub fn check(a: &Figure, b: &Figure, scope: Scope, reports: &Reports) -> Option<Conflict> {
    if scope == Scope::Unrelated
        || (a.at.article == b.at.article && a.at.paragraph == b.at.paragraph && a.at.start == b.at.start)
    {
        return None;
    }
    if scope == Scope::SameArticle {
        // a claim and its rebuttal: two different people state the figures
        let both = a.claimed_by.is_some() && b.claimed_by.is_some() && a.claimed_by != b.claimed_by;
        if !both || matches!(a.kind, crate::analysis::FigureKind::Date | crate::analysis::FigureKind::Time) {
            return None;
        }
    }
    if !link::same_quantity(a, b, &|f| reports.year(f)) || !values::disagree(a, b) {
        return None;
    }
    // two reports a factor of four apart count different things, unless two claimants
    // contradict each other (the police's 10,000 and the organisers' 100,000)
    let counterclaim = a.claimed_by.is_some() && b.claimed_by.is_some() && a.claimed_by != b.claimed_by;
    let apart = values::apart(a, b);
    let vague =
        a.frame.hedge == crate::analysis::Hedge::Magnitude || b.frame.hedge == crate::analysis::Hedge::Magnitude;
    if scope != Scope::SameArticle && (apart > 12.0 || (!counterclaim && (apart > 4.0 || (vague && apart >= 4.0)))) {
        return None;
    }
    // what two reports say of earlier events is background, not the story's disagreement
    if scope != Scope::SameArticle && a.frame.when == crate::analysis::When::Earlier {
        return None;
    }
    // estimates of one quake's magnitude differ by a few tenths; more is another quake
    if a.unit.as_deref() == Some("magnitude")
        && (a.value.as_f64().unwrap_or(0.0) - b.value.as_f64().unwrap_or(0.0)).abs() >= 0.3
    {
        return None;
    }
    // two sentences that place their figures in different places count different things
    if scope != Scope::SameArticle && !link::same_place(&reports.places_around(a), &reports.places_around(b)) {
        return None;
    }
    let (da, db) = (reports.date(&a.at.article), reports.date(&b.at.article));
    if aged_between(a, b, da, db) {
        return None;
    }
    let event = a.frame.event.name().unwrap_or_default();
    let kind = if scope != Scope::SameArticle
        && da.is_some()
        && db.is_some()
        && da != db
        && crate::analysis::figures::words::toll_grows(event)
    {
        ConflictKind::Update
    } else {
        ConflictKind::Contradiction
    };
    // the earlier report first
    let (a, b) = if db < da && db.is_some() { (b, a) } else { (a, b) };
    let measure = a.measure.as_deref().unwrap_or(event).to_string();
    let reason = reason(a, b, &measure, kind);
    Some(Conflict {
        measure,
        a: a.clone(),
        b: b.clone(),
        reason,
        kind,
        a_sentence: reports.sentence(a),
        b_sentence: reports.sentence(b),
    })
}

/// The measure as a reason shows it: without the unit where the figures' own text says it
/// (`36 hours vs two days lasted`, `$1.2 billion vs $800 million cost`).
fn shown_measure<'m>(f: &Figure, measure: &'m str) -> &'m str {
    use crate::analysis::FigureKind as K;
    match (f.kind, f.unit.as_deref()) {
        (K::Money | K::Duration | K::Percent | K::Measure, Some(u)) => {
            measure.strip_suffix(&format!(" ({u})")).unwrap_or(measure)
        }
        _ => measure,
    }
}

/// `12 vs 19 people killed (claimed by A vs B); in flood_a and flood_b`.
pub fn reason(a: &Figure, b: &Figure, measure: &str, kind: ConflictKind) -> String {
    use crate::analysis::FigureKind as K;
    let shown = shown_measure(a, measure);
    let mut r = if matches!(a.kind, K::Date | K::Time) {
        format!("{} vs {} ({shown})", a.text, b.text)
    } else {
        format!("{} vs {} {shown}", a.text, b.text).trim_end().to_string()
    };
    if a.claimed_by.is_some() || b.claimed_by.is_some() {
        let who = |f: &Figure| f.claimed_by.as_deref().unwrap_or("unattributed").to_string();
        r.push_str(&format!(" (claimed by {} vs {})", who(a), who(b)));
    }
    if let Some(n) = values::bound_note(a, b) {
        r.push_str(&format!("; {n}"));
    }
    if kind == ConflictKind::Update {
        r.push_str("; a later report's figure");
    }
    if a.at.article == b.at.article {
        r.push_str(&format!("; both in {}", a.at.article));
    } else {
        r.push_str(&format!("; in {} and {}", a.at.article, b.at.article));
    }
    r
}
