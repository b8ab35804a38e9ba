//! Steps shared by the drills that write a note on the night-ferry fixture in a real reader.

use super::pty::Session;

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
