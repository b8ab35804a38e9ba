//! Where the article's body runs among the blocks read from its region, judged by what
//! readability scoring kept and by link density: from the first kept paragraph to the last
//! kept block that is not a list of links. What lies outside (share buttons and a dek above,
//! related stories, newsletters and comments below) is page furniture.

use std::collections::HashSet;

use super::{about, furniture, inside};
use crate::article::inline::Style;
use crate::article::lists::BULLET;
use crate::article::plain::numbering;
use crate::article::plain::reflow::is_cjk;
use crate::article::{BlockKind, RawBlock};

/// A block with at least this share of link text is navigation, not prose.
const LINK_HEAVY: f32 = 0.5;
/// A paragraph this long is article prose even when readability scoring did not keep it.
const LONE_PARAGRAPH_CHARS: usize = 150;
/// A kept paragraph shorter than this may be a byline or a date line.
const MIN_PARAGRAPH_CHARS: usize = 40;

/// Turns blocks outside the body, teaser headings and headings that name furniture into
/// chrome. `title` is the index of the title's block, if the blocks hold it;
/// the body is looked for after it. A heading right before the first paragraph opens the
/// body's first section and stays. Nothing changes when nothing was kept.
pub fn mark_chrome(
    blocks: &mut [RawBlock],
    link_share: &[f32],
    title: Option<usize>,
    kept: &HashSet<String>,
) {
    let body_start = title.map_or(0, |i| i + 1);
    let prose = |i: usize| {
        kept.contains(without_marker(&blocks[i]))
            && link_share.get(i).copied().unwrap_or(0.0) < LINK_HEAVY
    };
    if !(body_start..blocks.len()).any(prose) {
        return;
    }
    // The body starts at a real paragraph (not a byline, a date line or a credit): a kept
    // one, or a long one, since readability scoring sometimes leaves out the first paragraphs.
    let opens_body = |i: usize| {
        let chars = weighed_chars(&blocks[i].text);
        blocks[i].kind == BlockKind::Paragraph
            && link_share.get(i).copied().unwrap_or(0.0) < LINK_HEAVY
            && !about::is_about_line(&blocks[i].text)
            && (chars >= LONE_PARAGRAPH_CHARS
                || chars >= MIN_PARAGRAPH_CHARS && kept.contains(&blocks[i].text))
    };
    let Some(first) = (body_start..blocks.len()).find(|&i| opens_body(i)) else {
        return;
    };
    let last = (first..blocks.len())
        .rev()
        .find(|&i| prose(i))
        .unwrap_or(first);
    let last = through_footnotes(blocks, first, last);
    let last = through_plain_tail(blocks, link_share, first, last);
    let lead = match opening_heading(blocks, link_share, body_start, first) {
        Some(heading) => chapter_opening(blocks, link_share, body_start, heading),
        None => first,
    };
    let lead = after_contents(blocks, body_start, lead, last).unwrap_or(lead);
    // A heading that links away is a teaser unless prose follows it (a deal or a reading list
    // that describes each entry) and it does not continue a run of teasers; a heading naming
    // furniture is furniture anywhere.
    let mut furniture: Vec<usize> = Vec::new();
    for i in (lead..=last).filter(|&i| is_heading(&blocks[i])) {
        let links_away = link_share.get(i).copied().unwrap_or(0.0) >= LINK_HEAVY;
        let after_teaser = i > 0 && furniture.last() == Some(&(i - 1));
        let teaser = links_away && (after_teaser || !(i < last && prose(i + 1)));
        if teaser || furniture::is_furniture_heading(&blocks[i].text) {
            furniture.push(i);
        }
    }
    // Before the first paragraph only a section of code or a table (a manual's synopsis) is
    // article; deks, bylines, dates and captions are not.
    let opening: Vec<usize> = (body_start..lead)
        .filter(|&i| !(is_heading(&blocks[i]) && heads_preformatted(&blocks[i + 1..lead])))
        .filter(|&i| !blocks[i].kind.is_preformatted())
        .collect();
    for i in opening
        .into_iter()
        .chain(last + 1..blocks.len())
        .chain(furniture)
    {
        blocks[i].kind = BlockKind::Chrome;
    }
    inside::mark(blocks, link_share, lead..=last);
}

/// Entries a table of contents needs before its end is trusted.
const MIN_CONTENTS_ENTRIES: usize = 2;

/// Where a chapter's front matter starts when a table of contents stands before the body: right
/// after the last of its entries (lines that repeat the body's headings). What lies between a
/// chapter's contents and its first paragraph (a summary, a box of prerequisites) is the
/// chapter's own, however short; a story's dek and byline have no contents above them.
fn after_contents(
    blocks: &[RawBlock],
    body_start: usize,
    lead: usize,
    last: usize,
) -> Option<usize> {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let headings: HashSet<String> = blocks[lead..=last]
        .iter()
        .filter(|b| is_heading(b))
        .map(|b| words(&b.text))
        .collect();
    let entries: Vec<usize> = (body_start..lead)
        .filter(|&i| headings.contains(&words(without_marker(&blocks[i]))))
        .collect();
    let end = *entries.last()?;
    (entries.len() >= MIN_CONTENTS_ENTRIES && end + 1 < lead).then_some(end + 1)
}

/// Short answers a section may open with before its first paragraph ("Yes.", "可以。").
const MAX_SHORT_OPENINGS: usize = 2;

/// The heading that opens the body's first section: right before the first paragraph, or
/// before a short sentence or two that open the section ("Yes." under a question); of
/// headings stacked there (a section and its first subsection), the outer one.
fn opening_heading(
    blocks: &[RawBlock],
    link_share: &[f32],
    body_start: usize,
    first: usize,
) -> Option<usize> {
    let short_sentence = |i: usize| {
        blocks[i].kind == BlockKind::Paragraph
            && weighed_chars(&blocks[i].text) < MIN_PARAGRAPH_CHARS
            && is_plain_sentence(blocks, link_share, i)
    };
    (body_start..first)
        .rev()
        .take(MAX_SHORT_OPENINGS + 1)
        .take_while(|&i| is_heading(&blocks[i]) || short_sentence(i))
        .filter(|&i| is_heading(&blocks[i]))
        .last()
}

/// Where the body starts when it opens with the section heading at `heading`: at the prose
/// paragraphs right before that heading, if any (a manual chapter's opening words before its
/// first section), else at the heading. A byline, a credit or a line of links there is not
/// prose.
fn chapter_opening(
    blocks: &[RawBlock],
    link_share: &[f32],
    body_start: usize,
    heading: usize,
) -> usize {
    let is_prose = |i: usize| {
        blocks[i].kind == BlockKind::Paragraph
            && link_share.get(i).copied().unwrap_or(0.0) < LINK_HEAVY
            && weighed_chars(&blocks[i].text) >= MIN_PARAGRAPH_CHARS
            && !about::is_about_line(&blocks[i].text)
    };
    let mut start = heading;
    while start > body_start && is_prose(start - 1) {
        start -= 1;
    }
    start
}

/// Characters of a text, a CJK character counting as two Latin letters: it carries about as
/// much as a short word, so a Chinese paragraph of 40 characters is prose, not a date line.
fn weighed_chars(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// The body's end moved past the notes that follow it: a manual's or a paper's footnotes
/// ("[22] …") that the body refers to ("…[22]"), with nothing but their own text between
/// them (a heading ends the run: what follows another heading is not the article's).
fn through_footnotes(blocks: &[RawBlock], first: usize, last: usize) -> usize {
    let mut end = last;
    for i in last + 1..blocks.len() {
        if is_heading(&blocks[i]) {
            break;
        }
        let Some(mark) = footnote_mark(&blocks[i].text) else {
            continue;
        };
        if blocks[first..=last].iter().any(|b| b.text.contains(mark)) {
            end = i;
        }
    }
    end
}

/// Whether the block at `i` is a paragraph of prose, however short: a sentence, not a list of
/// links, a byline or a credit.
fn is_plain_sentence(blocks: &[RawBlock], link_share: &[f32], i: usize) -> bool {
    let block = &blocks[i];
    block.kind == BlockKind::Paragraph
        && link_share.get(i).copied().unwrap_or(0.0) < LINK_HEAVY
        && is_sentence(&block.text)
        && !about::is_about_line(&block.text)
}

/// Whether a heading after the body carries a section number of the body's own chapter
/// (`13.3.2` after sections `13.1`, `13.3.1`): the manual goes on, page furniture is not
/// numbered.
fn continues_numbering(blocks: &[RawBlock], first: usize, last: usize, i: usize) -> bool {
    let chapter = |text: &str| {
        numbering::number(text).map(|n| n.split('.').next().unwrap_or_default().to_string())
    };
    let Some(own) = chapter(&blocks[i].text) else {
        return false;
    };
    blocks[first..=last]
        .iter()
        .filter(|b| is_heading(b))
        .any(|b| chapter(&b.text).as_ref() == Some(&own))
}

/// The body's end moved to the last block when everything after it is more of the body's own
/// kind: listings, tables and sentences that are not lists of links, bylines or credits. A
/// manual chapter often ends with a code example or a cross-reference that readability scoring
/// did not keep; page furniture after an article is never that plain (it has headings, link
/// lists, short labels, bare addresses, lines that are not sentences); a heading numbered as
/// a section of the body's chapter continues it.
fn through_plain_tail(blocks: &[RawBlock], link_share: &[f32], first: usize, last: usize) -> usize {
    let plain = |i: usize| {
        blocks[i].kind.is_preformatted()
            || is_plain_sentence(blocks, link_share, i)
            || is_cross_reference(&blocks[i])
            || is_heading(&blocks[i]) && continues_numbering(blocks, first, last, i)
    };
    if (last + 1..blocks.len()).all(plain) {
        blocks.len().saturating_sub(1).max(last)
    } else {
        last
    }
}

/// Words a sentence needs before its link to be prose rather than a label ("Source:", "Our
/// Standards:").
const MIN_LEAD_IN_WORDS: usize = 3;

/// Whether a paragraph is a sentence pointing the reader to one place: words of its own, then a
/// single link ("For more, see the Kernel Handbook.", "SPI 的网站是：https://…。"). Mostly
/// link text, but prose: a list of links has several, a teaser's link opens the line, and a
/// label over a link is one or two words.
fn is_cross_reference(block: &RawBlock) -> bool {
    let mut links = block.spans.iter().filter(|s| s.style == Style::Link);
    let (Some(link), None) = (links.next(), links.next()) else {
        return false;
    };
    block.kind == BlockKind::Paragraph && points_to_one_place(&block.text, link.bytes.start)
}

/// Whether `text`, whose only link starts at byte `link_start`, is a sentence of at least a
/// few words leading to that link (see [`is_cross_reference`]).
pub(super) fn points_to_one_place(text: &str, link_start: usize) -> bool {
    let lead_in = text.get(..link_start).unwrap_or_default();
    words(lead_in) >= MIN_LEAD_IN_WORDS && is_sentence(text) && !about::is_about_line(text)
}

/// Words of a text, each CJK character counting as one.
fn words(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let latin = text
        .split(|c: char| c.is_whitespace() || is_cjk(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    cjk + latin
}

/// Whether a text reads as a sentence: it ends as one and holds at most one web address.
fn is_sentence(text: &str) -> bool {
    let ends = text.trim_end().ends_with([
        '.', '!', '?', ':', '。', '！', '？', '：', ')', '）', '"', '”', '」',
    ]);
    ends && text.matches("://").count() <= 1
}

/// The `[n]` mark a footnote opens with.
pub(super) fn footnote_mark(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find(']')?;
    (close > 0 && rest[..close].chars().all(|c| c.is_ascii_digit())).then(|| &text[..close + 2])
}

/// Whether the blocks up to the next heading include code or a table.
fn heads_preformatted(following: &[RawBlock]) -> bool {
    following
        .iter()
        .take_while(|b| !is_heading(b))
        .any(|b| b.kind.is_preformatted())
}

fn is_heading(block: &RawBlock) -> bool {
    matches!(block.kind, BlockKind::Heading { .. })
}

/// A list item's text without its marker ("• ", "3. "), as the page's element holds it.
fn without_marker(block: &RawBlock) -> &str {
    if !matches!(block.kind, BlockKind::ListItem { .. }) {
        return &block.text;
    }
    let text = block.text.as_str();
    if let Some(rest) = text.strip_prefix(BULLET) {
        return rest;
    }
    match text.split_once(". ") {
        Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::is_sentence;

    #[test]
    fn a_sentence_ends_as_one_and_holds_at_most_one_address() {
        assert!(is_sentence("Writing and reading a file in binary mode:"));
        assert!(is_sentence("详情列在第 14 章 (见第 14.2 节)。"));
        assert!(is_sentence("SPI 的网站是：https://www.spi-inc.org/。"));
        assert!(!is_sentence("Ticketing www.example.com"));
        assert!(!is_sentence(
            "http://example.com/photo.jpeg 1200 676 admin http://example.com/b.jpg Reviews!"
        ));
    }
}
