//! The links overlay (`U`): each link of the section being read, its text and below it its
//! target, in a bordered box centred on the screen. Targets are drawn as text, never as a
//! terminal sequence; one that is not a web address is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::tui::model::links::LinkList;

/// Widest the box gets.
const WIDTH: u16 = 90;

/// Draws the list centred over `area` (the whole screen).
pub fn render(list: &LinkList, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line<'_>> = list.rows[list.scroll.min(list.rows.len())..]
        .iter()
        .flat_map(|row| {
            let mut target = vec![
                Span::raw("  "),
                Span::styled(row.target.as_str(), theme.link),
            ];
            if !row.web {
                target.push(Span::styled("  (not a web address)", theme.dim));
            }
            [
                Line::styled(row.text.as_str(), theme.title),
                Line::from(target),
            ]
        })
        .collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = super::centered(area, WIDTH, height);
    Clear.render(popup, buf);
    let title = if list.section.is_empty() {
        " Links · Esc closes ".to_string()
    } else {
        format!(" Links in {} · Esc closes ", list.section)
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(super::overlay_box(title, theme))
        .render(popup, buf);
}
