//! The outline pane's verbs while it has the keys: moving its cursor, folding, unfolding,
//! jumping to a section, giving the keys back to the text.

use crate::tui::action::Action;
use crate::tui::model::list::{keep_visible, target};
use crate::tui::model::{Focus, Model, Reader};
use crate::tui::protocol::Effect;

use super::reader;
use super::view::follow_outline;

/// Carries out `action` with the outline focused; the verbs about the whole view (quitting,
/// help, searching, section jumps, the panes) are the reader's.
pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let rows = model
        .panes()
        .outline
        .map_or(1, |r| usize::from(r.height).max(1));
    let Some(outline_reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Reload
        | Action::Quit
        | Action::Help
        | Action::Back
        | Action::ToggleOutline
        | Action::SwitchFocus
        | Action::Search
        | Action::SearchBack
        | Action::NextMatch
        | Action::PrevMatch
        | Action::NextSection
        | Action::PrevSection => return reader::act(model, action),
        Action::Close => outline_reader.focus = Focus::Reader,
        Action::Fold | Action::Unfold | Action::Open => edit(outline_reader, action),
        // The rest move the cursor, or mean nothing here (selection and highlight verbs).
        _ => {
            step(outline_reader, action, rows);
            return Vec::new();
        }
    }
    follow_outline(model);
    Vec::new()
}

/// Moves the outline cursor among the visible entries.
fn step(reader: &mut Reader, action: Action, rows: usize) {
    let visible = reader.outline.visible();
    let at = reader.outline.row_of(reader.outline.cursor);
    let Some(to) = target(at, action, visible.len(), rows) else {
        return;
    };
    reader.outline.cursor = visible.get(to).copied().unwrap_or(0);
    reader.outline.scroll = keep_visible(reader.outline.scroll, to, rows);
}

/// Fold, unfold or jump from the outline cursor.
pub(super) fn edit(reader: &mut Reader, action: Action) {
    let cursor = reader.outline.cursor;
    match action {
        Action::Open => {
            if let Some(section) = reader.article.outline.get(cursor) {
                reader.top = section.offset;
                reader.focus = Focus::Reader;
            }
        }
        Action::Fold => {
            if reader.has_children(cursor) && !reader.outline.folded().contains(&cursor) {
                reader.outline.fold(cursor, &reader.article.outline);
            } else if let Some(parent) = reader.parent(cursor) {
                reader.outline.cursor = parent;
            }
        }
        _ => {
            reader.outline.unfold(cursor, &reader.article.outline);
        }
    }
}
