use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;

use super::Segment;
use crate::article::{Article, BlockKind};
use crate::layout::{Layout, Line, display_width};

fn md(text: &str) -> Arc<Article> {
    Arc::new(Article::from_bytes(text.as_bytes(), Some(Path::new("t.md"))).expect("parse"))
}

/// Every line of the layout, after wrapping every block.
fn all(layout: &Layout) -> Vec<Line> {
    layout.advance(usize::MAX);
    layout.lines(0..layout.len())
}

/// A line as drawn, trailing blanks dropped.
fn drawn(a: &Article, l: &Line) -> String {
    let mut out = " ".repeat(l.indent.into());
    match &l.table {
        None => out.push_str(&a.text[l.bytes.clone()]),
        Some(table) => {
            for segment in table.segments(&a.text) {
                match segment {
                    Segment::Blank(n) => out.push_str(&" ".repeat(n)),
                    Segment::Text(p) => out.push_str(&a.text[p.bytes.clone()]),
                    Segment::Mark(m) => out.push_str(&m.text),
                }
            }
        }
    }
    out.trim_end().to_string()
}

fn table_lines(a: &Arc<Article>, width: usize) -> Vec<String> {
    let layout = Layout::new(a, width);
    all(&layout)
        .iter()
        .filter(|l| a.blocks[l.block].kind == BlockKind::Table)
        .map(|l| drawn(a, l))
        .collect()
}

const CITIES: &str = "| City | 城市 | Population (millions) |\n|------|:----:|------:|\n\
    | Shenzhen | 深圳 | 17.7 |\n| Hangzhou | 杭州 | 12.5 |\n";

#[test]
fn columns_align_by_display_width_under_a_header_rule() {
    let a = md(CITIES);
    assert_eq!(
        table_lines(&a, 60),
        vec![
            "City     │ 城市 │ Population (millions)",
            "─────────┼──────┼──────────────────────",
            "Shenzhen │ 深圳 │                  17.7",
            "Hangzhou │ 杭州 │                  12.5",
        ]
    );
}

#[test]
fn narrow_columns_wrap_their_cells_at_words_and_rows_are_ruled_apart() {
    let a = md(CITIES);
    assert_eq!(
        table_lines(&a, 30),
        vec![
            "City     │ 城市 │   Population",
            "         │      │   (millions)",
            "─────────┼──────┼─────────────",
            "Shenzhen │ 深圳 │         17.7",
            "Hangzhou │ 杭州 │         12.5",
        ]
    );
    let wide = md("| a | b |\n|---|---|\n| one two three four | x |\n| five | y |\n");
    assert_eq!(
        table_lines(&wide, 12),
        vec![
            "a        │ b",
            "─────────┼──",
            "one two  │ x",
            "three    │",
            "four     │",
            "╌╌╌╌╌╌╌╌╌┼╌╌",
            "five     │ y",
        ]
    );
}

#[test]
fn too_narrow_a_pane_shows_one_record_per_row() {
    let a = md(CITIES);
    assert_eq!(
        table_lines(&a, 22),
        vec![
            "City │ 城市",
            "Population (millions)",
            "──────────────────────",
            "City: Shenzhen",
            "城市: 深圳",
            "Populati…: 17.7",
            "",
            "City: Hangzhou",
            "城市: 杭州",
            "Populati…: 12.5",
        ]
    );
}

#[test]
fn every_line_maps_back_from_its_start_and_offsets_find_their_cell() {
    let a = md(CITIES);
    for width in [60, 30, 22, 8, 2] {
        let layout = Layout::new(&a, width);
        let lines = all(&layout);
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(
                layout.line_of_offset(l.chars.start),
                i,
                "line {i} at {width}"
            );
            for piece in l.table.iter().flat_map(|t| &t.pieces) {
                for offset in piece.chars.clone() {
                    assert_eq!(layout.line_of_offset(offset), i);
                    let column = layout.column_of(l, offset);
                    assert_eq!(layout.offset_at_column(l, column), offset);
                }
            }
        }
    }
}

/// Markdown of a table: rows of cells made of words (some CJK, some long).
fn table() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("word"),
        Just("x"),
        Just("中文字"),
        Just("supercalifragilistic"),
        Just("**bold**"),
        Just("`code`"),
    ];
    let cell = prop::collection::vec(word, 0..5).prop_map(|w| w.join(" "));
    (1usize..6)
        .prop_flat_map(move |columns| {
            prop::collection::vec(prop::collection::vec(cell.clone(), columns), 2..6)
        })
        .prop_map(|rows| {
            let line = |cells: &Vec<String>| format!("| {} |\n", cells.join(" | "));
            let mut text = line(&rows[0]);
            text.push_str(&line(&vec!["---".to_string(); rows[0].len()]));
            for row in &rows[1..] {
                text.push_str(&line(row));
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// No line of a table is drawn wider than the pane, and every character of every cell is
    /// drawn exactly once, by one piece, at one line.
    #[test]
    fn tables_fit_the_pane_and_show_every_cell_character_once(
        markdown in table(),
        width in 1usize..70,
    ) {
        let a = md(&markdown);
        let layout = Layout::new(&a, width);
        let mut shown = vec![0u8; a.char_len];
        for (i, l) in all(&layout).iter().enumerate() {
            prop_assert!(display_width(&drawn(&a, l)) <= layout.width, "{:?}", drawn(&a, l));
            for piece in l.table.iter().flat_map(|t| &t.pieces) {
                for offset in piece.chars.clone() {
                    shown[offset] += 1;
                }
                prop_assert_eq!(layout.line_of_offset(piece.chars.start), i);
            }
        }
        for block in a.blocks.iter().filter(|b| b.kind == BlockKind::Table) {
            let text = &a.text[block.bytes.clone()];
            for (offset, c) in (block.chars.start..).zip(text.chars()) {
                // Spaces inside a cell and the borders of a header shown as text may show.
                if c.is_whitespace() || c == '│' {
                    prop_assert!(shown[offset] <= 1, "{:?} at {} shown twice", c, offset);
                } else {
                    prop_assert_eq!(shown[offset], 1, "{:?} at {}", c, offset);
                }
            }
        }
    }
}
