//! Issue 7's drills for notes that must not be lost, driving the real binary in a
//! pseudo-terminal: a data folder that cannot be written (a file where the folder should be,
//! as root ignores permissions), a full disk (a file-size limit: writes fail with EFBIG), and
//! SIGTERM, SIGHUP and SIGINT while a note is being written.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::night_ferry::{self, SENTENCE, write_note};
use support::pty::Session;

const SIZE: (u16, u16) = (100, 30);

fn restored(screen: &vt100::Screen) -> bool {
    !screen.alternate_screen()
        && !screen.hide_cursor()
        && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
}

/// The (quote, note) of every highlight in the annotations file at `path`.
fn stored(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["format"], "folio-annotations");
    json["documents"]
        .as_object()
        .expect("documents")
        .values()
        .flat_map(|d| d["annotations"].as_array().cloned().unwrap_or_default())
        .map(|a| {
            let quote = a["target"]["quote"]["exact"].as_str().unwrap_or_default();
            (
                quote.to_string(),
                a["note"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn one_note(note: &str) -> Vec<(String, String)> {
    vec![(SENTENCE.to_string(), note.to_string())]
}

/// A home whose data folder (FOLIO_HOME) is a regular file, so nothing can be saved.
fn home_with_blocked_data() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().expect("temp home");
    let data = home.path().join("folio");
    std::fs::write(&data, "a file where folio's data folder should be").expect("setup");
    (home, data)
}

/// Writes a note that cannot be saved; checks it is said and still shown from memory.
fn unsaved_note(folio: &mut Session, note: &str) {
    write_note(folio, note);
    folio.send("\x13");
    // The highlight and its note: two changes, both kept.
    folio.wait_for("NOT SAVED: 2 · Ctrl-s retry");
    folio.send("A");
    folio.wait_for(&format!("✎ {note}"));
    folio.send("\x1b");
    folio.wait_until("the list closed", |s| !s.contents().contains("Enter go to"));
}

#[test]
fn a_data_folder_that_cannot_be_written_keeps_the_note_asks_at_quit_and_saves_on_retry() {
    let (home, data) = home_with_blocked_data();
    let mut folio = Session::start(&[&night_ferry::arg()], home.path(), SIZE);
    unsaved_note(&mut folio, "kept in memory");
    folio.send("q");
    folio.wait_for("2 changes to highlights and notes NOT saved");
    folio.wait_for("Why: could not create the folder");
    folio.wait_for("r    try saving again now");
    // Still broken: r keeps the question open (the next key is answered by it).
    folio.send("r");
    folio.send("s");
    folio.wait_for("Enter write and quit");
    folio.send("\x1b");
    folio.wait_for("Esc  back to reading");
    // Fixed by removing the file: the folder is now missing, and folio creates it.
    std::fs::remove_file(&data).expect("fix");
    folio.send("r");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);
    assert_eq!(
        stored(&data.join("annotations.json")),
        one_note("kept in memory")
    );
}

#[test]
fn unsaved_notes_written_to_another_file_come_back_at_the_next_start() {
    let (home, data) = home_with_blocked_data();
    let mut folio = Session::start(&[&night_ferry::arg()], home.path(), SIZE);
    unsaved_note(&mut folio, "rescued note");
    folio.send("q");
    folio.wait_for("s    write them to another file, then quit");
    folio.send("s");
    // The data folder is unusable: the home folder is offered.
    let rescue = home.path().join("folio-unsaved-notes.json");
    folio.wait_for(&format!("> {}▏", rescue.display()));
    folio.send("\r");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);
    folio.wait_for("2 unsaved changes to highlights and notes written to");
    assert_eq!(stored(&rescue), one_note("rescued note"));

    std::fs::remove_file(&data).expect("fix");
    let mut again = Session::start(&[&night_ferry::arg()], home.path(), SIZE);
    again.wait_for("added 1 highlight that an earlier folio could not save");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    assert_eq!(
        stored(&data.join("annotations.json")),
        one_note("rescued note")
    );
    assert!(!rescue.exists(), "merged, then removed");
}

#[test]
fn a_full_disk_keeps_the_note_and_a_retry_saves_it_once_there_is_room_or_skip() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("skipped: prlimit (util-linux) not found, to lift the file-size limit");
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    // Files may grow to 512 bytes only: every save of the store fails with EFBIG, as on a
    // full disk. The soft limit alone, so it can be lifted again from outside.
    let mut folio = Session::start_under(
        "ulimit -S -f 1; trap '' XFSZ",
        &[&night_ferry::arg()],
        home.path(),
        SIZE,
    );
    unsaved_note(&mut folio, "written on a full disk");
    folio.send("q");
    folio.wait_for("2 changes to highlights and notes NOT saved");
    // EFBIG, "File too large", said as the system says it.
    folio.wait_for("(os error 27)");
    // Another file on the same disk fails too: said, and the question stays.
    folio.send("s");
    folio.wait_for("Enter write and quit");
    folio.send("\r");
    folio.wait_for("NOT written elsewhere either");
    folio.send("\x1b");
    folio.wait_for("r    try saving again now");
    let lifted = Command::new("prlimit")
        .args(["--pid", &folio.pid().to_string(), "--fsize=unlimited"])
        .status()
        .expect("run prlimit");
    assert!(lifted.success());
    folio.send("r");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);
    let data = home.path().join("folio");
    assert_eq!(
        stored(&data.join("annotations.json")),
        one_note("written on a full disk")
    );
    assert!(!data.join("folio-unsaved-notes.json").exists());
}

/// Stops folio with `signal` while a note is being written, then restarts it: the note is
/// offered back in the editor, and saving it stores it. With `annotations` (a store that
/// cannot be opened: a folder where the file should be) the new highlight itself is unsaved
/// when the signal comes, and must come back too.
fn a_signal_keeps_the_note(signal: &str, number: u32, annotations: Option<&str>) {
    let home = tempfile::tempdir().expect("temp home");
    let file = night_ferry::arg();
    let mut args: Vec<String> = Vec::new();
    if let Some(name) = annotations {
        let store = home.path().join(name);
        std::fs::create_dir(&store).expect("setup");
        args.extend(["--annotations".into(), store.to_string_lossy().into_owned()]);
    }
    args.push(file);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let note = format!("cut short by SIG{signal}");

    let mut folio = Session::start(&args, home.path(), SIZE);
    write_note(&mut folio, &note);
    folio.signal(signal);
    assert_eq!(
        folio.wait_exit(),
        128 + number,
        "exit status after SIG{signal}"
    );
    folio.wait_until("the terminal restored", restored);
    folio.wait_for("kept as a draft");
    let drafts = home.path().join("folio/drafts");
    assert_eq!(std::fs::read_dir(&drafts).expect("drafts").count(), 1);
    let store = match annotations {
        Some(name) => {
            folio.wait_for("unsaved change to highlights and notes written to");
            let store = home.path().join(name);
            std::fs::remove_dir(&store).expect("fix");
            store
        }
        None => home.path().join("folio/annotations.json"),
    };

    let mut again = Session::start(&args, home.path(), SIZE);
    again.wait_for("restored the note you were writing");
    again.wait_for(&note);
    again.wait_for("Ctrl-s save");
    again.send("\x13");
    again.wait_for(&format!("✎ {note}"));
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    assert_eq!(stored(&store), one_note(&note));
    assert_eq!(
        std::fs::read_dir(&drafts).expect("drafts").count(),
        0,
        "the draft goes once its note is saved"
    );
}

#[test]
fn sigterm_while_writing_a_note_keeps_it_and_the_unsaved_highlight() {
    a_signal_keeps_the_note("TERM", 15, Some("notes.json"));
}

#[test]
fn sighup_while_writing_a_note_keeps_it_as_a_draft() {
    a_signal_keeps_the_note("HUP", 1, None);
}

#[test]
fn sigint_while_writing_a_note_keeps_it_as_a_draft() {
    a_signal_keeps_the_note("INT", 2, None);
}
