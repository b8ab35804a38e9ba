//! The question asked when quitting with highlight changes that could not be saved: how many,
//! why, and the choices (try again, write them to another file, quit without them).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::text::ellipsize;
use super::theme::Theme;
use crate::layout::display_width;
use crate::tui::model::QuitPrompt;
use crate::tui::protocol::Unsaved;

/// Draws the question for `unsaved` in the middle of `area`.
pub fn render(prompt: &QuitPrompt, unsaved: &Unsaved, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(78);
    let inner = usize::from(width.saturating_sub(4)).max(1);
    let lines = lines(
        prompt,
        unsaved,
        inner,
        usize::from(area.height.saturating_sub(2)),
    );
    let rect = super::centered(area, width, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    let count = unsaved.changes;
    let title = format!(
        " {count} change{} to highlights and notes NOT saved ",
        if count == 1 { "" } else { "s" }
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title)
        .title_style(theme.search_current);
    let body = block.inner(rect);
    block.render(rect, buf);
    for (i, line) in lines.iter().take(usize::from(body.height)).enumerate() {
        let row = Rect::new(
            body.x + 1,
            body.y + i as u16,
            body.width.saturating_sub(1),
            1,
        );
        Line::raw(line.as_str()).render(row, buf);
    }
}

/// The question's lines, wrapped to `width` columns, at most `rows` of them when they can be:
/// the reason gives up its end (marked "…") before the choices lose a line.
fn lines(prompt: &QuitPrompt, unsaved: &Unsaved, width: usize, rows: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let choices: &[&str] = match prompt {
        QuitPrompt::Choose => &[
            "r    try saving again now (fix the problem first)",
            "s    write them to another file, then quit",
            "Q    quit without them",
            "Esc  back to reading (they stay in memory)",
        ],
        QuitPrompt::SaveAs(path) => {
            out.extend(wrap(
                "Write them to this file (an annotations file; folio adds it back to your \
                 notes with `folio import FILE`, or by itself from the default place):",
                width,
            ));
            out.push(format!("> {}▏", tail(path, width.saturating_sub(3))));
            &["Enter write and quit · Esc back · Ctrl-u clear"]
        }
        QuitPrompt::ConfirmQuit => &[
            "Quit and lose these changes for good?",
            "y    quit without them · any other key: back",
        ],
    };
    out.extend(choices.iter().flat_map(|c| wrap(c, width)));
    let mut why = wrap(&format!("Why: {}", unsaved.reason), width);
    let room = rows.saturating_sub(out.len()).max(1);
    if why.len() > room {
        why.truncate(room);
        if let Some(last) = why.last_mut() {
            *last = ellipsize(&format!("{}…", last.trim_end()), width).into_owned();
        }
    }
    why.extend(out);
    why
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The end of `text` that fits in `width` columns (a long path shows its file name).
fn tail(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for ch in text.chars().rev() {
        let w = display_width(ch.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        kept.push(ch);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}
