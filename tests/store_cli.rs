//! Issue 14's store drills for the CLI, driving the real binary: one highlight per passage,
//! links and devices in place of the store, failed saves and the backups, a held lock.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/night-ferry.txt"
);
const QUOTE: &str = "a man with a cello case";

/// A scratch FOLIO_HOME holding a copy of the fixture as `a.txt`.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("test setup");
    fs::copy(FIXTURE, dir.path().join("a.txt")).expect("test setup");
    dir
}

/// `folio ARGS` with `home` as FOLIO_HOME, run through `sh -c 'SETUP; exec folio ARGS'`.
fn folio_under(setup: &str, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("{setup}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_HOME", home)
        .current_dir(home);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run folio")
}

fn folio(home: &Path, args: &[&str]) -> Output {
    folio_under(":", home, args, &[])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `folio highlight a.txt --quote QUOTE --note NOTE`, which must succeed: the id it printed.
fn highlight(home: &Path, quote: &str, note: &str) -> String {
    let out = folio(
        home,
        &["highlight", "a.txt", "--quote", quote, "--note", note],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Every annotation in the store file at `path`.
fn annotations(path: &Path) -> Vec<Value> {
    let json: Value = serde_json::from_slice(&fs::read(path).expect("the store")).expect("JSON");
    json["documents"]
        .as_object()
        .expect("documents")
        .values()
        .flat_map(|d| d["annotations"].as_array().cloned().unwrap_or_default())
        .collect()
}

fn generation(path: &Path) -> u64 {
    let json: Value = serde_json::from_slice(&fs::read(path).expect("a file")).expect("JSON");
    json["generation"].as_u64().expect("a generation")
}

fn backup(store: &Path, n: usize) -> PathBuf {
    store.with_file_name(format!("annotations.json.{n}"))
}

#[test]
fn highlighting_the_same_quote_twice_reuses_the_highlight() {
    let home = scratch();
    let first = highlight(home.path(), QUOTE, "FIRST note, important");
    let out = folio(
        home.path(),
        &["highlight", "a.txt", "--quote", QUOTE, "--note", "SECOND"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), first);
    assert!(
        stderr(&out).contains("highlighted already"),
        "{}",
        stderr(&out)
    );
    let again = highlight(home.path(), QUOTE, "");
    assert_eq!(again, first);
    let all = annotations(&home.path().join("annotations.json"));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["note"], "FIRST note, important\n\nSECOND");
}

#[test]
fn failed_saves_do_not_rotate_the_backups() {
    let home = scratch();
    let store = home.path().join("annotations.json");
    let quotes = [
        "The last boat leaves",
        "who never opens it",
        "students who missed the last train",
        QUOTE,
    ];
    for quote in quotes {
        highlight(home.path(), quote, "a note");
    }
    let before: Vec<u64> = (1..=3).map(|n| generation(&backup(&store, n))).collect();
    assert_eq!(before, [3, 2, 1]);
    // Files may grow to the store's size rounded up to 512-byte blocks, and a new highlight
    // with a long note makes the store larger than that: every save fails with EFBIG, as on
    // a full disk, while a backup of the store as it is would still fit.
    let blocks = fs::metadata(&store).expect("the store").len().div_ceil(512);
    let long_note = "n".repeat(600);
    for _ in 0..3 {
        let out = folio_under(
            &format!("ulimit -S -f {blocks}; trap '' XFSZ"),
            home.path(),
            &[
                "highlight",
                "a.txt",
                "--quote",
                "tourists who misread",
                "--note",
                &long_note,
            ],
            &[],
        );
        assert!(!out.status.success());
        assert!(stderr(&out).contains("File too large"), "{}", stderr(&out));
    }
    let after: Vec<u64> = (1..=3).map(|n| generation(&backup(&store, n))).collect();
    assert_eq!(
        after, before,
        "failed saves must leave the backups as they were"
    );
    assert_eq!(generation(&store), 4);
}

#[cfg(unix)]
#[test]
fn symlinked_store_keeps_its_link_in_the_cli() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let home = scratch();
    let synced = home.path().join("synced");
    fs::create_dir(&synced).expect("setup");
    let link = home.path().join("annotations.json");
    symlink("synced/notes.json", &link).expect("setup");
    highlight(home.path(), QUOTE, "through the link");
    highlight(home.path(), "The last boat leaves", "twice");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    let target = synced.join("notes.json");
    assert_eq!(annotations(&target).len(), 2);
    // A store made new is the user's alone.
    let mode = fs::metadata(&target).expect("target").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // A link to /dev/null: refused, in plain words, and the link left alone.
    fs::remove_file(&link).expect("setup");
    symlink("/dev/null", &link).expect("setup");
    let out = folio(home.path(), &["highlight", "a.txt", "--quote", QUOTE]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_link(&link).expect("link"), Path::new("/dev/null"));
}

#[test]
fn the_cli_says_it_waits_for_a_held_lock_and_gives_up() {
    let home = scratch();
    let lock_path = home.path().join("annotations.json.lock");
    let lock = fs::File::create(&lock_path).expect("setup");
    lock.lock().expect("hold the lock");
    fs::write(&lock_path, format!("{}\n", std::process::id())).expect("setup");
    let out = folio_under(
        ":",
        home.path(),
        &["highlight", "a.txt", "--quote", QUOTE, "--note", "waits"],
        &[("FOLIO_LOCK_TIMEOUT", "2")],
    );
    let said = stderr(&out);
    let waiting = format!("waiting for another folio (pid {})", std::process::id());
    assert!(said.contains(&waiting), "{said}");
    assert!(!out.status.success());
    assert!(said.contains("has held it for"), "{said}");
    drop(lock);
    assert!(!highlight(home.path(), QUOTE, "once it is free").is_empty());
}
