//! The article's text indexed by character, and how well the text around a candidate agrees
//! with the context stored beside a quote.

use std::ops::Range;

use memchr::memmem;

use super::CONTEXT_CONFIRMS;
use crate::article::Article;
use crate::highlights::fuzzy;
use crate::highlights::model::Target;

/// The article's text as characters, with the byte offset of each, built once per resolve.
pub struct TextIndex {
    pub chars: Vec<char>,
    /// `bytes[i]` is the byte offset of character `i`; one extra entry for the end.
    bytes: Vec<usize>,
}

impl TextIndex {
    pub fn new(text: &str) -> TextIndex {
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

    /// Every exact occurrence of `needle` as character ranges, overlapping ones included: in
    /// "brands brands brands" the quote " brands " occurs twice, and missing the second would
    /// leave the first looking like a clear winner.
    pub fn find_exact(&self, text: &str, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        let len = needle.chars().count();
        let finder = memmem::Finder::new(needle.as_bytes());
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut from = 0;
        while let Some(b) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
            let start = self.char_at_byte(from + b);
            hits.push(start..start + len);
            // Resume one character on, so a hit overlapping this one is found too.
            from = self.bytes[start + 1];
        }
        hits
    }
}

/// The stored context of a quote, as characters.
pub struct Context {
    pub prefix: Vec<char>,
    pub suffix: Vec<char>,
}

/// How well the text around a candidate agrees with the stored context.
#[derive(Clone, Copy, Debug)]
pub struct ContextScore {
    /// Best similarity of either side (1 − edits/length), `None` when no context was stored.
    pub best_side: Option<f64>,
    /// Similarity of both sides together.
    pub overall: f64,
}

impl ContextScore {
    pub fn confirms(self) -> bool {
        self.best_side.is_none_or(|s| s >= CONTEXT_CONFIRMS)
    }
}

impl Context {
    pub fn of(target: &Target) -> Context {
        Context {
            prefix: target.quote.prefix.chars().collect(),
            suffix: target.quote.suffix.chars().collect(),
        }
    }

    /// Scores the text found before and after a candidate. An empty stored side means the
    /// quote sat at the start or end of the text: being there again confirms it.
    fn score(&self, before: &[char], after: &[char], at_start: bool, at_end: bool) -> ContextScore {
        let side = |stored: &[char], found: &[char], at_edge: bool| {
            if stored.is_empty() {
                return at_edge.then_some((0, 1.0));
            }
            // Most contexts are intact: skip the distance computation for them.
            let edits = if stored == found {
                0
            } else {
                fuzzy::edit_distance(stored, found)
            };
            Some((edits, 1.0 - edits as f64 / stored.len() as f64))
        };
        let pre = side(&self.prefix, before, at_start);
        let suf = side(&self.suffix, after, at_end);
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
    pub fn score_in_article(&self, article: &Article, range: Range<usize>) -> ContextScore {
        let before: Vec<char> = article
            .slice(range.start.saturating_sub(self.prefix.len())..range.start)
            .chars()
            .collect();
        let after: Vec<char> = article
            .slice(range.end..(range.end + self.suffix.len()).min(article.char_len))
            .chars()
            .collect();
        self.score(
            &before,
            &after,
            range.start == 0,
            range.end == article.char_len,
        )
    }

    pub fn score_at(&self, index: &TextIndex, range: &Range<usize>) -> ContextScore {
        let chars = &index.chars;
        let before = &chars[range.start.saturating_sub(self.prefix.len())..range.start];
        let after = &chars[range.end..(range.end + self.suffix.len()).min(chars.len())];
        self.score(before, after, range.start == 0, range.end == chars.len())
    }
}
