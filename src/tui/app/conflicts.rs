//! The conflicts view's state: every conflict of the corpus grouped by what is measured, a
//! filter over their words, the selection; and the conflicts of one article for the reader.
#![expect(clippy::indexing_slicing, reason = "conflict indices are kept within the list by `update`")]

use crate::corpus::Corpus;
use crate::text::fold::fold;
use crate::tui::digest::CorpusConflict;

#[derive(Clone, Debug, Default)]
pub struct ConflictList {
    /// Every conflict of the corpus, grouped by measure (as the digest sorted them).
    pub all: Vec<CorpusConflict>,
    /// Each conflict's words, folded: measure, values, claimants, titles and sources.
    text: Vec<String>,
    /// Per article, its conflicts in the order of its figures in the text.
    by_article: Vec<Vec<usize>>,
    pub query: String,
    /// The conflicts the filter lets through (indices into `all`), in their order.
    pub rows: Vec<usize>,
    pub sel: usize,
}

impl ConflictList {
    pub fn new(all: Vec<CorpusConflict>, corpus: &Corpus) -> ConflictList {
        let text = all
            .iter()
            .map(|c| {
                let x = &c.conflict;
                let mut words = vec![x.measure.clone(), x.a.text.to_string(), x.b.text.to_string()];
                words.extend([&x.a.claimed_by, &x.b.claimed_by].into_iter().flatten().map(|s| s.to_string()));
                for &i in &c.articles {
                    if let Some(a) = corpus.articles.get(i) {
                        words.push(a.title.clone());
                        words.extend(a.source.clone());
                        words.push(a.id.clone());
                    }
                }
                fold(&words.join(" "))
            })
            .collect();
        let mut by_article: Vec<Vec<((u32, u32), usize)>> = vec![Vec::new(); corpus.articles.len()];
        for (i, c) in all.iter().enumerate() {
            for (side, f) in [&c.conflict.a, &c.conflict.b].into_iter().enumerate() {
                if let Some(mine) = by_article.get_mut(c.articles[side]) {
                    mine.push(((f.at.paragraph, f.at.start), i));
                }
            }
        }
        let by_article = by_article
            .into_iter()
            .map(|mut mine| {
                mine.sort_unstable();
                let mut seen = std::collections::HashSet::new();
                mine.into_iter().map(|x| x.1).filter(|i| seen.insert(*i)).collect()
            })
            .collect();
        let mut list = ConflictList { all, text, by_article, ..ConflictList::default() };
        list.filter(String::new());
        list
    }

    /// Keeps the conflicts whose words hold every word of `query` (folded), the selection on
    /// the first.
    pub fn filter(&mut self, query: String) {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        self.rows = (0..self.all.len()).filter(|&i| words.iter().all(|w| self.text[i].contains(w.as_str()))).collect();
        self.query = query;
        self.sel = 0;
    }

    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.sel).copied()
    }

    /// The conflicts with a figure in `article`, in the order of that figure in its text.
    pub fn in_article(&self, article: usize) -> &[usize] {
        self.by_article.get(article).map_or(&[], Vec::as_slice)
    }

    /// The figure of conflict `i` in `article` (the first, when both are) and the other one.
    pub fn sides(
        &self,
        i: usize,
        article: usize,
    ) -> Option<(&crate::analysis::Figure, &crate::analysis::Figure, usize)> {
        let c = self.all.get(i)?;
        if c.articles[0] == article {
            Some((&c.conflict.a, &c.conflict.b, c.articles[1]))
        } else if c.articles[1] == article {
            Some((&c.conflict.b, &c.conflict.a, c.articles[0]))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyse};
    use crate::corpus::bundled;
    use crate::tui::digest::Analysed;

    fn list() -> ConflictList {
        let corpus = bundled::corpus();
        let a = analyse(&corpus, &Options::default());
        let d = Analysed::new(&corpus, a);
        ConflictList::new(d.conflicts, &corpus)
    }

    #[test]
    fn the_filter_keeps_conflicts_holding_every_word() {
        let mut l = list();
        assert!(!l.all.is_empty(), "the bundled corpus has conflicts");
        let n = l.rows.len();
        let word = l.all[0].conflict.measure.split_whitespace().last().unwrap_or_default().to_uppercase();
        l.filter(word);
        assert!(!l.rows.is_empty() && l.rows.len() <= n);
        l.filter("zzqx nothing".into());
        assert!(l.rows.is_empty());
        assert_eq!(l.selected(), None);
        l.filter(String::new());
        assert_eq!(l.rows.len(), n);
    }

    #[test]
    fn an_articles_conflicts_come_in_text_order() {
        let l = list();
        let article = l.all[0].articles[0];
        let mine = l.in_article(article);
        assert!(mine.contains(&0));
        let at: Vec<(u32, u32)> =
            mine.iter().filter_map(|&i| l.sides(i, article)).map(|(f, _, _)| (f.at.paragraph, f.at.start)).collect();
        assert!(at.windows(2).all(|w| w[0] <= w[1]), "{at:?}");
    }
}
