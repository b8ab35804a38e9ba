//! Saving a note only over the text the user saw (a compare-and-set on the note): when
//! another folio changed it meanwhile both texts are kept, marked as a merge conflict; when
//! another deleted its highlight, the note brings the highlight back.

use super::Store;
use crate::highlights::model::Highlight;
use crate::highlights::{HighlightId, StoreError};

/// What saving a note had to do beyond saving it, for the user to hear.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoteSaved {
    /// Another folio had changed the note since the user saw it: both texts are in it now.
    pub conflict: bool,
    /// Another folio had deleted the highlight: it is back, with the note.
    pub restored: bool,
}

impl NoteSaved {
    /// What the user should be told, if anything.
    pub fn said(&self) -> Option<String> {
        let mut said = Vec::new();
        if self.restored {
            said.push(
                "this highlight had been deleted by another folio; it is restored with your note",
            );
        }
        if self.conflict {
            said.push(
                "NOTE CONFLICT: another folio changed this note while you edited it; both \
                 versions are kept in the note, between <<<<<<< and >>>>>>>: edit it to keep \
                 what you want",
            );
        }
        (!said.is_empty()).then(|| said.join("; "))
    }
}

/// What starts and ends the two versions of a note in conflict.
const OURS: &str = "<<<<<<< your note";
const BETWEEN: &str = "=======";
const THEIRS: &str = ">>>>>>> saved meanwhile by another folio";

impl Store {
    /// Replaces a highlight's note by `note`, the user having started from `seen`, and saves.
    /// When the stored note is no longer `seen` (another folio saved over it) nothing is
    /// replaced unseen: both texts are kept, marked. When the highlight was deleted
    /// meanwhile, a note with words in it brings it back.
    pub fn save_note(
        &mut self,
        id: &HighlightId,
        seen: &str,
        note: &str,
    ) -> Result<NoteSaved, StoreError> {
        let mut saved = NoteSaved::default();
        self.edit(id, |a, _| saved = put(a, seen, note))?;
        Ok(saved)
    }
}

/// Puts `note` in `ann` as [`Store::save_note`] says.
fn put(ann: &mut Highlight, seen: &str, note: &str) -> NoteSaved {
    let restored = ann.deleted_at.is_some() && !note.trim().is_empty();
    if restored {
        ann.deleted_at = None;
    }
    let theirs = &ann.note;
    let conflict = theirs != seen && theirs != note && !theirs.trim().is_empty();
    ann.note = match conflict {
        false => note.to_string(),
        // Emptying a note one never saw would throw its words away.
        true if note.trim().is_empty() => theirs.clone(),
        true => format!("{OURS}\n{note}\n{BETWEEN}\n{theirs}\n{THEIRS}"),
    };
    NoteSaved { conflict, restored }
}

/// Adds `note` after the words already in `existing` (a blank line between), unless it is
/// empty or there already; `true` when it was added.
pub fn append(existing: &mut String, note: &str) -> bool {
    if note.trim().is_empty() || existing.as_str() == note {
        return false;
    }
    if existing.trim().is_empty() {
        *existing = note.to_string();
    } else {
        *existing = format!("{existing}\n\n{note}");
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlights::model::Highlight;

    fn with_note(note: &str) -> Highlight {
        let mut ann: Highlight = serde_json::from_value(serde_json::json!({
            "id": "A", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "color": "yellow", "note": "",
            "target": {"quote": {"exact": "q", "prefix": "", "suffix": ""},
                       "position": {"start": 0, "end": 1}, "section": [], "text_hash": ""},
            "anchor": {"status": "verified"}
        }))
        .unwrap();
        ann.note = note.to_string();
        ann
    }

    #[test]
    fn a_note_still_as_seen_is_replaced() {
        let mut ann = with_note("old");
        assert_eq!(put(&mut ann, "old", "new"), NoteSaved::default());
        assert_eq!(ann.note, "new");
    }

    #[test]
    fn a_note_changed_meanwhile_keeps_both_texts_marked() {
        let mut ann = with_note("theirs");
        let saved = put(&mut ann, "old", "mine");
        assert!(saved.conflict && !saved.restored);
        assert_eq!(
            ann.note,
            format!("{OURS}\nmine\n{BETWEEN}\ntheirs\n{THEIRS}")
        );
        assert!(saved.said().unwrap().contains("both versions are kept"));
        // Emptying a note changed meanwhile keeps their words.
        let mut ann = with_note("theirs");
        assert!(put(&mut ann, "old", "").conflict);
        assert_eq!(ann.note, "theirs");
    }

    #[test]
    fn a_note_on_a_deleted_highlight_restores_it() {
        let mut ann = with_note("old");
        ann.deleted_at = Some(jiff::Timestamp::UNIX_EPOCH);
        let saved = put(&mut ann, "old", "mine");
        assert!(saved.restored && !saved.conflict);
        assert_eq!((ann.deleted_at, ann.note.as_str()), (None, "mine"));
    }

    #[test]
    fn append_adds_after_and_never_twice() {
        let mut note = String::new();
        assert!(append(&mut note, "first"));
        assert!(!append(&mut note, "first"));
        assert!(append(&mut note, "second"));
        assert!(!append(&mut note, "  "));
        assert_eq!(note, "first\n\nsecond");
    }
}
