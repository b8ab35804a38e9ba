//! Issue 14: the notes of an article whose file was removed are still listed honestly and
//! exported from what the store keeps.

use std::path::Path;
use std::process::{Command, Output};

const PHRASE: &str = "a man with a cello case";

fn folio(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_HOME", home.join("folio"))
        .env("HOME", home)
        .output()
        .expect("run folio")
}

fn ok(home: &Path, args: &[&str]) -> (String, String) {
    let output = folio(home, args);
    let (out, err) = (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    );
    assert!(output.status.success(), "{args:?}: {err}");
    (out, err)
}

#[test]
fn notes_of_a_removed_article_are_exported_and_listed_unchecked() {
    let home = tempfile::tempdir().expect("temp home");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/night-ferry.txt");
    let file = home.path().join("night-ferry.txt");
    std::fs::copy(&from, &file).expect("copy the fixture");
    let arg = file.to_string_lossy().into_owned();
    ok(
        home.path(),
        &[
            "highlight",
            &arg,
            "--quote",
            PHRASE,
            "--note",
            "the cellist",
        ],
    );
    // The passage is cut from the article: the highlight is an orphan now...
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace(PHRASE, "somebody")).expect("edit");
    let (listed, _) = ok(home.path(), &["notes", &arg]);
    assert!(listed.contains("orphan"), "{listed}");
    // ...and then the file is removed.
    std::fs::remove_file(&file).expect("remove");

    // Nothing can be checked: never "verified" (what the store recorded when it was made).
    let (listed, _) = ok(home.path(), &["notes"]);
    assert!(listed.contains("unchecked"), "{listed}");
    assert!(listed.contains("article file missing"), "{listed}");
    assert!(!listed.contains("verified"), "{listed}");
    let (json, _) = ok(home.path(), &["notes", "--json", &arg]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["documents"][0]["article_found"], false);
    assert_eq!(json["documents"][0]["highlights"][0]["status"], "unchecked");

    // Exported from the store's quotes, by name and with --all, saying the file is missing.
    let (markdown, said) = ok(home.path(), &["export", &arg]);
    assert!(said.contains("file is missing"), "{said}");
    assert!(markdown.contains(&format!("> {PHRASE}")), "{markdown}");
    assert!(markdown.contains("the cellist"), "{markdown}");
    assert!(markdown.contains("file is missing"), "{markdown}");
    let out = home.path().join("exports");
    let out_arg = out.to_string_lossy().into_owned();
    let (written, said) = ok(home.path(), &["export", "--all", "-o", &out_arg]);
    assert!(said.contains("file is missing"), "{said}");
    let written = std::fs::read_to_string(written.trim()).expect("the export");
    assert!(written.contains("the cellist"), "{written}");
    let (json, _) = ok(home.path(), &["export", &arg, "--format", "json"]);
    assert!(json.contains("\"folio:status\": \"unchecked\""), "{json}");
}
