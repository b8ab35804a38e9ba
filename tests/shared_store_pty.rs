//! Issue 14's drills for a store that several folios write at once, driving the real binary
//! in pseudo-terminals: re-highlighting a passage, a second reader that must not stay stale,
//! two editors on one note, a note saved onto a highlight deleted elsewhere, a held lock.

mod support;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use support::night_ferry::{self, PHRASE, SENTENCE};
use support::pty::Session;

const SIZE: (u16, u16) = (100, 30);

/// A reader on the fixture, its data in `home`.
fn reader(home: &Path) -> Session {
    let folio = Session::start(&[&night_ferry::arg()], home, SIZE);
    folio.wait_for("The last boat leaves");
    folio
}

/// Quits each reader with `q`: each must end well.
fn quit<const N: usize>(readers: [Session; N]) {
    for mut folio in readers {
        folio.send("q");
        assert_eq!(folio.wait_exit(), 0);
    }
}

/// Puts the caret on the sentence about the cello case (from the top, as after `g`).
fn find_sentence(folio: &mut Session) {
    folio.send("g");
    folio.send(&format!("/{PHRASE}\r"));
    folio.wait_for("1/1");
}

/// Selects the sentence and presses `a`: the note editor opens.
fn select_and_annotate(folio: &mut Session) {
    find_sentence(folio);
    folio.send("v");
    folio.send("a");
    folio.wait_for("Ctrl-s save");
}

/// Opens the note editor on the highlight of the sentence.
fn edit_note(folio: &mut Session) {
    find_sentence(folio);
    folio.send("a");
    folio.wait_for("Ctrl-s save");
}

fn store_of(home: &Path) -> PathBuf {
    home.join("folio/annotations.json")
}

/// (quote, note, deleted) of every highlight in the store file at `path`.
fn stored(path: &Path) -> Vec<(String, String, bool)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    json["documents"]
        .as_object()
        .expect("documents")
        .values()
        .flat_map(|d| d["annotations"].as_array().cloned().unwrap_or_default())
        .map(|a| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                text(&a["target"]["quote"]["exact"]),
                text(&a["note"]),
                !a["deleted_at"].is_null(),
            )
        })
        .collect()
}

/// Waits until the store holds exactly `want`; panics with what it holds when it never does.
fn wait_stored(home: &Path, want: &[(&str, &str, bool)]) {
    let want: Vec<(String, String, bool)> = want
        .iter()
        .map(|(q, n, d)| (q.to_string(), n.to_string(), *d))
        .collect();
    let start = Instant::now();
    while stored(&store_of(home)) != want {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the store holds {:#?}, not {want:#?}",
            stored(&store_of(home))
        );
        thread::sleep(Duration::from_millis(50));
    }
}

/// `folio highlight` on the sentence, with `note`: the id it printed.
fn cli_highlight(home: &Path, note: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "highlight",
            &night_ferry::arg(),
            "--quote",
            SENTENCE,
            "--note",
            note,
        ])
        .env("FOLIO_HOME", home.join("folio"))
        .output()
        .expect("run folio highlight");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn rehighlighting_a_passage_edits_its_note() {
    let home = tempfile::tempdir().expect("temp home");
    let mut folio = reader(home.path());
    select_and_annotate(&mut folio);
    folio.send("FIRST note, important");
    folio.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "FIRST note, important", false)]);
    // The same passage again: its note opens, to be edited, not a second highlight.
    select_and_annotate(&mut folio);
    folio.wait_for("highlighted already");
    folio.wait_for("FIRST note, important");
    folio.send(" SECOND");
    folio.send("\x13");
    wait_stored(
        home.path(),
        &[(SENTENCE, "FIRST note, important SECOND", false)],
    );
    // The CLI on the same passage finds that highlight too.
    cli_highlight(home.path(), "");
    wait_stored(
        home.path(),
        &[(SENTENCE, "FIRST note, important SECOND", false)],
    );
    quit([folio]);
}

#[test]
fn rehighlighting_a_passage_the_cli_highlighted_edits_its_note() {
    let home = tempfile::tempdir().expect("temp home");
    cli_highlight(home.path(), "from the CLI");
    let mut folio = reader(home.path());
    select_and_annotate(&mut folio);
    folio.wait_for("from the CLI");
    folio.send(", and more");
    folio.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "from the CLI, and more", false)]);
    quit([folio]);
}

#[test]
fn second_reader_sees_saved_note() {
    let home = tempfile::tempdir().expect("temp home");
    let mut a = reader(home.path());
    let mut b = reader(home.path());
    select_and_annotate(&mut b);
    b.send("from B");
    b.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "from B", false)]);
    // A hears of it without a key pressed: its list shows B's note.
    a.send("A");
    a.wait_for("✎ from B");
    a.send("\x1b");
    a.wait_until("the list closed", |s| !s.contents().contains("✎ from B"));
    // A's editor, open on the note, follows B's next save while nothing is typed in it.
    edit_note(&mut a);
    a.wait_for("from B");
    edit_note(&mut b);
    b.send(", again");
    b.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "from B, again", false)]);
    a.wait_for("another folio changed this note");
    a.wait_for("from B, again");
    a.send(" and A");
    a.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "from B, again and A", false)]);
    quit([a, b]);
}

#[test]
fn both_editors_open_the_second_save_is_told_of_the_conflict() {
    let home = tempfile::tempdir().expect("temp home");
    cli_highlight(home.path(), "base");
    let mut a = reader(home.path());
    let mut b = reader(home.path());
    edit_note(&mut a);
    edit_note(&mut b);
    a.send(" from A");
    b.send(" from B");
    b.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "base from B", false)]);
    a.wait_for("another folio changed this note while you edit it");
    a.send("\x13");
    a.wait_for("NOTE CONFLICT");
    let merged = "<<<<<<< your note\nbase from A\n=======\nbase from B\n\
                  >>>>>>> saved meanwhile by another folio";
    wait_stored(home.path(), &[(SENTENCE, merged, false)]);
    quit([a, b]);
}

#[test]
fn note_saved_onto_a_highlight_deleted_elsewhere_is_restored() {
    let home = tempfile::tempdir().expect("temp home");
    cli_highlight(home.path(), "kept");
    let mut a = reader(home.path());
    let mut b = reader(home.path());
    edit_note(&mut b);
    b.send(", written while A deletes");
    find_sentence(&mut a);
    a.send("d");
    a.wait_for("highlight deleted");
    wait_stored(home.path(), &[(SENTENCE, "kept", true)]);
    b.send("\x13");
    b.wait_for("it is restored with");
    wait_stored(
        home.path(),
        &[(SENTENCE, "kept, written while A deletes", false)],
    );
    quit([a, b]);
}

/// Holds the store's lock as another folio would, naming this process in the lock file.
fn hold_lock(home: &Path) -> File {
    let data = home.join("folio");
    std::fs::create_dir_all(&data).expect("setup");
    let path = data.join("annotations.json.lock");
    let lock = File::create(&path).expect("setup");
    lock.lock().expect("hold the lock");
    std::fs::write(&path, format!("{}\n", std::process::id())).expect("setup");
    lock
}

fn waiting_line() -> String {
    format!("waiting for another folio (pid {})", std::process::id())
}

#[test]
fn a_held_lock_is_shown_and_times_out_into_not_saved() {
    let home = tempfile::tempdir().expect("temp home");
    let lock = hold_lock(home.path());
    let mut folio = Session::start_with_env(
        &[&night_ferry::arg()],
        home.path(),
        SIZE,
        &[("FOLIO_LOCK_TIMEOUT", "3")],
    );
    // Opening the store waits too, said, then gives up and shows the article anyway.
    folio.wait_for(&waiting_line());
    folio.wait_for("The last boat leaves");
    folio.wait_for("has held it for");
    select_and_annotate(&mut folio);
    folio.send("held up");
    folio.send("\x13");
    folio.wait_for(&waiting_line());
    folio.wait_for("NOT SAVED");
    drop(lock);
    folio.send("\x13");
    wait_stored(home.path(), &[(SENTENCE, "held up", false)]);
    quit([folio]);
}

#[test]
fn sigterm_while_waiting_for_the_lock_exits_with_the_note_rescued() {
    let home = tempfile::tempdir().expect("temp home");
    let mut folio = Session::start_with_env(
        &[&night_ferry::arg()],
        home.path(),
        SIZE,
        &[("FOLIO_LOCK_TIMEOUT", "600")],
    );
    folio.wait_for("The last boat leaves");
    select_and_annotate(&mut folio);
    folio.send("rescued from the wait");
    let _lock = hold_lock(home.path());
    folio.send("\x13");
    folio.wait_for(&waiting_line());
    folio.terminate();
    // Well before the 600 s the wait would last.
    assert_eq!(folio.wait_exit(), 128 + 15);
    let rescue = home.path().join("folio/folio-unsaved-notes.json");
    let kept = stored(&rescue);
    assert_eq!(
        kept,
        [(
            SENTENCE.to_string(),
            "rescued from the wait".to_string(),
            false
        )]
    );
}
