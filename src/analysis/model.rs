//! The serialisable results of the analysis, in the shapes of the contract.

use crate::warning::Warning;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Organization,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Other => "other",
        }
    }
}

/// Where a mention, a quote or a figure stands: its article, its paragraph and its bytes
/// there. The article's id is shared (a count, not a copy); places are `u32` (a paragraph is
/// far below 4 GB: files are capped). Written flat into its owner's JSON, as the contract has it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub article: Arc<str>,
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(article: &Arc<str>, paragraph: usize, start: usize, end: usize) -> Span {
        let n32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span { article: Arc::clone(article), paragraph: n32(paragraph), start: n32(start), end: n32(end) }
    }

    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Its bytes in the paragraph.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
/// Shared strings: a surface and an entity's name stand in thousands of mentions, each held
/// by its entity and by its article (a count, not a copy, each time).
pub struct Mention {
    #[serde(flatten)]
    pub at: Span,
    pub text: Arc<str>,
    /// Canonical name of the entity.
    pub entity: Arc<str>,
}

/// One of an entity's mentions: its article's place in [`Analysis::articles`] and its place
/// among that article's mentions. Each mention is kept once, by its article (two copies were
/// a sixth of the memory of a large corpus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionAt {
    pub article: u32,
    pub mention: u32,
}

/// The contract writes an entity with its mentions in full: see [`EntitiesJson`].
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    pub aliases: Vec<String>,
    /// The ids of the articles that mention it, in corpus order (shared with the mentions).
    pub articles: Vec<Arc<str>>,
    /// Its mentions in corpus order.
    pub mentions: Vec<MentionAt>,
}

/// The names in a quote or figure are shared with the entities' own (a count, not a copy: a
/// large corpus has hundreds of thousands of figures).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    #[serde(flatten)]
    pub at: Span,
    /// The quotation without its quotation marks.
    pub text: String,
    pub speaker: Option<Arc<str>>,
    /// The words that attribute it (`said`, `wrote on X`, `according to`).
    pub cue: Option<String>,
    /// How sure the attribution is, 0 to 1: a name next to a speech verb (0.9), a verb and a
    /// name after it (0.85), a dash or a colon lead-in (0.8, 0.6), a pronoun (0.7), a
    /// continuation of the quotation before (0.6); 0 without a speaker.
    #[serde(default)]
    pub confidence: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Count,
    Money,
    Percent,
    Date,
    Time,
    Duration,
    Measure,
    Ordinal,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    #[serde(flatten)]
    pub at: Span,
    // the text and words of a figure never change once found: boxed, without spare capacity
    // (a large corpus has hundreds of thousands of figures)
    pub text: Box<str>,
    pub kind: FigureKind,
    pub value: Value,
    pub unit: Option<Box<str>>,
    pub measure: Option<Box<str>>,
    pub approx: bool,
    pub claimed_by: Option<Arc<str>>,
    /// The lower bound wording (`at least`, `more than`) or upper bound (`up to`, `nearly`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// The place, organisation or person the figure is about, when the sentence names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Arc<str>>,
    /// The byte span of its sentence in the paragraph (what a conflict shows as evidence).
    #[serde(default)]
    pub sentence_start: u32,
    #[serde(default)]
    pub sentence_end: u32,
    /// What the figure is a quantity of: see [`Frame`].
    #[serde(default)]
    pub frame: Frame,
}

/// A figure's quantity frame: how its value is bounded, what it counts, what happened to
/// that, when, and whether it is a part of a larger figure. Two figures are the same
/// quantity when their frames agree (see `compare::conflicts`). Small and copied: a large
/// corpus has millions of figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub hedge: Hedge,
    /// The upper end of a range (`between 30 and 40`), in the figure's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f32>,
    /// How finely the value is written, in its unit (`4.3 billion`: 0.1 billion); half of it
    /// is the rounding the wording allows.
    #[serde(default)]
    pub step: f32,
    /// The class of what is counted (`people`, `job`, `customer`).
    #[serde(default, skip_serializing_if = "WordClass::is_none")]
    pub counted: WordClass,
    /// What happened to it (`killed`, `evacuated`, `cut`, `cost`).
    #[serde(default, skip_serializing_if = "WordClass::is_none")]
    pub event: WordClass,
    pub when: When,
    /// The year it is about, when its clause names one (`in 2011`, `last year`, `2026 budget`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i16>,
    /// A part of a larger figure or a change of one (`of them`, `among the dead`,
    /// `four more`, `another`), not a total.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub part: bool,
    /// What is left rather than the peak (`still without power`, `had fallen to`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remaining: bool,
    /// A time given in a named zone (`0400 GMT`), not the local time.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zone: bool,
    /// The day its sentence says the event happened on, when it names one (days since 1970).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i32>,
}

/// A word class of the figure lexicon (`assets/lexicon/figures/`), by its name there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct WordClass(pub Option<&'static str>);

impl WordClass {
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    pub fn name(&self) -> Option<&'static str> {
        self.0
    }
}

impl Serialize for WordClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for WordClass {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name: Option<std::borrow::Cow<'de, str>> = Option::deserialize(d)?;
        Ok(WordClass(name.and_then(|n| super::figures::words::class_named(&n))))
    }
}

/// The side a hedged figure's true value lies on: at or above it (`at least`, `more than`)
/// or at or below (`up to`, `nearly`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Lower,
    Upper,
}

/// How a figure's wording bounds its value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Hedge {
    /// As written (`43,000`), within the rounding of its digits.
    #[default]
    Exact,
    /// `about`, `around`, `some`, `roughly`.
    About,
    /// `nearly`, `almost`: a little below.
    Nearly,
    /// `at least`, `more than`, `over`.
    Lower,
    /// `up to`, `fewer than`, `as many as`.
    Upper,
    /// `between 30 and 40`, `30-40`.
    Range,
    /// `dozens`, `hundreds`, `tens of thousands`: an order of magnitude.
    Magnitude,
}

/// When the quantity holds, against the report's own event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum When {
    /// The event reported.
    #[default]
    Now,
    /// An earlier event or period (`in 2011`, `last year`, `the previous record`).
    Earlier,
    /// A forecast, target or expectation (`expects`, `forecast`, `target`).
    Forecast,
    /// A total over a period (`so far this year`, `since January`, `to date`), not one event's.
    Period,
}

/// Everything the analysis found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    pub id: String,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// The analysis of a whole corpus: entities merged across articles, and per-article results
/// in the corpus order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub articles: Vec<ArticleAnalysis>,
    /// One line for each article whose analysis failed (it is kept, without highlights).
    pub warnings: Vec<Warning>,
}

impl Analysis {
    /// The entities as the contract writes them, one by one.
    pub fn entities_json(&self) -> Vec<EntityJson<'_>> {
        self.entities.iter().map(|e| EntityJson { e, a: self }).collect()
    }

    /// A mention by its place.
    pub fn mention(&self, at: MentionAt) -> Option<&Mention> {
        self.articles.get(at.article as usize)?.mentions.get(at.mention as usize)
    }

    /// The mentions of an entity, in corpus order.
    pub fn mentions_of<'a>(&'a self, e: &'a Entity) -> impl Iterator<Item = &'a Mention> + 'a {
        e.mentions.iter().filter_map(|&at| self.mention(at))
    }

    /// Gives each entity its mentions and articles from the articles' mentions, whose
    /// entity numbers `of` holds (one list an article, in the order of its mentions).
    pub(crate) fn link_mentions(&mut self, of: &[Vec<u32>]) {
        let mut counts = vec![0usize; self.entities.len()];
        for &e in of.iter().flatten() {
            if let Some(n) = counts.get_mut(e as usize) {
                *n += 1;
            }
        }
        for (e, n) in self.entities.iter_mut().zip(counts) {
            e.mentions.clear();
            e.articles.clear();
            e.mentions.reserve_exact(n);
        }
        for ((ai, list), art) in of.iter().enumerate().zip(&self.articles) {
            for (mi, &e) in list.iter().enumerate() {
                let Some(entity) = self.entities.get_mut(e as usize) else { continue };
                if entity.articles.last().map(|a| &**a) != Some(art.id.as_str())
                    && let Some(m) = art.mentions.get(mi)
                {
                    entity.articles.push(m.at.article.clone());
                }
                entity.mentions.push(MentionAt { article: ai as u32, mention: mi as u32 });
            }
        }
    }

    pub fn article(&self, id: &str) -> Option<&ArticleAnalysis> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn entity(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name == name)
    }

    /// The entity that `name` names: its canonical name or any alias, folded.
    pub fn entity_by_alias(&self, name: &str) -> Option<&Entity> {
        let key = crate::text::fold::fold(name);
        let skel = crate::text::fold::skeleton(name);
        self.entities
            .iter()
            .find(|e| {
                crate::text::fold::fold(&e.name) == key || e.aliases.iter().any(|a| crate::text::fold::fold(a) == key)
            })
            .or_else(|| {
                self.entities.iter().find(|e| {
                    e.aliases.iter().chain(std::iter::once(&e.name)).any(|a| {
                        let words: Vec<&str> = a.split_whitespace().collect();
                        words.last().is_some_and(|w| crate::text::fold::skeleton(w) == skel)
                    })
                })
            })
    }
}

/// The corpus's entities as the contract writes them, each with its mentions in full;
/// written straight from the articles' mentions, nothing copied.
pub struct EntitiesJson<'a>(pub &'a Analysis);

impl Serialize for EntitiesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.entities.iter().map(|e| EntityJson { e, a: self.0 }))
    }
}

/// One entity as the contract writes it (see [`EntitiesJson`]).
pub struct EntityJson<'a> {
    e: &'a Entity,
    a: &'a Analysis,
}

impl EntityJson<'_> {
    /// How much JSON it makes, in items: one, and one for each mention.
    pub fn weight(&self) -> usize {
        1 + self.e.mentions.len()
    }
}

impl Serialize for EntityJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Entity", 5)?;
        st.serialize_field("name", &self.e.name)?;
        st.serialize_field("kind", &self.e.kind)?;
        st.serialize_field("aliases", &self.e.aliases)?;
        st.serialize_field("articles", &self.e.articles)?;
        st.serialize_field("mentions", &MentionsJson { e: self.e, a: self.a })?;
        st.end()
    }
}

struct MentionsJson<'a> {
    e: &'a Entity,
    a: &'a Analysis,
}

impl Serialize for MentionsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.a.mentions_of(self.e))
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyse, test_corpus};

    /// Each entity's mentions are exactly the article mentions that name it, in corpus order,
    /// and the JSON writes them in full.
    #[test]
    fn entity_mentions_are_the_articles_mentions() {
        let c = test_corpus(&[
            "Mayor Lena Brandt opened the bridge in Rotterdam. Brandt said it cost too much.",
            "Lena Brandt visited Rotterdam again on Friday.",
        ]);
        let a = analyse(&c, &Options::default());
        let brandt = a.entity("Lena Brandt").expect("merged person");
        let of: Vec<_> = a.mentions_of(brandt).map(|m| (m.at.article.to_string(), m.at.start)).collect();
        let expected: Vec<_> = a
            .articles
            .iter()
            .flat_map(|x| x.mentions.iter().filter(|m| &*m.entity == "Lena Brandt"))
            .map(|m| (m.at.article.to_string(), m.at.start))
            .collect();
        assert_eq!(of, expected);
        assert_eq!(of.len(), 3, "{of:?}");
        assert_eq!(brandt.articles.iter().map(|a| &**a).collect::<Vec<_>>(), ["a0", "a1"]);
        let json = serde_json::to_value(super::EntitiesJson(&a)).expect("json");
        let first = json.as_array().and_then(|l| l.iter().find(|e| e["name"] == "Lena Brandt")).expect("in the JSON");
        assert_eq!(first["mentions"].as_array().map(Vec::len), Some(3));
        assert_eq!(first["mentions"][1]["text"], "Brandt");
    }
}
