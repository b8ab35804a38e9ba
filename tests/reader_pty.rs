//! End to end: the real binary in a pseudo-terminal, read through vt100, as a user would use
//! it: open an article, move, search, resize, quit, reopen where it was left.

mod support;

use std::path::PathBuf;

use support::pty::Session;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    path.to_string_lossy().into_owned()
}

fn restored(screen: &vt100::Screen) -> bool {
    !screen.alternate_screen()
        && !screen.hide_cursor()
        && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
}

#[test]
fn reads_searches_resizes_quits_and_reopens_where_it_was_left() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("night-ferry.md");
    let mut folio = Session::start(&[&file], home.path(), (80, 24));
    folio.wait_for("The last boat leaves the north pier");
    folio.wait_until("the alternate screen", |s| s.alternate_screen());

    // Search: every match counted, the view moves to the first one.
    folio.send("/lanternfish");
    folio.wait_for("1/1");
    folio.send("\r");
    folio.wait_for("late summer the wake glows");
    folio.send("g/twice\r");
    folio.wait_for("/twice 1/3");
    folio.send("n");
    folio.wait_for("/twice 2/3");
    folio.send("\x1b");
    folio.wait_until("the search to clear", |s| !s.contents().contains("/twice"));

    // Resize to narrow and back: the same text stays on screen.
    folio.send("g");
    folio.wait_for("Notes from the Night Ferry");
    for _ in 0..6 {
        folio.send("j");
    }
    folio.wait_until("six lines down", |s| {
        !s.contents().contains("quarter to midnight. It is")
    });
    let top_before = folio.row(1);
    let first_words: String = top_before
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    folio.resize(30, 10);
    folio.wait_until("the narrow re-wrap", |s| {
        s.size() == (10, 30) && s.contents().contains(&first_words)
    });
    folio.resize(80, 24);
    folio.wait_for(&first_words);

    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);

    // Reopened, the article starts where it was left.
    let mut again = Session::start(&[&file], home.path(), (80, 24));
    again.wait_for(&first_words);
    again.wait_until("the reopened top line", |s| {
        s.contents()
            .lines()
            .nth(1)
            .is_some_and(|row| row.contains(&first_words))
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_position() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("night-ferry.md");
    let mut folio = Session::start(&[&file], home.path(), (60, 20));
    folio.wait_for("The last boat leaves");
    folio.send("G");
    folio.wait_for("100%");
    folio.terminate();
    let code = folio.wait_exit();
    assert_eq!(code, 128 + 15, "exit status after SIGTERM");
    folio.wait_until("the terminal restored", restored);
    let state = std::fs::read_to_string(home.path().join("folio/state.json")).unwrap();
    assert!(state.contains("night-ferry.md"), "{state}");
}
