//! Turns a saved HTML page into the text a browser's "Save Page As… Text Files" writes, so the
//! plain-text parser can be scored on real pages.
//!
//! What it imitates (Firefox's plain-text serializer with wrapping on, as of 2026):
//! - the whole `<body>`: navigation, header, sidebars and footer are kept, only what never shows
//!   as text is left out (`script`, `style`, `noscript`, `template`, `svg`, `iframe`, form
//!   controls, and elements marked `hidden` or inline `display:none`);
//! - every block element (paragraph, heading, list, table, `div`, section ...) starts a new
//!   block, and blocks are separated by one blank line; `<br>` breaks the line;
//! - inline white space collapses to single spaces; headings come out as plain standalone lines
//!   with no markup;
//! - paragraphs are hard-wrapped at 72 columns (Firefox's default wrap column);
//! - list items are written as "  • item" (ordered ones as "  1. item"), nested lists two
//!   columns deeper, continuation lines hanging under the item's text;
//! - a table whose cells hold only inline content is written one row per line, cells separated
//!   by a tab (which loading expands), all rows of a table in one block; layout tables with
//!   blocks inside are walked as blocks;
//! - `<pre>` is copied as it is, without wrapping.

use dom_query::{Document, NodeRef};

/// The wrap column of the dump.
pub const WIDTH: usize = 72;

/// The page as a browser would save it as text.
pub fn to_text(html: &str) -> String {
    let doc = Document::from(html);
    let body = doc.select("body");
    let mut dump = Dump::default();
    match body.nodes().first() {
        Some(node) => dump.walk_children(node),
        None => dump.walk_children(&doc.root()),
    }
    dump.flush();
    dump.out.join("\n\n")
}

#[derive(Default)]
struct Dump {
    /// Finished blocks, each already wrapped.
    out: Vec<String>,
    /// Inline text of the block being gathered; `\n` where a `<br>` was.
    line: String,
    /// Open lists: `None` for bulleted, `Some(next number)` for ordered.
    lists: Vec<Option<usize>>,
    /// Marker waiting for the first text of the current list item.
    pending_marker: Option<String>,
    /// Rows of the data table being written.
    rows: Vec<String>,
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
    "textarea", "input", "button", "head", "title", "meta", "link",
];

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
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
    "hr",
    "main",
    "nav",
    "p",
    "section",
    "summary",
    "center",
    "caption",
    "td",
    "th",
    "tr",
    "table",
];

impl Dump {
    fn walk_children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.walk(&child);
        }
    }

    fn walk(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.push_text(&node.text());
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || is_hidden(node) {
            return;
        }
        match name.as_str() {
            "br" => self.line.push('\n'),
            "pre" => {
                self.flush();
                let text = node.text().trim_matches('\n').to_string();
                if !text.trim().is_empty() {
                    self.out.push(text);
                }
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                self.lists.push((name == "ol").then_some(1));
                self.walk_children(node);
                self.flush();
                self.lists.pop();
            }
            "li" => {
                self.flush();
                let depth = self.lists.len().max(1);
                let label = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                };
                self.pending_marker = Some(format!("{}{label} ", "  ".repeat(depth)));
                self.walk_children(node);
                self.flush();
            }
            "tr" if is_data_row(node) => {
                // Rows of one table follow each other without blank lines.
                let cells: Vec<String> = node
                    .element_children()
                    .iter()
                    .map(|c| collapse(&c.text()))
                    .collect();
                let row = cells.join("\t");
                if !row.trim().is_empty() {
                    self.rows.push(row);
                }
            }
            _ if BLOCKS.contains(&name.as_str()) => {
                self.flush();
                self.walk_children(node);
                self.flush();
            }
            _ => self.walk_children(node),
        }
    }

    fn push_text(&mut self, text: &str) {
        let mut pending_space = text.starts_with(char::is_whitespace);
        for word in text.split_whitespace() {
            if pending_space && !self.line.is_empty() && !self.line.ends_with(['\n', ' ']) {
                self.line.push(' ');
            }
            self.line.push_str(word);
            pending_space = true;
        }
        if text.ends_with(char::is_whitespace) && !self.line.is_empty() && !text.trim().is_empty() {
            self.line.push(' ');
        }
    }

    /// Ends the block being gathered: wraps it, with the list marker if it is a list item.
    fn flush(&mut self) {
        if !self.rows.is_empty() {
            let rows = std::mem::take(&mut self.rows);
            self.out.push(rows.join("\n"));
        }
        let line = std::mem::take(&mut self.line);
        let lines: Vec<&str> = line
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            return;
        }
        let marker = self.pending_marker.take();
        let mut wrapped = Vec::new();
        for (i, text) in lines.iter().enumerate() {
            let first = match (&marker, i) {
                (Some(m), 0) => m.clone(),
                (Some(m), _) => " ".repeat(m.chars().count()),
                (None, _) => String::new(),
            };
            let hang = " ".repeat(first.chars().count());
            let options = textwrap::Options::new(WIDTH)
                .initial_indent(&first)
                .subsequent_indent(&hang);
            wrapped.push(textwrap::fill(text, options));
        }
        self.out.push(wrapped.join("\n"));
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// A table row whose cells hold only inline content.
fn is_data_row(row: &NodeRef) -> bool {
    row.element_children().iter().all(|cell| {
        cell.descendants_it().all(|d| {
            let name = d
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            !d.is_element()
                || !(BLOCKS.contains(&name.as_str())
                    || matches!(name.as_str(), "ul" | "ol" | "li" | "pre" | "br"))
        })
    })
}
