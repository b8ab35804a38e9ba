//! The help overlay: the rows `tui::help` lays out from the keymap, in a bordered box centred
//! on the screen and scrolled no further than its last row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::tui::help::{WIDTH, help_lines, inner_width, max_scroll, rows};
use crate::tui::keymap::Keymap;

const TITLE: &str = " Keys · Esc closes · j/k scroll ";

/// Draws the overlay centred over `area` (the whole screen), scrolled down `scroll` rows.
pub fn render(keymap: &Keymap, scroll: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner = inner_width(area.width);
    let lines: Vec<Line<'static>> = rows(&help_lines(keymap), inner)
        .into_iter()
        .map(|row| {
            if row.heading {
                Line::styled(row.text, theme.heading)
            } else {
                Line::from(vec![
                    Span::styled(row.keys, theme.title),
                    Span::raw(row.text),
                ])
            }
        })
        .collect();
    let popup = super::centered(
        area,
        WIDTH,
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    Clear.render(popup, buf);
    let scroll = scroll.min(max_scroll(keymap, (area.width, area.height)));
    let title = if TITLE.chars().count() <= inner {
        TITLE
    } else {
        " Keys "
    };
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(super::overlay_box(title, theme))
        .render(popup, buf);
}
