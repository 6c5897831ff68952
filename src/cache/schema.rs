//! The stored form of an analysis: what an entry holds, field by field, and how the analysis
//! is rebuilt from it. Strings are borrowed from the entry's bytes while it is decoded.

use crate::analysis::{
    ArticleAnalysis, Bound, Figure, FigureKind, Frame, Hedge, Kind, Mention, Quote, Span, Value, When, WordClass,
};
use crate::warning::Warning;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

/// What an entry holds before its articles.
#[derive(Serialize, Deserialize)]
pub(super) struct Head<'a> {
    /// The warnings parsing the files gave (told again on a hit, which parses nothing).
    pub file_warnings: Vec<Warning>,
    /// The analysis's own warnings (an article whose analysis failed).
    pub analysis_warnings: Vec<Warning>,
    #[serde(borrow)]
    pub entities: Vec<StoredEntity<'a>>,
    pub articles: u64,
    pub chunks: u64,
}

/// An entity without its mentions (the articles' mentions name it by number).
#[derive(Serialize, Deserialize)]
pub(super) struct StoredEntity<'a> {
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    pub kind: Kind,
    #[serde(borrow)]
    pub aliases: Vec<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredArticle<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    mentions: Vec<StoredMention<'a>>,
    #[serde(borrow)]
    quotes: Vec<StoredQuote<'a>>,
    #[serde(borrow)]
    figures: Vec<StoredFigure<'a>>,
}

/// Where a mention, quote or figure stands and its text.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredSpan<'a> {
    paragraph: u32,
    start: u32,
    end: u32,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

impl<'a> StoredSpan<'a> {
    fn of(at: &Span, text: &'a str) -> StoredSpan<'a> {
        StoredSpan { paragraph: at.paragraph, start: at.start, end: at.end, text: cow(text) }
    }

    /// The span in article `id`, and its text.
    fn place(self, id: &Arc<str>) -> (Span, Cow<'a, str>) {
        let at = Span { article: Arc::clone(id), paragraph: self.paragraph, start: self.start, end: self.end };
        (at, self.text)
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredMention<'a> {
    #[serde(borrow)]
    span: StoredSpan<'a>,
    entity: u32,
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredQuote<'a> {
    #[serde(borrow)]
    span: StoredSpan<'a>,
    #[serde(borrow)]
    speaker: Option<Cow<'a, str>>,
    #[serde(borrow)]
    cue: Option<Cow<'a, str>>,
    confidence: f32,
}

/// A figure field by field: the contract's JSON leaves fields out and writes its value
/// untagged, which a binary form cannot read back.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredFigure<'a> {
    #[serde(borrow)]
    span: StoredSpan<'a>,
    kind: FigureKind,
    number: Option<f64>,
    #[serde(borrow)]
    value_text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    unit: Option<Cow<'a, str>>,
    #[serde(borrow)]
    measure: Option<Cow<'a, str>>,
    approx: bool,
    #[serde(borrow)]
    claimed_by: Option<Cow<'a, str>>,
    bound: Option<Bound>,
    #[serde(borrow)]
    subject: Option<Cow<'a, str>>,
    sentence: (u32, u32),
    #[serde(borrow)]
    frame: StoredFrame<'a>,
}

/// A figure's frame field by field (the JSON form leaves fields out, which a binary form
/// cannot read back); word classes by name.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredFrame<'a> {
    hedge: Hedge,
    high: Option<f32>,
    step: f32,
    #[serde(borrow)]
    counted: Option<Cow<'a, str>>,
    #[serde(borrow)]
    event: Option<Cow<'a, str>>,
    when: When,
    year: Option<i16>,
    part: bool,
    remaining: bool,
    zone: bool,
    day: Option<i32>,
}

impl<'a> StoredFrame<'a> {
    fn of(f: &Frame) -> StoredFrame<'a> {
        StoredFrame {
            hedge: f.hedge,
            high: f.high,
            step: f.step,
            counted: f.counted.name().map(Cow::Borrowed),
            event: f.event.name().map(Cow::Borrowed),
            when: f.when,
            year: f.year,
            part: f.part,
            remaining: f.remaining,
            zone: f.zone,
            day: f.day,
        }
    }

    fn rebuild(self) -> Frame {
        let class = |c: Option<Cow<str>>| WordClass(c.and_then(|n| crate::analysis::figures::words::class_named(&n)));
        Frame {
            hedge: self.hedge,
            high: self.high,
            step: self.step,
            counted: class(self.counted),
            event: class(self.event),
            when: self.when,
            year: self.year,
            part: self.part,
            remaining: self.remaining,
            zone: self.zone,
            day: self.day,
        }
    }
}

/// Offsets are stored in 32 bits: no paragraph or article comes near 4 GB (files are capped
/// far below that).
pub(super) fn n32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(super) fn cow(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

pub(super) fn owned(s: Cow<'_, str>) -> String {
    s.into_owned()
}

/// An article's results; `of` holds the entity number of each of its mentions.
pub(super) fn store_article<'a>(a: &'a ArticleAnalysis, of: &[u32]) -> StoredArticle<'a> {
    StoredArticle {
        id: cow(&a.id),
        mentions: a
            .mentions
            .iter()
            .zip(of)
            .map(|(m, &entity)| StoredMention { span: StoredSpan::of(&m.at, &m.text), entity })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| StoredQuote {
                span: StoredSpan::of(&q.at, &q.text),
                speaker: q.speaker.as_deref().map(cow),
                cue: q.cue.as_deref().map(cow),
                confidence: q.confidence,
            })
            .collect(),
        figures: a
            .figures
            .iter()
            .map(|f| StoredFigure {
                span: StoredSpan::of(&f.at, &f.text),
                kind: f.kind,
                number: f.value.as_f64(),
                value_text: match &f.value {
                    Value::Text(t) => Some(cow(t)),
                    Value::Number(_) => None,
                },
                unit: f.unit.as_deref().map(cow),
                measure: f.measure.as_deref().map(cow),
                approx: f.approx,
                claimed_by: f.claimed_by.as_deref().map(cow),
                bound: f.bound,
                subject: f.subject.as_deref().map(cow),
                sentence: (f.sentence_start, f.sentence_end),
                frame: StoredFrame::of(&f.frame),
            })
            .collect(),
    }
}

/// The entities' names, to share with the speakers, claimants and contexts that name them.
pub(super) struct Shared<'a>(rustc_hash::FxHashMap<&'a str, &'a Arc<str>>);

impl<'a> Shared<'a> {
    pub(crate) fn new(names: &'a [Arc<str>]) -> Shared<'a> {
        Shared(names.iter().map(|n| (&**n, n)).collect())
    }

    fn get(&self, s: Cow<str>) -> Arc<str> {
        self.0.get(&*s).map_or_else(|| Arc::from(&*s), |n| Arc::clone(n))
    }
}

/// One article's results from its stored form, with the entity number of each mention;
/// `None` when a mention names an entity that is not there.
pub(super) fn rebuild_article(
    a: StoredArticle,
    names: &[Arc<str>],
    shared: &Shared,
) -> Option<(ArticleAnalysis, Vec<u32>)> {
    let id: Arc<str> = Arc::from(&*a.id);
    let of: Vec<u32> = a.mentions.iter().map(|m| m.entity).collect();
    let mentions = a
        .mentions
        .into_iter()
        .map(|m| {
            let entity = names.get(m.entity as usize)?.clone();
            let (at, text) = m.span.place(&id);
            Some(Mention { at, text: Arc::from(&*text), entity })
        })
        .collect::<Option<Vec<_>>>()?;
    let quotes = a
        .quotes
        .into_iter()
        .map(|q| {
            let (at, text) = q.span.place(&id);
            let (speaker, cue) = (q.speaker.map(|s| shared.get(s)), q.cue.map(owned));
            Quote { at, text: owned(text), speaker, cue, confidence: q.confidence }
        })
        .collect();
    let figures = a
        .figures
        .into_iter()
        .map(|f| {
            let (at, text) = f.span.place(&id);
            Figure {
                at,
                text: owned(text).into(),
                kind: f.kind,
                value: match (f.number, f.value_text) {
                    (Some(n), _) => Value::Number(n),
                    (None, t) => Value::Text(t.map(owned).unwrap_or_default()),
                },
                unit: f.unit.map(|u| owned(u).into()),
                measure: f.measure.map(|m| owned(m).into()),
                approx: f.approx,
                claimed_by: f.claimed_by.map(|s| shared.get(s)),
                bound: f.bound,
                subject: f.subject.map(|s| shared.get(s)),
                sentence_start: f.sentence.0,
                sentence_end: f.sentence.1,
                frame: f.frame.rebuild(),
            }
        })
        .collect();
    Some((ArticleAnalysis { id: a.id.to_string(), mentions, quotes, figures }, of))
}
