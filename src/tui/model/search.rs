//! A search in the open article: the query, its matches and the current one.

use std::ops::Range;

use crate::search::Haystack;

/// A search: the query being typed, the matches and the current one.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// The article's text folded for matching, built on the first search.
    pub haystack: Option<Haystack>,
    /// While typing a query: the text so far and the reading position to go back to on Esc.
    pub input: Option<(String, usize)>,
    pub query: String,
    /// Character ranges of every match, in order.
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
    /// Searching backward: the first match is the last one before `from`, and `n` goes up.
    pub backward: bool,
    /// Where a backward search looks up from (the caret when it started).
    pub from: usize,
}
