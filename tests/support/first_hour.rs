//! Issue 15's reproduction of `folio import` hiding highlights, shared by the CLI and pty tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The sample article the reproduction annotates.
pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/harbour-ferries-web-dump.txt"
);

/// The quotes of the three highlights it makes, sorted.
pub const THREE: [&str; 3] = [
    "Three generations of engineers",
    "electric catamarans",
    "larch and oak",
];

/// Runs `folio ARGS` with `folio_home` as FOLIO_HOME; panics with its error if it fails.
pub fn folio_ok(folio_home: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_HOME", folio_home)
        .output()
        .expect("run folio");
    assert!(
        out.status.success(),
        "folio {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Issue 15, item 1, step by step in `dir`: two highlights in the store (the second after an
/// edit), a third made in another annotations file, imported. Returns the article's path.
pub fn import_after_an_edit(folio_home: &Path, dir: &Path) -> PathBuf {
    let a = dir.join("a.txt");
    std::fs::copy(SAMPLE, &a).expect("test setup");
    let a_str = a.to_str().expect("utf-8 path");
    let highlight = |quote: &str, note: &str| {
        folio_ok(folio_home, &["highlight", a_str, "-q", quote, "-n", note]);
    };
    highlight("Three generations of engineers", "one");
    let text = std::fs::read_to_string(&a).expect("test setup");
    assert!(text.contains("For ninety"), "the sample still says it");
    std::fs::write(&a, text.replace("For ninety", "For almost ninety")).expect("test setup");
    highlight("larch and oak", "two");
    let other = dir.join("o.json");
    let other_str = other.to_str().expect("utf-8 path");
    let elsewhere = ["--annotations", other_str, "highlight", a_str];
    folio_ok(
        folio_home,
        &[&elsewhere[..], &["-q", "electric catamarans"]].concat(),
    );
    let said = folio_ok(folio_home, &["import", other_str]);
    assert!(said.contains("1 highlight added"), "{said}");
    a
}
