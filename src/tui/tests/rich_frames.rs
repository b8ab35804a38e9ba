//! Issue 16: inline markup drawn in the reader at 120×40 and 50×20, in colour and without,
//! carried through wrapping, and kept visible under a highlight.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::frames::{frame, frame_in};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::tui::ui::theme::Theme;

const MARKDOWN: &str = "# Rich\n\nOpening words, then **bold words** and *leaning words*, \
    `inline code` and ~~struck words~~, and [a link that runs on across several words \
    of the line](https://example.org/long) to end.\n";

pub(super) fn rich_model(size: (u16, u16)) -> Model {
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, size);
    let article = Article::from_bytes(MARKDOWN.as_bytes(), Some(std::path::Path::new("r.md")))
        .expect("parse");
    model.reader = Some(Reader::new(article, None, 0, 80));
    update(&mut model, Msg::Resize(size.0, size.1));
    model
}

/// The cells of every character of `words` (which may wrap onto the next rows).
pub(super) fn cells_of(buf: &Buffer, m: &Model, words: &str) -> Vec<(u16, u16)> {
    let text = m.panes().text;
    let mut cells = Vec::new();
    let mut rest = words;
    let mut from_row = 0;
    while !rest.is_empty() {
        // The longest front part of `rest` shown on one row at or below `from_row`.
        let (part, x, y) = (1..=rest.len())
            .rev()
            .filter(|&n| rest.is_char_boundary(n))
            .find_map(|n| {
                let part = rest[..n].trim_end();
                let (x, y) = (from_row..buf.area.height).find_map(|y| {
                    let line = super::frames::row(buf, y);
                    let byte = line.find(part)?;
                    let x = line[..byte].chars().count() as u16;
                    (x >= text.x).then_some((x, y))
                })?;
                Some((part, x, y))
            })
            .unwrap_or_else(|| panic!("{rest:?} on screen at row {from_row} or below"));
        cells.extend((0..part.chars().count() as u16).map(|dx| (x + dx, y)));
        rest = rest[part.len()..].trim_start();
        from_row = y + 1;
    }
    cells
}

fn assert_cells(
    buf: &Buffer,
    cells: &[(u16, u16)],
    check: impl Fn(&ratatui::buffer::Cell) -> bool,
) {
    for &(x, y) in cells {
        assert!(check(&buf[(x, y)]), "cell ({x}, {y}): {:?}", buf[(x, y)]);
    }
}

fn assert_markup_drawn(size: (u16, u16)) {
    let m = rich_model(size);
    let buf = frame(&m);
    let theme = Theme::new(true);
    let bold = |c: &ratatui::buffer::Cell| c.modifier.contains(Modifier::BOLD);
    assert_cells(&buf, &cells_of(&buf, &m, "bold words"), bold);
    assert_cells(&buf, &cells_of(&buf, &m, "leaning words"), |c| {
        c.modifier.contains(Modifier::ITALIC)
    });
    assert_cells(&buf, &cells_of(&buf, &m, "inline code"), |c| {
        c.bg == theme.inline_code.bg.unwrap()
    });
    assert_cells(&buf, &cells_of(&buf, &m, "struck words"), |c| {
        c.modifier.contains(Modifier::CROSSED_OUT)
    });
    // Every part of the link is underlined in the link colour, where it wraps too.
    let link = cells_of(
        &buf,
        &m,
        "a link that runs on across several words of the line",
    );
    if size.0 < 60 {
        assert!(link.iter().any(|c| c.1 != link[0].1), "the link wraps");
    }
    assert_cells(&buf, &link, |c| {
        c.modifier.contains(Modifier::UNDERLINED) && c.fg == Color::LightBlue
    });
    // Plain words around them stay plain.
    assert_cells(&buf, &cells_of(&buf, &m, "then"), |c| {
        c.modifier.is_empty() && c.bg == Color::Reset
    });
}

#[test]
fn inline_markup_is_drawn_at_120_by_40() {
    assert_markup_drawn((120, 40));
}

#[test]
fn inline_markup_is_drawn_at_50_by_20() {
    assert_markup_drawn((50, 20));
}

#[test]
fn without_colours_inline_markup_stays_distinguishable() {
    for size in [(120, 40), (50, 20)] {
        let m = rich_model(size);
        let buf = frame_in(&m, &Theme::new(false));
        let looks = |words: &str| {
            let cells = cells_of(&buf, &m, words);
            let (x, y) = cells[1];
            (buf[(x, y)].modifier, buf[(x, y)].fg, buf[(x, y)].bg)
        };
        let plain = looks("then");
        let styled = [
            looks("bold words"),
            looks("leaning words"),
            looks("inline code"),
            looks("struck words"),
            looks("a link that runs"),
        ];
        for (i, look) in styled.iter().enumerate() {
            assert_eq!((look.1, look.2), (Color::Reset, Color::Reset), "no colour");
            assert_ne!(*look, plain, "style {i} looks like plain text");
            for other in &styled[i + 1..] {
                assert_ne!(look, other, "two styles look alike");
            }
        }
    }
}

#[test]
fn a_highlight_over_styled_text_keeps_the_styles_visible() {
    let mut m = rich_model((120, 40));
    let marked = "bold words and leaning words, inline code and struck";
    let highlight = highlight_on(&m, "H", marked, "");
    give_highlights(&mut m, vec![highlight]);
    let buf = frame(&m);
    let theme = Theme::new(true);
    let cells = cells_of(&buf, &m, marked);
    assert_cells(&buf, &cells, |c| c.bg == theme.highlights[0].bg.unwrap());
    assert_cells(&buf, &cells_of(&buf, &m, "bold words"), |c| {
        c.modifier.contains(Modifier::BOLD)
    });
    assert_cells(&buf, &cells_of(&buf, &m, "leaning words"), |c| {
        c.modifier.contains(Modifier::ITALIC)
    });
    assert_cells(&buf, &cells_of(&buf, &m, "struck"), |c| {
        c.modifier.contains(Modifier::CROSSED_OUT)
    });
}

#[test]
fn a_long_code_line_is_broken_with_a_continuation_mark_not_reflowed() {
    let code = "fn main() {\n    let words = line.split_whitespace().count(); // a long comment\n}";
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut m = Model::new(keymap, 80, (50, 20));
    let markdown = format!("# Code\n\n```rust\n{code}\n```\n");
    let article = Article::from_bytes(markdown.as_bytes(), Some(std::path::Path::new("c.md")))
        .expect("parse");
    m.reader = Some(Reader::new(article, None, 0, 80));
    update(&mut m, Msg::Resize(50, 20));
    let buf = frame(&m);
    let rows: Vec<String> = (0..20).map(|y| super::frames::row(&buf, y)).collect();
    let first = rows
        .iter()
        .position(|r| r.contains("fn main() {"))
        .expect("code shown");
    // The short lines stay as written, one a row, without a mark.
    assert!(!rows[first].contains(crate::layout::CONTINUATION_MARK));
    let long = &rows[first + 1];
    assert!(
        long.trim_end().ends_with(crate::layout::CONTINUATION_MARK),
        "{long}"
    );
    assert!(
        rows[first + 2].trim_start().starts_with(|c: char| c != '}'),
        "{rows:?}"
    );
    let closing = rows[first + 2..]
        .iter()
        .position(|r| r.trim() == "}")
        .expect("closing brace");
    let mark = rows[first + 1].trim_end().chars().count();
    assert!(mark <= usize::from(m.panes().text.right()), "{long}");
    assert!(closing >= 1, "the long line takes two rows or more");
}
