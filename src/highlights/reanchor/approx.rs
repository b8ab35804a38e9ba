//! The approximate search for a quote: windows where it could be (near its old position, next
//! to where its context went, around exact hits of its pieces), each searched with bounded
//! edit distance.

use std::ops::Range;

use super::context::{Context, TextIndex};
use crate::highlights::fuzzy::{self, Hit};
use crate::highlights::model::Target;

/// Context characters used to find where a quote's neighbours went.
const CONTEXT_PROBE: usize = 16;
/// Quote pieces searched exactly to seed the whole-text search.
const PIECE: usize = 6;
/// A probe (context end or quote piece) with more exact hits than this is too common to
/// narrow the search.
const PROBE_MAX_HITS: usize = 64;
/// Most dynamic-programming cells spent on one annotation's approximate search.
const CELL_BUDGET: usize = 4_000_000;

/// Approximate occurrences of the quote near its old position, near where its context went,
/// and wherever a piece of it still occurs exactly.
pub fn approximate(
    target: &Target,
    pattern: &[char],
    ctx: &Context,
    source: &str,
    index: &TextIndex,
    budget: &mut usize,
) -> Vec<Hit> {
    let k = pattern.len() / 4;
    if k == 0 {
        return Vec::new();
    }
    let old = target.position.start.min(index.chars.len());
    let windows = windows(old, pattern, k, ctx, source, index);
    search(&windows, pattern, k, index, budget)
}

/// The stretches of text where the quote may lie, give or take `k` edits: around its old
/// position, after where its prefix went, before where its suffix went, and around every
/// exact hit of a piece of it; merged, nearest the old position first (in case the budget
/// runs out).
fn windows(
    old: usize,
    pattern: &[char],
    k: usize,
    ctx: &Context,
    source: &str,
    index: &TextIndex,
) -> Vec<Range<usize>> {
    let m = pattern.len();
    let len = index.chars.len();
    let span = m + k;
    let slack = span + 256;
    let mut windows: Vec<Range<usize>> = Vec::new();
    windows.push(old.saturating_sub(slack)..(old + span + slack).min(len));
    // A window that would hold the quote if it began at `start`, give or take k edits.
    let mut around = |start: usize| {
        windows.push(start.saturating_sub(k)..(start + span + k).min(len));
    };
    // Exact hits of a short probe, unless it is too common to narrow anything down.
    let seeds = |probe: &[char]| {
        let hits = index.find_exact(source, &probe.iter().collect::<String>());
        if hits.len() <= PROBE_MAX_HITS {
            hits
        } else {
            Vec::new()
        }
    };
    if !ctx.prefix.is_empty() {
        let tail = &ctx.prefix[ctx.prefix.len().saturating_sub(CONTEXT_PROBE)..];
        for hit in seeds(tail) {
            around(hit.end);
        }
    }
    if !ctx.suffix.is_empty() {
        let head = &ctx.suffix[..ctx.suffix.len().min(CONTEXT_PROBE)];
        for hit in seeds(head) {
            around(hit.start.saturating_sub(m));
        }
    }
    for (i, piece) in pattern.chunks(PIECE).enumerate() {
        if piece.len() == PIECE || i == 0 {
            for hit in seeds(piece) {
                around(hit.start.saturating_sub(i * PIECE));
            }
        }
    }
    windows.retain(|w| w.start < w.end);
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged.sort_by_key(|w| w.start.abs_diff(old).min(w.end.abs_diff(old)));
    merged
}

/// Approximate occurrences of the quote within `k` edits in each window, in order, skipping a
/// window that would take this annotation past its share of `budget` (spent as it goes).
fn search(
    windows: &[Range<usize>],
    pattern: &[char],
    k: usize,
    index: &TextIndex,
    budget: &mut usize,
) -> Vec<Hit> {
    let allowance = CELL_BUDGET.min(*budget);
    let mut cells = 0;
    let mut hits = Vec::new();
    for w in windows {
        if cells + (w.end - w.start) * pattern.len() > allowance {
            continue;
        }
        for hit in fuzzy::find_approx(pattern, &index.chars[w.clone()], k, &mut cells) {
            hits.push(Hit {
                range: hit.range.start + w.start..hit.range.end + w.start,
                edits: hit.edits,
            });
        }
    }
    *budget -= cells;
    hits
}
