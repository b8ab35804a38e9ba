//! Issue 18, item 5, in a real pseudo-terminal: three articles with highlights made by
//! `folio highlight`; in the reader, the notes list (`A`) switched to the whole library (`w`),
//! filtered by a word of a note, by a role and by a Chinese word of another article's quote,
//! and Enter opens that article at it.
#![allow(clippy::unwrap_used)]

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

use support::pty::Session;

const HARBOUR: &str = "Harbour Notes\n\nLow tide is the honest hour. Boats lie on their sides.\n";
const MEMO: &str = "Shop Memo\n\nThe till closes at six. Count the coins twice.\n";
/// The quoted passage comes after forty paragraphs, far below the first screen.
const QUOTE: &str = "大家都搬到了小红书";

fn xiaohongshu() -> String {
    let filler: String = (1..=40)
        .map(|i| format!("Filler paragraph {i} about the weather.\n\n"))
        .collect();
    format!("The Move to Xiaohongshu\n\n{filler}{QUOTE}，那里既能购物又能分享。\n")
}

/// `folio highlight FILE -q QUOTE -n NOTE [ROLE...]` with the test's data home.
fn highlight(home: &Path, file: &Path, quote: &str, note: &str, role: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("highlight")
        .arg(file)
        .args(["-q", quote, "-n", note])
        .args(role)
        .env("FOLIO_HOME", home.join("folio"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "folio highlight {quote}: {err}");
}

#[test]
fn issue18_the_notes_list_over_the_whole_library_opens_another_article_at_a_chinese_quote() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    let (harbour, memo, xhs) = (
        dir.join("harbour.txt"),
        dir.join("memo.txt"),
        dir.join("xhs.txt"),
    );
    fs::write(&harbour, HARBOUR).unwrap();
    fs::write(&memo, MEMO).unwrap();
    fs::write(&xhs, xiaohongshu()).unwrap();
    highlight(
        dir,
        &harbour,
        "Low tide is the honest hour",
        "kept for later",
        &[],
    );
    highlight(
        dir,
        &memo,
        "Count the coins twice",
        "checked at closing",
        &[],
    );
    let question = ["--role", "question"];
    highlight(dir, &xhs, QUOTE, "kept for later", &question);

    let mut folio = Session::start(&[harbour.to_str().unwrap()], dir, (100, 30));
    folio.wait_for("Boats lie on their sides");
    folio.send("A");
    folio.wait_for("w whole library");
    folio.send("w");
    folio.wait_for("3 of 3 highlights in the library");
    folio.wait_for("Shop Memo");
    // A word of a note, then a role, then a Chinese word of a quote; Backspace widens again.
    folio.send("/closing");
    folio.wait_for("1 of 3 highlights in the library");
    folio.wait_until("only the memo listed", |s| {
        let text = s.contents();
        text.contains("Shop Memo") && !text.contains("Harbour Notes ·")
    });
    folio.send(&"\x7f".repeat("closing".len()));
    folio.wait_for("3 of 3 highlights in the library");
    folio.send("question");
    folio.wait_for("1 of 3 highlights in the library");
    folio.wait_until("only the question listed", |s| {
        let text = s.contents();
        text.contains("The Move to Xiaohongshu ·") && !text.contains("Shop Memo")
    });
    folio.send(&"\x7f".repeat("question".len()));
    folio.wait_for("3 of 3 highlights in the library");
    folio.send("小红书");
    folio.wait_for("1 of 3 highlights in the library");
    folio.wait_until("only the Chinese quote listed", |s| {
        let text = s.contents();
        text.contains(&format!("The Move to Xiaohongshu · question · {QUOTE}"))
            && !text.contains("Shop Memo")
    });
    folio.send("\r");
    folio.wait_until("the other article open at the quote", |s| {
        let text = s.contents();
        text.contains("那里既能购物又能分享")
            && !text.contains("highlights in the library")
            && !text.contains("Boats lie on their sides")
            && !text.contains("Filler paragraph 1 ")
    });
    folio.send("q");
    folio.wait_exit();
}
