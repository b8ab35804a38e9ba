//! Issue 18, items 2 and 6: `folio highlight --role/--supports/--opposes` and
//! `folio notes --grep/--role/--tag/--json` across a library of three articles, one of them
//! with Chinese text, driving the real binary.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use folio::highlights::{HighlightId, Store};
use serde_json::Value;

const CHINESE: &str = "The Move to Xiaohongshu\n\n\
    Many users moved to 小红书 in January. The app mixes shopping and posts.\n\n\
    Some analysts doubt that the move will last beyond the spring.\n";

fn folio(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_HOME", home)
        .current_dir(home)
        .output()
        .unwrap()
}

fn ok(home: &Path, args: &[&str]) -> String {
    let out = folio(home, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "folio {args:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// The quotes `folio notes --json ARGS` lists, in order.
fn quotes(home: &Path, args: &[&str]) -> Vec<String> {
    let json: Value =
        serde_json::from_str(&ok(home, &[&["notes", "--json"], args].concat())).unwrap();
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["highlights"].as_array().unwrap().clone())
        .map(|h| h["quote"].as_str().unwrap().to_string())
        .collect()
}

fn listed(home: &Path, id: &str) -> Value {
    let json: Value = serde_json::from_str(&ok(home, &["notes", "--json"])).unwrap();
    let all = json["documents"].as_array().unwrap().iter();
    all.flat_map(|d| d["highlights"].as_array().unwrap().clone())
        .find(|h| h["id"] == id)
        .unwrap()
}

/// Three articles with a claim, its evidence and objection, a question and a note.
fn library() -> (tempfile::TempDir, [String; 4]) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    fs::copy(fixtures.join("harbour-essay.txt"), home.join("harbour.txt")).unwrap();
    fs::copy(fixtures.join("night-ferry.txt"), home.join("ferry.txt")).unwrap();
    fs::write(home.join("xhs.txt"), CHINESE).unwrap();
    let hl = |args: &[&str]| {
        ok(home, &[&["highlight"], args].concat())
            .trim()
            .to_string()
    };
    let claim = hl(&[
        "harbour.txt",
        "-q",
        "low tide is the honest hour",
        "--role",
        "claim",
    ]);
    let evidence = hl(&[
        "harbour.txt",
        "-q",
        "A hull that needs work shows every scar",
        "--role",
        "evidence",
        "--supports",
        &claim,
        "-n",
        "the yard knows",
    ]);
    let objection = hl(&[
        "xhs.txt",
        "-q",
        "Many users moved to 小红书 in January",
        "--role",
        "objection",
        "--opposes",
        &claim,
    ]);
    let question = hl(&[
        "ferry.txt",
        "-q",
        "The last boat leaves",
        "--role",
        "question",
    ]);
    ok(
        home,
        &[
            "highlight",
            "ferry.txt",
            "-q",
            "The crossing takes",
            "-n",
            "Estuary wind",
        ],
    );
    (dir, [claim, evidence, objection, question])
}

#[test]
fn issue18_highlight_takes_a_role_and_links_and_notes_json_shows_them() {
    let (dir, [claim, evidence, objection, _]) = library();
    let home = dir.path();
    let c = listed(home, &claim);
    assert_eq!(
        (c["role"].as_str(), c["color"].as_str()),
        (Some("claim"), Some("blue"))
    );
    let e = listed(home, &evidence);
    assert_eq!(e["role"], "evidence");
    assert_eq!(e["links"][0]["target"], claim.as_str());
    assert_eq!(e["links"][0]["kind"], "supports");
    assert_eq!(e["links"][0]["dangling"], false);
    assert_eq!(listed(home, &objection)["links"][0]["kind"], "opposes");
    let text = ok(home, &["notes"]);
    assert!(
        text.contains("evidence") && text.contains(&format!("supports {claim}")),
        "{text}"
    );

    let out = folio(
        home,
        &[
            "highlight",
            "ferry.txt",
            "-q",
            "Who Rides",
            "--supports",
            "01NOPE",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no highlight has that id"));
    assert!(
        !quotes(home, &[]).contains(&"Who Rides".to_string()),
        "nothing half made"
    );
}

#[test]
fn issue18_notes_grep_finds_by_note_word_chinese_quote_and_role_across_the_library() {
    let (dir, _) = library();
    let home = dir.path();
    assert_eq!(quotes(home, &["--grep", "ESTUARY"]), ["The crossing takes"]);
    assert_eq!(
        quotes(home, &["--grep", "ｙａｒｄ"]),
        ["A hull that needs work shows every scar"]
    );
    assert_eq!(
        quotes(home, &["--grep", "小红书"]),
        ["Many users moved to 小红书 in January"]
    );
    assert_eq!(
        quotes(home, &["--role", "question"]),
        ["The last boat leaves"]
    );
    assert_eq!(
        quotes(home, &["--grep", "the", "--role", "claim"]),
        ["low tide is the honest hour"]
    );
    assert!(quotes(home, &["--grep", "抖音"]).is_empty());
    assert!(quotes(home, &["--tag", "nothing"]).is_empty());
    let text = ok(home, &["notes", "--grep", "小红书"]);
    assert!(
        text.contains("小红书") && !text.contains("honest hour"),
        "{text}"
    );
}

#[test]
fn issue18_a_link_to_a_deleted_highlight_is_listed_as_dangling() {
    let (dir, [claim, evidence, ..]) = library();
    let home = dir.path();
    let (mut store, _) = Store::open(&home.join("annotations.json")).unwrap();
    store.delete(&HighlightId(claim.clone())).unwrap();
    drop(store);
    let e = listed(home, &evidence);
    assert_eq!(
        e["links"][0]["target"],
        claim.as_str(),
        "kept, never dropped"
    );
    assert_eq!(e["links"][0]["dangling"], true);
    assert!(ok(home, &["notes"]).contains(&format!("supports {claim} (deleted)")));
}

#[test]
fn issue18_export_prints_the_argument_map_and_keeps_a_dangling_link() {
    let (dir, [claim, ..]) = library();
    let home = dir.path();
    let md = ok(home, &["export", "harbour.txt"]);
    let map = md.find("## Argument map").unwrap();
    assert!(map < md.find("> A hull that needs work").unwrap(), "{md}");
    assert!(
        md.contains("- **Claim:** \"low tide is the honest hour\""),
        "{md}"
    );
    assert!(
        md.contains("\n  - **Evidence (supports):** \"A hull that needs work shows every scar\""),
        "{md}"
    );
    assert!(md.contains("```mermaid\ngraph TD\n"), "{md}");

    let (mut store, _) = Store::open(&home.join("annotations.json")).unwrap();
    store.delete(&HighlightId(claim.clone())).unwrap();
    drop(store);
    let md = ok(home, &["export", "harbour.txt"]);
    assert!(
        md.contains(&format!("supports a deleted highlight ({claim})")),
        "{md}"
    );
    assert!(md.contains("[\"deleted highlight "), "{md}");
}
