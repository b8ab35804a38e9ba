//! Rolling backups beside the store (`annotations.json.1` newest … `.3` oldest), made from the
//! last good contents before each save replaces them.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::disk::{self, OnDisk};

/// How many earlier versions are kept.
pub const KEEP: usize = 3;

/// The path of backup `n` (1 = newest).
pub fn backup_path(store: &Path, n: usize) -> PathBuf {
    let name = store.file_name().unwrap_or_default().to_string_lossy();
    store.with_file_name(format!("{name}.{n}"))
}

/// Shifts the backups down one place and writes `good` as the newest. The store itself is not
/// touched, so a crash here loses at most the oldest backup.
pub fn rotate(store: &Path, good: &[u8]) -> Result<(), StoreError> {
    for n in (1..KEEP).rev() {
        let from = backup_path(store, n);
        let to = backup_path(store, n + 1);
        match fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io("rotate the backup", &from, e)),
        }
    }
    Ok(crate::atomic::replace(&backup_path(store, 1), good)?)
}

/// The newest backup that reads as a good store, with its path.
pub fn newest_good(store: &Path) -> Option<(PathBuf, OnDisk)> {
    (1..=KEEP).find_map(|n| {
        let path = backup_path(store, n);
        match disk::read(&path) {
            Ok(found @ OnDisk::Good { .. }) => Some((path, found)),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlights::model::StoreFile;

    fn store_bytes(generation: u64) -> Vec<u8> {
        let file = StoreFile {
            generation,
            ..StoreFile::default()
        };
        serde_json::to_vec(&file).unwrap()
    }

    fn generation_of(path: &Path) -> u64 {
        match disk::read(path).unwrap() {
            OnDisk::Good { file, .. } => file.generation,
            other => panic!("{path:?}: {other:?}"),
        }
    }

    #[test]
    fn rotation_keeps_the_newest_three() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        for generation in 1..=5 {
            rotate(&store, &store_bytes(generation)).unwrap();
        }
        assert_eq!(generation_of(&backup_path(&store, 1)), 5);
        assert_eq!(generation_of(&backup_path(&store, 2)), 4);
        assert_eq!(generation_of(&backup_path(&store, 3)), 3);
        assert!(!backup_path(&store, 4).exists());
    }

    #[test]
    fn newest_good_skips_damaged_backups() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        rotate(&store, &store_bytes(7)).unwrap();
        rotate(&store, b"{\"format\": \"folio-ann").unwrap();
        let (path, found) = newest_good(&store).unwrap();
        assert_eq!(path, backup_path(&store, 2));
        assert!(matches!(found, OnDisk::Good { file, .. } if file.generation == 7));
    }
}
