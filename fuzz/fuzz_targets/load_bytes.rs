//! Fuzzes loading an article from raw bytes in every format, then lays it out and renders it.
//!
//! The first input byte picks the file name (its low two bits: .txt, .md, .html or no
//! extension, which makes folio sniff the format) and the width (the rest of it); the other
//! bytes are the file.
#![no_main]

use std::path::Path;

use folio::article::Article;
use libfuzzer_sys::fuzz_target;

// Shared with the proptest suite; not every target uses every check.
#[allow(dead_code)]
#[path = "../../tests/support/invariants.rs"]
mod invariants;

const NAMES: [&str; 4] = ["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(selector & 3)];
    let width = 2 + usize::from(selector >> 2);
    // Binary input is refused with an error; that is a correct answer, not a finding.
    let Ok(article) = Article::from_bytes(bytes, Some(Path::new(name))) else {
        return;
    };
    if let Err(broken) = invariants::check_all(&article, width) {
        panic!("{name} at width {width}: {broken}");
    }
});
