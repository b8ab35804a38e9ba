//! A table on a pane too narrow for its columns: the header row's names once, then each row
//! as a record of "column: value" lines, values wrapped under themselves, records apart by a
//! blank line. Empty cells are left out of their record.

use std::borrow::Cow;

use super::{GUTTER, Lines, Mark, MarkKind, Table};
use crate::layout::{display_width, ellipsize};

/// Appends `table` as records `width` columns wide.
pub(super) fn lay_out(table: &Table, width: usize, lines: &mut Lines) {
    for (r, row) in table.rows.iter().enumerate() {
        if r == table.header {
            names(table, width, lines);
        } else if r < table.header || table.spans(r) {
            lines.prose(row, width, false);
        } else {
            if r > table.header + 1 {
                lines.rule(table.rows, r - 1, String::new());
            }
            record(table, r, width, lines);
        }
        if r == table.header {
            lines.rule(table.rows, r, "─".repeat(width));
        }
    }
}

/// The header row's names one after another, apart by a border; a name that does not fit
/// the rest of a line starts the next, and one too long for a line wraps.
fn names(table: &Table, width: usize, lines: &mut Lines) {
    let row = &table.rows[table.header];
    let (mut pieces, mut marks, mut x) = (Vec::new(), Vec::new(), 0);
    for cell in row.cells.iter().filter(|c| !c.bytes.is_empty()) {
        for (k, (mut piece, shown)) in lines.wrapped(cell, width).into_iter().enumerate() {
            if !pieces.is_empty() && (k > 0 || x + GUTTER + shown > width) {
                let marks = std::mem::take(&mut marks);
                lines.push(None, std::mem::take(&mut pieces), marks, true, row);
                x = 0;
            } else if !pieces.is_empty() {
                marks.push(Mark {
                    x: x + 1,
                    text: Cow::Borrowed("│"),
                    kind: MarkKind::Rule,
                });
                x += GUTTER;
            }
            piece.x = x;
            x += shown;
            pieces.push(piece);
        }
    }
    if !pieces.is_empty() {
        lines.push(None, pieces, marks, true, row);
    }
}

/// The lines of row `r` as a record.
fn record(table: &Table, r: usize, width: usize, lines: &mut Lines) {
    let row = &table.rows[r];
    let names = &table.rows[table.header].cells;
    for (i, cell) in row.cells.iter().enumerate() {
        if cell.bytes.is_empty() {
            continue;
        }
        let name = names
            .get(i)
            .map_or("", |n| &lines.article.text[n.bytes.clone()]);
        let label = label(name, width);
        let hang = display_width(&label);
        let mut marks = (!label.is_empty()).then_some(Mark {
            x: 0,
            text: Cow::Owned(label),
            kind: MarkKind::Label,
        });
        for (mut piece, _) in lines.wrapped(cell, width - hang) {
            piece.x = hang;
            let marks = marks.take().into_iter().collect();
            lines.push(None, vec![piece], marks, false, row);
        }
    }
    if row.is_blank() {
        lines.push(None, Vec::new(), Vec::new(), false, row);
    }
}

/// "name: " for a record line in a pane `width` wide: at most half the pane (cut short with
/// `…`), and always leaving two columns for the value (one wide character).
fn label(name: &str, width: usize) -> String {
    if name.is_empty() {
        return String::new();
    }
    let room = (width / 2).min(width.saturating_sub(2));
    let full = format!("{name}: ");
    if display_width(&full) <= room {
        return full;
    }
    if room < 3 {
        return String::new();
    }
    format!("{}: ", ellipsize(name, room - 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_half_the_pane_and_leave_room_for_the_value() {
        assert_eq!(label("City", 40), "City: ");
        assert_eq!(label("Population (millions)", 20), "Populat…: ");
        assert_eq!(label("城市名称", 12), "城…: ");
        assert_eq!(label("City", 4), "");
        assert_eq!(label("", 40), "");
        for width in 2..30 {
            let l = label("Renders code colours", width);
            assert!(
                display_width(&l) <= (width / 2).min(width - 2),
                "{l:?} at {width}"
            );
        }
    }
}
