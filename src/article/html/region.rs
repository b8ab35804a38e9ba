//! Finds the article inside a page: the element to read, and the texts readability scoring
//! counts as the article's body.

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

use super::{title, walk};

/// An `<article>` (or `<main>`) with less text than this is a teaser or a stub, not the
/// article itself, when the page has much more text elsewhere.
const MIN_MARKED_CHARS: usize = 400;
/// Paragraphs at least this long locate the body; shorter ones (captions, bylines, "Share
/// this") occur everywhere on a page.
const MIN_ANCHOR_CHARS: usize = 40;
/// Fewer `<p>` anchors than this do not locate a body on their own.
const MIN_P_ANCHORS: usize = 3;
/// A marked element must hold at least this share (in percent) of the body's paragraphs.
const MIN_ANCHOR_SHARE: usize = 50;
/// Elements whose text dom_smoothie's result is compared by.
const KEPT_SELECTOR: &str = "p, li, h1, h2, h3, h4, h5, h6, pre, td, th, dd, dt, figcaption";

/// Where the article is, and what readability scoring kept of it.
pub struct Found<'a> {
    /// The element to read.
    pub root: NodeRef<'a>,
    /// Texts (white space collapsed) of the paragraphs, list items, headings and cells that
    /// dom_smoothie kept as the article.
    pub kept: HashSet<String>,
}

/// Picks the article: the `<article>` that holds the body's paragraphs (as dom_smoothie, a
/// port of readability.js, finds them), else such a `<main>` or `[role=main]`, else the
/// nearest element holding those paragraphs, else the body.
pub fn find<'a>(doc: &'a Document, html: &str) -> Option<Found<'a>> {
    let body = doc
        .body()
        .or_else(|| doc.html_root().first_element_child())?;
    // Readability scoring takes time quadratic in the nesting depth; a page nested deeper
    // than any real one is read without it.
    let kept = if nested_deeper_than(&body, walk::MAX_DEPTH) {
        HashSet::new()
    } else {
        kept_texts(html)
    };
    let anchors = anchors(doc, &kept, "p");
    // Pages written in `<div>`s (Publican's div.para) are located by those when their `<p>`s
    // are too few to say where the body is.
    let anchors = if anchors.len() < MIN_P_ANCHORS {
        anchors
            .into_iter()
            .chain(anchors_in_divs(doc, &kept))
            .collect()
    } else {
        anchors
    };
    let body_chars = text_chars(&body);
    for selector in ["article", "main, [role=main]"] {
        let candidates: Vec<NodeRef> = doc
            .select(selector)
            .nodes()
            .iter()
            .filter(|n| !walk::is_skipped(n) && !inside_skipped(n))
            .copied()
            .collect();
        let chosen = if anchors.is_empty() {
            candidates
                .iter()
                .map(|n| (text_chars(n), *n))
                .max_by_key(|(chars, _)| *chars)
                .filter(|(chars, _)| *chars >= MIN_MARKED_CHARS || chars * 2 >= body_chars)
                .map(|(_, n)| n)
        } else {
            // The innermost marked element that still holds the body.
            candidates
                .iter()
                .filter(|n| {
                    let held = anchors
                        .iter()
                        .filter(|a| is_inclusive_ancestor(n, a))
                        .count();
                    held * 100 >= anchors.len() * MIN_ANCHOR_SHARE
                })
                .min_by_key(|n| text_chars(n))
                .copied()
        };
        if let Some(root) = chosen {
            return Some(Found { root, kept });
        }
    }
    let root = common_ancestor(&anchors).map_or(body, |root| widen_to_chapter(doc, root));
    Some(Found { root, kept })
}

/// The whole chapter when the paragraphs found lie in one of its sections: manuals nest
/// sections (`div.section`, `<section>`), each led by its heading, and readability scoring
/// may keep only one of them. If `root` sits inside such a section and the title's heading
/// (see [`title::choose`]: one that agrees with the page's stated title, never a site name)
/// lies outside `root`, the article is the nearest element holding both. A news story's body,
/// which no heading leads, keeps its element.
fn widen_to_chapter<'a>(doc: &'a Document, root: NodeRef<'a>) -> NodeRef<'a> {
    let Some(top) = title_heading(doc, &root) else {
        return root;
    };
    if is_inclusive_ancestor(&root, &top) {
        return root;
    }
    let Some(chapter) = common_ancestor(&[root, top]) else {
        return root;
    };
    let in_section = std::iter::once(root)
        .chain(root.ancestors_it(None))
        .take_while(|n| n.id != chapter.id)
        .any(|n| led_by_heading(&n));
    if in_section { chapter } else { root }
}

/// The heading element that holds the article's title, if the title is a heading's text.
fn title_heading<'a>(doc: &'a Document, root: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let title = title::choose(doc, root)?;
    doc.select("h1, h2, h3, h4, h5, h6")
        .nodes()
        .iter()
        .filter(|h| !walk::is_skipped(h) && !inside_skipped(h))
        .find(|h| walk::heading_text(h) == title)
        .copied()
}

/// Whether the first text inside an element belongs to a heading: the element is a section.
fn led_by_heading(node: &NodeRef) -> bool {
    walk::opens_with(node, |tag| walk::heading_level(tag).is_some())
}

/// The elements matching `selector` whose text readability scoring kept and that are long
/// enough to say where the body is.
fn anchors<'a>(doc: &'a Document, kept: &HashSet<String>, selector: &str) -> Vec<NodeRef<'a>> {
    doc.select(selector)
        .nodes()
        .iter()
        .filter(|p| {
            let text = walk::inline_text(p);
            text.chars().count() >= MIN_ANCHOR_CHARS && kept.contains(&text)
        })
        .copied()
        .collect()
}

/// Anchors among the `<div>`s that are paragraphs in all but name.
fn anchors_in_divs<'a>(doc: &'a Document, kept: &HashSet<String>) -> Vec<NodeRef<'a>> {
    anchors(doc, kept, "div")
        .into_iter()
        .filter(walk::is_text_div)
        .collect()
}

/// Whether some element under `root` lies more than `limit` levels below it.
fn nested_deeper_than(root: &NodeRef, limit: usize) -> bool {
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(node.element_children().into_iter().map(|c| (c, depth + 1)));
    }
    false
}

fn inside_skipped(node: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| walk::is_skipped(&a))
}

/// Characters of readable text under a node (furniture skipped, white space collapsed).
fn text_chars(node: &NodeRef) -> usize {
    walk::inline_text(node).chars().count()
}

/// What dom_smoothie keeps as the article, as a set of element texts.
fn kept_texts(html: &str) -> HashSet<String> {
    let Some(extracted) = dom_smoothie::Readability::new(html, None, None)
        .ok()
        .and_then(|mut r| r.parse().ok())
    else {
        return HashSet::new();
    };
    let kept = Document::fragment(extracted.content);
    kept.select(KEPT_SELECTOR)
        .nodes()
        .iter()
        .map(walk::inline_text)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The nearest element that holds all `nodes`; for a single paragraph, its parent, so the
/// text around it is read too.
fn common_ancestor<'a>(nodes: &[NodeRef<'a>]) -> Option<NodeRef<'a>> {
    let first = nodes.first()?;
    let mut chain: Vec<NodeRef<'a>> = vec![*first];
    chain.extend(first.ancestors_it(None));
    let mut level = 0;
    for node in &nodes[1..] {
        while level < chain.len() && !is_inclusive_ancestor(&chain[level], node) {
            level += 1;
        }
    }
    let found = chain.get(level)?;
    if level == 0 {
        found.parent()
    } else {
        Some(*found)
    }
}

fn is_inclusive_ancestor(ancestor: &NodeRef, node: &NodeRef) -> bool {
    node.id == ancestor.id || node.ancestors_it(None).any(|a| a.id == ancestor.id)
}
