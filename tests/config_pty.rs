//! End to end: a broken `config.toml` in `FOLIO_HOME`. The reader starts anyway, says once
//! which line is wrong and that it uses the default settings, and the defaults work; an
//! unknown setting is named and the rest of the file applies.

mod support;

use std::path::{Path, PathBuf};

use support::pty::Session;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    path.to_string_lossy().into_owned()
}

/// Writes `text` as the config file of the home the pty session gives folio.
fn write_config(home: &Path, text: &str) -> PathBuf {
    let folder = home.join("folio");
    std::fs::create_dir_all(&folder).expect("make FOLIO_HOME");
    let file = folder.join("config.toml");
    std::fs::write(&file, text).expect("write config.toml");
    file
}

/// The words above the status line joined by single spaces (the outline's border left out),
/// so a message wrapped over rows in the reader pane reads whole.
fn words(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    screen
        .rows(0, cols)
        .take(usize::from(rows - 1))
        .flat_map(|row| {
            let row = row.replace('│', " ");
            row.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether row 1 shows the outline beside the text.
fn outline_shown(screen: &vt100::Screen) -> bool {
    screen
        .rows(0, screen.size().1)
        .nth(1)
        .is_some_and(|row| row.contains('│'))
}

#[test]
fn a_config_with_a_syntax_error_is_reported_and_the_defaults_work() {
    let home = tempfile::tempdir().unwrap();
    let config = write_config(
        home.path(),
        "[reader]\ncolumn_width = 40\nshow_outline = yes\n\n[keys.reader]\n\"x\" = \"bottom\"\n",
    );
    let file = fixture("night-ferry.txt");
    let mut folio = Session::start(&[&file], home.path(), (100, 30));
    let expected = format!(
        "{}, line 3: string values must be quoted, expected literal string; fix that line — \
         using the default settings meanwhile",
        config.display()
    );
    folio.wait_until("the config message", |s| words(s).contains(&expected));
    assert_eq!(
        words(&folio.screen()).matches("config.toml").count(),
        1,
        "one message: {}",
        folio.text()
    );
    // The default column (80 wide), not the file's 40, and the outline as by default.
    let screen = folio.screen();
    assert!(outline_shown(&screen), "{}", folio.text());
    let widest = screen
        .rows(0, 100)
        .map(|row| {
            row.rsplit('│')
                .next()
                .unwrap_or_default()
                .trim()
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    assert!(widest > 60, "text column {widest} wide:\n{}", folio.text());

    // The file's own binding is not in force; the default keys are.
    folio.send("x");
    folio.wait_until("the message gone", |s| !words(s).contains("config.toml"));
    assert!(folio.text().contains("The last boat leaves the north pier"));
    folio.send("G");
    folio.wait_for("100%");
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}

#[test]
fn an_unknown_setting_is_named_and_the_rest_of_the_file_applies() {
    let home = tempfile::tempdir().unwrap();
    write_config(
        home.path(),
        "[reader]\ncolum_width = 60\nshow_outline = false\n",
    );
    let file = fixture("night-ferry.txt");
    let mut folio = Session::start(&[&file], home.path(), (100, 30));
    folio.wait_until("the unknown setting named", |s| {
        words(s).contains(
            "unknown setting `reader.colum_width` ignored (`folio config --example` lists every \
             setting)",
        )
    });
    assert!(!outline_shown(&folio.screen()), "{}", folio.text());
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}
