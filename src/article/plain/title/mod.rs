//! Finding the article's title in a text dump: where the body's prose starts, then a score for
//! each headline-like line above it, from a few kinds of evidence weighed in one table
//! ([`features::TABLE`]).

mod body;
mod features;

use std::collections::HashSet;

use super::chrome;
use super::context;
use super::headings::Shape;
use super::meta::{Sign, byline_sign, is_credit};
use super::numbering;
use super::outline::Role;
use super::pieces::Piece;
use features::{Feature, LEAD_BYTES};

/// How many text pieces above the body's first paragraph the title is looked for in.
const TITLE_WINDOW: usize = 30;

/// How far apart (in pieces) two copies of a line stand next to each other.
const NEXT_TO: usize = 2;

/// A line that could be the title, with its evidence and its score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Its piece.
    pub index: usize,
    /// Each feature that holds, with its value.
    pub evidence: Vec<(Feature, i32)>,
    /// The sum of each feature's value times its weight.
    pub score: i32,
}

impl Candidate {
    /// "title +182: byline below +120, length 10 +60, headings between 1 -12", for `--explain`.
    pub fn explain(&self) -> String {
        let parts: Vec<String> = self
            .evidence
            .iter()
            .map(|(f, v)| match v {
                1 => format!("{} {:+}", f.name(), f.weight()),
                v => format!("{} {v} {:+}", f.name(), f.weight() * v),
            })
            .collect();
        format!("title {:+}: {}", self.score, parts.join(", "))
    }
}

/// How the title was chosen: the lines weighed, and the one that won.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    /// The title's piece.
    pub title: Option<usize>,
    /// Every line weighed (none when a chapter's number decided).
    pub candidates: Vec<Candidate>,
    /// Heading-like lines above the body that were not weighed, and why.
    pub passed: Vec<(usize, &'static str)>,
    /// The piece the body was found to start at: only lines above it are weighed.
    pub body: usize,
}

/// The title: a numbered chapter's title over its own numbered sections, else the
/// best-scored headline-like line just above where the body starts (after any chatbot
/// preamble), the nearest to the body among equals.
pub(super) fn choose(pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> Choice {
    let body = body::start(pieces, shapes, roles);
    let after_preamble = (0..body)
        .rev()
        .find(|i| chrome::is_preamble(pieces[*i].text()))
        .map_or(0, |i| i + 1);
    // A numbered document's title is confirmed by its sections' numbers ("6." over "6.1"),
    // however long the table of contents between it and the body.
    let numbered: Vec<usize> = (after_preamble..body)
        .filter(|i| roles[*i] == Role::Body && matches!(shapes[*i], Some(s) if s != Shape::Prose))
        .collect();
    if let Some(i) = numbering::numbered_title(&numbered, pieces) {
        return Choice {
            title: Some(i),
            candidates: Vec::new(),
            passed: Vec::new(),
            body,
        };
    }
    let from = window_start(body, after_preamble, pieces, roles);
    let mut indices = Vec::new();
    let mut passed = Vec::new();
    // Lines just above the window are named as out of it (for `--explain`), no further.
    for i in after_preamble.max(from.saturating_sub(TITLE_WINDOW))..body {
        match look(i, pieces, shapes, roles) {
            Look::Weighed if i < from => passed.push((i, "out of the window")),
            Look::Weighed => indices.push(i),
            Look::PassedOver(why) => passed.push((i, why)),
            Look::NotHeadingLike => {}
        }
    }
    let candidates = score(&indices, body, pieces, shapes);
    let title = candidates
        .iter()
        .max_by_key(|c| (c.score, c.index))
        .map(|c| c.index);
    Choice {
        title,
        candidates,
        passed,
        body,
    }
}

/// Where the window the title is looked for in starts: [`TITLE_WINDOW`] text pieces of the
/// body above it, after any preamble.
fn window_start(body: usize, after_preamble: usize, pieces: &[Piece], roles: &[Role]) -> usize {
    let mut from = body;
    let mut texts = 0;
    while from > after_preamble && texts < TITLE_WINDOW {
        from -= 1;
        if roles[from] == Role::Body && matches!(pieces[from], Piece::Text(_)) {
            texts += 1;
        }
    }
    from
}

/// How a line above the body was looked at as the title.
enum Look {
    /// It is weighed.
    Weighed,
    /// It is not heading-like: nothing to tell.
    NotHeadingLike,
    /// It is heading-like but not weighed, for this reason.
    PassedOver(&'static str),
}

/// How line `i` is looked at: heading-like lines (a headline that asks, counts or reads as
/// prose too) are weighed unless they are furniture, a byline or a credit, or a breadcrumb
/// trail that ends with the line under it ("HomeNewsHeadline").
fn look(i: usize, pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> Look {
    let text = pieces[i].text();
    let heading_like = match shapes[i] {
        Some(Shape::Marked(_) | Shape::Short | Shape::Capitals) => true,
        Some(Shape::Numbered(_)) => features::is_count_headline(text),
        Some(Shape::Prose) => features::is_question(text) || features::is_wordy_headline(text),
        _ => false,
    };
    if !heading_like {
        return Look::NotHeadingLike;
    }
    if roles[i] != Role::Body {
        Look::PassedOver("furniture")
    } else if let Some(sign) = byline_sign(text).filter(|sign| *sign != Sign::Date) {
        // A byline by its words (a dated line is weighed, against its date).
        Look::PassedOver(sign.reason())
    } else if is_credit(text.trim()) || context::carries_credit(text) {
        Look::PassedOver("credit")
    } else if pieces
        .get(i + 1)
        .map(|next| next.text().trim())
        .is_some_and(|next| !next.is_empty() && text.len() > next.len() && text.ends_with(next))
    {
        Look::PassedOver("breadcrumb")
    } else {
        Look::Weighed
    }
}

/// Each candidate's evidence and score.
fn score(
    indices: &[usize],
    body: usize,
    pieces: &[Piece],
    shapes: &[Option<Shape>],
) -> Vec<Candidate> {
    let lead = features::lead_words(&opening(body, pieces));
    let repeated = repeated(indices, pieces);
    // A dateline is weighed, but is no headline for the line under it.
    let dated = |i: usize| features::is_dateline(pieces[i].text());
    indices
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let text = pieces[i].text();
            let evidence: Vec<(Feature, i32)> = [
                (
                    Feature::Markup,
                    i32::from(matches!(shapes[i], Some(Shape::Marked(_)))),
                ),
                (
                    Feature::BylineBelow,
                    features::byline_below(i, pieces, body).into(),
                ),
                (
                    Feature::CreditBelow,
                    features::credit_below(i, pieces, body).into(),
                ),
                (
                    Feature::HeadingsBetween,
                    count((indices.len() - n - 1).min(features::HEADINGS_BETWEEN)),
                ),
                (Feature::OverDek, features::over_dek(i, pieces).into()),
                (
                    Feature::UnderHeadline,
                    (i > 0
                        && indices.contains(&(i - 1))
                        && !dated(i - 1)
                        && features::over_dek(i - 1, pieces))
                    .into(),
                ),
                (
                    Feature::UnderMarked,
                    under_marked(n, indices, shapes).into(),
                ),
                (Feature::Length, count(features::length(text))),
                (Feature::Terse, features::is_terse(text).into()),
                (Feature::Repeated, repeated.contains(&i).into()),
                (Feature::Menu, features::in_menu(i, pieces).into()),
                (Feature::Question, features::is_question(text).into()),
                (Feature::Cry, features::is_cry(text).into()),
                (
                    Feature::Wordy,
                    (shapes[i] == Some(Shape::Prose) && !features::is_question(text)).into(),
                ),
                (Feature::LeadWords, features::shared_words(text, &lead)),
                (Feature::Dated, dated(i).into()),
            ]
            .into_iter()
            .filter(|(_, value)| *value != 0)
            .collect();
            let score = evidence.iter().map(|(f, v)| f.weight() * v).sum();
            Candidate {
                index: i,
                evidence,
                score,
            }
        })
        .collect()
}

/// Whether the `n`th candidate is marked as a heading under an earlier candidate marked at its
/// level or higher: a section of that one.
fn under_marked(n: usize, indices: &[usize], shapes: &[Option<Shape>]) -> bool {
    let level = |i: usize| match shapes[i] {
        Some(Shape::Marked(level)) => Some(level),
        _ => None,
    };
    level(indices[n]).is_some_and(|own| {
        indices[..n]
            .iter()
            .any(|i| level(*i).is_some_and(|l| l <= own))
    })
}

/// A count as a feature's value.
fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The body's opening: its first pieces, up to about [`LEAD_BYTES`].
fn opening(body: usize, pieces: &[Piece]) -> String {
    let mut text = String::new();
    for piece in pieces.iter().skip(body) {
        if text.len() >= LEAD_BYTES {
            break;
        }
        text.push_str(piece.text());
        text.push('\n');
    }
    text
}

/// The candidates whose text stands elsewhere in the dump too (in any case), other than
/// right next to it (a page may print its headline twice in a row). Only pieces as long as a
/// candidate are compared, so the dump is read once.
fn repeated(indices: &[usize], pieces: &[Piece]) -> HashSet<usize> {
    let lengths: HashSet<usize> = indices
        .iter()
        .map(|i| pieces[*i].text().trim().len())
        .collect();
    let keys: Vec<(usize, String)> = indices
        .iter()
        .map(|i| (*i, super::case::lowercase(pieces[*i].text().trim())))
        .collect();
    let mut found = HashSet::new();
    for (j, piece) in pieces.iter().enumerate() {
        let text = piece.text().trim();
        if !lengths.contains(&text.len()) {
            continue;
        }
        let key = super::case::lowercase(text);
        found.extend(
            keys.iter()
                .filter(|(i, k)| i.abs_diff(j) > NEXT_TO && *k == key)
                .map(|(i, _)| *i),
        );
    }
    found
}
