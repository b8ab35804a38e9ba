//! Word, sentence and paragraph boundaries in an article's canonical text, for selecting with
//! keys and the mouse. Offsets are characters; nothing here knows about terminals.
//!
//! Words are the Unicode (UAX #29) word segments that hold a letter or digit, so each Han
//! character is a word of its own and a word never splits a grapheme. Sentences end at `.?!`
//! followed by a space and no lower-case letter (or the end of the paragraph), and at `。！？`
//! wherever they stand;
//! closing quotes and brackets after the mark stay with the sentence. Paragraphs are blocks.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Article;

/// A stretch of text that selection motions step over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Word,
    Sentence,
    Paragraph,
}

/// The `unit` that holds `offset`; between units, the next one in the same paragraph, else
/// the previous one. Empty at `offset` when the paragraph has none.
pub fn unit_at(article: &Article, unit: Unit, offset: usize) -> Range<usize> {
    if article.blocks.is_empty() {
        return offset..offset;
    }
    let block = article.block_at(offset);
    let units = units_of(article, unit, block, offset);
    units
        .iter()
        .find(|u| u.end > offset)
        .or(units.last())
        .cloned()
        .unwrap_or(offset..offset)
}

/// The end of the first `unit` that ends after `offset`, or the end of the text.
pub fn next_end(article: &Article, unit: Unit, offset: usize) -> usize {
    first_after(article, unit, offset, |u| u.end)
}

/// The start of the first `unit` that starts after `offset`, or the end of the text.
pub fn next_start(article: &Article, unit: Unit, offset: usize) -> usize {
    first_after(article, unit, offset, |u| u.start)
}

/// `end_of` the first `unit`, in text order, whose `end_of` lies after `offset`.
fn first_after(
    article: &Article,
    unit: Unit,
    offset: usize,
    end_of: fn(&Range<usize>) -> usize,
) -> usize {
    let first = article.block_at(offset);
    (first..article.blocks.len())
        .find_map(|b| {
            let near = if b == first {
                offset
            } else {
                article.blocks[b].chars.start
            };
            units_of(article, unit, b, near)
                .iter()
                .map(end_of)
                .find(|&o| o > offset)
        })
        .unwrap_or(article.char_len)
}

/// The start of the last `unit` that starts before `offset`, or 0.
pub fn prev_start(article: &Article, unit: Unit, offset: usize) -> usize {
    if article.blocks.is_empty() {
        return 0;
    }
    let last = article.block_at(offset);
    (0..=last)
        .rev()
        .find_map(|b| {
            let near = if b == last {
                offset
            } else {
                article.blocks[b].chars.end
            };
            units_of(article, unit, b, near)
                .into_iter()
                .rev()
                .find(|u| u.start < offset)
        })
        .map_or(0, |u| u.start)
}

/// `range` widened so that neither end falls inside a word (nor, therefore, inside a grapheme
/// or a wide character), then narrowed off the spaces at its ends.
pub fn snap(article: &Article, range: Range<usize>) -> Range<usize> {
    let start = snap_point(article, range.start, false);
    let end = snap_point(article, range.end, true).max(start);
    let text = article.slice(start..end);
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    if lead + trail >= end - start {
        return start..start;
    }
    start + lead..end - trail
}

/// `offset` moved out of the word it falls inside: to the word's end when `forward`, else
/// to its start. Offsets between words move only off a grapheme's inside.
pub fn snap_point(article: &Article, offset: usize, forward: bool) -> usize {
    if article.blocks.is_empty() {
        return offset;
    }
    let block = article.block_at(offset);
    let inside = words_or_graphemes(article, block, offset)
        .into_iter()
        .find(|w| w.start < offset && offset < w.end);
    match inside {
        Some(w) if forward => w.end,
        Some(w) => w.start,
        None => offset,
    }
}

/// Bytes of a block looked at on each side of an offset. A paragraph longer than twice this
/// (a 50 MB page on one line) is segmented only around the offset, so selecting in it costs
/// the same as in a short one, and a unit never runs further than this (a "sentence" with no
/// full stop in megabytes of text ends here).
const WINDOW: usize = 4096;

/// The part of block `block` that selection looks at around character offset `near`: its
/// text and the character offset where that text starts. The whole block when it is short;
/// otherwise [`WINDOW`] bytes each side of `near`, cut at white space so no word is split.
fn window(article: &Article, block: usize, near: usize) -> (&str, usize) {
    let b = &article.blocks[block];
    let text = article.block_text(block);
    if text.len() <= 2 * WINDOW {
        return (text, b.chars.start);
    }
    let at = article.byte_of(near.clamp(b.chars.start, b.chars.end)) - b.bytes.start;
    let mut lo = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    // Start after white space and end before it: the edge words are whole.
    if lo > 0 {
        lo = text[lo..at]
            .find(char::is_whitespace)
            .map_or(lo, |i| lo + i);
    }
    if hi < text.len() {
        hi = text[at..hi]
            .rfind(char::is_whitespace)
            .map_or(hi, |i| at + i);
    }
    let start = b.chars.start + text[..lo].chars().count();
    (&text[lo..hi], start)
}

/// The `unit`s of block `block` around character offset `near` (see [`window`]), as
/// character ranges into the whole text.
fn units_of(article: &Article, unit: Unit, block: usize, near: usize) -> Vec<Range<usize>> {
    if article.blocks.get(block).is_none() {
        return Vec::new();
    }
    let (text, base) = window(article, block, near);
    let byte_ranges = match unit {
        Unit::Word => words(text),
        Unit::Sentence => sentences(text),
        Unit::Paragraph => trimmed(text, 0..text.len()).into_iter().collect(),
    };
    to_chars(text, base, byte_ranges)
}

/// Words plus every grapheme that is not in a word (punctuation, spaces), so snapping never
/// lands inside a cluster such as an emoji sequence; around `near` (see [`window`]).
fn words_or_graphemes(article: &Article, block: usize, near: usize) -> Vec<Range<usize>> {
    if article.blocks.get(block).is_none() {
        return Vec::new();
    }
    let (text, base) = window(article, block, near);
    let clusters = text
        .split_word_bound_indices()
        .flat_map(|(i, s)| {
            if is_word(s) {
                std::iter::once(i..i + s.len()).collect::<Vec<_>>()
            } else {
                s.grapheme_indices(true)
                    .map(|(j, g)| i + j..i + j + g.len())
                    .collect()
            }
        })
        .collect();
    to_chars(text, base, clusters)
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Byte ranges of the words of `text`.
fn words(text: &str) -> Vec<Range<usize>> {
    text.split_word_bound_indices()
        .filter(|(_, s)| is_word(s))
        .map(|(i, s)| i..i + s.len())
        .collect()
}

/// Byte ranges of the sentences of `text`, without the spaces around them.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let wide_stop = matches!(c, '。' | '！' | '？');
        if !wide_stop && !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // Runs of marks ("?!", "...") and the closing quotes or brackets after them belong
        // to the sentence they end.
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if matches!(next, '.' | '?' | '!' | '。' | '！' | '？') || is_closing(next) {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let ends = wide_stop || ascii_stop_ends(&text[end..]);
        if ends {
            out.extend(trimmed(text, start..end));
            start = end;
        }
    }
    out.extend(trimmed(text, start..text.len()));
    out
}

/// Whether an ASCII mark ends its sentence, given the text after it: it must be followed by
/// a space (so "3.14" and "e.g.x" do not end), and what comes next must not be lower case
/// (so `"Yes!" he said.` and "e.g. this" stay one sentence).
fn ascii_stop_ends(rest: &str) -> bool {
    let mut after = rest.chars();
    match after.next() {
        None => true,
        Some(c) if c.is_whitespace() => after
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| !c.is_lowercase()),
        Some(_) => false,
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '”' | '’' | '」' | '』' | '）' | '》' | '】'
    )
}

/// `range` of `text` without its leading and trailing spaces; `None` when nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let part = &text[range.clone()];
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    (lead + trail < part.len()).then(|| range.start + lead..range.end - trail)
}

/// Byte ranges of `text` (sorted by start) as character ranges offset by `base`.
fn to_chars(text: &str, base: usize, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut chars = 0;
    let mut byte = 0;
    let mut advance = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        base + chars
    };
    for r in ranges {
        // Ranges are sorted and disjoint, so one pass over the text converts them all.
        let start = advance(r.start);
        let end = advance(r.end);
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{BlockKind, Format, Parsed, RawBlock, build};

    fn article(paragraphs: &[&str]) -> Article {
        let blocks = paragraphs
            .iter()
            .map(|p| RawBlock::new(BlockKind::Paragraph, *p))
            .collect();
        let parsed = Parsed {
            title_hint: Some("t".into()),
            blocks,
        };
        build(parsed, Format::Markdown, "UTF-8", "t")
    }

    fn text(a: &Article, r: Range<usize>) -> &str {
        a.slice(r)
    }

    #[test]
    fn sentences_end_at_marks_followed_by_space_and_keep_closing_quotes() {
        let a = article(&["It works. Does it? \"Yes!\" he said. Pi is 3.14 exactly"]);
        let at = |needle: &str| {
            let o = a.text.find(needle).unwrap();
            text(&a, unit_at(&a, Unit::Sentence, a.text[..o].chars().count())).to_string()
        };
        assert_eq!(at("works"), "It works.");
        assert_eq!(at("Does"), "Does it?");
        assert_eq!(at("Yes"), "\"Yes!\" he said.");
        assert_eq!(at("3.14"), "Pi is 3.14 exactly");
    }

    #[test]
    fn cjk_sentences_end_at_wide_marks_without_spaces() {
        let a = article(&["小红书是什么？它是一个平台。用户很多！"]);
        let starts = [0, 7, 14];
        let got: Vec<&str> = starts
            .iter()
            .map(|&o| text(&a, unit_at(&a, Unit::Sentence, o)))
            .collect();
        assert_eq!(got, ["小红书是什么？", "它是一个平台。", "用户很多！"]);
        assert_eq!(next_end(&a, Unit::Sentence, 0), 7);
        assert_eq!(prev_start(&a, Unit::Sentence, 14), 7);
    }

    #[test]
    fn word_motions_step_over_words_and_cross_paragraphs() {
        let a = article(&["one two, three", "four"]);
        assert_eq!(next_end(&a, Unit::Word, 0), 3);
        assert_eq!(next_end(&a, Unit::Word, 3), 7);
        assert_eq!(next_end(&a, Unit::Word, 9), 14);
        let four = a.text.find("four").unwrap();
        assert_eq!(next_end(&a, Unit::Word, 14), four + 4);
        assert_eq!(prev_start(&a, Unit::Word, four), 9);
        assert_eq!(prev_start(&a, Unit::Word, 7), 4);
        assert_eq!(prev_start(&a, Unit::Word, 0), 0);
        assert_eq!(next_end(&a, Unit::Word, a.char_len), a.char_len);
        assert_eq!(next_start(&a, Unit::Word, 0), 4);
        assert_eq!(next_start(&a, Unit::Word, 9), four);
    }

    #[test]
    fn each_han_character_is_a_word_and_snapping_keeps_graphemes_whole() {
        let a = article(&["电商野心 café 👩‍👩‍👧 end"]);
        assert_eq!(unit_at(&a, Unit::Word, 1), 1..2);
        assert_eq!(next_end(&a, Unit::Word, 0), 1);
        // Inside "café" snaps out to the word; inside the family emoji to the cluster.
        assert_eq!(snap(&a, 6..7), 5..9);
        let family = a
            .text
            .find('👩')
            .map(|b| a.text[..b].chars().count())
            .unwrap();
        assert_eq!(snap(&a, family + 1..family + 2), family..family + 5);
        // Spaces at the ends are dropped.
        assert_eq!(text(&a, snap(&a, 4..10)), "café");
    }

    #[test]
    fn paragraphs_are_blocks() {
        let a = article(&["First one. Still first.", "Second."]);
        assert_eq!(
            text(&a, unit_at(&a, Unit::Paragraph, 3)),
            "First one. Still first."
        );
        let second = a.text.find("Second").unwrap();
        assert_eq!(next_end(&a, Unit::Paragraph, 0), 23);
        assert_eq!(next_end(&a, Unit::Paragraph, 23), second + 7);
        assert_eq!(prev_start(&a, Unit::Paragraph, second + 3), second);
        assert_eq!(prev_start(&a, Unit::Paragraph, second), 0);
    }

    #[test]
    fn between_words_the_next_word_is_taken() {
        let a = article(&["alpha   beta"]);
        assert_eq!(text(&a, unit_at(&a, Unit::Word, 6)), "beta");
        assert_eq!(text(&a, unit_at(&a, Unit::Word, 12)), "beta");
    }
}
