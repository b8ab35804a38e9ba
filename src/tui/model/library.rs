//! The library view's state: the articles to choose from and the filter.

use std::path::PathBuf;

use super::list::ListCursor;

/// The library view: articles to choose from.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// Most recently read first.
    pub entries: Vec<LibraryEntry>,
    /// What the user typed to filter.
    pub filter: String,
    /// Whether the filter is being typed (after `/`): letters go to it, not to the keys.
    pub typing: bool,
    /// Indices into `entries` that pass the filter, best first.
    pub shown: Vec<usize>,
    /// The chosen row: an index into `shown`.
    pub cursor: ListCursor,
    /// What to say when there is nothing to list (how to add articles).
    pub empty_hint: String,
}

impl Library {
    /// A library listing `entries` in the order given, nothing filtered out yet.
    pub fn new(entries: Vec<LibraryEntry>, empty_hint: String) -> Library {
        Library {
            shown: (0..entries.len()).collect(),
            entries,
            empty_hint,
            ..Library::default()
        }
    }
}

/// One article in the library list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub title: String,
    /// Short format name ("text", "markdown", "html").
    pub format: String,
    /// Length in characters.
    pub chars: usize,
    /// Percent read, if it was ever opened.
    pub progress: Option<u8>,
    /// The article's id (see [`crate::article::Article::id`]); `None` when unreadable.
    pub id: Option<String>,
    /// Live highlights; `None` until the store worker has counted them.
    pub highlights: Option<usize>,
}
