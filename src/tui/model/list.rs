//! One cursor for every list (the library, the highlights list, the outline, the help
//! overlay's lines): the chosen row, the first row shown, and how a verb moves them.

use crate::tui::action::Action;

/// The chosen row of a list and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub scroll: usize,
}

impl ListCursor {
    /// Moves the chosen row as `action` asks in a list `len` rows long of which `rows` show,
    /// and scrolls so that it stays in view. `false` (nothing moved) when the verb is not a
    /// motion.
    pub fn step(&mut self, action: Action, len: usize, rows: usize) -> bool {
        let Some(to) = target(self.selected, action, len, rows) else {
            return false;
        };
        self.selected = to;
        self.scroll = keep_visible(self.scroll, to, rows);
        true
    }

    /// Chooses row `at` (kept inside a list `len` long) and scrolls it into a window `rows`
    /// tall.
    pub fn select(&mut self, at: usize, len: usize, rows: usize) {
        self.selected = at.min(len.saturating_sub(1));
        self.scroll = keep_visible(self.scroll, self.selected, rows);
    }
}

/// Where `action` takes row `at` of a list `len` long of which `rows` show: down or up one
/// row, a page, half a page, to the first or the last. `None` when it is not a motion.
pub fn target(at: usize, action: Action, len: usize, rows: usize) -> Option<usize> {
    let rows = rows.max(1);
    let half = rows.div_ceil(2);
    let last = len.saturating_sub(1);
    let to = match action {
        Action::Down => at + 1,
        Action::Up => at.saturating_sub(1),
        Action::PageDown => at + rows,
        Action::PageUp => at.saturating_sub(rows),
        Action::HalfPageDown => at + half,
        Action::HalfPageUp => at.saturating_sub(half),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}

/// The smallest change to `scroll` that shows row `at` in a window `rows` tall.
pub fn keep_visible(scroll: usize, at: usize, rows: usize) -> usize {
    if at < scroll {
        at
    } else if at >= scroll + rows {
        at + 1 - rows
    } else {
        scroll
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_motion_stays_inside_the_list_and_in_view() {
        let mut cursor = ListCursor::default();
        assert!(cursor.step(Action::Down, 10, 4));
        assert_eq!(
            cursor,
            ListCursor {
                selected: 1,
                scroll: 0
            }
        );
        cursor.step(Action::PageDown, 10, 4);
        assert_eq!(
            cursor,
            ListCursor {
                selected: 5,
                scroll: 2
            }
        );
        cursor.step(Action::HalfPageDown, 10, 4);
        assert_eq!(cursor.selected, 7);
        cursor.step(Action::Bottom, 10, 4);
        assert_eq!(
            cursor,
            ListCursor {
                selected: 9,
                scroll: 6
            }
        );
        cursor.step(Action::Down, 10, 4);
        assert_eq!(cursor.selected, 9);
        cursor.step(Action::HalfPageUp, 10, 4);
        assert_eq!(cursor.selected, 7);
        cursor.step(Action::Top, 10, 4);
        assert_eq!(
            cursor,
            ListCursor {
                selected: 0,
                scroll: 0
            }
        );
        assert!(!cursor.step(Action::Open, 10, 4));
        cursor.step(Action::Bottom, 0, 4);
        assert_eq!(cursor, ListCursor::default());
    }
}
