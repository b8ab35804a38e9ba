//! The canonical article model that the reader, the highlights and the export all share.
//!
//! Every position is a character (Unicode scalar value) offset into [`Article::text`], start
//! inclusive and end exclusive. Offsets never depend on the terminal's width.

mod beginning;
mod builder;
pub mod detect;
mod html;
pub(crate) mod inline;
mod language;
mod lists;
mod markdown;
mod plain;
pub mod sanitize;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use beginning::{BEGINNING_BYTES, WHOLE_UP_TO};
pub use builder::build;
pub use detect::{Format, LoadError};
pub use inline::{RawSpan, Span, Style, is_web_target};
pub use plain::explain;

/// The version of what loading an article produces (canonical text, blocks, outline, title,
/// id). Bump it with any change to the parsers or the builder that can change their output for
/// some file: what was saved from an older output (the library cache) is then made anew.
pub const PARSER_VERSION: u32 = 5;

/// What kind of thing a block is; decides how the reader styles it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    /// A section heading; level 1 is the article's title or a top-level section.
    Heading {
        level: u8,
    },
    Paragraph,
    /// A list item; its text starts with its marker ("• ", "1. ", "☐ "). Depth 0 is top level.
    ListItem {
        depth: u8,
    },
    Quote,
    /// Preformatted text; its lines are kept as they are.
    Code,
    /// A table, one row a line, cells separated by " │ ".
    Table,
    /// A thematic break; its text is empty.
    Rule,
    /// Site furniture around the article (navigation, preambles, comment forms): shown dimmed,
    /// never the title, never in the outline.
    Chrome,
}

impl BlockKind {
    /// Whether the block's lines are kept as they are instead of being re-wrapped as prose.
    pub fn is_preformatted(self) -> bool {
        matches!(self, BlockKind::Code | BlockKind::Table)
    }
}

/// How the cells of a table column sit in its width: GFM's `:--`, `:-:` and `--:` markers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// The alignments of a table's columns, two bits a column for the first
/// [`Alignments::COLUMNS`] (columns past them are left-aligned): packed so that a block (and a
/// parser's block) takes no more room than it did before tables kept their alignment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Alignments(u32);

impl Alignments {
    /// How many columns keep their alignment.
    pub const COLUMNS: usize = 16;

    pub fn new(aligns: &[Align]) -> Alignments {
        let bits = aligns
            .iter()
            .take(Alignments::COLUMNS)
            .enumerate()
            .map(|(i, a)| {
                let code = match a {
                    Align::Left => 0,
                    Align::Center => 1,
                    Align::Right => 2,
                };
                code << (2 * i)
            })
            .fold(0, |all, bits| all | bits);
        Alignments(bits)
    }

    /// The alignment of column `column`.
    pub fn get(self, column: usize) -> Align {
        if column >= Alignments::COLUMNS {
            return Align::Left;
        }
        match (self.0 >> (2 * column)) & 3 {
            1 => Align::Center,
            2 => Align::Right,
            _ => Align::Left,
        }
    }
}

/// A block as a format parser produces it, before the builder lays out the canonical text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Inline styles over `text` (byte offsets); markup characters are never in `text`.
    pub spans: Vec<RawSpan>,
    /// For a table, how its columns are aligned.
    pub align: Alignments,
    /// The language of a code block, when its author named it (lower case, no controls).
    pub lang: Option<String>,
}

impl RawBlock {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        RawBlock {
            kind,
            text: text.into(),
            spans: Vec::new(),
            align: Alignments::default(),
            lang: None,
        }
    }
}

/// What a format parser hands to the builder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// A title the format states outright (HTML `<title>`), used when no heading serves.
    pub title_hint: Option<String>,
    pub blocks: Vec<RawBlock>,
}

/// One block of the canonical text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Character offsets into the canonical text.
    pub chars: Range<usize>,
    /// The same range as byte offsets, so slicing is cheap.
    pub bytes: Range<usize>,
    /// For a table, how its columns are aligned (all left for other blocks). Not part of
    /// the canonical text, so it never changes an article's id.
    pub align: Alignments,
    /// The language of a code block, when its author named it (for syntax colours).
    pub lang: Option<Box<str>>,
}

/// One heading of the outline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    pub level: u8,
    pub title: String,
    /// Character offset of the heading in the canonical text.
    pub offset: usize,
    /// Index of the heading's block in [`Article::blocks`].
    #[serde(skip)]
    pub block: usize,
}

/// A loaded article: canonical text, typed blocks, outline and title.
#[derive(Clone, Debug)]
pub struct Article {
    /// A stable id derived from the canonical text (hex of its BLAKE3 hash, shortened).
    pub id: String,
    /// Full BLAKE3 hash (hex) of the canonical text.
    pub text_hash: String,
    pub title: String,
    /// The canonical text: blocks joined by a blank line; no control characters but `\n`.
    pub text: String,
    /// Number of characters in `text`.
    pub char_len: usize,
    pub blocks: Vec<Block>,
    /// Inline styles (strong, emphasis, code, links, …) in text order, outer before inner.
    pub spans: Vec<Span>,
    pub outline: Vec<Section>,
    pub format: Format,
    /// Name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
    pub source: Option<PathBuf>,
}

impl Article {
    /// Loads and parses the article at `path`.
    pub fn open(path: &Path) -> Result<Article, LoadError> {
        Article::from_file_bytes(detect::read_file(path)?, path)
    }

    /// Loads and parses the article at `path`, and hashes (BLAKE3) the bytes it was read
    /// from, so that a later look at the file can tell a rewrite with the same bytes.
    pub fn open_hashed(path: &Path) -> Result<(Article, blake3::Hash), LoadError> {
        let bytes = detect::read_file(path)?;
        let hash = blake3::hash(&bytes);
        Ok((Article::from_file_bytes(bytes, path)?, hash))
    }

    fn from_file_bytes(bytes: Vec<u8>, path: &Path) -> Result<Article, LoadError> {
        // The raw bytes become the text, or go as soon as they are decoded: a large article
        // is not held twice.
        let decoded = detect::decode_owned(bytes)?;
        let mut article = Article::from_decoded(decoded, Some(path));
        article.source = Some(path.to_path_buf());
        Ok(article)
    }

    /// Reads and parses the article on standard input. It has no source path: its highlights
    /// and reading position are kept by its text.
    pub fn from_stdin() -> Result<Article, LoadError> {
        Article::from_bytes(&detect::read_stdin()?, None)
    }

    /// Parses an article from raw bytes; `path` (if any) is only used for its extension and name.
    pub fn from_bytes(bytes: &[u8], path: Option<&Path>) -> Result<Article, LoadError> {
        Ok(Article::from_decoded(detect::decode(bytes)?, path))
    }

    /// Parses an article from decoded text, dropping the text once it is normalised.
    fn from_decoded(decoded: detect::Decoded, path: Option<&Path>) -> Article {
        let encoding = decoded.encoding;
        let text = sanitize::normalize_owned(decoded.text);
        let format = detect::detect_format(path, &text);
        let parsed = match format {
            Format::Plain => plain::parse(&text),
            Format::Markdown => markdown::parse(&text),
            Format::Html => html::parse(&text),
        };
        // The blocks own their text now; building the canonical text needs only them.
        drop(text);
        let fallback_title = path
            .and_then(|p| p.file_stem())
            .map(|s| sanitize::strip_controls(&s.to_string_lossy()))
            .unwrap_or_default();
        build(parsed, format, encoding, &fallback_title)
    }

    /// The text of a block.
    pub fn block_text(&self, index: usize) -> &str {
        &self.text[self.blocks[index].bytes.clone()]
    }

    /// Index of the block that contains (or, between blocks, follows) character offset `offset`.
    pub fn block_at(&self, offset: usize) -> usize {
        let i = self.blocks.partition_point(|b| b.chars.end <= offset);
        i.min(self.blocks.len().saturating_sub(1))
    }

    /// Byte offset of character offset `offset` (clamped to the text's end).
    pub fn byte_of(&self, offset: usize) -> usize {
        if offset >= self.char_len {
            return self.text.len();
        }
        // Walk from the start of the nearest block, so the cost is bounded by one block.
        let (mut chars, mut bytes) = match self.blocks.get(self.block_at(offset)) {
            Some(b) if b.chars.start <= offset => (b.chars.start, b.bytes.start),
            _ => (0, 0),
        };
        for ch in self.text[bytes..].chars() {
            if chars == offset {
                break;
            }
            chars += 1;
            bytes += ch.len_utf8();
        }
        bytes
    }

    /// The spans that touch the character range `range`, in text order. Spans never reach
    /// across blocks, so the search starts at the block that holds `range.start`.
    pub fn spans_in(&self, range: Range<usize>) -> impl Iterator<Item = &Span> {
        let block_start = self
            .blocks
            .get(self.block_at(range.start))
            .map_or(0, |b| b.chars.start.min(range.start));
        let first = self.spans.partition_point(|s| s.chars.start < block_start);
        self.spans[first..]
            .iter()
            .take_while(move |s| s.chars.start < range.end)
            .filter(move |s| s.chars.end > range.start)
    }

    /// The text between two character offsets.
    pub fn slice(&self, range: Range<usize>) -> &str {
        let start = self.byte_of(range.start);
        let end = self.byte_of(range.end.max(range.start));
        &self.text[start..end]
    }

    /// Index into [`Article::outline`] of the section that holds character offset `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.outline
            .partition_point(|s| s.offset <= offset)
            .checked_sub(1)
    }

    /// The headings that enclose `offset`, outermost first.
    pub fn enclosing_sections(&self, offset: usize) -> Vec<&Section> {
        let Some(mut i) = self.section_at(offset) else {
            return Vec::new();
        };
        let mut path = vec![&self.outline[i]];
        let mut level = self.outline[i].level;
        while i > 0 {
            i -= 1;
            if self.outline[i].level < level {
                level = self.outline[i].level;
                path.push(&self.outline[i]);
            }
        }
        path.reverse();
        path
    }

    /// Titles of the headings that enclose `offset`, outermost first.
    pub fn section_path(&self, offset: usize) -> Vec<String> {
        self.enclosing_sections(offset)
            .into_iter()
            .map(|s| s.title.clone())
            .collect()
    }
}
