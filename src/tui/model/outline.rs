//! The outline pane's state: which sections are folded, which entry the cursor is on.

use std::collections::BTreeSet;

use crate::article::Section;

/// The outline pane's state. Entries are indices into `Article::outline`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    /// Whether the user wants it (it also hides itself on narrow screens).
    pub shown: bool,
    /// Entries whose subsections are hidden.
    folded: BTreeSet<usize>,
    /// The entries not hidden inside a folded one, in order. Every frame and key needs them
    /// and a long article has thousands of headings, so they are rebuilt only on (un)folding.
    visible: Vec<usize>,
    /// The level of the outermost headings, drawn without indent (found once, as above).
    top_level: u8,
    /// The entry picked with the keys while the outline has focus.
    pub cursor: usize,
    /// First visible row, counted in visible entries.
    pub scroll: usize,
}

impl Outline {
    /// The outline of an article with these sections, nothing folded.
    pub fn new(sections: &[Section]) -> Outline {
        Outline {
            shown: true,
            folded: BTreeSet::new(),
            visible: (0..sections.len()).collect(),
            top_level: sections.iter().map(|s| s.level).min().unwrap_or(1),
            cursor: 0,
            scroll: 0,
        }
    }

    /// Entries whose subsections are hidden.
    pub fn folded(&self) -> &BTreeSet<usize> {
        &self.folded
    }

    /// Indices into the outline of the entries not hidden inside a folded one.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The level of the outermost headings.
    pub fn top_level(&self) -> u8 {
        self.top_level
    }

    /// Hides the subsections of entry `i` of `sections`.
    pub fn fold(&mut self, i: usize, sections: &[Section]) {
        if self.folded.insert(i) {
            self.refresh(sections);
        }
    }

    /// Shows the subsections of entry `i` of `sections` again.
    pub fn unfold(&mut self, i: usize, sections: &[Section]) {
        if self.folded.remove(&i) {
            self.refresh(sections);
        }
    }

    /// The visible entry that stands for outline entry `i`: itself, or the folded entry that
    /// hides it (hidden entries directly follow the entry that folds them).
    pub fn stand_in(&self, i: usize) -> usize {
        let at = self.visible.partition_point(|&v| v <= i);
        self.visible.get(at.saturating_sub(1)).copied().unwrap_or(0)
    }

    /// The row of entry `i` among the visible ones (the first row when it is hidden).
    pub fn row_of(&self, i: usize) -> usize {
        self.visible.binary_search(&i).unwrap_or(0)
    }

    fn refresh(&mut self, sections: &[Section]) {
        self.visible.clear();
        let mut hide_below: Option<u8> = None;
        for (i, section) in sections.iter().enumerate() {
            if let Some(level) = hide_below {
                if section.level > level {
                    continue;
                }
                hide_below = None;
            }
            self.visible.push(i);
            if self.folded.contains(&i) {
                hide_below = Some(section.level);
            }
        }
    }
}
