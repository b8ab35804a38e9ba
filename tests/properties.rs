//! Property tests for loading, layout and rendering on hostile input: the same properties the
//! fuzz targets in fuzz/ check (tests/support/invariants.rs), with a small case count so the
//! normal test run stays quick.

mod support;

use std::path::Path;

use folio::article::detect::decode;
use folio::article::sanitize::{normalize, strip_controls};
use folio::article::{Article, BlockKind, Format, Parsed, RawBlock, build};
use proptest::prelude::*;
use support::invariants::{check_all, check_clean};

/// Pieces that steer generated text into the paths hostile and structured input takes: escape
/// sequences and controls, markup of every format, CJK and combining characters.
const PIECES: &[&str] = &[
    "\u{1b}[",
    "\u{1b}]52;c;",
    "\u{1b}]8;;",
    "\u{1b}P",
    "\u{1b}\\",
    "\u{7}",
    "\u{9b}",
    "\u{9d}",
    "\u{85}",
    "[201~",
    "31m",
    "\r\n",
    "\r",
    "\t",
    "\n",
    "\n\n",
    "# ",
    "## ",
    "```\n",
    "> ",
    "- [ ] ",
    "1. ",
    "| a | b |\n",
    "===\n",
    "<p>",
    "</p>",
    "<h2>",
    "</h2>",
    "<article>",
    "<script>",
    "<!DOCTYPE html>",
    "&#27;",
    "&#x9b;",
    "&amp;",
    "中文",
    "한글",
    "😀",
    "\u{301}",
    "\u{202e}",
    "\u{2067}",
    "\u{feff}",
    "word ",
    "Heading",
    "第三章 ",
    "一、",
    "❤",
    "\u{fe0f}",
    "\u{200d}",
    "👨",
    "🇫🇷",
    "\u{600}",
    "ل",
    "ا",
    "  ",
];

fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Hostile text as UTF-8, the same with stray bytes spliced in, or any bytes at all.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        hostile_text().prop_map(String::into_bytes),
        (hostile_text(), any::<u8>(), any::<prop::sample::Index>()).prop_map(|(t, b, at)| {
            let mut bytes = t.into_bytes();
            bytes.insert(at.index(bytes.len() + 1), b);
            bytes
        }),
        prop::collection::vec(any::<u8>(), 0..300),
    ]
}

fn block_kind() -> impl Strategy<Value = BlockKind> {
    prop_oneof![
        (1u8..=6).prop_map(|level| BlockKind::Heading { level }),
        Just(BlockKind::Paragraph),
        (0u8..4).prop_map(|depth| BlockKind::ListItem { depth }),
        Just(BlockKind::Quote),
        Just(BlockKind::Code),
        Just(BlockKind::Table),
        Just(BlockKind::Rule),
        Just(BlockKind::Chrome),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_load_into_a_sound_model(bytes in hostile_bytes(), width in 0usize..100) {
        for name in ["a.txt", "a.md", "a.html", "a"] {
            // Refusing binary data is a correct answer; anything loaded must be sound.
            if let Ok(article) = Article::from_bytes(&bytes, Some(Path::new(name))) {
                let checked = check_all(&article, width);
                prop_assert!(checked.is_ok(), "{} at {}: {:?}", name, width, checked);
            }
        }
    }

    #[test]
    fn decoded_text_is_clean_once_normalised(bytes in hostile_bytes()) {
        if let Ok(decoded) = decode(&bytes) {
            let normal = normalize(&decoded.text);
            prop_assert!(check_clean("normalised", &normal).is_ok(), "{:?}", normal);
            let stripped = strip_controls(&decoded.text);
            prop_assert!(check_clean("stripped", &stripped).is_ok(), "{:?}", stripped);
            prop_assert_eq!(normalize(&normal), normal);
        }
    }

    #[test]
    fn every_block_kind_lays_out_soundly(
        blocks in prop::collection::vec((block_kind(), hostile_text()), 0..8),
        width in 0usize..60,
    ) {
        let parsed = Parsed {
            title_hint: None,
            blocks: blocks.into_iter().map(|(k, t)| RawBlock::new(k, t)).collect(),
        };
        let article = build(parsed, Format::Plain, "UTF-8", "t");
        let checked = check_all(&article, width);
        prop_assert!(checked.is_ok(), "at {}: {:?}", width, checked);
    }
}
