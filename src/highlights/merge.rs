//! Merging two versions of the store by annotation id, so a save never drops what another
//! process wrote since we loaded: the newest `updated_at` wins, and on a tie a tombstone wins.

use std::collections::HashMap;

use super::identity;
use super::model::{Document, Highlight, StoreFile};

/// `theirs` (read from disk just now, or the store an annotations file is imported into) with
/// everything from `ours` that it lacks or that is newer in `ours`. A document of `ours` goes
/// into the one of `theirs` with its key, else into the one its text and paths identify (an
/// article annotated elsewhere has another key), else it is added. Top-level and document
/// fields not merged by id come from `theirs`.
pub fn merge(mut theirs: StoreFile, ours: &StoreFile) -> StoreFile {
    for (key, doc) in &ours.documents {
        let into = if theirs.documents.contains_key(key) {
            Some(key.clone())
        } else {
            identity::find(&theirs.documents, &doc.text.hash, &doc.paths).cloned()
        };
        match into.and_then(|k| theirs.documents.get_mut(&k)) {
            Some(existing) => merge_document(existing, doc),
            None => {
                theirs.documents.insert(key.clone(), doc.clone());
            }
        }
    }
    identity::coalesce(&mut theirs);
    theirs.generation = theirs.generation.max(ours.generation);
    theirs
}

/// Adds `ours`'s paths and highlights to `theirs`, the newer version of each highlight winning.
pub(super) fn merge_document(theirs: &mut Document, ours: &Document) {
    for path in &ours.paths {
        if !theirs.paths.contains(path) {
            theirs.paths.push(path.clone());
        }
    }
    let mut by_id: HashMap<String, usize> = theirs
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    for ann in &ours.annotations {
        match by_id.get(&ann.id) {
            Some(&i) => {
                if supersedes(ann, &theirs.annotations[i]) {
                    theirs.annotations[i] = ann.clone();
                }
            }
            None => {
                by_id.insert(ann.id.clone(), theirs.annotations.len());
                theirs.annotations.push(ann.clone());
            }
        }
    }
    // ULIDs sort by creation time, which gives a stable, readable order.
    theirs.annotations.sort_by(|a, b| a.id.cmp(&b.id));
}

/// Whether `a` should replace `b`, two versions of the same annotation.
fn supersedes(a: &Highlight, b: &Highlight) -> bool {
    match a.updated_at.cmp(&b.updated_at) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => a.deleted_at.is_some() && b.deleted_at.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlights::model::{AnchorState, Extra, Position, Quote, Target, TextInfo};
    use jiff::Timestamp;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).unwrap()
    }

    fn ann(id: &str, updated: i64, note: &str) -> Highlight {
        Highlight {
            id: id.to_string(),
            created_at: at(0),
            updated_at: at(updated),
            deleted_at: None,
            color: "yellow".to_string(),
            tags: Vec::new(),
            note: note.to_string(),
            role: None,
            links: Vec::new(),
            target: Target {
                quote: Quote {
                    exact: "q".to_string(),
                    prefix: String::new(),
                    suffix: String::new(),
                    extra: Extra::new(),
                },
                position: Position { start: 0, end: 1 },
                section: Vec::new(),
                text_hash: String::new(),
                extra: Extra::new(),
            },
            anchor: AnchorState::default(),
            extra: Extra::new(),
        }
    }

    fn file(paths: &[&str], anns: Vec<Highlight>, generation: u64) -> StoreFile {
        let doc = Document {
            title: "t".to_string(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            text: TextInfo {
                hash: "h".to_string(),
                chars: 1,
                parser: "text".to_string(),
                extra: Extra::new(),
            },
            annotations: anns,
            extra: Extra::new(),
        };
        StoreFile {
            generation,
            documents: [("d".to_string(), doc)].into_iter().collect(),
            ..StoreFile::default()
        }
    }

    fn notes(f: &StoreFile) -> Vec<(String, String, bool)> {
        f.documents["d"]
            .annotations
            .iter()
            .map(|a| (a.id.clone(), a.note.clone(), a.deleted_at.is_some()))
            .collect()
    }

    #[test]
    fn union_by_id_and_newest_edit_wins() {
        let theirs = file(
            &["/a"],
            vec![ann("A", 5, "theirs new"), ann("B", 1, "b")],
            7,
        );
        let ours = file(&["/b"], vec![ann("A", 3, "ours old"), ann("C", 2, "c")], 6);
        let merged = merge(theirs, &ours);
        assert_eq!(merged.generation, 7);
        assert_eq!(merged.documents["d"].paths, ["/a", "/b"]);
        assert_eq!(
            notes(&merged),
            [
                ("A".into(), "theirs new".into(), false),
                ("B".into(), "b".into(), false),
                ("C".into(), "c".into(), false)
            ]
        );
    }

    #[test]
    fn tombstones_beat_older_edits_and_are_never_resurrected_by_stale_copies() {
        let mut dead = ann("A", 5, "x");
        dead.deleted_at = Some(at(5));
        let stale = ann("A", 4, "edited before the delete");
        let merged = merge(file(&[], vec![dead.clone()], 2), &file(&[], vec![stale], 1));
        assert_eq!(notes(&merged), [("A".into(), "x".into(), true)]);

        let tie = ann("A", 5, "same instant");
        let merged = merge(file(&[], vec![tie], 2), &file(&[], vec![dead], 1));
        assert_eq!(notes(&merged), [("A".into(), "x".into(), true)]);
    }

    #[test]
    fn a_newer_undelete_wins_over_the_tombstone() {
        let mut dead = ann("A", 5, "x");
        dead.deleted_at = Some(at(5));
        let undone = ann("A", 6, "x");
        let merged = merge(file(&[], vec![dead], 2), &file(&[], vec![undone], 3));
        assert_eq!(notes(&merged), [("A".into(), "x".into(), false)]);
    }

    #[test]
    fn documents_only_we_know_are_kept() {
        let theirs = StoreFile::default();
        let ours = file(&["/a"], vec![ann("A", 1, "n")], 4);
        let merged = merge(theirs, &ours);
        assert_eq!(notes(&merged), [("A".into(), "n".into(), false)]);
        assert_eq!(merged.generation, 4);
    }

    /// One side's version of annotation `id`: (updated second, deleted, note).
    type Version = Option<(i64, bool, u8)>;

    fn side(versions: &[Version], label: &str) -> StoreFile {
        let anns = versions
            .iter()
            .enumerate()
            .filter_map(|(id, v)| {
                let (updated, deleted, note) = (*v)?;
                let mut a = ann(&id.to_string(), updated, &format!("{label}{note}"));
                a.deleted_at = deleted.then(|| at(updated));
                Some(a)
            })
            .collect();
        file(&[], anns, 1)
    }

    proptest::proptest! {
        #[test]
        fn merge_keeps_every_id_and_the_newest_version_of_each(
            pairs in proptest::collection::vec(
                (
                    proptest::option::of((0..4i64, proptest::bool::ANY, 0..3u8)),
                    proptest::option::of((0..4i64, proptest::bool::ANY, 0..3u8)),
                ),
                1..8,
            )
        ) {
            let (theirs, ours): (Vec<Version>, Vec<Version>) = pairs.iter().copied().unzip();
            let merged = merge(side(&theirs, "t"), &side(&ours, "o"));
            let got: HashMap<String, (String, bool)> = merged.documents["d"]
                .annotations
                .iter()
                .map(|a| (a.id.clone(), (a.note.clone(), a.deleted_at.is_some())))
                .collect();
            for (id, (t, o)) in pairs.iter().enumerate() {
                let expected = match (t, o) {
                    (None, None) => None,
                    (Some(t), None) => Some(("t", t)),
                    (None, Some(o)) => Some(("o", o)),
                    // Newer wins; on a tie a tombstone wins; on a full tie the file on disk.
                    (Some(t), Some(o)) => Some(if (o.0, o.1) > (t.0, t.1) { ("o", o) } else { ("t", t) }),
                };
                let want = expected.map(|(label, v)| (format!("{label}{}", v.2), v.1));
                proptest::prop_assert_eq!(got.get(&id.to_string()).cloned(), want);
            }
        }
    }
}
