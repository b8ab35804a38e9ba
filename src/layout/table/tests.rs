use std::path::Path;
use std::sync::Arc;

use super::Segment;
use crate::article::{Article, BlockKind};
use crate::layout::{Layout, Line};

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

#[test]
fn alignments_are_packed_in_four_bytes() {
    use crate::article::{Align, Alignments};
    let aligns = [Align::Center, Align::Left, Align::Right];
    let packed = Alignments::new(&aligns);
    assert_eq!(
        (0..4).map(|i| packed.get(i)).collect::<Vec<_>>(),
        [Align::Center, Align::Left, Align::Right, Align::Left]
    );
    assert_eq!(Alignments::new(&[Align::Right; 20]).get(17), Align::Left);
    // Four bytes fit in the padding after a block's kind, so neither block grows.
    assert_eq!(std::mem::size_of::<Alignments>(), 4);
}

#[test]
fn a_long_header_over_short_cells_wraps_before_a_column_of_sentences_does() {
    let a = md("| Tool | Renders code colours | Notes |\n|---|---|---|\n\
        | glow | yes | Pager with styles from a theme and good defaults |\n");
    assert_eq!(
        table_lines(&a, 40),
        vec![
            "Tool │ Renders │ Notes",
            "     │ code    │",
            "     │ colours │",
            "─────┼─────────┼────────────────────────",
            "glow │ yes     │ Pager with styles from",
            "     │         │ a theme and good",
            "     │         │ defaults",
        ]
    );
}
