//! An open article and how it is being read: the layout, the reading position, the caret,
//! the selection and the article's highlights.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::article::Article;
use crate::highlights::{HighlightId, Resolved};
use crate::layout::{Folds, Layout};
use crate::syntax::Memo;
use crate::tui::protocol::OnDisk;

use super::outline::Outline;
use super::search::Search;

/// Which pane of the reader view takes keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Outline,
}

/// An open article and how it is being read.
#[derive(Debug)]
pub struct Reader {
    /// Shared with the layout, which wraps its blocks as they are needed.
    pub article: Arc<Article>,
    pub path: Option<PathBuf>,
    /// The article laid out at the text column's current width.
    pub layout: Layout,
    /// Which runs of page furniture are folded, hidden or shown.
    pub folds: Folds,
    /// Reading position: a character offset inside the first visible line. Kept as an offset
    /// (not a row) so that re-wrapping at another width keeps the same text on top.
    pub top: usize,
    pub focus: Focus,
    pub outline: Outline,
    pub search: Search,
    /// The caret: a character offset, kept on screen.
    pub cursor: usize,
    pub selection: Option<Selection>,
    /// The article's highlights, placed on its text first (by start), orphans last.
    pub highlights: Vec<Resolved>,
    /// The highlight deleted last, for `u`.
    pub deleted: Option<HighlightId>,
    /// A `]` or `[` just pressed: a following `a` means a highlight jump instead of a
    /// section jump, which is then undone (to this reading position and cursor).
    pub bracket: Option<Bracket>,
    /// Where the left mouse button went down, while it is held: a drag selects from there.
    pub pressed: Option<usize>,
    /// The file the article was read from, as it was then, and whether it changed since.
    pub on_disk: Option<OnDisk>,
    /// The text was just read again: what became of the highlights is said once they arrive.
    pub reloaded: bool,
    /// After a reload moved highlights: `A` opens on the first of them.
    pub review_first: bool,
    /// Syntax colours of the article's code blocks drawn so far.
    pub code_colours: Memo,
    /// Only the article's beginning is shown, while the whole is read: it can be read and
    /// searched, but nothing is saved of it (highlights, notes, the reading position).
    pub partial: bool,
}

/// A selection between two character offsets: `anchor` stays, `head` follows the motions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub head: usize,
}

impl Selection {
    /// The selected characters.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

/// A section jump that may turn into a highlight jump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bracket {
    pub forward: bool,
    pub top: usize,
    pub cursor: usize,
}

impl Reader {
    pub fn new(article: Article, path: Option<PathBuf>, top: usize, width: usize) -> Reader {
        let article = Arc::new(article);
        let layout = Layout::new(&article, width);
        let top = top.min(article.char_len);
        let outline = Outline::new(&article.outline);
        Reader {
            article,
            path,
            layout,
            folds: Folds::none(),
            top,
            focus: Focus::Reader,
            outline,
            search: Search::default(),
            cursor: top,
            selection: None,
            highlights: Vec::new(),
            deleted: None,
            bracket: None,
            pressed: None,
            on_disk: None,
            reloaded: false,
            review_first: false,
            code_colours: Memo::default(),
            partial: false,
        }
    }

    /// Lays the article out anew at `width` columns with `folds`; the reading position and
    /// the caret are offsets, so they stay on the same text.
    pub fn lay_out(&mut self, width: usize, folds: Folds) {
        self.folds = folds;
        self.layout = Layout::folded(&self.article, width, &self.folds);
    }

    /// The characters a highlight made now would cover: the selection in whole words, without
    /// spaces at its ends.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        let selection = self.selection?;
        Some(crate::selection::snap(&self.article, selection.range()))
    }

    /// The placed highlight under character offset `offset`, the innermost (latest
    /// starting) one where they overlap.
    pub fn highlight_at(&self, offset: usize) -> Option<&Resolved> {
        self.highlights
            .iter()
            .filter(|m| m.range.as_ref().is_some_and(|r| r.contains(&offset)))
            .max_by_key(|m| m.range.as_ref().map(|r| r.start))
    }

    /// Index of the display line at the top of the reader pane.
    pub fn top_line(&self) -> usize {
        self.layout.line_of_offset(self.top)
    }

    /// Index into the outline of the section being read in a pane `height` rows tall: the one
    /// holding the top line, except once scrolling has brought the article's end on screen,
    /// when the last heading on screen is (no scrolling could bring it to the top). Status
    /// line, outline and outline cursor all ask here, so they agree however the view got there.
    pub fn current_section(&self, height: usize) -> Option<usize> {
        let at = if self.top > 0 && self.shows_end(height) {
            // Everything from the top on is on screen: the last heading at or after the top,
            // or else the top's own section, is the article's last section.
            self.article.char_len
        } else {
            self.top
        };
        self.article.section_at(at)
    }

    /// The offset to save as the reading position with a pane `height` rows tall: the top
    /// line's, or the text's end once the last line is on screen, so an article read to the
    /// end counts as read (100%) and reopens on its last page.
    pub fn bookmark_offset(&self, height: usize) -> usize {
        if self.shows_end(height) {
            self.article.char_len
        } else {
            self.top
        }
    }

    /// Whether the last line is on a screen `height` rows tall (the lines from the top on are
    /// wrapped first, so the answer is exact while the rest of the layout is estimated).
    pub fn shows_end(&self, height: usize) -> bool {
        // One line past the pane made exact too, so an estimate cannot pass for the end.
        self.layout.ensure_around(self.top, 0, height + 1);
        self.top_line() + height >= self.layout.len()
    }

    /// How far through the article the reader is with a pane `height` rows tall, in percent:
    /// the status line's figure, and the library's once the position is saved
    /// ([`crate::reading::percent`] of [`Self::bookmark_offset`]).
    pub fn percent(&self, height: usize) -> u8 {
        crate::reading::percent(self.bookmark_offset(height), self.article.char_len)
    }
}
