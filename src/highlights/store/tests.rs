//! Unit tests of the store: saving, merging with other writers, recovery, read-only files.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::highlights::backup::backup_path;
use ulid::Ulid;

pub(super) const TEXT: &str = "Heading One\n\n\
The first paragraph says something worth keeping about social commerce.\n\n\
The second paragraph has another thought, which also deserves a note.";

pub(super) struct Fixture {
    pub(super) dir: tempfile::TempDir,
}

impl Fixture {
    pub(super) fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub(super) fn store_path(&self) -> PathBuf {
        self.dir.path().join("data").join("annotations.json")
    }

    pub(super) fn open(&self) -> Store {
        let (store, warnings) = Store::open(&self.store_path()).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        store
    }

    pub(super) fn article(&self, name: &str, text: &str) -> Article {
        let path = self.dir.path().join(name);
        fs::write(&path, text).unwrap();
        Article::open(&path).unwrap()
    }

    fn raw(&self) -> serde_json::Value {
        serde_json::from_slice(&fs::read(self.store_path()).unwrap()).unwrap()
    }
}

/// A fresh store and the sample article at `a.txt`.
fn setup() -> (Fixture, Article, Store) {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let store = fx.open();
    (fx, article, store)
}

pub(super) fn range_of(article: &Article, quote: &str) -> Range<usize> {
    crate::highlights::find_quote(article, quote, None).unwrap()
}

pub(super) fn add(store: &mut Store, article: &Article, quote: &str, note: &str) -> HighlightId {
    let doc = store.document(article);
    store
        .add(&doc, article, range_of(article, quote), Color::Yellow, note)
        .unwrap()
}

fn notes(store: &Store, article: &Article) -> Vec<(String, String)> {
    store
        .resolve(&store.document(article), article)
        .into_iter()
        .map(|r| (r.quote, r.note))
        .collect()
}

#[test]
fn a_missing_file_is_an_empty_store_and_the_first_add_creates_it() {
    let fx = Fixture::new();
    let mut store = fx.open();
    assert_eq!(store.file().documents.len(), 0);
    let article = fx.article("a.txt", TEXT);
    add(&mut store, &article, "social commerce", "my note");
    let raw = fx.raw();
    assert_eq!(raw["format"], "folio-annotations");
    assert_eq!(raw["generation"], 1);
    let doc = &raw["documents"][&article.id];
    assert_eq!(doc["text"]["hash"], article.text_hash.as_str());
    let ann = &doc["annotations"][0];
    assert_eq!(ann["target"]["quote"]["exact"], "social commerce");
    assert_eq!(ann["note"], "my note");
    assert_eq!(ann["color"], "yellow");
    assert_eq!(ann["deleted_at"], serde_json::Value::Null);

    let again = fx.open();
    assert_eq!(
        notes(&again, &article),
        [("social commerce".to_string(), "my note".to_string())]
    );
}

#[test]
fn edits_deletes_and_undeletes_are_saved_at_once() {
    let fx = Fixture::new();
    let mut store = fx.open();
    let article = fx.article("a.txt", TEXT);
    let id = add(&mut store, &article, "another thought", "first");
    store.set_note(&id, "second").unwrap();
    store.set_color(&id, Color::Blue).unwrap();
    store.set_tags(&id, &["idea".to_string()]).unwrap();
    let ann = &fx.raw()["documents"][&article.id]["annotations"][0];
    assert_eq!(
        (&ann["note"], &ann["color"], &ann["tags"][0]),
        (&"second".into(), &"blue".into(), &"idea".into())
    );
    store.delete(&id).unwrap();
    assert!(
        fx.open()
            .resolve(&store.document(&article), &article)
            .is_empty()
    );
    assert!(fx.open().annotation(&id).unwrap().deleted_at.is_some());
    store.undelete(&id).unwrap();
    assert_eq!(notes(&fx.open(), &article).len(), 1);
    assert_eq!(fx.raw()["generation"], 6);
}

#[test]
fn two_stores_on_one_file_both_land_and_see_each_other() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let mut one = fx.open();
    let mut two = fx.open();
    add(&mut one, &article, "social commerce", "from one");
    add(&mut two, &article, "another thought", "from two");
    assert_eq!(notes(&two, &article).len(), 2);
    assert_eq!(notes(&fx.open(), &article).len(), 2);
    assert_eq!(fx.raw()["generation"], 2);
}

#[test]
fn an_edit_from_a_stale_store_does_not_resurrect_a_deletion() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    let mut one = fx.open();
    let id = add(&mut one, &article, "social commerce", "n");
    let mut two = fx.open();
    one.delete(&id).unwrap();
    two.set_note(&id, "edited after the delete elsewhere")
        .unwrap();
    let fresh = fx.open();
    let ann = fresh.annotation(&id).unwrap();
    assert!(ann.deleted_at.is_some());
    assert_eq!(ann.note, "edited after the delete elsewhere");
}

#[test]
fn unknown_fields_survive_a_save() {
    let (fx, article, mut store) = setup();
    add(&mut store, &article, "social commerce", "n");
    let mut raw = fx.raw();
    raw["sync"] = serde_json::json!({"peer": "laptop"});
    raw["documents"][&article.id]["shelf"] = "to-read".into();
    raw["documents"][&article.id]["annotations"][0]["rating"] = 5.into();
    raw["documents"][&article.id]["annotations"][0]["target"]["quote"]["lang"] = "en".into();
    fs::write(fx.store_path(), serde_json::to_vec(&raw).unwrap()).unwrap();

    let mut store = fx.open();
    add(&mut store, &article, "another thought", "m");
    let raw = fx.raw();
    assert_eq!(raw["sync"]["peer"], "laptop");
    let doc = &raw["documents"][&article.id];
    assert_eq!(doc["shelf"], "to-read");
    assert_eq!(doc["annotations"][0]["rating"], 5);
    assert_eq!(doc["annotations"][0]["target"]["quote"]["lang"], "en");
}

#[test]
fn a_newer_schema_opens_read_only_and_is_never_written() {
    let fx = Fixture::new();
    let article = fx.article("a.txt", TEXT);
    add(&mut fx.open(), &article, "social commerce", "n");
    let mut raw = fx.raw();
    let newer = u64::from(crate::highlights::model::SCHEMA_VERSION) + 1;
    raw["schema_version"] = newer.into();
    let bytes = serde_json::to_vec(&raw).unwrap();
    fs::write(fx.store_path(), &bytes).unwrap();

    let (mut store, warnings) = Store::open(&fx.store_path()).unwrap();
    assert!(matches!(
        warnings[..],
        [Warning::NewerSchema { version, .. }] if version == newer
    ));
    assert!(store.read_only().is_some());
    assert_eq!(notes(&store, &article).len(), 1);
    let doc = store.document(&article);
    let err = store
        .add(&doc, &article, 0..7, Color::Green, "")
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("newer folio"));
    assert_eq!(fs::read(fx.store_path()).unwrap(), bytes);
}

#[test]
fn every_save_backs_up_the_version_it_replaces() {
    let (fx, article, mut store) = setup();
    let id = add(&mut store, &article, "social commerce", "0");
    for n in 1..=4 {
        store.set_note(&id, &n.to_string()).unwrap();
    }
    let generation = |p: &Path| -> u64 {
        let v: serde_json::Value = serde_json::from_slice(&fs::read(p).unwrap()).unwrap();
        v["generation"].as_u64().unwrap()
    };
    let path = fx.store_path();
    assert_eq!(generation(&path), 5);
    assert_eq!(generation(&backup_path(&path, 1)), 4);
    assert_eq!(generation(&backup_path(&path, 3)), 2);
    assert!(!backup_path(&path, 4).exists());
}

fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect()
}

#[test]
fn a_damaged_file_is_kept_aside_and_the_newest_backup_restored() {
    let (fx, article, mut store) = setup();
    let id = add(&mut store, &article, "social commerce", "kept");
    store.set_note(&id, "newer").unwrap();
    let good = fs::read(fx.store_path()).unwrap();
    let damaged = &good[..good.len() / 2];
    fs::write(fx.store_path(), damaged).unwrap();

    let (store, warnings) = Store::open(&fx.store_path()).unwrap();
    assert!(matches!(warnings[..], [Warning::Recovered { .. }]));
    let message = warnings[0].to_string();
    assert!(
        message.contains("damaged") && message.contains("backup"),
        "{message}"
    );
    assert_eq!(notes(&store, &article)[0].1, "kept");
    let aside = corrupt_files(fx.store_path().parent().unwrap());
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), damaged);
    assert!(matches!(
        disk::read(&fx.store_path()).unwrap(),
        OnDisk::Good { .. }
    ));
}

#[test]
fn a_damaged_file_without_a_backup_makes_the_store_read_only() {
    let fx = Fixture::new();
    fs::create_dir_all(fx.store_path().parent().unwrap()).unwrap();
    fs::write(
        fx.store_path(),
        b"{\"format\": \"folio-annotations\", \"docu",
    )
    .unwrap();
    let (mut store, warnings) = Store::open(&fx.store_path()).unwrap();
    assert!(matches!(warnings[..], [Warning::Unrecoverable { .. }]));
    let article = fx.article("a.txt", TEXT);
    let doc = store.document(&article);
    assert!(store.add(&doc, &article, 0..7, Color::Yellow, "").is_err());
    assert_eq!(
        fs::read(fx.store_path()).unwrap(),
        b"{\"format\": \"folio-annotations\", \"docu"
    );
}

#[test]
fn a_file_damaged_while_open_is_kept_aside_and_our_state_saved() {
    let (fx, article, mut store) = setup();
    add(&mut store, &article, "social commerce", "one");
    fs::write(fx.store_path(), b"garbage").unwrap();
    add(&mut store, &article, "another thought", "two");
    assert!(matches!(
        store.take_warnings()[..],
        [Warning::DamagedOnSave { .. }]
    ));
    assert_eq!(notes(&fx.open(), &article).len(), 2);
    assert_eq!(corrupt_files(fx.store_path().parent().unwrap()).len(), 1);
}

#[test]
fn a_renamed_article_keeps_its_notes() {
    let fx = Fixture::new();
    let article = fx.article("before.txt", TEXT);
    let mut store = fx.open();
    add(&mut store, &article, "social commerce", "n");
    fs::remove_file(fx.dir.path().join("before.txt")).unwrap();
    let moved = fx.article("after.txt", TEXT);
    let store = fx.open();
    assert_eq!(store.document(&moved), store.document(&article));
    let found = store.resolve(&store.document(&moved), &moved);
    assert_eq!(found[0].status, AnchorStatus::Verified);
}

#[test]
fn an_edited_article_is_found_by_its_path() {
    let (fx, article, mut store) = setup();
    add(&mut store, &article, "social commerce", "n");
    let edited = fx.article("a.txt", &format!("A new opening paragraph.\n\n{TEXT}"));
    assert_ne!(edited.text_hash, article.text_hash);
    let doc = store.document(&edited);
    assert_eq!(doc, store.document(&article));
    let found = store.resolve(&doc, &edited);
    assert_eq!(found[0].status, AnchorStatus::Moved);
    assert_eq!(
        edited.slice(found[0].range.clone().unwrap()),
        "social commerce"
    );
}

#[test]
fn a_different_article_gets_its_own_document() {
    let fx = Fixture::new();
    let mut store = fx.open();
    let a = fx.article("a.txt", TEXT);
    add(&mut store, &a, "social commerce", "n");
    let b = fx.article("b.txt", "Something else entirely.");
    assert_ne!(store.document(&b), store.document(&a));
    assert!(store.resolve(&store.document(&b), &b).is_empty());
}

#[test]
fn retarget_moves_a_highlight_and_keeps_its_note() {
    let (fx, article, mut store) = setup();
    let id = add(&mut store, &article, "social commerce", "n");
    let doc = store.document(&article);
    store
        .retarget(&doc, &article, &id, range_of(&article, "another thought"))
        .unwrap();
    assert_eq!(
        notes(&fx.open(), &article),
        [("another thought".to_string(), "n".to_string())]
    );
}

#[test]
fn unknown_ids_are_reported() {
    let fx = Fixture::new();
    let mut store = fx.open();
    let err = store
        .set_note(&HighlightId("01NOPE".to_string()), "x")
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)));
}

#[test]
fn ten_thousand_highlights_on_an_unchanged_text_all_verify() {
    let mut text = String::new();
    for section in 0..50 {
        text.push_str(&format!("Section {section}\n\n"));
        for para in 0..20 {
            text.push_str(&format!(
                "Paragraph {para} of section {section} says something, then more, and ends.\n\n"
            ));
        }
    }
    let fx = Fixture::new();
    let article = fx.article("long.txt", &text);
    let mut store = fx.open();
    let doc = store.document(&article);
    let now = Timestamp::now();
    let step = article.char_len / 10_000;
    let annotations = (0..10_000)
        .map(|i| Highlight {
            id: Ulid::new().to_string(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            color: "yellow".to_string(),
            tags: Vec::new(),
            note: format!("note {i}"),
            role: None,
            links: Vec::new(),
            target: anchor::target_for(&article, i * step..i * step + step.max(2) - 1)
                .unwrap_or_else(|_| anchor::target_for(&article, 0..5).unwrap()),
            anchor: verified(),
            extra: Extra::new(),
        })
        .collect();
    store.file.documents.insert(
        doc.0.clone(),
        Document {
            title: article.title.clone(),
            paths: Vec::new(),
            text: TextInfo {
                hash: article.text_hash.clone(),
                chars: article.char_len,
                parser: "text".to_string(),
                extra: Extra::new(),
            },
            annotations,
            extra: Extra::new(),
        },
    );
    let started = std::time::Instant::now();
    let resolved = store.resolve(&doc, &article);
    // Printed, not asserted: timings vary with the machine and the build profile.
    println!("resolved 10,000 highlights in {:?}", started.elapsed());
    assert_eq!(resolved.len(), 10_000);
    assert!(resolved.iter().all(|r| r.status == AnchorStatus::Verified));

    let edited = fx.article("long.txt", &format!("An opening paragraph.\n\n{text}"));
    let started = std::time::Instant::now();
    let resolved = store.resolve(&doc, &edited);
    println!(
        "re-anchored them after an edit at the top in {:?}",
        started.elapsed()
    );
    for r in resolved {
        let range = r.range.expect("every highlight is found");
        assert_eq!(edited.slice(range), r.quote);
    }
}

#[test]
fn refresh_saves_moved_positions_so_the_next_resolve_verifies() {
    let (fx, article, mut store) = setup();
    let id = add(&mut store, &article, "another thought", "n");
    let doc = store.document(&article);
    let generation = fx.raw()["generation"].clone();
    store.refresh(&doc, &article).unwrap();
    assert_eq!(
        fx.raw()["generation"],
        generation,
        "nothing learnt, nothing saved"
    );

    let edited = fx.article("a.txt", &format!("An opening paragraph.\n\n{TEXT}"));
    let found = store.refresh(&doc, &edited).unwrap();
    assert_eq!(found[0].status, AnchorStatus::Moved);
    let ann = fx.open().annotation(&id).unwrap().clone();
    assert_eq!(ann.anchor.status, "moved");
    assert_eq!(ann.target.text_hash, edited.text_hash);
    assert_eq!(ann.target.quote.exact, "another thought");
    assert_eq!(
        ann.target.position.start,
        found[0].range.as_ref().unwrap().start
    );
    assert_eq!(
        fx.raw()["documents"][&doc.0]["text"]["hash"],
        edited.text_hash.as_str()
    );
    assert_eq!(
        store.resolve(&doc, &edited)[0].status,
        AnchorStatus::Verified
    );
}

#[test]
fn refresh_keeps_the_original_quote_of_a_fuzzy_match() {
    let (fx, article, mut store) = setup();
    let quote = "The second paragraph has another thought, which also deserves a note.";
    let id = add(&mut store, &article, quote, "n");
    let doc = store.document(&article);
    let edited = fx.article("a.txt", &TEXT.replace("also deserves", "surely deserves"));
    let found = store.refresh(&doc, &edited).unwrap();
    assert!(matches!(
        found[0].status,
        AnchorStatus::Fuzzy | AnchorStatus::Review
    ));
    let ann = fx.open().annotation(&id).unwrap().clone();
    assert_eq!(ann.anchor.status, found[0].status.name());
    assert_eq!(ann.target.quote.exact, quote);
    assert_eq!(ann.target.text_hash, article.text_hash);
}

#[test]
fn a_document_is_found_by_a_highlight_made_on_the_same_text() {
    let (fx, first, mut store) = setup();
    add(&mut store, &first, "social commerce", "on the first text");
    let second = fx.article("a.txt", &format!("{TEXT}\n\nA closing line."));
    add(&mut store, &second, "closing line", "on the second text");
    // The first text turns up again under another name.
    let copy = fx.article("copy.txt", TEXT);
    assert_eq!(store.document(&copy), store.document(&second));
}
