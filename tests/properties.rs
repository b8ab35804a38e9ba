//! Property tests for loading, layout, rendering, the annotations file and re-anchoring on
//! hostile input: the same properties the fuzz targets in fuzz/ check
//! (tests/support/invariants.rs), with a small case count so the normal test run stays quick.

mod support;

use std::path::Path;

use folio::article::detect::decode;
use folio::article::sanitize::{normalize, strip_controls};
use folio::article::{Article, BlockKind, Format, Parsed, RawBlock, build};
use proptest::prelude::*;
use support::invariants::{Edit, check_all, check_clean, check_reanchor, check_store_open};

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

/// Prose made of a few repeated words, so quotes recur and edits make near-misses.
fn prose() -> impl Strategy<Value = String> {
    let word = prop::sample::select(
        &[
            "the",
            "ferry",
            "harbour",
            "leaves",
            "at",
            "seven",
            "小红书",
            "创作者",
            ".",
            ",",
            "\n\n",
            "tide",
            "e\u{301}",
            "😀",
        ][..],
    );
    prop::collection::vec(word, 1..120).prop_map(|words| words.join(" "))
}

fn edit() -> impl Strategy<Value = Edit> {
    (any::<usize>(), 0usize..30, prose()).prop_map(|(at, removed, inserted)| Edit {
        at,
        removed,
        inserted,
    })
}

/// A valid annotations file for the sample article, to be cut and corrupted.
const STORE: &str = r#"{"format": "folio-annotations", "schema_version": 1, "generation": 2,
 "documents": {"d": {"title": "On walking slowly", "paths": ["a.txt"],
  "text": {"hash": "00", "chars": 10, "parser": "text"}, "future": [1, 2],
  "annotations": [{"id": "01J0000000000000000000000A", "created_at": "2026-01-01T00:00:00Z",
   "updated_at": "2026-01-01T00:00:00Z", "color": "green", "note": "n",
   "target": {"quote": {"exact": "The legs move; nothing else does.", "prefix": "", "suffix": ""},
    "position": {"start": 40, "end": 73}, "section": [], "text_hash": "00"}}]}}}"#;

fn sample() -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/on-walking-slowly.txt");
    Article::open(&path).expect("sample article")
}

/// Found by the proptest below: a target whose hash matched the text was verified at its
/// position without its quote being there.
#[test]
fn a_target_with_the_right_hash_but_another_quote_is_not_verified() {
    let forged = Some("the");
    assert_eq!(check_reanchor("the", 0, 0, &[], forged), Ok(()));
    let edit = Edit {
        at: 4,
        removed: 0,
        inserted: "quick ".into(),
    };
    assert_eq!(
        check_reanchor("the brown fox", 4, 4, &[edit], Some("brown")),
        Ok(())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn highlights_survive_edits_or_say_so(
        text in prose(),
        start in any::<usize>(),
        len in 0usize..40,
        edits in prop::collection::vec(edit(), 0..4),
        forged in prop::option::of(prose()),
    ) {
        let checked = check_reanchor(&text, start, len, &edits, forged.as_deref());
        prop_assert!(checked.is_ok(), "{:?}", checked);
    }

    #[test]
    fn any_annotations_file_opens_safely(
        cut in any::<prop::sample::Index>(),
        flip in prop::option::of((any::<prop::sample::Index>(), any::<u8>())),
        noise in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut data = STORE.as_bytes()[..cut.index(STORE.len() + 1)].to_vec();
        if let Some((at, byte)) = flip
            && !data.is_empty()
        {
            let at = at.index(data.len());
            data[at] = byte;
        }
        data.extend_from_slice(&noise);
        let checked = check_store_open(&dir.path().join("annotations.json"), &data, &sample());
        prop_assert!(checked.is_ok(), "{:?} for {:?}", checked, String::from_utf8_lossy(&data));
    }
}
