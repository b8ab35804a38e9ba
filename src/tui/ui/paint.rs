//! Character ranges to paint over the text in one frame: search matches now; highlights, the
//! caret and the selection will join them. Each frame asks only for what is on screen.

use std::ops::Range;

use ratatui::style::Style;

use super::theme::Theme;
use crate::tui::model::Reader;

/// What a painted range is, from lowest to highest layer (later kinds are drawn over
/// earlier ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PaintKind {
    SearchMatch,
    CurrentMatch,
}

impl PaintKind {
    pub fn style(self, theme: &Theme) -> Style {
        match self {
            PaintKind::SearchMatch => theme.search_match,
            PaintKind::CurrentMatch => theme.search_current,
        }
    }
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
    out.sort_by_key(|p| p.kind);
    out
}
