//! The whole extent of an approximate match: the quote aligned together with the ends of its
//! stored context, so its first and last words are where the context says they begin and end.
//! Edit distance alone may trade a word inserted inside the quote for dropping the quote's first
//! word ("Three long generations" found as " long generations").

use std::ops::Range;

use super::context::Context;
use crate::highlights::fuzzy::{Hit, edit_distance};

/// Context characters aligned on each side of the quote.
const CONTEXT: usize = 16;
/// Most dynamic-programming cells one refinement may take; a larger one keeps the hit.
const MAX_CELLS: usize = 4_000_000;

/// `hit` (a range of `chars` close to `pattern`) moved to where the quote's first and last
/// characters align when the quote is aligned with its context's ends around it; the edits are
/// counted again for the new range.
pub fn whole_extent(hit: &Hit, pattern: &[char], ctx: &Context, chars: &[char]) -> Hit {
    let pre = &ctx.prefix[ctx.prefix.len().saturating_sub(CONTEXT)..];
    let suf = &ctx.suffix[..ctx.suffix.len().min(CONTEXT)];
    let slack = pattern.len() / 4 + 1;
    let from = hit.range.start.saturating_sub(pre.len() + slack);
    let to = (hit.range.end + suf.len() + slack).min(chars.len());
    let full: Vec<char> = [pre, pattern, suf].concat();
    let window = &chars[from..to];
    if (full.len() + 1) * (window.len() + 1) > MAX_CELLS {
        return hit.clone();
    }
    let Some(range) = align(&full, window, pre.len()..pre.len() + pattern.len()) else {
        return hit.clone();
    };
    let range = range.start + from..range.end + from;
    if range.is_empty() {
        return hit.clone();
    }
    Hit {
        edits: edit_distance(pattern, &chars[range.clone()]),
        range,
    }
}

/// Aligns `pattern` whole with some part of `text` at least cost (edit distance) and returns
/// the text positions where pattern positions `mark.start` and `mark.end` fall.
fn align(pattern: &[char], text: &[char], mark: Range<usize>) -> Option<Range<usize>> {
    let (m, n) = (pattern.len(), text.len());
    let width = n + 1;
    // cost[i * width + j]: fewest edits aligning pattern[..i] with text ending at j.
    let mut cost = vec![0usize; (m + 1) * width];
    for i in 1..=m {
        cost[i * width] = i;
        for j in 1..=n {
            let diag = cost[(i - 1) * width + j - 1] + usize::from(pattern[i - 1] != text[j - 1]);
            let up = cost[(i - 1) * width + j] + 1;
            let left = cost[i * width + j - 1] + 1;
            cost[i * width + j] = diag.min(up).min(left);
        }
    }
    let mut j = (0..=n).min_by_key(|&j| cost[m * width + j])?;
    let mut i = m;
    let (mut start, mut end) = (None, None);
    // Back from the best end. Text the walk crosses while on the quote's last row lies
    // between the quote and its suffix, and text crossed on the row before its first
    // character lies between prefix and quote: both stay outside, so the quote's end is
    // where the walk leaves its last row and its start where it reaches the row before.
    while i > 0 {
        if i == mark.end {
            end = Some(j);
        }
        let here = cost[i * width + j];
        if j > 0
            && here == cost[(i - 1) * width + j - 1] + usize::from(pattern[i - 1] != text[j - 1])
        {
            i -= 1;
            j -= 1;
        } else if here == cost[(i - 1) * width + j] + 1 {
            i -= 1;
        } else {
            j -= 1;
        }
        if i == mark.start && start.is_none() {
            start = Some(j);
        }
    }
    Some(start.unwrap_or(0)..end.unwrap_or(j))
}
