//! Turns a browser-style text dump (`support::text_dump`) into an unwrapped one: the page's whole
//! text with no hard wraps, each paragraph on one line, menus and footers included, like the
//! seed article (a page copied whole into a text editor that does not wrap).
//!
//! The dump breaks a line only when the next word (or CJK character) would pass its wrap column,
//! so a line is joined to the next exactly when the next one's first word could not have fitted
//! after it; lines ended by the page itself (a `<br>`, a list item, a table row, code) stay.

use unicode_width::UnicodeWidthStr;

use super::text_dump::WIDTH;

/// The dump with its wrapped lines joined again.
pub fn unwrap(dump: &str) -> String {
    let mut out = String::with_capacity(dump.len());
    let mut previous: Option<&str> = None;
    for line in dump.lines() {
        match previous {
            Some(last) if continues(last, line) => {
                let text = line.trim_start();
                if !(ends_wide(last) && starts_wide(text)) {
                    out.push(' ');
                }
                // The continuation's hanging indent goes with the break.
                out.push_str(text);
            }
            Some(_) => {
                out.push('\n');
                out.push_str(line);
            }
            None => out.push_str(line),
        }
        previous = Some(line);
    }
    out
}

/// Whether `next` carries on the paragraph `line` was wrapped from: both hold text, `line` is
/// within the wrap column, and `next`'s first unit would not have fitted after it.
fn continues(line: &str, next: &str) -> bool {
    let text = next.trim_start();
    let Some(first) = first_unit(text) else {
        return false;
    };
    let width = line.trim_end().width();
    let space = usize::from(!(ends_wide(line) && starts_wide(text)));
    !line.trim().is_empty() && width <= WIDTH && width + space + first.width() > WIDTH
}

/// The first unit the dump may break before: a CJK character or a run up to a space or one.
fn first_unit(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if is_wide(first) {
        return Some(&text[..first.len_utf8()]);
    }
    let end = text
        .char_indices()
        .find(|(_, c)| *c == ' ' || is_wide(*c))
        .map_or(text.len(), |(i, _)| i);
    Some(&text[..end])
}

fn ends_wide(line: &str) -> bool {
    line.trim_end().chars().last().is_some_and(is_wide)
}

fn starts_wide(text: &str) -> bool {
    text.chars().next().is_some_and(is_wide)
}

/// The characters the dump breaks around without a space (CJK), as `text_dump` counts them.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFF00..=0xFF60 | 0x20000..=0x3FFFF)
}
