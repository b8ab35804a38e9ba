//! The title line above and the status line below: where you are, how far you have read,
//! the search prompt or count, a passing message, and the main keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::text::ellipsize;
use super::theme::Theme;
use crate::layout::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::Key;
use crate::tui::model::{Model, Reader, Search};
use crate::tui::protocol::{DiskState, OnDisk};

/// Draws `title` in bold across `area`.
pub fn title_line(title: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = ellipsize(title, usize::from(area.width.saturating_sub(2)));
    Line::from(vec![Span::raw(" "), Span::styled(title, theme.title)]).render(area, buf);
}

/// Draws the status line for the model's current view.
pub fn status_line(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let (left, right) = texts(model);
    // The right part goes first; cut, it still leaves a column for the left.
    let right = ellipsize(&right, usize::from(area.width.saturating_sub(1)));
    let right_width = display_width(&right) as u16;
    let room = area.width.saturating_sub(right_width + 1);
    let left = ellipsize(&left, usize::from(room.saturating_sub(1)));
    Line::styled(format!(" {left}"), theme.status).render(Rect::new(area.x, area.y, room, 1), buf);
    if right_width < area.width {
        let x = area.x + area.width - right_width;
        Line::styled(right.as_ref(), theme.status_key)
            .render(Rect::new(x, area.y, right_width, 1), buf);
    }
}

/// A message too long for the status line (a restored store, a failed save) is shown whole,
/// wrapped, in a box just above it until the next key.
pub fn message_box(model: &Model, theme: &Theme, body: Rect, status: Rect, buf: &mut Buffer) {
    let Some(message) = &model.message else {
        return;
    };
    let (_, right) = texts(model);
    let room = usize::from(status.width).saturating_sub(display_width(&right) + 2);
    if display_width(message) <= room || body.height < 3 {
        return;
    }
    let width = usize::from(body.width.saturating_sub(2)).max(1);
    let lines = textwrap::wrap(message, width);
    let height = (lines.len() as u16 + 1).min(body.height);
    let area = Rect::new(body.x, body.y + body.height - height, body.width, height);
    Clear.render(area, buf);
    Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .render(area, buf);
    for (i, line) in lines.iter().take(usize::from(height - 1)).enumerate() {
        let row = Rect::new(area.x + 1, area.y + 1 + i as u16, area.width - 1, 1);
        Line::raw(line.to_string()).render(row, buf);
    }
}

/// The left (what and where) and right (counts and keys) parts of the status line.
fn texts(model: &Model) -> (String, String) {
    let (left, mut right) = view_texts(model);
    // Unsaved changes stay in sight until they are saved.
    if let Some(unsaved) = &model.unsaved {
        right = format!("NOT SAVED: {} · Ctrl-s retry · {right}", unsaved.changes);
    }
    // So does what the driver is doing meanwhile (the keys still work).
    if let Some(working) = model.working.describe() {
        right = format!("{working} · {right}");
    }
    (left, right)
}

/// What the status line keeps saying while the file differs from the copy shown; `reload` is
/// the key bound to reloading, if any.
pub fn disk_notice(disk: &OnDisk, reload: Option<Key>) -> Option<String> {
    match disk.state {
        DiskState::Same => None,
        DiskState::Changed => Some(match reload {
            Some(key) => format!("file changed on disk — press {key} to reload"),
            None => "file changed on disk — open it again to see the new text".to_string(),
        }),
        DiskState::Removed => Some(format!(
            "file was removed — showing the copy loaded at {}",
            disk.loaded_at
        )),
    }
}

fn view_texts(model: &Model) -> (String, String) {
    // While the file on disk differs from the text shown, saying so matters more than the
    // list of keys.
    let notice = model.reader.as_ref().and_then(|r| {
        let disk = r.on_disk.as_ref()?;
        disk_notice(disk, model.keymap.key_for(model.mode(), Action::Reload))
    });
    let hints = Hints {
        width: usize::from(model.size.0),
        quiet: model.unsaved.is_some(),
        busy: notice.is_some(),
    };
    match &model.reader {
        Some(reader) => reader_texts(model, reader, &hints, notice),
        None => library_texts(model, &hints),
    }
}

/// How much room the key hints get.
struct Hints {
    width: usize,
    /// Unsaved changes take the room of the key hints.
    quiet: bool,
    /// A notice about the file on disk takes some of it.
    busy: bool,
}

impl Hints {
    /// The `full` hints on a wide screen, the `short` ones on a narrower one, none on a
    /// narrow one.
    fn keys(&self, full: &str, short: &str) -> String {
        if self.quiet {
            String::new()
        } else if self.width >= 100 && !self.busy {
            full.to_string()
        } else if self.width >= 60 {
            short.to_string()
        } else {
            String::new()
        }
    }
}

fn library_texts(model: &Model, hints: &Hints) -> (String, String) {
    let typing = model.library.as_ref().is_some_and(|l| l.typing);
    let hint = if typing {
        hints.keys(
            "↑↓ choose · Enter open · Esc clear the filter ",
            "Enter open · Esc clear ",
        )
    } else {
        hints.keys(
            "/ filter · j k choose · Enter open · q quit · ? help ",
            "Enter open · q quit ",
        )
    };
    let left = match (&model.message, &model.library) {
        (Some(m), _) => m.clone(),
        (None, Some(l)) if l.typing => format!("filter: {}▏", l.filter),
        (None, Some(l)) if !l.filter.is_empty() => format!("filter: {}", l.filter),
        (None, Some(l)) if l.entries.len() == 1 => "1 article".to_string(),
        (None, Some(l)) => format!("{} articles", l.entries.len()),
        (None, None) => String::new(),
    };
    (left, hint)
}

fn reader_texts(
    model: &Model,
    reader: &Reader,
    hints: &Hints,
    notice: Option<String>,
) -> (String, String) {
    let height = usize::from(model.panes().text.height);
    let mut right = search_count(&reader.search);
    // Of an article's beginning, how far through the whole is not known yet.
    if reader.partial {
        right.push_str("…% ");
    } else {
        right.push_str(&format!("{}% ", reader.percent(height)));
    }
    // While selecting, the left part lists the keys that act on the selection.
    let selected = reader.selected_range();
    if selected.is_none() {
        right.push_str(&hints.keys(
            "· ? help  / search  ] next section  o outline  q quit ",
            "· ? help  q quit ",
        ));
    }
    let search = &reader.search;
    let left = if let Some((typed, _)) = &search.input {
        format!("{}{typed}▏", prompt(search))
    } else if let Some(message) = &model.message {
        message.clone()
    } else if let Some(range) = selected {
        let room = hints.width.saturating_sub(display_width(&right) + 2);
        selection_keys(reader, range, room)
    } else if let Some(notice) = notice {
        notice
    } else if let Some(highlight) = reader.highlight_at(reader.cursor) {
        highlight_summary(highlight, &links_said(highlight, reader))
    } else {
        reader
            .current_section(height)
            .map_or_else(String::new, |i| {
                format!("§ {}", reader.article.outline[i].title)
            })
    };
    (left, right)
}

/// "3/17 · " for the current match, the query first once it is no longer being typed.
fn search_count(search: &Search) -> String {
    let mut said = String::new();
    if search.matches.is_empty() {
        return said;
    }
    let current = search.current.map_or(0, |c| c + 1);
    // While the query is being typed it shows on the left already.
    if search.input.is_none() {
        let query: String = search.query.chars().take(20).collect();
        said.push_str(&format!("{}{query} ", prompt(search)));
    }
    said.push_str(&format!("{current}/{} · ", search.matches.len()));
    said
}

/// The selection's size and the keys that act on it, as many as fit in `room` columns.
fn selection_keys(reader: &Reader, range: std::ops::Range<usize>, room: usize) -> String {
    // Counted as the motions count them: each Han character is a word.
    let words =
        unicode_segmentation::UnicodeSegmentation::unicode_words(reader.article.slice(range))
            .count();
    let count = format!("{words} word{} selected", if words == 1 { "" } else { "s" });
    whole_parts(
        &[
            &count,
            "h highlight",
            "a note",
            "Esc cancel",
            "1-5 colour",
            "o other end",
        ],
        room,
    )
}

/// `parts` joined with " · ", as many whole ones as fit in `room` columns (at least the
/// first): a hint cut inside a word ("o o…") tells nothing.
fn whole_parts(parts: &[&str], room: usize) -> String {
    let mut out = String::new();
    for part in parts {
        let next = if out.is_empty() {
            part.to_string()
        } else {
            format!("{out} · {part}")
        };
        if !out.is_empty() && display_width(&next) > room {
            break;
        }
        out = next;
    }
    out
}

/// What the status line says with the caret on a highlight: its note (lines joined), or how
/// to add one; a doubtful place is said first.
fn highlight_summary(highlight: &crate::highlights::Resolved, links: &str) -> String {
    let flag = if super::paint::is_flagged(highlight.status) {
        format!(
            "? {}: the text changed here, check this highlight · ",
            highlight.status.name()
        )
    } else {
        String::new()
    };
    let role = highlight
        .role
        .map_or_else(String::new, |r| format!("{r} · "))
        + &super::highlights::tags_said(highlight)
        + links;
    let note = highlight.note.lines().collect::<Vec<_>>().join(" ⏎ ");
    if note.trim().is_empty() {
        format!(
            "{flag}{role}{} highlight · a: add a note · r: role · t: tag · 1-5: colour · d: delete",
            highlight.color
        )
    } else {
        format!("{flag}{role}✎ {note}")
    }
}

/// What a highlight's links say in its summary: "supports “…” · " for each, a deleted target
/// said as such.
fn links_said(highlight: &crate::highlights::Resolved, reader: &Reader) -> String {
    let mut said = String::new();
    for link in &highlight.links {
        let target = reader.highlights.iter().find(|h| h.id.0 == link.target);
        let what = match target {
            _ if highlight.dangling.contains(&link.target) => "⚠ deleted".into(),
            Some(t) => format!(
                "“{}”",
                super::text::ellipsize(
                    &t.quote.split_whitespace().collect::<Vec<_>>().join(" "),
                    30
                )
            ),
            None => "(other article)".into(),
        };
        said.push_str(&format!("{} {what} · ", link.kind));
    }
    said
}

/// What the search prompt starts with: `/` forward, `?` backward (as in vim and less).
fn prompt(search: &Search) -> char {
    if search.backward { '?' } else { '/' }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::protocol::Stamp;

    #[test]
    fn the_notice_names_the_reload_key_or_the_time_of_loading() {
        let mut disk = OnDisk::new(
            Stamp {
                len: 1,
                modified: None,
                node: None,
            },
            blake3::hash(b""),
            "09:41".into(),
        );
        assert_eq!(disk_notice(&disk, "R".parse().ok()), None);
        disk.state = DiskState::Changed;
        assert_eq!(
            disk_notice(&disk, "R".parse().ok()).unwrap(),
            "file changed on disk — press R to reload"
        );
        assert!(disk_notice(&disk, None).unwrap().contains("open it again"));
        disk.state = DiskState::Removed;
        assert_eq!(
            disk_notice(&disk, None).unwrap(),
            "file was removed — showing the copy loaded at 09:41"
        );
    }
}
