//! Moving annotations between files: a copy of the store kept only in memory (so changes that
//! could not be saved can be written elsewhere) and importing another annotations file.

use std::collections::HashMap;
use std::path::Path;

use jiff::Timestamp;

use super::Store;
use crate::highlights::StoreError;
use crate::highlights::disk::{self, OnDisk};
use crate::highlights::merge::merge;
use crate::highlights::model::StoreFile;

/// What an import brought into the store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Highlights the store did not have.
    pub added: usize,
    /// Highlights the file held a newer version of (an edit, a delete, an undelete).
    pub updated: usize,
}

impl Store {
    /// A copy of this store that lives only in memory: changes to it are made as in the real
    /// store (ids, timestamps, anchors) and never written; [`Store::file`] holds the result.
    pub fn detached_copy(&self) -> Store {
        Store {
            file: self.file.clone(),
            ..Store::blank(&self.path, true)
        }
    }

    /// An empty in-memory store standing for `path`, for when the file could not be opened.
    pub fn detached(path: &Path) -> Store {
        Store::blank(path, true)
    }

    /// Merges `other` (another annotations file: changes folio wrote elsewhere when it could
    /// not save here, or a copy from another machine) into the store by highlight id and
    /// saves. As with any save, the newer version of a highlight wins and deletions stay
    /// deleted, so importing the same file twice changes nothing the second time.
    pub fn import(&mut self, other: &StoreFile) -> Result<Imported, StoreError> {
        self.commit(|txn, _| {
            let file = txn.whole();
            let before = versions(file);
            *file = merge(std::mem::take(file), other);
            let mut imported = Imported::default();
            for (id, version) in versions(file) {
                match before.get(&id) {
                    None => imported.added += 1,
                    Some(old) if *old != version => imported.updated += 1,
                    Some(_) => {}
                }
            }
            Ok(imported)
        })
    }

    /// Shows `other`'s annotations as if they were in the store, without saving them: the
    /// next save that succeeds writes them too.
    pub fn show_unsaved(&mut self, other: &StoreFile) {
        self.file = merge(std::mem::take(&mut self.file), other);
        self.rewrite = true;
    }
}

/// Reads an annotations file other than the store (to import it, or to add to it), with the
/// journal beside it if it has one.
pub fn read_other(path: &Path) -> Result<StoreFile, StoreError> {
    let refuse = |reason: String| StoreError::NotAnnotations {
        path: path.to_path_buf(),
        reason,
    };
    match disk::read(path)? {
        OnDisk::Good { mut file, bytes } => {
            // A large store copied with its journal: the saves in the journal come too.
            let mut seen = disk::Seen::now(path, bytes.len(), file.generation);
            super::save::replay(path, &mut file, &mut seen)?;
            Ok(file)
        }
        OnDisk::Missing => Err(refuse("there is no such file".into())),
        OnDisk::Newer { version, .. } => Err(refuse(format!(
            "it was written by a newer folio (schema {version}); update folio"
        ))),
        OnDisk::Corrupt { reason, .. } | OnDisk::NotAFile { reason } => Err(refuse(reason)),
    }
}

/// Each highlight's version: when it was last changed and whether it is deleted.
fn versions(file: &StoreFile) -> HashMap<String, (Timestamp, bool)> {
    file.documents
        .values()
        .flat_map(|d| &d.annotations)
        .map(|a| (a.id.clone(), (a.updated_at, a.deleted_at.is_some())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::highlights::Color;

    fn article(dir: &Path) -> Article {
        let path = dir.join("a.txt");
        std::fs::write(
            &path,
            "Title\n\nOne sentence here. Another sentence there.\n",
        )
        .unwrap();
        Article::open(&path).unwrap()
    }

    #[test]
    fn a_detached_copy_changes_only_in_memory_and_imports_back_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = article(dir.path());
        let path = dir.path().join("annotations.json");
        let (mut store, _) = Store::open(&path).unwrap();
        let doc = store.document(&a);
        let kept = store.add(&doc, &a, 7..25, Color::Yellow, "old").unwrap();
        let on_disk = std::fs::read(&path).unwrap();

        let mut copy = store.detached_copy();
        let new = copy.add(&doc, &a, 26..48, Color::Blue, "new").unwrap();
        copy.set_note(&kept, "edited").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), on_disk, "nothing written");

        let imported = store.import(copy.file()).unwrap();
        assert_eq!(
            imported,
            Imported {
                added: 1,
                updated: 1
            }
        );
        let notes: Vec<String> = store
            .resolve(&doc, &a)
            .into_iter()
            .map(|r| r.note)
            .collect();
        assert_eq!(notes, ["edited", "new"]);
        assert_eq!(store.import(copy.file()).unwrap(), Imported::default());
        let (reopened, _) = Store::open(&path).unwrap();
        assert!(reopened.annotation(&new).is_some());
    }

    #[test]
    fn unsaved_annotations_are_shown_and_written_by_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let a = article(dir.path());
        let path = dir.path().join("annotations.json");
        let mut elsewhere = Store::detached(&path);
        let doc = elsewhere.document(&a);
        let rescued = elsewhere
            .add(&doc, &a, 7..25, Color::Yellow, "rescued")
            .unwrap();

        let (mut store, _) = Store::open(&path).unwrap();
        store.show_unsaved(elsewhere.file());
        assert!(!path.exists());
        assert_eq!(store.resolve(&doc, &a).len(), 1);
        store.add(&doc, &a, 26..48, Color::Blue, "").unwrap();
        let (reopened, _) = Store::open(&path).unwrap();
        assert!(reopened.annotation(&rescued).is_some());
    }

    #[test]
    fn reading_another_file_refuses_what_is_not_annotations() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.json");
        let missing = read_other(&path).unwrap_err().to_string();
        assert!(missing.contains("no such file"), "{missing}");
        std::fs::write(&path, "{\"some\": \"json\"}").unwrap();
        let wrong = read_other(&path).unwrap_err().to_string();
        assert!(wrong.contains("is not an annotations file"), "{wrong}");
        std::fs::write(&path, serde_json::to_vec(&StoreFile::default()).unwrap()).unwrap();
        assert!(read_other(&path).unwrap().documents.is_empty());
    }
}
