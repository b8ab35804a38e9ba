//! Fuzzes the layout: random blocks of every kind with random text, laid out at random widths.
//! Every non-space character is shown exactly once and in order, no line is wider than the
//! width, and every offset lies on a character boundary inside the text. The lazy layout,
//! asked for its lines in a random order, ends with exactly the lines of an in-order wrap.
#![no_main]

use std::sync::Arc;

use folio::article::{Article, BlockKind, Format, Parsed, RawBlock, build};
use folio::layout::Layout;
use libfuzzer_sys::fuzz_target;

// Shared with the proptest suite; not every target uses every check.
#[allow(dead_code)]
#[path = "../../tests/support/invariants.rs"]
mod invariants;

/// Maps a byte to a block kind, covering every kind and the usual levels and depths.
fn kind(byte: u8) -> BlockKind {
    match byte % 16 {
        n @ 0..=5 => BlockKind::Heading { level: n + 1 },
        n @ 6..=9 => BlockKind::ListItem { depth: n - 6 },
        10 => BlockKind::Quote,
        11 => BlockKind::Code,
        12 => BlockKind::Table,
        13 => BlockKind::Rule,
        14 => BlockKind::Chrome,
        _ => BlockKind::Paragraph,
    }
}

/// Drives a fresh layout through random lazy calls (each `u16` picks a call and a place), then
/// checks that wrapping the rest gives the same lines, line count and offset maps as an
/// in-order wrap: the order blocks get wrapped in must never show.
fn check_lazy_order(article: &Article, width: usize, calls: &[u16]) {
    let shared = Arc::new(article.clone());
    let eager = Layout::new(&shared, width);
    eager.advance(usize::MAX);
    let lazy = Layout::new(&shared, width);
    let chars = article.char_len.max(1);
    for &call in calls.iter().take(64) {
        let at = usize::from(call >> 2) * chars / 16384;
        let lines = usize::from(call >> 2) % 64;
        match call & 3 {
            0 => lazy.ensure_around(at, lines, lines),
            1 => {
                lazy.line_of_offset(at);
            }
            2 => {
                lazy.line(usize::from(call >> 2) % (lazy.len() + 1));
            }
            _ => lazy.ensure_end(lines),
        }
    }
    lazy.advance(usize::MAX);
    assert_eq!(lazy.len(), eager.len(), "line count depends on wrap order");
    assert_eq!(
        lazy.lines(0..lazy.len()),
        eager.lines(0..eager.len()),
        "lines depend on wrap order"
    );
    for offset in (0..article.char_len).step_by(article.char_len / 64 + 1) {
        assert_eq!(lazy.line_of_offset(offset), eager.line_of_offset(offset));
    }
}

fuzz_target!(|input: (Vec<u8>, Vec<(u8, String)>, Vec<u16>)| {
    let (widths, blocks, calls) = input;
    let parsed = Parsed {
        title_hint: None,
        blocks: blocks
            .into_iter()
            .map(|(k, text)| RawBlock::new(kind(k), text))
            .collect(),
    };
    let article = build(parsed, Format::Plain, "UTF-8", "fuzz");
    for width in widths.into_iter().take(4).map(usize::from) {
        if let Err(broken) = invariants::check_all(&article, width) {
            panic!("width {width}: {broken}");
        }
        check_lazy_order(&article, width, &calls);
    }
});
