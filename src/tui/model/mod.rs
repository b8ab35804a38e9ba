//! The reader's whole state: what is open, where the reading position is, what has focus.
//! Positions are character offsets into the article's text; rows exist only while drawing.
//! Plain data and the logic that needs nothing but it: no view, no driver, no IO.

use std::path::PathBuf;

use super::geometry::Panes;
use super::keymap::{Keymap, Mode};
use super::protocol::Unsaved;

pub mod editor;
pub mod file;
pub mod highlights;
pub mod library;
pub mod links;
pub mod list;
mod motion;
pub mod outline;
pub mod reader;
pub mod role_picker;
pub mod search;
pub mod tag_prompt;

pub use editor::NoteEditor;
pub use highlights::{HighlightList, Scope};
pub use library::{Library, LibraryEntry};
pub use list::ListCursor;
pub use outline::Outline;
pub use reader::{Bracket, Focus, Reader, Selection};
pub use role_picker::{PendingRole, RoleTarget};
pub use search::Search;
pub use tag_prompt::TagPrompt;

/// Everything `update` changes and `draw` shows.
#[derive(Debug)]
pub struct Model {
    pub keymap: Keymap,
    /// The widest the text column gets, in columns.
    pub column_width: u16,
    /// Whether a newly opened article shows its outline (when the screen is wide enough).
    pub outline_by_default: bool,
    /// What a newly opened article does with its page furniture (`reader.furniture`).
    pub furniture: crate::layout::Furniture,
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
    /// The highlights list (`A`), when shown.
    pub list: Option<HighlightList>,
    /// The links of the section being read (`U`), when shown.
    pub links: Option<links::LinkList>,
    /// A highlight of another article to go to once that article's highlights arrive
    /// at this path (chosen in the notes list over the whole library).
    pub jump: Option<(PathBuf, crate::highlights::HighlightId)>,
    /// The role picker (`r`), while it waits for a letter.
    pub role_picker: Option<RoleTarget>,
    /// Each role's letter in the picker and the colour it implies.
    pub roles: crate::highlights::RolePalette,
    /// A role waiting for the highlight of a selection to be made.
    pub pending_role: Option<PendingRole>,
    /// The tag prompt (`t`), while a tag is typed.
    pub tag_prompt: Option<TagPrompt>,
    /// Every tag used in the store, sorted: what the tag prompt completes from.
    pub tags_known: Vec<String>,
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
    /// What the driver is doing for the user meanwhile, shown until its answer comes.
    pub working: Working,
    pub quit: bool,
}

impl Model {
    pub fn new(keymap: Keymap, column_width: u16, size: (u16, u16)) -> Model {
        Model {
            keymap,
            column_width,
            outline_by_default: true,
            furniture: crate::layout::Furniture::Fold,
            size,
            library: None,
            reader: None,
            help: None,
            links: None,
            editor: None,
            list: None,
            jump: None,
            role_picker: None,
            roles: Default::default(),
            pending_role: None,
            tag_prompt: None,
            tags_known: Vec::new(),
            message: None,
            unsaved: None,
            quit_prompt: None,
            export_prompt: None,
            farewell: Vec::new(),
            working: Working::default(),
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

    /// Adds `text` to what the status line says until the next key: what arrives together
    /// (a config warning, a damaged store, a draft offered) is said together.
    pub fn say(&mut self, text: &str) {
        self.message = Some(match self.message.take() {
            Some(said) if !said.is_empty() => format!("{said}; {text}"),
            _ => text.to_string(),
        });
    }

    /// Entries the highlights list shows at once (two rows each, inside a border).
    pub fn list_rows(&self) -> usize {
        (usize::from(self.panes().body.height.saturating_sub(2)) / 2).max(1)
    }

    /// The keymap mode for the pane that has focus.
    pub fn mode(&self) -> Mode {
        // The links list is an overlay like help, and takes help's keys.
        if self.help.is_some() || self.links.is_some() {
            return Mode::Help;
        }
        match &self.reader {
            Some(_) if self.editor.is_some() => Mode::Editor,
            Some(_) if self.list.is_some() => Mode::Highlights,
            Some(r) if r.focus == Focus::Outline && self.panes().outline.is_some() => Mode::Outline,
            Some(r) if r.selection.is_some() => Mode::Select,
            Some(_) => Mode::Reader,
            None => Mode::Library,
        }
    }
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

/// Work the driver's workers are doing for the user: an article being read and parsed, an
/// export being written. Set by `update` when it asks for the work, cleared by the answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Working {
    /// The file of the article being opened (or read again).
    pub opening: Option<PathBuf>,
    /// Highlights being exported: how many.
    pub exporting: Option<usize>,
    /// A save waiting for another folio's lock: what the store said about it.
    pub waiting: Option<String>,
}

impl Working {
    /// What the status line says while something is in progress.
    pub fn describe(&self) -> Option<String> {
        let opening = self.opening.as_ref().map(|path| {
            let name = path.file_name().unwrap_or(path.as_os_str());
            format!("opening {}…", name.to_string_lossy())
        });
        let exporting = self
            .exporting
            .map(|n| format!("exporting {n} highlight{}…", if n == 1 { "" } else { "s" }));
        let said: Vec<String> = (opening.into_iter())
            .chain(exporting)
            .chain(self.waiting.clone())
            .collect();
        (!said.is_empty()).then(|| said.join(" · "))
    }
}
