//! Issue 15 in a real pseudo-terminal: an article piped into `folio` opens in the reader with
//! the keys read from the terminal, and the `A` list of an article whose highlights were
//! partly imported from another annotations file lists every one of them.

mod support;

use std::path::Path;
use support::first_hour::{SAMPLE, THREE, import_after_an_edit};
use support::pty::Session;

/// `folio` with no path, its standard input a pipe that `cat FILE` writes into, in a
/// terminal; the title must show, `G` must reach the end and `q` must quit.
fn piped_article_is_read(file: &Path, title: &str) {
    let home = tempfile::tempdir().expect("test setup");
    let pipe = home.path().join("pipe");
    let file = file.to_string_lossy();
    let setup = format!(
        "mkfifo '{pipe}' && (cat '{file}' > '{pipe}' &) && exec < '{pipe}'",
        pipe = pipe.display()
    );
    let mut folio = Session::start_under(&setup, &[], home.path(), (100, 30));
    folio.wait_for(title);
    folio.send("G");
    folio.wait_for("100%");
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}

#[test]
fn issue15_6_a_piped_article_opens_in_the_reader_and_the_keys_work() {
    piped_article_is_read(
        Path::new(SAMPLE),
        "The Last Wooden Ferries of Halvard Sound",
    );
}

#[test]
fn issue15_6_the_seed_article_piped_in_opens_in_the_reader_or_skip() {
    let Some(seed) = support::seed::path_or_skip() else {
        return;
    };
    piped_article_is_read(Path::new(&seed), "The TikTok Exodus");
}

#[test]
fn issue15_1_the_highlights_list_shows_imported_highlights_with_the_others() {
    let home = tempfile::tempdir().expect("test setup");
    let a = import_after_an_edit(&home.path().join("folio"), home.path());
    let a_str = a.to_str().expect("utf-8 path");
    let mut folio = Session::start(&[a_str], home.path(), (120, 40));
    folio.wait_for("The Last Wooden Ferries of Halvard Sound");
    folio.send("A");
    folio.wait_for("3 highlights");
    for quote in THREE {
        folio.wait_for(quote);
    }
    folio.send("q");
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}
