//! Page furniture folded away: which runs of furniture blocks a layout shows whole, as one
//! "⋯ N lines of page furniture" line, or not at all. The reader and `folio render` share it.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Line, lay_out_block};
use crate::article::{Article, BlockKind};

/// What becomes of page furniture (site chrome around and inside the article).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Furniture {
    /// Left out.
    Hide,
    /// Each run of it is one line saying how many lines it holds.
    Fold,
    /// Shown in place (dimmed where there is style).
    Show,
}

/// How a layout treats furniture: the mode, and the runs (by their first block) the reader
/// turned the other way one by one: opened where the mode folds or hides, folded where it
/// shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folds {
    pub mode: Furniture,
    pub flipped: BTreeSet<usize>,
}

impl Folds {
    /// Every run treated as `mode` says.
    pub fn new(mode: Furniture) -> Folds {
        Folds {
            mode,
            flipped: BTreeSet::new(),
        }
    }

    /// Nothing folded or hidden.
    pub fn none() -> Folds {
        Folds::new(Furniture::Show)
    }

    /// Whether the run starting at block `head` is shown whole.
    pub fn is_open(&self, head: usize) -> bool {
        (self.mode == Furniture::Show) != self.flipped.contains(&head)
    }

    /// Opens the run starting at `head` if it is folded or hidden, else folds it.
    pub fn toggle(&mut self, head: usize) {
        if !self.flipped.remove(&head) {
            self.flipped.insert(head);
        }
    }

    /// Turns every run of `article` the other way from the mode, or, when some already are,
    /// puts them all back as the mode says.
    pub fn toggle_all(&mut self, article: &Article) {
        if !self.flipped.is_empty() {
            self.flipped.clear();
            return;
        }
        self.flipped.extend(runs(article).map(|run| run.start));
    }
}

/// How one block appears in a layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// Laid out as usual.
    Whole,
    /// The first block of a folded run, which ends before block `end`: one fold line.
    Fold { end: usize },
    /// A later block of the folded run starting at block `head`: no lines of its own.
    Folded { head: usize },
    /// A block of a hidden run: no lines at all.
    Hidden,
}

/// The shape of every block under `folds`, or `None` when every block is shown whole (the
/// common case, which then costs nothing).
pub(super) fn shapes(article: &Article, folds: &Folds) -> Option<Vec<Shape>> {
    let all_open = folds.mode == Furniture::Show && folds.flipped.is_empty();
    if all_open || !article.blocks.iter().any(is_furniture) {
        return None;
    }
    let mut shapes = vec![Shape::Whole; article.blocks.len()];
    let folded = folds.mode != Furniture::Hide;
    for Range { start: head, end } in runs(article).filter(|run| !folds.is_open(run.start)) {
        shapes[head] = if folded {
            Shape::Fold { end }
        } else {
            Shape::Hidden
        };
        for shape in &mut shapes[head + 1..end] {
            *shape = if folded {
                Shape::Folded { head }
            } else {
                Shape::Hidden
            };
        }
    }
    Some(shapes)
}

/// Every run of furniture blocks of `article`, in order.
fn runs(article: &Article) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut next = 0;
    std::iter::from_fn(move || {
        let start = (next..article.blocks.len()).find(|&i| is_furniture(&article.blocks[i]))?;
        next = run_end(article, start);
        Some(start..next)
    })
}

fn is_furniture(block: &crate::article::Block) -> bool {
    block.kind == BlockKind::Chrome
}

/// The end (exclusive) of the run of furniture blocks that starts at block `start`.
pub fn run_end(article: &Article, start: usize) -> usize {
    (start..article.blocks.len())
        .find(|&i| !is_furniture(&article.blocks[i]))
        .unwrap_or(article.blocks.len())
}

/// The first block of the run of furniture that holds block `block`, if it is furniture.
pub fn run_start(article: &Article, block: usize) -> Option<usize> {
    if !article.blocks.get(block).is_some_and(is_furniture) {
        return None;
    }
    let before = (0..block)
        .rev()
        .find(|&i| !is_furniture(&article.blocks[i]));
    Some(before.map_or(0, |i| i + 1))
}

/// How many lines of text the blocks `run` take at `width` when shown whole (the blank lines
/// between them not counted). `scratch` is reused for the wrapping.
pub fn run_lines(
    article: &Article,
    run: Range<usize>,
    width: usize,
    scratch: &mut Vec<Line>,
) -> usize {
    run.map(|block| {
        scratch.clear();
        lay_out_block(article, block, width, scratch);
        scratch.len()
    })
    .sum()
}

/// The words of the line that stands for a folded run of `lines` lines.
pub fn fold_label(lines: usize) -> String {
    let plural = if lines == 1 { "" } else { "s" };
    format!("⋯ {lines} line{plural} of page furniture")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::RawBlock;
    use std::sync::Arc;

    fn article(kinds: &[BlockKind]) -> Arc<Article> {
        let blocks = kinds
            .iter()
            .enumerate()
            .map(|(i, &k)| RawBlock::new(k, format!("block {i}")))
            .collect();
        super::super::tests::article(blocks)
    }

    const C: BlockKind = BlockKind::Chrome;
    const P: BlockKind = BlockKind::Paragraph;

    #[test]
    fn runs_are_found_from_any_of_their_blocks() {
        let a = article(&[C, C, P, C, C, C, P]);
        assert_eq!(run_end(&a, 0), 2);
        assert_eq!(run_end(&a, 3), 6);
        assert_eq!(run_start(&a, 5), Some(3));
        assert_eq!(run_start(&a, 0), Some(0));
        assert_eq!(run_start(&a, 2), None);
    }

    #[test]
    fn folding_keeps_one_line_per_run_and_opened_runs_whole() {
        let a = article(&[C, C, P, C, C, C, P]);
        let mut folds = Folds::new(Furniture::Fold);
        folds.toggle(3);
        let shapes = super::shapes(&a, &folds).expect("furniture is folded");
        assert_eq!(
            shapes,
            vec![
                Shape::Fold { end: 2 },
                Shape::Folded { head: 0 },
                Shape::Whole,
                Shape::Whole,
                Shape::Whole,
                Shape::Whole,
                Shape::Whole
            ]
        );
        folds.toggle(3);
        assert!(!folds.is_open(3));
        // Where furniture is shown, a run turned the other way is folded.
        let mut shown = Folds::none();
        shown.toggle(3);
        let shapes = super::shapes(&a, &shown).expect("one run is folded");
        assert_eq!(shapes[3], Shape::Fold { end: 6 });
        assert_eq!(shapes[0], Shape::Whole);
        // Turning them all opens every run, and again puts them back.
        let mut all = Folds::new(Furniture::Fold);
        all.toggle_all(&a);
        assert!(all.is_open(0) && all.is_open(3));
        all.toggle_all(&a);
        assert!(!all.is_open(0) && !all.is_open(3));
    }

    #[test]
    fn hidden_runs_have_no_lines_and_showing_costs_nothing() {
        let a = article(&[P, C, P]);
        let hidden = shapes(&a, &Folds::new(Furniture::Hide)).expect("furniture is hidden");
        assert_eq!(hidden[1], Shape::Hidden);
        assert_eq!(shapes(&a, &Folds::none()), None);
        assert_eq!(
            shapes(&article(&[P, P]), &Folds::new(Furniture::Fold)),
            None
        );
    }

    #[test]
    fn a_run_counts_its_lines_of_text() {
        let a = article(&[C, C, P]);
        // "block 0" and "block 1" wrap to two lines each at width 5 (the gap between is blank).
        assert_eq!(run_lines(&a, 0..2, 5, &mut Vec::new()), 4);
        assert_eq!(fold_label(1), "⋯ 1 line of page furniture");
        assert_eq!(fold_label(5), "⋯ 5 lines of page furniture");
    }
}
