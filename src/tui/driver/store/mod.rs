//! The driver's side of highlights: the store, the changes it could not save yet (kept in
//! memory, shown, tried again with the next change or on request, and written elsewhere
//! rather than lost), and exporting to Markdown. It answers in domain values; the store
//! worker ([`service`]) turns them into messages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::article::Article;
use crate::export::file_name::safe_stem;
use crate::export::from_store::export_doc;
use crate::export::markdown;
use crate::export::merge::merge;
use crate::highlights::{Store, journal_path, rescue};
use crate::library::HighlightCounts;

use super::watch::stamp_of;
use crate::highlights::Resolved;
use crate::tui::protocol::{ExportChoice, HighlightChange, Stamp, Unsaved};
use queue::Queue;

/// The store as the reader uses it.
#[derive(Debug)]
pub struct Highlights {
    path: PathBuf,
    /// `None` until the file could be opened.
    store: Option<Store>,
    /// Changes not on disk yet.
    queue: Queue,
    /// Why the oldest unsaved change could not be saved, in plain words.
    problem: Option<String>,
    /// What opening the file had to say, not shown yet.
    opening: Vec<String>,
    /// The store file and its journal as they were when last looked at, to notice another's
    /// saves. Its own saves change them too: the next look reads once and finds nothing new.
    seen: (Option<Stamp>, Option<Stamp>),
}

/// An article's highlights as the store has them with the unsaved changes laid over them,
/// and what the user must hear about them (a failed save, a damaged file restored).
#[derive(Debug)]
pub struct Listing {
    pub list: Vec<Resolved>,
    pub problem: Option<String>,
}

/// How an export went.
#[derive(Debug, PartialEq, Eq)]
pub enum Exported {
    /// Written, or not for a reason: said in plain words.
    Said(String),
    /// Not written over the earlier export at `path`, which the user edited (`why`).
    Refused { path: PathBuf, why: String },
}

/// The line for the status line after a flush: why it failed, or what the saves had to say.
fn said(flushed: Result<Vec<String>, String>) -> Option<String> {
    match flushed {
        Err(problem) => Some(problem),
        Ok(said) if said.is_empty() => None,
        Ok(said) => Some(said.join("; ")),
    }
}

impl Highlights {
    /// Opens the store at `path` and merges back what an earlier folio had to write elsewhere;
    /// the strings are for the first screen (a damaged file restored from a backup, a newer
    /// file opened read-only, a file that cannot be read, rescued changes found).
    pub fn open(path: &Path) -> (Highlights, Vec<String>) {
        let mut highlights = Highlights {
            path: path.to_path_buf(),
            store: None,
            queue: Queue::default(),
            problem: None,
            opening: Vec::new(),
            seen: (None, None),
        };
        let mut notices = match highlights.store() {
            Ok(_) => highlights.import_rescued(),
            Err(problem) => vec![problem],
        };
        notices.append(&mut highlights.opening);
        (highlights, notices)
    }

    /// The store, opened now if it was not yet.
    fn store(&mut self) -> Result<&mut Store, String> {
        if self.store.is_none() {
            let (store, warnings) = Store::open(&self.path).map_err(|e| e.to_string())?;
            self.opening
                .extend(warnings.iter().map(ToString::to_string));
            self.store = Some(store);
        }
        self.store.as_mut().ok_or_else(|| "no store".to_string())
    }

    /// The live highlights of each of `articles` (id, path), by path; none when the store
    /// could not be opened (opening it said why; it is not tried again here, which could
    /// wait for another folio's lock a second time).
    pub fn counts(&self, articles: &[(Option<String>, PathBuf)]) -> HashMap<PathBuf, usize> {
        let Some(store) = &self.store else {
            return HashMap::new();
        };
        let counts = HighlightCounts::of(store);
        articles
            .iter()
            .map(|(id, path)| (path.clone(), counts.of_article(id.as_deref(), path)))
            .collect()
    }

    /// Every tag used in the store, sorted (none while the store cannot be read).
    pub fn tags_used(&self) -> Vec<String> {
        self.store
            .as_ref()
            .map(Store::tags_used)
            .unwrap_or_default()
    }

    /// The highlights of `article` to show now (saving what waits first).
    pub fn load(&mut self, article: &Article) -> Listing {
        let said = said(self.flush());
        self.listing(article, said)
    }

    /// Tries again to save what waits, with no article open; the answer says how it went.
    pub fn retry(&mut self) -> String {
        match self.flush() {
            Ok(said) if said.is_empty() => {
                "all changes to highlights and notes are saved".to_string()
            }
            Ok(said) => said.join("; "),
            Err(problem) => problem,
        }
    }

    /// Applies `change` (saving it, or keeping it for later) and answers with the list.
    pub fn change(&mut self, article: &Arc<Article>, change: HighlightChange) -> Listing {
        self.queue.push(article, change);
        let said = said(self.flush());
        self.listing(article, said)
    }

    /// Looks whether another folio (a reader, the CLI) saved the store since this one last
    /// read or wrote it, and if so answers with `article`'s highlights as they are now. A
    /// stat when nothing changed.
    pub fn look(&mut self, article: &Article) -> Option<Listing> {
        // A large store's saves go to the journal beside it, so both files are watched.
        let stamp = (
            stamp_of(&self.path).ok(),
            stamp_of(&journal_path(&self.path)).ok(),
        );
        if stamp == self.seen {
            return None;
        }
        self.seen = stamp;
        let store = self.store.as_mut()?;
        store.pick_up().then(|| self.listing(article, None))
    }

    /// The changes still unsaved, why, and where they could be written instead.
    pub fn unsaved(&self) -> Option<Unsaved> {
        if self.queue.is_empty() {
            return None;
        }
        Some(Unsaved {
            changes: self.queue.len(),
            reason: self.problem.clone().unwrap_or_default(),
            rescue_to: rescue::default_path(&self.path),
        })
    }

    /// Saves the queued changes in order. A change that failed for a reason that may pass
    /// (the disk, the lock, a read-only file) stops the saving and stays queued with those
    /// after it; one that can never succeed (its highlight is gone) is dropped and reported.
    /// Saved, the answer is what the user must hear about the changes made (a note in
    /// conflict).
    fn flush(&mut self) -> Result<Vec<String>, String> {
        if self.queue.is_empty() {
            self.problem = None;
            return Ok(Vec::new());
        }
        if let Err(problem) = self.store() {
            return Err(self.not_saved(problem));
        }
        let Some(store) = self.store.as_mut() else {
            return Ok(Vec::new());
        };
        let replayed = self.queue.replay(store);
        self.queue.forget(replayed.done);
        if let Some(error) = replayed.stopped {
            return Err(self.not_saved(error.to_string()));
        }
        self.problem = None;
        if replayed.dropped.is_empty() {
            Ok(replayed.said)
        } else {
            Err([replayed.dropped, replayed.said].concat().join("; "))
        }
    }

    /// Remembers why saving failed and says it for the status line.
    fn not_saved(&mut self, problem: String) -> String {
        let said = format!(
            "NOT SAVED: {problem}. {} change{} kept in memory, tried again with your next \
             change (Ctrl-s: now); q offers to write them elsewhere",
            self.queue.len(),
            if self.queue.len() == 1 { "" } else { "s" }
        );
        self.problem = Some(problem);
        said
    }

    /// The store's highlights of `article` with the unsaved changes laid over them.
    fn listing(&mut self, article: &Article, problem: Option<String>) -> Listing {
        let mut list = match self.store() {
            Ok(store) => {
                let doc = store.document(article);
                store.resolve(&doc, article)
            }
            Err(_) => Vec::new(),
        };
        let mut warnings = std::mem::take(&mut self.opening);
        if let Some(store) = self.store.as_mut() {
            warnings.extend(store.take_warnings().iter().map(ToString::to_string));
        }
        self.queue.overlay(&mut list, article);
        list.sort_by_key(|m| m.range.as_ref().map_or((1, 0), |r| (0, r.start)));
        let problem = match (problem, warnings.is_empty()) {
            (Some(p), _) => Some(p),
            (None, false) => Some(warnings.join("; ")),
            (None, true) => None,
        };
        Listing { list, problem }
    }

    /// Exports `article`'s highlights to Markdown in `folder`, merging with an earlier
    /// export there; the answer says where, or why not. An earlier export the user edited is
    /// replaced or written beside only as `choice` says; without one the answer asks.
    pub fn export(
        &mut self,
        article: &Article,
        folder: &Path,
        choice: Option<ExportChoice>,
    ) -> Exported {
        let unsaved = self.queue.len();
        let store = match self.store() {
            Ok(store) => store,
            Err(problem) => return Exported::Said(format!("not exported: {problem}")),
        };
        let doc = store.document(article);
        let source = article
            .source
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let exported = jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .map(|t| t.to_string())
            .unwrap_or_default();
        let export = export_doc(store, &doc, article, &source, &exported);
        let count = export.highlights.len();
        let mut path = folder.join(format!("{}.md", safe_stem(&article.title)));
        if choice == Some(ExportChoice::Alongside) {
            path = beside(&path);
        }
        let rendered = markdown::render(&export);
        let text = match merged(&path, &rendered, choice) {
            Ok(text) => text,
            Err(not) => return not,
        };
        if let Err(e) = crate::atomic::write(&path, text.as_bytes()) {
            return Exported::Said(format!(
                "not exported: cannot write {}: {e}",
                path.display()
            ));
        }
        let pending = if unsaved > 0 {
            format!(" ({unsaved} unsaved changes left out)")
        } else {
            String::new()
        };
        Exported::Said(format!(
            "exported {count} highlight{} to {}{pending}",
            if count == 1 { "" } else { "s" },
            path.display()
        ))
    }
}

/// The export's new text for the file at `path`: `rendered` merged into the earlier export
/// there, if any. An earlier export the user edited is replaced (theirs kept as `.bak`) only
/// when `choice` says so; without a choice the answer asks.
fn merged(
    path: &Path,
    rendered: &markdown::Rendered,
    choice: Option<ExportChoice>,
) -> Result<String, Exported> {
    let existing = match std::fs::read_to_string(path) {
        Ok(existing) => existing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(rendered.to_file()),
        Err(e) => {
            return Err(Exported::Said(format!(
                "not exported: cannot read the earlier export {}: {e}",
                path.display()
            )));
        }
    };
    match (merge(&existing, rendered, false), choice) {
        (Ok(text), _) => Ok(text),
        (Err(_), Some(ExportChoice::Overwrite)) => {
            let backup = PathBuf::from(format!("{}.bak", path.display()));
            if let Err(e) = crate::atomic::write(&backup, existing.as_bytes()) {
                return Err(Exported::Said(format!(
                    "not exported: cannot keep a backup {}: {e}",
                    backup.display()
                )));
            }
            // Forced, the merge keeps what lies outside folio's part.
            Ok(merge(&existing, rendered, true).unwrap_or_else(|_| rendered.to_file()))
        }
        (Err(refusal), _) => Err(Exported::Refused {
            path: path.to_path_buf(),
            why: refusal.in_reader().to_string(),
        }),
    }
}

/// The first of `FILE-2.md`, `FILE-3.md`, … that does not exist yet.
fn beside(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.md")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

mod library_notes;
mod queue;
mod rescuing;
pub mod service;
#[cfg(test)]
mod tests;
