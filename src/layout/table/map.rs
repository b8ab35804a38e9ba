//! Character offsets to the lines and columns of a table, and back, through the pieces each
//! line shows: a line of a table shows pieces of several cells, so no single range says where
//! an offset is.

use super::super::{Line, display_width};
use super::Piece;

/// Which of a table block's `lines` shows character `offset`: the line with a piece holding
/// it; for a character no piece shows (a border, a line break), the line keyed on it or the
/// line of the nearest piece before it.
pub fn line_in_table(lines: &[Line], offset: usize) -> usize {
    // Keys (line starts) increase, and a piece never starts before its line's key.
    let stop = lines.partition_point(|l| l.chars.start <= offset);
    let Some(last) = stop.checked_sub(1) else {
        return 0;
    };
    if lines[last].chars.start == offset {
        return last;
    }
    // A line's range ends with its row, so lines ending before `offset` hold no piece of it.
    let from = lines[..stop].partition_point(|l| l.chars.end < offset);
    let mut nearest: Option<(usize, usize)> = None;
    for (i, line) in lines.iter().enumerate().take(stop).skip(from) {
        for piece in pieces(line) {
            if piece.chars.contains(&offset) {
                return i;
            }
            if piece.chars.start <= offset && nearest.is_none_or(|(s, _)| piece.chars.start > s) {
                nearest = Some((piece.chars.start, i));
            }
        }
    }
    nearest.map_or(last, |(_, i)| i)
}

/// The column (from the line's first) at which table line `line` shows `offset`: inside a
/// piece, where its character is; before, between or after the pieces, at the next piece (or
/// the end of the last).
pub fn column_in_table(text: &str, line: &Line, offset: usize) -> usize {
    let all = pieces(line);
    for piece in all {
        if offset <= piece.chars.end.max(piece.chars.start) && offset >= piece.chars.start {
            let shown = &text[piece.bytes.clone()];
            let byte = shown
                .char_indices()
                .nth(offset - piece.chars.start)
                .map_or(shown.len(), |(b, _)| b);
            return piece.x + display_width(&shown[..byte]);
        }
        if offset < piece.chars.start {
            return piece.x;
        }
    }
    all.last()
        .map_or(0, |p| p.x + display_width(&text[p.bytes.clone()]))
}

/// The character offset table line `line` shows at `column`: the character drawn there, the
/// start of the next piece in a gap, the end of the last piece past it.
pub fn offset_at_table_column(text: &str, line: &Line, column: usize) -> usize {
    let all = pieces(line);
    for piece in all {
        if column < piece.x {
            return piece.chars.start;
        }
        let mut used = piece.x;
        for (i, ch) in text[piece.bytes.clone()].chars().enumerate() {
            used += display_width(ch.encode_utf8(&mut [0; 4]));
            if used > column {
                return piece.chars.start + i;
            }
        }
    }
    all.last().map_or(line.chars.start, |p| p.chars.end)
}

/// The pieces a line shows (none for a line that is not a table's).
fn pieces(line: &Line) -> &[Piece] {
    line.table.as_ref().map_or(&[], |t| &t.pieces)
}
