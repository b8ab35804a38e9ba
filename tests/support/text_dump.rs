//! Turns a saved HTML page into the text a person gets by saving the page as text in a browser,
//! so the plain-text parser can be scored on real pages.
//!
//! **Which text** is written: what the page shows a reader, i.e. what a browser's "select all,
//! copy" takes (Firefox's encoder with `SkipInvisibleContent`, Chrome's `innerText`). The whole
//! `<body>` is kept, navigation, header, sidebars and footer included; left out is only what is
//! not rendered:
//! - `script`, `style`, `template`, `noscript` (scripting is on), `iframe` (another document),
//!   `svg`, `canvas`, `object`, `video` and `audio` fallback content, form controls' values
//!   (`select`, `textarea`, `input`);
//! - elements marked `hidden`, or `display:none` / `visibility:hidden` in their `style`
//!   attribute (rules of the page's style sheets are not evaluated: what they hide stays in);
//! - a `<dialog>` that is not `open`, and the body of a closed `<details>` (its `<summary>` shows);
//! - image alt text: the picture is shown, not its alt text (Chrome's copy leaves it out; Firefox's
//!   serializer would write it inline).
//!
//! Kept because the page shows it: button labels, figure captions, text marked `aria-hidden`
//! (that attribute hides text from screen readers, not from the screen), visually hidden
//! "screen reader" text (clipped, but laid out).
//!
//! **Layout** is Firefox's "Save Page As… Text Files" (its plain-text serializer, formatted, as of
//! 2026):
//! - paragraphs, headings, lists, tables, `pre`, quotes and other block elements (`section`,
//!   `figure`, `header` …) end with a blank line; a `div`, a list item, a table row or a `<br>`
//!   only ends the line, so `<br><br>` leaves a blank line and sibling `div`s are consecutive lines;
//! - inline white space collapses to single spaces;
//! - text is wrapped at 80 columns, a line being broken only when it would pass 84 (the
//!   serializer's grace of four columns), CJK characters counting two columns and breakable
//!   between any two;
//! - list items are written as "  • item" (ordered ones as "  1. item"), nested lists two
//!   columns deeper, continuation lines hanging under the item's text;
//! - a table whose cells hold only inline content is written one row per line, cells separated
//!   by a tab (which loading expands); layout tables with blocks inside are walked as blocks;
//! - `<pre>` is copied as it is, without wrapping.
//!
//! Firefox also marks the HTML structure in its output; none of that is imitated, so that the
//! evaluation measures inference from wording and layout that copy-and-paste dumps share:
//! headings are written like paragraphs (Firefox puts two blank lines above them and indents them
//! by two columns per level), bold and italic text carry no `*`/`/` marks, links no ` <url>`
//! after them, quotes no indentation, rules no line of dashes, and bullets are "•" (Firefox
//! writes `*`, `o`, `+` by depth).

use dom_query::{Document, NodeRef};
use unicode_width::UnicodeWidthStr;

/// The wrap column of the dump.
pub const WIDTH: usize = 80;
/// How far past [`WIDTH`] a line may run before it is broken.
const GRACE: usize = 4;

/// The page as a browser would save it as text.
pub fn to_text(html: &str) -> String {
    let doc = Document::from(html);
    let body = doc.select("body");
    let mut dump = Dump::default();
    match body.nodes().first() {
        Some(node) => dump.walk_children(node),
        None => dump.walk_children(&doc.root()),
    }
    dump.space(0);
    dump.out.trim_end().to_string()
}

#[derive(Default)]
struct Dump {
    /// The text written so far, each line ended by `\n`.
    out: String,
    /// Blank lines owed before the next line is written.
    blank: usize,
    /// Inline text of the block being gathered; `\n` where a `<br>` was.
    line: String,
    /// Open lists: `None` for bulleted, `Some(next number)` for ordered.
    lists: Vec<Option<usize>>,
    /// Marker waiting for the first text of the current list item.
    pending_marker: Option<String>,
    /// Rows of the data table being written.
    rows: Vec<String>,
}

/// Elements whose content is not rendered as text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "video",
    "audio", "select", "textarea", "input", "head", "title", "meta", "link",
];

/// Block elements that end with a blank line (everything block-level but `div`, list items and
/// table rows and cells, which have their own rules).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "dl",
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
    "hgroup",
    "main",
    "nav",
    "p",
    "section",
    "summary",
    "center",
    "caption",
    "table",
    "legend",
];

/// Block elements that only end the line.
const LINE_BLOCKS: &[&str] = &["div", "dt", "dd", "hr", "td", "th", "tr", "tbody", "thead"];

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
        let name = element_name(node);
        if SKIPPED.contains(&name.as_str()) || !is_rendered(node, &name) {
            return;
        }
        match name.as_str() {
            "br" => self.line.push('\n'),
            "pre" => {
                self.space(1);
                let text = node.text().trim_matches('\n').to_string();
                if !text.trim().is_empty() {
                    self.write_lines(text.lines().map(str::to_string));
                }
                self.space(1);
            }
            "ul" | "ol" | "menu" => {
                self.space(usize::from(self.lists.is_empty()));
                self.lists.push((name == "ol").then_some(1));
                self.walk_children(node);
                self.lists.pop();
                self.space(usize::from(self.lists.is_empty()));
            }
            "li" => {
                self.space(0);
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
                self.space(0);
                self.pending_marker = None;
            }
            "tr" if is_data_row(node) => {
                // Rows of one table follow each other on consecutive lines.
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
                // Paragraphs, headings, quotes and definition lists also start after a blank
                // line; other blocks only on a new line.
                let opens_apart = matches!(
                    name.as_str(),
                    "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "dl"
                );
                self.space(usize::from(opens_apart));
                self.walk_children(node);
                self.space(1);
            }
            _ if LINE_BLOCKS.contains(&name.as_str()) => {
                self.space(0);
                self.walk_children(node);
                self.space(0);
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

    /// Ends the line under way (wrapping it, with the list marker if it opens a list item) and
    /// asks for at least `blank` blank lines before whatever comes next.
    fn space(&mut self, blank: usize) {
        if !self.rows.is_empty() {
            let rows = std::mem::take(&mut self.rows);
            self.write_lines(rows);
        }
        let line = std::mem::take(&mut self.line);
        let segments: Vec<&str> = line.split('\n').map(str::trim).collect();
        let first = segments.iter().position(|s| !s.is_empty());
        let last = segments.iter().rposition(|s| !s.is_empty());
        if let (Some(first), Some(last)) = (first, last) {
            // `<br>`s before the text or after it add to the blank lines around it.
            self.blank = self.blank.max(first);
            let mut wrapped = Vec::new();
            for segment in &segments[first..=last] {
                if segment.is_empty() {
                    wrapped.push(String::new());
                    continue;
                }
                let (head, hang) = match self.pending_marker.take() {
                    Some(marker) => {
                        let hang = " ".repeat(marker.chars().count());
                        (marker, hang)
                    }
                    None => {
                        let indent = self.hang_indent();
                        (indent.clone(), indent)
                    }
                };
                wrapped.extend(wrap(segment, &head, &hang));
            }
            self.write_lines(wrapped);
            // One `<br>` after the text ends its line; each further one leaves a blank line.
            self.blank = self
                .blank
                .max((segments.len() - 1 - last).saturating_sub(1));
        }
        self.blank = self.blank.max(blank);
    }

    /// Indentation of lines inside a list item after its first line.
    fn hang_indent(&self) -> String {
        if self.lists.is_empty() {
            String::new()
        } else {
            " ".repeat(2 * self.lists.len() + 2)
        }
    }

    /// Writes lines after the blank lines owed (none at the top of the dump); an empty line
    /// stands for a blank one.
    fn write_lines(&mut self, lines: impl IntoIterator<Item = String>) {
        for line in lines {
            if line.trim().is_empty() {
                self.blank += 1;
                continue;
            }
            if !self.out.is_empty() {
                for _ in 0..self.blank {
                    self.out.push('\n');
                }
            }
            self.blank = 0;
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }
}

fn element_name(node: &NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Breaks one line of text as the serializer does: not before it would pass `WIDTH + GRACE`,
/// then at the last break opportunity (a space, or between CJK characters) within `WIDTH`.
fn wrap(text: &str, first: &str, hang: &str) -> Vec<String> {
    // Units the line may break between, each with whether a space precedes it.
    let mut units: Vec<(bool, String)> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut spaced = true;
        let mut run = String::new();
        for c in word.chars() {
            if is_wide(c) {
                if !run.is_empty() {
                    units.push((spaced, std::mem::take(&mut run)));
                    spaced = false;
                }
                units.push((spaced, c.to_string()));
                spaced = false;
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            units.push((spaced, run));
        }
    }
    let width = |units: &[(bool, String)]| -> usize {
        units
            .iter()
            .enumerate()
            .map(|(i, (spaced, u))| u.width() + usize::from(*spaced && i > 0))
            .sum()
    };
    let mut lines = Vec::new();
    let mut rest: &[(bool, String)] = &units;
    let mut prefix = first;
    while !rest.is_empty() {
        let room = prefix.width();
        let take = if room + width(rest) <= WIDTH + GRACE {
            rest.len()
        } else {
            (1..=rest.len())
                .take_while(|n| room + width(&rest[..*n]) <= WIDTH)
                .last()
                .unwrap_or(1)
        };
        let mut line = prefix.to_string();
        for (i, (spaced, unit)) in rest[..take].iter().enumerate() {
            if *spaced && i > 0 {
                line.push(' ');
            }
            line.push_str(unit);
        }
        lines.push(line);
        rest = &rest[take..];
        prefix = hang;
    }
    lines
}

/// Characters a line may break around without a space (CJK), which count two columns.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFF00..=0xFF60 | 0x20000..=0x3FFFF)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the page shows the element: not hidden by attribute or inline style, not a closed
/// dialog, not the body of a closed `<details>`.
fn is_rendered(node: &NodeRef, name: &str) -> bool {
    let hidden = node.has_attr("hidden")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        });
    let closed_dialog = name == "dialog" && !node.has_attr("open");
    let closed_details = node
        .parent()
        .is_some_and(|p| element_name(&p) == "details" && !p.has_attr("open") && name != "summary");
    !hidden && !closed_dialog && !closed_details
}

/// A table row whose cells hold only inline content.
fn is_data_row(row: &NodeRef) -> bool {
    row.element_children().iter().all(|cell| {
        cell.descendants_it().all(|d| {
            let name = element_name(&d);
            !d.is_element()
                || !(BLOCKS.contains(&name.as_str())
                    || LINE_BLOCKS.contains(&name.as_str())
                    || matches!(name.as_str(), "ul" | "ol" | "li" | "pre" | "br"))
        })
    })
}
