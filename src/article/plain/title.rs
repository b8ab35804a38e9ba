//! Finding the article's title in a text dump: where the body's prose starts, and the
//! headline-like line just above it.

use super::chrome;
use super::context;
use super::headings::{Shape, is_lone_url};
use super::meta::is_byline;
use super::numbering;
use super::outline::{Role, is_body};
use super::pieces::Piece;
use crate::article::BlockKind;

/// How many text pieces above the body's first paragraph the title is looked for in.
const TITLE_WINDOW: usize = 8;
/// Prose (in bytes) the body's first few pieces hold, and how many pieces that spans.
const BODY_MASS: usize = 400;
const MASS_SPAN: usize = 8;

/// A paragraph that opens an article: prose of some length, not a caption-sized line or a
/// long link printed under the headline, nor a
/// breadcrumb trail that ends with the headline under it ("HomeNewsBusiness NewsAscom
/// announces ...", then "Ascom announces ...").
fn opens_body(i: usize, pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> bool {
    let Piece::Text(t) = &pieces[i] else {
        return false;
    };
    let long = t.text.chars().nth(80).is_some() || t.text.split_whitespace().nth(10).is_some();
    is_body(i, pieces, shapes, roles)
        && t.fallback == BlockKind::Paragraph
        && long
        && !is_lone_url(&t.text)
        && !pieces
            .get(i + 1)
            .is_some_and(|next| t.text.ends_with(next.text()))
}

/// The title: among the heading-like lines just above where the body starts (after any
/// chatbot preamble), markup wins; otherwise the one nearest the body among those nearly as
/// long as the longest, since navigation labels are short and the headline sits on the body.
pub(super) fn find_title(
    pieces: &[Piece],
    shapes: &[Option<Shape>],
    roles: &[Role],
) -> Option<usize> {
    // The body starts at the first paragraph that opens a run of prose: stray sentences in the
    // navigation stand alone.
    let opening = |i: &usize| opens_body(*i, pieces, shapes, roles);
    let body = (0..pieces.len())
        .filter(opening)
        .find(|i| prose_mass(*i, pieces, shapes, roles) >= BODY_MASS)
        .or_else(|| (0..pieces.len()).find(opening))
        .unwrap_or(pieces.len());
    let after_preamble = (0..body)
        .rev()
        .find(|i| chrome::is_preamble(pieces[*i].text()))
        .map_or(0, |i| i + 1);
    let mut from = body;
    let mut texts = 0;
    while from > after_preamble && texts < TITLE_WINDOW {
        from -= 1;
        if roles[from] == Role::Body && matches!(pieces[from], Piece::Text(_)) {
            texts += 1;
        }
    }
    let is_candidate = |i: usize| {
        roles[i] == Role::Body
            && matches!(
                shapes[i],
                Some(Shape::Marked(_) | Shape::Short | Shape::Capitals)
            )
            && !is_byline(pieces[i].text())
            && !context::carries_credit(pieces[i].text())
    };
    // A numbered document's title is confirmed by its sections' numbers ("6." over "6.1"),
    // however long the table of contents between it and the body.
    let numbered: Vec<usize> = (after_preamble..body)
        .filter(|i| roles[*i] == Role::Body && matches!(shapes[*i], Some(s) if s != Shape::Prose))
        .collect();
    if let Some(i) = numbering::numbered_title(&numbered, pieces) {
        return Some(i);
    }
    let candidates: Vec<usize> = (from..body).filter(|i| is_candidate(*i)).collect();
    let marked = candidates
        .iter()
        .filter_map(|i| match shapes[*i] {
            Some(Shape::Marked(level)) => Some((level, *i)),
            _ => None,
        })
        .min();
    if let Some((_, i)) = marked {
        return Some(i);
    }
    let longest = candidates.iter().map(|i| weight(pieces[*i].text())).max()?;
    let long = |i: usize| is_candidate(i) && weight(pieces[i].text()) * 4 >= longest * 3;
    let mut title = candidates.into_iter().rev().find(|i| long(*i))?;
    // A headline with a subtitle (dek) under it: the headline is the first of the two. A line
    // that ends with the headline is the breadcrumb trail leading to it ("HomeNewsHeadline").
    while let Some(previous) = (from..title).rev().find(|j| roles[*j] != Role::Chrome)
        && long(previous)
        && !pieces[previous].text().ends_with(pieces[title].text())
    {
        title = previous;
    }
    Some(title)
}

/// Characters of body prose in the pieces starting at `i`: an article's opening paragraph is
/// followed by more prose, a stray sentence in the navigation is not.
fn prose_mass(i: usize, pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> usize {
    // Quotations are prose too: some articles are mostly quoted reviews.
    let prose = |j: usize| match &pieces[j] {
        Piece::Text(_) => true,
        Piece::Fixed(b) => b.kind == BlockKind::Quote,
    };
    (i..pieces.len().min(i + MASS_SPAN))
        .filter(|j| is_body(*j, pieces, shapes, roles) && prose(*j))
        .map(|j| pieces[j].text().len())
        .sum()
}

/// Words in a line, a CJK character counting as half a word.
fn weight(text: &str) -> usize {
    let cjk = text.chars().filter(|c| super::reflow::is_cjk(*c)).count();
    text.split_whitespace().count() * 2 + cjk
}
