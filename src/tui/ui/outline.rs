//! The outline pane: headings nested by level, folded entries marked, the section being read
//! marked and kept in view, the cursor shown while the outline has focus.

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::text::ellipsize;
use super::theme::Theme;
use crate::tui::model::{Focus, Reader};

/// Draws the outline of an open article.
pub struct OutlinePane<'a> {
    pub reader: &'a Reader,
    pub theme: &'a Theme,
    /// Rows of the text pane, which decide whether the article's end is on screen.
    pub text_rows: usize,
}

impl Widget for &OutlinePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(self.theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        let reader = self.reader;
        let outline = &reader.article.outline;
        let visible = reader.outline.visible();
        let current = reader
            .current_section(self.text_rows)
            .map(|c| reader.outline.stand_in(c));
        let top_level = reader.outline.top_level();
        let counts = highlights_per_section(reader);
        let rows = visible
            .iter()
            .skip(reader.outline.scroll)
            .take(usize::from(inner.height));
        for (row, &entry) in rows.enumerate() {
            let section = &outline[entry];
            let depth = usize::from(section.level.saturating_sub(top_level));
            let marker = if reader.outline.folded().contains(&entry) {
                "▸ "
            } else if reader.has_children(entry) {
                "▾ "
            } else {
                "  "
            };
            let mut style = self.theme.outline_entry;
            if Some(entry) == current {
                style = style.patch(self.theme.outline_current);
            }
            if reader.focus == Focus::Outline && entry == reader.outline.cursor {
                style = style.patch(self.theme.outline_cursor);
            }
            let indent = format!("{}{marker}", "  ".repeat(depth));
            // The number of highlights in the section, right-aligned.
            let count = counts
                .get(&entry)
                .map_or_else(String::new, |n| format!(" {n}"));
            let room = usize::from(inner.width)
                .saturating_sub(indent.chars().count() + count.chars().count());
            let text = format!("{indent}{}", ellipsize(&section.title, room));
            let row = Rect::new(inner.x, inner.y + row as u16, inner.width, 1);
            buf.set_style(row, style);
            Line::from(Span::styled(text, style)).render(row, buf);
            if !count.is_empty() {
                let width = count.chars().count() as u16;
                let x = row.x + row.width.saturating_sub(width);
                Line::from(Span::styled(count, style.patch(self.theme.dim)))
                    .render(Rect::new(x, row.y, width.min(row.width), 1), buf);
            }
        }
    }
}

/// How many highlights each section holds, for the sections with any: a long article has
/// thousands of sections and few highlights.
fn highlights_per_section(reader: &Reader) -> BTreeMap<usize, usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for highlight in &reader.highlights {
        if let Some(i) = highlight
            .range
            .as_ref()
            .and_then(|r| reader.article.section_at(r.start))
        {
            *counts.entry(i).or_default() += 1;
        }
    }
    counts
}
