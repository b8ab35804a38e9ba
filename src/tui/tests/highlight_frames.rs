//! Frames with highlights: their cells' background (underline without colours), the gutter
//! highlight of a note, the note in the status line, the per-section count and the notes panel.

use ratatui::style::Modifier;

use super::frames::{find_from, frame, frame_in, row};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::highlights::AnchorStatus;
use crate::tui::ui::theme::Theme;

const PARAGRAPH: &str = "Plain words first. The marked sentence sits here. Then plain words again.";

fn marked_model(size: (u16, u16)) -> Model {
    let mut m = model_for(&["# Title", "## Part", PARAGRAPH], size);
    let highlight = highlight_on(
        &m,
        "H",
        "The marked sentence sits here.",
        "a note\nline two",
    );
    give_highlights(&mut m, vec![highlight]);
    m
}

#[test]
fn highlight_cells_get_the_colour_and_a_note_gets_a_gutter_mark() {
    let m = marked_model((100, 20));
    let buf = frame(&m);
    let theme = Theme::new(true);
    let text = m.panes().text;
    let (x, y) = find_from(&buf, "marked sentence", text.x).unwrap();
    for dx in 0..15 {
        assert_eq!(buf[(x + dx, y)].bg, theme.highlights[0].bg.unwrap());
    }
    let (px, py) = find_from(&buf, "Plain", text.x).unwrap();
    assert_ne!(buf[(px + 1, py)].bg, theme.highlights[0].bg.unwrap());
    // The highlight starts on this row, so its note highlight is in the gutter beside it.
    assert_eq!(buf[(text.x - 1, y)].symbol(), "✎");
    // The outline counts the section's highlight.
    let outline = m.panes().outline.unwrap();
    let entry: String = row(&buf, 2)
        .chars()
        .take(usize::from(outline.width) - 1)
        .collect();
    assert!(entry.contains("Part") && entry.ends_with(" 1"), "{entry}");
}

#[test]
fn without_colours_highlights_are_underlined() {
    let m = marked_model((100, 20));
    let buf = frame_in(&m, &Theme::new(false));
    let text = m.panes().text;
    let (x, y) = find_from(&buf, "marked sentence", text.x).unwrap();
    assert!(buf[(x + 2, y)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(buf[(x + 2, y)].bg, ratatui::style::Color::Reset);
}

#[test]
fn the_note_shows_in_the_status_line_when_the_cursor_is_on_it() {
    let mut m = marked_model((100, 20));
    search_for(&mut m, "sits");
    press(&mut m, &["Esc"]);
    let buf = frame(&m);
    let status = row(&buf, 19);
    assert!(status.contains("✎ a note ⏎ line two"), "{status}");
    // While selecting, the status line says what the keys do.
    press(&mut m, &["v"]);
    let status = row(&frame(&m), 19);
    assert!(
        status.contains("5 words selected · h highlight"),
        "{status}"
    );
}

#[test]
fn doubtful_highlights_are_flagged_and_orphans_only_listed() {
    let mut m = model_for(&["# Title", PARAGRAPH], (100, 20));
    let mut fuzzy = highlight_on(&m, "F", "Plain words first.", "");
    fuzzy.status = AnchorStatus::Fuzzy;
    let mut orphan = highlight_on(&m, "O", "Then plain words again.", "gone");
    orphan.status = AnchorStatus::Orphan;
    orphan.range = None;
    orphan.quote = "words that were deleted".into();
    give_highlights(&mut m, vec![fuzzy, orphan]);
    let buf = frame(&m);
    let text = m.panes().text;
    let theme = Theme::new(true);
    let (x, y) = find_from(&buf, "Plain words first", text.x).unwrap();
    assert!(
        buf[(x + 1, y)]
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::ITALIC)
    );
    assert_eq!(buf[(text.x - 1, y)].symbol(), "?");
    let (tx, ty) = find_from(&buf, "Then plain", text.x).unwrap();
    assert_ne!(buf[(tx + 1, ty)].bg, theme.highlights[0].bg.unwrap());
    // The list shows both, the orphan flagged with its note.
    press(&mut m, &["A"]);
    let buf = frame(&m);
    let all: Vec<String> = (0..20).map(|y| row(&buf, y)).collect();
    let all = all.join("\n");
    assert!(all.contains("[fuzzy]") && all.contains("[orphan]"), "{all}");
    assert!(
        all.contains("words that were deleted") && all.contains("✎ gone"),
        "{all}"
    );
}

#[test]
fn a_message_too_long_for_the_status_line_is_shown_whole_above_it() {
    let mut m = marked_model((60, 20));
    let long = "NOT SAVED (kept in memory; saving is tried again with your next change): \
                /home/someone/.local/share/folio/annotations.json: permission denied";
    update(&mut m, Msg::Notice(long.into()));
    let buf = frame(&m);
    let shown: String = (1..19)
        .map(|y| row(&buf, y).trim().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("NOT SAVED (kept in memory"), "{shown}");
    assert!(shown.contains("permission denied"), "{shown}");
    // The next key clears it.
    press(&mut m, &["j"]);
    let buf = frame(&m);
    let shown: String = (1..19).map(|y| row(&buf, y)).collect();
    assert!(!shown.contains("permission denied"));
}
