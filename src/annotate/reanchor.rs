//! Finding an annotation again in an article's current text, in stages that never guess
//! silently: verified → moved → fuzzy → review → orphan.
//!
//! Only `verified` and `moved` place a highlight on text equal to its quote. `fuzzy` places it
//! on a close, clearly best approximate match; `review` on a plausible but doubtful one, which
//! the reader shows flagged for the user to confirm; `orphan` places it nowhere.

use std::ops::Range;

use memchr::memmem;

use super::fuzzy::{self, Hit};
use super::model::{AnchorStatus, Target};
use crate::article::Article;

/// Where an annotation landed in the current text, and how surely.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Character range in the article's text; `None` for orphans.
    pub range: Option<Range<usize>>,
    pub status: AnchorStatus,
}

/// A side of context agreeing at least this much (1 − edits/length) confirms a match.
const CONTEXT_CONFIRMS: f64 = 0.5;
/// The least quote similarity (1 − edits/length) for a `fuzzy` placement.
const FUZZY_QUOTE: f64 = 0.8;
/// The least quote similarity for a `review` placement when the context confirms it.
const REVIEW_QUOTE: f64 = 0.75;
/// The least quote similarity for a `review` placement when the context does not.
const REVIEW_QUOTE_ALONE: f64 = 0.9;
/// How much better (in combined score) the best candidate must be than any other.
const CLEAR_MARGIN: f64 = 0.05;
/// Context characters used to find where a quote's neighbours went.
const CONTEXT_PROBE: usize = 16;
/// Quote pieces searched exactly to seed the whole-text approximate search.
const PIECE: usize = 6;
/// A piece with more exact hits than this is too common to narrow the search.
const PIECE_MAX_HITS: usize = 64;
/// Most dynamic-programming cells spent on one annotation's approximate search.
const CELL_BUDGET: usize = 40_000_000;

/// Places each target in `article`, in the order given.
pub fn place_all<'a>(
    targets: impl IntoIterator<Item = &'a Target>,
    article: &Article,
) -> Vec<Placement> {
    let mut index = None;
    targets
        .into_iter()
        .map(|t| {
            quick(t, article).unwrap_or_else(|| {
                let index = index.get_or_insert_with(|| TextIndex::new(&article.text));
                search(t, article, index)
            })
        })
        .collect()
}

/// Stage 1 without indexing the text: same text, or the quote still at its position.
fn quick(target: &Target, article: &Article) -> Option<Placement> {
    let pos = target.position;
    if pos.start >= pos.end || pos.end > article.char_len {
        return None;
    }
    // The quote is compared even when the hashes agree: a hand-edited or imported file may
    // pair a hash with positions that do not hold the quote, and verified must mean its words.
    let same_text = target.text_hash == article.text_hash;
    if article.slice(pos.start..pos.end) == target.quote.exact {
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

/// The article's text as characters, with the byte offset of each, built once per resolve.
struct TextIndex {
    chars: Vec<char>,
    /// `bytes[i]` is the byte offset of character `i`; one extra entry for the end.
    bytes: Vec<usize>,
}

impl TextIndex {
    fn new(text: &str) -> TextIndex {
        let mut chars = Vec::with_capacity(text.len());
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (b, c) in text.char_indices() {
            chars.push(c);
            bytes.push(b);
        }
        bytes.push(text.len());
        TextIndex { chars, bytes }
    }

    fn char_at_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    /// Exact occurrences of `needle` as character ranges.
    fn find_exact(&self, text: &str, needle: &str) -> Vec<Range<usize>> {
        let len = needle.chars().count();
        memmem::find_iter(text.as_bytes(), needle.as_bytes())
            .map(|b| {
                let start = self.char_at_byte(b);
                start..start + len
            })
            .collect()
    }
}

/// The stored context of a quote, as characters.
struct Context {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

/// How well the text around a candidate agrees with the stored context.
#[derive(Clone, Copy, Debug)]
struct ContextScore {
    /// Best similarity of either side (1 − edits/length), `None` when no context was stored.
    best_side: Option<f64>,
    /// Similarity of both sides together.
    overall: f64,
}

impl ContextScore {
    fn confirms(self) -> bool {
        self.best_side.is_none_or(|s| s >= CONTEXT_CONFIRMS)
    }
}

impl Context {
    fn of(target: &Target) -> Context {
        Context {
            prefix: target.quote.prefix.chars().collect(),
            suffix: target.quote.suffix.chars().collect(),
        }
    }

    fn score(&self, before: &[char], after: &[char]) -> ContextScore {
        let side = |stored: &[char], found: &[char]| {
            (!stored.is_empty()).then(|| {
                let edits = fuzzy::edit_distance(stored, found);
                (edits, 1.0 - edits as f64 / stored.len() as f64)
            })
        };
        let pre = side(&self.prefix, before);
        let suf = side(&self.suffix, after);
        let total = self.prefix.len() + self.suffix.len();
        let edits = pre.map_or(0, |p| p.0) + suf.map_or(0, |s| s.0);
        ContextScore {
            best_side: match (pre, suf) {
                (Some(p), Some(s)) => Some(p.1.max(s.1)),
                (p, s) => p.or(s).map(|x| x.1),
            },
            overall: if total == 0 {
                1.0
            } else {
                1.0 - edits as f64 / total as f64
            },
        }
    }

    /// The score at `range`, reading the article's text directly (no index needed).
    fn score_in_article(&self, article: &Article, range: Range<usize>) -> ContextScore {
        let before: Vec<char> = article
            .slice(range.start.saturating_sub(self.prefix.len())..range.start)
            .chars()
            .collect();
        let after: Vec<char> = article
            .slice(range.end..(range.end + self.suffix.len()).min(article.char_len))
            .chars()
            .collect();
        self.score(&before, &after)
    }

    fn score_at(&self, index: &TextIndex, range: &Range<usize>) -> ContextScore {
        let chars = &index.chars;
        let before = &chars[range.start.saturating_sub(self.prefix.len())..range.start];
        let after = &chars[range.end..(range.end + self.suffix.len()).min(chars.len())];
        self.score(before, after)
    }
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
fn search(target: &Target, article: &Article, index: &TextIndex) -> Placement {
    let ctx = Context::of(target);
    let pattern: Vec<char> = target.quote.exact.chars().collect();
    let old = target.position.start;
    let make = |range: Range<usize>, edits: usize| Candidate {
        quote: 1.0 - edits as f64 / pattern.len().max(1) as f64,
        context: ctx.score_at(index, &range),
        distance: range.start.abs_diff(old),
        range,
    };

    let exact: Vec<Candidate> = index
        .find_exact(&article.text, &target.quote.exact)
        .into_iter()
        .map(|r| make(r, 0))
        .collect();
    if let Some(best) = clear_winner(&exact)
        && best.context.confirms()
    {
        return placed(best, AnchorStatus::Moved);
    }

    let approx: Vec<Candidate> = approximate(target, &pattern, &ctx, &article.text, index)
        .into_iter()
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
        _ => Placement {
            range: None,
            status: AnchorStatus::Orphan,
        },
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

/// Approximate occurrences of the quote near its old position, near where its context went,
/// and wherever a piece of it still occurs exactly.
fn approximate(
    target: &Target,
    pattern: &[char],
    ctx: &Context,
    source: &str,
    index: &TextIndex,
) -> Vec<Hit> {
    let m = pattern.len();
    let k = m / 4;
    if k == 0 {
        return Vec::new();
    }
    let len = index.chars.len();
    let span = m + k;
    let old = target.position.start.min(len);
    let slack = span + 256;
    let mut windows: Vec<Range<usize>> = Vec::new();
    windows.push(old.saturating_sub(slack)..(old + span + slack).min(len));
    // A window that would hold the quote if it began at `start`, give or take k edits.
    let mut around = |start: usize| {
        windows.push(start.saturating_sub(k)..(start + span + k).min(len));
    };

    let text = &index.chars;
    let probe_text = |chars: &[char]| chars.iter().collect::<String>();
    if !ctx.prefix.is_empty() {
        let tail = &ctx.prefix[ctx.prefix.len().saturating_sub(CONTEXT_PROBE)..];
        for hit in index.find_exact(source, &probe_text(tail)) {
            around(hit.end);
        }
    }
    if !ctx.suffix.is_empty() {
        let head = &ctx.suffix[..ctx.suffix.len().min(CONTEXT_PROBE)];
        for hit in index.find_exact(source, &probe_text(head)) {
            around(hit.start.saturating_sub(m));
        }
    }
    for (i, piece) in pattern.chunks(PIECE).enumerate() {
        if piece.len() < PIECE && i > 0 {
            continue;
        }
        let hits = index.find_exact(source, &probe_text(piece));
        if hits.len() <= PIECE_MAX_HITS {
            for hit in hits {
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

    let mut cells = 0;
    let mut hits = Vec::new();
    for w in merged {
        if cells > CELL_BUDGET {
            break;
        }
        for hit in fuzzy::find_approx(pattern, &text[w.clone()], k, &mut cells) {
            hits.push(Hit {
                range: hit.range.start + w.start..hit.range.end + w.start,
                edits: hit.edits,
            });
        }
    }
    hits
}
