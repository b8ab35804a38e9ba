//! End to end: the open article's file is rewritten or removed while folio shows it. The
//! reader keeps the text it loaded, says what happened in the status line, and `R` reloads
//! with the same text on top.

mod support;

use std::path::{Path, PathBuf};

use support::pty::{Session, restored};
use tempfile::TempDir;

/// folio reading a copy of the night-ferry fixture in a fresh home, which the test may then
/// change; its first lines are on screen.
fn open_copy() -> (TempDir, PathBuf, Session) {
    let home = tempfile::tempdir().expect("a temporary home");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/night-ferry.txt");
    let file = home.path().join("night-ferry.txt");
    std::fs::copy(&from, &file).expect("copy the fixture");
    let arg = file.to_string_lossy().into_owned();
    let folio = Session::start(&[&arg], home.path(), (100, 30));
    folio.wait_for("The last boat leaves the north pier");
    (home, file, folio)
}

/// Quits with `q` and checks the exit status and the terminal; `home` goes after folio.
fn quit(mut folio: Session, home: TempDir) {
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);
    drop(home);
}

/// The reader pane's part of row 1 (the first text row), trimmed.
fn pane_top(screen: &vt100::Screen) -> String {
    let row = screen.rows(0, screen.size().1).nth(1).unwrap_or_default();
    row.rsplit('│')
        .next()
        .unwrap_or_default()
        .trim_end_matches([' ', '▐'])
        .trim()
        .to_string()
}

/// Jumps from the start to the second section, "Who Rides at Night".
fn second_section_on_top(folio: &mut Session) {
    folio.send("]");
    folio.wait_until("the second section on top", |s| pane_top(s) == SECOND);
}

const SECOND: &str = "Who Rides at Night";

#[test]
fn a_rewritten_file_is_announced_and_reloaded_in_place() {
    let (home, file, mut folio) = open_copy();
    second_section_on_top(&mut folio);

    // Another program rewrites the file: a paragraph is added near the top.
    let old = std::fs::read_to_string(&file).unwrap();
    let added = "A paragraph written into the file while folio had it open.";
    let new = old.replacen("\n\n", &format!("\n\n{added}\n\n"), 1);
    std::fs::write(&file, new).unwrap();
    folio.wait_for("file changed on disk — press R to reload");
    // The loaded text stays, where it was.
    assert_eq!(pane_top(&folio.screen()), SECOND);
    folio.send("g");
    folio.wait_for("The last boat leaves the north pier");
    assert!(!folio.text().contains(added), "{}", folio.text());
    second_section_on_top(&mut folio);

    // Reloaded: the new text, and the same text still on top.
    folio.send("R");
    folio.wait_for("reloaded the new text from disk");
    assert_eq!(pane_top(&folio.screen()), SECOND);
    assert!(!folio.text().contains("file changed on disk"));
    folio.send("g");
    folio.wait_for(added);

    quit(folio, home);
}

#[test]
fn a_file_saved_again_unchanged_is_not_announced() {
    let (home, file, mut folio) = open_copy();
    // Saved again with the same bytes, as editors save: a new file renamed over the old one.
    let bytes = std::fs::read(&file).unwrap();
    let fresh = file.with_extension("saving");
    std::fs::write(&fresh, &bytes).unwrap();
    std::fs::rename(&fresh, &file).unwrap();
    // The terminal getting the focus back makes folio look at the file at once; the jump is
    // drawn after that look.
    folio.send(FOCUS_IN);
    second_section_on_top(&mut folio);
    assert!(!folio.text().contains("file changed"), "{}", folio.text());

    // Other bytes are still news.
    std::fs::write(&file, [&bytes[..], b"\nOne line more.\n"].concat()).unwrap();
    folio.send(FOCUS_IN);
    folio.wait_for("file changed on disk — press R to reload");

    quit(folio, home);
}

/// What a terminal sends when its window gets the focus back (folio asks for these).
const FOCUS_IN: &str = "\x1b[I";

#[test]
fn a_removed_file_keeps_its_copy_on_screen() {
    let (home, file, mut folio) = open_copy();

    std::fs::remove_file(&file).unwrap();
    folio.wait_for("file was removed — showing the copy loaded at ");
    assert!(folio.text().contains("The last boat leaves the north pier"));
    // Still readable: it scrolls.
    second_section_on_top(&mut folio);
    // Reloading cannot work, says so, and keeps the copy.
    folio.send("R");
    folio.wait_for("cannot reload");
    assert_eq!(pane_top(&folio.screen()), SECOND);

    // Put back (as by an editor's save), it counts as changed, and reloads.
    std::fs::write(
        &file,
        "Notes from the Night Ferry\n\nA much shorter text now.\n",
    )
    .unwrap();
    // A key clears the passing message, which would cover the notice.
    folio.send("k");
    folio.wait_for("file changed on disk — press R to reload");
    folio.send("R");
    folio.wait_for("A much shorter text now.");

    quit(folio, home);
}

/// Issue 15, item 14: a copy of a highlighted article shows the original's highlights (same
/// text), and reading the copy again with `R` keeps showing them.
#[test]
fn highlights_shown_on_a_copied_file_survive_reload() {
    let home = tempfile::tempdir().expect("a temporary home");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/night-ferry.txt");
    let original = home.path().join("night-ferry.txt");
    std::fs::copy(&from, &original).expect("copy the fixture");
    let highlighted = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["highlight", &original.to_string_lossy()])
        .args(["--quote", "a man with a cello case", "--note", "who is he"])
        .env("FOLIO_HOME", home.path().join("folio"))
        .env("HOME", home.path())
        .output()
        .expect("folio highlight");
    assert!(highlighted.status.success(), "{highlighted:?}");
    let copy = home.path().join("copy-of-night-ferry.txt");
    std::fs::copy(&original, &copy).expect("copy the article");

    let arg = copy.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&arg], home.path(), (100, 30));
    folio.wait_for("The last boat leaves the north pier");
    folio.send("A");
    folio.wait_for("who is he");
    folio.send("\x1b");
    folio.wait_until("the list closed", |s| !s.contents().contains("who is he"));
    folio.send("R");
    folio.wait_until("the reload said", |s| s.contents().contains("reloaded"));
    folio.send("A");
    folio.wait_for("who is he");
    folio.send("\x1b");
    folio.wait_until("the list closed", |s| !s.contents().contains("who is he"));
    quit(folio, home);
}
