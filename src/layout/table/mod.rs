//! Tables laid out as columns aligned by display width (CJK counts two), a rule under the
//! header row and cells wrapped inside their columns; on a pane too narrow for the columns,
//! one record per row ("column: value" lines).
//!
//! A display line of a table shows pieces of several cells, so besides its range it carries a
//! [`TableLine`]: each piece of text with the column it starts at, and the borders, rules and
//! labels drawn around them. The line's range runs from its first piece (its *key*: a
//! character no other line starts at, so that a reading position maps back to the line) to the
//! end of its row; [`line_in_table`] and the column maps go through the pieces, so offsets stay
//! exact for the caret, the mouse, highlights and search hits.

mod fit;
mod grid;
mod map;
mod records;
mod rows;

use std::borrow::Cow;
use std::ops::Range;

use super::wrap::{Cursor, wrap_prose};
use super::{Line, LineKind, display_width};
use crate::article::{Align, Alignments, Article};
pub use map::{column_in_table, line_in_table, offset_at_table_column};
use rows::{Cell, Row};

/// Columns between two table columns: a space, the border, a space.
const GUTTER: usize = 3;

/// What a display line of a table draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableLine {
    /// Text of the canonical text, left to right, each at its column.
    pub pieces: Vec<Piece>,
    /// Borders, rules and labels, which are not text of the article.
    pub marks: Vec<Mark>,
    /// Whether the line shows the header row (drawn bold).
    pub header: bool,
}

/// A stretch of a cell's text on one display line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The column it starts at, counted from the line's first.
    pub x: usize,
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

/// What a mark is, which decides how it looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A column border or a rule between rows.
    Rule,
    /// A column's name in front of a value, in a record.
    Label,
}

/// Something drawn on a table line that is not text of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub x: usize,
    pub text: Cow<'static, str>,
    pub kind: MarkKind,
}

/// One part of a table line, in drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Blank columns.
    Blank(usize),
    Text(&'a Piece),
    Mark(&'a Mark),
}

impl TableLine {
    /// The pieces and marks left to right, with the blank columns between them.
    pub fn segments<'a>(&'a self, text: &str) -> Vec<Segment<'a>> {
        let mut items: Vec<(usize, Segment<'a>, usize)> = self
            .pieces
            .iter()
            .map(|p| (p.x, Segment::Text(p), display_width(&text[p.bytes.clone()])))
            .chain(
                self.marks
                    .iter()
                    .map(|m| (m.x, Segment::Mark(m), display_width(&m.text))),
            )
            .collect();
        items.sort_by_key(|item| item.0);
        let mut out = Vec::with_capacity(2 * items.len());
        let mut at = 0;
        for (x, segment, width) in items {
            if x > at {
                out.push(Segment::Blank(x - at));
            }
            out.push(segment);
            at = x.max(at) + width;
        }
        out
    }
}

impl Piece {
    /// The piece as a plain display line of block `block`, for code that draws such lines.
    pub fn as_line(&self, block: usize) -> Line {
        Line {
            kind: LineKind::Text,
            block,
            chars: self.chars.clone(),
            bytes: self.bytes.clone(),
            indent: 0,
            quote: false,
            table: None,
        }
    }
}

/// Appends the display lines of table block `index` at `width` columns to `out`.
pub fn lay_out_table(article: &Article, index: usize, width: usize, out: &mut Vec<Line>) {
    let block = &article.blocks[index];
    let rows = rows::rows(&article.text, block.bytes.clone(), block.chars.start);
    let first = out.len();
    let mut lines = Lines {
        article,
        block: index,
        out,
        first,
    };
    let columns = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    // Rows of one cell in a table of more (a caption) run across the table.
    let header = rows
        .iter()
        .position(|r| r.cells.len() > 1 || columns == 1)
        .unwrap_or(0);
    let table = Table {
        rows: &rows,
        header,
        columns,
        align: block.align,
    };
    match table.widths(article, width) {
        Some(widths) => grid::lay_out(&table, &widths, &mut lines),
        None => records::lay_out(&table, width, &mut lines),
    }
    if lines.out.len() == lines.first {
        // A table of blank rows still takes a line.
        lines.push(None, Vec::new(), Vec::new(), false, &rows[0]);
    }
}

/// The rows of a table and what is known of its columns.
struct Table<'a> {
    rows: &'a [Row],
    /// The header row: the first with more than one cell.
    header: usize,
    columns: usize,
    align: Alignments,
}

impl Table<'_> {
    /// Whether row `row` runs across the table rather than filling its columns.
    fn spans(&self, row: usize) -> bool {
        self.rows[row].cells.len() == 1 && self.columns > 1
    }

    /// Widths of the columns in a pane `width` wide, or `None` when they do not fit.
    fn widths(&self, article: &Article, width: usize) -> Option<Vec<usize>> {
        let mut natural = vec![0; self.columns];
        let mut words = vec![0; self.columns];
        // What each column needs when its header may wrap between words: a header such as
        // "Renders code colours" over "yes" should not take room from a column of sentences.
        let mut wrapped_header = vec![0; self.columns];
        for (r, row) in self.rows.iter().enumerate() {
            if self.spans(r) {
                continue;
            }
            for (i, cell) in row.cells.iter().enumerate() {
                let text = &article.text[cell.bytes.clone()];
                let whole = display_width(text);
                let word = text.split(' ').map(display_width).max().unwrap_or(0);
                natural[i] = natural[i].max(whole);
                words[i] = words[i].max(word);
                wrapped_header[i] =
                    wrapped_header[i].max(if r == self.header { word } else { whole });
            }
        }
        let least: Vec<usize> = natural
            .iter()
            .zip(&words)
            .map(|(&n, &w)| fit::least(n, w))
            .collect();
        let room = width.checked_sub(GUTTER * (self.columns - 1))?;
        if natural.iter().sum::<usize>() <= room {
            return Some(natural);
        }
        let wrapped_header: Vec<usize> = wrapped_header
            .iter()
            .zip(&least)
            .map(|(&w, &l)| w.max(l))
            .collect();
        let widths = fit::fit(&wrapped_header, &least, room)?;
        Some(fit::widen(widths, &natural, room))
    }
}

/// The lines of one table block as they are made.
struct Lines<'a> {
    article: &'a Article,
    block: usize,
    out: &'a mut Vec<Line>,
    /// Where the block's lines start in `out`.
    first: usize,
}

impl Lines<'_> {
    /// The pieces of `cell`'s text wrapped at `width` columns, each with its display width.
    fn wrapped(&self, cell: &Cell, width: usize) -> Vec<(Piece, usize)> {
        if cell.bytes.is_empty() {
            return Vec::new();
        }
        let text = &self.article.text[cell.bytes.clone()];
        let mut cursor = Cursor::at(&self.article.text, cell.bytes.start, cell.chars.start);
        let mut ranges = Vec::new();
        wrap_prose(text, [width, width], |start, end, first| {
            ranges.push((start, end, first));
        });
        ranges
            .into_iter()
            .filter(|(start, end, _)| end > start)
            .map(|(start, end, _)| {
                let bytes = cell.bytes.start + start..cell.bytes.start + end;
                let chars = cursor.advance_to(bytes.start)..cursor.advance_to(bytes.end);
                let shown = display_width(&self.article.text[bytes.clone()]);
                (Piece { x: 0, chars, bytes }, shown)
            })
            .collect()
    }

    /// Adds a line of `row` showing `pieces` and `marks`. Its key is its first piece, else
    /// `key` (a character of the table no piece shows), else the row's start. A line whose key
    /// does not come after the last line's is left out, so keys stay apart (only a rule
    /// beside an empty row can meet that).
    fn push(
        &mut self,
        key: Option<(usize, usize)>,
        pieces: Vec<Piece>,
        marks: Vec<Mark>,
        header: bool,
        row: &Row,
    ) {
        let (char, byte) = pieces
            .first()
            .map(|p| (p.chars.start, p.bytes.start))
            .or(key)
            .unwrap_or((row.chars.start, row.bytes.start));
        let end = if key.is_some() && pieces.is_empty() {
            (char + 1, byte + 1)
        } else {
            (row.chars.end, row.bytes.end)
        };
        if self.out[self.first..]
            .last()
            .is_some_and(|l| l.chars.start >= char)
        {
            return;
        }
        self.out.push(Line {
            kind: LineKind::Text,
            block: self.block,
            chars: char..end.0,
            bytes: byte..end.1,
            indent: 0,
            quote: false,
            table: Some(Box::new(TableLine {
                pieces,
                marks,
                header,
            })),
        });
    }

    /// Adds a rule line keyed on the line break that ends `row` (none after the last row).
    fn rule(&mut self, rows: &[Row], row: usize, text: String) {
        if row + 1 < rows.len() {
            let key = (rows[row].chars.end, rows[row].bytes.end);
            let mark = Mark {
                x: 0,
                text: Cow::Owned(text),
                kind: MarkKind::Rule,
            };
            let marks = if text_is_blank(&mark.text) {
                Vec::new()
            } else {
                vec![mark]
            };
            self.push(Some(key), Vec::new(), marks, false, &rows[row]);
        }
    }

    /// Adds `row`'s whole text as prose `width` columns wide (a caption, or the header row of
    /// records).
    fn prose(&mut self, row: &Row, width: usize, header: bool) {
        let text = &self.article.text[row.bytes.clone()];
        let from = row.bytes.start + text.len() - text.trim_start().len();
        let to = from + text.trim().len();
        let mut cursor = Cursor::at(&self.article.text, row.bytes.start, row.chars.start);
        let whole = Cell {
            chars: cursor.advance_to(from)..cursor.advance_to(to),
            bytes: from..to,
        };
        for (piece, _) in self.wrapped(&whole, width) {
            self.push(None, vec![piece], Vec::new(), header, row);
        }
    }
}

fn text_is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Where a piece `shown` columns wide starts in a column `width` wide aligned as `align`.
fn aligned(align: Align, width: usize, shown: usize) -> usize {
    let spare = width.saturating_sub(shown);
    match align {
        Align::Left => 0,
        Align::Center => spare / 2,
        Align::Right => spare,
    }
}

#[cfg(test)]
mod tests;
