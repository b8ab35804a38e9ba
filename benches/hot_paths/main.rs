//! Hot paths, timed with divan (`cargo bench`): loading, wrapping and rendering 1 MB and
//! 10 MB articles, drawing a frame, key presses and a resize on a 10 KB and a 10 MB article,
//! search, a store of 10,000 highlights and the notes list filtered over 10,000 of them.
//! `benches/compare.sh` reads the medians and checks them against the targets of issues 6
//! and 18.

mod inputs;
mod notes;
mod reader;
mod store;

use std::path::Path;

use divan::Bencher;
use folio::article::Article;
use folio::layout::Layout;
use folio::render::View;
use folio::search::Haystack;

fn main() {
    divan::main();
}

/// Decode, normalise, parse, build the canonical text and outline.
#[divan::bench(args = inputs::NAMES, sample_count = 10)]
fn load(bencher: Bencher, name: &str) {
    let bytes = inputs::bytes(name);
    let file = inputs::file_name(name);
    bencher.bench(|| Article::from_bytes(&bytes, Some(Path::new(&file))));
}

/// The whole article wrapped at 100 columns (what the reader does in the background).
#[divan::bench(args = inputs::NAMES, sample_count = 10)]
fn wrap(bencher: Bencher, name: &str) {
    let article = inputs::article(name);
    bencher.bench(|| {
        let layout = Layout::new(&article, 100);
        layout.advance(usize::MAX);
        layout
    });
}

/// `folio render --width 100` without the file IO: wrapped lines into a byte count.
#[divan::bench(args = inputs::NAMES, sample_count = 10)]
fn render(bencher: Bencher, name: &str) {
    let article = inputs::article(name);
    bencher.bench(|| {
        let mut bytes = 0;
        let done: Result<(), ()> =
            folio::render::render_each(&article, 100, View::default(), |chunk| {
                bytes += chunk.len();
                Ok(())
            });
        (done, bytes)
    });
}

/// Searching 10 MB as the reader's first search does: fold the text, then find and count
/// every match (the first match is shown once all are counted).
#[divan::bench(args = ["en-10m", "zh-10m"], sample_count = 20)]
fn search_first(bencher: Bencher, name: &str) {
    let article = inputs::article(name);
    let query = if name.starts_with("zh") {
        "竹子"
    } else {
        "terminal"
    };
    bencher.bench(|| Haystack::new(&article.text).find_all(query).len());
}

/// Each later keystroke of a search: find and count every match in the folded text.
#[divan::bench(args = ["en-10m", "zh-10m"], sample_count = 20)]
fn search_keystroke(bencher: Bencher, name: &str) {
    let article = inputs::article(name);
    let haystack = Haystack::new(&article.text);
    let query = if name.starts_with("zh") {
        "竹子"
    } else {
        "terminal"
    };
    bencher.bench(|| haystack.find_all(query).len());
}
