//! Highlights and notes: anchoring them to an article's text, finding them again after the
//! article changed, and keeping them in one JSON file that never loses data.
//!
//! # Using it (TUI and CLI)
//!
//! ```no_run
//! # fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use folio::highlights::{Color, Store};
//! use folio::article::Article;
//!
//! let (mut store, warnings) = Store::open("annotations.json".as_ref())?;
//! for w in &warnings {
//!     eprintln!("{w}"); // plain words: a damaged file was restored, a newer file is read-only
//! }
//! let article = Article::open("article.txt".as_ref())?;
//! let doc = store.document(&article); // found by text hash, then by path; else a new key
//! let id = store.add(&doc, &article, 120..184, Color::Yellow, "my *note*")?; // saved already
//! store.set_note(&id, "a better note")?;
//! store.delete(&id)?; // a tombstone
//! store.undelete(&id)?; // undo
//! for hl in store.resolve(&doc, &article) {
//!     // hl.range: Some(chars) to paint, None for orphans; hl.status says how surely.
//!     println!("{:?} {} {}", hl.range, hl.status, hl.quote);
//! }
//! # Ok(()) }
//! ```
//!
//! Every mutating call ([`Store::add`], [`Store::set_note`], [`Store::set_color`],
//! [`Store::set_tags`], [`Store::delete`], [`Store::undelete`], [`Store::retarget`]) has the
//! change on disk before it returns, or returns an error and changes nothing in memory.
//! [`Store::resolve`] only reads. [`Store::refresh`] resolves and saves what it learnt (the
//! article's path and text, rebased positions of verbatim matches, each status); call it when
//! an article is opened. `retarget` confirms a `review` match or re-places an orphan on a new
//! selection. [`Store::reload`] picks up what other processes saved. [`Store::take_warnings`]
//! yields warnings raised while saving; [`Store::read_only`] says why saves are refused.
//!
//! # Positions
//!
//! Ranges are character (code point) offsets into [`crate::article::Article::text`], start
//! inclusive, end exclusive.
//!
//! # The file
//!
//! `annotations.json` holds `format` (`"folio-annotations"`), `schema_version`, `generation`
//! (bumped by every save), `saved_at`, `saved_by`, and `documents` keyed by a stable document
//! key. Each document has `title`, `paths` (every path it was opened from), `text` (`hash`,
//! `chars`, `parser` of the text last annotated) and `annotations`. Each annotation has `id`
//! (ULID), `created_at`, `updated_at`, `deleted_at` (a tombstone, or null), `color`, `tags`,
//! `note` (Markdown), `target` (`quote {exact, prefix, suffix}`, `position {start, end}`,
//! `section` headings outermost first, `text_hash` of the text `position` refers to),
//! `anchor {status}`, and since schema 2 `role` (see [`Role`]) and `links` (`[{target, kind}]`:
//! the id of another highlight and `supports`, `opposes` or `answers`), both left out when
//! empty. Fields this build does not know are kept through a load and save.
//!
//! # Saving
//!
//! Under an exclusive lock on `annotations.json.lock` (which names its holder's pid, so a
//! waiting process can say for whom it waits), a save takes in what others saved since (the
//! journal's new lines, or the whole file re-read and merged by annotation id when it was
//! replaced: newest `updated_at` wins; a tombstone wins a tie and only an explicit undelete
//! clears it), applies the change, and then either appends it as one line to
//! `annotations.json.journal` (a store of 256 KB or more, see the README) or rewrites the
//! whole file: a temp file in the same folder, fsynced, renamed over the file (through a
//! symbolic link, to the file it leads to), the folder fsynced; only then is the version it
//! replaced kept as `annotations.json.1` (older ones shift to `.2`, `.3`) and the journal
//! removed. [`Store::save_note`] saves a note only over the text the user saw, keeping both
//! texts otherwise; [`Store::highlight`] never doubles a passage; [`Store::pick_up`] takes in
//! what other processes saved. A damaged file is copied to `annotations.json.corrupt-<time>`
//! and replaced by the newest good backup; a file with a newer `schema_version` is shown but
//! never written.

//! # Re-anchoring
//!
//! See [`reanchor`]: verified → moved → fuzzy → review → orphan. Only `verified` and `moved`
//! put a highlight on text equal to its quote; `fuzzy` and `review` are flagged; orphans are
//! listed, never painted.

pub mod anchor;
pub mod argument;
mod backup;
mod disk;
mod error;
mod fields;
pub mod find;
mod fuzzy;
mod identity;
mod journal;
mod lock;
mod merge;
pub mod model;
pub mod reanchor;
pub mod rescue;
mod store;

use std::fmt;
use std::ops::Range;

use jiff::Timestamp;

pub use anchor::{AnchorError, find_quote};
pub use argument::{LinkKind, Role, RolePalette};
pub use error::{StoreError, Warning};
pub use journal::path as journal_path;
pub use lock::{on_wait, stop_waiting};
pub use model::{AnchorStatus, Color, Link};
pub use store::{Added, Imported, NoteSaved, Store, read_other};

/// The stable key of a document in the store.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey(pub String);

/// An annotation's id (a ULID).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HighlightId(pub String);

impl fmt::Display for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for HighlightId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A live highlight placed on an article's current text: what the reader paints and lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub id: HighlightId,
    /// Character range to paint; `None` for an orphan.
    pub range: Option<Range<usize>>,
    pub status: AnchorStatus,
    pub color: Color,
    pub note: String,
    pub tags: Vec<String>,
    /// Its part in the argument, if the user gave it one.
    pub role: Option<Role>,
    /// What it supports, opposes or answers, by id (the target may since have been deleted).
    pub links: Vec<Link>,
    /// The targets of `links` that are no longer live highlights (deleted): shown as such.
    pub dangling: Vec<String>,
    /// Headings around the highlight now (for orphans: where it was), outermost first.
    pub section: Vec<String>,
    /// The text as it was highlighted.
    pub quote: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}
