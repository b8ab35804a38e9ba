//! One block to display lines at a width: prose wrapped by Unicode line-breaking rules (so CJK
//! text breaks between characters), preformatted lines kept and hard-broken, lists hanging.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

use super::breaks::breaks_only_at_spaces;
use super::{Line, LineKind, MIN_WIDTH, QUOTE_BAR_WIDTH, display_width};
use crate::article::{Article, BlockKind};

/// List items follow each other without a blank line; everything else is separated by one.
pub fn wants_gap(article: &Article, index: usize) -> bool {
    let prev = article.blocks[index - 1].kind;
    let this = article.blocks[index].kind;
    !matches!(
        (prev, this),
        (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
    )
}

/// Appends the display lines of block `index` at `width` columns to `out`.
pub fn lay_out_block(article: &Article, index: usize, width: usize, out: &mut Vec<Line>) {
    let block = &article.blocks[index];
    if block.kind == BlockKind::Table {
        return super::table::lay_out_table(article, index, width, out);
    }
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
            table: None,
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
        // The last column is kept for the mark of a line that goes on below (see
        // [`continues`]), unless that would leave too little for the text.
        let avail = width - bar - first_indent;
        let avail = if avail > MIN_WIDTH { avail - 1 } else { avail };
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

/// The mark drawn after a line of preformatted text that was too long for the pane and goes
/// on on the next display line (code is never re-flowed, only broken where it must be).
pub const CONTINUATION_MARK: &str = "↩";

/// Whether display line `line` of a preformatted block laid out at `width` stops short of the
/// end of its source line, so that it is drawn with [`CONTINUATION_MARK`] (when the layout
/// kept a column for it: not on the narrowest panes).
pub fn continues(article: &Article, line: &Line, width: usize) -> bool {
    let bar = if line.quote { QUOTE_BAR_WIDTH } else { 0 };
    let avail = width.saturating_sub(bar + usize::from(line.indent));
    let block = &article.blocks[line.block];
    avail > MIN_WIDTH
        && block.kind.is_preformatted()
        && line.kind == LineKind::Text
        && line.table.is_none()
        && line.bytes.end < block.bytes.end
        && article.text.as_bytes()[line.bytes.end] != b'\n'
}

/// Walks forward through the text, converting byte offsets to character offsets.
pub(super) struct Cursor<'a> {
    pub(super) byte: usize,
    pub(super) char: usize,
    pub(super) text: &'a str,
}

impl Cursor<'_> {
    pub(super) fn advance_to(&mut self, byte: usize) -> usize {
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
pub(super) fn wrap_prose(
    text: &str,
    width: usize,
    first_indent: usize,
    rest_indent: usize,
) -> Vec<(usize, usize, bool)> {
    let first_width = width - first_indent;
    let rest_width = width - rest_indent;
    let mut pieces = Vec::new();
    let separator = if breaks_only_at_spaces(text) {
        WordSeparator::AsciiSpace
    } else {
        WordSeparator::UnicodeBreakProperties
    };
    for word in separator.find_words(text) {
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
