//! What the last scans learnt about each file, saved as JSON, so a file whose size and
//! modification time are unchanged is not parsed again by the same parsers.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Entry;
use crate::article::PARSER_VERSION;

const FORMAT: &str = "folio-library-cache";

/// The cache could not be saved.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot save the library cache: {source}")]
pub struct CacheError {
    path: PathBuf,
    source: std::io::Error,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: String,
    /// The folio that wrote it, and the version of its parsers: entries another version made
    /// may differ from what this one reads, so they are not trusted.
    folio: String,
    parser: u32,
    entries: Vec<Entry>,
}

/// Entries by path, as last scanned.
#[derive(Debug, Default)]
pub struct Cache {
    file: Option<PathBuf>,
    entries: HashMap<PathBuf, Entry>,
    dirty: bool,
}

impl Cache {
    /// Loads the cache at `path`. Being only a cache, a missing, damaged or outdated file
    /// gives an empty one that the next scan refills.
    pub fn load(path: &Path) -> Cache {
        let entries = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|file| {
                file.format == FORMAT
                    && file.folio == env!("CARGO_PKG_VERSION")
                    && file.parser == PARSER_VERSION
            })
            .map(|file| file.entries)
            .unwrap_or_default();
        Cache {
            file: Some(path.to_path_buf()),
            entries: entries.into_iter().map(|e| (e.path.clone(), e)).collect(),
            dirty: false,
        }
    }

    /// A cache kept in memory only.
    pub fn in_memory() -> Cache {
        Cache::default()
    }

    /// Number of files the cache knows.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for `path` if the file still has the size and modification time it had then.
    pub(super) fn fresh(
        &self,
        path: &Path,
        size: u64,
        mtime: Option<jiff::Timestamp>,
    ) -> Option<&Entry> {
        self.entries
            .get(path)
            .filter(|e| e.size == size && e.mtime == mtime && mtime.is_some())
    }

    pub(super) fn insert(&mut self, entry: Entry) {
        self.entries.insert(entry.path.clone(), entry);
        self.dirty = true;
    }

    /// Forgets files under `roots` that the scan no longer found, so deleted articles do not
    /// pile up; files elsewhere belong to other libraries and stay.
    pub(super) fn forget_missing(&mut self, roots: &[PathBuf], seen: &HashSet<PathBuf>) {
        let before = self.entries.len();
        self.entries
            .retain(|path, _| seen.contains(path) || !roots.iter().any(|r| path.starts_with(r)));
        self.dirty |= self.entries.len() != before;
    }

    /// Writes the cache if it changed, atomically.
    pub fn save(&mut self) -> Result<(), CacheError> {
        let Some(path) = &self.file else {
            return Ok(());
        };
        if !self.dirty {
            return Ok(());
        }
        let mut entries: Vec<Entry> = self.entries.values().cloned().collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let file = CacheFile {
            format: FORMAT.to_string(),
            folio: env!("CARGO_PKG_VERSION").to_string(),
            parser: PARSER_VERSION,
            entries,
        };
        let error = |source| CacheError {
            path: path.clone(),
            source,
        };
        let json = serde_json::to_vec(&file).map_err(|e| error(e.into()))?;
        crate::atomic::write(path, &json).map_err(error)?;
        self.dirty = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    #[test]
    fn entries_from_other_parsers_are_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("library-cache.json");
        let mut cache = Cache::load(&path);
        cache.insert(Entry {
            path: tmp.path().join("a.md"),
            title: "A".into(),
            format: Format::Markdown,
            chars: 1,
            id: Some("0123".into()),
            size: 1,
            mtime: Some(jiff::Timestamp::UNIX_EPOCH),
            error: None,
        });
        cache.save().unwrap();
        assert_eq!(Cache::load(&path).len(), 1);
        // The same cache, as a folio of the same version with other parsers wrote it.
        let mut file: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        file["parser"] = (PARSER_VERSION + 1).into();
        std::fs::write(&path, file.to_string()).unwrap();
        assert!(Cache::load(&path).is_empty());
    }
}
