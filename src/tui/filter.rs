//! The article filter: fuzzy matching of titles, sources and authors, kept fast on the
//! largest archives (the haystacks are joined once, narrowing a query searches only what
//! matched before, a deleted letter returns to rows already found).
#![expect(clippy::indexing_slicing, reason = "pane, row and article indices are kept within their lists by `update`")]

use crate::corpus::Article;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Default)]
pub struct Filter {
    /// What the user typed.
    pub query: String,
    /// Title, source and author of each article, joined once.
    haystacks: Vec<String>,
    /// The same in lower case, for the quick checks that run over every title.
    hay_lower: Vec<String>,
    /// The query the current rows were found with.
    filtered_by: String,
    /// Earlier queries of this typing and their rows, so that a deleted letter costs nothing.
    history: Vec<(String, Vec<usize>)>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// Takes in the articles read since the last call (`articles` is the whole corpus).
    pub fn extend(&mut self, articles: &[Article]) {
        use rayon::prelude::*;
        let have = self.haystacks.len();
        if have < articles.len() {
            let more: Vec<String> = articles[have..].par_iter().map(haystack).collect();
            self.hay_lower.extend(more.par_iter().map(|h| h.to_lowercase()).collect::<Vec<_>>());
            self.haystacks.extend(more);
        }
    }

    /// Room for `more` articles, reserved at once.
    pub fn reserve(&mut self, more: usize) {
        self.haystacks.reserve(more);
        self.hay_lower.reserve(more);
    }

    /// Forgets the rows of earlier queries (new articles came in since).
    pub fn forget_history(&mut self) {
        self.history.clear();
    }

    /// Forgets what earlier queries found: the next one searches everything again.
    pub fn forget(&mut self) {
        self.history.clear();
        self.filtered_by.clear();
    }

    /// Forgets the haystacks too (the articles' ids or order changed).
    pub fn reset(&mut self, articles: &[Article]) {
        self.haystacks.clear();
        self.hay_lower.clear();
        self.forget();
        self.extend(articles);
    }

    /// The rows for the query, best match first; `current` holds the rows of the query
    /// before (searched again when the query only grew).
    pub fn rows(&mut self, n: usize, current: Vec<usize>) -> Vec<usize> {
        if self.query.is_empty() {
            self.forget();
            return (0..n).collect();
        }
        // deleting a letter returns to an earlier query: its rows are kept
        while self.history.last().is_some_and(|(f, _)| !self.query.starts_with(f.as_str())) {
            self.history.pop();
        }
        let mut current = current;
        if let Some((f, rows)) = self.history.last() {
            if *f == self.query {
                self.filtered_by = f.clone();
                return rows.clone();
            }
            current = rows.clone();
            self.filtered_by = f.clone();
        }
        // typing one more letter can only narrow the matches: search those again, not all
        let narrowing = !self.filtered_by.is_empty() && self.query.starts_with(&self.filtered_by);
        let rows = if narrowing {
            self.matches(&current)
        } else {
            self.matches(&(0..self.haystacks.len()).collect::<Vec<_>>())
        };
        self.filtered_by = self.query.clone();
        self.history.push((self.query.clone(), rows.clone()));
        rows
    }

    /// The articles of `pool` that match the query, best first.
    pub fn matches(&self, pool: &[usize]) -> Vec<usize> {
        use rayon::prelude::*;
        let fast = SkimMatcherV2::default().element_limit(1);
        let query = self.query.as_str();
        let hay = &self.haystacks;
        let lower_query: String = query.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        let lower = &self.hay_lower;
        // a plain in-order letter check first: far cheaper than scoring, and most titles fail it;
        // past ten thousand candidates a linear score of the same kind as skim's ranks them, so
        // a key press stays within a frame on the largest archives
        let quick = pool.len() > QUICK_SCORE_FROM;
        let finder = memchr::memmem::Finder::new(&lower_query);
        let mut scored: Vec<(i64, usize)> = pool
            .par_iter()
            .filter(|&&i| lower.get(i).is_some_and(|l| quick || in_order(l, &lower_query)))
            .filter_map(|&i| {
                let s = if quick {
                    quick_score_with(lower.get(i)?, &lower_query, &finder)
                } else {
                    fast.fuzzy_match(hay.get(i)?, query)
                };
                s.map(|s| (s, i))
            })
            .collect();
        scored.par_sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// The letters of each article's title that the query matched, for the rows on screen
    /// only (the full scorer finds them: that is too slow for every row of a large list).
    pub fn title_hits(&self, corpus: &[Article], articles: &[usize]) -> Vec<Vec<usize>> {
        if self.query.is_empty() {
            return vec![Vec::new(); articles.len()];
        }
        let m = SkimMatcherV2::default();
        articles
            .iter()
            .map(|&i| {
                let Some(a) = corpus.get(i) else { return Vec::new() };
                let title_len = a.title.chars().count();
                let joined;
                let hay = match self.haystacks.get(i) {
                    Some(h) => h.as_str(),
                    None => {
                        joined = haystack(a);
                        joined.as_str()
                    }
                };
                m.fuzzy_indices(hay, &self.query)
                    .map(|(_, v)| v.into_iter().filter(|&k| k < title_len).collect())
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// What the filter searches in: an article's title, source and author.
fn haystack(a: &Article) -> String {
    format!("{} {} {}", a.title, a.source.as_deref().unwrap_or(""), a.author.as_deref().unwrap_or(""))
}

/// Whether the query's letters stand in `hay` in order (both in lower case).
fn in_order(hay: &str, query: &str) -> bool {
    if hay.is_ascii() && query.is_ascii() {
        let mut h = hay.as_bytes();
        for q in query.bytes() {
            match h.iter().position(|&b| b == q) {
                Some(p) => h = &h[p + 1..],
                None => return false,
            }
        }
        return true;
    }
    let mut q = query.chars().peekable();
    for c in hay.chars() {
        if q.peek() == Some(&c) {
            q.next();
        }
    }
    q.peek().is_none()
}

/// Candidates past which `quick_score` ranks instead of skim.
const QUICK_SCORE_FROM: usize = 10_000;

/// A linear score in the spirit of skim's (both in lower case): points for each matched letter,
/// more at word starts and in runs of consecutive letters, fewer across gaps; the whole query
/// matched as one run ranks first. `None` when the letters are not all there in order.
#[cfg(test)]
fn quick_score(hay: &str, query: &str) -> Option<i64> {
    quick_score_with(hay, query, &memchr::memmem::Finder::new(query))
}

/// [`quick_score`] with the query's searcher made once for all titles.
fn quick_score_with(hay: &str, query: &str, finder: &memchr::memmem::Finder) -> Option<i64> {
    // the query as it stands in the title is the best alignment there is: score from there
    let (from, prev_alnum) = match finder.find(hay.as_bytes()) {
        Some(p) => (p, hay[..p].chars().next_back().is_some_and(char::is_alphanumeric)),
        None => (0, false),
    };
    let hay = &hay[from..];
    if hay.is_ascii() && query.is_ascii() {
        return quick_score_of(hay.as_bytes(), query.as_bytes(), prev_alnum, |b| b.is_ascii_alphanumeric());
    }
    let h: Vec<char> = hay.chars().collect();
    let q: Vec<char> = query.chars().collect();
    quick_score_of(&h, &q, prev_alnum, |c| c.is_alphanumeric())
}

fn quick_score_of<T: Copy + PartialEq>(
    hay: &[T],
    query: &[T],
    mut prev_alnum: bool,
    alnum: impl Fn(T) -> bool,
) -> Option<i64> {
    let (mut qi, mut score, mut gap, mut run, mut best_run) = (0, 0i64, 0i64, 0usize, 0usize);
    for &c in hay {
        if qi == query.len() {
            break;
        }
        if c == query[qi] {
            score += 16 + if prev_alnum { 0 } else { 8 } + if run > 0 { 12 } else { 0 };
            if qi > 0 {
                score -= gap.min(10);
            }
            (qi, gap, run) = (qi + 1, 0, run + 1);
            best_run = best_run.max(run);
        } else {
            run = 0;
            gap += i64::from(qi > 0);
        }
        prev_alnum = alnum(c);
    }
    (qi == query.len()).then_some(score + if best_run == query.len() { 32 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::{in_order, quick_score};

    #[test]
    fn letters_in_order() {
        assert!(in_order("flood in lisbon", "fli"));
        assert!(!in_order("flood in lisbon", "ilf"));
        assert!(in_order("zürich talks", "zrt"));
        assert!(!in_order("zürich talks", "zx"));
    }

    #[test]
    fn quick_score_prefers_word_starts_runs_and_substrings() {
        let q = "lis";
        let whole = quick_score("flood in lisbon", q).unwrap();
        let scattered = quick_score("lamp is set", q).unwrap();
        assert!(whole > scattered, "{whole} > {scattered}");
        assert!(quick_score("storm hits", "xyz").is_none());
        assert!(quick_score("fire at plant", "fp") > quick_score("offshore plan", "fp"));
    }
}
