//! Deciding, across the whole dump, which pieces are the title, section headings, page chrome
//! or body, from their shapes and their neighbours.

use std::collections::HashMap;

use super::chrome;
use super::headings::{Shape, shape};
use super::pieces::{Piece, Text};
use crate::article::{BlockKind, RawBlock};

/// What a piece turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Chrome,
    Heading(u8),
    Body,
}

/// Longest chrome piece after a comment form opener that is still one of its fields.
const FORM_FIELD_CHARS: usize = 100;
/// How many pieces above the body's first paragraph the title is looked for in.
const TITLE_WINDOW: usize = 12;

/// Turns pieces into blocks: title at level 1, sections at 2 and deeper, chrome marked.
pub fn blocks(pieces: Vec<Piece>) -> Vec<RawBlock> {
    let shapes: Vec<Option<Shape>> = pieces.iter().map(text_shape).collect();
    let mut roles = chrome_roles(&pieces);
    let title = find_title(&pieces, &shapes, &roles);
    if let Some(t) = title {
        for role in &mut roles[..t] {
            *role = Role::Chrome;
        }
        roles[t] = Role::Heading(1);
    }
    let toc = table_of_contents(&pieces, &shapes, &roles);
    let start = title.map_or(0, |t| t + 1);
    for i in (start..pieces.len()).rev() {
        if roles[i] == Role::Body
            && !toc[i]
            && let Some(level) = section_level(i, text_of(&pieces[i]), &shapes, &roles)
        {
            roles[i] = Role::Heading(level);
        }
    }
    normalise_levels(&mut roles, title);
    pieces
        .into_iter()
        .zip(roles)
        .map(|(piece, role)| match (piece, role) {
            (Piece::Fixed(b), Role::Chrome) => RawBlock::new(BlockKind::Chrome, b.text),
            (Piece::Fixed(b), _) => b,
            (Piece::Text(t), Role::Chrome) => RawBlock::new(BlockKind::Chrome, t.text),
            (Piece::Text(t), Role::Heading(level)) => {
                RawBlock::new(BlockKind::Heading { level }, t.text)
            }
            (Piece::Text(t), Role::Body) => RawBlock::new(t.fallback, t.text),
        })
        .collect()
}

/// The heading shape of a standalone text piece; `None` for everything else.
fn text_shape(piece: &Piece) -> Option<Shape> {
    match piece {
        Piece::Text(Text {
            marked: Some(level),
            ..
        }) => Some(Shape::Marked(*level)),
        Piece::Text(t) if t.alone => Some(shape(&t.text)),
        _ => None,
    }
}

fn text_of(piece: &Piece) -> &str {
    match piece {
        Piece::Fixed(b) => &b.text,
        Piece::Text(t) => &t.text,
    }
}

/// Chrome by its wording, and the short pieces of a comment form after its opener.
fn chrome_roles(pieces: &[Piece]) -> Vec<Role> {
    let mut in_form = false;
    pieces
        .iter()
        .map(|piece| {
            let text = text_of(piece);
            let bare = text.trim_start_matches(['•', '☐', ' ']);
            if chrome::opens_comment_form(bare) {
                in_form = true;
            }
            let field = in_form && text.chars().nth(FORM_FIELD_CHARS).is_none();
            if field || chrome::is_chrome(bare) || chrome::is_preamble(text) {
                Role::Chrome
            } else {
                Role::Body
            }
        })
        .collect()
}

/// Body text proper: prose, lists, quotes, code and tables that are not chrome.
fn is_body(i: usize, pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> bool {
    roles[i] == Role::Body
        && match &pieces[i] {
            Piece::Fixed(b) => b.kind != BlockKind::Rule,
            Piece::Text(_) => matches!(shapes[i], None | Some(Shape::Prose)),
        }
}

/// A paragraph that opens an article: prose of some length, not a caption-sized line.
fn opens_body(i: usize, pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> bool {
    let Piece::Text(t) = &pieces[i] else {
        return false;
    };
    let long = t.text.chars().nth(80).is_some() || t.text.split_whitespace().nth(10).is_some();
    is_body(i, pieces, shapes, roles) && t.fallback == BlockKind::Paragraph && long
}

/// The title: among the heading-like lines just above where the body starts (after any
/// chatbot preamble), markup wins, then the longest line, since navigation labels are short.
fn find_title(pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> Option<usize> {
    let body = (0..pieces.len())
        .find(|i| opens_body(*i, pieces, shapes, roles))
        .unwrap_or(pieces.len());
    let after_preamble = (0..body)
        .rev()
        .find(|i| chrome::is_preamble(text_of(&pieces[*i])))
        .map_or(0, |i| i + 1);
    let from = after_preamble.max(body.saturating_sub(TITLE_WINDOW));
    let candidates = (from..body).filter(|i| {
        roles[*i] == Role::Body
            && matches!(
                shapes[*i],
                Some(Shape::Marked(_) | Shape::Short | Shape::Capitals)
            )
            && !is_byline(text_of(&pieces[*i]))
    });
    candidates.max_by_key(|i| {
        let marked = match shapes[*i] {
            Some(Shape::Marked(level)) => 7 - usize::from(level),
            _ => 0,
        };
        (marked, weight(text_of(&pieces[*i])), usize::MAX - i)
    })
}

/// Words in a line, a CJK character counting as half a word.
fn weight(text: &str) -> usize {
    let cjk = text.chars().filter(|c| super::reflow::is_cjk(*c)).count();
    text.split_whitespace().count() * 2 + cjk
}

/// Bylines and datelines, which sit between a title and the body.
fn is_byline(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = text.to_lowercase();
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    lower.starts_with("by ")
        || lower.starts_with("updated")
        || lower.starts_with("published")
        || lower.starts_with("posted")
        || lower.contains("min read")
        || lower.ends_with(" ago")
        || has_digit
            && lower
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))
}

/// Level of the section heading at `i`, if it is one: its shape must be heading-like and body
/// text must follow (explicit markup needs nothing after it; numbered and capitalised headings
/// may also be followed by another heading).
fn section_level(i: usize, text: &str, shapes: &[Option<Shape>], roles: &[Role]) -> Option<u8> {
    let next = (i + 1..roles.len()).find(|j| roles[*j] != Role::Chrome);
    let next_is_heading = next.is_some_and(|j| matches!(roles[j], Role::Heading(_)));
    let next_is_body = next.is_some_and(|j| {
        roles[j] == Role::Body && !matches!(shapes[j], Some(s) if s != Shape::Prose)
    });
    match shapes[i]? {
        Shape::Marked(level) => Some(level),
        Shape::Numbered(level) if next_is_body || next_is_heading => Some(level),
        Shape::Capitals if next_is_body || next_is_heading => Some(2),
        Shape::Short if next_is_body && !is_byline(text) => Some(2),
        _ => None,
    }
}

/// Runs of two or more heading-like lines whose texts come back later in the dump are a
/// table of contents, not headings.
fn table_of_contents(pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> Vec<bool> {
    let heading_like =
        |i: usize| roles[i] == Role::Body && matches!(shapes[i], Some(s) if s != Shape::Prose);
    let key = |i: usize| text_of(&pieces[i]).to_lowercase();
    let mut last_seen: HashMap<String, usize> = HashMap::new();
    for i in (0..pieces.len()).filter(|i| heading_like(*i)) {
        last_seen.insert(key(i), i);
    }
    let mut toc = vec![false; pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        let end = (i..pieces.len())
            .find(|j| !heading_like(*j))
            .unwrap_or(pieces.len());
        if end - i >= 2 {
            let repeated = (i..end).filter(|j| last_seen[&key(*j)] >= end).count();
            if repeated >= 2 {
                toc[i..end].fill(true);
            }
        }
        i = end.max(i + 1);
    }
    toc
}

/// Sections start at level 2 under the title, whatever level their markup or numbering gave.
fn normalise_levels(roles: &mut [Role], title: Option<usize>) {
    let sections = |roles: &[Role]| -> Vec<usize> {
        (0..roles.len())
            .filter(|i| Some(*i) != title && matches!(roles[*i], Role::Heading(_)))
            .collect()
    };
    let indices = sections(roles);
    let Some(top) = indices
        .iter()
        .filter_map(|i| match roles[*i] {
            Role::Heading(level) => Some(level),
            _ => None,
        })
        .min()
    else {
        return;
    };
    for i in indices {
        if let Role::Heading(level) = &mut roles[i] {
            *level = (*level + 2).saturating_sub(top).clamp(2, 6);
        }
    }
}
