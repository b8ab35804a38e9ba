//! One block to display lines at a width: prose wrapped by Unicode line-breaking rules (so CJK
//! text breaks between characters), preformatted lines kept and hard-broken, lists hanging.

use std::ops::Range;

use textwrap::WordSeparator;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

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
    let (first_indent, rest_indent, quote) = indentation(article, index);
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
        // One byte a character: offsets convert by subtraction, without walking the text.
        ascii: block.bytes.len() == block.chars.len(),
    };
    if block.kind.is_preformatted() {
        // The last column is kept for the mark of a line that goes on below (see
        // [`continues`]), unless that would leave too little for the text.
        let avail = width - bar - first_indent;
        let avail = if avail > MIN_WIDTH { avail - 1 } else { avail };
        return break_source_lines(
            text,
            block.bytes.start,
            avail,
            &mut cursor,
            |c, b, first| push(out, c, b, first),
        );
    }
    let widths = [width - bar - first_indent, width - bar - rest_indent];
    wrap_prose(text, widths, |start, end, is_first| {
        let (start, end) = (block.bytes.start + start, block.bytes.start + end);
        let chars = cursor.advance_to(start)..cursor.advance_to(end);
        push(out, chars, start..end, is_first);
    });
}

/// How block `index` is set in from the left: its first line's indent, the others' (a list
/// item's hang under its marker), and whether it has a quote bar, before the pane's width is
/// taken into account.
fn indentation(article: &Article, index: usize) -> (usize, usize, bool) {
    match article.blocks[index].kind {
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
    }
}

/// Lays out preformatted text (starting at byte `base` of the article) line by line, each
/// source line hard-broken at `avail` columns, handing `push` every display line's
/// characters, bytes and whether it is the block's first.
fn break_source_lines(
    text: &str,
    base: usize,
    avail: usize,
    cursor: &mut Cursor,
    mut push: impl FnMut(Range<usize>, Range<usize>, bool),
) {
    let mut first = true;
    let mut line_start = 0;
    for source_line in text.split('\n') {
        hard_break(source_line, avail, |piece, _| {
            let start = base + line_start + piece.start;
            let end = base + line_start + piece.end;
            let chars = cursor.advance_to(start)..cursor.advance_to(end);
            push(chars, start..end, first);
            first = false;
        });
        line_start += source_line.len() + 1;
    }
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
    byte: usize,
    char: usize,
    text: &'a str,
    /// Whether the stretch walked is ASCII, where a byte is a character.
    ascii: bool,
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `byte` (character `char`) of `text`, counting characters one by one.
    pub(super) fn at(text: &'a str, byte: usize, char: usize) -> Cursor<'a> {
        Cursor {
            byte,
            char,
            text,
            ascii: false,
        }
    }

    pub(super) fn advance_to(&mut self, byte: usize) -> usize {
        if byte > self.byte {
            self.char += if self.ascii {
                byte - self.byte
            } else {
                self.text[self.byte..byte].chars().count()
            };
            self.byte = byte;
        }
        self.char
    }
}

/// Splits text into pieces no wider than `width` columns and hands each to `piece` with its
/// width. Breaks fall between grapheme clusters, so an emoji sequence or a letter with its
/// accents stays whole; only a cluster wider than `width` on its own is split between its
/// characters. Clusters are measured as a terminal draws them: "❤\u{fe0f}" takes two
/// columns, not the one its characters add up to. Empty text gives one empty piece.
fn hard_break(text: &str, width: usize, mut piece: impl FnMut(Range<usize>, usize)) {
    // Most words are short ASCII, one column a byte (sanitised text has no ASCII controls).
    if text.len() <= width && text.is_ascii() {
        return piece(0..text.len(), text.len());
    }
    let units = text.grapheme_indices(true).flat_map(|(i, cluster)| {
        let split = display_width(cluster) > width;
        // A cluster too wide is split before each character that takes columns of its own,
        // so a variation selector or a combining mark stays with the character it changes
        // ("❤\u{fe0f}" takes two columns together, one in pieces).
        let mut starts = cluster
            .char_indices()
            .filter(move |&(j, ch)| j == 0 || split && ch.width().unwrap_or(0) > 0)
            .map(|(j, _)| j)
            .peekable();
        std::iter::from_fn(move || {
            let j = starts.next()?;
            let end = starts.peek().copied().unwrap_or(cluster.len());
            Some((i + j, &cluster[j..end]))
        })
    });
    let mut start = 0;
    let mut columns = 0;
    for (i, unit) in units {
        let w = display_width(unit);
        if columns + w > width && i > start {
            piece(start..i, columns);
            start = i;
            columns = 0;
        }
        columns += w;
    }
    piece(start..text.len(), columns)
}

/// Wraps prose with Unicode line-breaking rules (so CJK text breaks between characters) into
/// lines of `widths[0]` columns, then `widths[1]`, first fit, and hands `line` each line's
/// byte range relative to `text` (without the spaces at the break) and whether it is the
/// first. Words go straight from the text to the lines: nothing is collected on the way.
pub(super) fn wrap_prose(text: &str, widths: [usize; 2], mut line: impl FnMut(usize, usize, bool)) {
    let mut fit = FirstFit {
        widths,
        lines: 0,
        open: None,
        used: 0,
    };
    let longest = widths[0].min(widths[1]);
    // A word's whitespace is the run of spaces after it (textwrap's `Word::from` takes only
    // `' '`), one column each.
    let mut place = |word: &str, at: usize, spaces: usize| {
        hard_break(word, longest, |range, columns| {
            let last = range.end == word.len();
            let span = at + range.start..at + range.end;
            fit.place(span, columns, if last { spaces } else { 0 }, &mut line);
        });
    };
    if breaks_only_at_spaces(text) {
        // ASCII with no leading space: the words are what lies between runs of spaces.
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let mut word_end = at;
            while word_end < bytes.len() && bytes[word_end] != b' ' {
                word_end += 1;
            }
            let mut next = word_end;
            while next < bytes.len() && bytes[next] == b' ' {
                next += 1;
            }
            place(&text[at..word_end], at, next - word_end);
            at = next;
        }
    } else {
        let base = text.as_ptr() as usize;
        for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
            let at = word.word.as_ptr() as usize - base;
            place(word.word, at, word.whitespace.len());
        }
    }
    fit.finish(&mut line);
}

/// First-fit line filling, as `textwrap::wrap_algorithms::wrap_first_fit` does it (a piece
/// starts a new line when it does not fit beside what the line holds), one piece at a time.
struct FirstFit {
    widths: [usize; 2],
    /// Lines handed out so far.
    lines: usize,
    /// Byte range of the line being filled, once it holds a piece.
    open: Option<Range<usize>>,
    /// Columns the open line takes, with the spaces after its last piece.
    used: usize,
}

impl FirstFit {
    fn place(
        &mut self,
        piece: Range<usize>,
        columns: usize,
        spaces: usize,
        line: &mut impl FnMut(usize, usize, bool),
    ) {
        let limit = self.widths[self.lines.min(1)];
        if self.used + columns > limit
            && let Some(open) = self.open.take()
        {
            line(open.start, open.end, self.lines == 0);
            self.lines += 1;
            self.used = 0;
        }
        let start = self.open.as_ref().map_or(piece.start, |open| open.start);
        self.open = Some(start..piece.end);
        self.used += columns + spaces;
    }

    /// Hands out the last line; text without a piece is one empty line.
    fn finish(self, line: &mut impl FnMut(usize, usize, bool)) {
        match self.open {
            Some(open) => line(open.start, open.end, self.lines == 0),
            None if self.lines == 0 => line(0, 0, true),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use textwrap::core::Fragment;
    use textwrap::wrap_algorithms::wrap_first_fit;

    /// A piece as textwrap's first fit sees it.
    #[derive(Debug)]
    struct Measured {
        bytes: Range<usize>,
        width: usize,
        spaces: usize,
    }

    impl Fragment for Measured {
        fn width(&self) -> f64 {
            self.width as f64
        }
        fn whitespace_width(&self) -> f64 {
            self.spaces as f64
        }
        fn penalty_width(&self) -> f64 {
            0.0
        }
    }

    /// The lines textwrap makes of the same words and pieces: every word collected first, then
    /// `wrap_first_fit` over the list.
    fn textwrap_lines(text: &str, widths: [usize; 2]) -> Vec<(usize, usize, bool)> {
        let base = text.as_ptr() as usize;
        let mut pieces = Vec::new();
        for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
            let at = word.word.as_ptr() as usize - base;
            let mut parts = Vec::new();
            hard_break(word.word, widths[0].min(widths[1]), |range, width| {
                parts.push((range, width));
            });
            let last = parts.len() - 1;
            for (n, (range, width)) in parts.into_iter().enumerate() {
                pieces.push(Measured {
                    bytes: at + range.start..at + range.end,
                    width,
                    spaces: if n == last { word.whitespace.len() } else { 0 },
                });
            }
        }
        let lines: Vec<_> = wrap_first_fit(&pieces, &widths.map(|w| w as f64))
            .into_iter()
            .enumerate()
            .filter_map(|(n, line)| {
                Some((line.first()?.bytes.start, line.last()?.bytes.end, n == 0))
            })
            .collect();
        if lines.is_empty() {
            vec![(0, 0, true)]
        } else {
            lines
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Wrapping word by word, with nothing collected, makes the lines textwrap makes from
        /// the list of every word (what `folio render` printed before it streamed).
        #[test]
        fn streamed_wrapping_makes_textwraps_lines(
            text in "[a-c0-9 .,;:!?()'\"/*-]{0,50}|[a-z 中文，。❤\u{fe0f}é`-]{0,40}",
            first in 2usize..14,
            rest in 2usize..14,
        ) {
            let mut streamed = Vec::new();
            wrap_prose(&text, [first, rest], |start, end, is_first| {
                streamed.push((start, end, is_first));
            });
            prop_assert_eq!(streamed, textwrap_lines(&text, [first, rest]));
        }
    }
}
