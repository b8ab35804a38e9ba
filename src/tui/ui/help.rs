//! The help overlay, generated from the keymap so it always tells the truth about the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::tui::keymap::{Keymap, Mode};

/// The overlay's lines: a heading per mode, then "keys  what they do" rows.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, String)> {
    let groups = [
        ("Reading", vec![Mode::Global, Mode::Reader]),
        ("Selecting (after v; j/k move by lines)", vec![Mode::Select]),
        ("Highlights list (A)", vec![Mode::Notes]),
        ("Outline (Tab focuses it)", vec![Mode::Outline]),
        ("Library (type to filter)", vec![Mode::Library]),
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
    let popup = super::centered(area, 72, lines.len() as u16 + 2);
    Clear.render(popup, buf);
    let rows: Vec<Line> = lines
        .iter()
        .map(|(keys, description)| {
            if description.is_empty() {
                Line::styled(keys.clone(), theme.heading)
            } else {
                Line::from(vec![
                    Span::styled(format!(" {keys:<key_width$}  "), theme.title),
                    Span::raw(description.clone()),
                ])
            }
        })
        .collect();
    // Wrapped, so that on a narrow screen the descriptions continue below their keys.
    let scroll = u16::try_from(scroll.min(lines.len().saturating_sub(1))).unwrap_or(u16::MAX);
    Paragraph::new(rows)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(" Keys · Esc closes · j/k scroll "),
        )
        .render(popup, buf);
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
}
