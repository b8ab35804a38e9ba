//! The note editor's keys: typing, saving the note to its highlight, discarding it, handing
//! it to `$EDITOR`; and keeping an open editor in step with another folio's save.

use ratatui::crossterm::event::KeyEvent;

use crate::highlights::{Color, Resolved};
use crate::tui::model::Model;
use crate::tui::model::editor::{EditorOutcome, NoteEditor, NoteTarget};
use crate::tui::protocol::{Edited, Effect, HighlightChange};

use super::changes::change;

/// A key in the note editor; a note restored from a draft lets the draft go once it is saved
/// or discarded.
pub(super) fn key(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let draft = model.editor.as_ref().and_then(|e| e.draft.clone());
    let mut effects = outcome(model, event);
    if model.editor.is_none()
        && let Some(key) = draft
    {
        effects.push(Effect::DropDraft(key));
    }
    effects
}

/// What the editor made of the key.
fn outcome(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Some(editor) = model.editor.as_mut() else {
        return Vec::new();
    };
    match editor.key(event) {
        EditorOutcome::Editing => Vec::new(),
        EditorOutcome::External(text) => vec![Effect::EditExternally(text)],
        EditorOutcome::Discard => {
            model.editor = None;
            Vec::new()
        }
        EditorOutcome::Save(note) => {
            let Some(editor) = model.editor.take() else {
                return Vec::new();
            };
            if note == editor.original {
                return Vec::new();
            }
            let highlights = model.reader.as_ref().map_or(&[][..], |r| &r.highlights[..]);
            let made = note_change(highlights, editor, note);
            change(model, made)
        }
    }
}

/// The change that gives the highlight the editor is on the note `note`, saved over the text
/// the editor started from.
fn note_change(highlights: &[Resolved], editor: NoteEditor, note: String) -> HighlightChange {
    let seen = editor.original;
    match editor.target {
        NoteTarget::Id(id) => HighlightChange::Note { id, note, seen },
        NoteTarget::Range(range) => {
            match highlights.iter().find(|h| h.range.as_ref() == Some(&range)) {
                Some(highlight) => HighlightChange::Note {
                    id: highlight.id.clone(),
                    note,
                    seen,
                },
                // The highlight never made it, not even into memory: make it with its note.
                None => HighlightChange::Add {
                    range,
                    color: Color::Yellow,
                    note,
                },
            }
        }
    }
}

/// What `$EDITOR` saved goes into the editor (or why it could not run, to the status line).
pub(super) fn edited(model: &mut Model, result: Result<Edited, String>) {
    match (result, model.editor.as_mut()) {
        (Ok(edited), Some(editor)) => {
            editor.set_text(&edited.text);
            model.message = edited.notice;
        }
        (Err(error), _) => model.message = Some(error),
        (Ok(_), None) => {}
    }
}

/// After the highlights were read again (another folio saved): a note editor that is open on
/// a highlight whose note changed meanwhile shows the new note if nothing was typed yet, else
/// keeps the typing and says that saving will keep both texts.
pub(super) fn follow_store(model: &mut Model) {
    let (Some(editor), Some(reader)) = (model.editor.as_mut(), model.reader.as_ref()) else {
        return;
    };
    let NoteTarget::Id(id) = &editor.target else {
        return;
    };
    let Some(highlight) = reader.highlights.iter().find(|h| &h.id == id) else {
        return;
    };
    if highlight.note == editor.original {
        return;
    }
    if editor.text() == editor.original {
        let draft = editor.draft.take();
        *editor = NoteEditor::new(editor.target.clone(), &highlight.note);
        editor.draft = draft;
        model.message = Some("another folio changed this note: showing its new text".into());
    } else {
        model.message = Some(
            "another folio changed this note while you edit it: Ctrl-s keeps both texts".into(),
        );
    }
}
