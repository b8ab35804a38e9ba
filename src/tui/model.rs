//! The reader's whole state: what is open, where the reading position is, what has focus.
//! Positions are character offsets into the article's text; rows exist only while drawing.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::annotate::{AnnotationId, Resolved};
use crate::article::{Article, Section};
use crate::layout::{Folds, Furniture, Layout};
use crate::search::Haystack;

use super::editor::NoteEditor;
use super::geometry::Panes;
use super::keymap::{Keymap, Mode};
use super::ui::theme::Theme;
use super::watch::OnDisk;

/// Everything `update` changes and `draw` shows.
#[derive(Debug)]
pub struct Model {
    pub keymap: Keymap,
    /// Styles, in colour or (under `NO_COLOR`) with text attributes only.
    pub theme: Theme,
    /// The widest the text column gets, in columns.
    pub column_width: u16,
    /// Whether a newly opened article shows its outline (when the screen is wide enough).
    pub outline_by_default: bool,
    /// What a newly opened article does with its page furniture (`reader.furniture`).
    pub furniture: Furniture,
    /// Terminal size (width, height).
    pub size: (u16, u16),
    /// Present when folio was started on a library: `q` in the reader goes back to it.
    pub library: Option<Library>,
    /// The open article, if any; otherwise the library shows.
    pub reader: Option<Reader>,
    /// The help overlay, when shown: its scroll position.
    pub help: Option<usize>,
    /// The note editor, while a note is being written.
    pub editor: Option<NoteEditor>,
    /// The highlights list, when shown.
    pub notes: Option<NotesPanel>,
    /// A one-off note for the status line (cleared by the next key).
    pub message: Option<String>,
    /// Highlight changes the store could not save yet (the driver says after every save).
    pub unsaved: Option<Unsaved>,
    /// The question asked on quitting with unsaved changes, while it is open.
    pub quit_prompt: Option<QuitPrompt>,
    /// The earlier export the user edited, while folio asks what to do with it.
    pub export_prompt: Option<PathBuf>,
    /// What to print once the screen is restored: where a draft or unsaved changes went.
    pub farewell: Vec<String>,
    pub quit: bool,
}

impl Model {
    pub fn new(keymap: Keymap, theme: Theme, column_width: u16, size: (u16, u16)) -> Model {
        Model {
            keymap,
            theme,
            column_width,
            outline_by_default: true,
            furniture: Furniture::Fold,
            size,
            library: None,
            reader: None,
            help: None,
            editor: None,
            notes: None,
            message: None,
            unsaved: None,
            quit_prompt: None,
            export_prompt: None,
            farewell: Vec::new(),
            quit: false,
        }
    }

    /// Where each pane sits on the current screen.
    pub fn panes(&self) -> Panes {
        Panes::compute(
            self.size,
            // An article without headings gives the outline's room to the text.
            self.reader
                .as_ref()
                .is_some_and(|r| r.outline.shown && !r.article.outline.is_empty()),
            self.column_width,
        )
    }

    /// The keymap mode for the pane that has focus.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        match &self.reader {
            Some(_) if self.editor.is_some() => Mode::Editor,
            Some(_) if self.notes.is_some() => Mode::Notes,
            Some(r) if r.focus == Focus::Outline && self.panes().outline.is_some() => Mode::Outline,
            Some(r) if r.selection.is_some() => Mode::Select,
            Some(_) => Mode::Reader,
            None => Mode::Library,
        }
    }
}

/// Highlight changes the store could not save: how many, why, and where they could be
/// written instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved {
    pub changes: usize,
    pub reason: String,
    /// The rescue file offered by default.
    pub rescue_to: PathBuf,
}

/// The question asked when quitting with unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuitPrompt {
    /// Try again, write them to another file, quit without them, or go back.
    Choose,
    /// The file to write them to, as typed so far.
    SaveAs(String),
    /// Quitting without them, asked once more.
    ConfirmQuit,
}

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
    /// The article laid out at the text column's current width, furniture as `folds` says.
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
    pub marks: Vec<Resolved>,
    /// The highlight deleted last, for `u`.
    pub deleted: Option<AnnotationId>,
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

/// The highlights list's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotesPanel {
    /// Index into [`Reader::marks`] of the chosen row.
    pub selected: usize,
    pub scroll: usize,
    /// A highlight with a note that `d` asked to delete, waiting for `y`.
    pub confirm: Option<AnnotationId>,
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
            marks: Vec::new(),
            deleted: None,
            bracket: None,
            pressed: None,
            on_disk: None,
            reloaded: false,
            review_first: false,
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
    pub fn mark_at(&self, offset: usize) -> Option<&Resolved> {
        self.marks
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

/// A search: the query being typed, the matches and the current one.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// The article's text folded for matching, built on the first search.
    pub haystack: Option<Haystack>,
    /// While typing a query: the text so far and the reading position to go back to on Esc.
    pub input: Option<(String, usize)>,
    pub query: String,
    /// Character ranges of every match, in order.
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
    /// Searching backward: the first match is the last one before `from`, and `n` goes up.
    pub backward: bool,
    /// Where a backward search looks up from (the caret when it started).
    pub from: usize,
}

/// The library view: articles to choose from.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// Most recently read first.
    pub entries: Vec<LibraryEntry>,
    /// What the user typed to filter.
    pub filter: String,
    /// Whether the filter is being typed (after `/`): letters go to it, not to the keys.
    pub typing: bool,
    /// Indices into `entries` that pass the filter, best first.
    pub shown: Vec<usize>,
    /// Index into `shown` of the selected row.
    pub selected: usize,
    pub scroll: usize,
    /// What to say when there is nothing to list (how to add articles).
    pub empty_hint: String,
}

impl Library {
    /// A library listing `entries` in the order given, nothing filtered out yet.
    pub fn new(entries: Vec<LibraryEntry>, empty_hint: String) -> Library {
        Library {
            shown: (0..entries.len()).collect(),
            entries,
            empty_hint,
            ..Library::default()
        }
    }
}

/// One article in the library list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub title: String,
    /// Short format name ("text", "markdown", "html").
    pub format: String,
    /// Length in characters.
    pub chars: usize,
    /// Percent read, if it was ever opened.
    pub progress: Option<u8>,
    pub highlights: usize,
}
