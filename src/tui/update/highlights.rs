//! The highlights list's verbs (`A`): choosing a highlight, going to it, deleting it (asked
//! first when it has a note), undoing, exporting.

use crate::highlights::{LinkKind, Resolved, Role};
use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Action;
use crate::tui::model::{Model, RoleTarget, Scope};
use crate::tui::protocol::{Effect, HighlightChange};

use super::changes::{change, delete, export, undo};
use super::{file, library_notes, text_rows};

/// What the highlights list asks before deleting a highlight with a note.
const DELETE_NOTE_QUESTION: &str =
    "delete this highlight and its note? y deletes it (u brings it back), any other key keeps it";

const ORPHAN: &str = "this highlight's text is no longer in the article (an orphan): it is kept \
                      and exported, but cannot be shown";

pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    match model.list.as_ref().map(|l| &l.scope) {
        Some(Scope::Article) if action == Action::WholeLibrary => {
            return library_notes::switch(model);
        }
        Some(Scope::Loading | Scope::Library(_)) => return library_notes::act(model, action),
        _ => {}
    }
    let rows = model.list_rows();
    let (Some(reader), Some(list)) = (model.reader.as_mut(), model.list.as_mut()) else {
        return Vec::new();
    };
    let visible = list.visible(&reader.highlights);
    list.cursor.step(action, visible.len(), rows);
    let chosen = (visible.get(list.cursor.selected)).map(|&i| reader.highlights[i].clone());
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Close | Action::Back | Action::ListHighlights => model.list = None,
        Action::Export => return export(model),
        Action::Reload => return file::reload(model),
        Action::Open if list.linking.is_some() => return link_to(model, chosen),
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
        Action::Filter => start_filter(model),
        Action::Tag => {
            if let Some(h) = &chosen {
                super::tag_prompt::open(model, h);
            }
        }
        Action::SetRole => {
            if let Some(h) = chosen {
                super::role_picker::open(model, RoleTarget::Highlight(h.id));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Starts typing the filter.
pub(super) fn start_filter(model: &mut Model) {
    if let Some(list) = model.list.as_mut() {
        list.typing = true;
        model.message = Some("filter: type words of a quote, note, tag or role".into());
    }
}

/// Links the highlight the list was opened for (`L`) to `chosen`, and closes the list. The
/// kind follows the roles: an objection opposes, what links to a question answers it, the
/// rest supports.
fn link_to(model: &mut Model, chosen: Option<Resolved>) -> Vec<Effect> {
    let (Some(reader), Some(list)) = (model.reader.as_ref(), model.list.as_ref()) else {
        return Vec::new();
    };
    let (Some(from), Some(to)) = (list.linking.clone(), chosen) else {
        return Vec::new();
    };
    if from == to.id {
        model.message = Some("a highlight cannot be linked to itself: choose another".into());
        return Vec::new();
    }
    let from_role = reader
        .highlights
        .iter()
        .find(|h| h.id == from)
        .and_then(|h| h.role);
    let kind = match (from_role, to.role) {
        (Some(Role::Objection), _) => LinkKind::Opposes,
        (_, Some(Role::Question)) => LinkKind::Answers,
        _ => LinkKind::Supports,
    };
    model.list = None;
    model.message = Some(format!("linked: {kind} “{}”", ellipsis(&to.quote)));
    let (id, target) = (from, to.id);
    change(model, HighlightChange::Link { id, target, kind })
}

/// The start of a quote, for a message.
fn ellipsis(quote: &str) -> String {
    let flat = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.chars().count() > 40 {
        true => flat.chars().take(39).chain(['…']).collect(),
        false => flat,
    }
}

/// Closes the list on the chosen highlight's text, or says why it cannot be shown.
pub(super) fn go_to(model: &mut Model, chosen: Option<Option<std::ops::Range<usize>>>) {
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

/// A key while the filter is typed: characters narrow the list, Backspace takes one back,
/// Enter stops typing and goes on to the keymap (to open or link the chosen row), Esc
/// clears the filter. `None` when no filter is being typed.
pub(super) fn filter_input(
    model: &mut Model,
    typed: Option<char>,
    code: KeyCode,
) -> Option<Vec<Effect>> {
    let list = model.list.as_mut().filter(|l| l.typing)?;
    match (typed, code) {
        (Some(c), _) => list.filter.push(c),
        (None, KeyCode::Backspace) => {
            list.filter.pop();
        }
        (None, KeyCode::Esc) => {
            list.typing = false;
            list.filter.clear();
        }
        (None, KeyCode::Enter) => {
            list.typing = false;
            return None;
        }
        _ => return None,
    }
    list.cursor = Default::default();
    Some(Vec::new())
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
