//! Issue 18, item 3, in a real pseudo-terminal: a tag added with `t` (completed with Tab from
//! a tag used in another article) is saved at once, and `folio notes --tag` finds it after
//! quitting.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;

use support::pty::Session;

/// `folio ARGS` with the test's data folder under `home`, as the pty sessions use it.
fn folio(home: &Path, args: &[&str]) -> String {
    support::first_hour::folio_ok(&home.join("folio"), args)
}

#[test]
fn issue18_t_adds_a_tag_completed_from_the_store_and_notes_tag_finds_it() {
    let home = tempfile::tempdir().unwrap();
    let other = home.path().join("other.txt");
    std::fs::write(&other, "Other\n\nA sentence about ecology elsewhere.\n").unwrap();
    let article = home.path().join("article.txt");
    std::fs::write(
        &article,
        "Title\n\nFirst plain line. The tagged sentence here.\n",
    )
    .unwrap();
    let (other, article) = (other.to_str().unwrap(), article.to_str().unwrap());
    // A tag used before, in another article, through the CLI.
    let id = folio(
        home.path(),
        &["highlight", other, "--quote", "about ecology"],
    );
    let id = id.trim();
    assert!(!id.is_empty());
    let json = folio(home.path(), &["notes", "--json"]);
    assert!(json.contains(id), "{json}");
    tag_in_the_reader(home.path(), other, "ecology-later");

    let mut reader = Session::start(&[article], home.path(), (100, 24));
    reader.wait_for("First plain line");
    reader.send("/tagged sentence\r");
    reader.wait_for("1/1");
    reader.send("\x1b");
    reader.wait_until("the search closed", |s| !s.contents().contains("1/1"));
    reader.send("vh");
    reader.wait_for("highlight · a: add a note");
    reader.send("t");
    reader.wait_for("Tab completes");
    reader.send("eco\t");
    reader.wait_for("tag: ecology-later");
    reader.send("\r");
    reader.wait_for("tagged #ecology-later");
    reader.send("\x1b");
    reader.wait_for("#ecology-later ·");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);

    let found = folio(home.path(), &["notes", "--tag", "ecology-later"]);
    assert!(found.contains("The tagged sentence here."), "{found}");
    assert!(found.contains("about ecology"), "{found}");
}

/// Tags the one highlight of `file` with `tag` in the reader, as a person would.
fn tag_in_the_reader(home: &Path, file: &str, tag: &str) {
    let mut reader = Session::start(&[file], home, (100, 24));
    reader.wait_for("A sentence about ecology");
    reader.send("/about ecology\r");
    reader.wait_for("1/1");
    reader.send("\x1b");
    reader.wait_until("the search closed", |s| !s.contents().contains("1/1"));
    reader.send("t");
    reader.wait_for("no tags yet");
    reader.send(&format!("{tag}\r"));
    reader.wait_for(&format!("tagged #{tag}"));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
