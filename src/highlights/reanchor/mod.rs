//! Finding an annotation again in an article's current text, in stages that never guess
//! silently: verified → moved → fuzzy → review → orphan.
//!
//! Only `verified` and `moved` place a highlight on text equal to its quote. `fuzzy` places it
//! on a close, clearly best approximate match; `review` on a plausible but doubtful one, which
//! the reader shows flagged for the user to confirm; `orphan` places it nowhere.

use std::ops::Range;

mod approx;
mod context;
mod cursor;
mod extent;
#[cfg(test)]
mod tests;

use super::model::{AnchorStatus, Target};
use crate::article::Article;
use approx::approximate;
use context::{Context, ContextScore, TextIndex};
use cursor::Cursor;

/// Where an annotation landed in the current text, and how surely.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Character range in the article's text; `None` for orphans.
    pub range: Option<Range<usize>>,
    pub status: AnchorStatus,
}

/// A side of context agreeing at least this much (1 − edits/length) confirms a match.
pub(crate) const CONTEXT_CONFIRMS: f64 = 0.5;
/// The least quote similarity (1 − edits/length) for a `fuzzy` placement.
const FUZZY_QUOTE: f64 = 0.8;
/// The least quote similarity for a `review` placement when the context confirms it.
const REVIEW_QUOTE: f64 = 0.75;
/// The least quote similarity for a `review` placement when the context does not.
const REVIEW_QUOTE_ALONE: f64 = 0.9;
/// How much better (in combined score) the best candidate must be than any other.
const CLEAR_MARGIN: f64 = 0.05;

/// At most this many exact occurrences of a quote, the nearest to its old position, are
/// weighed; a quote that common is decided among its neighbours.
const MAX_EXACT: usize = 128;
/// How many recent shifts (new start − old start) are tried before a full search.
const SHIFTS: usize = 4;
/// Most dynamic-programming cells one call may spend on approximate searches in all; past it
/// the remaining highlights are placed by exact search only (so at worst flagged, never wrong).
const CALL_BUDGET: usize = 200_000_000;

/// Places each target in `article`; the result is in the order given.
pub fn place_all<'a>(
    targets: impl IntoIterator<Item = &'a Target>,
    article: &Article,
) -> Vec<Placement> {
    let targets: Vec<&Target> = targets.into_iter().collect();
    // In text order, so one edit's shift, learnt from one highlight, places the next ones.
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| targets[i].position.start);
    let mut placed = vec![orphan(); targets.len()];
    let mut index = None;
    let mut shifts: Vec<isize> = Vec::new();
    let mut budget = CALL_BUDGET;
    let mut cursor = Cursor::new(&article.text);
    for i in order {
        let t = targets[i];
        let p = quick(t, article, &mut cursor).unwrap_or_else(|| {
            let index = index.get_or_insert_with(|| TextIndex::new(&article.text));
            shifted(t, index, &shifts).unwrap_or_else(|| search(t, article, index, &mut budget))
        });
        if let (Some(r), AnchorStatus::Moved | AnchorStatus::Fuzzy) = (&p.range, p.status) {
            let shift = r.start as isize - t.position.start as isize;
            shifts.retain(|&s| s != shift);
            shifts.insert(0, shift);
            shifts.truncate(SHIFTS);
        }
        placed[i] = p;
    }
    placed
}

fn orphan() -> Placement {
    Placement {
        range: None,
        status: AnchorStatus::Orphan,
    }
}

/// The quote found verbatim where a recent shift puts it, its context agreeing: `moved`.
fn shifted(target: &Target, index: &TextIndex, shifts: &[isize]) -> Option<Placement> {
    let len = target.quote.exact.chars().count();
    let ctx = Context::of(target);
    shifts.iter().find_map(|&shift| {
        let start = target.position.start.checked_add_signed(shift)?;
        let range = start..start + len;
        let found = index.chars.get(range.clone())?;
        let same = target.quote.exact.chars().eq(found.iter().copied());
        (same && ctx.score_at(index, &range).confirms()).then_some(Placement {
            range: Some(range),
            status: AnchorStatus::Moved,
        })
    })
}

/// Stage 1 without indexing the text: same text, or the quote still at its position. The
/// cursor, moving forward through targets in text order, keeps this linear in the text.
fn quick(target: &Target, article: &Article, cursor: &mut Cursor) -> Option<Placement> {
    let pos = target.position;
    if pos.start >= pos.end || pos.end > article.char_len {
        return None;
    }
    // The quote is compared even when the hashes agree: a hand-edited or imported file may
    // pair a hash with positions that do not hold the quote, and verified must mean its words.
    let same_text = target.text_hash == article.text_hash;
    if cursor.slice(pos.start, pos.end) == target.quote.exact {
        let verified = same_text
            || Context::of(target)
                .score_in_article(article, pos.start..pos.end)
                .confirms();
        if verified {
            return Some(Placement {
                range: Some(pos.start..pos.end),
                status: AnchorStatus::Verified,
            });
        }
    }
    None
}

/// A possible placement with its scores.
#[derive(Clone, Debug)]
struct Candidate {
    range: Range<usize>,
    /// Quote similarity, 1 − edits/length.
    quote: f64,
    context: ContextScore,
    /// Characters between this and the old position, to break ties.
    distance: usize,
}

impl Candidate {
    fn combined(&self) -> f64 {
        0.75 * self.quote + 0.25 * self.context.overall
    }
}

/// Stages 2–4 for one target.
fn search(target: &Target, article: &Article, index: &TextIndex, budget: &mut usize) -> Placement {
    let ctx = Context::of(target);
    let pattern: Vec<char> = target.quote.exact.chars().collect();
    // An empty quote (only a damaged or hand-written file holds one) matches everywhere, so it
    // is found nowhere.
    if pattern.is_empty() {
        return orphan();
    }
    let old = target.position.start;
    let make = |range: Range<usize>, edits: usize| Candidate {
        quote: 1.0 - edits as f64 / pattern.len().max(1) as f64,
        context: ctx.score_at(index, &range),
        distance: range.start.abs_diff(old),
        range,
    };

    let mut hits = index.find_exact(&article.text, &target.quote.exact);
    if hits.len() > MAX_EXACT {
        hits.sort_by_key(|r| r.start.abs_diff(old));
        hits.truncate(MAX_EXACT);
    }
    let exact: Vec<Candidate> = hits.into_iter().map(|r| make(r, 0)).collect();
    if let Some(best) = clear_winner(&exact)
        && best.context.confirms()
    {
        return placed(best, AnchorStatus::Moved);
    }

    let approx: Vec<Candidate> = approximate(target, &pattern, &ctx, &article.text, index, budget)
        .into_iter()
        .map(|h| extent::whole_extent(&h, &pattern, &ctx, &index.chars))
        .map(|h| make(h.range, h.edits))
        .collect();
    if let Some(best) = clear_winner(&approx)
        && best.quote >= FUZZY_QUOTE
        && best.context.confirms()
    {
        let status = if best.quote == 1.0 {
            AnchorStatus::Moved
        } else {
            AnchorStatus::Fuzzy
        };
        return placed(best, status);
    }

    // Doubtful: the best exact occurrence, else the best plausible approximate one.
    let plausible = |c: &&Candidate| {
        c.quote == 1.0
            || c.quote >= REVIEW_QUOTE_ALONE
            || (c.quote >= REVIEW_QUOTE && c.context.confirms())
    };
    match ranked(&exact)
        .into_iter()
        .next()
        .or_else(|| ranked(&approx).into_iter().find(|c| plausible(c)))
    {
        Some(best) if plausible(&best) => placed(best, AnchorStatus::Review),
        _ => orphan(),
    }
}

fn placed(c: &Candidate, status: AnchorStatus) -> Placement {
    Placement {
        range: Some(c.range.clone()),
        status,
    }
}

/// Candidates best first: combined score, then nearness to the old position.
fn ranked(candidates: &[Candidate]) -> Vec<&Candidate> {
    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| {
        b.combined()
            .total_cmp(&a.combined())
            .then(a.distance.cmp(&b.distance))
    });
    sorted
}

/// The best candidate if no other, separate candidate comes close to it.
fn clear_winner(candidates: &[Candidate]) -> Option<&Candidate> {
    let sorted = ranked(candidates);
    let best = *sorted.first()?;
    let rival = sorted
        .iter()
        .skip(1)
        .find(|c| c.range.start >= best.range.end || c.range.end <= best.range.start);
    match rival {
        Some(r) if best.combined() - r.combined() < CLEAR_MARGIN => None,
        _ => Some(best),
    }
}
