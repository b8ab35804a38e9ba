//! Moving through an open article: scrolling by lines and pages, section jumps, revealing an
//! offset, and the outline's visible (unfolded) entries. Pure functions of the reader state.

use crate::layout::LineKind;

use super::model::Reader;

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
        let next = self.article.outline.iter().find(|s| s.offset > self.top);
        next.map(|s| s.offset).map(|o| self.top = o).is_some()
    }

    /// Brings the previous heading (the current section's own, when reading inside it) to
    /// the top; false when there is none.
    pub fn prev_section(&mut self) -> bool {
        let prev = self
            .article
            .outline
            .iter()
            .rev()
            .find(|s| s.offset < self.top);
        prev.map(|s| s.offset).map(|o| self.top = o).is_some()
    }

    /// Scrolls so that character `offset` is on screen, a quarter of the way down when the
    /// view has to move (so what leads up to it shows too).
    pub fn reveal(&mut self, offset: usize, height: usize) {
        self.layout.ensure_around(offset, height, height);
        let line = self.layout.line_of_offset(offset);
        let top = self.top_line();
        if line < top || line >= top + height {
            self.set_top_line(line.saturating_sub(height / 4), false);
        }
    }

    /// Indices into the outline of the entries not hidden inside a folded one.
    pub fn visible_entries(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut hide_below: Option<u8> = None;
        for (i, section) in self.article.outline.iter().enumerate() {
            if let Some(level) = hide_below {
                if section.level > level {
                    continue;
                }
                hide_below = None;
            }
            out.push(i);
            if self.outline.folded.contains(&i) {
                hide_below = Some(section.level);
            }
        }
        out
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

    /// The visible entry that stands for outline entry `i`: itself, or the folded entry that
    /// hides it (hidden entries directly follow the entry that folds them).
    pub fn stand_in(&self, i: usize, visible: &[usize]) -> usize {
        let at = visible.partition_point(|&v| v <= i);
        visible.get(at.saturating_sub(1)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::reader_for;

    #[test]
    fn folding_hides_subsections_only() {
        let mut r = reader_for(&["# A", "## A1", "### A1a", "## A2", "# B"], 40);
        assert_eq!(r.visible_entries(), vec![0, 1, 2, 3, 4]);
        r.outline.folded.insert(1);
        assert_eq!(r.visible_entries(), vec![0, 1, 3, 4]);
        r.outline.folded.insert(0);
        assert_eq!(r.visible_entries(), vec![0, 4]);
        assert_eq!(r.stand_in(2, &r.visible_entries()), 0);
        assert_eq!(r.stand_in(4, &r.visible_entries()), 4);
        assert!(r.has_children(0) && !r.has_children(2) && !r.has_children(4));
        assert_eq!(r.parent(2), Some(1));
        assert_eq!(r.parent(0), None);
    }
}
