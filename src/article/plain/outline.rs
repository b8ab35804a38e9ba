//! Deciding, across the whole dump, which pieces are the title, section headings, page chrome
//! or body, from their shapes and their neighbours.

use std::collections::HashMap;

use super::headings::{Shape, shape};
use super::lists;
use super::meta::{is_byline, is_credit};
use super::pieces::{Margin, Piece, Text};
use super::{case, chrome, context, declared, numbering, span, title};
use crate::article::{BlockKind, RawBlock};

/// What a piece turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Chrome,
    Heading(u8),
    Body,
}

/// Longest chrome piece after a comment form opener that is still one of its fields.
const FORM_FIELD_CHARS: usize = 100;

/// Turns pieces into blocks: title at level 1, sections at 2 and deeper, chrome marked.
pub fn blocks(pieces: Vec<Piece>) -> Vec<RawBlock> {
    let roles = analyse(&pieces).roles;
    pieces
        .into_iter()
        .zip(roles)
        .map(|(piece, role)| block(piece, role))
        .collect()
}

/// The block a piece becomes in its role.
pub fn block(piece: Piece, role: Role) -> RawBlock {
    match (piece, role) {
        (Piece::Fixed(b), Role::Chrome) => RawBlock::new(BlockKind::Chrome, b.text),
        (Piece::Fixed(b), _) => b,
        (Piece::Text(t), Role::Chrome) => RawBlock::new(BlockKind::Chrome, t.text),
        (Piece::Text(t), Role::Heading(level)) => {
            RawBlock::new(BlockKind::Heading { level }, t.text)
        }
        (Piece::Text(t), Role::Body) => RawBlock::new(t.fallback, t.text),
    }
}

/// What each piece turned out to be, and the article's span after the title that bounds its
/// sections.
pub struct Analysis {
    roles: Vec<Role>,
    /// Where the article ends, and each piece's weight in finding it.
    pub span: span::Span,
    /// Which pieces are plain lines in the title's lead (between the title and where the body
    /// opens): subtitles, tags, captions, share bars, none of them a section's head.
    pub under_title: Vec<bool>,
    /// What the dump's declared structure says against each piece heading a section.
    pub vetoes: Vec<Option<declared::Veto>>,
    /// The lines weighed as the title, and the one chosen.
    pub title: title::Choice,
    /// Why each piece is page chrome by its own words or shape, if it is (see
    /// [`chrome_roles`]), for `--explain`.
    pub chrome: Vec<Option<&'static str>>,
}

impl Analysis {
    /// The role piece `i` turned out to have.
    pub fn role(&self, i: usize) -> Role {
        self.roles[i]
    }
}

/// Decides every piece's role.
pub fn analyse(pieces: &[Piece]) -> Analysis {
    let shapes: Vec<Option<Shape>> = pieces.iter().map(text_shape).collect();
    let (chrome, sign_up) = chrome_roles(pieces);
    let mut roles: Vec<Role> = chrome
        .iter()
        .map(|why| {
            if why.is_some() {
                Role::Chrome
            } else {
                Role::Body
            }
        })
        .collect();
    let choice = title::choose(pieces, &shapes, &roles);
    let title = choice.title;
    if let Some(t) = title {
        for role in &mut roles[..t] {
            *role = Role::Chrome;
        }
        roles[t] = Role::Heading(1);
    }
    let toc = not_sections(pieces, &shapes, &roles);
    let layout_marks_headings = marks_headings_by_layout(pieces, &shapes);
    let start = title.map_or(0, |t| t + 1);
    let first_prose = (start..pieces.len())
        .find(|i| is_body(*i, pieces, &shapes, &roles) && matches!(pieces[*i], Piece::Text(_)))
        .unwrap_or(pieces.len());
    // Nothing after the article's last prose is a section heading.
    let furniture: Vec<bool> = roles.iter().map(|r| *r == Role::Chrome).collect();
    // What the dump declares: its headings (no plain line is one), its numbers' order.
    let vetoes = declared::vetoes(pieces, &shapes);
    let heads = section_heads(pieces, &shapes, &vetoes, layout_marks_headings);
    let mut span = span::span(pieces, &heads, &furniture, &sign_up, start, first_prose);
    // A numbered document's sections run as far as its numbers do ("6." over "6.9.2").
    if let Some(last) = title.and_then(|t| numbering::last_section(t, pieces)) {
        span.end = span.end.max(last);
    }
    let end = span.end;
    // Lines between the title and where the body opens (its first prose, or the paragraph
    // found to open a run of prose, whichever is further down) are the title's lead:
    // subtitles, tags, bylines, captions, share bars. A plain line there heads no section;
    // markup or a section number still makes one.
    let lead = match title {
        Some(_) => start..first_prose.max(choice.body),
        None => start..start,
    };
    let under_title: Vec<bool> = (0..pieces.len())
        .map(|i| {
            lead.contains(&i)
                && matches!(shapes[i], Some(Shape::Short | Shape::Capitals))
                && numbering::number(pieces[i].text()).is_none()
        })
        .collect();
    for i in (start..pieces.len()).rev() {
        if roles[i] == Role::Body && context::is_interview_question(i, pieces) {
            roles[i] = Role::Heading(2);
        } else if roles[i] == Role::Body
            // Cheap, and true of every piece `section_level` takes: the neighbours of prose
            // need no look.
            && matches!(shapes[i], Some(s) if s != Shape::Prose)
            && i <= end
            && (!toc[i] || outdented_over_margin(i, pieces, &roles))
            && (!layout_marks_headings || stands_out(&pieces[i], shapes[i]))
            && !under_title[i]
            && vetoes[i].is_none()
            && (matches!(shapes[i], Some(Shape::Marked(_)))
                || context::something_else(i, pieces).is_none())
            && let Some(level) = section_level(i, pieces, &shapes, &roles)
        {
            roles[i] = Role::Heading(level);
        }
    }
    nest_under_numbers(&mut roles, &shapes);
    normalise_levels(&mut roles, title);
    Analysis {
        roles,
        span,
        under_title,
        vetoes,
        title: choice,
        chrome,
    }
}

/// What may head a section: a heading-like line that the layout sets apart, if the dump sets
/// its headings apart at all, and that no declared structure rules out (a plain line in a
/// document whose headings carry permalinks or section numbers); markup and numbering declare
/// one.
fn section_heads(
    pieces: &[Piece],
    shapes: &[Option<Shape>],
    vetoes: &[Option<declared::Veto>],
    layout_marks_headings: bool,
) -> Vec<span::Head> {
    (0..pieces.len())
        .map(|i| match shapes[i] {
            Some(Shape::Marked(_) | Shape::Numbered(_)) => span::Head::Declared,
            Some(Shape::Short | Shape::Capitals)
                if vetoes[i] != Some(declared::Veto::Undeclared)
                    && (!layout_marks_headings || stands_out(&pieces[i], shapes[i])) =>
            {
                span::Head::Plain
            }
            _ => span::Head::No,
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
        // Centred text is a caption or a credit. (A plain-text document may centre its title
        // or a heading in capitals too, but such a line alone does not tell which, and a
        // centred line far down must not become the title.)
        Piece::Text(t) if t.alone && t.margin == Margin::In => Some(Shape::Prose),
        Piece::Text(t) if t.alone => Some(shape(&t.text)),
        _ => None,
    }
}

/// Fewest outdented heading-like lines for a dump to count as setting its headings apart by
/// layout.
const OUTDENTED_HEADINGS: usize = 2;

/// Whether the dump sets its headings left of the body's margin, as lynx does.
fn marks_headings_by_layout(pieces: &[Piece], shapes: &[Option<Shape>]) -> bool {
    let heading_like = |i: usize| matches!(shapes[i], Some(s) if s != Shape::Prose);
    (0..pieces.len())
        .filter(|i| pieces[*i].is_outdented() && heading_like(*i))
        .nth(OUTDENTED_HEADINGS - 1)
        .is_some()
}

/// In a dump that sets headings apart by layout, what may still be a heading: a line the layout
/// sets apart, one with markup or a number, or one in capitals (the one mark of emphasis a
/// text-mode browser keeps); a line at the margin in ordinary type is a caption, a quotation or
/// a teaser.
fn stands_out(piece: &Piece, shape: Option<Shape>) -> bool {
    piece.is_outdented()
        || matches!(
            shape,
            Some(Shape::Marked(_) | Shape::Numbered(_) | Shape::Capitals)
        )
}

/// An outdented line with text at the margin after it: a heading over its section, not an
/// entry of a table of contents or a run of headlines set at the left edge.
fn outdented_over_margin(i: usize, pieces: &[Piece], roles: &[Role]) -> bool {
    pieces[i].is_outdented()
        && (i + 1..pieces.len())
            .find(|j| roles[*j] != Role::Chrome)
            .is_some_and(|j| !pieces[j].is_outdented())
}

/// Which pieces are chrome by their wording (a credit's only if markup does not mark the line
/// a heading), or as the short pieces of a comment form after its opener, and the name of the
/// test that says so; and which pieces are a short paragraph of a newsletter's sign-up box, by
/// the same wording.
fn chrome_roles(pieces: &[Piece]) -> (Vec<Option<&'static str>>, Vec<bool>) {
    let mut in_form = false;
    pieces
        .iter()
        .map(|piece| {
            let text = piece.text();
            let bare = text.trim_start_matches(['•', '☐', ' ']);
            let wording = chrome::wording(text, bare);
            if wording.opens_form {
                in_form = true;
            }
            let why = if in_form && text.chars().nth(FORM_FIELD_CHARS).is_none() {
                Some("form field")
            } else if wording.chrome.is_some() {
                wording.chrome
            } else if wording.preamble {
                Some("preamble")
            } else if is_credit(bare) && !is_marked(piece) {
                Some("credit")
            } else if chrome::has_form_control(text) && !is_preformatted(piece) {
                Some("form control")
            } else {
                None
            };
            (why, wording.sign_up)
        })
        .unzip()
}

/// Whether markup sets a piece apart as a heading: then a credit's shape ("Native Load/Save
/// Dialogs" reads like "Ann Lee/The Times") does not make it chrome.
fn is_marked(piece: &Piece) -> bool {
    matches!(piece, Piece::Text(t) if t.marked.is_some())
}

/// Whether a piece is code or other preformatted text, which may draw anything (a listing
/// that prints a form's blank, a ruler of underscores).
fn is_preformatted(piece: &Piece) -> bool {
    matches!(piece, Piece::Fixed(b) if b.kind.is_preformatted())
}

/// Body text proper: prose, lists, quotes, code and tables that are not chrome.
pub(super) fn is_body(
    i: usize,
    pieces: &[Piece],
    shapes: &[Option<Shape>],
    roles: &[Role],
) -> bool {
    roles[i] == Role::Body
        && match &pieces[i] {
            Piece::Fixed(b) => b.kind != BlockKind::Rule,
            Piece::Text(_) => matches!(shapes[i], None | Some(Shape::Prose)),
        }
}

/// Level of the section heading at `i`, if it is one: its shape must be heading-like and body
/// text must follow (explicit markup needs nothing after it; numbered and capitalised headings
/// may also be followed by a heading, and so may a short line that prose leads into).
fn section_level(
    i: usize,
    pieces: &[Piece],
    shapes: &[Option<Shape>],
    roles: &[Role],
) -> Option<u8> {
    let text = pieces[i].text();
    let next = (i + 1..roles.len()).find(|j| roles[*j] != Role::Chrome);
    let next_level = next.and_then(|j| match roles[j] {
        Role::Heading(level) => Some(level),
        _ => None,
    });
    let next_is_body = next.is_some_and(|j| {
        roles[j] == Role::Body && !matches!(shapes[j], Some(s) if s != Shape::Prose)
    });
    // A section heading straight over its first subsection ("Battery life", then "Battery is
    // improved ..."): the body ends just above it. Runs of three or more short lines are menus;
    // a lone word there is a picture's credit or a brand label, a cry ("Vote now!") a call to act.
    let opens_subsection = text.split_whitespace().nth(1).is_some()
        && !text.ends_with('!')
        && (0..i)
            .rev()
            .find(|j| roles[*j] != Role::Chrome)
            .is_some_and(|j| is_body(j, pieces, shapes, roles));
    match shapes[i]? {
        Shape::Marked(level) => Some(level),
        _ if is_byline(text) => None,
        // A numbered heading may open onto a deeper or an unnumbered heading ("1." then "1.1"),
        // not onto a sibling: a run of numbered lines is a list.
        Shape::Numbered(level)
            if next_is_body || next_level.is_some() || outdented_over_margin(i, pieces, roles) =>
        {
            let sibling =
                next.is_some_and(|j| matches!(shapes[j], Some(Shape::Numbered(l)) if l <= level));
            (!sibling).then_some(level)
        }
        // Set apart by the layout, a heading may open onto anything at the margin (a list, a
        // short line); a run of such lines is a list of headlines, unless body text leads
        // into the first.
        Shape::Capitals | Shape::Short
            if outdented_over_margin(i, pieces, roles)
                || pieces[i].is_outdented() && next_level.is_some() && opens_subsection =>
        {
            Some(2)
        }
        Shape::Capitals if next_is_body || next_level.is_some() && opens_subsection => Some(2),
        Shape::Short if next_is_body || next_level.is_some() && opens_subsection => Some(2),
        _ => None,
    }
}

/// Heading-like lines that are not headings: runs of two or more whose texts come back later
/// in the dump (a table of contents), lines repeated three times or more (labels), and lines
/// that stand twice in the page other than in a table of contents.
fn not_sections(pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> Vec<bool> {
    let heading_like: Vec<bool> = (0..pieces.len())
        .map(|i| roles[i] == Role::Body && matches!(shapes[i], Some(s) if s != Shape::Prose))
        .collect();
    let mut toc = labels_and_contents(pieces, &heading_like);
    for i in stand_twice(pieces, shapes, &heading_like, &toc) {
        toc[i] = true;
    }
    toc
}

/// Heading-like lines repeated three times or more (labels), and runs of two or more
/// heading-like lines of which two come back later in the dump (a table of contents).
fn labels_and_contents(pieces: &[Piece], heading_like: &[bool]) -> Vec<bool> {
    // Each heading-like piece's text in lower case, made once.
    let keys: Vec<Option<String>> = (0..pieces.len())
        .map(|i| heading_like[i].then(|| case::lowercase(pieces[i].text())))
        .collect();
    let key = |i: usize| keys[i].as_deref().unwrap_or_default();
    let mut last_seen: HashMap<&str, usize> = HashMap::new();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for i in (0..pieces.len()).filter(|i| heading_like[*i]) {
        last_seen.insert(key(i), i);
        *count.entry(key(i)).or_default() += 1;
    }
    // Section names are distinct; a line that comes back three times is a repeated label.
    let mut toc: Vec<bool> = (0..pieces.len())
        .map(|i| heading_like[i] && count[key(i)] >= 3)
        .collect();
    let mut i = 0;
    while i < pieces.len() {
        let end = (i..pieces.len())
            .find(|j| !heading_like[*j])
            .unwrap_or(pieces.len());
        if end - i >= 2 {
            let repeated = (i..end).filter(|j| last_seen[key(*j)] >= end).count();
            if repeated >= 2 {
                toc[i..end].fill(true);
            }
        }
        i = end.max(i + 1);
    }
    toc
}

/// Heading-like lines that stand twice in the page (a teaser in a box and in a list, a widget
/// label), unless the other copy is an entry of a table of contents (`toc`: a run above, or a
/// list item).
fn stand_twice(
    pieces: &[Piece],
    shapes: &[Option<Shape>],
    heading_like: &[bool],
    toc: &[bool],
) -> Vec<usize> {
    // Only the copies of those lines are looked up: a piece with more characters than the
    // longest of their keys (lower case never shortens text) is no copy, and needs no key.
    let looked_up = |i: usize| heading_like[i] && !toc[i];
    let longest = (0..pieces.len())
        .filter(|i| looked_up(*i))
        .map(|i| bare_key(&pieces[i]).chars().count())
        .max()
        .unwrap_or(0);
    let bare_keys: Vec<Option<String>> = pieces
        .iter()
        .map(|p| {
            bare_text(p)
                .chars()
                .nth(longest)
                .is_none()
                .then(|| bare_key(p))
        })
        .collect();
    let mut copies: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, bare) in bare_keys.iter().enumerate() {
        if let Some(bare) = bare {
            copies.entry(bare).or_default().push(j);
        }
    }
    (0..pieces.len())
        .filter(|i| looked_up(*i))
        .filter(|i| {
            let others: Vec<usize> = copies[bare_keys[*i].as_deref().unwrap_or_default()]
                .iter()
                .copied()
                .filter(|j| j != i)
                .collect();
            // A numbered line whose number and words stood above is a section the table of
            // contents announced, however that table was laid out.
            let announced = |j: usize| j < *i && matches!(shapes[*i], Some(Shape::Numbered(_)));
            !others.is_empty()
                && !others.iter().any(|j| {
                    toc[*j]
                        || announced(*j)
                        || matches!(&pieces[*j], Piece::Fixed(b) if matches!(b.kind, BlockKind::ListItem { .. }))
                })
        })
        .collect()
}

/// A piece's text, lower case, without a list item's marker: what two copies of a line share.
fn bare_key(piece: &Piece) -> String {
    case::lowercase(bare_text(piece))
}

/// A piece's text without a list item's marker and the blank space around it.
fn bare_text(piece: &Piece) -> &str {
    let text = piece.text().trim();
    match lists::marker(text) {
        Some(m) if matches!(piece, Piece::Fixed(_)) => &text[m.len..],
        _ => text,
    }
}

/// An unnumbered heading right under a numbered one ("5. Findings", then "What We Saw") is
/// its subsection.
fn nest_under_numbers(roles: &mut [Role], shapes: &[Option<Shape>]) {
    let mut above: Option<u8> = None;
    for (role, shape) in roles.iter_mut().zip(shapes) {
        match (*role, shape) {
            (Role::Heading(level), Some(Shape::Numbered(_))) => above = Some(level),
            (Role::Heading(_), Some(Shape::Short | Shape::Capitals)) => {
                if let Some(level) = above {
                    *role = Role::Heading(level + 1);
                }
                above = None;
            }
            (Role::Chrome, _) => {}
            _ => above = None,
        }
    }
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
