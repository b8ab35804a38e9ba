//! Issue 19, point 3: `folio render` goes from Markdown to lines in one pass over reused
//! buffers (no list of words per block, no line list per block), and a UTF-8 article's text is
//! not copied to be decoded or normalised. dhat counts the heap while one is opened and
//! rendered; the counts do not depend on timing.

use std::path::Path;

use folio::article::Article;
use folio::render::{View, render_each};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// About `size` bytes of Markdown: headings and paragraphs of plain English, curly quotes in
/// the first line, as a long article is.
fn long_markdown(size: usize) -> String {
    let mut text = String::from("# A “long” article\n\n");
    let mut n = 0;
    while text.len() < size {
        n += 1;
        if n % 10 == 0 {
            text.push_str(&format!("## Part {n}\n\n"));
        }
        for _ in 0..6 {
            text.push_str("The ferries crossed the sound twice a day, and the people who ");
            text.push_str("rode them knew each plank, each rope and each of the crew by name. ");
        }
        text.push_str("\n\n");
    }
    text
}

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).expect("temp folder");
    let path = dir.join("long.md");
    std::fs::write(&path, text).expect("write the article");
    path
}

#[test]
fn render_speed_opens_without_copies_and_renders_over_reused_buffers() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let dir = std::env::temp_dir().join(format!("folio-render-memory-{}", std::process::id()));
    let size = 1 << 20;
    let path = write(&dir, &long_markdown(size));

    let before = dhat::HeapStats::get();
    let article = Article::open(&path).expect("open");
    let opened = dhat::HeapStats::get();
    // Read once into a buffer of the file's size, parsed, built into the canonical text; the
    // decoding and normalising of clean UTF-8 add nothing (they took twice the text, and
    // reading it by doubling a buffer as much again: 9.8 times the text in all, 4.8 now).
    let open_bytes = opened.total_bytes - before.total_bytes;
    eprintln!("opening {size} bytes allocated {open_bytes} bytes");
    assert!(
        open_bytes < 7 * size as u64,
        "opening allocated {open_bytes} bytes for {size} bytes of text"
    );

    let mut printed = 0;
    render_each(&article, 100, View::default(), |chunk| {
        printed += chunk.len();
        Ok::<(), std::convert::Infallible>(())
    })
    .expect("render");
    let rendered = dhat::HeapStats::get();
    let blocks = article.blocks.len() as u64;
    // One per word and a few per block before (227,453 for these 1,484 blocks); now the
    // buffers grow a few times and are then reused.
    let render_blocks = rendered.total_blocks - opened.total_blocks;
    eprintln!("rendering {blocks} blocks made {render_blocks} heap blocks");
    assert!(printed > size / 2);
    assert!(
        render_blocks < blocks / 10,
        "rendering {blocks} blocks made {render_blocks} heap blocks"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}
