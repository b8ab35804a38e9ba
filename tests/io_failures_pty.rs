//! Issue 14's drills for input and output that fail under folio, driving the real binary in a
//! pseudo-terminal: the article swapped for a FIFO or a device while it is open, a full disk
//! under a signal, `$EDITOR` writing bytes that are not UTF-8, bidirectional controls in
//! notes, and a 5 MB article on one line.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::night_ferry::{self, PHRASE, write_note};
use support::pty::{Session, restored};

const SIZE: (u16, u16) = (100, 30);

/// Whether `mkfifo` made a named pipe at `path`.
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn fifo_swapped_for_article_is_refused() {
    let home = tempfile::tempdir().expect("temp home");
    let file = home.path().join("night-ferry.txt");
    std::fs::copy(night_ferry::path(), &file).expect("copy the fixture");
    let arg = file.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&arg], home.path(), SIZE);
    folio.wait_for("The last boat leaves");

    // A named pipe with no writer where the article was: a blocking open would never return.
    std::fs::remove_file(&file).expect("remove");
    if !mkfifo(&file) {
        eprintln!("skipped: mkfifo not available");
        return;
    }
    folio.wait_for("file changed on disk — press R to reload");
    folio.send("R");
    folio.wait_for("is a named pipe (FIFO)");
    // A device that never ends: refused as well, never read.
    std::fs::remove_file(&file).expect("remove the pipe");
    std::os::unix::fs::symlink("/dev/zero", &file).expect("link to /dev/zero");
    folio.send("R");
    folio.wait_for("is a character device");

    // The reader still answers, and a signal still keeps the note being written.
    write_note(&mut folio, "typed over a swapped file");
    folio.terminate();
    assert_eq!(folio.wait_exit(), 128 + 15);
    folio.wait_until("the terminal restored", restored);
    folio.wait_for("kept as a draft");
    let drafts = home.path().join("folio/drafts");
    let kept: Vec<String> = std::fs::read_dir(&drafts)
        .expect("drafts")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("draft"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains("typed over a swapped file"), "{kept:?}");
}

/// Runs `folio ARGS` with its data in `home`; gives up (failing) when it hangs.
fn folio_cli(home: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new("timeout")
        .arg("20")
        .arg(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_HOME", home.join("folio"))
        .env("HOME", home)
        .output()
        .expect("run folio");
    assert_ne!(output.status.code(), Some(124), "folio {args:?} hung");
    output
}

#[test]
fn fifo_or_device_given_to_commands_is_refused() {
    let home = tempfile::tempdir().expect("temp home");
    let pipe = home.path().join("pipe.txt");
    if !mkfifo(&pipe) {
        eprintln!("skipped: mkfifo not available");
        return;
    }
    let pipe = pipe.to_string_lossy().into_owned();
    for args in [
        vec!["outline", "/dev/zero"],
        vec!["render", "/dev/zero"],
        vec!["outline", &pipe],
        vec!["highlight", &pipe, "--quote", "words"],
        vec!["notes", &pipe],
        vec!["export", &pipe],
    ] {
        let output = folio_cli(home.path(), &args);
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?}");
        assert!(said.contains("not a regular file"), "{args:?}: {said}");
    }
}

#[test]
fn editor_output_with_invalid_utf8_is_kept() {
    let home = tempfile::tempdir().expect("temp home");
    // An "editor" that writes a note with one byte that is not UTF-8 (Latin-1 é).
    let editor = home.path().join("latin1-editor");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'written in the editor, caf\\351 au lait\\n' > \"$1\"\n",
    )
    .expect("write the editor");
    let made_executable = Command::new("chmod").arg("+x").arg(&editor).status();
    assert!(made_executable.is_ok_and(|s| s.success()));
    let editor = editor.to_string_lossy().into_owned();
    let file = night_ferry::path().to_string_lossy().into_owned();
    let mut folio = Session::start_with_env(&[&file], home.path(), SIZE, &[("EDITOR", &editor)]);
    write_note(&mut folio, "typed first");
    folio.send("\x05");
    // The text is kept, the bad byte turned into U+FFFD (which vt100 does not show), and the
    // user told where the file is.
    folio.wait_for("written in the editor, caf");
    folio.wait_for("not UTF-8");
    folio.wait_for("file is kept as");
    let kept: Vec<PathBuf> = std::fs::read_dir(std::env::temp_dir())
        .expect("temp dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("folio-note-"))
                && std::fs::read(p).is_ok_and(|b| b.ends_with(b"caf\xe9 au lait\n"))
        })
        .collect();
    assert!(!kept.is_empty(), "the editor's file is kept");
    for path in kept {
        let _ = std::fs::remove_file(path);
    }
    folio.send("\x13");
    folio.wait_until("the editor closed", |s| {
        !s.contents().contains("Ctrl-s save")
    });
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    let store = std::fs::read_to_string(home.path().join("folio/annotations.json")).expect("store");
    assert!(
        store.contains("written in the editor, caf\u{fffd} au lait"),
        "{store}"
    );
}

#[test]
fn bidi_controls_never_reach_the_terminal() {
    let home = tempfile::tempdir().expect("temp home");
    let file = night_ferry::path().to_string_lossy().into_owned();
    // A note (from a script, an import) whose right-to-left override would turn the rest of
    // the line around on a terminal that honours it; and a direction mark.
    let note = "qq\u{202e}zz\u{2067}jj\u{200f}vv";
    let made = folio_cli(
        home.path(),
        &["highlight", &file, "--quote", PHRASE, "--note", note],
    );
    assert!(made.status.success(), "{made:?}");
    let mut folio = Session::start(&[&file], home.path(), SIZE);
    folio.wait_for("The last boat leaves");
    folio.send(&format!("/{PHRASE}\r"));
    folio.wait_for("1/1");
    // The status line names the note under the caret; the list shows it too.
    folio.wait_for("qqzzjjvv");
    let bidi = |s: &str| {
        s.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}'))
    };
    assert!(!bidi(&folio.text()), "{:?}", folio.text());
    folio.send("A");
    folio.wait_for("Esc close");
    folio.wait_for("  ✎ qqzzjjvv");
    assert!(!bidi(&folio.text()), "{:?}", folio.text());
    folio.send("\x1b");
    // Esc and q sent together would read as Alt-q.
    folio.wait_until("the list closed", |s| !s.contents().contains("Esc close"));
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}

/// Whether this machine lets a test mount a small file system of its own (a user and mount
/// namespace, as an unprivileged user may).
fn can_mount_tmpfs() -> bool {
    Command::new("unshare")
        .args(["-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn full_disk_under_a_signal_keeps_the_note_and_changes_elsewhere() {
    if !can_mount_tmpfs() {
        eprintln!("skipped: cannot mount a small tmpfs here (unshare -Urm)");
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let data = home.path().join("folio");
    let tmp = home.path().join("tmp");
    std::fs::create_dir_all(&data).expect("data folder");
    std::fs::create_dir_all(&tmp).expect("temporary folder");
    // The data folder is a 64 KB file system, filled: every write there fails with ENOSPC,
    // while an empty file can still be made. The home folder has room.
    let setup = format!(
        "export TMPDIR='{tmp}'; exec unshare -Urm sh -c \"mount -t tmpfs -o size=64k tmpfs '{data}' \
         && (cat /dev/zero > '{data}/filler' 2>/dev/null; true) && exec \\\"\\$0\\\" \\\"\\$@\\\"\" \"$0\" \"$@\"",
        tmp = tmp.display(),
        data = data.display(),
    );
    let file = night_ferry::path().to_string_lossy().into_owned();
    let mut folio = Session::start_under(&setup, &[&file], home.path(), SIZE);
    write_note(&mut folio, "saved on a full disk");
    folio.send("\x13");
    folio.wait_for("NOT SAVED: 2");
    // The quit box offers the first folder a probe write succeeds in: not the full one.
    folio.send("q");
    folio.wait_for("s    write them to another file, then quit");
    folio.send("s");
    let rescue = home.path().join("folio-unsaved-notes.json");
    folio.wait_for(&format!("> {}", rescue.display()));
    folio.send("\x1b");
    folio.wait_for("Esc  back to reading");
    folio.send("\x1b");
    folio.wait_until("the box closed", |s| {
        !s.contents().contains("Esc  back to reading")
    });
    // Back in the note: more text, then the terminal goes away.
    folio.send("a");
    folio.wait_for("Ctrl-s save");
    folio.send(" and more");
    folio.wait_for("saved on a full disk and more");
    folio.signal("HUP");
    assert_eq!(folio.wait_exit(), 128 + 1);
    folio.wait_until("the terminal restored", restored);
    // Both went where a write succeeded, and the last words say where.
    let draft = std::fs::read_dir(home.path())
        .expect("home")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("folio-draft-"))
        .expect("the draft, in the home folder");
    let draft = std::fs::read_to_string(draft).expect("read the draft");
    assert!(draft.contains("saved on a full disk and more"), "{draft}");
    let rescued = std::fs::read_to_string(&rescue).expect("the rescue file, in the home folder");
    assert!(rescued.contains("saved on a full disk"), "{rescued}");
    folio.wait_for("kept as a draft in");
    folio.wait_for("written to");
}

#[test]
fn huge_one_line_article_keeps_a_bounded_highlight() {
    let home = tempfile::tempdir().expect("temp home");
    // 5 MB on one line with no full stop: the "sentence" under the caret is the whole line.
    let words = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
    let file = home.path().join("one-line.txt");
    let text = format!(
        "One line\n\n{}\n",
        words.repeat(5 * 1024 * 1024 / words.len())
    );
    std::fs::write(&file, &text).expect("write the article");
    let arg = file.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&arg], home.path(), SIZE);
    folio.wait_for("lorem ipsum dolor");
    folio.send("jjj");
    folio.send("v");
    folio.wait_for("selected");
    folio.send("a");
    folio.wait_for("Ctrl-s save");
    folio.send("bounded");
    folio.send("\x13");
    folio.wait_until("the editor closed", |s| {
        !s.contents().contains("Ctrl-s save")
    });
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    // One highlight with its context costs kilobytes, not the megabytes of the line.
    let store =
        std::fs::read_to_string(home.path().join("folio/annotations.json")).expect("the store");
    assert!(
        store.contains("\"note\": \"bounded\""),
        "{}",
        &store[..store.len().min(2000)]
    );
    assert!(
        store.len() < 64 * 1024,
        "the store holds {} bytes",
        store.len()
    );
}
