//! The store: the in-memory annotations plus the rules that put every change on disk before
//! the call returns, merged with whatever other processes saved meanwhile.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};

use super::anchor;
use super::backup;
use super::disk::{self, OnDisk, Seen};
use super::identity;
use super::lock::WriteLock;
use super::merge::merge;
use super::model::{
    AnchorState, AnchorStatus, Color, Document, Extra, Highlight, Link, StoreFile, TextInfo,
};
use super::reanchor;
use super::{DocKey, HighlightId, Resolved, Role, StoreError, Warning};
use crate::article::Article;
use crate::atomic;
use txn::Txn;

/// The annotations file, loaded, with its path and whether this build may write it.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    file: StoreFile,
    /// Why saves are refused, if they are.
    read_only: Option<String>,
    /// Set when the refusal is only because the folder could not be written when the store
    /// opened: a save first checks whether it can be now (permissions fixed, media remounted).
    folder_refused: bool,
    /// A copy held only in memory (see [`Store::detached_copy`]): changes never reach a disk.
    detached: bool,
    /// Warnings raised while saving, for the UI to show.
    pending: Vec<Warning>,
    /// The files on disk as this store last read or wrote them.
    seen: Seen,
    /// The next save rewrites the whole file: memory holds what a journal line cannot say
    /// (changes shown from a rescue, documents folded on loading, a damaged journal).
    rewrite: bool,
}

impl Store {
    /// An empty store for `path`, nothing read yet.
    fn blank(path: &Path, detached: bool) -> Store {
        Store {
            path: path.to_path_buf(),
            file: StoreFile::default(),
            read_only: None,
            folder_refused: false,
            detached,
            pending: Vec::new(),
            seen: Seen::default(),
            rewrite: false,
        }
    }

    /// Opens the store at `path`. A missing file is an empty store; a damaged one is kept aside
    /// and replaced by its newest good backup; a newer one opens read-only. The warnings say
    /// in plain words what happened.
    pub fn open(path: &Path) -> Result<(Store, Vec<Warning>), StoreError> {
        let mut store = Store::blank(path, false);
        if !atomic::parent(path).is_dir() {
            return Ok((store, Vec::new()));
        }
        let _lock = match WriteLock::acquire(path) {
            Ok(lock) => Some(lock),
            // A folder we may not write to (read-only media, another user's files): show the
            // notes, refuse saves.
            Err(StoreError::Io { source, .. }) if is_not_writable(&source) => {
                store.read_only = Some(format!(
                    "its folder cannot be written ({source}); notes are shown but not saved"
                ));
                store.folder_refused = true;
                None
            }
            Err(e) => return Err(e),
        };
        let mut warnings = Vec::new();
        match disk::read(path)? {
            OnDisk::Missing => store.seen = Seen::now(path, 0, 0),
            OnDisk::Good { file, bytes } => {
                store.seen = Seen::now(path, bytes.len(), file.generation);
                store.file = file;
                warnings.extend(store.replay_journal()?);
            }
            OnDisk::Newer { version, file } => {
                store.file = file.unwrap_or_default();
                store.replay_journal()?;
                store.read_only = Some(format!(
                    "it was written by a newer folio (schema {version}); update folio to change notes"
                ));
                warnings.push(Warning::NewerSchema {
                    file: path.to_path_buf(),
                    version,
                });
            }
            OnDisk::Corrupt { bytes, reason } => {
                warnings.push(store.recover(&bytes, reason)?);
            }
            OnDisk::NotAFile { reason } => {
                store.read_only = Some(reason.clone());
                warnings.push(Warning::NotAFile {
                    file: path.to_path_buf(),
                    reason,
                });
            }
        }
        store.fold_twins();
        Ok((store, warnings))
    }

    /// Folds documents of one text into one (see [`identity::coalesce`]); the next save
    /// writes the folded file whole.
    fn fold_twins(&mut self) {
        let before = self.file.documents.len();
        identity::coalesce(&mut self.file);
        self.rewrite |= self.file.documents.len() != before;
    }

    /// Keeps a damaged file's bytes aside and puts the newest good backup in its place.
    fn recover(&mut self, bytes: &[u8], reason: String) -> Result<Warning, StoreError> {
        let kept_at = disk::set_aside(&self.path, bytes)?;
        let file = self.path.clone();
        match backup::newest_good(&self.path) {
            Some((backup, OnDisk::Good { file: good, bytes })) => {
                atomic::replace(&self.path, &bytes)?;
                self.seen = Seen::now(&self.path, bytes.len(), good.generation);
                self.file = good;
                // The journal continued the damaged file: its saves are laid over the backup.
                self.replay_journal()?;
                self.rewrite = true;
                Ok(Warning::Recovered {
                    file,
                    reason,
                    kept_at,
                    backup,
                })
            }
            _ => {
                self.read_only = Some(format!(
                    "it is damaged and no backup could be read; a copy is kept at {}",
                    kept_at.display()
                ));
                Ok(Warning::Unrecoverable {
                    file,
                    reason,
                    kept_at,
                })
            }
        }
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why saves are refused, or `None` when the store is writable.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Warnings raised by saves since the last call (a damaged file found while saving).
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.pending)
    }

    /// The raw contents, as last loaded or saved.
    pub fn file(&self) -> &StoreFile {
        &self.file
    }

    /// The document for `article`: the one whose text has the same hash (the file was renamed
    /// or moved), else the one opened from the same path (the file was edited), else one
    /// holding a highlight made on this very text, else a new key, which [`Store::add`]
    /// creates on first use.
    pub fn document(&self, article: &Article) -> DocKey {
        let docs = &self.file.documents;
        let paths: Vec<String> = path_key(article).into_iter().collect();
        if let Some(key) = identity::find(docs, &article.text_hash, &paths) {
            return DocKey(key.clone());
        }
        // Keys come from the text hash so two processes adding to a new article agree.
        let mut key = article.id.clone();
        let mut n = 1;
        while docs.contains_key(&key) {
            n += 1;
            key = format!("{}-{n}", article.id);
        }
        DocKey(key)
    }

    /// Every document with its key.
    pub fn documents(&self) -> impl Iterator<Item = (DocKey, &Document)> {
        self.file
            .documents
            .iter()
            .map(|(k, d)| (DocKey(k.clone()), d))
    }

    /// Replaces a highlight's note (Markdown) and saves.
    pub fn set_note(&mut self, id: &HighlightId, note: &str) -> Result<(), StoreError> {
        self.edit(id, |a, _| a.note = note.to_string())
    }

    /// Recolours a highlight and saves.
    pub fn set_color(&mut self, id: &HighlightId, color: Color) -> Result<(), StoreError> {
        self.edit(id, |a, _| a.color = color.name().to_string())
    }

    /// Replaces a highlight's tags and saves.
    pub fn set_tags(&mut self, id: &HighlightId, tags: &[String]) -> Result<(), StoreError> {
        self.edit(id, |a, _| a.tags = tags.to_vec())
    }

    /// Deletes a highlight (a tombstone, so merges do not bring it back) and saves.
    pub fn delete(&mut self, id: &HighlightId) -> Result<(), StoreError> {
        self.edit(id, |a, now| a.deleted_at = Some(now))
    }

    /// Undoes a delete and saves.
    pub fn undelete(&mut self, id: &HighlightId) -> Result<(), StoreError> {
        self.edit(id, |a, _| a.deleted_at = None)
    }

    /// Puts a highlight on `range` of the article as it is now (to confirm a `review` match
    /// or re-place an orphan) and saves. Its note, colour and tags stay.
    pub fn retarget(
        &mut self,
        doc: &DocKey,
        article: &Article,
        id: &HighlightId,
        range: Range<usize>,
    ) -> Result<(), StoreError> {
        let target = anchor::target_for(article, range)?;
        self.commit(|txn, now| {
            document_for(txn, doc, article);
            let ann = txn.annotation(id)?;
            ann.target = target;
            ann.anchor = verified();
            ann.updated_at = later(now, ann.updated_at);
            Ok(())
        })
    }

    /// The stored annotation with `id`, deleted or not.
    pub fn annotation(&self, id: &HighlightId) -> Option<&Highlight> {
        self.file
            .documents
            .values()
            .flat_map(|d| &d.annotations)
            .find(|a| a.id == id.0)
    }

    /// The live highlights of a document placed on `article`'s current text, in text order,
    /// orphans last. Reads only; nothing is saved.
    pub fn resolve(&self, doc: &DocKey, article: &Article) -> Vec<Resolved> {
        let Some(document) = self.file.documents.get(&doc.0) else {
            return Vec::new();
        };
        let live: Vec<&Highlight> = document
            .annotations
            .iter()
            .filter(|a| a.deleted_at.is_none())
            .collect();
        let placements = reanchor::place_all(live.iter().map(|a| &a.target), article);
        let gone = self.dead_targets(live.iter().flat_map(|a| &a.links));
        // Many highlights share a section: its path is made once (walking the outline back
        // for each of 10,000 highlights was a tenth of the time to load and verify them).
        let mut paths: HashMap<Option<usize>, Vec<String>> = HashMap::new();
        let mut out: Vec<Resolved> = live
            .into_iter()
            .zip(placements)
            .map(|(a, p)| Resolved {
                id: HighlightId(a.id.clone()),
                section: match &p.range {
                    Some(r) => (paths.entry(article.section_at(r.start)))
                        .or_insert_with(|| article.section_path(r.start))
                        .clone(),
                    None => a.target.section.clone(),
                },
                range: p.range,
                status: p.status,
                color: Color::from_name(&a.color).unwrap_or_default(),
                note: a.note.clone(),
                tags: a.tags.clone(),
                role: a.role.as_deref().and_then(Role::from_name),
                links: a.links.clone(),
                dangling: (a.links.iter())
                    .filter(|l| gone.contains(&l.target))
                    .map(|l| l.target.clone())
                    .collect(),
                quote: a.target.quote.exact.clone(),
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
            .collect();
        out.sort_by(|a, b| {
            let key = |r: &Resolved| r.range.as_ref().map_or(usize::MAX, |r| r.start);
            key(a).cmp(&key(b)).then_with(|| a.id.0.cmp(&b.id.0))
        });
        out
    }

    /// Which of the targets of `links` are not live highlights of the store (deleted, or
    /// never there); the store is walked only when there are links.
    fn dead_targets<'l>(&self, links: impl Iterator<Item = &'l Link>) -> HashSet<String> {
        let targets: HashSet<&str> = links.map(|l| l.target.as_str()).collect();
        if targets.is_empty() {
            return HashSet::new();
        }
        let live: HashSet<&str> = (self.file.documents.values())
            .flat_map(|d| &d.annotations)
            .filter(|a| a.deleted_at.is_none())
            .map(|a| a.id.as_str())
            .collect();
        targets
            .into_iter()
            .filter(|t| !live.contains(t))
            .map(str::to_string)
            .collect()
    }

    /// Takes in what other processes saved since this store last read or wrote its files;
    /// `true` when that changed anything. It does not wait for the lock: a snapshot is
    /// replaced whole, so it is never read half-written, and a journal line being written is
    /// not read until its newline is there. An unchanged snapshot costs a stat and a read of
    /// the journal's new lines. A file that cannot be read now is left for the next save.
    pub fn pick_up(&mut self) -> bool {
        if self.detached {
            return false;
        }
        if let Some(added) = self.catch_up_journal() {
            return added;
        }
        let Some((mut file, mut seen)) = disk::read_changed(&self.path, &self.seen) else {
            return false;
        };
        if save::replay(&self.path, &mut file, &mut seen).is_err() {
            return false;
        }
        let merged = merge(file, &self.file);
        let changed = merged.documents != self.file.documents;
        self.file = merged;
        self.seen = seen;
        changed
    }

    /// Re-reads the file, keeping anything of ours it lacks.
    pub fn reload(&mut self) -> Result<Vec<Warning>, StoreError> {
        let (fresh, warnings) = Store::open(&self.path)?;
        self.file = merge(fresh.file, &self.file);
        self.read_only = fresh.read_only;
        self.folder_refused = fresh.folder_refused;
        self.seen = fresh.seen;
        self.rewrite |= fresh.rewrite;
        Ok(warnings)
    }

    /// Applies `change` to one annotation (found in the merged file) and saves. A tombstone
    /// set by another process stays: only [`Store::undelete`] clears it.
    fn edit(
        &mut self,
        id: &HighlightId,
        change: impl FnOnce(&mut Highlight, Timestamp),
    ) -> Result<(), StoreError> {
        self.commit(|txn, now| {
            let ann = txn.annotation(id)?;
            let now = later(now, ann.updated_at);
            change(ann, now);
            ann.updated_at = now;
            Ok(())
        })
    }
}

fn is_not_writable(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// How a document remembers a path: absolute and with links resolved when possible.
fn path_key(article: &Article) -> Option<String> {
    let source = article.source.as_ref()?;
    let path = fs::canonicalize(source).unwrap_or_else(|_| source.clone());
    Some(path.to_string_lossy().into_owned())
}

/// The document `key`, created if new, updated to describe `article` as it is now.
fn document_for<'t>(txn: &'t mut Txn, key: &DocKey, article: &Article) -> &'t mut Document {
    let text = TextInfo {
        hash: article.text_hash.clone(),
        chars: article.char_len,
        parser: article.format.name().to_string(),
        extra: Extra::new(),
    };
    let doc = txn.document_or(&key.0, || Document {
        title: article.title.clone(),
        paths: Vec::new(),
        text: text.clone(),
        annotations: Vec::new(),
        extra: Extra::new(),
    });
    if doc.text.hash != text.hash {
        doc.text = TextInfo {
            extra: std::mem::take(&mut doc.text.extra),
            ..text
        };
    }
    doc.title.clone_from(&article.title);
    if let Some(path) = path_key(article)
        && !doc.paths.contains(&path)
    {
        doc.paths.push(path);
    }
    doc
}

fn verified() -> AnchorState {
    AnchorState {
        status: AnchorStatus::Verified.name().to_string(),
        extra: Extra::new(),
    }
}

/// `now`, or just after `previous` when the clock reads earlier (clock skew between
/// machines), so an edit always counts as newer than what it edits.
fn later(now: Timestamp, previous: Timestamp) -> Timestamp {
    if now > previous {
        now
    } else {
        previous
            .checked_add(SignedDuration::from_micros(1))
            .unwrap_or(previous)
    }
}

mod argument;
mod highlight;
mod note;
mod refresh;
mod save;
mod tags;
mod transfer;
mod txn;
pub use highlight::Added;
pub use note::NoteSaved;
pub use transfer::{Imported, read_other};
#[cfg(test)]
mod shared;
#[cfg(test)]
mod tests;
#[cfg(all(test, unix))]
mod unwritable;
