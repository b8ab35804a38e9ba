//! Saving: under the writers' lock, take in what others saved, apply the change, then append
//! it to the journal as one line, or rewrite the whole file when that is as cheap (a small
//! store) or due (the journal has grown to a quarter of the snapshot, or memory holds what a
//! line cannot say). A store under [`SMALL`] bytes is rewritten on every save, as before the
//! journal existed.

use std::fs;
use std::path::Path;

use jiff::Timestamp;

use super::Store;
use super::txn::Txn;
use crate::atomic;
use crate::highlights::disk::{self, OnDisk, Seen};
use crate::highlights::lock::WriteLock;
use crate::highlights::merge::merge;
use crate::highlights::model::StoreFile;
use crate::highlights::{StoreError, Warning, backup, journal};

/// Below this size a snapshot is rewritten on every save: it costs about what an appended
/// line does, and keeps the file whole for anyone who reads it.
pub const SMALL: u64 = 256 * 1024;

/// What replaying a journal found.
#[derive(Debug, Default)]
pub(super) struct Replayed {
    pub warnings: Vec<Warning>,
    /// Saves taken from it.
    pub records: usize,
    /// It cannot simply be appended to: damaged, or continuing an older snapshot.
    pub rewrite: bool,
    /// Written by a newer folio (its schema).
    pub newer: Option<u64>,
}

/// Lays the journal of the snapshot at `path` (just read into `file`, as `seen` says) over
/// `file`, and records in `seen` where the next line goes. A damaged journal is kept aside
/// and what read of it is used; one that continues an older snapshot (a new one was written
/// but the journal not yet removed) is ignored.
pub(super) fn replay(
    path: &Path,
    file: &mut StoreFile,
    seen: &mut Seen,
) -> Result<Replayed, StoreError> {
    let at = journal::path(path);
    let found = journal::read(&at)?;
    // An older folio reads a journal by its header: lines with roles and links must not go
    // into one whose header says schema 1, so such a journal is folded into a new snapshot.
    let mut out = Replayed {
        newer: found.newer,
        rewrite: found.older,
        ..Replayed::default()
    };
    if let Some(reason) = found.damaged {
        let bytes = fs::read(&at).unwrap_or_default();
        let kept_at = disk::set_aside(&at, &bytes)?;
        out.warnings.push(Warning::JournalDamaged {
            file: at.clone(),
            reason,
            kept_at,
        });
        out.rewrite = true;
    }
    seen.journal_len = 0;
    match found.follows {
        Some(g) if g >= seen.snapshot_generation => {
            for record in &found.records {
                journal::apply(file, record);
            }
            out.records = found.records.len();
            // Over an older snapshot (a backup put back) the lines are laid as merges, newer
            // versions winning; the next save writes them into a new snapshot.
            if g > seen.snapshot_generation {
                out.rewrite = true;
            } else if !out.rewrite {
                seen.journal_len = found.len;
            }
        }
        _ => {}
    }
    Ok(out)
}

impl Store {
    /// Replays the journal over the snapshot just loaded; the warnings are for the user.
    pub(super) fn replay_journal(&mut self) -> Result<Vec<Warning>, StoreError> {
        let replayed = replay(&self.path, &mut self.file, &mut self.seen)?;
        self.rewrite |= replayed.rewrite;
        let mut warnings = replayed.warnings;
        if let Some(version) = replayed.newer {
            self.read_only = Some(format!(
                "its journal was written by a newer folio (schema {version}); update folio to \
                 change notes"
            ));
            warnings.push(Warning::NewerSchema {
                file: journal::path(&self.path),
                version,
            });
        }
        Ok(warnings)
    }

    /// Takes in the journal lines others appended since, when the snapshot is still the one
    /// this store read: `Some(whether there were any)`, or `None` when the snapshot changed
    /// or the journal cannot be followed (replaced, damaged) and must be read afresh.
    pub(super) fn catch_up_journal(&mut self) -> Option<bool> {
        let now = disk::stamp(&self.path);
        if now.is_none() || now != self.seen.snapshot {
            return None;
        }
        let at = journal::path(&self.path);
        if self.seen.journal_len == 0 {
            // Maybe another process started a journal since.
            let found = journal::read(&at).ok()?;
            if found.damaged.is_some() || found.newer.is_some() {
                return None;
            }
            if found.follows != Some(self.seen.snapshot_generation) {
                return Some(false);
            }
            for record in &found.records {
                journal::apply(&mut self.file, record);
            }
            self.seen.journal_len = found.len;
            return Some(!found.records.is_empty());
        }
        let (records, len) = journal::read_from(&at, self.seen.journal_len)?;
        for record in &records {
            journal::apply(&mut self.file, record);
        }
        self.seen.journal_len = len;
        Some(!records.is_empty())
    }

    /// Whether the next save may append to the journal rather than rewrite the snapshot.
    fn journal_has_room(&self) -> bool {
        !self.rewrite
            && self.seen.snapshot_len >= SMALL
            && self.seen.journal_len <= self.seen.snapshot_len / 4
    }

    /// Under the write lock: takes in what others saved, applies `op`, and saves the change
    /// (a journal line, or the whole file replaced atomically after backing up the version it
    /// replaces). On error the change is undone in memory; what others saved stays.
    pub(super) fn commit<T>(
        &mut self,
        op: impl FnOnce(&mut Txn, Timestamp) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if self.folder_refused && WriteLock::acquire(&self.path).is_ok() {
            self.read_only = None;
            self.folder_refused = false;
        }
        if let Some(reason) = &self.read_only {
            return Err(self.refused(reason.clone()));
        }
        if self.detached {
            return apply(&mut self.file, op, Timestamp::now());
        }
        let dir = atomic::parent(&self.path);
        fs::create_dir_all(dir).map_err(|e| StoreError::io("create the folder", dir, e))?;
        let _lock = WriteLock::acquire(&self.path)?;
        atomic::remove_leftovers(&self.path);
        let appending = self.catch_up_journal().is_some() && self.journal_has_room();
        let previous = if appending {
            None
        } else {
            self.read_for_rewrite()?
        };
        let now = Timestamp::now();
        let mut txn = Txn::new(&mut self.file);
        let out = match op(&mut txn, now) {
            Ok(out) => out,
            Err(e) => {
                txn.roll_back();
                return Err(e);
            }
        };
        let generation = txn.file().generation + 1;
        txn.stamp(generation, now);
        let written = if appending && !txn.is_whole() {
            append(&self.path, &mut self.seen, &txn)
        } else {
            rewrite(&self.path, &mut self.seen, txn.file(), previous)
        };
        match written {
            Ok(warning) => {
                self.rewrite &= appending;
                self.pending.extend(warning);
                Ok(out)
            }
            Err(e) => {
                txn.roll_back();
                Err(e)
            }
        }
    }

    /// A refusal to save, saying why.
    fn refused(&self, reason: String) -> StoreError {
        StoreError::ReadOnly {
            path: self.path.clone(),
            reason,
        }
    }

    /// Reads the snapshot and its journal as they are now and merges them with what this
    /// store holds, before a rewrite. Answers with the contents to keep as a backup.
    fn read_for_rewrite(&mut self) -> Result<Option<Vec<u8>>, StoreError> {
        match disk::read(&self.path)? {
            OnDisk::Missing => {
                self.seen = Seen::default();
                Ok(None)
            }
            OnDisk::Good { mut file, bytes } => {
                let mut seen = Seen::now(&self.path, bytes.len(), file.generation);
                let replayed = replay(&self.path, &mut file, &mut seen)?;
                if let Some(version) = replayed.newer {
                    return Err(self.newer_meanwhile(version));
                }
                self.pending.extend(replayed.warnings);
                // The backup holds what the files said together, the journal's saves too.
                let previous = match replayed.records {
                    0 => bytes,
                    _ => encode(&self.path, &file)?,
                };
                self.file = merge(file, &self.file);
                self.seen = seen;
                Ok(Some(previous))
            }
            OnDisk::Newer { version, .. } => Err(self.newer_meanwhile(version)),
            OnDisk::Corrupt { bytes, reason } => {
                // What we hold is the last good state; the damaged bytes are kept aside.
                let kept_at = disk::set_aside(&self.path, &bytes)?;
                self.pending.push(Warning::DamagedOnSave {
                    file: self.path.clone(),
                    reason,
                    kept_at,
                });
                Ok(None)
            }
            OnDisk::NotAFile { reason } => {
                self.read_only = Some(reason.clone());
                Err(self.refused(reason))
            }
        }
    }

    fn newer_meanwhile(&mut self, version: u64) -> StoreError {
        let reason =
            format!("a newer folio (schema {version}) has saved it meanwhile; update folio");
        self.read_only = Some(reason.clone());
        self.refused(reason)
    }
}

/// Applies `op` to `file` in memory only, undoing it on error.
fn apply<T>(
    file: &mut StoreFile,
    op: impl FnOnce(&mut Txn, Timestamp) -> Result<T, StoreError>,
    now: Timestamp,
) -> Result<T, StoreError> {
    let mut txn = Txn::new(file);
    op(&mut txn, now).inspect_err(|_| txn.roll_back())
}

/// The store as the pretty JSON of its snapshot.
fn encode(path: &Path, file: &StoreFile) -> Result<Vec<u8>, StoreError> {
    let mut bytes = serde_json::to_vec_pretty(file).map_err(|source| StoreError::Encode {
        path: path.to_path_buf(),
        source,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Appends the change `txn` made to the journal.
fn append(path: &Path, seen: &mut Seen, txn: &Txn) -> Result<Option<Warning>, StoreError> {
    let at = journal::path(path);
    seen.journal_len = journal::append(
        &at,
        seen.journal_len,
        seen.snapshot_generation,
        &txn.record(),
    )?;
    Ok(None)
}

/// Replaces the snapshot with `file`, then keeps `previous` as the newest backup and removes
/// the journal the new snapshot holds.
fn rewrite(
    path: &Path,
    seen: &mut Seen,
    file: &StoreFile,
    previous: Option<Vec<u8>>,
) -> Result<Option<Warning>, StoreError> {
    let bytes = encode(path, file)?;
    atomic::replace(path, &bytes)?;
    *seen = Seen::now(path, bytes.len(), file.generation);
    journal::remove(&journal::path(path));
    // Only after the save: a failed one must not push the history out of the backups.
    // A crash in between costs one backup, never the store.
    Ok(previous.and_then(|previous| {
        backup::rotate(path, &previous)
            .err()
            .map(|e| Warning::NoBackup {
                file: path.to_path_buf(),
                reason: e.to_string(),
            })
    }))
}
