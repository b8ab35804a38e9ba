//! Unit tests of the reader's store side: unsaved changes kept, retried, rescued.

use super::*;
use crate::highlights::{Color, HighlightId, Resolved};
use crate::tui::protocol::UNSAVED;

fn article() -> Arc<Article> {
    let bytes = b"Title\n\nOne sentence here. Another sentence there.\n";
    Arc::new(Article::from_bytes(bytes, None).unwrap())
}

fn listed(listing: Listing) -> (Vec<Resolved>, Option<String>) {
    (listing.list, listing.problem)
}

fn add(at: &str) -> HighlightChange {
    let a = article();
    let start = a.text[..a.text.find(at).unwrap()].chars().count();
    HighlightChange::Add {
        range: start..start + at.chars().count(),
        color: Color::Yellow,
        note: String::new(),
    }
}

/// Highlights whose store's folder is a file, so nothing can be written there; the file.
fn blocked() -> (tempfile::TempDir, PathBuf, Highlights) {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, "not a folder").unwrap();
    let (highlights, _) = Highlights::open(&blocker.join("annotations.json"));
    (dir, blocker, highlights)
}

#[test]
fn a_failed_save_is_kept_shown_and_saved_with_the_next_change() {
    let (_dir, blocker, mut highlights) = blocked();
    let path = blocker.join("annotations.json");
    let a = article();
    let (list, problem) = listed(highlights.change(&a, add("One sentence here.")));
    assert!(problem.unwrap().starts_with("NOT SAVED"));
    assert_eq!(list.len(), 1);
    let local = list[0].id.clone();
    let (list, _) = listed(highlights.change(
        &a,
        HighlightChange::Note {
            id: local,
            note: "kept".into(),
            seen: String::new(),
        },
    ));
    assert_eq!(list[0].note, "kept");
    // The folder appears; the next change saves everything, in order.
    std::fs::remove_file(&blocker).unwrap();
    std::fs::create_dir(&blocker).unwrap();
    let (list, problem) = listed(highlights.change(&a, add("Another sentence there.")));
    assert_eq!(problem, None);
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|m| !m.id.0.starts_with(UNSAVED)));
    let (store, _) = Store::open(&path).unwrap();
    let doc = store.document(&a);
    let saved = store.resolve(&doc, &a);
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[0].note, "kept");
}

#[test]
fn a_change_that_can_never_be_made_is_dropped_not_retried() {
    let dir = tempfile::tempdir().unwrap();
    let (mut highlights, _) = Highlights::open(&dir.path().join("annotations.json"));
    let a = article();
    let gone = HighlightChange::Note {
        id: HighlightId("01NOSUCHID".into()),
        note: "x".into(),
        seen: String::new(),
    };
    let (_, problem) = listed(highlights.change(&a, gone));
    assert!(problem.unwrap().contains("no highlight with id"));
    let (list, problem) = listed(highlights.change(&a, add("One sentence here.")));
    assert_eq!((list.len(), problem), (1, None));
}

#[test]
fn a_delete_is_undone_and_export_writes_then_merges_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let (mut highlights, notices) = Highlights::open(&path);
    assert!(notices.is_empty());
    let a = article();
    let (list, _) = listed(highlights.change(&a, add("One sentence here.")));
    let id = list[0].id.clone();
    let (list, _) = listed(highlights.change(&a, HighlightChange::Delete(id.clone())));
    assert!(list.is_empty());
    let (list, _) = listed(highlights.change(&a, HighlightChange::Undelete(id)));
    assert_eq!(list.len(), 1);
    let exports = dir.path().join("exports");
    let Exported::Said(said) = highlights.export(&a, &exports, None) else {
        panic!("expected a notice");
    };
    assert!(said.starts_with("exported 1 highlight to "), "{said}");
    let written = std::fs::read_dir(&exports)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = std::fs::read_to_string(written.path()).unwrap();
    assert!(text.contains("> One sentence here."), "{text}");
    // A second export merges with the first.
    let Exported::Said(again) = highlights.export(&a, &exports, None) else {
        panic!("expected a notice");
    };
    assert!(again.starts_with("exported"), "{again}");
}

#[test]
fn export_over_an_edited_file_asks_instead_of_naming_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let (mut highlights, _) = Highlights::open(&dir.path().join("annotations.json"));
    let a = article();
    listed(highlights.change(&a, add("One sentence here.")));
    let exports = dir.path().join("exports");
    highlights.export(&a, &exports, None);
    let file = std::fs::read_dir(&exports)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let edited = std::fs::read_to_string(&file)
        .unwrap()
        .replace("> One sentence here.", "> One sentence, edited by me.");
    std::fs::write(&file, &edited).unwrap();
    // Asked, with no command-line flag in the words.
    let Exported::Refused { path, why } = highlights.export(&a, &exports, None) else {
        panic!("expected the question");
    };
    assert_eq!(path, file);
    assert!(!why.contains("--force"), "{why}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    // Beside it: a new file, the edited one untouched.
    let Exported::Said(said) = highlights.export(&a, &exports, Some(ExportChoice::Alongside))
    else {
        panic!("expected a notice");
    };
    assert!(said.contains("-2.md"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    // Overwrite: theirs kept as .bak.
    let Exported::Said(said) = highlights.export(&a, &exports, Some(ExportChoice::Overwrite))
    else {
        panic!("expected a notice");
    };
    assert!(said.starts_with("exported"), "{said}");
    let backup = PathBuf::from(format!("{}.bak", file.display()));
    assert_eq!(std::fs::read_to_string(backup).unwrap(), edited);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("> One sentence here.")
    );
}

#[test]
fn unsaved_changes_are_written_beside_the_store_and_merged_back_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the store's file should be: it cannot be read or written.
    let path = dir.path().join("annotations.json");
    std::fs::create_dir(&path).unwrap();
    let (mut highlights, notices) = Highlights::open(&path);
    assert!(notices[0].contains("annotations.json"), "{notices:?}");
    let a = article();
    let (list, _) = listed(highlights.change(&a, add("One sentence here.")));
    let local = list[0].id.clone();
    highlights.change(
        &a,
        HighlightChange::Note {
            id: local,
            note: "rescued note".into(),
            seen: String::new(),
        },
    );
    let unsaved = highlights.unsaved().expect("two changes wait");
    assert_eq!(unsaved.changes, 2);
    assert!(unsaved.reason.contains("annotations.json"), "{unsaved:?}");
    // By default the rescue goes beside the store, where folio looks for it.
    let rescue = dir.path().join("folio-unsaved-notes.json");
    assert_eq!(unsaved.rescue_to, rescue);
    let said = highlights
        .rescue(None)
        .expect("something to write")
        .unwrap();
    assert!(
        said.contains("2 unsaved changes") && said.contains("folio import"),
        "{said}"
    );
    assert!(highlights.unsaved().is_none());
    assert!(highlights.rescue(None).is_none());

    // Fixed; the next start merges the rescue in and removes it.
    std::fs::remove_dir(&path).unwrap();
    let (mut again, notices) = Highlights::open(&path);
    assert!(notices[0].starts_with("added 1 highlight"), "{notices:?}");
    assert!(!rescue.exists());
    let (list, _) = listed(again.load(&a));
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].note, "rescued note");
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(
        store.resolve(&store.document(&a), &a)[0].note,
        "rescued note"
    );
}

#[test]
fn a_retry_after_the_fix_saves_everything_and_a_rescue_still_failing_says_so() {
    let (_dir, blocker, mut highlights) = blocked();
    let path = blocker.join("annotations.json");
    let a = article();
    highlights.change(&a, add("One sentence here."));
    let said = highlights.retry();
    assert!(
        said.starts_with("NOT SAVED: could not create the folder"),
        "{said}"
    );
    // Another file under the same blocker cannot be written either: said, and kept.
    let refused = highlights.rescue(Some(blocker.join("elsewhere.json")));
    assert!(refused.unwrap().unwrap_err().contains("NOT written"));
    assert_eq!(highlights.unsaved().map(|u| u.changes), Some(1));

    std::fs::remove_file(&blocker).unwrap();
    let said = highlights.retry();
    assert_eq!(said, "all changes to highlights and notes are saved");
    assert!(highlights.unsaved().is_none());
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(store.resolve(&store.document(&a), &a).len(), 1);
}

#[test]
fn unsaved_changes_show_only_on_the_article_they_were_made_on() {
    let (_dir, _, mut highlights) = blocked();
    let a = article();
    highlights.change(&a, add("One sentence here."));
    let other =
        Arc::new(Article::from_bytes(b"Other\n\nOne sentence here. More.\n", None).unwrap());
    let (list, _) = listed(highlights.load(&other));
    assert!(list.is_empty());
}

#[test]
fn unsaved_notes_can_be_written_out_with_their_words_as_a_last_resort() {
    let (_dir, _, mut highlights) = blocked();
    assert_eq!(highlights.unsaved_notes(), None);
    let a = article();
    let (list, _) = listed(highlights.change(&a, add("One sentence here.")));
    assert_eq!(
        highlights.unsaved_notes(),
        None,
        "a highlight without a note"
    );
    highlights.change(
        &a,
        HighlightChange::Note {
            id: list[0].id.clone(),
            note: "first line\nsecond line".into(),
            seen: String::new(),
        },
    );
    let said = highlights.unsaved_notes().expect("one note");
    assert!(
        said.ends_with("\u{201c}One sentence here.\u{201d}\nfirst line\nsecond line"),
        "{said}"
    );
}

#[test]
fn issue19_1_a_reader_sees_a_save_another_folio_appended_to_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let a = article();
    let (mut store, _) = Store::open(&path).unwrap();
    let id = store
        .add(&store.document(&a), &a, 7..25, Color::Yellow, "old")
        .unwrap();
    // Grown past the size under which every save rewrites the file.
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let doc = json["documents"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap();
    let template = doc["annotations"][0].clone();
    for i in 0..1000 {
        let mut copy = template.clone();
        copy["id"] = format!("00000000000000000000{i:06}").into();
        copy["deleted_at"] = "2026-01-01T00:00:00Z".into();
        copy["note"] = "x".repeat(400).into();
        doc["annotations"].as_array_mut().unwrap().push(copy);
    }
    std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    let (mut reader, _) = Highlights::open(&path);
    reader.load(&a);
    let _ = reader.look(&a);
    let snapshot = std::fs::read(&path).unwrap();

    let (mut other, _) = Store::open(&path).unwrap();
    other.set_note(&id, "new").unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        snapshot,
        "saved in the journal"
    );
    let (list, _) = listed(reader.look(&a).expect("the reader noticed the save"));
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].note, "new");
}

#[test]
fn a_note_saved_on_a_passage_highlighted_already_says_so_only_over_another_note() {
    let dir = tempfile::tempdir().unwrap();
    let (mut highlights, _) = Highlights::open(&dir.path().join("annotations.json"));
    let a = article();
    let with_note = |at: &str, text: &str| match add(at) {
        HighlightChange::Add { range, color, .. } => HighlightChange::Add {
            range,
            color,
            note: text.into(),
        },
        _ => unreachable!(),
    };
    // Highlighted without a note a moment before, by this reader: the note is simply its note.
    let (_, problem) = listed(highlights.change(&a, add("One sentence here.")));
    assert_eq!(problem, None);
    let (list, problem) = listed(highlights.change(&a, with_note("One sentence here.", "mine")));
    assert_eq!(problem, None);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].note, "mine");
    // Over another folio's note, the new note goes after it, and that is said.
    let (_, problem) =
        listed(highlights.change(&a, with_note("Another sentence there.", "theirs")));
    assert_eq!(problem, None);
    let (list, problem) =
        listed(highlights.change(&a, with_note("Another sentence there.", "mine")));
    assert!(problem.unwrap().contains("highlighted already"));
    let merged = list.iter().find(|h| h.note.contains("theirs")).unwrap();
    assert_eq!(merged.note, "theirs\n\nmine");
}
