//! `folio highlight` and `folio notes` end to end: the file they write, their errors, and how
//! highlights follow an article that was renamed or edited.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/harbour-essay.txt"
);

/// A scratch FOLIO_HOME with a copy of the fixture article.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("test setup");
        fs::copy(FIXTURE, dir.path().join("essay.txt")).expect("test setup");
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn store(&self) -> PathBuf {
        self.path("annotations.json")
    }

    fn folio(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .env("FOLIO_HOME", self.dir.path())
            .current_dir(self.dir.path())
            .output()
            .expect("test setup")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.folio(args);
        assert!(
            out.status.success(),
            "folio {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("test setup")
    }

    fn highlight(&self, file: &str, quote: &str, note: &str) -> String {
        self.ok(&["highlight", file, "--quote", quote, "--note", note])
            .trim()
            .to_string()
    }

    fn notes(&self, file: &str) -> Vec<Value> {
        let out = self.ok(&["notes", "--json", file]);
        let json: Value = serde_json::from_str(&out).expect("test setup");
        json["documents"]
            .as_array()
            .expect("test setup")
            .iter()
            .flat_map(|d| d["highlights"].as_array().expect("test setup").clone())
            .collect()
    }

    fn raw(&self) -> Value {
        serde_json::from_slice(&fs::read(self.store()).expect("test setup")).expect("test setup")
    }
}

fn status_of(notes: &[Value], quote: &str) -> String {
    notes
        .iter()
        .find(|h| h["quote"] == quote)
        .unwrap_or_else(|| panic!("{quote:?} not listed in {notes:?}"))["status"]
        .as_str()
        .expect("test setup")
        .to_string()
}

#[test]
fn highlight_writes_the_quote_and_note_and_notes_lists_it_verified() {
    let s = Scratch::new();
    let id = s.highlight(
        "essay.txt",
        "low tide is the honest hour",
        "line one\nline two",
    );
    assert_eq!(id.len(), 26, "a ULID: {id}");

    let raw = s.raw();
    assert_eq!(raw["format"], "folio-annotations");
    assert_eq!(raw["schema_version"], 2);
    let doc = raw["documents"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    let ann = &doc["annotations"][0];
    assert_eq!(ann["id"], id.as_str());
    assert_eq!(
        ann["target"]["quote"]["exact"],
        "low tide is the honest hour"
    );
    assert_eq!(ann["note"], "line one\nline two");
    assert!(doc["paths"][0].as_str().unwrap().ends_with("essay.txt"));

    let notes = s.notes("essay.txt");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["status"], "verified");
    assert_eq!(notes[0]["text"], "low tide is the honest hour");
    assert_eq!(notes[0]["note"], "line one\nline two");

    let listing = s.ok(&["notes"]);
    assert!(
        listing.contains("verified") && listing.contains("line two"),
        "{listing}"
    );
}

#[test]
fn a_missing_or_ambiguous_quote_is_a_one_line_error() {
    let s = Scratch::new();
    for (quote, expect) in [
        ("no such words anywhere", "not in the article"),
        ("the harbour", "--occurrence"),
    ] {
        let out = s.folio(&["highlight", "essay.txt", "--quote", quote]);
        assert!(!out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("essay.txt") && err.contains(expect), "{err}");
    }
    assert!(!s.store().exists());
    let id = s.ok(&[
        "highlight",
        "essay.txt",
        "-q",
        "the harbour",
        "--occurrence",
        "2",
    ]);
    assert!(!id.trim().is_empty());
}

#[test]
fn the_annotations_option_picks_another_file() {
    let s = Scratch::new();
    let other = s.path("elsewhere/notes.json");
    let other = other.to_str().unwrap();
    s.ok(&[
        "--annotations",
        other,
        "highlight",
        "essay.txt",
        "-q",
        "the crabs keep",
    ]);
    assert!(Path::new(other).exists());
    assert!(!s.store().exists());
    let listing = s.ok(&["notes", "--annotations", other, "--json"]);
    assert!(listing.contains("\"the crabs keep\""), "{listing}");
}

#[test]
fn unknown_fields_survive_a_cli_save() {
    let s = Scratch::new();
    s.highlight("essay.txt", "crabs under the stones", "");
    let mut raw = s.raw();
    raw["from_the_future"] = serde_json::json!({"kept": true});
    let key = raw["documents"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    raw["documents"][&key]["annotations"][0]["mood"] = "calm".into();
    fs::write(s.store(), serde_json::to_vec(&raw).unwrap()).unwrap();
    s.highlight("essay.txt", "lock gate", "");
    let raw = s.raw();
    assert_eq!(raw["from_the_future"]["kept"], true);
    assert_eq!(raw["documents"][&key]["annotations"][0]["mood"], "calm");
    assert_eq!(
        raw["documents"][&key]["annotations"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_newer_schema_is_read_but_never_written() {
    let s = Scratch::new();
    s.highlight("essay.txt", "crabs under the stones", "");
    let mut raw = s.raw();
    raw["schema_version"] = 99.into();
    let bytes = serde_json::to_vec(&raw).unwrap();
    fs::write(s.store(), &bytes).unwrap();

    let out = s.folio(&["highlight", "essay.txt", "-q", "lock gate"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("newer folio"), "{err}");
    assert_eq!(fs::read(s.store()).unwrap(), bytes);
    assert_eq!(s.notes("essay.txt").len(), 1);
}

#[test]
fn a_renamed_article_keeps_its_notes() {
    let s = Scratch::new();
    s.highlight("essay.txt", "Boats lean on their keels in the mud", "n");
    fs::create_dir(s.path("moved")).unwrap();
    fs::rename(s.path("essay.txt"), s.path("moved/renamed.txt")).unwrap();
    let notes = s.notes("moved/renamed.txt");
    assert_eq!(
        status_of(&notes, "Boats lean on their keels in the mud"),
        "verified"
    );
    assert_eq!(notes[0]["note"], "n");
    // Listing everything finds the article at its new path only once it was opened there
    // (highlighting records the path); until then nothing can be checked, and it says so.
    assert!(s.ok(&["notes"]).contains("unchecked"));
    s.highlight("moved/renamed.txt", CHANGED, "m");
    let listed = s.ok(&["notes"]);
    assert!(listed.contains("verified") && !listed.contains("unchecked"));
}

const TOP: &str = "Boats lean on their keels in the mud";
const CHANGED: &str =
    "A hull that needs work shows every scar, and the owner knows the yard will call";
const DELETED: &str =
    "Visitors who arrive at high tide never guess what lies a few feet below them.";

fn edit_and_check(s: &Scratch, file: &str, original: &str) {
    s.highlight(file, TOP, "top");
    s.highlight(file, CHANGED, "changed");
    s.highlight(file, DELETED, "deleted");
    let deleted_para = original
        .split("\n\n")
        .find(|p| p.contains("Visitors who arrive"))
        .expect("test setup");
    let edited = format!("A new first paragraph, added by an editor.\n\n{original}")
        .replace("shows every scar", "shows each scar")
        .replace(&format!("{deleted_para}\n\n"), "");
    fs::write(s.path(file), edited).expect("test setup");

    let notes = s.notes(file);
    assert_eq!(notes.len(), 3, "none lost");
    assert_eq!(status_of(&notes, TOP), "moved");
    let changed = status_of(&notes, CHANGED);
    assert!(changed == "fuzzy" || changed == "review", "{changed}");
    let h = notes
        .iter()
        .find(|h| h["quote"] == CHANGED)
        .expect("test setup");
    assert_eq!(
        h["text"],
        "A hull that needs work shows each scar, and the owner knows the yard will call"
    );
    assert_eq!(status_of(&notes, DELETED), "orphan");
    let orphan = notes
        .iter()
        .find(|h| h["quote"] == DELETED)
        .expect("test setup");
    assert!(orphan["start"].is_null() && orphan["text"].is_null());
    assert_eq!(orphan["note"], "deleted");
}

#[test]
fn an_edited_article_re_anchors_its_highlights() {
    let s = Scratch::new();
    let original = fs::read_to_string(FIXTURE).unwrap();
    edit_and_check(&s, "essay.txt", &original);
}

#[test]
fn the_seed_article_re_anchors_after_edits_or_skip() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles/tiktok-xiaohongshu.txt");
    let Ok(original) = fs::read_to_string(&seed) else {
        println!("skipped: ../shared/articles/tiktok-xiaohongshu.txt not found");
        return;
    };
    let s = Scratch::new();
    fs::write(s.path("seed.txt"), &original).unwrap();
    let sentence = "known as social commerce";
    s.highlight("seed.txt", sentence, "first\nsecond");
    let notes = s.notes("seed.txt");
    assert_eq!(status_of(&notes, sentence), "verified");
    fs::write(
        s.path("seed.txt"),
        format!("An added opening paragraph.\n\n{original}"),
    )
    .unwrap();
    assert_eq!(status_of(&s.notes("seed.txt"), sentence), "moved");
}

#[test]
fn import_merges_another_annotations_file_once_and_refuses_other_files() {
    let s = Scratch::new();
    let id = s.highlight("essay.txt", "low tide is the honest hour", "kept elsewhere");
    let other = s.path("elsewhere.json");
    fs::rename(s.store(), &other).expect("test setup");
    s.highlight("essay.txt", "the crabs keep their stones", "already here");

    let said = s.ok(&["import", "elsewhere.json"]);
    assert!(said.contains("1 highlight added, 0 updated"), "{said}");
    let notes = s.notes("essay.txt");
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes
            .iter()
            .any(|h| h["id"] == id.as_str() && h["note"] == "kept elsewhere")
    );
    // A second import finds nothing new.
    let again = s.ok(&["import", "elsewhere.json"]);
    assert!(again.contains("0 highlights added, 0 updated"), "{again}");

    fs::write(s.path("notes.txt"), "not annotations").expect("test setup");
    let out = s.folio(&["import", "notes.txt"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("notes.txt") && err.contains("not an annotations file"),
        "{err}"
    );
    assert_eq!(s.notes("essay.txt").len(), 2);
}
