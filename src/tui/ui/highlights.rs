//! The highlights list: every highlight of the article in order (orphans last), each with
//! its status, section and quote on one row and its note on the next; the chosen one marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::text::ellipsize;
use super::theme::Theme;
use crate::highlights::{AnchorStatus, Resolved};
use crate::tui::model::{HighlightList, Model, Reader, Scope};

/// Draws the list over `area`.
pub fn render(model: &Model, reader: &Reader, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(panel) = &model.list else {
        return;
    };
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title(panel, reader.highlights.len()))
        .title_bottom(footer(panel));
    let inner = block.inner(area);
    block.render(area, buf);
    if panel.scope != Scope::Article {
        return super::library_notes::render(panel, model.list_rows(), theme, inner, buf);
    }
    if reader.highlights.is_empty() {
        Line::styled(
            " No highlights yet: v selects a sentence, h highlights it.",
            theme.dim,
        )
        .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        return;
    }
    let width = usize::from(inner.width);
    let rows = model.list_rows();
    let visible = panel.visible(&reader.highlights);
    for (i, highlight) in (visible.iter().map(|&i| &reader.highlights[i]))
        .enumerate()
        .skip(panel.cursor.scroll)
        .take(rows)
    {
        let y = inner.y + 2 * (i - panel.cursor.scroll) as u16;
        let chosen = i == panel.cursor.selected;
        let style = if chosen {
            theme.selected_row
        } else {
            theme.paragraph
        };
        row(
            highlight,
            style,
            theme,
            Rect::new(inner.x, y, inner.width, 1),
            buf,
        );
        if y + 1 < inner.y + inner.height {
            let note = highlight.note.lines().collect::<Vec<_>>().join(" ⏎ ");
            let text = if note.trim().is_empty() {
                "   (no note)".to_string()
            } else {
                format!("   ✎ {note}")
            };
            Line::styled(ellipsize(&text, width).into_owned(), theme.quote)
                .render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
        }
    }
}

/// The list's title: what it is for and its keys.
fn title(panel: &HighlightList, count: usize) -> String {
    let filter = match (panel.typing, panel.filter.is_empty()) {
        (true, _) => format!(" /{}▏ ·", panel.filter),
        (false, false) => format!(" /{} ·", panel.filter),
        (false, true) => String::new(),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    filter
        + &match (&panel.scope, panel.linking.is_some()) {
            (Scope::Library(notes), _) => format!(
                " {} of {} highlight{} in the library · Enter open · Esc close ",
                panel.visible_notes().len(),
                notes.len(),
                plural(notes.len())
            ),
            (Scope::Loading, _) => " the whole library · Esc close ".into(),
            (Scope::Article, true) => {
                " link to… · Enter links the highlight here to this one · Esc cancel ".into()
            }
            (Scope::Article, false) => format!(
                " {count} highlight{} · Enter go to · E export · d delete · Esc close ",
                plural(count)
            ),
        }
}

/// The list's bottom line: the keys that change a highlight's role and tags, and those that
/// change what it lists (only the filter while linking, which picks in this article). They
/// stand here so that the title keeps `Esc close` on a 100-column screen.
fn footer(panel: &HighlightList) -> &'static str {
    match (&panel.scope, panel.linking.is_some()) {
        (Scope::Article, true) => " / filter ",
        (Scope::Article, false) => " r role · t tag · / filter · w whole library ",
        (Scope::Loading | Scope::Library(_), _) => " / filter · w this article ",
    }
}

/// A highlight's first row: its colour, status, section and quote.
fn row(highlight: &Resolved, style: Style, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, style);
    let head = heading(highlight);
    let (swatch, swatch_style) = swatch(highlight, theme);
    let room =
        usize::from(area.width).saturating_sub(head.chars().count() + swatch.chars().count() + 2);
    let quote = highlight
        .quote
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Line::from(vec![
        Span::styled(" ", style),
        Span::styled(swatch, swatch_style),
        Span::styled(format!("{head} "), style.patch(theme.dim)),
        Span::styled(ellipsize(&quote, room).into_owned(), style),
    ])
    .render(area, buf);
}

/// A highlight's tags as the list and the status line show them: "#idea #later · ", or
/// nothing.
pub(super) fn tags_said(highlight: &Resolved) -> String {
    match highlight.tags.is_empty() {
        true => String::new(),
        false => {
            let tags: Vec<String> = highlight.tags.iter().map(|t| format!("#{t}")).collect();
            format!("{} · ", tags.join(" "))
        }
    }
}

/// The mark before each quote: the colour's number (the key that gives it) painted as the
/// highlight is, so the list shows each highlight's colour, with or without colours.
fn swatch(highlight: &Resolved, theme: &Theme) -> (String, Style) {
    let index = super::paint::color_index(highlight.color);
    (format!(" {} ", index + 1), theme.highlights[index])
}

/// Status, role, tags and section, short: "[orphan] claim · #idea · § Section".
fn heading(highlight: &Resolved) -> String {
    let mut status = match highlight.status {
        AnchorStatus::Verified => String::new(),
        other => format!("[{}] ", other.name()),
    };
    if let Some(role) = highlight.role {
        status.push_str(&format!("{role} · "));
    }
    status.push_str(&tags_said(highlight));
    if !highlight.dangling.is_empty() {
        status.push_str("⚠ dangling link · ");
    }
    let section = highlight
        .section
        .last()
        .map(|s| format!("§ {} ·", ellipsize(s, 24)))
        .unwrap_or_default();
    format!(" {status}{section}")
}
