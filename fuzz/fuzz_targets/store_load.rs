//! Fuzzes loading the annotations file: any bytes at `annotations.json` open without a panic,
//! are never rewritten (with no backup to restore, a damaged file must stay as it was), a
//! damaged file is never taken for an empty writable store, and every stored highlight placed
//! on an article lands inside its text and, when `verified` or `moved`, on its quote.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use folio::article::Article;
use libfuzzer_sys::fuzz_target;

// Shared with the proptest suite; not every target uses every check.
#[allow(dead_code)]
#[path = "../../tests/support/invariants.rs"]
mod invariants;

/// The article stored highlights are placed on: one of the samples, loaded once.
fn sample() -> &'static Article {
    static SAMPLE: OnceLock<Article> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let bytes = include_bytes!("../../assets/articles/on-walking-slowly.txt");
        Article::from_bytes(bytes, Some(Path::new("on-walking-slowly.txt")))
            .expect("the sample article loads")
    })
}

fuzz_target!(|data: &[u8]| {
    // A folder of this process's own, emptied before each input so no backup or set-aside
    // copy from an earlier input takes part.
    let dir = std::env::temp_dir().join(format!("folio-fuzz-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the fuzz folder");
    let path = dir.join("annotations.json");
    if let Err(broken) = invariants::check_store_open(&path, data, sample()) {
        panic!("{broken}");
    }
});
