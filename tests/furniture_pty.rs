//! Issue 13, item 4 in a real pseudo-terminal: page furniture shows folded to one dim line,
//! `z` unfolds and folds it, a passage inside unfolded furniture can be highlighted, and after
//! reopening it is folded again with the highlight still there, listed and exported. At 120×40
//! and at 60×15.

mod support;

use support::first_hour::{SAMPLE, folio_ok};
use support::pty::Session;

fn fold_unfold_highlight_and_reopen(size: (u16, u16)) {
    let home = tempfile::tempdir().expect("temp home");
    let path = SAMPLE;
    let mut reader = Session::start(&[path], home.path(), size);
    reader.wait_for("⋯ 3 lines of page furniture");
    assert!(
        !reader.text().contains("Coastline Weekly"),
        "{}",
        reader.text()
    );
    // The caret starts on the fold line: z unfolds the site's menu, z folds it again.
    reader.send("z");
    reader.wait_for("Coastline Weekly");
    reader.wait_for("page furniture unfolded");
    reader.send("z");
    reader.wait_until("folded again", |s| {
        s.contents().contains("⋯ 3 lines") && !s.contents().contains("Coastline Weekly")
    });
    // Unfolded, a passage of the furniture is highlighted like any other.
    reader.send("z");
    reader.wait_for("Coastline Weekly");
    reader.send("v");
    reader.send("h");
    reader.wait_for("yellow highlight");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);

    let store = std::fs::read_to_string(home.path().join("folio").join("annotations.json"))
        .expect("the store");
    assert!(store.contains("\"exact\": \"Coastline Weekly\""), "{store}");

    // Reopened, the furniture is folded again; unfolded, the highlight is painted on it.
    let mut reader = Session::start(&[path], home.path(), size);
    reader.wait_for("⋯ 3 lines of page furniture");
    reader.send("z");
    reader.wait_until("the highlight painted inside the furniture", |s| {
        highlighted(s, "Coastline Weekly")
    });
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);

    let store_home = home.path().join("folio");
    assert!(folio_ok(&store_home, &["notes", path]).contains("Coastline Weekly"));
    let exported = folio_ok(&store_home, &["export", path]);
    assert!(exported.contains("Coastline Weekly"), "{exported}");
}

/// Whether the first on-screen occurrence of `needle` has a background colour.
fn highlighted(screen: &vt100::Screen, needle: &str) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        let line = screen.contents_between(row, 0, row, cols);
        line.find(needle).is_some_and(|byte| {
            let col = line[..byte].chars().count() as u16;
            screen
                .cell(row, col)
                .is_some_and(|c| c.bgcolor() != vt100::Color::Default)
        })
    })
}

#[test]
fn issue13_4_furniture_folds_unfolds_and_keeps_highlights_at_120x40() {
    fold_unfold_highlight_and_reopen((120, 40));
}

#[test]
fn issue13_4_furniture_folds_unfolds_and_keeps_highlights_at_60x15() {
    fold_unfold_highlight_and_reopen((60, 15));
}
