//! What can go wrong with the store (errors) and what the user should be told about it even
//! when folio carries on (warnings).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::anchor::AnchorError;

/// A failed store operation. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{} is read-only for this folio: {reason}", path.display())]
    ReadOnly { path: PathBuf, reason: String },
    #[error("no highlight with id {0} in the store; it may have been removed by hand")]
    NotFound(String),
    #[error("cannot link {from} to {to}: {reason}")]
    BadLink {
        from: String,
        to: String,
        reason: &'static str,
    },
    #[error("could not write {}: {source}", path.display())]
    Encode {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{} is not an annotations file folio can read: {reason}", path.display())]
    NotAnnotations { path: PathBuf, reason: String },
    #[error(transparent)]
    Anchor(#[from] AnchorError),
}

impl From<crate::atomic::Failed> for StoreError {
    fn from(failed: crate::atomic::Failed) -> StoreError {
        StoreError::Io {
            action: failed.action,
            path: failed.path,
            source: failed.source,
        }
    }
}

impl StoreError {
    pub(crate) fn io(action: &'static str, path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Something the user must hear about although the store opened or saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The store was damaged; its bytes were kept and a backup was put in its place.
    Recovered {
        file: PathBuf,
        reason: String,
        kept_at: PathBuf,
        backup: PathBuf,
    },
    /// The store was damaged and no backup could be read: nothing can be saved until the user
    /// repairs or moves the file.
    Unrecoverable {
        file: PathBuf,
        reason: String,
        kept_at: PathBuf,
    },
    /// The store was found damaged while saving; its bytes were kept and the notes this
    /// process had open were saved in its place.
    DamagedOnSave {
        file: PathBuf,
        reason: String,
        kept_at: PathBuf,
    },
    /// A newer folio wrote the store: it is shown but never written.
    NewerSchema { file: PathBuf, version: u64 },
    /// The store is not a regular file (a link to `/dev/null`, a FIFO): never read nor written.
    NotAFile { file: PathBuf, reason: String },
    /// A save succeeded but the version it replaced could not be kept as a backup.
    NoBackup { file: PathBuf, reason: String },
    /// The store's journal had a line that does not read: the saves before it were loaded,
    /// its bytes were kept aside, and the next save rewrites the store whole.
    JournalDamaged {
        file: PathBuf,
        reason: String,
        kept_at: PathBuf,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Recovered {
                file,
                reason,
                kept_at,
                backup,
            } => write!(
                f,
                "{} was damaged ({reason}). Your notes were restored from the backup {}; \
                 changes made after that backup are in the damaged copy kept at {}.",
                file.display(),
                backup.display(),
                kept_at.display()
            ),
            Warning::Unrecoverable {
                file,
                reason,
                kept_at,
            } => write!(
                f,
                "{} is damaged ({reason}) and no backup could be read. A copy is kept at {}. \
                 folio will not save notes until you repair the file or move it away.",
                file.display(),
                kept_at.display()
            ),
            Warning::DamagedOnSave {
                file,
                reason,
                kept_at,
            } => write!(
                f,
                "{} was damaged on disk ({reason}). The notes open in this folio were saved in \
                 its place; the damaged copy is kept at {}.",
                file.display(),
                kept_at.display()
            ),
            Warning::NewerSchema { file, version } => write!(
                f,
                "{} was written by a newer folio (schema {version}). Notes are shown but not \
                 saved; update folio to change them.",
                file.display()
            ),
            Warning::NotAFile { file, reason } => write!(
                f,
                "{}: {reason}. Notes are not saved there; point it at a regular file (or remove \
                 it) to save them.",
                file.display()
            ),
            Warning::JournalDamaged {
                file,
                reason,
                kept_at,
            } => write!(
                f,
                "{} was damaged ({reason}). The saves before the damage were loaded; a copy is \
                 kept at {}.",
                file.display(),
                kept_at.display()
            ),
            Warning::NoBackup { file, reason } => write!(
                f,
                "{} was saved, but the version it replaced could not be kept as a backup \
                 ({reason}).",
                file.display()
            ),
        }
    }
}
