//! Blocks to display lines at a given width, CJK-aware, and the maps between character offsets
//! and display lines. Nothing here knows about terminals; the reader and `folio render` share it.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

use crate::article::{Article, BlockKind};

/// The narrowest column folio lays out; a wide (CJK) character needs two.
pub const MIN_WIDTH: usize = 2;

/// Columns taken by the bar in front of quoted lines.
pub const QUOTE_BAR_WIDTH: usize = 2;

/// What a display line shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Text of the block (possibly empty, as for a rule).
    Text,
    /// The blank line between two blocks.
    Gap,
}

/// One display line: a slice of the canonical text plus how far it is indented.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// The block the line belongs to (for a gap, the block before it).
    pub block: usize,
    /// Character offsets of the text shown.
    pub chars: Range<usize>,
    /// The same range as byte offsets.
    pub bytes: Range<usize>,
    /// Blank columns before the text (list nesting, continuation lines).
    pub indent: u16,
    /// Whether a quote bar stands before the text.
    pub quote: bool,
}

/// An article laid out at one width.
#[derive(Clone, Debug)]
pub struct Layout {
    pub width: usize,
    pub lines: Vec<Line>,
    /// Index of each block's first line.
    block_first_line: Vec<usize>,
}

impl Layout {
    /// Lays out the whole article at `width` columns (at least [`MIN_WIDTH`]).
    pub fn new(article: &Article, width: usize) -> Layout {
        let width = width.max(MIN_WIDTH);
        let mut lines = Vec::new();
        let mut block_first_line = Vec::with_capacity(article.blocks.len());
        for index in 0..article.blocks.len() {
            if index > 0 && wants_gap(article, index) {
                let end = article.blocks[index - 1].chars.end;
                let byte = article.blocks[index - 1].bytes.end;
                lines.push(Line {
                    kind: LineKind::Gap,
                    block: index - 1,
                    chars: end..end,
                    bytes: byte..byte,
                    indent: 0,
                    quote: false,
                });
            }
            block_first_line.push(lines.len());
            lay_out_block(article, index, width, &mut lines);
        }
        Layout {
            width,
            lines,
            block_first_line,
        }
    }

    /// Index of the first display line of block `block`.
    pub fn first_line_of_block(&self, block: usize) -> usize {
        self.block_first_line
            .get(block)
            .copied()
            .unwrap_or(self.lines.len())
    }

    /// Index of the display line that shows character offset `offset` (a gap's offset maps to
    /// the line after it).
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|l| {
            l.chars.end <= offset
                && !(l.chars.is_empty() && l.chars.start == offset && l.kind == LineKind::Text)
        });
        // Skip gaps: an offset between blocks belongs to the next block's first line.
        let mut i = i.min(self.lines.len().saturating_sub(1));
        while i + 1 < self.lines.len() && self.lines[i].kind == LineKind::Gap {
            i += 1;
        }
        i
    }

    /// Character offset at the start of display line `line`.
    pub fn offset_of_line(&self, line: usize) -> usize {
        match self.lines.get(line) {
            Some(l) if l.kind == LineKind::Gap => self
                .lines
                .get(line + 1)
                .map_or(l.chars.end, |n| n.chars.start),
            Some(l) => l.chars.start,
            None => self.lines.last().map_or(0, |l| l.chars.end),
        }
    }
}

/// List items follow each other without a blank line; everything else is separated by one.
fn wants_gap(article: &Article, index: usize) -> bool {
    let prev = article.blocks[index - 1].kind;
    let this = article.blocks[index].kind;
    !matches!(
        (prev, this),
        (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
    )
}

fn lay_out_block(article: &Article, index: usize, width: usize, out: &mut Vec<Line>) {
    let block = &article.blocks[index];
    let (first_indent, rest_indent, quote) = match block.kind {
        BlockKind::ListItem { depth } => {
            let indent = 2 * usize::from(depth);
            let marker = article
                .block_text(index)
                .split(' ')
                .next()
                .map_or(0, |m| m.chars().count() + 1);
            (indent, indent + marker, false)
        }
        BlockKind::Quote => (0, 0, true),
        BlockKind::Code => (2, 2, false),
        _ => (0, 0, false),
    };
    // On a column too narrow for bar and text, the bar goes.
    let quote = quote && width >= QUOTE_BAR_WIDTH + MIN_WIDTH;
    let bar = if quote { QUOTE_BAR_WIDTH } else { 0 };
    // Indentation gives way on narrow screens: text always keeps at least MIN_WIDTH columns.
    let fit = |indent: usize| indent.min(width.saturating_sub(bar + MIN_WIDTH));
    let (first_indent, rest_indent) = (fit(first_indent), fit(rest_indent));
    let text = &article.text[block.bytes.clone()];
    let push = |out: &mut Vec<Line>, chars: Range<usize>, bytes: Range<usize>, first: bool| {
        let indent = if first { first_indent } else { rest_indent };
        out.push(Line {
            kind: LineKind::Text,
            block: index,
            chars,
            bytes,
            indent: indent as u16,
            quote,
        });
    };
    if text.is_empty() {
        push(out, block.chars.clone(), block.bytes.clone(), true);
        return;
    }
    let mut cursor = Cursor {
        byte: block.bytes.start,
        char: block.chars.start,
        text: &article.text,
    };
    let mut first = true;
    if block.kind.is_preformatted() {
        let avail = width - bar - first_indent;
        let mut line_start = 0;
        for source_line in text.split('\n') {
            for (piece, _) in hard_break(source_line, avail) {
                let start = block.bytes.start + line_start + piece.start;
                let end = block.bytes.start + line_start + piece.end;
                let chars = cursor.advance_to(start)..cursor.advance_to(end);
                push(out, chars, start..end, first);
                first = false;
            }
            line_start += source_line.len() + 1;
        }
        return;
    }
    for (start, end, is_first) in wrap_prose(text, width - bar, first_indent, rest_indent) {
        let (start, end) = (block.bytes.start + start, block.bytes.start + end);
        let chars = cursor.advance_to(start)..cursor.advance_to(end);
        push(out, chars, start..end, is_first);
        first = false;
    }
    debug_assert!(!first);
}

/// Walks forward through the text, converting byte offsets to character offsets.
struct Cursor<'a> {
    byte: usize,
    char: usize,
    text: &'a str,
}

impl Cursor<'_> {
    fn advance_to(&mut self, byte: usize) -> usize {
        if byte > self.byte {
            self.char += self.text[self.byte..byte].chars().count();
            self.byte = byte;
        }
        self.char
    }
}

/// Splits text into pieces no wider than `width` columns, each with its width. Breaks fall
/// between grapheme clusters, so an emoji sequence or a letter with its accents stays whole;
/// only a cluster wider than `width` on its own is split between its characters. Clusters are
/// measured as a terminal draws them: "❤\u{fe0f}" takes two columns, not the one its
/// characters add up to. Empty text gives one empty piece.
fn hard_break(text: &str, width: usize) -> Vec<(Range<usize>, usize)> {
    // Most words are short ASCII, one column a byte (sanitised text has no ASCII controls).
    if text.len() <= width && text.is_ascii() {
        return vec![(0..text.len(), text.len())];
    }
    let units = text.grapheme_indices(true).flat_map(|(i, cluster)| {
        let split = display_width(cluster) > width;
        cluster
            .char_indices()
            .filter_map(move |(j, ch)| match (split, j) {
                (true, _) => Some((i + j, &cluster[j..j + ch.len_utf8()])),
                (false, 0) => Some((i, cluster)),
                (false, _) => None,
            })
    });
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut columns = 0;
    for (i, unit) in units {
        let w = display_width(unit);
        if columns + w > width && i > start {
            pieces.push((start..i, columns));
            start = i;
            columns = 0;
        }
        columns += w;
    }
    pieces.push((start..text.len(), columns));
    pieces
}

/// A word (or the part of an over-long word that fits a line) as the wrapping algorithm sees
/// it, measured by [`hard_break`]'s rules rather than textwrap's character by character ones.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    whitespace: &'a str,
    width: usize,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        display_width(self.whitespace) as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps prose with Unicode line-breaking rules (so CJK text breaks between characters) and
/// returns byte ranges relative to `text`, without the spaces at the breaks.
fn wrap_prose(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
) -> Vec<(usize, usize, bool)> {
    let first_width = width - first_indent;
    let rest_width = width - rest_indent;
    let mut pieces = Vec::new();
    for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
        let parts = hard_break(word.word, first_width.min(rest_width));
        let last = parts.len() - 1;
        for (n, (range, width)) in parts.into_iter().enumerate() {
            pieces.push(Piece {
                text: &word.word[range],
                whitespace: if n == last { word.whitespace } else { "" },
                width,
            });
        }
    }
    let widths = [first_width as f64, rest_width as f64];
    let base = text.as_ptr() as usize;
    let mut out = Vec::new();
    for (n, line) in wrap_first_fit(&pieces, &widths).into_iter().enumerate() {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let start = first.text.as_ptr() as usize - base;
        let end = last.text.as_ptr() as usize - base + last.text.len();
        debug_assert!(
            line.iter()
                .map(|w| w.width() + w.whitespace_width())
                .sum::<f64>()
                - last.whitespace_width()
                <= widths[n.min(1)]
        );
        out.push((start, end, n == 0));
    }
    if out.is_empty() {
        out.push((0, 0, true));
    }
    out
}

/// Display width of a string in terminal columns (CJK counts two).
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, Parsed, RawBlock, build};
    use proptest::prelude::*;

    fn article(blocks: Vec<RawBlock>) -> Article {
        build(
            Parsed {
                title_hint: None,
                blocks,
            },
            Format::Plain,
            "UTF-8",
            "t",
        )
    }

    fn shown(a: &Article, l: &Line) -> String {
        format!(
            "{}{}{}",
            " ".repeat(l.indent.into()),
            if l.quote { "│ " } else { "" },
            &a.text[l.bytes.clone()]
        )
    }

    #[test]
    fn prose_wraps_at_width_and_blocks_are_separated() {
        let a = article(vec![
            RawBlock::new(BlockKind::Paragraph, "one two three four five six"),
            RawBlock::new(BlockKind::Paragraph, "seven"),
        ]);
        let layout = Layout::new(&a, 10);
        let text: Vec<String> = layout.lines.iter().map(|l| shown(&a, l)).collect();
        assert_eq!(text, vec!["one two", "three four", "five six", "", "seven"]);
        assert_eq!(layout.first_line_of_block(1), 4);
    }

    #[test]
    fn cjk_breaks_between_characters_by_display_width() {
        let a = article(vec![RawBlock::new(
            BlockKind::Paragraph,
            "小红书的电商野心能否留住创作者",
        )]);
        let layout = Layout::new(&a, 9);
        for l in &layout.lines {
            assert!(display_width(&a.text[l.bytes.clone()]) <= 9);
        }
        assert_eq!(&a.text[layout.lines[0].bytes.clone()], "小红书的");
    }

    #[test]
    fn list_items_hang_and_quotes_get_a_bar() {
        let a = article(vec![
            RawBlock::new(BlockKind::ListItem { depth: 0 }, "• alpha beta gamma"),
            RawBlock::new(BlockKind::ListItem { depth: 1 }, "• delta"),
            RawBlock::new(BlockKind::Quote, "quoted words here"),
        ]);
        let layout = Layout::new(&a, 12);
        let text: Vec<String> = layout.lines.iter().map(|l| shown(&a, l)).collect();
        assert_eq!(
            text,
            vec![
                "• alpha beta",
                "  gamma",
                "  • delta",
                "",
                "│ quoted",
                "│ words here"
            ]
        );
    }

    #[test]
    fn code_lines_are_kept_and_hard_broken() {
        let a = article(vec![RawBlock::new(
            BlockKind::Code,
            "fn main() {\n    x\n}",
        )]);
        let layout = Layout::new(&a, 8);
        let text: Vec<String> = layout.lines.iter().map(|l| shown(&a, l)).collect();
        assert_eq!(text, vec!["  fn mai", "  n() {", "      x", "  }"]);
    }

    #[test]
    fn emoji_sequences_count_as_drawn_and_stay_whole() {
        let a = article(vec![
            RawBlock::new(
                BlockKind::Paragraph,
                "aaaa ❤\u{fe0f}❤\u{fe0f}❤\u{fe0f} 👨\u{200d}👩\u{200d}👧 b",
            ),
            RawBlock::new(BlockKind::Code, "❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}"),
        ]);
        let layout = Layout::new(&a, 5);
        let text: Vec<String> = layout.lines.iter().map(|l| shown(&a, l)).collect();
        assert_eq!(
            text,
            vec![
                "aaaa",
                "❤\u{fe0f}❤\u{fe0f}",
                "❤\u{fe0f} 👨\u{200d}👩\u{200d}👧",
                "b",
                "",
                "  ❤\u{fe0f}",
                "  ❤\u{fe0f}",
                "  ❤\u{fe0f}",
            ]
        );
    }

    #[test]
    fn offsets_map_to_lines_and_back() {
        let a = article(vec![
            RawBlock::new(BlockKind::Paragraph, "one two three four"),
            RawBlock::new(BlockKind::Paragraph, "five"),
        ]);
        let layout = Layout::new(&a, 9);
        let five = a.blocks[1].chars.start;
        let line = layout.line_of_offset(five);
        assert_eq!(layout.offset_of_line(line), five);
        assert_eq!(layout.line_of_offset(4), 0);
        assert_eq!(layout.line_of_offset(8), 1);
        // The gap between blocks maps to the next block.
        assert_eq!(layout.offset_of_line(line - 1), five);
    }

    fn block_kind() -> impl Strategy<Value = BlockKind> {
        prop_oneof![
            Just(BlockKind::Paragraph),
            Just(BlockKind::Quote),
            Just(BlockKind::Code),
            (0u8..3).prop_map(|depth| BlockKind::ListItem { depth }),
            Just(BlockKind::Heading { level: 2 }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Every non-space character appears exactly once, in order, and no line is too wide.
        #[test]
        fn wrapping_keeps_every_character_once(
            blocks in prop::collection::vec((block_kind(), "[a-z 中文한글😀\u{301}\n,.]{0,80}"), 1..6),
            width in 2usize..40,
        ) {
            let a = article(blocks.into_iter().map(|(k, t)| RawBlock::new(k, t)).collect());
            let layout = Layout::new(&a, width);
            let mut rebuilt = String::new();
            let mut previous_end = 0;
            for l in &layout.lines {
                prop_assert!(l.bytes.start >= previous_end);
                let gap = &a.text[previous_end..l.bytes.start];
                prop_assert!(gap.chars().all(char::is_whitespace), "lost {:?}", gap);
                rebuilt.push_str(&a.text[l.bytes.clone()]);
                previous_end = l.bytes.end;
                prop_assert!(display_width(&shown(&a, l)) <= width, "{:?} wider than {}", shown(&a, l), width);
                prop_assert_eq!(l.chars.end - l.chars.start, a.text[l.bytes.clone()].chars().count());
            }
            let expected: String = a.text.chars().filter(|c| !c.is_whitespace()).collect();
            let got: String = rebuilt.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(got, expected);
        }
    }
}
