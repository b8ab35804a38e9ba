//! The night-ferry fixture and the steps shared by the drills that write a note on it in a
//! real reader.

use std::path::PathBuf;

use super::pty::Session;

/// The sentence [`PHRASE`] stands in.
pub const SENTENCE: &str = "There is, most nights, a man with a cello case who never opens it.";

/// The fixture's path.
pub fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/night-ferry.txt")
}

/// The fixture's path as a command-line argument.
pub fn arg() -> String {
    path().to_string_lossy().into_owned()
}

/// A passage of the fixture that occurs once: the drills search for it and select it.
pub const PHRASE: &str = "a man with a cello case";

/// Searches [`PHRASE`], selects its sentence and types `note` into a new note editor, leaving
/// the editor open (the caller saves, cancels or signals).
pub fn write_note(folio: &mut Session, note: &str) {
    folio.wait_for("The last boat leaves");
    folio.send(&format!("/{PHRASE}\r"));
    folio.wait_for("1/1");
    folio.send("v");
    folio.send("a");
    folio.wait_for("Ctrl-s save");
    folio.send(note);
    folio.wait_for(note);
}
