//! HTML (placeholder).

use super::{BlockKind, Parsed, RawBlock};

pub fn parse(text: &str) -> Parsed {
    let blocks = text
        .split("\n\n")
        .map(|p| RawBlock::new(BlockKind::Paragraph, p))
        .collect();
    Parsed {
        title_hint: None,
        blocks,
    }
}
