//! The library list: one row per article with its file's name (to tell articles with the same
//! title apart), format, length in characters, progress and highlights, filtered by what was
//! typed, the selected row marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::text::fit;
use super::theme::Theme;
use crate::tui::geometry::LIBRARY_HEADER_ROWS;
use crate::tui::model::{Library, LibraryEntry};

/// Width of the file-name column.
const FILE: usize = 18;

/// Columns of everything but the title: file, format, length, progress, highlights.
const FIXED: usize = FILE + 1 + 9 + 7 + 6 + 6;

/// Draws the list in `area`.
pub fn render(library: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if library.entries.is_empty() {
        Paragraph::new(library.empty_hint.as_str())
            .wrap(Wrap { trim: true })
            .render(inset(area), buf);
        return;
    }
    let width = usize::from(area.width);
    let title_width = width.saturating_sub(FIXED + 2).max(8);
    let columns = Columns {
        file: "file",
        format: "format",
        length: "chars",
        read: "read",
        notes: "notes",
    };
    let header = row("title", &columns, title_width);
    Line::styled(header, theme.dim).render(Rect::new(area.x, area.y, area.width, 1), buf);
    if library.shown.is_empty() {
        let y = area.y + LIBRARY_HEADER_ROWS;
        Line::styled(" nothing matches the filter", theme.dim)
            .render(Rect::new(area.x, y, area.width, 1), buf);
        return;
    }
    let rows = area.height.saturating_sub(LIBRARY_HEADER_ROWS);
    for (i, &entry) in library
        .shown
        .iter()
        .enumerate()
        .skip(library.cursor.scroll)
        .take(usize::from(rows))
    {
        let y = area.y + LIBRARY_HEADER_ROWS + (i - library.cursor.scroll) as u16;
        let line = entry_row(&library.entries[entry], title_width);
        let rect = Rect::new(area.x, y, area.width, 1);
        let style = if i == library.cursor.selected {
            theme.selected_row
        } else {
            theme.paragraph
        };
        buf.set_style(rect, style);
        Line::styled(line, style).render(rect, buf);
    }
}

fn inset(area: Rect) -> Rect {
    Rect::new(
        area.x + 2.min(area.width),
        area.y + 1.min(area.height),
        area.width.saturating_sub(4),
        area.height.saturating_sub(1),
    )
}

fn entry_row(entry: &LibraryEntry, title_width: usize) -> String {
    let progress = entry
        .progress
        .map_or_else(|| "—".to_string(), |p| format!("{p}%"));
    let file = entry
        .path
        .file_name()
        .map(|n| crate::article::sanitize::strip_controls(&n.to_string_lossy()))
        .unwrap_or_default();
    // Counted by the store worker once it has read the store: "…" until then.
    let notes = entry
        .highlights
        .map_or_else(|| "…".to_string(), |n| n.to_string());
    let columns = Columns {
        file: &file,
        format: &entry.format,
        length: &human_length(entry.chars),
        read: &progress,
        notes: &notes,
    };
    row(&entry.title, &columns, title_width)
}

/// The cells of a row after the title.
struct Columns<'a> {
    file: &'a str,
    format: &'a str,
    length: &'a str,
    read: &'a str,
    notes: &'a str,
}

fn row(title: &str, c: &Columns, width: usize) -> String {
    format!(
        " {} {} {:<8} {:>6} {:>5} {:>5}",
        fit(title, width),
        fit(c.file, FILE),
        c.format,
        c.length,
        c.read,
        c.notes
    )
}

/// A length in characters, short: 950, 9.4k, 12k, 3.1M.
fn human_length(chars: usize) -> String {
    match chars {
        0..1_000 => chars.to_string(),
        1_000..10_000 => format!("{:.1}k", chars as f64 / 1e3),
        10_000..1_000_000 => format!("{}k", chars / 1_000),
        _ => format!("{:.1}M", chars as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_short() {
        assert_eq!(human_length(9414), "9.4k");
        assert_eq!(human_length(120_000), "120k");
    }
}
