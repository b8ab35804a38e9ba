//! The notes list over the whole library: each highlight with its article's title, role and
//! quote on one row and its note on the next; the chosen one marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::ellipsize;
use super::theme::Theme;
use crate::tui::model::{HighlightList, Scope};
use crate::tui::protocol::LibraryNote;

/// Draws the library's notes inside `inner`, `rows` entries at most.
pub fn render(panel: &HighlightList, rows: usize, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let line = |text: &str, y: u16, buf: &mut Buffer| {
        Line::styled(text.to_string(), theme.dim).render(Rect::new(inner.x, y, inner.width, 1), buf)
    };
    let notes = match &panel.scope {
        Scope::Library(notes) => notes,
        Scope::Loading => return line(" reading the whole library's notes…", inner.y, buf),
        Scope::Article => return,
    };
    let visible = panel.visible_notes();
    if visible.is_empty() {
        return line(" No note in the library has these words.", inner.y, buf);
    }
    let width = usize::from(inner.width);
    for (i, note) in (visible.iter().map(|&i| &notes[i]))
        .enumerate()
        .skip(panel.cursor.scroll)
        .take(rows)
    {
        let y = inner.y + 2 * (i - panel.cursor.scroll) as u16;
        let style = match i == panel.cursor.selected {
            true => theme.selected_row,
            false => theme.paragraph,
        };
        let area = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(area, style);
        let head = heading(note);
        let room = width.saturating_sub(head.chars().count() + 1);
        Line::from(vec![
            Span::styled(head, style.patch(theme.dim)),
            Span::styled(ellipsize(&flat(&note.quote), room).into_owned(), style),
        ])
        .render(area, buf);
        if y + 1 < inner.y + inner.height {
            let text = match note.note.trim().is_empty() {
                true => "   (no note)".to_string(),
                false => format!("   ✎ {}", note.note.lines().collect::<Vec<_>>().join(" ⏎ ")),
            };
            Line::styled(ellipsize(&text, width).into_owned(), theme.quote)
                .render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
        }
    }
}

/// The article's title, short, and the role: " The TikTok Exodus · claim · ".
fn heading(note: &LibraryNote) -> String {
    let role = note.role.map(|r| format!("{r} · ")).unwrap_or_default();
    format!(" {} · {role}", ellipsize(&flat(&note.title), 28))
}

/// Text on one line, its runs of white space one space each.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
