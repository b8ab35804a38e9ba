//! The mouse: the wheel scrolls the pane under the pointer, a click in the outline jumps, a
//! click in the library selects.

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use crate::tui::action::Action;
use crate::tui::geometry::LIBRARY_HEADER_ROWS;
use crate::tui::model::{Focus, Model};

use super::follow_outline;
use super::reader::outline_edit;
use crate::tui::marks;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_STEP: isize = 3;

/// A left click: what it means in the outline or the library, and in the text the caret (one
/// click), a word (two) or a paragraph (three).
pub(super) fn on_click(model: &mut Model, column: u16, row: u16, count: u8) {
    if count <= 1 {
        let down = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        on_mouse(model, down);
    }
    let overlay = model.help.is_some() || model.editor.is_some() || model.notes.is_some();
    let in_text = model
        .panes()
        .text
        .contains(ratatui::layout::Position::new(column, row));
    if !overlay && in_text {
        let pane_row = usize::from(row - model.panes().text.y);
        if count <= 1 && super::furniture::click(model, pane_row) {
            return;
        }
        marks::click(model, column, row, count.max(1));
    }
}

pub(super) fn on_mouse(model: &mut Model, mouse: MouseEvent) {
    let panes = model.panes();
    let (column, row) = (mouse.column, mouse.row);
    let wheel = match mouse.kind {
        MouseEventKind::ScrollDown => WHEEL_STEP,
        MouseEventKind::ScrollUp => -WHEEL_STEP,
        MouseEventKind::Down(MouseButton::Left) => 0,
        _ => return,
    };
    if model.help.is_some() {
        if let Some(scroll) = model.help.as_mut() {
            *scroll = scroll.saturating_add_signed(wheel);
        }
        return;
    }
    if let Some(reader) = model.reader.as_mut() {
        if let Some(outline) = panes.outline.filter(|_| panes.in_outline(column, row)) {
            let visible = reader.outline.visible();
            if wheel != 0 {
                let most = visible.len().saturating_sub(usize::from(outline.height));
                reader.outline.scroll =
                    reader.outline.scroll.saturating_add_signed(wheel).min(most);
            } else if let Some(&entry) =
                visible.get(reader.outline.scroll + usize::from(row - outline.y))
            {
                reader.outline.cursor = entry;
                outline_edit(reader, Action::Open);
                follow_outline(model);
            }
        } else if panes.in_body(column, row) {
            if wheel != 0 {
                reader.scroll(wheel, usize::from(panes.text.height));
                follow_outline(model);
            } else {
                reader.focus = Focus::Reader;
            }
        }
    } else if let Some(library) = model.library.as_mut()
        && panes.in_body(column, row)
    {
        let rows = usize::from(panes.body.height.saturating_sub(LIBRARY_HEADER_ROWS));
        if wheel != 0 {
            let most = library.shown.len().saturating_sub(rows);
            library.scroll = library.scroll.saturating_add_signed(wheel).min(most);
        } else if let Some(offset) = row.checked_sub(panes.body.y + LIBRARY_HEADER_ROWS) {
            let clicked = library.scroll + usize::from(offset);
            if clicked < library.shown.len() {
                library.selected = clicked;
            }
        }
    }
}
