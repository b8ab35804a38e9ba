//! Issue 16, tables: the bundled Markdown sample's tables drawn at 120×40 and 50×20 as aligned
//! columns under a header rule, with wrapped cells, or as records on a narrow pane; search hits,
//! highlights and clicks land on the cells that show the text.

use ratatui::buffer::Buffer;

use super::frames::{find, frame, row};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::tui::ui::theme::Theme;

const SAMPLE: &str = include_str!("../../../assets/articles/rich-text-tour.md");

fn sample_model(size: (u16, u16)) -> Model {
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, size);
    let article =
        Article::from_bytes(SAMPLE.as_bytes(), Some(std::path::Path::new("t.md"))).expect("parse");
    model.reader = Some(Reader::new(article, None, 0, 80));
    update(&mut model, Msg::Resize(size.0, size.1));
    model
}

/// The screen column of every `│` on row `y`, right of the text pane's left edge.
fn borders(buf: &Buffer, m: &Model, y: u16) -> Vec<u16> {
    let line = row(buf, y);
    let x0 = m.panes().text.x;
    let mut xs = Vec::new();
    let mut x = 0u16;
    for c in line.chars() {
        if c == '│' && x >= x0 {
            xs.push(x);
        }
        x += crate::layout::display_width(c.encode_utf8(&mut [0; 4])).max(1) as u16;
    }
    xs
}

/// Screen column just past the last cell of `needle` at `(x, y)`.
fn end_of(needle: &str, at: (u16, u16)) -> u16 {
    at.0 + crate::layout::display_width(needle) as u16
}

/// The small table: columns aligned by display width (the CJK column's border sits at the same
/// screen column on every row), a header rule crossing the borders, numbers right-aligned.
fn assert_cjk_grid(buf: &Buffer, m: &Model) {
    let header = find(buf, "City").expect("header row").1;
    let cols = borders(buf, m, header);
    assert_eq!(cols.len(), 2, "{}", row(buf, header));
    let rule = row(buf, header + 1);
    assert!(rule.contains("─┼─"), "{rule}");
    for y in header + 2..header + 5 {
        assert_eq!(borders(buf, m, y), cols, "row {y}: {}", row(buf, y));
    }
    let title = find(buf, "Population (millions)").expect("header cell");
    let number = find(buf, "17.7").expect("a number");
    assert_eq!(number.1, header + 2, "Shenzhen's row");
    assert_eq!(
        end_of("17.7", number),
        end_of("Population (millions)", title)
    );
    let city = find(buf, "深圳").expect("CJK cell");
    assert!(cols[0] < city.0 && city.0 < cols[1]);
}

#[test]
fn tables_are_aligned_and_wrapped_at_120_by_40() {
    let mut m = sample_model((120, 40));
    search_for(&mut m, "深圳");
    let buf = frame(&m);
    assert_cjk_grid(&buf, &m);
    // The wide table is a grid too, its long cells wrapped inside their column.
    let theme = Theme::new(true);
    let notes = find(&buf, "Pager with").expect("a wrapped cell");
    let next = row(&buf, notes.1 + 1);
    let below: String = next.chars().skip(usize::from(notes.0)).take(8).collect();
    assert!(below.starts_with(|c: char| c.is_alphabetic()), "{next}");
    assert_eq!(borders(&buf, &m, notes.1), borders(&buf, &m, notes.1 + 1));
    // The search hit is painted on the CJK cell.
    let hit = find(&buf, "深圳").expect("hit");
    // A wide character's second cell is left blank by the buffer, so each first cell.
    for dx in [0, 2] {
        assert_eq!(buf[(hit.0 + dx, hit.1)].bg, theme.search_match.bg.unwrap());
    }
}

#[test]
fn a_narrow_pane_shows_the_wide_table_as_records_at_50_by_20() {
    let mut m = sample_model((50, 20));
    search_for(&mut m, "深圳");
    let buf = frame(&m);
    assert_cjk_grid(&buf, &m);
    search_for(&mut m, "mdcat");
    let buf = frame(&m);
    let x = m.panes().text.x;
    let tool = find(&buf, "Tool: mdcat").expect("a record");
    assert_eq!(tool.0, x);
    assert!(row(&buf, tool.1 + 1)[..].contains("Language: Rust"));
    let value = find(&buf, "Prints images").expect("a long value");
    let wrapped = row(&buf, value.1 + 1);
    let start = wrapped.chars().position(|c| c != ' ').unwrap_or(0);
    assert_eq!(
        start as u16, value.0,
        "the value wraps under itself: {wrapped}"
    );
    for y in 0..20 {
        let line = row(&buf, y);
        assert!(crate::layout::display_width(line.trim_end()) <= 50);
    }
    // The hit is painted on the value, not on the label.
    let theme = Theme::new(true);
    let bg = theme.search_match.bg.unwrap();
    assert_eq!(buf[(tool.0 + 6, tool.1)].bg, bg);
    assert_ne!(buf[(tool.0, tool.1)].bg, bg);
}

#[test]
fn a_highlight_across_cells_is_drawn_on_the_cells_not_the_borders() {
    let mut m = sample_model((120, 40));
    search_for(&mut m, "Shenzhen");
    let highlight = highlight_on(&m, "H", "Shenzhen │ 深圳", "");
    give_highlights(&mut m, vec![highlight]);
    update(&mut m, Msg::Key(key_event("Esc")));
    let buf = frame(&m);
    let bg = Theme::new(true).highlights[0].bg.unwrap();
    let city = find(&buf, "Shenzhen").expect("cell");
    let cjk = find(&buf, "深圳").expect("cell");
    for x in (city.0..end_of("Shenzhen", city)).chain([cjk.0, cjk.0 + 2]) {
        assert_eq!(buf[(x, city.1)].bg, bg, "cell {x}");
    }
    let border = borders(&buf, &m, city.1)[0];
    assert_ne!(buf[(border, city.1)].bg, bg, "the border is not text");
    // The highlight in a wrapped cell lands on its column's rows only.
    let wrapped = highlight_on(&m, "W", "styles from a JSON theme", "");
    give_highlights(&mut m, vec![wrapped]);
    let buf = frame(&m);
    let first = find(&buf, "styles from a").expect("wrapped cell");
    let second = find(&buf, "JSON theme").expect("its next row");
    assert_eq!(second.1, first.1 + 1);
    assert_eq!(buf[(first.0, first.1)].bg, bg);
    assert_eq!(buf[(second.0 + 9, second.1)].bg, bg);
    assert_ne!(buf[(second.0 - 3, second.1)].bg, bg);
}

#[test]
fn a_click_on_a_cell_puts_the_caret_on_its_character() {
    let mut m = sample_model((120, 40));
    search_for(&mut m, "杭州");
    let buf = frame(&m);
    let (x, y) = find(&buf, "杭州").expect("cell");
    // The second cell of the wide character 州.
    update(
        &mut m,
        Msg::Click {
            column: x + 3,
            row: y,
            count: 1,
        },
    );
    let r = reader(&m);
    assert_eq!(r.article.slice(r.cursor..r.cursor + 1), "州");
}
