//! Rescue files: highlight changes that could not be saved in the store, written elsewhere as
//! a small annotations file that names the store it belongs to, so folio finds them again and
//! merges them back (or `folio import FILE` does).
//!
//! A rescue file is an ordinary annotations file holding only the highlights the unsaved
//! changes touched, plus a top-level `rescued_for` field: the store's path.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::merge::merge;
use super::model::StoreFile;
use super::read_other;
use crate::{atomic, refuge};

/// The name a rescue file gets (with `-2`, `-3`… when another store's rescue is there).
const NAME: &str = "folio-unsaved-notes";
/// How many numbered names are tried in a folder.
const SLOTS: usize = 9;
/// The top-level field naming the store a rescue file belongs to.
const FOR_STORE: &str = "rescued_for";

/// The folders a rescue file goes to by default, best first: beside the store (where folio
/// looks anyway), the home folder, the temporary folder.
pub fn folders(store: &Path) -> Vec<PathBuf> {
    refuge::folders(atomic::parent(store))
}

/// Where `store`'s changes go when nobody says otherwise: in the first of [`folders`] where a
/// probe write succeeds (a full disk takes an empty file, so the probe writes some bytes), the
/// first name that is free or already holds a rescue of this store.
pub fn default_path(store: &Path) -> PathBuf {
    let folders = folders(store);
    let writable = folders.iter().find(|f| refuge::takes_writes(f));
    let Some(folder) = writable.or(folders.last()) else {
        return PathBuf::from(format!("{NAME}.json"));
    };
    slot_in(folder, &store_key(store))
}

/// The rescue file's name in `folder` for the store keyed `key`.
fn slot_in(folder: &Path, key: &str) -> PathBuf {
    slots(folder)
        .find(|slot| !slot.exists() || rescued_for(slot).as_deref() == Some(key))
        .unwrap_or_else(|| folder.join(format!("{NAME}.json")))
}

/// Writes `file` (changes to `store`'s highlights) in the first of [`folders`] where writing
/// it succeeds, not only the first that looks writable: a write that fails (a full disk)
/// moves on to the next. Answers with where it went, or what failed in each.
pub fn write_somewhere(store: &Path, file: &StoreFile) -> Result<PathBuf, Vec<String>> {
    let key = store_key(store);
    let places = folders(store)
        .iter()
        .map(|f| slot_in(f, &key))
        .collect::<Vec<_>>();
    refuge::first_that_takes(places, |to| write(store, file.clone(), to)).map(|(to, ())| to)
}

/// The rescue files of `store` in the default folders, with their contents.
pub fn find(store: &Path) -> Vec<(PathBuf, StoreFile)> {
    let key = store_key(store);
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for folder in folders(store) {
        for slot in slots(&folder).filter(|s| s.exists()) {
            let Ok(file) = read_other(&slot) else {
                continue;
            };
            let ours = file.extra.get(FOR_STORE).and_then(|v| v.as_str()) == Some(&key);
            // The home and temporary folders may be the same, or hold the store itself.
            if ours && seen.insert(crate::paths::normalize(&slot)) {
                found.push((slot, file));
            }
        }
    }
    found
}

/// A new annotations file in this folio's schema holding only the highlights of `file` whose
/// ids are in `ids`, and the documents holding them: a rescue of changes to a store written by
/// a newer folio must still be importable by this one, and carries nothing else of that store.
pub fn only(file: StoreFile, ids: &HashSet<String>) -> StoreFile {
    let mut documents = file.documents;
    for doc in documents.values_mut() {
        doc.annotations.retain(|a| ids.contains(&a.id));
    }
    documents.retain(|_, d| !d.annotations.is_empty());
    StoreFile {
        documents,
        ..StoreFile::default()
    }
}

/// Writes `file` (changes to `store`'s highlights) to `to`, merged with the annotations file
/// already there (an earlier rescue); anything else there is left alone and refused.
pub fn write(store: &Path, file: StoreFile, to: &Path) -> Result<(), StoreError> {
    let mut out = if to.exists() {
        merge(read_other(to)?, &file)
    } else {
        file
    };
    out.extra.insert(FOR_STORE.into(), store_key(store).into());
    out.saved_at = Some(jiff::Timestamp::now());
    out.saved_by = format!("folio {}", env!("CARGO_PKG_VERSION"));
    let mut bytes = serde_json::to_vec_pretty(&out).map_err(|source| StoreError::Encode {
        path: to.to_path_buf(),
        source,
    })?;
    bytes.push(b'\n');
    let dir = atomic::parent(to);
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io("create the folder", dir, e))?;
    Ok(atomic::replace(to, &bytes)?)
}

/// `path` with a leading `~` standing for the home folder, as a shell reads it.
pub fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(base)) => base.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

/// The names a rescue file may have in `folder`, in the order they are taken.
fn slots(folder: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    (1..=SLOTS).map(move |n| match n {
        1 => folder.join(format!("{NAME}.json")),
        n => folder.join(format!("{NAME}-{n}.json")),
    })
}

fn rescued_for(path: &Path) -> Option<String> {
    let file = read_other(path).ok()?;
    file.extra.get(FOR_STORE)?.as_str().map(str::to_string)
}

/// One spelling of the store's path, whether or not it (or its folder) exists yet: the
/// nearest existing folder resolved, the rest appended.
fn store_key(store: &Path) -> String {
    let absolute = std::path::absolute(store).unwrap_or_else(|_| store.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut key = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    key.extend(rest.iter().rev());
    key.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::highlights::{Color, Store};

    fn changes(dir: &Path, store: &Path, note: &str) -> StoreFile {
        let path = dir.join("a.txt");
        std::fs::write(
            &path,
            "Title\n\nOne sentence here. Another sentence there.\n",
        )
        .unwrap();
        let a = Article::open(&path).unwrap();
        let mut copy = Store::detached(store);
        let doc = copy.document(&a);
        copy.add(&doc, &a, 7..25, Color::Yellow, note).unwrap();
        copy.file().clone()
    }

    #[test]
    fn a_rescue_names_its_store_adds_to_an_earlier_one_and_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        // The store's folder does not exist: the rescue goes to the next folder.
        let store = dir.path().join("missing/annotations.json");
        let other = dir.path().join("elsewhere/annotations.json");
        let to = dir.path().join(format!("{NAME}.json"));
        write(&store, changes(dir.path(), &store, "one"), &to).unwrap();
        write(&store, changes(dir.path(), &store, "two"), &to).unwrap();
        let back = read_other(&to).unwrap();
        let notes: Vec<&str> = back
            .documents
            .values()
            .flat_map(|d| &d.annotations)
            .map(|a| a.note.as_str())
            .collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(rescued_for(&to), Some(store_key(&store)));
        // The next free name is taken for another store's rescue.
        let second = dir.path().join(format!("{NAME}-2.json"));
        write(&other, changes(dir.path(), &other, "x"), &second).unwrap();
        let in_folder = |s: &Path| {
            slots(dir.path())
                .take_while(|p| p.exists())
                .filter(|p| rescued_for(p) == Some(store_key(s)))
                .count()
        };
        assert_eq!((in_folder(&store), in_folder(&other)), (1, 1));
    }

    #[test]
    fn a_file_that_is_not_annotations_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        let to = dir.path().join("notes.txt");
        std::fs::write(&to, "my own notes").unwrap();
        let refused = write(&store, changes(dir.path(), &store, "n"), &to).unwrap_err();
        assert!(refused.to_string().contains("notes.txt"), "{refused}");
        assert_eq!(std::fs::read_to_string(&to).unwrap(), "my own notes");
    }

    #[test]
    fn issue14_9_a_rescue_from_a_store_of_a_newer_folio_can_be_imported() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        let newer = StoreFile {
            schema_version: crate::highlights::model::SCHEMA_VERSION + 1,
            extra: [("newer_field".to_string(), serde_json::json!(1))]
                .into_iter()
                .collect(),
            ..StoreFile::default()
        };
        std::fs::write(&store, serde_json::to_vec(&newer).unwrap()).unwrap();
        let (read_only, _) = Store::open(&store).unwrap();
        assert!(read_only.read_only().is_some());
        // As the reader does: the changes made on a copy, only those kept, written elsewhere.
        let mut copy = read_only.detached_copy();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Title\n\nOne sentence here.\n").unwrap();
        let a = Article::open(&path).unwrap();
        let doc = copy.document(&a);
        let id = copy.add(&doc, &a, 7..25, Color::Yellow, "kept").unwrap();
        let ids = HashSet::from([id.0]);
        let to = dir.path().join(format!("{NAME}.json"));
        write(&store, only(copy.file().clone(), &ids), &to).unwrap();
        let rescued = read_other(&to).expect("importable by this folio");
        assert!(!rescued.extra.contains_key("newer_field"));
        let (mut elsewhere, _) = Store::open(&dir.path().join("other.json")).unwrap();
        assert_eq!(elsewhere.import(&rescued).unwrap().added, 1);
    }

    #[test]
    fn only_keeps_the_named_highlights() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        let file = changes(dir.path(), &store, "n");
        let id = file.documents.values().next().unwrap().annotations[0]
            .id
            .clone();
        assert_eq!(only(file.clone(), &HashSet::from([id])), file);
        assert!(only(file, &HashSet::new()).documents.is_empty());
    }

    #[test]
    fn the_store_is_named_the_same_before_and_after_its_folder_exists() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("data/annotations.json");
        let before = store_key(&store);
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(&store, "{}").unwrap();
        assert_eq!(store_key(&store), before);
    }
}
