//! Drawing: a pure function of the model. Each pane has its own file; this one places them.

mod help;
mod library;
mod outline;
pub mod paint;
mod reader;
mod status;
mod text;
pub mod theme;

use ratatui::Frame;
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
    } else if let Some(lib) = &model.library {
        status::title_line("folio · library", &theme, panes.title, buf);
        library::render(lib, &theme, panes.body, buf);
    }
    status::status_line(model, &theme, panes.status, buf);
    if let Some(scroll) = model.help {
        help::render(&model.keymap, scroll, &theme, area, buf);
    }
}
