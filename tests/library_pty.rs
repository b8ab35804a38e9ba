//! End to end: the library view in a pseudo-terminal: list a folder, filter after `/`, open
//! an article, go back with `q` (the article now first, with its progress), quit with Esc.

mod support;

use std::path::Path;

use support::pty::Session;

const SECOND: &str = "Orchard Ladders\n\nA short note on three-legged ladders, which stand on \
soft ground where four legs would rock.\n\nThe third leg\n\nIt reaches into the tree.\n";

#[test]
fn the_library_lists_filters_opens_and_comes_back() {
    let home = tempfile::tempdir().unwrap();
    let shelf = home.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/night-ferry.txt");
    std::fs::copy(&fixture, shelf.join("night-ferry.txt")).unwrap();
    std::fs::write(shelf.join("ladders.txt"), SECOND).unwrap();

    let shelf_arg = shelf.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&shelf_arg], home.path(), (80, 24));
    folio.wait_for("Notes from the Night Ferry");
    folio.wait_for("Orchard Ladders");
    folio.wait_for("2 articles");

    // `/` starts a filter; Enter opens the best match.
    folio.send("/night");
    folio.wait_until("the filter applied", |s| {
        let text = s.contents();
        text.contains("filter: night") && !text.contains("Orchard Ladders")
    });
    folio.send("\r");
    folio.wait_for("The last boat leaves the north pier");
    folio.send("G");
    folio.wait_for("100%");

    // q goes back to the library, the article first, with its progress.
    folio.send("q");
    folio.wait_until("the library again, the ferry first", |s| {
        let rows: Vec<String> = s.rows(0, 80).collect();
        rows[1].contains("title")
            && rows[2].contains("Notes from the Night Ferry")
            && rows[2].contains('%')
            && rows[3].contains("Orchard Ladders")
    });
    folio.send("\x1b");
    assert_eq!(folio.wait_exit(), 0);
}

/// The library's first screen does not wait for the highlights store: while another folio
/// holds the store (as a long read of a large store would), the articles are listed at once
/// with their highlight counts still to come ("…"); the counts fill in once the store is read.
#[test]
fn the_library_shows_at_once_and_counts_highlights_once_the_store_is_read() {
    let home = tempfile::tempdir().unwrap();
    let shelf = home.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let ladders = shelf.join("ladders.txt");
    std::fs::write(&ladders, SECOND).unwrap();
    let data = home.path().join("folio");
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "highlight",
            &ladders.to_string_lossy(),
            "--quote",
            "third leg",
        ])
        .env("FOLIO_HOME", &data)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");

    let lock = std::fs::File::create(data.join("annotations.json.lock")).unwrap();
    lock.lock().unwrap();
    let shelf_arg = shelf.to_string_lossy().into_owned();
    // Longer than the test waits: a library that reads the store first shows nothing.
    let env = [("FOLIO_LOCK_TIMEOUT", "120")];
    let mut folio = Session::start_with_env(&[&shelf_arg], home.path(), (80, 24), &env);
    folio.wait_until("the article listed, its highlights not counted yet", |s| {
        s.rows(0, 80)
            .any(|row| row.contains("Orchard Ladders") && row.trim_end().ends_with('…'))
    });
    drop(lock);
    folio.wait_until("its one highlight counted", |s| {
        s.rows(0, 80)
            .any(|row| row.contains("Orchard Ladders") && row.trim_end().ends_with(" 1"))
    });
    folio.send("\x1b");
    assert_eq!(folio.wait_exit(), 0);
}
