//! Walks an HTML element tree and turns it into typed blocks: headings, paragraphs, list items,
//! quotes, code, tables, rules. Page furniture (navigation, forms, scripts, hidden parts) is
//! skipped wherever it sits.

use dom_query::NodeRef;

use super::{extent, furniture, subheads};
use crate::article::inline::{self, RawSpan, Style};
use crate::article::language;
use crate::article::lists::ListStack;
use crate::article::{BlockKind, RawBlock};

/// Separator between the cells of a table row.
const CELL_SEPARATOR: &str = " │ ";

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "button", "select", "input", "textarea", "option", "label", "nav", "aside", "footer",
    "dialog", "menu", "head", "title", "meta", "link", "img", "picture", "video", "audio", "map",
];

/// Elements that end the paragraph before them and start a new one after them.
const BREAKING: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "address", "figure", "details", "summary",
    "dl", "dt", "dd", "center", "hgroup", "body", "html", "form", "fieldset", "caption", "tbody",
    "thead", "tfoot", "tr", "td", "th",
];

/// Blocks read from an element, each with the share of its text that is link text.
#[derive(Default)]
pub struct Walked {
    pub blocks: Vec<RawBlock>,
    /// For each block, the share (0 to 1) of its characters inside links to other pages.
    pub link_share: Vec<f32>,
}

/// Turns the content of `root` (not `root`'s own tag) into blocks. For a whole page
/// (`page`), a heading in a box without prose or in an element named like furniture is a
/// teaser or a widget title and becomes chrome.
pub fn blocks(root: &NodeRef, page: bool) -> Walked {
    let mut walker = Walker {
        page,
        region_chars: if page {
            inline_text(root).chars().count()
        } else {
            0
        },
        ..Walker::default()
    };
    walker.children(root);
    walker.flush();
    walker.out
}

/// Share of an element's text (furniture skipped) that is inside links to other pages.
fn link_share(node: &NodeRef) -> f32 {
    let mut walker = Walker::default();
    walker.children(node);
    share(walker.line_links, &walker.line)
}

fn share(link_chars: usize, text: &str) -> f32 {
    let all = text.chars().filter(|c| !c.is_whitespace()).count();
    if all == 0 {
        0.0
    } else {
        link_chars as f32 / all as f32
    }
}

/// Nesting below which elements are read as plain text. Real pages stay far above it (HTML
/// parsers in browsers cap nesting at 512); it keeps recursion off the end of the stack.
pub const MAX_DEPTH: usize = 256;

/// Elements whose text can be article prose.
const PROSE: &[&str] = &["p", "li", "pre", "td", "dd", "blockquote"];
/// A paragraph this long in an `<aside>` inside the article is the article's.
const PROSE_ASIDE_CHARS: usize = 100;
/// A `<div>` with text and no blocks this long is a paragraph.
const TEXT_DIV_CHARS: usize = 40;
/// A box named like furniture that holds less than this share (in percent) of the region's text
/// is furniture through and through; a larger one is the article's own container, whatever its
/// name says ("content-with-sidebar").
const SMALL_BOX_PERCENT: usize = 25;
/// Prose with at least this share of link text is navigation.
const LINK_HEAVY: f32 = 0.5;

/// Elements that never sit inside a paragraph: a `<div>` holding one of them is a container,
/// not a paragraph written as a `<div>`.
const BLOCKS: [&str; 22] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "nav",
    "ol",
    "p",
    "section",
    "ul",
];

/// Whether a `<div>` is a paragraph in all but name (DocBook's `div.para`, pages written in
/// `<div>`s): it holds text and no block. Readability scoring turns such divs into `<p>`.
pub fn is_text_div(node: &NodeRef) -> bool {
    node.node_name().as_deref() == Some("div")
        && !node.element_children().iter().any(|c| {
            c.node_name()
                .is_some_and(|n| BLOCKS.contains(&n.as_ref()) || n.as_ref() == "table")
        })
}

/// Whether the box a heading sits in (its parent, or the nearest ancestor with more in it than
/// the heading) holds prose that is not mostly links. Section headings sit among the
/// paragraphs they head; a "Related stories" heading sits in a box of links.
fn box_has_prose(heading: &NodeRef) -> bool {
    let mut boxed = *heading;
    while let Some(parent) = boxed.parent() {
        boxed = parent;
        if parent.element_children().len() > 1 {
            break;
        }
    }
    boxed.descendants_it().any(|d| {
        let prose = d
            .node_name()
            .is_some_and(|name| PROSE.contains(&name.as_ref()));
        // A `<div>` of text is prose when it is as long as a paragraph: boxes of teasers
        // and widgets are written in short ones.
        let text_div = !prose && is_text_div(&d);
        (prose || text_div)
            && !is_skipped(&d)
            && !inline_text(&d).is_empty()
            && (!text_div || inline_text(&d).chars().count() >= TEXT_DIV_CHARS)
            && (link_share(&d) < LINK_HEAVY || is_cross_reference(&d))
    })
}

/// Whether a prose element is one sentence leading to its only link ("For more, see the
/// Kernel Handbook."): mostly link text, yet prose, as a section's closing pointer is.
fn is_cross_reference(node: &NodeRef) -> bool {
    let mut links = node
        .descendants_it()
        .filter(|d| d.node_name().is_some_and(|n| n.as_ref() == "a"));
    let (Some(link), None) = (links.next(), links.next()) else {
        return false;
    };
    let text = inline_text(node);
    let link_text = inline_text(&link);
    !link_text.is_empty()
        && text
            .find(&link_text)
            .is_some_and(|start| extent::points_to_one_place(&text, start))
}

/// Whether an `<a>` leads away from the page (a link within the page is a permalink or a
/// table of contents entry, which article text has too).
fn is_outward_link(node: &NodeRef) -> bool {
    node.attr("href")
        .is_some_and(|href| !href.trim_start().starts_with('#'))
}

/// Whether an element is furniture or hidden, so neither it nor its content is read.
pub fn is_skipped(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    if name.as_ref() == "aside" {
        return !is_prose_aside(node);
    }
    if SKIPPED.contains(&name.as_ref()) {
        return true;
    }
    if name.as_ref() == "form" && !has_descendant(node, "p") {
        // Some sites wrap the whole page in one form; a form without paragraphs is a form.
        return true;
    }
    if name.as_ref() == "header" && (has_descendant(node, "nav") || !has_heading(node)) {
        // A page's header holds the logo and menus; an article's header holds its headline.
        return true;
    }
    if node.has_attr("hidden") || node.attr("aria-hidden").as_deref() == Some("true") {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        let style = style.to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// An `<aside>` is a sidebar of the page, unless it sits inside a section of the article and
/// holds a paragraph of prose that links nowhere much (a manual's abstract or topic box; a
/// news page's asides are boxes of links and pull quotes).
fn is_prose_aside(node: &NodeRef) -> bool {
    let in_section = node
        .ancestors_it(None)
        .any(|a| matches!(a.node_name().as_deref(), Some("section" | "article")));
    in_section
        && node.descendants_it().any(|d| {
            d.node_name().as_deref() == Some("p")
                && inline_text(&d).chars().count() >= PROSE_ASIDE_CHARS
                && link_share(&d) < LINK_HEAVY
        })
}

/// Whether the first visible text inside `node` lies in an element (`node` itself included)
/// whose tag name passes `tag`: what a box opens with (a heading, a code listing).
pub fn opens_with(node: &NodeRef, tag: impl Fn(&str) -> bool) -> bool {
    node.descendants_it()
        .find(|d| d.is_text() && !d.text().trim().is_empty())
        .is_some_and(|text| {
            text.ancestors_it(None)
                .take_while(|a| a.id != node.id)
                .chain(std::iter::once(*node))
                .any(|a| a.node_name().is_some_and(|n| tag(&n)))
        })
}

/// Whether a `<figure>` shows a picture, a video or a player: its text is a caption and a
/// credit. A figure of code, a table or a quotation is the article's.
fn is_picture_figure(node: &NodeRef) -> bool {
    node.node_name().as_deref() == Some("figure")
        && node.descendants_it().any(|d| {
            matches!(
                d.node_name().as_deref(),
                Some("img" | "picture" | "video" | "iframe" | "svg" | "audio")
            )
        })
        && !node
            .descendants_it()
            .any(|d| matches!(d.node_name().as_deref(), Some("pre" | "table" | "code")))
}

fn has_heading(node: &NodeRef) -> bool {
    node.descendants_it()
        .any(|d| d.node_name().is_some_and(|n| heading_level(&n).is_some()))
}

fn has_descendant(node: &NodeRef, name: &str) -> bool {
    node.descendants_it()
        .any(|d| d.node_name().as_deref() == Some(name))
}

/// Heading level of an `h1`–`h6` tag name.
pub fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// A heading's text without the permalink mark documentation generators add ("Usage#",
/// "Usage¶").
pub fn heading_text(node: &NodeRef) -> String {
    let text = inline_text(node);
    text.trim_end_matches(['#', '¶', '§', '🔗'])
        .trim_end()
        .to_string()
}

/// Inline text of an element, white space collapsed, furniture skipped.
pub fn inline_text(node: &NodeRef) -> String {
    let mut out = String::new();
    collect_text(node, &mut out, &mut None, 0);
    collapse(&out)
}

/// Inline text of an element with the styles of its inline markup (a table cell's `<b>`,
/// `<code>`, `<a href>`), white space collapsed, furniture skipped.
fn spanned_text(node: &NodeRef) -> (String, Vec<RawSpan>) {
    let mut out = String::new();
    let mut spans = Vec::new();
    collect_text(node, &mut out, &mut Some(&mut spans), 0);
    inline::collapse(&out, spans)
}

/// Appends the text under `node` to `out`, and (when `spans` is given) the styles its inline
/// elements mark.
fn collect_text(
    node: &NodeRef,
    out: &mut String,
    spans: &mut Option<&mut Vec<RawSpan>>,
    depth: usize,
) {
    if depth >= MAX_DEPTH {
        // Past this depth the text is taken whole (dom_query walks it without recursion).
        out.push_str(&node.text());
        return;
    }
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_str(&child.text());
        } else if child.is_element() && !is_skipped(&child) {
            let name = child.node_name();
            if name.as_deref() == Some("br") {
                out.push(' ');
                continue;
            }
            let start = out.len();
            collect_text(&child, out, spans, depth + 1);
            let style = match name.as_deref() {
                Some("a") if is_outward_link(&child) => Some((Style::Link, child.attr("href"))),
                Some(name) => Style::of_html_tag(name).map(|style| (style, None)),
                None => None,
            };
            if let (Some(spans), Some((style, target))) = (spans.as_mut(), style)
                && start < out.len()
            {
                spans.push(RawSpan {
                    style,
                    bytes: start..out.len(),
                    target: target.map(|t| t.trim().to_string()),
                });
            }
        }
    }
}

/// White space runs become one space; the result is trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Walker {
    /// Whether a whole page is read, so furniture rules apply.
    page: bool,
    /// Elements entered below the root.
    depth: usize,
    /// How many enclosing elements are named like furniture (see [`furniture::is_furniture_box`]).
    furniture_boxes: usize,
    /// How many of those hold a small part of the region's text, so all they hold is furniture.
    small_boxes: usize,
    /// Characters of the region's text.
    region_chars: usize,
    out: Walked,
    /// Characters of `line` (white space aside) inside outward links.
    line_links: usize,
    /// How many outward links enclose the text being read.
    links: usize,
    /// Inline text of the paragraph or list item under way; `\n` marks a `<br>`.
    line: String,
    /// Inline styles over `line` (`<strong>`, `<a href>`, …).
    line_spans: Vec<RawSpan>,
    /// Kind of the block under way when it is a list item (its marker is already in `line`).
    item: Option<BlockKind>,
    lists: ListStack,
    quotes: usize,
    /// Level of the last heading element read as a heading.
    tag_level: Option<u8>,
}

impl Walker {
    fn children(&mut self, node: &NodeRef) {
        if self.depth >= MAX_DEPTH {
            // A hostile page nests elements thousands deep; recursing further would exhaust
            // the stack, so the rest is read as plain text.
            self.line.push(' ');
            self.line.push_str(&node.text());
            return;
        }
        self.depth += 1;
        self.read_children(node);
        self.depth -= 1;
    }

    fn read_children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            if child.is_text() {
                let text = child.text();
                // Source line breaks are spaces; only `<br>` breaks a line.
                for (i, piece) in text.split(['\n', '\r']).enumerate() {
                    if i > 0 {
                        self.line.push(' ');
                    }
                    self.line.push_str(piece);
                }
                if self.links > 0 {
                    self.line_links += text.chars().filter(|c| !c.is_whitespace()).count();
                }
            } else if child.is_element() && !is_skipped(&child) {
                self.element(&child);
            }
        }
    }

    fn element(&mut self, node: &NodeRef) {
        let boxed = self.page && furniture::is_furniture_box(node);
        let small = self.page && self.holds_only_furniture(node);
        self.furniture_boxes += usize::from(boxed);
        self.small_boxes += usize::from(small);
        self.element_content(node);
        self.furniture_boxes -= usize::from(boxed);
        self.small_boxes -= usize::from(small);
    }

    /// Whether all an element holds is furniture: a picture's figure with its caption and
    /// credit, or a small box named as furniture (see [`furniture::is_furniture_content_box`]).
    /// A box holding a quotation (an embedded post) or a quarter of the region's text is the
    /// article's.
    fn holds_only_furniture(&self, node: &NodeRef) -> bool {
        let named = furniture::is_furniture_content_box(node) || is_picture_figure(node);
        named
            && !has_descendant(node, "blockquote")
            && !node
                .descendants_it()
                .any(|d| d.node_name().as_deref().and_then(heading_level).is_some())
            && inline_text(node).chars().count() * 100 < self.region_chars * SMALL_BOX_PERCENT
    }

    fn element_content(&mut self, node: &NodeRef) {
        let Some(name) = node.node_name() else {
            return;
        };
        let name = name.as_ref();
        if let Some(level) = heading_level(name) {
            return self.heading(node, level);
        }
        if name == "p" && self.quotes == 0 && subheads::is_subhead(node) {
            return self.subhead(node);
        }
        match name {
            "br" => self.line.push('\n'),
            "hr" => {
                self.flush();
                self.push(RawBlock::new(BlockKind::Rule, ""), 0.0);
            }
            "pre" | "listing" | "xmp" | "plaintext" => {
                self.flush();
                let mut block = RawBlock::new(BlockKind::Code, node.text());
                block.lang = code_language(node);
                self.push(block, 0.0);
            }
            "blockquote" => {
                // What came before the quote is not part of it.
                self.flush();
                self.quotes += 1;
                self.apart(node);
                self.quotes -= 1;
            }
            "ul" | "ol" | "dir" => self.list(node, name == "ol"),
            "li" => self.list_item(node),
            "a" if is_outward_link(node) => {
                self.links += 1;
                let target = node.attr("href").map(|h| h.trim().to_string());
                self.styled(node, Style::Link, target);
                self.links -= 1;
            }
            "table" if is_data_table(node) => {
                self.flush();
                let (text, spans) = table_text(node);
                let block = RawBlock {
                    spans,
                    ..RawBlock::new(BlockKind::Table, text)
                };
                self.push(block, 0.0);
            }
            "figcaption" => self.apart(node),
            // Inside a list item, block children continue the item instead of ending it.
            _ if (BREAKING.contains(&name) || name == "table") && self.item.is_some() => {
                self.line.push(' ');
                self.children(node);
                self.line.push(' ');
            }
            _ if BREAKING.contains(&name) || name == "table" => self.apart(node),
            _ => match Style::of_html_tag(name) {
                Some(style) => self.styled(node, style, None),
                None => self.children(node),
            },
        }
    }

    /// Reads a node's children as blocks of their own, apart from the text around them.
    fn apart(&mut self, node: &NodeRef) {
        self.flush();
        self.children(node);
        self.flush();
    }

    /// Reads a heading tag: a section's heading, or a quote's line or furniture where it
    /// stands in one.
    fn heading(&mut self, node: &NodeRef, level: u8) {
        self.flush();
        let kind = if self.quotes > 0 {
            BlockKind::Quote
        } else if self.page && (self.furniture_boxes > 0 || !box_has_prose(node)) {
            BlockKind::Chrome
        } else {
            self.tag_level = Some(level);
            BlockKind::Heading { level }
        };
        self.push(RawBlock::new(kind, heading_text(node)), link_share(node));
    }

    /// Reads a paragraph that an editor set as a subhead (see [`subheads::is_subhead`]).
    fn subhead(&mut self, node: &NodeRef) {
        self.flush();
        let kind = if self.furniture_boxes > 0 {
            BlockKind::Chrome
        } else {
            // One level under the heading tag above it: the editor's subheads divide the
            // section they sit in.
            BlockKind::Heading {
                level: self.tag_level.map_or(2, |l| (l + 1).min(6)),
            }
        };
        self.push(RawBlock::new(kind, inline_text(node)), link_share(node));
    }

    /// Reads a list; an ordered one numbers its items from its `start` attribute.
    fn list(&mut self, node: &NodeRef, ordered: bool) {
        self.flush();
        let first = ordered.then(|| {
            node.attr("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1)
        });
        self.lists.push(first);
        self.children(node);
        self.flush();
        self.lists.pop();
    }

    /// Reads an inline element whose content has `style`.
    fn styled(&mut self, node: &NodeRef, style: Style, target: Option<String>) {
        let start = self.line.len();
        self.children(node);
        if start < self.line.len() {
            self.line_spans.push(RawSpan {
                style,
                bytes: start..self.line.len(),
                target,
            });
        }
    }

    fn list_item(&mut self, node: &NodeRef) {
        self.flush();
        let (kind, marker) = self.lists.next_item(self.quotes > 0);
        self.line = marker;
        self.item = Some(kind);
        self.children(node);
        self.flush();
    }

    fn push(&mut self, mut block: RawBlock, link_share: f32) {
        if self.small_boxes > 0 {
            block.kind = BlockKind::Chrome;
        }
        self.out.blocks.push(block);
        self.out.link_share.push(link_share);
    }

    /// Ends the paragraph or list item under way; runs of `<br>` split it into paragraphs.
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let spans = std::mem::take(&mut self.line_spans);
        let links = share(std::mem::take(&mut self.line_links), &line);
        let kind = match self.item.take() {
            Some(kind) => kind,
            None if self.quotes > 0 => BlockKind::Quote,
            None => BlockKind::Paragraph,
        };
        if line.trim().is_empty() {
            return;
        }
        let mut pieces = split_at_double_breaks(&line).into_iter();
        if let Some(first) = pieces.next() {
            let block = spanned_block(kind, &line, first, &spans);
            let marker_only = matches!(kind, BlockKind::ListItem { .. })
                && block
                    .text
                    .trim_end_matches(['.', '•'])
                    .chars()
                    .all(|c| c.is_ascii_digit());
            if !marker_only {
                self.push(block, links);
            }
        }
        let rest_kind = if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        for piece in pieces {
            self.push(spanned_block(rest_kind, &line, piece, &spans), links);
        }
    }
}

/// The language a `<pre>` names in its class, or in the class of the `<code>` inside it.
fn code_language(pre: &NodeRef) -> Option<String> {
    let inner = pre
        .first_element_child()
        .filter(|c| c.node_name().as_deref() == Some("code"));
    [Some(*pre), inner]
        .into_iter()
        .flatten()
        .find_map(|n| language::from_class(&n.attr("class")?))
}

/// A block of `piece` (a part of `line`) with white space collapsed and the spans of `line`
/// that fall in it.
fn spanned_block(kind: BlockKind, line: &str, piece: &str, spans: &[RawSpan]) -> RawBlock {
    let from = piece.as_ptr() as usize - line.as_ptr() as usize;
    let to = from + piece.len();
    let inside: Vec<RawSpan> = spans
        .iter()
        .filter(|s| s.bytes.start < to && s.bytes.end > from)
        .map(|s| RawSpan {
            style: s.style,
            bytes: s.bytes.start.max(from) - from..s.bytes.end.min(to) - from,
            target: s.target.clone(),
        })
        .collect();
    let (text, spans) = inline::collapse(piece, inside);
    RawBlock {
        spans,
        ..RawBlock::new(kind, text)
    }
}

/// Splits inline text where two or more `<br>` follow each other (with only spaces between).
fn split_at_double_breaks(line: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            let mut breaks = 1;
            while j < bytes.len() && (bytes[j] == b'\n' || bytes[j] == b' ') {
                breaks += usize::from(bytes[j] == b'\n');
                j += 1;
            }
            if breaks >= 2 {
                pieces.push(&line[start..i]);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    pieces.push(&line[start..]);
    pieces
}

/// A table of data, as opposed to a table used to lay out a page: no nested tables and no
/// paragraphs, headings or lists in its cells.
fn is_data_table(table: &NodeRef) -> bool {
    !table.descendants_it().any(|d| {
        matches!(
            d.node_name().as_deref(),
            Some(
                "table"
                    | "p"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "ul"
                    | "ol"
                    | "pre"
                    | "blockquote"
            )
        )
    })
}

/// One row a line, cells joined by " │ ", empty rows left out, with the styles of the
/// cells' inline markup.
fn table_text(table: &NodeRef) -> (String, Vec<RawSpan>) {
    let mut text = table
        .children_it(false)
        .find(|c| c.node_name().as_deref() == Some("caption"))
        .map(|c| inline_text(&c))
        .unwrap_or_default();
    let mut spans = Vec::new();
    for row in table.descendants_it() {
        if row.node_name().as_deref() != Some("tr") {
            continue;
        }
        let cells: Vec<(String, Vec<RawSpan>)> = row
            .children_it(false)
            .filter(|c| matches!(c.node_name().as_deref(), Some("td" | "th")))
            .filter(|c| !is_skipped(c))
            .map(|c| spanned_text(&c))
            .collect();
        if cells.iter().all(|c| c.0.is_empty()) {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        for (i, (cell, cell_spans)) in cells.into_iter().enumerate() {
            if i > 0 {
                text.push_str(CELL_SEPARATOR);
            }
            spans.extend(inline::shifted(cell_spans, text.len()));
            text.push_str(&cell);
        }
    }
    (text, spans)
}
