//! Making highlights: one per passage, whoever makes it (this reader, another, the CLI).

use std::ops::Range;

use ulid::Ulid;

use super::{Store, document_for, later, note, verified};
use crate::article::Article;
use crate::highlights::model::{Extra, Highlight};
use crate::highlights::{Color, DocKey, HighlightId, StoreError, anchor};

/// What [`Store::highlight`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// A new highlight, with this id.
    New(HighlightId),
    /// The passage was highlighted already: that highlight, and whether the new note was
    /// added to its own.
    Existing { id: HighlightId, note_added: bool },
}

impl Added {
    /// The highlight's id, new or found.
    pub fn into_id(self) -> HighlightId {
        match self {
            Added::New(id) | Added::Existing { id, .. } => id,
        }
    }
}

impl Store {
    /// Highlights `range` (character offsets) of `article` and saves; a passage highlighted
    /// already keeps its one highlight (see [`Store::highlight`]), whose id is returned.
    pub fn add(
        &mut self,
        doc: &DocKey,
        article: &Article,
        range: Range<usize>,
        color: Color,
        note: &str,
    ) -> Result<HighlightId, StoreError> {
        self.highlight(doc, article, range, color, note)
            .map(Added::into_id)
    }

    /// Highlights `range` of `article` with `note` and saves, unless a live highlight sits on
    /// exactly that passage of the same text already (made here, by another folio or by the
    /// CLI): then that one is kept, never doubled, and a new note is added after its own,
    /// never in its place.
    pub fn highlight(
        &mut self,
        doc: &DocKey,
        article: &Article,
        range: Range<usize>,
        color: Color,
        note: &str,
    ) -> Result<Added, StoreError> {
        let target = anchor::target_for(article, range)?;
        let id = Ulid::new().to_string();
        self.commit(|txn, now| {
            let document = document_for(txn, doc, article);
            let same = document.annotations.iter().find(|a| {
                a.deleted_at.is_none()
                    && a.target.text_hash == target.text_hash
                    && a.target.position == target.position
            });
            if let Some(same) = same.map(|a| HighlightId(a.id.clone())) {
                let ann = txn.annotation(&same)?;
                let note_added = note::append(&mut ann.note, note);
                if note_added {
                    ann.updated_at = later(now, ann.updated_at);
                }
                return Ok(Added::Existing {
                    id: same,
                    note_added,
                });
            }
            document.annotations.push(Highlight {
                id: id.clone(),
                created_at: now,
                updated_at: now,
                deleted_at: None,
                color: color.name().to_string(),
                tags: Vec::new(),
                note: note.to_string(),
                role: None,
                links: Vec::new(),
                target,
                anchor: verified(),
                extra: Extra::new(),
            });
            Ok(Added::New(HighlightId(id)))
        })
    }
}
