//! Every live highlight of the store, for the notes list over the whole library: read from
//! what the store keeps (quote, note, tags, role, the article's title and newest path), so
//! that listing them opens no article.

use std::path::PathBuf;

use super::Highlights;
use crate::highlights::{HighlightId, Role};
use crate::tui::protocol::LibraryNote;

impl Highlights {
    /// The live highlights of every article in the store, article by article, after taking
    /// in what other folios saved; why not when the store cannot be opened.
    pub fn library_notes(&mut self) -> Result<Vec<LibraryNote>, String> {
        let store = self.store()?;
        store.pick_up();
        let mut notes = Vec::new();
        for (_, doc) in store.documents() {
            // Newest path first: a moved file is likelier to be at its latest place.
            let path = doc.paths.last().map(PathBuf::from);
            let live = doc.annotations.iter().filter(|a| a.deleted_at.is_none());
            notes.extend(live.map(|a| LibraryNote {
                id: HighlightId(a.id.clone()),
                title: doc.title.clone(),
                path: path.clone(),
                quote: a.target.quote.exact.clone(),
                note: a.note.clone(),
                tags: a.tags.clone(),
                role: a.role.as_deref().and_then(Role::from_name),
            }));
        }
        Ok(notes)
    }
}
