//! A highlight store of 10,000 highlights on a 1 MB article: loading it and checking every
//! highlight against the article, and saving one change.
//!
//! The store has no bulk import and every change is a full, fsynced save, so the file is
//! made here from one highlight added through the API, copied 10,000 times in the JSON with
//! targets from `anchor::target_for`.

use std::path::{Path, PathBuf};

use divan::Bencher;
use folio::annotate::{AnchorStatus, Color, Store, anchor};
use folio::article::Article;
use serde_json::Value;

use crate::inputs;

const HIGHLIGHTS: usize = 10_000;

/// Writes a store of [`HIGHLIGHTS`] highlights spread over `article` into `dir`.
fn make_store(dir: &Path, article: &Article) -> PathBuf {
    let path = dir.join("annotations.json");
    let (mut store, _) = Store::open(&path).expect("a new store opens");
    let doc = store.document(article);
    store
        .add(&doc, article, 0..10, Color::Yellow, "")
        .expect("one highlight is added");
    let mut json: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("the store was saved"))
            .expect("the store is JSON");
    let annotations = json["documents"]
        .as_object_mut()
        .and_then(|docs| docs.values_mut().next())
        .and_then(|doc| doc["annotations"].as_array_mut())
        .expect("the document holds its annotations");
    let template = annotations[0].clone();
    let step = (article.char_len - 40) / HIGHLIGHTS;
    annotations.clear();
    for i in 0..HIGHLIGHTS {
        let start = i * step;
        let Ok(target) = anchor::target_for(article, start..start + 24) else {
            continue;
        };
        let mut copy = template.clone();
        copy["id"] = Value::String(ulid::Ulid::new().to_string());
        copy["target"] = serde_json::to_value(target).expect("a target serialises");
        annotations.push(copy);
    }
    std::fs::write(&path, serde_json::to_vec(&json).expect("JSON serialises"))
        .expect("the store is written");
    path
}

/// Opening the store and placing every highlight on the article (all verified).
#[divan::bench(sample_count = 20)]
fn store_load_verify(bencher: Bencher) {
    let article = inputs::article("en-1m");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = make_store(dir.path(), &article);
    bencher.bench(|| {
        let (store, _) = Store::open(&path).expect("the store opens");
        let doc = store.document(&article);
        let resolved = store.resolve(&doc, &article);
        assert_eq!(resolved.len(), HIGHLIGHTS);
        resolved
            .iter()
            .filter(|r| r.status == AnchorStatus::Verified)
            .count()
    });
}

/// Changing one highlight's note: a full save of the 10,000-highlight store.
#[divan::bench(sample_count = 20)]
fn store_save_one_change(bencher: Bencher) {
    let article = inputs::article("en-1m");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = make_store(dir.path(), &article);
    let (mut store, _) = Store::open(&path).expect("the store opens");
    let doc = store.document(&article);
    let id = store.resolve(&doc, &article)[0].id.clone();
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        store
            .set_note(&id, &format!("note {n}"))
            .expect("the change is saved");
    });
}
