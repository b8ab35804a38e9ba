//! The note editor: a bordered box over the lower part of the reader pane, its keys in the
//! title, and the question before discarding typed text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::tui::model::NoteEditor;

/// Draws `editor` in the lower part of `area`.
pub fn render(editor: &NoteEditor, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let height = (area.height / 2).clamp(3.min(area.height), 12);
    let box_area = Rect::new(area.x, area.y + area.height - height, area.width, height);
    Clear.render(box_area, buf);
    let title = if editor.confirm_discard {
        " Discard the typed note? y: discard · any other key: keep editing "
    } else if area.width >= 70 {
        " Note · Enter new line · Ctrl-s save · Esc cancel · Ctrl-e $EDITOR "
    } else {
        " Note · Ctrl-s save · Esc cancel "
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title)
        .title_style(if editor.confirm_discard {
            theme.search_current
        } else {
            theme.title
        });
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    editor.area.render(inner, buf);
}
