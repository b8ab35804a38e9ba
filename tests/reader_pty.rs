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

/// The reader pane's part of a screen row: right of the outline's border (when there is
/// one), without the scrollbar.
fn reader_part(row: &str) -> String {
    let pane = row.rsplit('│').next().unwrap_or_default();
    pane.trim_end_matches([' ', '▐']).trim().to_string()
}

/// The first `n` words of `text`.
fn words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn reads_searches_resizes_quits_and_reopens_where_it_was_left() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("night-ferry.txt");
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
    let top = |s: &vt100::Screen| reader_part(&s.rows(0, s.size().1).nth(1).unwrap_or_default());
    folio.send("g");
    folio.wait_until("the title on top", |s| {
        top(s) == "Notes from the Night Ferry"
    });
    for _ in 0..6 {
        let before = top(&folio.screen());
        folio.send("j");
        folio.wait_until("a line down", |s| top(s) != before);
    }
    let first_words = words(&reader_part(&folio.row(1)), 3);
    folio.resize(30, 10);
    // Redrawn at the new size: no outline (too narrow), a status line at the bottom.
    folio.wait_until("the narrow re-wrap", |s| {
        let rows: Vec<String> = s.rows(0, 30).collect();
        s.size() == (10, 30)
            && !rows[1].contains('│')
            && rows[9].contains('%')
            && s.contents().contains(&first_words)
    });
    folio.resize(80, 24);
    folio.wait_until("the wide re-wrap", |s| {
        let rows: Vec<String> = s.rows(0, 80).collect();
        rows[1].contains('│') && reader_part(&rows[1]).starts_with(&first_words)
    });

    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);

    // Reopened, the article starts where it was left.
    let mut again = Session::start(&[&file], home.path(), (80, 24));
    again.wait_until("the reopened top line", |s| {
        s.rows(0, 80)
            .nth(1)
            .is_some_and(|row| reader_part(&row).starts_with(&first_words))
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_position() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("night-ferry.txt");
    let mut folio = Session::start(&[&file], home.path(), (60, 20));
    folio.wait_for("The last boat leaves");
    folio.send("G");
    folio.wait_for("100%");
    folio.terminate();
    let code = folio.wait_exit();
    assert_eq!(code, 128 + 15, "exit status after SIGTERM");
    folio.wait_until("the terminal restored", restored);
    let state = std::fs::read_to_string(home.path().join("folio/state.json")).unwrap();
    assert!(state.contains("night-ferry.txt"), "{state}");
}

#[test]
fn the_outline_is_driven_by_keys_and_by_the_mouse() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("night-ferry.txt");
    let mut folio = Session::start(&[&file], home.path(), (100, 30));
    folio.wait_for("Who Rides at Night");
    let pane_top =
        |s: &vt100::Screen| reader_part(&s.rows(0, s.size().1).nth(1).unwrap_or_default());
    // Tab focuses the outline; two entries down is "The Crossing"; Enter jumps there.
    folio.send("\tjj\r");
    folio.wait_until("The Crossing on top", |s| pane_top(s) == "The Crossing");
    folio.wait_for("§ The Crossing");
    // A click on an outline entry jumps to it (SGR mouse report: button 0 at column;row).
    let row = folio
        .text()
        .lines()
        .position(|l| {
            l.split('│')
                .next()
                .is_some_and(|o| o.contains("What the Crew Say"))
        })
        .unwrap();
    folio.send(&format!("\x1b[<0;6;{}M\x1b[<0;6;{}m", row + 1, row + 1));
    folio.wait_until("What the Crew Say on top", |s| {
        pane_top(s) == "What the Crew Say"
    });
    // Chinese is found too.
    folio.send("g/渡轮\r");
    folio.wait_for("/渡轮 1/2");
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", restored);
}
