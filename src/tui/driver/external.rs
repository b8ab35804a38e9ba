//! The note in `$VISUAL` or `$EDITOR`: the terminal is handed over meanwhile and taken back
//! after, and what the editor saved is read back without losing a byte.

use std::io::Stdout;
use std::sync::atomic::Ordering;
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::inputs::{PAUSED, POLL};
use super::terminal::{enter_again, leave};
use crate::tui::protocol::Edited;

/// Hands `text` to `$VISUAL` or `$EDITOR` (else `vi`) in a temporary file, with the terminal
/// back to normal meanwhile, and returns what the editor saved.
pub fn edit_externally(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    text: &str,
) -> Result<Edited, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let file = tempfile::Builder::new()
        .prefix("folio-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot make a temporary file for the editor: {e}"))?;
    std::fs::write(file.path(), text)
        .map_err(|e| format!("cannot write {}: {e}", file.path().display()))?;
    PAUSED.store(true, Ordering::SeqCst);
    // Let a poll already waiting run out, so no keystroke meant for the editor is taken.
    thread::sleep(POLL * 2);
    leave();
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status();
    let back = enter_again(terminal);
    PAUSED.store(false, Ordering::SeqCst);
    back.map_err(|e| format!("cannot restore the screen: {e}"))?;
    match status {
        Ok(s) if s.success() => read_back(file),
        Ok(s) => Err(format!("{editor} exited with {s}; the note is unchanged")),
        Err(e) => Err(format!(
            "cannot run {editor} ({e}); set $EDITOR to your editor"
        )),
    }
}

/// What the editor saved in `file`. Bytes that are not UTF-8 never cost the text: it is taken
/// with U+FFFD in their place, and the file is kept (not deleted) so the bytes can be had.
/// A file that cannot be read is kept too, and named.
fn read_back(file: tempfile::NamedTempFile) -> Result<Edited, String> {
    let bytes = match crate::regular_file::read(file.path()) {
        Ok(bytes) => bytes,
        Err(e) => {
            let shown = file.path().display().to_string();
            let kept = file.keep().map_or_else(
                |_| String::new(),
                |_| "; the editor's file is kept there".to_string(),
            );
            return Err(format!("cannot read back {shown}: {e}{kept}"));
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Edited { text, notice: None }),
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let kept = match file.keep() {
                Ok((_, path)) => format!("the editor's file is kept as {}", path.display()),
                Err(e) => format!("the editor's file could not be kept ({e})"),
            };
            Ok(Edited {
                text,
                notice: Some(format!(
                    "the editor saved bytes that are not UTF-8: each is now the replacement character \u{fffd}; {kept}"
                )),
            })
        }
    }
}
