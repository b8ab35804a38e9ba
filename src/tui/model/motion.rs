//! Moving through an open article: scrolling by lines and pages, section jumps, revealing an
//! offset, and where outline entries sit among their neighbours. Pure functions of the reader state.

use crate::layout::{LineKind, run_end, run_start};

use super::reader::Reader;

impl Reader {
    /// The reading position at the start of display line `line`, stepping off blank gap lines
    /// in the direction of travel so the top row always shows text.
    fn set_top_line(&mut self, line: usize, forward: bool) {
        let layout = &self.layout;
        let Some(last) = layout.len().checked_sub(1) else {
            self.top = 0;
            return;
        };
        let mut line = line.min(last);
        if layout.line(line).is_some_and(|l| l.kind == LineKind::Gap) {
            line = if (forward || line == 0) && line < last {
                line + 1
            } else {
                line.saturating_sub(1)
            };
        }
        if let Some(l) = layout.line(line) {
            self.top = l.chars.start;
        }
    }

    /// Scrolls by `delta` display lines in a pane `height` rows tall. Scrolling stops when the
    /// last line reaches the bottom, but a jump that went further (a last short section brought
    /// to the top) is not undone by scrolling down.
    pub fn scroll(&mut self, delta: isize, height: usize) {
        let (back, ahead) = match delta {
            0.. => (0, delta.unsigned_abs() + height),
            _ => (delta.unsigned_abs(), height),
        };
        self.layout.ensure_around(self.top, back, ahead);
        let current = self.top_line();
        let last_page = self.layout.len().saturating_sub(height);
        let target = if delta >= 0 {
            (current + delta.unsigned_abs()).min(last_page.max(current))
        } else {
            current.saturating_sub(delta.unsigned_abs())
        };
        if target != current {
            self.set_top_line(target, delta >= 0);
        }
    }

    /// Shows the last page.
    pub fn scroll_to_end(&mut self, height: usize) {
        self.layout.ensure_end(height);
        let last_page = self.layout.len().saturating_sub(height);
        self.set_top_line(last_page, true);
    }

    /// Brings the next section's heading to the top; false when there is none.
    pub fn next_section(&mut self) -> bool {
        // The outline is in text order: a binary search, not a walk over thousands of
        // headings on every key.
        let outline = &self.article.outline;
        let next = outline.get(outline.partition_point(|s| s.offset <= self.top));
        next.map(|s| s.offset).map(|o| self.top = o).is_some()
    }

    /// Brings the previous heading (the current section's own, when reading inside it) to
    /// the top in a pane `height` rows tall; false when there is none. At the end of the
    /// article the headings on the last page below the top come first, last one first: the
    /// status line already names the last of them as the current section, and `[` must not
    /// skip it.
    pub fn prev_section(&mut self, height: usize) -> bool {
        let outline = &self.article.outline;
        let at_heading = outline
            .binary_search_by_key(&self.top, |s| s.offset)
            .is_ok();
        let below = if at_heading || !self.shows_end(height) {
            None
        } else {
            outline.last().filter(|s| s.offset > self.top)
        };
        let before = outline.partition_point(|s| s.offset < self.top);
        let prev = below.or_else(|| before.checked_sub(1).map(|i| &outline[i]));
        prev.map(|s| s.offset).map(|o| self.top = o).is_some()
    }

    /// The first block of the folded or hidden run of furniture holding `offset`, if any.
    fn closed_run_at(&self, offset: usize) -> Option<usize> {
        let head = run_start(&self.article, self.layout.block_of(offset)?)?;
        (!self.folds.is_open(head)).then_some(head)
    }

    /// Where a caret motion from `from` towards `to` stops when `to` lies in a folded run:
    /// on the run's fold line (its start) first, and past the whole run from there.
    pub fn past_folds(&self, from: usize, to: usize, forward: bool) -> usize {
        let Some(head) = self.closed_run_at(to) else {
            return to;
        };
        let blocks = &self.article.blocks;
        let start = blocks[head].chars.start;
        if from != start || !forward {
            return start;
        }
        blocks
            .get(run_end(&self.article, head))
            .map_or(from, |b| b.chars.start)
    }

    /// Opens the folded or hidden run of furniture holding `offset`, so that a jump there
    /// (a search match, a highlight) shows what it found.
    fn open_furniture_at(&mut self, offset: usize) {
        if let Some(head) = self.closed_run_at(offset) {
            let mut folds = self.folds.clone();
            folds.toggle(head);
            self.lay_out(self.layout.width, folds);
        }
    }

    /// Scrolls so that character `offset` is on screen, a quarter of the way down when the
    /// view has to move (so what leads up to it shows too); page furniture there unfolds.
    pub fn reveal(&mut self, offset: usize, height: usize) {
        self.open_furniture_at(offset);
        self.peek(offset, height);
    }

    /// As [`Reader::reveal`], leaving folded furniture folded (its fold line comes on screen):
    /// a search still being typed only looks ahead.
    pub fn peek(&mut self, offset: usize, height: usize) {
        self.layout.ensure_around(offset, height, height);
        let line = self.layout.line_of_offset(offset);
        let top = self.top_line();
        if line < top || line >= top + height {
            self.set_top_line(line.saturating_sub(height / 4), false);
        }
    }

    /// Brings the caret back into a pane `height` rows tall after the view moved: onto the
    /// first line when it went above, onto the last when it went below. A selection's moving
    /// end comes along (in whole words), as in vim's visual mode, so `h` and `a` never act on
    /// text out of sight.
    pub fn keep_caret_in_view(&mut self, height: usize) {
        let top = self.top_line();
        let shown = self.layout.lines(top..top + height.max(1));
        let (Some(first), Some(bottom)) = (shown.first(), shown.last()) else {
            return;
        };
        let last = shown
            .iter()
            .rev()
            .find(|l| l.kind == LineKind::Text)
            .unwrap_or(first);
        let caret = if self.cursor < first.chars.start {
            first.chars.start
        } else if self.cursor >= bottom.chars.end && bottom.chars.end < self.article.char_len {
            last.chars.start
        } else {
            return;
        };
        self.place_caret(caret);
    }

    /// Puts the caret at `offset`; while selecting, the selection's moving end goes there,
    /// snapped to whole words.
    fn place_caret(&mut self, offset: usize) {
        match self.selection.as_mut() {
            Some(selection) => {
                let forward = offset > selection.anchor;
                selection.head = crate::selection::snap_point(&self.article, offset, forward);
                self.cursor = selection.head;
            }
            None => self.cursor = offset,
        }
    }

    /// The caret to the start of the article and the view with it.
    pub fn go_to_start(&mut self) {
        self.top = 0;
        self.place_caret(0);
    }

    /// The last page in view and the caret on its last line of text.
    pub fn go_to_end(&mut self, height: usize) {
        self.scroll_to_end(height);
        let last = (0..self.layout.len()).rev().find(|&i| {
            self.layout
                .line(i)
                .is_some_and(|l| l.kind == LineKind::Text)
        });
        if let Some(start) = last
            .and_then(|i| self.layout.line(i))
            .map(|l| l.chars.start)
        {
            self.place_caret(start);
        }
    }

    /// Whether outline entry `i` has subsections.
    pub fn has_children(&self, i: usize) -> bool {
        let outline = &self.article.outline;
        outline
            .get(i + 1)
            .is_some_and(|next| outline.get(i).is_some_and(|s| next.level > s.level))
    }

    /// The nearest enclosing entry of outline entry `i`.
    pub fn parent(&self, i: usize) -> Option<usize> {
        let level = self.article.outline.get(i)?.level;
        (0..i)
            .rev()
            .find(|&j| self.article.outline[j].level < level)
    }

    /// The offset one display line below (or above) `offset`, at the same column.
    pub fn line_step(&self, offset: usize, down: bool) -> usize {
        let here = self.layout.line_of_offset(offset);
        let Some(line) = self.layout.line(here) else {
            return offset;
        };
        let column = self.layout.column_of(&line, offset);
        let mut to = here;
        loop {
            to = if down { to + 1 } else { to.wrapping_sub(1) };
            match self.layout.line(to) {
                None if down => return self.article.char_len,
                None => return 0,
                Some(l) if l.kind == LineKind::Gap => continue,
                Some(_) => break,
            }
        }
        self.offset_at_column(to, column)
    }

    /// The character offset shown at `column` (counted from the text's first column) of
    /// display line `line`; past the end, the line's end.
    pub fn offset_at_column(&self, line: usize, column: usize) -> usize {
        match self.layout.line(line) {
            Some(l) => self.layout.offset_at_column(&l, column),
            None => self.article.char_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::tests::reader_for;

    #[test]
    fn folding_hides_subsections_only() {
        let mut r = reader_for(&["# A", "## A1", "### A1a", "## A2", "# B"], 40);
        let sections = r.article.outline.clone();
        assert_eq!(r.outline.visible(), [0, 1, 2, 3, 4]);
        r.outline.fold(1, &sections);
        assert_eq!(r.outline.visible(), [0, 1, 3, 4]);
        r.outline.fold(0, &sections);
        assert_eq!(r.outline.visible(), [0, 4]);
        assert_eq!(r.outline.stand_in(2), 0);
        assert_eq!(r.outline.stand_in(4), 4);
        assert_eq!(r.outline.row_of(4), 1);
        r.outline.unfold(0, &sections);
        assert_eq!(r.outline.visible(), [0, 1, 3, 4]);
        assert!(r.has_children(0) && !r.has_children(2) && !r.has_children(4));
        assert_eq!(r.parent(2), Some(1));
        assert_eq!(r.parent(0), None);
    }
}
