//! The help overlay's text, generated from the keymap so it always tells the truth about the
//! keys, and how it wraps at a width: shared by `update` (how far it scrolls) and `ui` (what it
//! draws), so the two never disagree.

use super::keymap::{Keymap, Mode};

/// Widest the overlay gets, borders included.
pub const WIDTH: u16 = 72;

/// Widest the keys column gets; longer key lists go on a line of their own.
const KEY_COLUMN: usize = 24;

/// Narrowest description column worth keeping beside the keys; below it, descriptions go
/// under their keys.
const MIN_TEXT: usize = 20;

/// The overlay's lines: a heading per mode, then "keys  what they do" rows.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, String)> {
    let groups = [
        ("Reading", vec![Mode::Global, Mode::Reader]),
        ("Selecting (after v; j/k move by lines)", vec![Mode::Select]),
        ("Highlights list (A)", vec![Mode::Highlights]),
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

/// One row of the overlay: a heading, or keys (padded to the keys column, or blank on a
/// continuation) followed by description text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub heading: bool,
    pub keys: String,
    pub text: String,
}

impl Row {
    fn heading(text: &str) -> Row {
        Row {
            heading: true,
            keys: String::new(),
            text: text.to_string(),
        }
    }

    fn body(keys: String, text: &str) -> Row {
        Row {
            heading: false,
            keys,
            text: text.to_string(),
        }
    }
}

/// The inner width (inside the borders) of the overlay on a screen `screen_width` wide.
pub fn inner_width(screen_width: u16) -> usize {
    usize::from(WIDTH.min(screen_width).saturating_sub(2))
}

/// The overlay's rows at an inner width of `width` columns, every one at most that wide and
/// broken only between words (a word longer than a whole row is the one thing cut). Keys sit
/// left of their description while both fit, else on a line of their own above it.
pub fn rows(lines: &[(String, String)], width: usize) -> Vec<Row> {
    let width = width.max(1);
    let key_width = lines
        .iter()
        .filter(|(_, d)| !d.is_empty())
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(KEY_COLUMN);
    let indent = key_width + 3;
    let side_by_side = width >= indent + MIN_TEXT;
    let mut rows = Vec::new();
    for (keys, description) in lines {
        if description.is_empty() {
            rows.extend(wrap(keys, width).iter().map(|h| Row::heading(h)));
        } else if side_by_side && keys.chars().count() <= key_width {
            for (i, part) in wrap(description, width - indent).iter().enumerate() {
                let lead = if i == 0 {
                    format!(" {keys:<key_width$}  ")
                } else {
                    " ".repeat(indent)
                };
                rows.push(Row::body(lead, part));
            }
        } else {
            let under = 3.min(width - 1);
            for part in wrap(keys, width - 1) {
                rows.push(Row::body(format!(" {part}"), ""));
            }
            for part in wrap(description, width - under) {
                rows.push(Row::body(" ".repeat(under), &part));
            }
        }
    }
    rows
}

/// `text` broken between words into lines at most `width` columns wide.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.is_empty() {
        return vec![String::new()];
    }
    // Not at hyphens either: "ctrl-d" and "smart-case" are one word each.
    let options =
        textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|part| part.into_owned())
        .collect()
}

/// How far the overlay scrolls on a screen of `size`: until its last row is at the bottom.
pub fn max_scroll(keymap: &Keymap, size: (u16, u16)) -> usize {
    let count = rows(&help_lines(keymap), inner_width(size.0)).len();
    let visible = usize::from(size.1).min(count + 2).saturating_sub(2);
    count.saturating_sub(visible)
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

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| format!("{}{}", r.keys, r.text))
            .collect()
    }

    #[test]
    fn long_descriptions_continue_under_themselves() {
        let lines = vec![(
            "ctrl-s".to_string(),
            "Try again now to save highlight changes that could not be saved".to_string(),
        )];
        let rows = texts(&rows(&lines, 40));
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

    /// Every row fits and, read in order, the rows hold every key and description word for
    /// word: nothing is cut off or split inside a word.
    #[test]
    fn help_overlay_wraps_at_30_columns() {
        let keymap = Keymap::defaults().unwrap();
        let lines = help_lines(&keymap);
        for width in [28, 40, 70] {
            let rows = texts(&rows(&lines, width));
            for row in &rows {
                assert!(row.chars().count() <= width, "{row:?} wider than {width}");
            }
            let shown: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
            let wanted: Vec<&str> = lines
                .iter()
                .flat_map(|(k, d)| k.split_whitespace().chain(d.split_whitespace()))
                .collect();
            assert_eq!(shown, wanted, "at {width} columns");
        }
    }
}
