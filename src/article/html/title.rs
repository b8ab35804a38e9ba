//! The title of an HTML page and its place at the head of the article's headings.

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

use super::walk;
use crate::article::{BlockKind, RawBlock};

/// Separators between a page's title and the site's name in `<title>`.
const SITE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "];
/// A trailing part of `<title>` with more words than this is part of the title, not a site name.
const MAX_SITE_WORDS: usize = 5;
/// Text before the title heading up to this many characters is page furniture (breadcrumbs,
/// a kicker, a date); more than that and the heading is not where the article starts.
const MAX_CHROME_BEFORE_TITLE: usize = 400;
/// Headlines have at least this many words; site names in an `<h1>` logo often fewer.
const MIN_HEADLINE_WORDS: usize = 3;

/// The article's title: the page's `<h1>` that agrees with its stated title (`og:title`,
/// `<title>`), else the article's first `<h1>` unless it looks like a site name, else the
/// stated title without its site suffix.
pub fn choose(doc: &Document, region: &NodeRef) -> Option<String> {
    let stated: Vec<String> = stated_titles(doc)
        .iter()
        .map(|t| strip_site_suffix(t))
        .collect();
    let region_h1s = h1_texts(region);
    let page_h1s = h1_texts(&doc.root());
    region_h1s
        .iter()
        .chain(&page_h1s)
        .find(|h| stated.iter().any(|s| agree(h, s)))
        .or_else(|| {
            region_h1s
                .first()
                .filter(|h| stated.first().is_none_or(|s| could_be_headline(h, s)))
        })
        .or_else(|| stated.first())
        .cloned()
}

/// An `<h1>` that disagrees with the stated title may still be the headline (rewritten for
/// the metadata), unless it is as short as a site name.
fn could_be_headline(h1: &str, stated: &str) -> bool {
    key(h1).split(' ').count() >= MIN_HEADLINE_WORDS
        || h1.chars().count() * 2 >= stated.chars().count()
}

/// Titles the page states outside its text, white space collapsed, empty ones left out, in
/// this order: `og:title`, a JSON-LD `headline`, Dublin Core's `dc.title`, Parse.ly's
/// `parsely-title`, `twitter:title`, then `<title>`.
fn stated_titles(doc: &Document) -> Vec<String> {
    let meta = |selector: &str| {
        doc.select(selector)
            .attr("content")
            .map(|c| walk::collapse(&c))
    };
    let title = doc
        .select("title")
        .nodes()
        .first()
        .map(|n| walk::collapse(&n.text()));
    [
        meta(r#"meta[property="og:title"], meta[name="og:title"]"#),
        json_ld_headline(doc),
        meta(r#"meta[name="dc.title" i], meta[name="dcterms.title" i]"#),
        meta(r#"meta[name="parsely-title"]"#),
        meta(r#"meta[name="twitter:title"], meta[property="twitter:title"]"#),
        title,
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.is_empty())
    .collect()
}

/// The first `headline` of the page's JSON-LD (schema.org's `Article` and its kin), looked
/// for in objects, arrays and `@graph`s a few levels deep.
fn json_ld_headline(doc: &Document) -> Option<String> {
    fn find(value: &serde_json::Value, depth: usize) -> Option<String> {
        if depth > 4 {
            return None;
        }
        match value {
            serde_json::Value::Object(map) => map
                .get("headline")
                .and_then(|h| h.as_str())
                .map(walk::collapse)
                .or_else(|| map.values().find_map(|v| find(v, depth + 1))),
            serde_json::Value::Array(items) => items.iter().find_map(|v| find(v, depth + 1)),
            _ => None,
        }
    }
    doc.select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .filter_map(|n| serde_json::from_str::<serde_json::Value>(&n.text()).ok())
        .find_map(|v| find(&v, 0))
}

fn h1_texts(root: &NodeRef) -> Vec<String> {
    root.descendants_it()
        .filter(|n| n.node_name().as_deref() == Some("h1"))
        .filter(|n| !walk::is_skipped(n) && !n.ancestors_it(None).any(|a| walk::is_skipped(&a)))
        .map(|n| walk::heading_text(&n))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Cuts trailing " | Site Name" parts: short parts after the last separator.
pub fn strip_site_suffix(title: &str) -> String {
    let mut title = title.trim();
    // "Title | Section | Site" is cut part by part, but only at the separator cut first: a
    // different one further left belongs to the title ("Title — a subtitle - Site").
    let Some(separator) = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, sep)| sep)
    else {
        return title.to_string();
    };
    while let Some(at) = title.rfind(separator) {
        let (head, tail) = (title[..at].trim(), title[at + separator.len()..].trim());
        if head.is_empty() || tail.split_whitespace().count() > MAX_SITE_WORDS {
            break;
        }
        title = head;
    }
    title.to_string()
}

/// Comparison key: lower-case words of letters and digits.
fn key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two titles agree when most words of the shorter one occur in the other (headlines are
/// often shortened or reworded slightly for the metadata) and those words are a fair part of
/// the longer one too: a site's name in an `<h1>` logo is all in "Post title: Site name",
/// but it is not that title.
fn agree(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    let a_words: HashSet<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let b_words: HashSet<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let shorter = a_words.len().min(b_words.len());
    let longer = a_words.len().max(b_words.len());
    let shared = a_words.intersection(&b_words).count();
    shorter > 0 && shared * 10 >= shorter * 6 && shared * 10 >= longer * 4
}

/// Index of the heading that carries the title, if one does near the start of the blocks
/// (after at most some short page furniture).
pub fn locate(blocks: &[RawBlock], title: &str) -> Option<usize> {
    let title_key = key(title);
    let found = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { .. }) && key(&b.text) == title_key)?;
    let before: usize = blocks[..found].iter().map(|b| b.text.chars().count()).sum();
    (before <= MAX_CHROME_BEFORE_TITLE).then_some(found)
}

/// Makes the title the article's first heading at level 1: the heading at `at` (from
/// [`locate`]) becomes level 1 and what precedes it page furniture; without one, the title is
/// put first. Repeats of the title are dropped, and the other headings shift so the top
/// section is level 2.
pub fn place(blocks: &mut Vec<RawBlock>, title: &str, at: Option<usize>) {
    let start = match at {
        Some(i) => {
            for block in &mut blocks[..i] {
                block.kind = BlockKind::Chrome;
            }
            blocks[i].kind = BlockKind::Heading { level: 1 };
            i
        }
        None => {
            blocks.insert(0, RawBlock::new(BlockKind::Heading { level: 1 }, title));
            0
        }
    };
    let title_key = key(title);
    let mut index = 0;
    blocks.retain(|b| {
        let repeat = matches!(b.kind, BlockKind::Heading { .. }) && key(&b.text) == title_key;
        let keep = index <= start || !repeat;
        index += 1;
        keep
    });
    let top = blocks[start + 1..]
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        })
        .min();
    if let Some(top) = top {
        for block in &mut blocks[start + 1..] {
            if let BlockKind::Heading { level } = &mut block.kind {
                *level = (*level + 2).saturating_sub(top).clamp(2, 6);
            }
        }
    }
}
