//! Asking the store to change highlights, from the reader and the selection: highlighting,
//! recolouring, deleting and undoing, opening a note, jumping between highlights, listing and
//! exporting them.

use crate::highlights::{AnchorStatus, Color, HighlightId};
use crate::tui::action::Action;
use crate::tui::model::editor::NoteTarget;
use crate::tui::model::{HighlightList, ListCursor, Model, NoteEditor, RoleTarget};
use crate::tui::protocol::{Effect, HighlightChange, Shared};

use super::text_rows;

/// Said when the notes list opens to pick a link's target.
const LINK_PICK: &str = "link to…: choose the highlight this one supports, opposes or answers, \
                         Enter links, Esc cancels";

const NO_HIGHLIGHT: &str = "no highlight here: v selects the sentence at the cursor";

/// A verb about the highlight under the caret, or about all of them.
pub(super) fn at_caret(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let here = reader.highlight_at(reader.cursor);
    match action {
        Action::Annotate => match here {
            Some(h) => model.editor = Some(NoteEditor::new(NoteTarget::Id(h.id.clone()), &h.note)),
            None => model.message = Some(NO_HIGHLIGHT.into()),
        },
        Action::DeleteHighlight => {
            let id = here.map(|h| h.id.clone());
            return delete(model, id);
        }
        Action::Undo => return undo(model),
        Action::NextHighlight | Action::PrevHighlight => {
            jump_to_highlight(model, action == Action::NextHighlight);
        }
        Action::ListHighlights => open_list(model),
        Action::Export => return export(model),
        Action::Link => match here.map(|h| h.id.clone()) {
            Some(id) => {
                open_list(model);
                if let Some(list) = model.list.as_mut() {
                    list.linking = Some(id);
                }
                model.message = Some(LINK_PICK.into());
            }
            None => model.message = Some(NO_HIGHLIGHT.into()),
        },
        Action::Tag => match here.cloned() {
            Some(h) => super::tag_prompt::open(model, &h),
            None => model.message = Some(NO_HIGHLIGHT.into()),
        },
        Action::SetRole => match here.map(|h| h.id.clone()) {
            Some(id) => super::role_picker::open(model, RoleTarget::Highlight(id)),
            None => model.message = Some(NO_HIGHLIGHT.into()),
        },
        _ => match here {
            Some(h) => {
                let (id, color) = (h.id.clone(), color_of(action));
                return change(model, HighlightChange::Color { id, color });
            }
            None => model.message = Some(NO_HIGHLIGHT.into()),
        },
    }
    Vec::new()
}

/// The effect that makes `change` to the open article's highlights.
pub(super) fn change(model: &Model, change: HighlightChange) -> Vec<Effect> {
    match model.reader.as_ref() {
        Some(reader) => vec![Effect::ChangeHighlight(
            Shared(reader.article.clone()),
            change,
        )],
        None => Vec::new(),
    }
}

/// Exports the open article's highlights; the status line says so until it is done.
pub(super) fn export(model: &mut Model) -> Vec<Effect> {
    let Some(reader) = model.reader.as_ref() else {
        return Vec::new();
    };
    model.working.exporting = Some(reader.highlights.len());
    vec![Effect::Export {
        article: Shared(reader.article.clone()),
        choice: None,
    }]
}

/// Opens the list of highlights: right after a reload moved some, on the first of those;
/// else on the first at or after the caret.
fn open_list(model: &mut Model) {
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let review = std::mem::take(&mut reader.review_first);
    let selected = reader
        .highlights
        .iter()
        .position(|h| match review {
            true => h.status != AnchorStatus::Verified,
            false => h.range.as_ref().is_some_and(|r| r.end > reader.cursor),
        })
        .unwrap_or(0);
    // The list opens scrolled to its top; the chosen row comes into view when it moves.
    model.list = Some(HighlightList {
        cursor: ListCursor {
            selected,
            scroll: 0,
        },
        ..Default::default()
    });
}

/// The colour a verb `1`–`5` names.
pub(super) fn color_of(action: Action) -> Color {
    match action {
        Action::Color2 => Color::Green,
        Action::Color3 => Color::Blue,
        Action::Color4 => Color::Pink,
        Action::Color5 => Color::Purple,
        _ => Color::Yellow,
    }
}

/// Deletes highlight `id` (none: says there is no highlight here); `u` brings it back.
pub(super) fn delete(model: &mut Model, id: Option<HighlightId>) -> Vec<Effect> {
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let Some(id) = id else {
        model.message = Some(NO_HIGHLIGHT.into());
        return Vec::new();
    };
    reader.deleted = Some(id.clone());
    model.message = Some("highlight deleted: u brings it back".into());
    change(model, HighlightChange::Delete(id))
}

/// Brings back the highlight deleted last.
pub(super) fn undo(model: &mut Model) -> Vec<Effect> {
    match model.reader.as_mut().and_then(|r| r.deleted.take()) {
        Some(id) => change(model, HighlightChange::Undelete(id)),
        None => {
            model.message = Some("nothing to undo".into());
            Vec::new()
        }
    }
}

/// Moves the caret to the next (or previous) highlight's start.
pub(super) fn jump_to_highlight(model: &mut Model, forward: bool) {
    let height = text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let cursor = reader.cursor;
    let starts = reader
        .highlights
        .iter()
        .filter_map(|h| h.range.as_ref().map(|r| r.start));
    let target = if forward {
        starts.filter(|&s| s > cursor).min()
    } else {
        starts.filter(|&s| s < cursor).max()
    };
    match target {
        Some(start) => {
            reader.cursor = start;
            reader.reveal(start, height);
        }
        None if reader.highlights.iter().all(|h| h.range.is_none()) => {
            model.message = Some("no highlights in this article yet".into());
        }
        None => {
            let which = if forward { "after" } else { "before" };
            model.message = Some(format!("no highlight {which} this one"));
        }
    }
}
