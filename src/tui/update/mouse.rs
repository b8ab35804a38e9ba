//! The mouse: the wheel scrolls the pane under the pointer, a click in the outline jumps, a
//! click in the library selects.

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::selection::{Unit, snap_point, unit_at};
use crate::tui::action::Action;
use crate::tui::geometry::LIBRARY_HEADER_ROWS;
use crate::tui::model::{Focus, Model, Reader, Selection};

use super::outline::edit as outline_edit;
use super::view::follow_outline;

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
    let overlay = model.help.is_some() || model.editor.is_some() || model.list.is_some();
    let in_text = model
        .panes()
        .text
        .contains(ratatui::layout::Position::new(column, row));
    if !overlay && in_text {
        let pane_row = usize::from(row - model.panes().text.y);
        if count <= 1 && super::furniture::click(model, pane_row) {
            return;
        }
        click(model, column, row, count.max(1));
    }
}

/// The wheel, a press, a drag or a release of the mouse.
pub(super) fn on_mouse(model: &mut Model, mouse: MouseEvent) {
    if matches!(
        mouse.kind,
        MouseEventKind::Drag(MouseButton::Left) | MouseEventKind::Up(MouseButton::Left)
    ) {
        drag(model, mouse);
        return;
    }
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
            let scroll = &mut library.cursor.scroll;
            *scroll = scroll.saturating_add_signed(wheel).min(most);
        } else if let Some(offset) = row.checked_sub(panes.body.y + LIBRARY_HEADER_ROWS) {
            let clicked = library.cursor.scroll + usize::from(offset);
            if clicked < library.shown.len() {
                library.cursor.selected = clicked;
            }
        }
    }
}

/// The character offset under the screen cell `(column, row)` of the text column `area`.
fn offset_at(reader: &Reader, area: Rect, column: u16, row: u16) -> Option<usize> {
    if row < area.y || row >= area.y + area.height {
        return None;
    }
    let line = reader.top_line() + usize::from(row - area.y);
    let l = reader.layout.line(line)?;
    let lead = usize::from(l.indent) + if l.quote { 2 } else { 0 };
    let column = usize::from(column.saturating_sub(area.x)).saturating_sub(lead);
    Some(reader.offset_at_column(line, column))
}

/// A left click `count` times in a row (2: a word, 3: a paragraph) in the text.
fn click(model: &mut Model, column: u16, row: u16, count: u8) {
    let area = model.panes().text;
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let Some(offset) = offset_at(reader, area, column, row) else {
        return;
    };
    reader.focus = Focus::Reader;
    let unit = match count {
        1 => {
            reader.cursor = offset;
            reader.selection = None;
            reader.pressed = Some(offset);
            return;
        }
        2 => Unit::Word,
        _ => Unit::Paragraph,
    };
    let range = unit_at(&reader.article, unit, offset);
    if !range.is_empty() {
        reader.selection = Some(Selection {
            anchor: range.start,
            head: range.end,
        });
        reader.cursor = range.end;
    }
}

/// Dragging with the left button selects from where it was pressed, in whole words.
fn drag(model: &mut Model, mouse: MouseEvent) {
    let area = model.panes().text;
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    match mouse.kind {
        MouseEventKind::Drag(MouseButton::Left) => {
            let Some(from) = reader.pressed else {
                return;
            };
            let row = mouse
                .row
                .clamp(area.y, area.y + area.height.saturating_sub(1));
            let Some(to) = offset_at(reader, area, mouse.column, row) else {
                return;
            };
            let forward = to >= from;
            let anchor = snap_point(&reader.article, from, !forward);
            let head = snap_point(&reader.article, to, forward);
            reader.selection = (anchor != head).then_some(Selection { anchor, head });
            reader.cursor = head;
        }
        _ => reader.pressed = None,
    }
}
