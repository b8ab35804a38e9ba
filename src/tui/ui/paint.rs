//! Character ranges to paint over the text in one frame: highlights, search matches, the
//! selection and the caret. Each frame asks only for what is on screen.

use std::ops::Range;

use ratatui::style::Style;

use super::theme::Theme;
use crate::highlights::{AnchorStatus, Color};
use crate::tui::model::{Focus, Reader};

/// What a painted range is, from lowest to highest layer (later kinds are drawn over
/// earlier ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PaintKind {
    /// A highlight, by its colour's index in [`Color::ALL`].
    Highlight(usize),
    /// A highlight found again only approximately (fuzzy or review): also flagged.
    Flagged(usize),
    SearchMatch,
    CurrentMatch,
    Selection,
    Cursor,
}

impl PaintKind {
    pub fn style(self, theme: &Theme) -> Style {
        match self {
            PaintKind::Highlight(c) => theme.highlights[c],
            PaintKind::Flagged(c) => theme.highlights[c].patch(theme.flagged),
            PaintKind::SearchMatch => theme.search_match,
            PaintKind::CurrentMatch => theme.search_current,
            PaintKind::Selection => theme.selection,
            PaintKind::Cursor => theme.cursor,
        }
    }
}

/// Whether a highlight with this status sits on text that may differ from its quote.
pub fn is_flagged(status: AnchorStatus) -> bool {
    matches!(status, AnchorStatus::Fuzzy | AnchorStatus::Review)
}

pub(super) fn color_index(color: Color) -> usize {
    Color::ALL.iter().position(|&c| c == color).unwrap_or(0)
}

/// A character range of the article's text and how to paint it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paint {
    pub range: Range<usize>,
    pub kind: PaintKind,
}

/// The paints that touch the character range `visible`, lowest layer first.
pub fn paints(reader: &Reader, visible: Range<usize>) -> Vec<Paint> {
    let matches = &reader.search.matches;
    // Matches are sorted and disjoint, so the visible ones are one contiguous run.
    let first = matches.partition_point(|m| m.end <= visible.start);
    let mut out: Vec<Paint> = matches[first..]
        .iter()
        .take_while(|m| m.start < visible.end)
        .map(|m| Paint {
            range: m.clone(),
            kind: PaintKind::SearchMatch,
        })
        .collect();
    if let Some(current) = reader.search.current.and_then(|i| matches.get(i))
        && current.start < visible.end
        && current.end > visible.start
    {
        out.push(Paint {
            range: current.clone(),
            kind: PaintKind::CurrentMatch,
        });
    }
    let touches = |r: &Range<usize>| r.start < visible.end && r.end > visible.start;
    for highlight in &reader.highlights {
        let Some(range) = highlight.range.as_ref().filter(|r| touches(r)) else {
            continue;
        };
        let colour = color_index(highlight.color);
        out.push(Paint {
            range: range.clone(),
            kind: if is_flagged(highlight.status) {
                PaintKind::Flagged(colour)
            } else {
                PaintKind::Highlight(colour)
            },
        });
    }
    if let Some(range) = reader.selected_range().filter(|r| touches(r)) {
        out.push(Paint {
            range,
            kind: PaintKind::Selection,
        });
    }
    if reader.focus == Focus::Reader {
        out.push(Paint {
            range: reader.cursor..reader.cursor + 1,
            kind: PaintKind::Cursor,
        });
    }
    out.sort_by_key(|p| p.kind);
    out
}
