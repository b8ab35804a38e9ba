//! The writers' lock: an exclusive OS lock on `annotations.json.lock`, a file beside the store
//! that is never renamed, so every folio process locks the same inode.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Held while a process reads, merges and replaces the store; released on drop.
#[derive(Debug)]
pub struct WriteLock {
    // Closing the file releases the OS lock.
    _file: File,
}

/// The lock file's path for a store at `store`.
pub fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    store.with_file_name(name)
}

impl WriteLock {
    /// Waits until no other process holds the lock for `store`, then takes it.
    pub fn acquire(store: &Path) -> Result<WriteLock, StoreError> {
        let path = lock_path(store);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io("create the lock file", &path, e))?;
        file.lock().map_err(|e| StoreError::io("lock", &path, e))?;
        Ok(WriteLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_sits_beside_the_store_and_is_exclusive() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        assert_eq!(lock_path(&store), dir.path().join("annotations.json.lock"));
        let held = WriteLock::acquire(&store).unwrap();
        let other = File::options().write(true).open(lock_path(&store)).unwrap();
        assert!(other.try_lock().is_err());
        drop(held);
        assert!(other.try_lock().is_ok());
    }
}
