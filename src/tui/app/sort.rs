//! The orders the article list can be shown in.

/// The order of the article list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// The corpus's order (or the filter's ranking, best match first).
    #[default]
    Corpus,
    /// Newest first; articles without a date last.
    Date,
    Source,
    /// Longest first.
    Words,
    /// Most conflicting figures first.
    Conflicts,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Corpus => Sort::Date,
            Sort::Date => Sort::Source,
            Sort::Source => Sort::Words,
            Sort::Words => Sort::Conflicts,
            Sort::Conflicts => Sort::Corpus,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Sort::Corpus => "corpus order",
            Sort::Date => "date",
            Sort::Source => "source",
            Sort::Words => "words",
            Sort::Conflicts => "conflicts",
        }
    }
}
