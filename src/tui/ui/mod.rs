//! Drawing: a pure function of the model. Each pane has its own file; this one places them.

mod editor;
mod help;
mod library;
mod notes;
mod outline;
pub mod paint;
mod reader;
mod status;
mod text;
pub mod theme;
mod unsaved;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::model::Model;
use outline::OutlinePane;
use reader::ReaderPane;

/// Draws the whole screen for `model`.
pub fn draw(frame: &mut Frame, model: &Model) {
    let theme = model.theme;
    let panes = model.panes();
    let area = frame.area();
    let buf = frame.buffer_mut();
    if panes.too_small {
        let note = if area.width >= 18 {
            "terminal too small"
        } else {
            "too small"
        };
        Line::styled(note, theme.title).render(area, buf);
        return;
    }
    if let Some(reader) = &model.reader {
        status::title_line(&reader.article.title, &theme, panes.title, buf);
        if let Some(rect) = panes.outline {
            OutlinePane {
                reader,
                theme: &theme,
            }
            .render(rect, buf);
        }
        ReaderPane {
            reader,
            theme: &theme,
        }
        .render(panes.text, buf);
        reader::scrollbar(reader, &theme, panes, buf);
        // The gutter needs a free column left of the text (narrow screens have none).
        if panes.text.x > panes.body.x {
            reader::gutter(reader, &theme, panes.text.x - 1, panes.text, buf);
        }
        if model.notes.is_some() {
            notes::render(model, reader, &theme, panes.body, buf);
        }
        if let Some(editor) = &model.editor {
            editor::render(editor, &theme, panes.body, buf);
        }
    } else if let Some(lib) = &model.library {
        status::title_line("folio · library", &theme, panes.title, buf);
        library::render(lib, &theme, panes.body, buf);
    }
    status::status_line(model, &theme, panes.status, buf);
    status::message_box(model, &theme, panes.body, panes.status, buf);
    if let (Some(prompt), Some(pending)) = (&model.quit_prompt, &model.unsaved) {
        unsaved::render(prompt, pending, &theme, area, buf);
    }
    if let Some(scroll) = model.help {
        help::render(&model.keymap, scroll, &theme, area, buf);
    }
}

/// A `width`×`height` rectangle in the middle of `area` (both no larger than it).
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
