//! Blocks to display lines at a given width, CJK-aware, and the maps between character offsets
//! and display lines. Nothing here knows about terminals; the reader and `folio render` share it.
//!
//! The layout is lazy: a block is wrapped the first time one of its lines is asked for, so
//! opening or re-wrapping an article costs only what is on screen. Blocks not yet wrapped count
//! with an estimated number of lines; [`Layout::advance`] wraps the rest a little at a time
//! (the reader calls it while idle), after which line numbers, percent and jumps are exact.

mod breaks;
mod fold;
mod index;
mod table;
mod wrap;

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;
use fold::Shape;
pub use fold::{Folds, Furniture, fold_label, run_end, run_lines, run_start};
use index::LineIndex;
pub use table::{Mark, MarkKind, Piece, Segment, TableLine};
pub use wrap::{CONTINUATION_MARK, continues, lay_out_block, wants_gap};

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
    /// One line standing for a folded run of page furniture that takes `lines` lines when
    /// shown; the line's range covers the whole run.
    Fold { lines: usize },
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
    /// For a line of a table, what it shows where: pieces of several cells, borders, labels.
    /// Its range then runs from its first piece to the end of its row, and the text is drawn
    /// from the pieces, not from the range.
    pub table: Option<Box<TableLine>>,
}

/// An article laid out at one width, block by block as its lines are asked for.
///
/// Every method takes `&self` (the wrapped blocks live in a `RefCell`), so drawing, which only
/// borrows the model, can wrap the blocks it shows.
#[derive(Clone)]
pub struct Layout {
    pub width: usize,
    article: Arc<Article>,
    /// How each block appears when furniture is folded or hidden; `None` when all are whole.
    shapes: Option<Vec<Shape>>,
    /// The first block that shows any line (no blank line stands above it).
    first_shown: usize,
    state: RefCell<State>,
}

#[derive(Clone)]
struct State {
    /// Text lines of the wrapped blocks; each block's lines are contiguous.
    lines: Vec<Line>,
    /// For each block, where its lines are in `lines`, once wrapped.
    spans: Vec<Option<Range<usize>>>,
    /// Lines per block, counting the gap before it: exact once wrapped, estimated before.
    index: LineIndex,
    /// Blocks not wrapped yet.
    pending: usize,
    /// Where [`Layout::advance`] goes on.
    next: usize,
    /// Lines wrapped so far (a work counter for tests and benchmarks).
    wrapped: usize,
}

impl fmt::Debug for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state.borrow();
        f.debug_struct("Layout")
            .field("width", &self.width)
            .field("blocks", &state.spans.len())
            .field("pending", &state.pending)
            .finish()
    }
}

impl Layout {
    /// Prepares `article` for layout at `width` columns (at least [`MIN_WIDTH`]), every block
    /// shown. Nothing is wrapped yet; this costs one pass over the block list.
    pub fn new(article: &Arc<Article>, width: usize) -> Layout {
        Layout::folded(article, width, &Folds::none())
    }

    /// Like [`Layout::new`], with page furniture folded or hidden as `folds` says.
    pub fn folded(article: &Arc<Article>, width: usize, folds: &Folds) -> Layout {
        let width = width.max(MIN_WIDTH);
        let shapes = fold::shapes(article, folds);
        let first_shown = shapes.as_ref().map_or(0, |shapes| {
            shapes
                .iter()
                .position(|s| matches!(s, Shape::Whole | Shape::Fold { .. }))
                .unwrap_or(shapes.len())
        });
        let blocks = article.blocks.len();
        let mut layout = Layout {
            width,
            article: Arc::clone(article),
            shapes,
            first_shown,
            state: RefCell::new(State {
                lines: Vec::new(),
                spans: vec![None; blocks],
                index: LineIndex::new(Vec::new()),
                pending: blocks,
                next: 0,
                wrapped: 0,
            }),
        };
        let counts = (0..blocks)
            .map(|b| layout.gap(b) + layout.estimate(b))
            .collect();
        layout.state.get_mut().index = LineIndex::new(counts);
        layout
    }

    /// How block `block` appears.
    fn shape(&self, block: usize) -> Shape {
        self.shapes.as_ref().map_or(Shape::Whole, |s| s[block])
    }

    /// 1 when a blank line stands before block `block`, else 0: none above the first block
    /// shown, and none for blocks folded into a run or hidden.
    fn gap(&self, block: usize) -> usize {
        match self.shape(block) {
            Shape::Folded { .. } | Shape::Hidden => 0,
            Shape::Whole | Shape::Fold { .. } => {
                usize::from(block > self.first_shown && wants_gap(&self.article, block))
            }
        }
    }

    /// A guess at the number of lines of block `block` (see [`estimate`]).
    fn estimate(&self, block: usize) -> usize {
        match self.shape(block) {
            Shape::Whole => estimate(&self.article, block, self.width),
            Shape::Fold { .. } => 1,
            Shape::Folded { .. } | Shape::Hidden => 0,
        }
    }

    /// Number of display lines: exact once [`Layout::is_complete`], estimated before.
    pub fn len(&self) -> usize {
        self.state.borrow().index.total()
    }

    pub fn is_empty(&self) -> bool {
        self.article.blocks.is_empty()
    }

    /// Whether every block is wrapped, so line numbers are final.
    pub fn is_complete(&self) -> bool {
        self.state.borrow().pending == 0
    }

    /// How many lines have been wrapped since the layout was made: a measure of work done.
    pub fn wrapped(&self) -> usize {
        self.state.borrow().wrapped
    }

    /// Display line `line`, wrapping its block if needed; `None` past the end.
    pub fn line(&self, line: usize) -> Option<Line> {
        let mut state = self.state.borrow_mut();
        loop {
            if line >= state.index.total() {
                return None;
            }
            let block = state.index.find(line);
            let within = line - state.index.prefix(block);
            let span = self.wrap(&mut state, block);
            let gap = self.gap(block);
            if within < gap {
                return Some(self.gap_line(block));
            }
            if within - gap < span.len() {
                return Some(state.lines[span.start + within - gap].clone());
            }
            // The block was estimated longer than it is: the line now belongs to a later one.
        }
    }

    /// Display lines `range` (clipped to the end).
    pub fn lines(&self, range: Range<usize>) -> Vec<Line> {
        range.map_while(|i| self.line(i)).collect()
    }

    /// Index of the first display line of block `block`.
    pub fn first_line_of_block(&self, block: usize) -> usize {
        let state = self.state.borrow();
        match self.article.blocks.get(block) {
            Some(_) => state.index.prefix(block) + self.gap(block),
            None => state.index.total(),
        }
    }

    /// Index of the display line that shows character offset `offset` (a gap's offset maps to
    /// the line after it).
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let Some(block) = self.block_of(offset) else {
            return 0;
        };
        let block = match self.shape(block) {
            Shape::Folded { head } => head,
            _ => block,
        };
        let mut state = self.state.borrow_mut();
        let within = self.line_in_block(&mut state, block, offset);
        state.index.prefix(block) + self.gap(block) + within
    }

    /// Character offset at the start of display line `line`.
    pub fn offset_of_line(&self, line: usize) -> usize {
        match self.line(line) {
            Some(l) if l.kind == LineKind::Gap => {
                self.line(line + 1).map_or(l.chars.end, |n| n.chars.start)
            }
            Some(l) => l.chars.start,
            None => self.article.blocks.last().map_or(0, |b| b.chars.end),
        }
    }

    /// Wraps enough blocks around character offset `offset` that the `before` lines above its
    /// line and the `after` lines from it on are exact, so moves within them land right.
    pub fn ensure_around(&self, offset: usize, before: usize, after: usize) {
        let Some(block) = self.block_of(offset) else {
            return;
        };
        let mut state = self.state.borrow_mut();
        let within = self.line_in_block(&mut state, block, offset);
        let mut below = state.index.count(block) - self.gap(block) - within;
        let mut next = block + 1;
        while below < after && next < self.article.blocks.len() {
            self.wrap(&mut state, next);
            below += state.index.count(next);
            next += 1;
        }
        let mut above = self.gap(block) + within;
        let mut previous = block;
        while above < before && previous > 0 {
            previous -= 1;
            self.wrap(&mut state, previous);
            above += state.index.count(previous);
        }
    }

    /// Wraps the last blocks until at least `lines` lines at the end are exact.
    pub fn ensure_end(&self, lines: usize) {
        let mut state = self.state.borrow_mut();
        let mut have = 0;
        let mut block = self.article.blocks.len();
        while have < lines && block > 0 {
            block -= 1;
            self.wrap(&mut state, block);
            have += state.index.count(block);
        }
    }

    /// Wraps blocks not yet wrapped, in order, until about `budget` bytes of text are done;
    /// returns whether the layout is complete.
    pub fn advance(&self, budget: usize) -> bool {
        let mut state = self.state.borrow_mut();
        let mut spent = 0;
        while state.pending > 0 && spent < budget && state.next < self.article.blocks.len() {
            let block = state.next;
            state.next += 1;
            if state.spans[block].is_none() {
                self.wrap(&mut state, block);
                spent += self.article.blocks[block].bytes.len() + 1;
            }
        }
        state.pending == 0
    }

    /// The lines of `block` in `state.lines`, wrapping it first if it is not yet.
    fn wrap(&self, state: &mut State, block: usize) -> Range<usize> {
        if let Some(span) = &state.spans[block] {
            return span.clone();
        }
        let start = state.lines.len();
        match self.shape(block) {
            Shape::Whole => lay_out_block(&self.article, block, self.width, &mut state.lines),
            Shape::Fold { end } => {
                let line = self.fold_line(block..end);
                state.lines.push(line);
            }
            Shape::Folded { .. } | Shape::Hidden => {}
        }
        let span = start..state.lines.len();
        state.wrapped += span.len();
        state.index.set(block, self.gap(block) + span.len());
        state.spans[block] = Some(span.clone());
        state.pending -= 1;
        span
    }

    /// The block holding character offset `offset` (between blocks, the next one; an empty
    /// block, such as a rule, holds the offset it stands at).
    pub fn block_of(&self, offset: usize) -> Option<usize> {
        let blocks = &self.article.blocks;
        let last = blocks.len().checked_sub(1)?;
        let i = blocks.partition_point(|b| before(&b.chars, offset));
        Some(i.min(last))
    }

    /// Which of `block`'s text lines shows `offset`.
    fn line_in_block(&self, state: &mut State, block: usize, offset: usize) -> usize {
        let span = self.wrap(state, block);
        let lines = &state.lines[span];
        if lines.first().is_some_and(|l| l.table.is_some()) {
            return table::line_in_table(lines, offset);
        }
        let i = lines.partition_point(|l| before(&l.chars, offset));
        i.min(lines.len().saturating_sub(1))
    }

    /// The column (counted from the first column of its text, after indent and quote bar) at
    /// which display line `line` shows character `offset`.
    pub fn column_of(&self, line: &Line, offset: usize) -> usize {
        if line.table.is_some() {
            return table::column_in_table(&self.article.text, line, offset);
        }
        display_width(self.article.slice(line.chars.start..offset))
    }

    /// The character offset display line `line` shows at `column` (counted as in
    /// [`Layout::column_of`]); past the end, the line's end.
    pub fn offset_at_column(&self, line: &Line, column: usize) -> usize {
        if line.table.is_some() {
            return table::offset_at_table_column(&self.article.text, line, column);
        }
        let text = &self.article.text[line.bytes.clone()];
        let mut used = 0;
        for (i, ch) in text.chars().enumerate() {
            used += display_width(ch.encode_utf8(&mut [0; 4]));
            if used > column {
                return line.chars.start + i;
            }
        }
        line.chars.end
    }

    /// The line standing for the folded run of blocks `run`.
    fn fold_line(&self, run: Range<usize>) -> Line {
        let blocks = &self.article.blocks;
        let (first, last) = (&blocks[run.start], &blocks[run.end - 1]);
        Line {
            kind: LineKind::Fold {
                lines: run_lines(&self.article, run.clone(), self.width, &mut Vec::new()),
            },
            block: run.start,
            chars: first.chars.start..last.chars.end,
            bytes: first.bytes.start..last.bytes.end,
            indent: 0,
            quote: false,
            table: None,
        }
    }

    /// The blank line before `block`, which belongs to the block above.
    fn gap_line(&self, block: usize) -> Line {
        let above = &self.article.blocks[block - 1];
        Line {
            kind: LineKind::Gap,
            block: block - 1,
            chars: above.chars.end..above.chars.end,
            bytes: above.bytes.end..above.bytes.end,
            indent: 0,
            quote: false,
            table: None,
        }
    }
}

/// Whether the text `range` lies wholly before `offset`; an empty range holds its own offset.
fn before(range: &Range<usize>, offset: usize) -> bool {
    range.end <= offset && !(range.is_empty() && range.start == offset)
}

/// A guess at the number of lines block `block` wraps to, from its length alone: wide (CJK)
/// characters take three bytes and two columns, and preformatted text keeps its line breaks.
fn estimate(article: &Article, block: usize, width: usize) -> usize {
    let b = &article.blocks[block];
    let chars = b.chars.len();
    let columns = if b.bytes.len() >= 2 * chars {
        2 * chars
    } else {
        chars
    };
    let wrapped = columns / width + 1;
    if b.kind.is_preformatted() {
        let breaks = memchr::memchr_iter(b'\n', article.text[b.bytes.clone()].as_bytes()).count();
        wrapped.max(breaks + 1)
    } else {
        wrapped
    }
}

/// Display width of a string in terminal columns (CJK counts two).
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `text` cut to at most `width` columns, ending in "…" when it had to be cut.
pub fn ellipsize(text: &str, width: usize) -> Cow<'_, str> {
    if display_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = display_width(ch.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{BlockKind, Format, Parsed, RawBlock, build};
    use proptest::prelude::*;

    /// An article of `blocks`, as the parsers would hand it over.
    pub(super) fn article(blocks: Vec<RawBlock>) -> Arc<Article> {
        Arc::new(build(
            Parsed {
                title_hint: None,
                blocks,
            },
            Format::Plain,
            "UTF-8",
            "t",
        ))
    }

    /// Every line, after wrapping every block.
    fn all(layout: &Layout) -> Vec<Line> {
        layout.advance(usize::MAX);
        layout.lines(0..layout.len())
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
        let text: Vec<String> = all(&layout).iter().map(|l| shown(&a, l)).collect();
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
        for l in &all(&layout) {
            assert!(display_width(&a.text[l.bytes.clone()]) <= 9);
        }
        assert_eq!(&a.text[all(&layout)[0].bytes.clone()], "小红书的");
    }

    #[test]
    fn list_items_hang_and_quotes_get_a_bar() {
        let a = article(vec![
            RawBlock::new(BlockKind::ListItem { depth: 0 }, "• alpha beta gamma"),
            RawBlock::new(BlockKind::ListItem { depth: 1 }, "• delta"),
            RawBlock::new(BlockKind::Quote, "quoted words here"),
        ]);
        let layout = Layout::new(&a, 12);
        let text: Vec<String> = all(&layout).iter().map(|l| shown(&a, l)).collect();
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
        let text: Vec<String> = all(&layout).iter().map(|l| shown(&a, l)).collect();
        // The last column is kept for the continuation mark.
        assert_eq!(text, vec!["  fn ma", "  in() ", "  {", "      x", "  }"]);
        assert!(continues(&a, &all(&layout)[0], 8) && !continues(&a, &all(&layout)[2], 8));
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
        let text: Vec<String> = all(&layout).iter().map(|l| shown(&a, l)).collect();
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
    fn a_cluster_wider_than_the_column_splits_without_tearing_its_marks() {
        // U+0600 joins what follows into one cluster, three columns wide: on a column of two
        // it is split, but the heart keeps its presentation selector (two columns together).
        let a = article(vec![RawBlock::new(BlockKind::Code, "\u{600}❤\u{fe0f}")]);
        let layout = Layout::new(&a, 0);
        let text: Vec<String> = all(&layout).iter().map(|l| shown(&a, l)).collect();
        assert_eq!(text, vec!["\u{600}", "❤\u{fe0f}"]);
        assert!(
            all(&layout)
                .iter()
                .all(|l| display_width(&shown(&a, l)) <= 2)
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

    fn with_furniture() -> Arc<Article> {
        article(vec![
            RawBlock::new(BlockKind::Chrome, "Home News Sport"),
            RawBlock::new(BlockKind::Chrome, "Sign in"),
            RawBlock::new(BlockKind::Paragraph, "one two three"),
            RawBlock::new(BlockKind::Chrome, "Share this"),
            RawBlock::new(BlockKind::Paragraph, "four"),
        ])
    }

    #[test]
    fn a_folded_run_is_one_line_covering_the_run() {
        let a = with_furniture();
        let layout = Layout::folded(&a, 9, &Folds::new(Furniture::Fold));
        let lines = all(&layout);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        // "Home News Sport" takes two lines at 9 columns, then (after a gap) "Sign in".
        assert_eq!(
            kinds,
            vec![
                LineKind::Fold { lines: 3 },
                LineKind::Gap,
                LineKind::Text,
                LineKind::Text,
                LineKind::Gap,
                LineKind::Fold { lines: 2 },
                LineKind::Gap,
                LineKind::Text,
            ]
        );
        assert_eq!(
            lines[0].chars,
            a.blocks[0].chars.start..a.blocks[1].chars.end
        );
        // Any offset inside the run maps to its fold line, and the line back to the run.
        assert_eq!(layout.line_of_offset(a.blocks[1].chars.start + 2), 0);
        assert_eq!(layout.offset_of_line(5), a.blocks[3].chars.start);
        assert_eq!(layout.first_line_of_block(4), 7);
    }

    #[test]
    fn opened_runs_are_whole_and_hidden_ones_leave_no_blank_line() {
        let a = with_furniture();
        let mut folds = Folds::new(Furniture::Fold);
        folds.toggle(3);
        let text: Vec<String> = all(&Layout::folded(&a, 20, &folds))
            .iter()
            .map(|l| shown(&a, l))
            .collect();
        assert_eq!(text[4], "Share this");
        let hidden = Layout::folded(&a, 20, &Folds::new(Furniture::Hide));
        let text: Vec<String> = all(&hidden).iter().map(|l| shown(&a, l)).collect();
        assert_eq!(text, vec!["one two three", "", "four"]);
        assert_eq!(hidden.line_of_offset(a.blocks[4].chars.start), 2);
    }

    fn block_kind() -> impl Strategy<Value = BlockKind> {
        prop_oneof![
            Just(BlockKind::Paragraph),
            Just(BlockKind::Quote),
            Just(BlockKind::Code),
            (0u8..3).prop_map(|depth| BlockKind::ListItem { depth }),
            Just(BlockKind::Heading { level: 2 }),
            Just(BlockKind::Chrome),
        ]
    }

    proptest! {
        /// Lines asked for in any order, with idle wrapping in between, are the lines of the
        /// complete layout, and offsets map to the same lines.
        #[test]
        fn lazy_lines_are_the_complete_layout(
            blocks in prop::collection::vec((block_kind(), "[a-z 中文\n]{0,120}"), 1..30),
            width in 2usize..30,
            asks in prop::collection::vec(0usize..200, 1..20),
            furniture in prop_oneof![Just(Furniture::Fold), Just(Furniture::Hide), Just(Furniture::Show)],
            flips in prop::collection::vec(0usize..30, 0..3),
        ) {
            let a = article(blocks.into_iter().map(|(k, t)| RawBlock::new(k, t)).collect());
            let mut folds = Folds::new(furniture);
            // An article of blank blocks has none: then there is nothing to unfold.
            for flip in flips.into_iter().filter(|_| !a.blocks.is_empty()) {
                if let Some(head) = run_start(&a, flip % a.blocks.len()) {
                    folds.toggle(head);
                }
            }
            let complete = Layout::folded(&a, width, &folds);
            let expected = all(&complete);
            let lazy = Layout::folded(&a, width, &folds);
            for (n, ask) in asks.into_iter().enumerate() {
                let offset = ask * a.char_len / 200;
                lazy.ensure_around(offset, 3, 3);
                let line = lazy.line_of_offset(offset);
                let got = lazy.line(line);
                prop_assert_eq!(got.as_ref(), expected.get(complete.line_of_offset(offset)));
                if n % 3 == 0 {
                    lazy.advance(40);
                }
            }
            prop_assert_eq!(all(&lazy), expected);
        }
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
            for l in &all(&layout) {
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
