//! Issue 18, item 1: the store's schema 2 (roles and links). A store written by folio 0.1.0
//! (schema 1) opens, keeps every note and is written back as schema 2; whatever this build
//! saves says schema 2 where an older folio looks first (the snapshot, or the journal's
//! header), so that folio opens it read-only instead of writing over links it cannot show.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use folio::highlights::{HighlightId, LinkKind, Role, Store};
use serde_json::Value;

/// Written by folio 0.1.0 (schema 1): three highlights on night-ferry.txt.
const FIXTURE: &str = "tests/fixtures/store-v1.json";

fn raw(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// The fixture in `dir`, padded past the size under which every save rewrites the file when
/// `large` (an unknown top-level field, which every build keeps).
fn fixture(dir: &Path, large: bool) -> PathBuf {
    let mut json = raw(Path::new(FIXTURE));
    if large {
        json["padding"] = Value::from("x".repeat(300_000));
    }
    let path = dir.join("annotations.json");
    fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    path
}

fn ids(store: &Store) -> Vec<HighlightId> {
    let doc = store.documents().next().unwrap().1;
    doc.annotations
        .iter()
        .map(|a| HighlightId(a.id.clone()))
        .collect()
}

fn journal_header(store: &Path) -> Value {
    let text = fs::read_to_string(store.with_file_name("annotations.json.journal")).unwrap();
    serde_json::from_str(text.lines().next().unwrap()).unwrap()
}

#[test]
fn issue18_a_schema_1_store_opens_and_migrates_to_schema_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path(), false);
    let before = raw(&path);
    let (mut store, warnings) = Store::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(store.read_only().is_none());
    let ids = ids(&store);
    assert_eq!(ids.len(), 3);
    store
        .set_role(&ids[0], Some(Role::Claim), Role::default_color)
        .unwrap();
    store.link(&ids[1], &ids[0], LinkKind::Supports).unwrap();

    let after = raw(&path);
    assert_eq!(after["schema_version"], 2);
    let key = before["documents"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap();
    let (old, new) = (&before["documents"][key], &after["documents"][key]);
    for i in 0..3 {
        assert_eq!(old["annotations"][i]["note"], new["annotations"][i]["note"]);
        assert_eq!(
            old["annotations"][i]["target"],
            new["annotations"][i]["target"]
        );
    }
    assert_eq!(new["annotations"][0]["role"], "claim");
    assert_eq!(
        new["annotations"][1]["links"][0]["target"],
        ids[0].0.as_str()
    );
    assert_eq!(new["annotations"][1]["links"][0]["kind"], "supports");
    assert!(
        new["annotations"][2].get("role").is_none(),
        "no role: no field"
    );

    let (again, _) = Store::open(&path).unwrap();
    let first = again.annotation(&ids[0]).unwrap();
    assert_eq!(first.role.as_deref(), Some("claim"));
}

#[test]
fn issue18_a_large_schema_1_store_journals_under_a_schema_2_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path(), true);
    let (mut store, _) = Store::open(&path).unwrap();
    let ids = ids(&store);
    store
        .set_role(&ids[2], Some(Role::Question), Role::default_color)
        .unwrap();
    assert_eq!(
        raw(&path)["schema_version"],
        1,
        "appended, the snapshot untouched"
    );
    assert_eq!(journal_header(&path)["schema_version"], 2);
}

#[test]
fn issue18_a_journal_begun_by_schema_1_is_folded_before_roles_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path(), true);
    let generation = raw(&path)["generation"].clone();
    let header = serde_json::json!({"format": "folio-annotations-journal",
        "schema_version": 1, "follows_generation": generation});
    let journal = path.with_file_name("annotations.json.journal");
    fs::write(&journal, format!("{header}\n")).unwrap();

    let (mut store, _) = Store::open(&path).unwrap();
    let ids = ids(&store);
    store
        .set_role(&ids[0], Some(Role::Claim), Role::default_color)
        .unwrap();
    let on_disk = raw(&path);
    let journal_says = journal
        .exists()
        .then(|| journal_header(&path)["schema_version"].clone());
    assert_eq!(
        on_disk["schema_version"], 2,
        "rewritten whole: {journal_says:?}"
    );
    assert_eq!(on_disk["padding"].as_str().map(str::len), Some(300_000));
    let doc = on_disk["documents"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    assert_eq!(doc["annotations"][0]["role"], "claim");
}
