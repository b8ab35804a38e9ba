//! Search matches, the current match, highlights and highlighted headings must not be
//! mistaken for one another, in colour and without (`NO_COLOR`): their cells' styles differ.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::frames::{find_from, frame_in};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::highlights::Color;
use crate::tui::ui::theme::Theme;

/// A frame with a highlighted heading, a plain heading, a purple highlight, and a search for
/// "plain" (three matches, the first current).
fn drawn(color: bool) -> (Model, Buffer) {
    let mut m = model_for(
        &[
            "# Title",
            "## Marked heading",
            "Plain words first. The purple sentence sits here. Plain again.",
            "## Other heading",
            "Some plain words.",
        ],
        (100, 20),
    );
    let heading = highlight_on(&m, "H1", "Marked heading", "");
    let mut purple = highlight_on(&m, "H2", "The purple sentence sits here.", "");
    purple.color = Color::Purple;
    give_highlights(&mut m, vec![heading, purple]);
    search_for(&mut m, "plain");
    let buf = frame_in(&m, &Theme::new(color));
    (m, buf)
}

/// The style of the cell `dx` columns into the first occurrence of `needle` in the text.
fn style_at(m: &Model, buf: &Buffer, needle: &str, dx: u16) -> ratatui::style::Style {
    let (x, y) = find_from(buf, needle, m.panes().text.x).expect("on screen");
    buf[(x + dx, y)].style()
}

fn assert_all_differ(color: bool) {
    let (m, buf) = drawn(color);
    let looks = [
        (
            "highlighted heading",
            style_at(&m, &buf, "Marked heading", 3),
        ),
        ("plain heading", style_at(&m, &buf, "Other heading", 3)),
        ("highlight", style_at(&m, &buf, "purple sentence", 3)),
        // The caret sits on the current match's first cell: look further in.
        ("current match", style_at(&m, &buf, "Plain words", 2)),
        ("search match", style_at(&m, &buf, "Plain again", 2)),
    ];
    for (i, (a, sa)) in looks.iter().enumerate() {
        for (b, sb) in &looks[i + 1..] {
            assert_ne!(sa, sb, "{a} and {b} look the same (colour: {color})");
        }
    }
}

#[test]
fn search_matches_and_highlights_look_different() {
    assert_all_differ(true);
    assert_all_differ(false);
    // In colour, no highlight colour is the search matches' background.
    let theme = Theme::new(true);
    for highlight in theme.highlights {
        assert_ne!(highlight.bg, theme.search_match.bg);
    }
    // Without colours: highlights underline, matches reverse, the current match is bold too.
    let plain = Theme::new(false);
    assert!(
        plain.highlights[0]
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    assert!(plain.search_match.add_modifier.contains(Modifier::REVERSED));
    assert!(!plain.heading.add_modifier.contains(Modifier::UNDERLINED));
}
