//! Drawing: a pure function of the model. Each pane has its own file; this one places them.

mod editor;
mod help;
mod highlights;
pub mod hyperlinks;
mod library;
mod library_notes;
mod links;
mod outline;
pub mod paint;
mod reader;
mod status;
mod table;
mod text;
pub mod theme;
mod unsaved;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::model::Model;
use crate::article::sanitize;
use crate::layout::display_width;
use outline::OutlinePane;
use reader::ReaderPane;
use theme::Theme;

/// Draws the whole screen for `model` in the styles of `theme`.
pub fn draw(frame: &mut Frame, model: &Model, theme: &Theme) {
    let area = frame.area();
    let wanted = Rect::new(0, 0, model.size.0, model.size.1);
    if area == wanted {
        paint(model, theme, frame.buffer_mut());
        neutralise(frame.buffer_mut());
        return;
    }
    // The terminal changed size after the model last heard of it (its Resize event is on the
    // way, and the next frame will fit): the panes are laid out for the model's size, so paint
    // at that size aside and show what fits, rather than write outside the frame.
    let mut aside = Buffer::empty(wanted);
    paint(model, theme, &mut aside);
    neutralise(&mut aside);
    let buf = frame.buffer_mut();
    let width = area.width.min(wanted.width);
    for y in 0..area.height.min(wanted.height) {
        for x in 0..width {
            let mut cell = aside[(x, y)].clone();
            // Half a wide character at the edge would wrap onto the next row: a blank instead.
            if usize::from(x) + display_width(cell.symbol()) > usize::from(width) {
                cell.set_symbol(" ");
            }
            buf[(x, y)] = cell;
        }
    }
}

/// Takes out of every cell what a terminal could act on (bidirectional overrides, direction
/// marks, control characters; see [`sanitize::is_unsafe`]), whatever drew it: notes, titles,
/// file names and messages come from users and files. Widgets keep such zero-width
/// characters with the cell before them, so nothing moves when they go.
fn neutralise(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.symbol().chars().any(sanitize::is_unsafe) {
            let clean: String = cell
                .symbol()
                .chars()
                .filter(|&c| !sanitize::is_unsafe(c))
                .collect();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

/// Paints the whole screen for `model` into `buf`, which is the model's size.
fn paint(model: &Model, theme: &Theme, buf: &mut Buffer) {
    let theme = *theme;
    let panes = model.panes();
    let area = buf.area;
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
                text_rows: usize::from(panes.text.height),
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
        if model.list.is_some() {
            highlights::render(model, reader, &theme, panes.body, buf);
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
    if let Some(list) = &model.links {
        links::render(list, &theme, area, buf);
    }
    if let Some(scroll) = model.help {
        help::render(&model.keymap, scroll, &theme, area, buf);
    }
}

/// The bordered box of an overlay (help, links) with its title.
fn overlay_box<'a>(
    title: impl Into<ratatui::text::Line<'a>>,
    theme: &Theme,
) -> ratatui::widgets::Block<'a> {
    ratatui::widgets::Block::new()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(theme.border)
        .title(title)
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
