//! A table block's canonical text read back as rows of cells: one row a line, cells apart by
//! " │ " (every parser writes tables so), each cell's text without the spaces around it.

use std::ops::Range;

use super::super::wrap::Cursor;

/// The separator every parser puts between two cells.
const SEPARATOR: char = '│';

/// One cell: where its text is, trimmed of blank space (empty for an empty cell).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

/// One row of a table: the whole line and its cells, left to right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
    pub cells: Vec<Cell>,
}

impl Row {
    /// Whether no cell of the row has any text.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.bytes.is_empty())
    }
}

/// The rows of the table whose text is `text[bytes]`, starting at character offset `char`.
pub fn rows(text: &str, bytes: Range<usize>, char: usize) -> Vec<Row> {
    let mut cursor = Cursor::at(text, bytes.start, char);
    let mut rows = Vec::new();
    let mut at = bytes.start;
    for line in text[bytes].split('\n') {
        let start = cursor.advance_to(at);
        let cells = cell_ranges(line)
            .into_iter()
            .map(|r| {
                let (from, to) = trimmed(line, r);
                Cell {
                    chars: cursor.advance_to(at + from)..cursor.advance_to(at + to),
                    bytes: at + from..at + to,
                }
            })
            .collect();
        rows.push(Row {
            chars: start..cursor.advance_to(at + line.len()),
            bytes: at..at + line.len(),
            cells,
        });
        at += line.len() + 1;
    }
    rows
}

/// Byte ranges of the cells of one row. A `│` with a space (or the row's edge) on both sides
/// parts two cells; one inside a word is the cell's own text.
fn cell_ranges(line: &str) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, _) in line.match_indices(SEPARATOR) {
        let after = i + SEPARATOR.len_utf8();
        let apart = (i == 0 || bytes[i - 1] == b' ') && bytes.get(after).is_none_or(|&b| b == b' ');
        if apart && i >= start {
            cells.push(start..i);
            start = after;
        }
    }
    cells.push(start..line.len());
    cells
}

/// `range` of `line` without the blank space at either end.
fn trimmed(line: &str, range: Range<usize>) -> (usize, usize) {
    let cell = &line[range.clone()];
    let lead = cell.len() - cell.trim_start().len();
    let kept = cell.trim().len();
    (range.start + lead, range.start + lead + kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<&str>> {
        rows(text, 0..text.len(), 0)
            .iter()
            .map(|r| r.cells.iter().map(|c| &text[c.bytes.clone()]).collect())
            .collect()
    }

    #[test]
    fn rows_are_lines_and_cells_are_apart_by_the_separator() {
        assert_eq!(
            cells("City │ 城市\nShenzhen │ 深圳"),
            vec![vec!["City", "城市"], vec!["Shenzhen", "深圳"]]
        );
        // Empty cells, one at the start and one at the very end (whose space was trimmed).
        assert_eq!(cells(" │ b │  │ d │"), vec![vec!["", "b", "", "d", ""]]);
        // A bar inside a word is text; a caption is a row of one cell.
        assert_eq!(
            cells("Caption\na│b │ c"),
            vec![vec!["Caption"], vec!["a│b", "c"]]
        );
    }

    #[test]
    fn character_offsets_follow_wide_characters() {
        let text = "城市 │ x";
        let row = &rows(text, 0..text.len(), 10)[0];
        assert_eq!(row.chars, 10..16);
        assert_eq!(row.cells[0].chars, 10..12);
        assert_eq!(row.cells[1].chars, 15..16);
    }
}
