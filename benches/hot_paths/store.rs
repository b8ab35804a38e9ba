//! Highlight stores: 10,000 highlights on a 1 MB article (loading it and checking every
//! highlight against the article, and saving one change), and 100,000 highlights over 5,000
//! articles (opening it, as the library does, and saving one change).
//!
//! Every change is a fsynced save, so the files are made here as JSON from one highlight
//! added through the API, copied with targets from `anchor::target_for`: a store as folio
//! writes it when the journal beside it was just folded in.

use std::path::{Path, PathBuf};

use divan::Bencher;
use folio::article::Article;
use folio::highlights::{AnchorStatus, Color, Store, anchor};
use serde_json::Value;

use crate::inputs;

const HIGHLIGHTS: usize = 10_000;
/// The large store: this many articles with [`PER_ARTICLE`] highlights each.
const ARTICLES: usize = 5_000;
const PER_ARTICLE: usize = 20;

/// A store holding one highlight on `article`, as JSON, with that highlight.
fn seed(dir: &Path, article: &Article) -> (PathBuf, Value, Value) {
    let path = dir.join("annotations.json");
    let (mut store, _) = Store::open(&path).expect("a new store opens");
    let doc = store.document(article);
    store
        .add(&doc, article, 0..10, Color::Yellow, "")
        .expect("one highlight is added");
    let json: Value = serde_json::from_slice(&std::fs::read(&path).expect("the store was saved"))
        .expect("the store is JSON");
    let template = json["documents"]
        .as_object()
        .and_then(|docs| docs.values().next())
        .map(|doc| doc["annotations"][0].clone())
        .expect("the document holds its annotation");
    (path, json, template)
}

/// `count` highlights like `template` spread over `article`, each with its own id and time
/// (made one after another and never edited, so updated when made).
fn spread(template: &Value, article: &Article, count: usize) -> Vec<Value> {
    let step = (article.char_len - 40) / count;
    let now = jiff::Timestamp::now();
    (0..count)
        .filter_map(|i| {
            let target = anchor::target_for(article, i * step..i * step + 24).ok()?;
            let mut copy = template.clone();
            copy["id"] = Value::String(ulid::Ulid::new().to_string());
            let made = now + jiff::SignedDuration::from_secs(i as i64);
            copy["created_at"] = Value::String(made.to_string());
            copy["updated_at"] = copy["created_at"].clone();
            copy["target"] = serde_json::to_value(target).expect("a target serialises");
            Some(copy)
        })
        .collect()
}

fn write(path: &Path, json: &Value) {
    std::fs::write(
        path,
        serde_json::to_vec_pretty(json).expect("JSON serialises"),
    )
    .expect("the store is written");
}

/// Writes a store of [`HIGHLIGHTS`] highlights spread over `article` into `dir`.
fn make_store(dir: &Path, article: &Article) -> PathBuf {
    let (path, mut json, template) = seed(dir, article);
    let annotations = json["documents"]
        .as_object_mut()
        .and_then(|docs| docs.values_mut().next())
        .expect("one document");
    annotations["annotations"] = Value::Array(spread(&template, article, HIGHLIGHTS));
    write(&path, &json);
    path
}

/// Writes a store of [`ARTICLES`] documents of [`PER_ARTICLE`] highlights each into `dir`:
/// copies of the document of `article`, each with its own text hash and path.
fn make_large_store(dir: &Path, article: &Article) -> PathBuf {
    let (path, mut json, template) = seed(dir, article);
    let docs = json["documents"].as_object_mut().expect("documents");
    let first = docs.values().next().cloned().expect("one document");
    docs.clear();
    for n in 0..ARTICLES {
        let mut doc = first.clone();
        let hash = format!("{n:064x}");
        doc["text"]["hash"] = Value::String(hash.clone());
        doc["paths"] = Value::from(vec![format!("/home/me/articles/{n}.txt")]);
        doc["annotations"] = Value::Array(spread(&template, article, PER_ARTICLE));
        docs.insert(hash[48..].to_string(), doc);
    }
    write(&path, &json);
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

/// Changing one highlight's note in the 10,000-highlight store: one journal line.
#[divan::bench(sample_count = 20)]
fn store_save_one_change(bencher: Bencher) {
    let article = inputs::article("en-1m");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = make_store(dir.path(), &article);
    save_one_change(bencher, &path);
}

/// Opening the store of 100,000 highlights over 5,000 articles, as the store worker does in
/// the background before the library's highlight counts fill in (the library's first screen
/// does not wait for it: `benches/compare.sh` times that). The store is returned, so divan
/// frees it after the timing: the worker keeps it until folio quits.
#[divan::bench(sample_count = 5)]
fn store_100k_open(bencher: Bencher) {
    let article = inputs::article("en-10k");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = make_large_store(dir.path(), &article);
    bencher.bench(|| {
        let (store, _) = Store::open(&path).expect("the store opens");
        assert_eq!(store.documents().count(), ARTICLES);
        store
    });
}

/// Changing one highlight's note in the store of 100,000 highlights.
#[divan::bench(sample_count = 20)]
fn store_100k_save_one_change(bencher: Bencher) {
    let article = inputs::article("en-10k");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = make_large_store(dir.path(), &article);
    save_one_change(bencher, &path);
}

fn save_one_change(bencher: Bencher, path: &Path) {
    let (mut store, _) = Store::open(path).expect("the store opens");
    let id = store
        .documents()
        .find_map(|(_, d)| d.annotations.first())
        .map(|a| folio::highlights::HighlightId(a.id.clone()))
        .expect("a highlight");
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        store
            .set_note(&id, &format!("note {n}"))
            .expect("the change is saved");
    });
}
