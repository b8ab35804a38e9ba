//! Tests of a store that others write too (another folio, the CLI) or that is reached through
//! a link: one highlight per passage, notes saved only over what was seen, links kept.

use std::fs;

use super::tests::{Fixture, TEXT, add, range_of};
use super::*;
use crate::highlights::Color;

#[test]
fn highlighting_a_passage_twice_keeps_one_highlight_and_both_notes() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let mut store = fx.open();
    let doc = store.document(&article);
    let range = range_of(&article, "social commerce");
    let first = store
        .highlight(&doc, &article, range.clone(), Color::Yellow, "FIRST note")
        .unwrap();
    let Added::New(id) = first else {
        panic!("{first:?}")
    };
    // Another process, on the same passage.
    let mut other = fx.open();
    let again = other
        .highlight(&doc, &article, range.clone(), Color::Blue, "SECOND")
        .unwrap();
    assert_eq!(
        again,
        Added::Existing {
            id: id.clone(),
            note_added: true
        }
    );
    let same = other
        .highlight(&doc, &article, range, Color::Blue, "")
        .unwrap();
    assert_eq!(same.into_id(), id);
    let listed = fx.open().resolve(&doc, &article);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].note, "FIRST note\n\nSECOND");
}

#[test]
fn a_note_saved_over_a_note_changed_meanwhile_keeps_both() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let mut one = fx.open();
    let id = add(&mut one, &article, "social commerce", "first");
    let mut two = fx.open();
    // Both started from "first"; two saves, then one.
    assert_eq!(
        two.save_note(&id, "first", "from two").unwrap(),
        NoteSaved::default()
    );
    let saved = one.save_note(&id, "first", "from one").unwrap();
    assert!(saved.conflict, "{saved:?}");
    let note = fx.open().annotation(&id).unwrap().note.clone();
    assert!(
        note.contains("from one") && note.contains("from two"),
        "{note}"
    );
    // Saved over what it now holds, the note is simply replaced.
    let mut three = fx.open();
    assert_eq!(
        three.save_note(&id, &note, "resolved").unwrap(),
        NoteSaved::default()
    );
    assert_eq!(fx.open().annotation(&id).unwrap().note, "resolved");
}

#[test]
fn a_note_saved_onto_a_highlight_deleted_elsewhere_brings_it_back() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let mut one = fx.open();
    let id = add(&mut one, &article, "social commerce", "");
    let mut two = fx.open();
    one.delete(&id).unwrap();
    let saved = two.save_note(&id, "", "written meanwhile").unwrap();
    assert!(saved.restored && !saved.conflict, "{saved:?}");
    let fresh = fx.open();
    let ann = fresh.annotation(&id).unwrap();
    assert_eq!(
        (ann.deleted_at, ann.note.as_str()),
        (None, "written meanwhile")
    );
}

#[test]
fn a_store_picks_up_what_another_saved() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let mut one = fx.open();
    let id = add(&mut one, &article, "social commerce", "old");
    let mut two = fx.open();
    assert!(!two.pick_up());
    one.save_note(&id, "old", "new").unwrap();
    assert!(two.pick_up());
    assert_eq!(two.annotation(&id).unwrap().note, "new");
    assert!(!two.pick_up());
}

#[cfg(unix)]
#[test]
fn symlinked_store_keeps_its_link() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let elsewhere = fx.dir.path().join("synced");
    fs::create_dir_all(&elsewhere).unwrap();
    let real = elsewhere.join("notes.json");
    add(
        &mut Store::open(&real).unwrap().0,
        &article,
        "social commerce",
        "one",
    );
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = fx.store_path();
    fs::create_dir_all(link.parent().unwrap()).unwrap();
    symlink("../synced/notes.json", &link).unwrap();

    let mut store = fx.open();
    add(&mut store, &article, "another thought", "two");
    add(&mut store, &article, "deserves a note", "three");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let (through_target, _) = Store::open(&real).unwrap();
    let doc = through_target.document(&article);
    assert_eq!(through_target.resolve(&doc, &article).len(), 3);
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // No temporary file was left beside the link or the file it leads to.
    for dir in [link.parent().unwrap(), elsewhere.as_path()] {
        for entry in fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name();
            assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_store_linked_to_dev_null_is_refused_never_replaced() {
    use std::os::unix::fs::symlink;
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let link = fx.store_path();
    fs::create_dir_all(link.parent().unwrap()).unwrap();
    symlink("/dev/null", &link).unwrap();

    let (mut store, warnings) = Store::open(&link).unwrap();
    assert!(
        matches!(&warnings[..], [Warning::NotAFile { .. }]),
        "{warnings:?}"
    );
    assert!(warnings[0].to_string().contains("not a regular file"));
    let doc = store.document(&article);
    let refused = store.add(
        &doc,
        &article,
        range_of(&article, "social commerce"),
        Color::Yellow,
        "n",
    );
    let message = refused.unwrap_err().to_string();
    assert!(
        message.contains("/dev/null") && message.contains("not a regular file"),
        "{message}"
    );
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("/dev/null"));

    // A store that was a file when opened and became such a link since: refused as well.
    let fx = Fixture::new();
    let mut store = fx.open();
    add(&mut store, &article, "social commerce", "n");
    fs::remove_file(fx.store_path()).unwrap();
    symlink("/dev/null", fx.store_path()).unwrap();
    let refused = store.add(
        &doc,
        &article,
        range_of(&article, "another thought"),
        Color::Yellow,
        "m",
    );
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("not a regular file")
    );
    assert_eq!(
        fs::read_link(fx.store_path()).unwrap(),
        Path::new("/dev/null")
    );
}
