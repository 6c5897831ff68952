//! Naming an article on the command line: its id, a unique id prefix, or a fuzzy title match.
#![expect(
    clippy::indexing_slicing,
    reason = "offsets and indices are bounded by the buffers and lists they were computed from"
)]

use super::{Article, Corpus};
use crate::error::{Error, Result};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub fn find<'a>(corpus: &'a Corpus, query: &str) -> Result<&'a Article> {
    if let Some(a) = corpus.get(query) {
        return Ok(a);
    }
    let prefixed: Vec<&Article> = corpus.articles.iter().filter(|a| a.id.starts_with(query)).collect();
    match prefixed.len() {
        1 => return Ok(prefixed[0]),
        n if n > 1 => {
            return Err(Error::AmbiguousArticle {
                query: query.to_string(),
                candidates: prefixed.iter().take(5).map(|a| a.id.clone()).collect(),
            });
        }
        _ => {}
    }
    let matcher = SkimMatcherV2::default();
    let mut scored: Vec<(i64, &Article)> =
        corpus.articles.iter().filter_map(|a| matcher.fuzzy_match(&a.title, query).map(|s| (s, a))).collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    match scored.as_slice() {
        [(_, only)] => Ok(only),
        [(s1, best), (s2, _), ..] if s1 > s2 => Ok(best),
        [] => Err(Error::UnknownArticle { query: query.to_string(), suggestions: closest_ids(corpus, query) }),
        many => Err(Error::AmbiguousArticle {
            query: query.to_string(),
            candidates: many.iter().take(5).map(|(_, a)| a.id.clone()).collect(),
        }),
    }
}

/// The ids nearest to `query` by edit distance, for an error message.
fn closest_ids(corpus: &Corpus, query: &str) -> Vec<String> {
    let mut v: Vec<(usize, &str)> =
        corpus.articles.iter().map(|a| (strsim::levenshtein(&a.id, query), a.id.as_str())).collect();
    v.sort();
    v.into_iter().take(3).map(|(_, s)| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, title: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            source: None,
            author: None,
            date: None,
            paragraphs: vec!["x".into()],
            path: id.into(),
            updated: None,
            dateline: None,
            url: None,
        }
    }

    #[test]
    fn id_prefix_and_fuzzy() {
        let c =
            Corpus { articles: vec![art("001_ab", "Flood in the delta"), art("002_cd", "Election results announced")] };
        assert_eq!(find(&c, "001_ab").unwrap().id, "001_ab");
        assert_eq!(find(&c, "002").unwrap().id, "002_cd");
        assert_eq!(find(&c, "election").unwrap().id, "002_cd");
        assert!(matches!(find(&c, "0"), Err(Error::AmbiguousArticle { .. })));
        match find(&c, "zzzz") {
            Err(Error::UnknownArticle { suggestions, .. }) => assert_eq!(suggestions.len(), 2),
            other => panic!("{other:?}"),
        }
    }
}
