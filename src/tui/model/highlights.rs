//! The highlights list's state (`A`): the chosen row, a deletion waiting for its answer, the
//! filter typed after `/`, the highlight a link is being made from, and whether it lists this
//! article's highlights or the whole library's.

use crate::highlights::find::{NoteQuery, NoteText};
use crate::highlights::{HighlightId, Resolved, Role};
use crate::tui::protocol::LibraryNote;

use super::list::ListCursor;

/// The highlights list's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HighlightList {
    /// The chosen row: an index into [`Reader::highlights`](super::Reader::highlights), or
    /// into the library's notes when [`scope`](Self::scope) is the library.
    pub cursor: ListCursor,
    /// A highlight with a note that `d` asked to delete, waiting for `y`.
    pub confirm: Option<HighlightId>,
    /// Set when the list was opened to pick what this highlight links to (`L`).
    pub linking: Option<HighlightId>,
    /// Words every listed highlight's quote, note, tags or role holds (`/`).
    pub filter: String,
    /// Whether keys are typing the filter.
    pub typing: bool,
    /// Whose highlights are listed.
    pub scope: Scope,
}

/// Whose highlights the list shows (`w` switches).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The open article's.
    #[default]
    Article,
    /// The whole library's, asked of the store and not arrived yet.
    Loading,
    /// The whole library's, as the store had them.
    Library(Vec<LibraryNote>),
}

impl HighlightList {
    /// The indices into `highlights` of those the filter lets through, in order; every one
    /// when there is no filter.
    pub fn visible(&self, highlights: &[Resolved]) -> Vec<usize> {
        self.matching(highlights, |h| (&h.quote, &h.note, &h.tags, h.role))
    }

    /// The indices of the library's notes the filter lets through (empty while they load).
    pub fn visible_notes(&self) -> Vec<usize> {
        match &self.scope {
            Scope::Library(notes) => self.matching(notes, |n| (&n.quote, &n.note, &n.tags, n.role)),
            Scope::Article | Scope::Loading => Vec::new(),
        }
    }

    /// The indices of `items` whose quote, note, tags or role (as `parts` gives them) hold
    /// every word of the filter.
    fn matching<T>(
        &self,
        items: &[T],
        parts: impl Fn(&T) -> (&String, &String, &Vec<String>, Option<Role>),
    ) -> Vec<usize> {
        if self.filter.trim().is_empty() {
            return (0..items.len()).collect();
        }
        let query = NoteQuery::new(&self.filter, None, None);
        let text = |item: &T| {
            let (quote, note, tags, role) = parts(item);
            let mut tags = tags.clone();
            tags.extend(role.map(|r| r.name().to_string()));
            NoteText::new(quote, note, &tags, role)
        };
        (0..items.len())
            .filter(|&i| query.matches(&text(&items[i])))
            .collect()
    }
}
