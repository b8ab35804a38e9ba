//! The highlights list's state (`A`): the chosen row, a deletion waiting for its answer, the
//! filter typed after `/`, and the highlight a link is being made from.

use crate::highlights::find::{NoteQuery, NoteText};
use crate::highlights::{HighlightId, Resolved};

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
    /// Words every listed highlight's quote, note, tags or role holds (`/`).
    pub filter: String,
    /// Whether keys are typing the filter.
    pub typing: bool,
}

impl HighlightList {
    /// The indices into `highlights` of those the filter lets through, in order; every one
    /// when there is no filter.
    pub fn visible(&self, highlights: &[Resolved]) -> Vec<usize> {
        if self.filter.trim().is_empty() {
            return (0..highlights.len()).collect();
        }
        let query = NoteQuery::new(&self.filter, None, None);
        let text = |h: &Resolved| {
            let mut tags = h.tags.clone();
            tags.extend(h.role.map(|r| r.name().to_string()));
            NoteText::new(&h.quote, &h.note, &tags, h.role)
        };
        (0..highlights.len())
            .filter(|&i| query.matches(&text(&highlights[i])))
            .collect()
    }
}
