//! Lays parsed blocks out as one canonical text with character-offset ranges, outline and title.

use super::inline::{self, RawSpan, Span};
use super::{Article, Block, BlockKind, Format, Parsed, RawBlock, Section, sanitize};

/// Separator between blocks in the canonical text.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// Builds the canonical model from a parser's blocks.
///
/// Block text is cleaned once more here (control characters out, surrounding blank space
/// trimmed), so no parser can let an escape sequence through. Empty blocks are dropped,
/// except rules, which are empty by nature.
pub fn build(
    parsed: Parsed,
    format: Format,
    encoding: &'static str,
    fallback_title: &str,
) -> Article {
    let Joined {
        text,
        blocks,
        spans,
        char_len,
    } = join(parsed.blocks);
    let outline = outline_of(&text, &blocks);
    let title = title_of(parsed.title_hint, &outline, fallback_title);
    let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
    Article {
        id: hash[..16].to_string(),
        text_hash: hash,
        title,
        text,
        char_len,
        blocks,
        spans,
        outline,
        format,
        encoding,
        source: None,
    }
}

/// The canonical text the blocks make, joined by [`BLOCK_SEPARATOR`], with each block's place
/// in it and the spans moved with their text.
struct Joined {
    text: String,
    blocks: Vec<Block>,
    spans: Vec<Span>,
    char_len: usize,
}

/// Whether a block of `kind` whose text is `text` keeps a place in the canonical text: a rule
/// does, and any other block whose text, cleaned, is not blank. [`join`] drops the others
/// (`folio outline --explain` matches the parser's pieces to the blocks by it).
pub fn keeps_place(kind: BlockKind, text: &str) -> bool {
    kind == BlockKind::Rule
        || sanitize::strip_controls_cow(text)
            .chars()
            .any(|c| !c.is_whitespace())
}

/// Joins the raw blocks into the canonical text; a block left empty by cleaning is dropped
/// (a rule has no text and stays: see [`keeps_place`]).
fn join(raw_blocks: Vec<RawBlock>) -> Joined {
    let mut text = String::with_capacity(raw_blocks.iter().map(|b| b.text.len() + 2).sum());
    let mut blocks = Vec::with_capacity(raw_blocks.len());
    let mut spans = Vec::new();
    let mut char_len = 0usize;
    for raw in raw_blocks {
        // The text goes straight onto the canonical text; it is taken back if it is empty.
        let mark = text.len();
        if !blocks.is_empty() {
            text.push_str(BLOCK_SEPARATOR);
        }
        let byte_start = text.len();
        let separator = if blocks.is_empty() {
            0
        } else {
            BLOCK_SEPARATOR.len()
        };
        let kind = raw.kind;
        let align = raw.align;
        let lang = raw.lang.as_deref().map(Box::from);
        let block_spans = push_block_text(raw, &mut text, char_len + separator);
        if text.len() == byte_start && kind != BlockKind::Rule {
            text.truncate(mark);
            continue;
        }
        char_len += separator;
        let char_start = char_len;
        char_len += text[byte_start..].chars().count();
        spans.extend(block_spans);
        blocks.push(Block {
            kind,
            chars: char_start..char_len,
            bytes: byte_start..text.len(),
            align,
            lang,
        });
    }
    Joined {
        text,
        blocks,
        spans,
        char_len,
    }
}

/// One section for every heading block, in document order.
fn outline_of(text: &str, blocks: &[Block]) -> Vec<Section> {
    blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading { level } => Some(Section {
                level,
                title: text[b.bytes.clone()].to_string(),
                offset: b.chars.start,
                block: i,
            }),
            _ => None,
        })
        .collect()
}

/// The article's title: what the source declared, else its first top-level heading, else its
/// first heading, else `fallback`.
fn title_of(hint: Option<String>, outline: &[Section], fallback: &str) -> String {
    hint.map(|t| sanitize::strip_controls(t.trim()))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            outline
                .iter()
                .find(|s| s.level == 1)
                .map(|s| s.title.clone())
        })
        .or_else(|| outline.first().map(|s| s.title.clone()))
        .unwrap_or_else(|| fallback.to_string())
}

/// Appends the block's text to `out` with control characters stripped and the ends trimmed;
/// prose also loses inner line breaks (the reader's wrapping replaces them) and runs of blank
/// space become one space. Returns the block's spans, moved with their text (`base` is the
/// character offset at which the block's text starts).
fn push_block_text(raw: RawBlock, out: &mut String, base: usize) -> Vec<Span> {
    if !raw.spans.is_empty() {
        return push_spanned_text(raw, out, base);
    }
    let cleaned = sanitize::strip_controls_cow(&raw.text);
    if raw.kind.is_preformatted() {
        // Keep indentation of the first line; drop blank lines at either end.
        out.push_str(preformatted(&cleaned));
    } else {
        for (i, word) in cleaned.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    Vec::new()
}

/// Preformatted text without the blank lines at either end.
fn preformatted(text: &str) -> &str {
    let trimmed = text.trim_end();
    let start = trimmed.find(|c: char| c != '\n').unwrap_or(trimmed.len());
    &trimmed[start..]
}

/// [`push_block_text`] for a block with spans: the text is cleaned piece by piece between the
/// spans' ends, so that each end can be followed to the canonical text.
fn push_spanned_text(raw: RawBlock, out: &mut String, base: usize) -> Vec<Span> {
    let (cleaned, spans) = match sanitize::strip_controls_cow(&raw.text) {
        std::borrow::Cow::Borrowed(_) => (raw.text, raw.spans),
        std::borrow::Cow::Owned(_) => clean_keeping_spans(&raw.text, &raw.spans),
    };
    let mut found = if raw.kind.is_preformatted() {
        let kept = preformatted(&cleaned);
        let from = kept.as_ptr() as usize - cleaned.as_ptr() as usize;
        out.push_str(kept);
        let char_of = |byte: usize| {
            let byte = byte.clamp(from, from + kept.len());
            base + kept[..byte - from].chars().count()
        };
        spans
            .into_iter()
            .map(|s| Span {
                style: s.style,
                chars: char_of(s.bytes.start)..char_of(s.bytes.end),
                target: s.target,
            })
            .filter(|s| !s.chars.is_empty())
            .collect()
    } else {
        inline::collapse_into(&cleaned, spans, out, base)
    };
    for target in found.iter_mut().filter_map(|s| s.target.as_mut()) {
        if let std::borrow::Cow::Owned(clean) = sanitize::strip_controls_cow(target) {
            *target = clean;
        }
    }
    inline::sort(&mut found);
    found
}

/// The text with control characters stripped, and the spans moved to match.
fn clean_keeping_spans(text: &str, spans: &[RawSpan]) -> (String, Vec<RawSpan>) {
    let mut cuts: Vec<usize> = spans
        .iter()
        .flat_map(|s| [s.bytes.start, s.bytes.end])
        .filter(|&b| b <= text.len() && text.is_char_boundary(b))
        .collect();
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut cleaned = String::with_capacity(text.len());
    // Where each cut lands in the cleaned text.
    let mut moved = Vec::with_capacity(cuts.len());
    let mut from = 0;
    for &cut in &cuts {
        cleaned.push_str(&sanitize::strip_controls_cow(&text[from..cut]));
        moved.push(cleaned.len());
        from = cut;
    }
    let place = |byte: usize| {
        let i = cuts.partition_point(|&c| c < byte).min(cuts.len() - 1);
        moved[i]
    };
    let spans = spans
        .iter()
        .map(|s| RawSpan {
            style: s.style,
            bytes: place(s.bytes.start)..place(s.bytes.end),
            target: s.target.clone(),
        })
        .collect();
    (cleaned, spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::RawBlock;

    fn parsed(blocks: Vec<RawBlock>) -> Parsed {
        Parsed {
            title_hint: None,
            blocks,
        }
    }

    #[test]
    fn blocks_are_joined_and_ranges_are_char_offsets() {
        let article = build(
            parsed(vec![
                RawBlock::new(BlockKind::Heading { level: 1 }, "标题 Title"),
                RawBlock::new(BlockKind::Paragraph, "中文 text\nwrapped"),
            ]),
            Format::Plain,
            "UTF-8",
            "file",
        );
        assert_eq!(article.text, "标题 Title\n\n中文 text wrapped");
        assert_eq!(article.blocks[0].chars, 0..8);
        assert_eq!(article.blocks[1].chars, 10..25);
        assert_eq!(article.block_text(1), "中文 text wrapped");
        assert_eq!(article.slice(10..12), "中文");
        assert_eq!(article.title, "标题 Title");
        assert_eq!(article.outline.len(), 1);
        assert_eq!(article.char_len, article.text.chars().count());
    }

    #[test]
    fn empty_blocks_are_dropped_and_controls_removed() {
        let article = build(
            parsed(vec![
                RawBlock::new(BlockKind::Paragraph, "  \n "),
                RawBlock::new(BlockKind::Paragraph, "a\u{7}b\u{1b}[0mc"),
            ]),
            Format::Plain,
            "UTF-8",
            "file",
        );
        assert_eq!(article.text, "abc");
        assert_eq!(article.title, "file");
    }

    #[test]
    fn a_block_keeps_its_place_exactly_when_joining_keeps_it() {
        let blocks = [
            (BlockKind::Paragraph, "  \n "),
            (BlockKind::Chrome, ""),
            (BlockKind::Paragraph, "\u{7}\u{1b}"),
            (BlockKind::Rule, ""),
            (BlockKind::Code, "\n  x\n"),
            (BlockKind::Heading { level: 2 }, "标题"),
        ];
        let article = build(
            parsed(blocks.iter().map(|(k, t)| RawBlock::new(*k, *t)).collect()),
            Format::Plain,
            "UTF-8",
            "file",
        );
        let kept: Vec<BlockKind> = blocks
            .iter()
            .filter(|(k, t)| keeps_place(*k, t))
            .map(|(k, _)| *k)
            .collect();
        let joined: Vec<BlockKind> = article.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kept, joined);
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn title_prefers_hint_then_level_one_heading() {
        let blocks = vec![
            RawBlock::new(BlockKind::Heading { level: 2 }, "Intro"),
            RawBlock::new(BlockKind::Heading { level: 1 }, "Main"),
        ];
        let a = build(parsed(blocks.clone()), Format::Markdown, "UTF-8", "f");
        assert_eq!(a.title, "Main");
        let hinted = Parsed {
            title_hint: Some("Hint".into()),
            blocks,
        };
        assert_eq!(build(hinted, Format::Html, "UTF-8", "f").title, "Hint");
    }

    #[test]
    fn section_path_and_lookup() {
        let a = build(
            parsed(vec![
                RawBlock::new(BlockKind::Heading { level: 1 }, "T"),
                RawBlock::new(BlockKind::Heading { level: 2 }, "A"),
                RawBlock::new(BlockKind::Heading { level: 3 }, "A1"),
                RawBlock::new(BlockKind::Paragraph, "body"),
                RawBlock::new(BlockKind::Heading { level: 2 }, "B"),
            ]),
            Format::Markdown,
            "UTF-8",
            "f",
        );
        let body = a.blocks[3].chars.start;
        assert_eq!(a.section_path(body), vec!["T", "A", "A1"]);
        assert_eq!(a.section_at(a.char_len), Some(3));
        assert_eq!(a.block_at(a.char_len + 5), 4);
    }
}
