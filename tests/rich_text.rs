//! Issue 16: rich text (inline spans, styled rendering) through the real binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rich");

fn folio(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_HOME", home)
        .env_remove("NO_COLOR")
        .current_dir(home)
        .output()
        .expect("run folio")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "folio failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The store in the fixture was written by folio at parser version 4, before inline markup
/// became spans; its highlights (one across three styles) must still verify at their places.
#[test]
fn store_written_before_spans_still_verifies() {
    let home = tempfile::tempdir().expect("temp dir");
    fs::copy(
        Path::new(FIXTURES).join("inline-markup.md"),
        home.path().join("inline-markup.md"),
    )
    .expect("copy article");
    fs::copy(
        Path::new(FIXTURES).join("annotations-parser-v4.json"),
        home.path().join("annotations.json"),
    )
    .expect("copy store");
    let listed = stdout(&folio(home.path(), &["notes", "inline-markup.md"]));
    let verified: Vec<&str> = listed.lines().filter(|l| l.contains("verified")).collect();
    assert_eq!(verified.len(), 2, "{listed}");
    assert!(verified[0].contains("30-55"), "{listed}");
    assert!(verified[1].contains("111-139"), "{listed}");
    // The canonical text is the one the store was made on: same hash, so same document.
    let store: serde_json::Value =
        serde_json::from_slice(&fs::read(home.path().join("annotations.json")).expect("store"))
            .expect("JSON");
    assert_eq!(
        store["documents"].as_object().map(|d| d.len()),
        Some(1),
        "no second document: {store}"
    );
}

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");

/// `folio render --width WIDTH --color COLOR` of the bundled sample `name` equals the golden
/// file `tests/fixtures/rich/golden/NAME.COLOR.WIDTH.txt`. With `FOLIO_BLESS=1` the golden
/// file is written instead (then read the diff before committing it).
fn assert_golden(name: &str, color: &str, width: &str) {
    let home = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(SAMPLES).join(name);
    let sample = sample.to_str().expect("UTF-8 path");
    let got = stdout(&folio(
        home.path(),
        &["render", "--width", width, "--color", color, sample],
    ));
    let golden = Path::new(FIXTURES)
        .join("golden")
        .join(format!("{name}.{color}.{width}.txt"));
    if std::env::var_os("FOLIO_BLESS").is_some() {
        fs::create_dir_all(golden.parent().expect("folder")).expect("golden folder");
        fs::write(&golden, &got).expect("write golden");
        return;
    }
    let want = fs::read_to_string(&golden).expect("golden file (FOLIO_BLESS=1 writes it)");
    assert!(
        got == want,
        "{} differs from `folio render`:\n{got}",
        golden.display()
    );
}

#[test]
fn render_never_keeps_struck_text_code_and_link_targets_in_plain_text() {
    for name in ["rich-text-tour.md", "rich-text-tour.html"] {
        for width in ["80", "50"] {
            assert_golden(name, "never", width);
        }
    }
}

#[test]
fn render_always_styles_inline_markup_with_sgr() {
    for name in ["rich-text-tour.md", "rich-text-tour.html"] {
        assert_golden(name, "always", "80");
    }
}
