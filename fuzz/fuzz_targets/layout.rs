//! Fuzzes the layout: random blocks of every kind with random text, laid out at random widths.
//! Every non-space character is shown exactly once and in order, no line is wider than the
//! width, and every offset lies on a character boundary inside the text.
#![no_main]

use folio::article::{BlockKind, Format, Parsed, RawBlock, build};
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

fuzz_target!(|input: (Vec<u8>, Vec<(u8, String)>)| {
    let (widths, blocks) = input;
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
    }
});
