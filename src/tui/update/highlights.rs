//! The highlights list's verbs (`A`): choosing a highlight, going to it, deleting it (asked
//! first when it has a note), undoing, exporting.

use crate::tui::action::Action;
use crate::tui::model::{Model, RoleTarget};
use crate::tui::protocol::Effect;

use super::changes::{delete, export, undo};
use super::{file, text_rows};

/// What the highlights list asks before deleting a highlight with a note.
const DELETE_NOTE_QUESTION: &str =
    "delete this highlight and its note? y deletes it (u brings it back), any other key keeps it";

const ORPHAN: &str = "this highlight's text is no longer in the article (an orphan): it is kept \
                      and exported, but cannot be shown";

pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let rows = model.list_rows();
    let (Some(reader), Some(list)) = (model.reader.as_mut(), model.list.as_mut()) else {
        return Vec::new();
    };
    list.cursor.step(action, reader.highlights.len(), rows);
    let chosen = reader.highlights.get(list.cursor.selected).cloned();
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Close | Action::Back | Action::ListHighlights => model.list = None,
        Action::Export => return export(model),
        Action::Reload => return file::reload(model),
        Action::Open => go_to(model, chosen.as_ref().map(|h| h.range.clone())),
        // A note is the user's own writing: deleting it is asked first.
        Action::DeleteHighlight => match chosen {
            Some(highlight) if !highlight.note.trim().is_empty() => {
                list.confirm = Some(highlight.id);
                model.message = Some(DELETE_NOTE_QUESTION.into());
            }
            other => return delete(model, other.map(|h| h.id)),
        },
        Action::Undo => return undo(model),
        Action::SetRole => {
            if let Some(h) = chosen {
                super::role_picker::open(model, RoleTarget::Highlight(h.id));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Closes the list on the chosen highlight's text, or says why it cannot be shown.
fn go_to(model: &mut Model, chosen: Option<Option<std::ops::Range<usize>>>) {
    let height = text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    match chosen {
        Some(Some(range)) => {
            reader.cursor = range.start;
            reader.reveal(range.start, height);
            model.list = None;
        }
        Some(None) => model.message = Some(ORPHAN.into()),
        None => {}
    }
}

/// The answer to [`DELETE_NOTE_QUESTION`]: `y` deletes, any other key keeps the highlight and
/// is used for nothing else. `None` when no question waits.
pub(super) fn answer_delete(model: &mut Model, typed: Option<char>) -> Option<Vec<Effect>> {
    let id = model.list.as_mut()?.confirm.take()?;
    if typed == Some('y') {
        return Some(delete(model, Some(id)));
    }
    model.message = Some("kept the highlight and its note".into());
    Some(Vec::new())
}
