//! A table as a grid: each cell wrapped inside its column and aligned there, `│` between the
//! columns, a rule under the header row, and (when some row takes more than one line) a
//! lighter rule between rows, so that a wrapped row reads as one.

use std::borrow::Cow;

use super::{GUTTER, Lines, Mark, MarkKind, Piece, Table, aligned};

/// Appends the grid of `table` with columns `widths` wide.
pub(super) fn lay_out(table: &Table, widths: &[usize], lines: &mut Lines) {
    let xs: Vec<usize> = widths
        .iter()
        .scan(0, |x, w| {
            let at = *x;
            *x += w + GUTTER;
            Some(at)
        })
        .collect();
    let total = widths.iter().sum::<usize>() + GUTTER * (widths.len() - 1);
    let cells: Vec<Vec<Vec<(Piece, usize)>>> = (0..table.rows.len())
        .map(|r| wrapped_row(table, r, widths, lines))
        .collect();
    let tall = cells
        .iter()
        .enumerate()
        .any(|(r, row)| r > table.header && row.iter().any(|c| c.len() > 1));
    for (r, row) in cells.into_iter().enumerate() {
        if table.spans(r) {
            lines.prose(&table.rows[r], total, false);
        } else {
            row_lines(table, r, row, &xs, widths, lines);
        }
        if r == table.header {
            lines.rule(table.rows, r, rule(widths, "─", "─┼─"));
        } else if r > table.header && tall {
            lines.rule(table.rows, r, rule(widths, "╌", "╌┼╌"));
        }
    }
}

/// The pieces of each cell of row `r` (none for a row that runs across the table).
fn wrapped_row(
    table: &Table,
    r: usize,
    widths: &[usize],
    lines: &Lines,
) -> Vec<Vec<(Piece, usize)>> {
    if table.spans(r) {
        return Vec::new();
    }
    table.rows[r]
        .cells
        .iter()
        .zip(widths)
        .map(|(cell, &width)| lines.wrapped(cell, width))
        .collect()
}

/// The lines of row `r`: line `k` shows the `k`-th piece of every cell that has one.
fn row_lines(
    table: &Table,
    r: usize,
    mut cells: Vec<Vec<(Piece, usize)>>,
    xs: &[usize],
    widths: &[usize],
    lines: &mut Lines,
) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    // Taken from the end, so each cell's pieces are reversed first.
    cells.iter_mut().for_each(|c| c.reverse());
    for _ in 0..height {
        let mut pieces = Vec::new();
        for (i, cell) in cells.iter_mut().enumerate() {
            if let Some((mut piece, shown)) = cell.pop() {
                let align = table.align.get(i);
                piece.x = xs[i] + aligned(align, widths[i], shown);
                pieces.push(piece);
            }
        }
        let borders = xs[1..]
            .iter()
            .map(|x| Mark {
                x: x - 2,
                text: Cow::Borrowed("│"),
                kind: MarkKind::Rule,
            })
            .collect();
        lines.push(None, pieces, borders, r == table.header, &table.rows[r]);
    }
}

/// A rule across columns `widths` wide, drawn with `line` and crossing the borders with
/// `cross`.
fn rule(widths: &[usize], line: &str, cross: &str) -> String {
    widths
        .iter()
        .map(|&w| line.repeat(w))
        .collect::<Vec<_>>()
        .join(cross)
}
