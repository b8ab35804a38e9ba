//! The help overlay, generated from the keymap so it always tells the truth about the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::tui::keymap::{Keymap, Mode};

/// The overlay's lines: a heading per mode, then "keys  what they do" rows.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, String)> {
    let groups = [
        ("Reading", vec![Mode::Global, Mode::Reader]),
        ("Selecting (after v; j/k move by lines)", vec![Mode::Select]),
        ("Highlights list (A)", vec![Mode::Notes]),
        ("Outline (Tab focuses it)", vec![Mode::Outline]),
        ("Library", vec![Mode::Library]),
    ];
    let mut out = Vec::new();
    for (heading, modes) in groups {
        out.push((heading.to_string(), String::new()));
        for mode in modes {
            for (action, keys) in keymap.bindings(mode) {
                let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                out.push((keys.join(", "), action.description().to_string()));
            }
        }
        out.push((String::new(), String::new()));
    }
    out.push(("]a, [a".into(), "Next / previous highlight".into()));
    out.push((String::new(), String::new()));
    out.push(("Note editor".into(), String::new()));
    out.push(("Enter".into(), "New line".into()));
    out.push(("ctrl-s".into(), "Save the note".into()));
    out.push(("Esc".into(), "Close (asks first if you typed)".into()));
    out.push(("ctrl-e".into(), "Edit the note in $EDITOR".into()));
    out.push((String::new(), String::new()));
    out.push(("Search prompt".into(), String::new()));
    out.push(("Enter".into(), "Keep the matches and read on".into()));
    out.push(("Esc".into(), "Cancel and go back to where you were".into()));
    out.push(("Backspace".into(), "Delete the last character".into()));
    out
}

/// Widest the overlay gets.
const WIDTH: u16 = 72;

/// Draws the overlay centred over `area`, scrolled down `scroll` lines.
pub fn render(keymap: &Keymap, scroll: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(keymap);
    let key_width = lines
        .iter()
        .filter(|(_, d)| !d.is_empty())
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let inner = usize::from(WIDTH.min(area.width).saturating_sub(2));
    let rows = rows(&lines, key_width, inner, theme);
    let popup = super::centered(
        area,
        WIDTH,
        u16::try_from(rows.len() + 2).unwrap_or(u16::MAX),
    );
    Clear.render(popup, buf);
    let scroll = u16::try_from(scroll.min(rows.len().saturating_sub(1))).unwrap_or(u16::MAX);
    Paragraph::new(rows)
        .scroll((scroll, 0))
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(" Keys · Esc closes · j/k scroll "),
        )
        .render(popup, buf);
}

/// The overlay's rows for an inner width of `width` columns: headings, then keys with their
/// descriptions wrapped into the description column, so a long one continues under itself
/// rather than under the keys.
fn rows(
    lines: &[(String, String)],
    key_width: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = key_width + 3;
    let text_width = width.saturating_sub(indent).max(12);
    let mut rows = Vec::new();
    for (keys, description) in lines {
        if description.is_empty() {
            rows.push(Line::styled(keys.clone(), theme.heading));
            continue;
        }
        for (i, part) in textwrap::wrap(description, text_width).iter().enumerate() {
            let lead = if i == 0 {
                Span::styled(format!(" {keys:<key_width$}  "), theme.title)
            } else {
                Span::raw(" ".repeat(indent))
            };
            rows.push(Line::from(vec![lead, Span::raw(part.to_string())]));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    #[test]
    fn every_default_binding_is_listed() {
        let keymap = Keymap::defaults().unwrap();
        let lines = help_lines(&keymap);
        for action in [
            Action::NextSection,
            Action::Search,
            Action::Fold,
            Action::Open,
        ] {
            assert!(
                lines.iter().any(|(_, d)| d == action.description()),
                "{action:?} missing from help"
            );
        }
        assert!(lines.iter().any(|(k, _)| k.contains("ctrl-d")));
    }

    #[test]
    fn long_descriptions_continue_under_themselves() {
        let lines = vec![(
            "ctrl-s".to_string(),
            "Try again now to save highlight changes that could not be saved".to_string(),
        )];
        let rows: Vec<String> = rows(&lines, 6, 40, &Theme::new(false))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(rows.len() > 1, "{rows:?}");
        assert!(rows[0].starts_with(" ctrl-s  Try again"), "{rows:?}");
        for row in &rows[1..] {
            assert!(
                row.starts_with("         ") && !row.trim().is_empty(),
                "{row:?}"
            );
        }
        assert!(rows.iter().all(|r| r.chars().count() <= 40), "{rows:?}");
    }
}
