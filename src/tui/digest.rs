//! What the reader derives from a finished analysis: per-article counts, conflicting figures,
//! speakers and their quotes. Worked out on the analysis thread, so that a corpus of thousands
//! of reports never stalls the screen when its analysis arrives.
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use crate::analysis::{Analysis, Kind};
use crate::compare;
use crate::corpus::Corpus;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Per-article counts shown in the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub people: usize,
    pub quotes: usize,
    pub conflicts: usize,
}

/// A finished analysis and what the views need from it.
#[derive(Clone, Debug)]
pub struct Analysed {
    pub analysis: Arc<Analysis>,
    pub kinds: HashMap<String, Kind>,
    /// per article, in corpus order
    pub stats: Vec<Stats>,
    /// speaker → its quotes in corpus order: (article, quote index)
    pub speaker_quotes: BTreeMap<String, Vec<(usize, usize)>>,
    /// speakers by number of quotes: (name, quotes, articles)
    pub speakers: Vec<(String, usize, usize)>,
    /// per article: conflicting figures (paragraph, start, end)
    pub conflict_spans: Vec<Vec<(usize, usize, usize)>>,
    /// every conflict of the corpus, grouped by what is measured, with the articles of its
    /// two figures
    pub conflicts: Vec<CorpusConflict>,
}

/// A conflict of the corpus and the two articles (indices) its figures stand in.
#[derive(Clone, Debug)]
pub struct CorpusConflict {
    pub conflict: compare::Conflict,
    pub articles: [usize; 2],
}

impl Analysed {
    pub fn new(corpus: &Corpus, analysis: Analysis) -> Box<Analysed> {
        let a = analysis;
        let n = corpus.articles.len();
        let index: HashMap<&str, usize> = corpus.articles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
        let kinds: HashMap<String, Kind> = a.entities.iter().map(|e| (e.name.clone(), e.kind)).collect();
        let mut spans = vec![Vec::new(); n];
        let mut stats = vec![Stats::default(); n];
        let mut conflicts = Vec::new();
        for c in compare::corpus_conflicts(&a, corpus) {
            let (x, y) = (index.get(&*c.a.at.article).copied(), index.get(&*c.b.at.article).copied());
            for i in [x, if y == x { None } else { y }].into_iter().flatten() {
                stats[i].conflicts += 1;
            }
            for (f, i) in [(&c.a, x), (&c.b, y)] {
                if let Some(i) = i {
                    spans[i].push((f.at.paragraph(), f.at.start(), f.at.end()));
                }
            }
            if let (Some(l), Some(r)) = (x, y) {
                conflicts.push(CorpusConflict { conflict: c, articles: [l, r] });
            }
        }
        let mut sq: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        for (ai, aa) in a.articles.iter().enumerate() {
            let people: HashSet<&str> = aa
                .mentions
                .iter()
                .filter(|m| kinds.get(&*m.entity) == Some(&Kind::Person))
                .map(|m| &*m.entity)
                .collect();
            if let Some(s) = stats.get_mut(ai) {
                s.people = people.len();
                s.quotes = aa.quotes.len();
            }
            for (qi, q) in aa.quotes.iter().enumerate() {
                if let Some(sp) = &q.speaker {
                    sq.entry(sp.to_string()).or_default().push((ai, qi));
                }
            }
        }
        let mut speakers: Vec<(String, usize, usize)> =
            sq.iter().map(|(n, v)| (n.clone(), v.len(), v.iter().map(|x| x.0).collect::<HashSet<_>>().len())).collect();
        speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // grouped by what is measured, then in corpus order
        conflicts.sort_by(|x, y| {
            x.conflict.measure.cmp(&y.conflict.measure).then_with(|| x.articles.cmp(&y.articles)).then_with(|| {
                (x.conflict.a.at.paragraph, x.conflict.a.at.start)
                    .cmp(&(y.conflict.a.at.paragraph, y.conflict.a.at.start))
            })
        });
        Box::new(Analysed {
            analysis: Arc::new(a),
            kinds,
            stats,
            speaker_quotes: sq,
            speakers,
            conflict_spans: spans,
            conflicts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyse};
    use crate::corpus::bundled;

    #[test]
    fn counts_follow_the_analysis() {
        let corpus = bundled::corpus();
        let a = analyse(&corpus, &Options::default());
        let quotes: Vec<usize> = a.articles.iter().map(|x| x.quotes.len()).collect();
        let conflicts = compare::corpus_conflicts(&a, &corpus).len();
        let d = Analysed::new(&corpus, a);
        assert_eq!(d.stats.iter().map(|s| s.quotes).collect::<Vec<_>>(), quotes);
        assert!(d.stats.iter().any(|s| s.people > 0));
        let spans: usize = d.conflict_spans.iter().map(Vec::len).sum();
        assert_eq!(spans, 2 * conflicts, "two figures a conflict");
        assert_eq!(d.conflicts.len(), conflicts);
        assert!(d.conflicts.windows(2).all(|w| w[0].conflict.measure <= w[1].conflict.measure), "grouped");
        let listed: usize = d.speakers.iter().map(|s| s.1).sum();
        assert_eq!(listed, d.speaker_quotes.values().map(Vec::len).sum::<usize>());
    }
}
