//! Issue 16: syntax colours of code blocks in a named language, drawn in the reader at
//! 120×40 and 50×20 from the bundled samples (Rust and Python in Markdown, JavaScript and
//! the shell in HTML), and none without colours.

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Color;

use super::frames::{frame, frame_in};
use super::rich_frames::cells_of;
use super::*;
use crate::syntax::Class;
use crate::tui::ui::theme::Theme;

const MARKDOWN: &str = include_str!("../../../assets/articles/rich-text-tour.md");
const HTML: &str = include_str!("../../../assets/articles/rich-text-tour.html");

/// A model showing `sample` (named `name`) from the paragraph that starts with `from`.
fn model_at(sample: &str, name: &str, from: &str, size: (u16, u16)) -> Model {
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, size);
    let article =
        Article::from_bytes(sample.as_bytes(), Some(std::path::Path::new(name))).expect("parse");
    let byte = article.text.find(from).expect("paragraph in the sample");
    let top = article.text[..byte].chars().count();
    model.reader = Some(Reader::new(article, None, top, 80));
    update(&mut model, Msg::Resize(size.0, size.1));
    model
}

/// What the driver does while idle: classes the code blocks the last frame showed.
fn colour_shown(model: &Model) {
    let reader = model.reader.as_ref().expect("reader");
    while !reader.code_colours.advance(&reader.article) {}
}

/// The cell of the first character of `word` in the code line `line`, looking from byte
/// `from` of the line on.
fn cell_in<'b>(buf: &'b Buffer, m: &Model, line: &str, word: &str, from: usize) -> &'b Cell {
    let byte = from + line[from..].find(word).expect("word in the line");
    &buf[cells_of(buf, m, line)[line[..byte].chars().count()]]
}

/// The cells of a code line's keyword (at its start) and of an identifier after it.
fn keyword_and_identifier<'b>(buf: &'b Buffer, m: &Model, case: Case) -> (&'b Cell, &'b Cell) {
    let (.., line, keyword, identifier) = case;
    (
        cell_in(buf, m, line, keyword, 0),
        cell_in(buf, m, line, identifier, keyword.len()),
    )
}

/// A sample, its name, where to start, a code line, the keyword it starts with and an
/// identifier after it.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const CASES: [Case; 4] = [
    (
        MARKDOWN,
        "t.md",
        "A function in Rust",
        "fn count_words(line",
        "fn",
        "line",
    ),
    (
        MARKDOWN,
        "t.md",
        "And one in Python",
        "return len(line",
        "return",
        "line",
    ),
    (
        HTML,
        "t.html",
        "A greeting in JavaScript",
        "function greet(name",
        "function",
        "name",
    ),
    (
        HTML,
        "t.html",
        "And a loop in the shell",
        "for f in *.md; do",
        "for",
        "f",
    ),
];

fn assert_keywords_coloured(size: (u16, u16)) {
    let looks = Theme::new(true).syntax.expect("colours");
    for case @ (sample, name, from, line, ..) in CASES {
        let m = model_at(sample, name, from, size);
        // The first frame does not wait for the grammars; the next one has the colours.
        let first = frame(&m);
        let (keyword, identifier) = keyword_and_identifier(&first, &m, case);
        assert_eq!(
            keyword.fg, identifier.fg,
            "{line}: no colours before the grammar ran"
        );
        colour_shown(&m);
        let buf = frame(&m);
        let (keyword, identifier) = keyword_and_identifier(&buf, &m, case);
        assert_eq!(
            keyword.fg,
            looks[Class::Keyword.index()].fg.unwrap(),
            "{line}"
        );
        assert_ne!(keyword.fg, identifier.fg, "{line}");
        assert_eq!(identifier.fg, Theme::new(true).code.fg.unwrap(), "{line}");
    }
}

#[test]
fn code_keywords_are_coloured_at_120_by_40() {
    assert_keywords_coloured((120, 40));
}

#[test]
fn code_keywords_are_coloured_at_50_by_20() {
    assert_keywords_coloured((50, 20));
}

#[test]
fn without_colours_code_keeps_its_plain_look() {
    for size in [(120, 40), (50, 20)] {
        for case @ (sample, name, from, line, ..) in CASES {
            let m = model_at(sample, name, from, size);
            let buf = frame_in(&m, &Theme::new(false));
            assert!(!m.reader.as_ref().expect("reader").code_colours.is_pending());
            let (keyword, identifier) = keyword_and_identifier(&buf, &m, case);
            assert_eq!(keyword.style(), identifier.style(), "{line}");
            assert_eq!(keyword.fg, Color::Reset);
        }
    }
}
