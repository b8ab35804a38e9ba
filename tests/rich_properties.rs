//! Issue 16's property tests: for random Markdown with nested inline markup, the canonical
//! text is the text a CommonMark renderer shows (pulldown-cmark's own text events), the spans
//! are the ones its tags mark and they nest without crossing, and no rendered line is wider
//! than the width; random tables never draw a line wider than the pane, in the reader's layout
//! or in `folio render`, and show every character of every cell exactly once.

use std::path::Path;

use folio::article::{Article, Style};
use folio::layout::{Layout, Line, Segment, display_width};
use folio::render::{View, render};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Inline Markdown: words, and markup around inline Markdown.
fn inline() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("word".to_string()),
        Just("x".to_string()),
        Just("中文字".to_string()),
        Just("supercalifragilistic".to_string()),
        Just("end.".to_string()),
    ];
    word.prop_recursive(4, 24, 4, |inner| {
        let children = prop::collection::vec(inner, 1..4).prop_map(|c| c.join(" "));
        prop_oneof![
            children.clone().prop_map(|c| format!("*{c}*")),
            children.clone().prop_map(|c| format!("**{c}**")),
            children.clone().prop_map(|c| format!("~~{c}~~")),
            children
                .clone()
                .prop_map(|c| format!("[{c}](https://e.org/p)")),
            "[a-z]{1,8}".prop_map(|c| format!("`{c}`")),
            children,
        ]
    })
}

/// The text pulldown-cmark shows for a paragraph of Markdown, and its styled runs as
/// (style, text) in the order they end.
fn reference(markdown: &str) -> (String, Vec<(Style, String)>) {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut text = String::new();
    let mut open: Vec<(Style, usize)> = Vec::new();
    let mut runs = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Code(t) => {
                open.push((Style::Code, text.len()));
                text.push_str(&t);
                close(&mut open, &text, &mut runs);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Strong) => open.push((Style::Strong, text.len())),
            Event::Start(Tag::Emphasis) => open.push((Style::Emphasis, text.len())),
            Event::Start(Tag::Strikethrough) => open.push((Style::Strike, text.len())),
            Event::Start(Tag::Link { .. }) => open.push((Style::Link, text.len())),
            Event::End(
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Link,
            ) => close(&mut open, &text, &mut runs),
            _ => {}
        }
    }
    (text, runs)
}

/// The innermost open run ends here; an empty one is no run.
fn close(open: &mut Vec<(Style, usize)>, text: &str, runs: &mut Vec<(Style, String)>) {
    let (style, start) = open.pop().expect("balanced tags");
    if start < text.len() {
        runs.push((style, text[start..].to_string()));
    }
}

fn sorted(mut runs: Vec<(Style, String)>) -> Vec<(Style, String)> {
    runs.sort();
    runs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn inline_markup_is_spans_over_the_text_a_renderer_shows(
        markdown in inline(),
        width in 2usize..60,
    ) {
        let article = Article::from_bytes(markdown.as_bytes(), Some(Path::new("p.md")))
            .expect("parse");
        let (text, runs) = reference(&markdown);
        prop_assert_eq!(&article.text, &text);
        let spans: Vec<(Style, String)> = article
            .spans
            .iter()
            .map(|s| (s.style, article.slice(s.chars.clone()).to_string()))
            .collect();
        prop_assert_eq!(sorted(spans), sorted(runs));
        // Spans come in text order and two of them are apart or one holds the other.
        for (i, a) in article.spans.iter().enumerate() {
            prop_assert!(a.chars.start < a.chars.end && a.chars.end <= article.char_len);
            for b in &article.spans[i + 1..] {
                prop_assert!(b.chars.start >= a.chars.start);
                prop_assert!(
                    b.chars.start >= a.chars.end || b.chars.end <= a.chars.end,
                    "{:?} crosses {:?}", a.chars, b.chars
                );
            }
        }
        for styled in [false, true] {
            let shown = render(&article, width, View { styled, ..View::default() });
            for line in shown.lines() {
                let plain = strip_sgr(line);
                prop_assert!(display_width(&plain) <= width, "{:?} wider than {}", plain, width);
            }
        }
    }
}

/// Markdown of a table: rows of cells made of words (some CJK, some long, some marked up).
fn table() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("word"),
        Just("x"),
        Just("中文字"),
        Just("supercalifragilistic"),
        Just("**bold**"),
        Just("`code`"),
        Just("[link](https://e.org)"),
    ];
    let cell = prop::collection::vec(word, 0..5).prop_map(|w| w.join(" "));
    (1usize..7)
        .prop_flat_map(move |columns| {
            prop::collection::vec(prop::collection::vec(cell.clone(), columns), 2..7)
        })
        .prop_map(|rows| {
            let line = |cells: &Vec<String>| format!("| {} |\n", cells.join(" | "));
            let mut text = format!("Above.\n\n{}", line(&rows[0]));
            text.push_str(&line(&vec![":--:".to_string(); rows[0].len()]));
            for row in &rows[1..] {
                text.push_str(&line(row));
            }
            text + "\nBelow.\n"
        })
}

/// A display line as the reader draws it (a table's from its pieces and marks).
fn drawn(article: &Article, line: &Line) -> String {
    let text = &article.text;
    let mut out = " ".repeat(line.indent.into());
    match &line.table {
        None => out.push_str(&text[line.bytes.clone()]),
        Some(table) => {
            for segment in table.segments(text) {
                match segment {
                    Segment::Blank(n) => out.push_str(&" ".repeat(n)),
                    Segment::Text(piece) => out.push_str(&text[piece.bytes.clone()]),
                    Segment::Mark(mark) => out.push_str(&mark.text),
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// No line of a table is drawn wider than the pane (1 to 20 columns, and wider), and every
    /// character of every cell is drawn exactly once, by one piece of one line, which is the
    /// line the character's offset maps to.
    #[test]
    fn tables_fit_the_pane_and_show_every_cell_character_once(
        markdown in table(),
        width in prop_oneof![1usize..=20, 21usize..90],
    ) {
        let article = std::sync::Arc::new(
            Article::from_bytes(markdown.as_bytes(), Some(Path::new("t.md"))).expect("parse"),
        );
        let layout = Layout::new(&article, width);
        layout.advance(usize::MAX);
        let mut shown = vec![0u8; article.char_len];
        for (i, line) in layout.lines(0..layout.len()).iter().enumerate() {
            let drawn = drawn(&article, line);
            prop_assert!(display_width(&drawn) <= layout.width, "{:?} at {}", drawn, width);
            // A gap's offset belongs to the line after it.
            if line.kind != folio::layout::LineKind::Gap {
                prop_assert_eq!(layout.line_of_offset(line.chars.start), i);
            }
            for piece in line.table.iter().flat_map(|t| &t.pieces) {
                for offset in piece.chars.clone() {
                    shown[offset] += 1;
                    prop_assert_eq!(layout.line_of_offset(offset), i);
                }
            }
        }
        for block in &article.blocks {
            let text = &article.text[block.bytes.clone()];
            for (offset, c) in (block.chars.start..).zip(text.chars()) {
                let is_table = block.kind == folio::article::BlockKind::Table;
                // Spaces inside a cell and the borders of a header shown as text may show.
                if !is_table {
                    prop_assert_eq!(shown[offset], 0);
                } else if c.is_whitespace() || c == '│' {
                    prop_assert!(shown[offset] <= 1, "{:?} at {} shown twice", c, offset);
                } else {
                    prop_assert_eq!(shown[offset], 1, "{:?} at {} in {:?}", c, offset, text);
                }
            }
        }
        for styled in [false, true] {
            let rendered = render(&article, width, View { styled, ..View::default() });
            for line in rendered.lines() {
                let plain = strip_sgr(line);
                prop_assert!(display_width(&plain) <= layout.width, "{:?} wider than {}", plain, width);
            }
        }
    }
}

/// A line without its SGR sequences (`ESC [ … m`).
fn strip_sgr(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}
