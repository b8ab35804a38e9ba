//! The highlights list's state (`A`): the chosen row and a deletion waiting for its answer.

use crate::highlights::HighlightId;

use super::list::ListCursor;

/// The highlights list's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HighlightList {
    /// The chosen row: an index into [`Reader::highlights`](super::Reader::highlights).
    pub cursor: ListCursor,
    /// A highlight with a note that `d` asked to delete, waiting for `y`.
    pub confirm: Option<HighlightId>,
    /// Set when the list was opened to pick what this highlight links to (`L`).
    pub linking: Option<HighlightId>,
}
