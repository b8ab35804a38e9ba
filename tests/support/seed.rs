//! The shared real article (a scraped page never copied into the repo), read from `../shared`
//! beside the clone; tests that need it say clearly that they were skipped when it is absent.

use std::path::Path;

/// Where the shared article lies, relative to the crate.
pub const SEED: &str = "../shared/articles/tiktok-xiaohongshu.txt";

/// The shared article's path, or `None` after printing that the test was skipped.
pub fn path_or_skip() -> Option<String> {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    if !seed.exists() {
        println!("skipped: {SEED} not found");
        return None;
    }
    Some(seed.to_string_lossy().into_owned())
}
