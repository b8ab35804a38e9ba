//! Fuzzes encoding detection and sanitising: decoding any bytes never panics, and once
//! normalised (or stripped) the text holds no control character but the newline.
#![no_main]

use folio::article::detect::decode;
use folio::article::sanitize::{normalize, strip_controls};
use libfuzzer_sys::fuzz_target;

// Shared with the proptest suite; not every target uses every check.
#[allow(dead_code)]
#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else {
        return;
    };
    let normal = normalize(&decoded.text);
    if let Err(broken) = invariants::check_clean("normalised text", &normal) {
        panic!("decoded as {}: {broken}", decoded.encoding);
    }
    if let Err(broken) = invariants::check_clean("stripped text", &strip_controls(&decoded.text)) {
        panic!("decoded as {}: {broken}", decoded.encoding);
    }
    // Clean text passes through sanitising untouched, so sanitising twice changes nothing.
    assert_eq!(normalize(&normal), normal, "normalising is not idempotent");
});
