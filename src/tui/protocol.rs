//! What flows between the reader's pure core and its driver: the inputs `update` takes
//! ([`Msg`]), the work it asks for ([`Effect`], carrying every input that work needs, run first
//! in, first out), and the plain values they carry.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::article::Article;
use crate::drafts::Draft;
use crate::highlights::{Color, HighlightId, LinkKind, Resolved, Role, RolePalette};

use super::action::Action;

/// Prefix of the ids the driver gives to highlights the store has not taken yet: such an id
/// means nothing to the next folio.
pub const UNSAVED: &str = "unsaved-";

/// One input to the state machine.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A verb, as a key bound to it would ask.
    Do(Action),
    /// Something for the status line (a failed save, say).
    Notice(String),
    /// The driver loaded the article an [`Effect::Open`] asked for (or failed to); `top` is
    /// the saved reading position, `on_disk` the file as it was when read. `path` is `None`
    /// for an article read from standard input.
    Opened {
        path: Option<PathBuf>,
        result: Result<Box<Article>, String>,
        top: usize,
        on_disk: Option<OnDisk>,
    },
    /// The beginning of a large article, shown while the whole is read and parsed (answered
    /// later with [`Msg::Opened`] for the same path); `top` is where it was left.
    Beginning {
        path: PathBuf,
        article: Box<Article>,
        top: usize,
    },
    /// The open article's file as the driver's last look found it.
    Disk(DiskState),
    /// The driver read the open article's file again, as [`Effect::Reload`] asked.
    Reloaded {
        result: Result<Box<Article>, String>,
        on_disk: Option<OnDisk>,
    },
    /// The highlights of the article with id `article` as the store now has them, plus any
    /// change that could not be saved yet (`problem` says why, in plain words). Ignored when
    /// another article is open by the time it arrives.
    Highlights {
        article: String,
        list: Vec<Resolved>,
        problem: Option<String>,
    },
    /// The text the external editor saved, or why it could not run.
    Edited(Result<Edited, String>),
    /// A left click, `count` times in a row at the same place.
    Click {
        column: u16,
        row: u16,
        count: u8,
    },
    /// A signal (SIGTERM, SIGHUP, SIGINT) ends folio: keep what is unsaved, then quit.
    Stop(i32),
    /// After every save: the highlight changes still not saved, if any.
    Unsaved(Option<Unsaved>),
    /// The unsaved changes were written to another file (where, in plain words), or not (why).
    Rescued(Result<String, String>),
    /// The draft kept for the article just opened, if any, and what was wrong with damaged
    /// drafts found while looking.
    Draft {
        draft: Option<Draft>,
        problems: Vec<String>,
    },
    /// The note being written was kept as a draft in this file, or could not be (why).
    DraftSaved(Result<PathBuf, String>),
    /// What opening the store had to say (a damaged file restored, rescued changes merged,
    /// drafts waiting), for the first screen.
    Opening(Vec<String>),
    /// The live highlights of each library article, by its path, counted once the store
    /// worker had read the store (an article missing here has none).
    Counted(HashMap<PathBuf, usize>),
    /// Every tag used in the store, sorted: what the tag prompt completes from. Sent after
    /// each answer that read or changed the store.
    Tags(Vec<String>),
    /// The store waits for another folio's lock (what it says about the wait); the next
    /// answer from the store ends the wait.
    Waiting(String),
    /// An export ended: where it went, or why not, in plain words.
    Exported(String),
    /// The export at `path` was not overwritten: the user edited it (`why`, in plain words).
    ExportRefused {
        path: PathBuf,
        why: String,
    },
    /// Every live highlight of the library, as [`Effect::LoadLibraryNotes`] asked, or why
    /// the store could not be read.
    LibraryNotes(Result<Vec<LibraryNote>, String>),
}

/// What the external editor saved: its text, and what to tell the user about it (bytes that
/// were not UTF-8, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub notice: Option<String>,
}

/// Work with the outside world that `update` asks the driver to do. Each carries what the
/// work needs, so the driver never looks into the model to run it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Load the article at this path and answer with [`Msg::Opened`].
    Open(PathBuf),
    /// Read the open article's file (at this path) again; answered with [`Msg::Reloaded`].
    Reload(PathBuf),
    /// Remember where the article was left.
    SavePosition(Bookmark),
    /// Read this article's highlights; answered with [`Msg::Highlights`].
    LoadHighlights(Shared),
    /// Change a highlight of this article in the store; answered with [`Msg::Highlights`].
    ChangeHighlight(Shared, HighlightChange),
    /// Export this article's highlights to Markdown, merging with an earlier export; `choice`
    /// says what to do with an earlier export the user edited (none yet: ask). Answered with
    /// [`Msg::Exported`], or [`Msg::ExportRefused`] when that would overwrite what the user
    /// wrote.
    Export {
        article: Shared,
        choice: Option<ExportChoice>,
    },
    /// Let the user edit this note in `$EDITOR`; answered with [`Msg::Edited`].
    EditExternally(String),
    /// Try again to save the unsaved highlight changes; answered with [`Msg::Highlights`] of
    /// this article (or a notice without one), then [`Msg::Unsaved`].
    RetrySave(Option<Shared>),
    /// Write the unsaved highlight changes to this file (by default the rescue file);
    /// answered with [`Msg::Rescued`] when there were any.
    Rescue(Option<PathBuf>),
    /// Keep the note being written as a draft; answered with [`Msg::DraftSaved`].
    SaveDraft(Draft),
    /// Look for a draft of the article with this id (read from this path); answered with
    /// [`Msg::Draft`].
    FindDraft {
        article: String,
        path: Option<PathBuf>,
    },
    /// Remove the draft kept under this name (its note was saved or discarded).
    DropDraft(String),
    /// Read every article's highlights from the store, for the notes list over the whole
    /// library; answered with [`Msg::LibraryNotes`].
    LoadLibraryNotes,
}

/// One live highlight of any article in the store, as the store keeps it: enough to list it,
/// find it by its words, and open its article at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryNote {
    pub id: HighlightId,
    /// The article's title.
    pub title: String,
    /// The article's newest known path, if the store knows one.
    pub path: Option<PathBuf>,
    pub quote: String,
    pub note: String,
    pub tags: Vec<String>,
    pub role: Option<Role>,
}

/// An article the model and the driver's workers share. Two are equal when they are the very
/// same copy: comparing the texts of long articles would cost more than it tells.
#[derive(Clone, Debug)]
pub struct Shared(pub Arc<Article>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Shared {}

/// What to do with an earlier export the user edited (or that folio did not write).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportChoice {
    /// Replace it, keeping the user's version as `FILE.bak`.
    Overwrite,
    /// Leave it alone and write a new file beside it.
    Alongside,
}

/// A change to the open article's highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HighlightChange {
    Add {
        range: Range<usize>,
        color: Color,
        note: String,
    },
    /// A note saved over `seen`, the text the user started from: the store keeps both
    /// texts if another folio changed it meanwhile.
    Note {
        id: HighlightId,
        note: String,
        seen: String,
    },
    Color {
        id: HighlightId,
        color: Color,
    },
    Delete(HighlightId),
    Undelete(HighlightId),
    /// A role given (or taken away, `None`); the role's colour comes with it unless the
    /// user chose one.
    Role {
        id: HighlightId,
        role: Option<Role>,
        /// The colours roles imply.
        palette: RolePalette,
    },
    /// Tag `tag` added to highlight `id` (`on`) or taken away.
    Tag {
        id: HighlightId,
        tag: String,
        on: bool,
    },
    /// Highlight `id` linked to `target` (it supports, opposes or answers it).
    Link {
        id: HighlightId,
        target: HighlightId,
        kind: LinkKind,
    },
}

/// Where an article was left: its id and path, the offset on top and the text's length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bookmark {
    pub article_id: String,
    pub path: Option<PathBuf>,
    pub offset: usize,
    pub chars: usize,
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

/// What tells one version of a file from another without reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// Device and inode: editors that save by renaming a new file over the old one give it a
    /// new inode even when its length and time happen to match.
    pub node: Option<(u64, u64)>,
}

/// How the file on disk stands against the copy on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    Same,
    Changed,
    Removed,
}

/// The file an article was read from, as it was then, and what the last look found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnDisk {
    pub stamp: Stamp,
    /// The hash of the bytes read: a file written again with the same bytes is no change.
    pub digest: blake3::Hash,
    /// When it was read, as local "HH:MM", for the notice once the file is gone.
    pub loaded_at: String,
    pub state: DiskState,
}

impl OnDisk {
    pub fn new(stamp: Stamp, digest: blake3::Hash, loaded_at: String) -> OnDisk {
        OnDisk {
            stamp,
            digest,
            loaded_at,
            state: DiskState::Same,
        }
    }
}
