//! One block to display lines at a width: prose wrapped by Unicode line-breaking rules (so CJK
//! text breaks between characters), preformatted lines kept and hard-broken, lists hanging.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthChar;

use super::breaks::breaks_only_at_spaces;
use super::{Line, LineKind, MIN_WIDTH, QUOTE_BAR_WIDTH};
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
            for piece in hard_break(source_line, avail) {
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

/// Splits one preformatted line into pieces no wider than `width`, never inside a character.
/// An empty line gives one empty piece.
fn hard_break(line: &str, width: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut columns = 0;
    for (i, ch) in line.char_indices() {
        let w = ch.width().unwrap_or(0);
        if columns + w > width && i > start {
            pieces.push(start..i);
            start = i;
            columns = 0;
        }
        columns += w;
    }
    pieces.push(start..line.len());
    pieces
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
    let separator = if breaks_only_at_spaces(text) {
        WordSeparator::AsciiSpace
    } else {
        WordSeparator::UnicodeBreakProperties
    };
    let words: Vec<Word<'_>> = separator.find_words(text).collect();
    let words = break_words(words, first_width.min(rest_width));
    let widths = [first_width as f64, rest_width as f64];
    let base = text.as_ptr() as usize;
    let mut out = Vec::new();
    for (n, line) in wrap_first_fit(&words, &widths).into_iter().enumerate() {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let start = first.word.as_ptr() as usize - base;
        let end = last.word.as_ptr() as usize - base + last.word.len();
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
