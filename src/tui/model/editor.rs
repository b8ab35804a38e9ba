//! The note editor's state and keys: a multi-line text area (Enter is a new line), `Ctrl-s`
//! saves, `Esc` asks before throwing typed text away, `Ctrl-e` hands the note to `$EDITOR`.
//! Pure: saving and the external editor are effects for the driver.

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

/// Which highlight the note belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteTarget {
    /// The highlight on exactly these characters (one just made, whose id the store is
    /// still to give).
    Range(Range<usize>),
    /// An existing highlight.
    Id(crate::highlights::HighlightId),
}

/// A note being written.
#[derive(Debug)]
pub struct NoteEditor {
    pub area: TextArea<'static>,
    pub target: NoteTarget,
    /// The note as it was when the editor opened.
    pub original: String,
    /// Set after `Esc` on changed text: the next key says whether to discard.
    pub confirm_discard: bool,
    /// The kept draft this note was restored from, removed once it is saved or discarded.
    pub draft: Option<String>,
}

/// What a key in the editor asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorOutcome {
    /// Keep editing.
    Editing,
    /// Save this text and close.
    Save(String),
    /// Close without saving.
    Discard,
    /// Open the text in the external editor.
    External(String),
}

impl NoteEditor {
    pub fn new(target: NoteTarget, note: &str) -> NoteEditor {
        let lines = note.lines().map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            area,
            target,
            original: note.to_string(),
            confirm_discard: false,
            draft: None,
        }
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Replaces the text (with what the external editor saved).
    pub fn set_text(&mut self, text: &str) {
        let trimmed = text.strip_suffix('\n').unwrap_or(text);
        let target = self.target.clone();
        let original = std::mem::take(&mut self.original);
        let draft = self.draft.take();
        *self = NoteEditor::new(target, trimmed);
        self.original = original;
        self.draft = draft;
    }

    /// Handles one key.
    pub fn key(&mut self, event: &KeyEvent) -> EditorOutcome {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if self.confirm_discard {
            self.confirm_discard = false;
            return match event.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Esc => EditorOutcome::Discard,
                _ => EditorOutcome::Editing,
            };
        }
        match event.code {
            KeyCode::Char('s') if ctrl => EditorOutcome::Save(self.text()),
            KeyCode::Char('e') if ctrl => EditorOutcome::External(self.text()),
            KeyCode::Esc if self.text() == self.original => EditorOutcome::Discard,
            KeyCode::Esc => {
                self.confirm_discard = true;
                EditorOutcome::Editing
            }
            _ => {
                self.area.input(*event);
                EditorOutcome::Editing
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::tests::key_event;

    fn typed(editor: &mut NoteEditor, text: &str) {
        for c in text.chars() {
            let spec = if c == '\n' {
                "Enter".to_string()
            } else {
                c.to_string()
            };
            assert_eq!(editor.key(&key_event(&spec)), EditorOutcome::Editing);
        }
    }

    #[test]
    fn typing_with_enter_makes_lines_and_ctrl_s_saves_them() {
        let mut editor = NoteEditor::new(NoteTarget::Range(0..4), "");
        typed(&mut editor, "first line\nsecond 行");
        assert_eq!(editor.area.lines(), ["first line", "second 行"]);
        assert_eq!(
            editor.key(&key_event("ctrl-s")),
            EditorOutcome::Save("first line\nsecond 行".into())
        );
    }

    #[test]
    fn esc_closes_at_once_when_nothing_changed() {
        let mut editor = NoteEditor::new(NoteTarget::Range(0..4), "kept");
        assert_eq!(editor.key(&key_event("Esc")), EditorOutcome::Discard);
    }

    #[test]
    fn esc_on_typed_text_asks_first() {
        let mut editor = NoteEditor::new(NoteTarget::Range(0..4), "");
        typed(&mut editor, "draft");
        assert_eq!(editor.key(&key_event("Esc")), EditorOutcome::Editing);
        assert!(editor.confirm_discard);
        // Any key but y or Esc goes back to the text, untouched.
        assert_eq!(editor.key(&key_event("n")), EditorOutcome::Editing);
        assert_eq!(editor.text(), "draft");
        assert_eq!(editor.key(&key_event("Esc")), EditorOutcome::Editing);
        assert_eq!(editor.key(&key_event("y")), EditorOutcome::Discard);
    }

    #[test]
    fn ctrl_e_hands_the_text_over_and_takes_back_the_edit() {
        let mut editor = NoteEditor::new(NoteTarget::Range(0..4), "old");
        assert_eq!(
            editor.key(&key_event("ctrl-e")),
            EditorOutcome::External("old".into())
        );
        editor.set_text("new\nlines\n");
        assert_eq!(editor.text(), "new\nlines");
        assert_eq!(editor.original, "old");
    }
}
