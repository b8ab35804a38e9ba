//! Markdown (CommonMark with GFM tables, task lists, footnotes, strikethrough) to blocks.
//!
//! Inline markup becomes spans over the text it marks (emphasis, strong, strikethrough, code,
//! links with their targets; `<b>`, `<sup>` and the like written inline); the markup
//! characters themselves are dropped. Image alt text is kept as text. Raw HTML blocks are read
//! by the HTML module, so their tags never show as text.

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};

use super::inline::{self, Marks, RawSpan, Style};
use super::language;
use super::lists::{BULLET, ListStack};
use super::{Align, Alignments, BlockKind, Parsed, RawBlock, html};

const TASK_OPEN: &str = "☐ ";
const TASK_DONE: &str = "☑ ";
/// Separator between the cells of a table row.
const CELL_SEPARATOR: &str = " │ ";

pub fn parse(text: &str) -> Parsed {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut walker = Walker::default();
    for event in Parser::new_ext(text, options) {
        walker.event(event);
    }
    walker.flush();
    Parsed {
        title_hint: walker.title_hint,
        blocks: walker.blocks,
    }
}

/// A table being read: the rows so far (one a line) and the cell under way.
#[derive(Default)]
struct Table {
    text: String,
    spans: Vec<RawSpan>,
    /// Rows finished.
    rows: usize,
    /// Cells of the row under way.
    cells: usize,
    cell: String,
    cell_spans: Vec<RawSpan>,
    /// The columns' alignments from the delimiter row.
    align: Vec<Align>,
}

impl Table {
    /// The cell under way, its white space collapsed, joins the row.
    fn end_cell(&mut self) {
        let (cell, spans) = inline::collapse(&self.cell, std::mem::take(&mut self.cell_spans));
        self.cell.clear();
        if self.cells > 0 {
            self.text.push_str(CELL_SEPARATOR);
        } else if self.rows > 0 {
            self.text.push('\n');
        }
        self.spans.extend(inline::shifted(spans, self.text.len()));
        self.text.push_str(&cell);
        self.cells += 1;
    }

    fn end_row(&mut self) {
        self.rows += 1;
        self.cells = 0;
    }
}

/// Turns the event stream into blocks, one open block at a time.
#[derive(Default)]
struct Walker {
    blocks: Vec<RawBlock>,
    /// The block whose text is being collected.
    open: Option<RawBlock>,
    /// Length of the open list item's marker, so a task marker can replace a bullet.
    marker_len: usize,
    lists: ListStack,
    quotes: usize,
    table: Option<Table>,
    /// "[label] " waiting for the first paragraph of a footnote definition.
    footnote: Option<String>,
    /// Inline styles opened and not yet closed.
    marks: Marks,
    /// Front matter or raw HTML being collected; neither is shown as it is.
    verbatim: Option<String>,
    title_hint: Option<String>,
}

impl Walker {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text)
            }
            Event::Code(text) => {
                self.open_style(Style::Code, None);
                self.text(&text);
                self.close_style(Style::Code);
            }
            Event::Html(raw) => match &mut self.verbatim {
                Some(collected) => collected.push_str(&raw),
                None => self.blocks.extend(html::fragment_blocks(&raw)),
            },
            // Inline tags are dropped (the text between them arrives as text events); a line
            // break still separates words, and a styling tag marks its text.
            Event::InlineHtml(tag) => self.inline_html(&tag),
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => {
                self.flush();
                self.blocks.push(RawBlock::new(BlockKind::Rule, ""));
            }
            Event::TaskListMarker(done) => self.task_marker(done),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                let continues_item = self.open.as_ref().is_some_and(|b| {
                    matches!(b.kind, BlockKind::ListItem { .. } | BlockKind::Quote)
                        && b.text.len() == self.marker_len
                        && self.marker_len > 0
                });
                if !continues_item {
                    let prefix = self.footnote.take().unwrap_or_default();
                    self.open_block(self.prose_kind(), prefix);
                }
            }
            Tag::Heading { level, .. } => {
                let kind = if self.quotes > 0 {
                    BlockKind::Quote
                } else {
                    BlockKind::Heading {
                        level: heading_level(level),
                    }
                };
                self.open_block(kind, String::new());
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes += 1;
            }
            Tag::CodeBlock(kind) => {
                self.open_block(BlockKind::Code, String::new());
                if let (CodeBlockKind::Fenced(info), Some(open)) = (kind, &mut self.open) {
                    open.lang = language::from_info(&info);
                }
            }
            Tag::HtmlBlock | Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => {
                self.flush();
                self.verbatim = Some(String::new());
            }
            Tag::MetadataBlock(MetadataBlockKind::PlusesStyle) => {}
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => self.open_item(),
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.footnote = Some(format!("[{label}] "));
            }
            Tag::Table(alignments) => {
                self.flush();
                let align = alignments.iter().map(|&a| align(a)).collect();
                self.table = Some(Table {
                    align,
                    ..Table::default()
                });
            }
            Tag::Emphasis => self.open_style(Style::Emphasis, None),
            Tag::Strong => self.open_style(Style::Strong, None),
            Tag::Strikethrough => self.open_style(Style::Strike, None),
            Tag::Superscript => self.open_style(Style::Superscript, None),
            Tag::Subscript => self.open_style(Style::Subscript, None),
            Tag::Link { dest_url, .. } => self.open_style(Style::Link, Some(dest_url.to_string())),
            Tag::TableCell
            | Tag::TableHead
            | Tag::TableRow
            | Tag::Image { .. }
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => {
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::HtmlBlock => {
                let raw = self.verbatim.take().unwrap_or_default();
                self.blocks.extend(html::fragment_blocks(&raw));
            }
            TagEnd::MetadataBlock(_) => {
                let front_matter = self.verbatim.take().unwrap_or_default();
                self.title_hint = front_matter_title(&front_matter);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.footnote = None;
            }
            TagEnd::TableCell => {
                self.marks.clear();
                if let Some(table) = &mut self.table {
                    table.end_cell();
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.end_row();
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let mut block = RawBlock::new(BlockKind::Table, table.text);
                    block.spans = table.spans;
                    block.align = Alignments::new(&table.align);
                    self.blocks.push(block);
                }
            }
            TagEnd::Emphasis => self.close_style(Style::Emphasis),
            TagEnd::Strong => self.close_style(Style::Strong),
            TagEnd::Strikethrough => self.close_style(Style::Strike),
            TagEnd::Superscript => self.close_style(Style::Superscript),
            TagEnd::Subscript => self.close_style(Style::Subscript),
            TagEnd::Link => self.close_style(Style::Link),
            TagEnd::Image
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(collected) = &mut self.verbatim {
            collected.push_str(text);
        } else if let Some((collected, _)) = self.inline_target() {
            collected.push_str(text);
        }
    }

    /// The text and spans inline content goes to: the table cell or the open block. Text
    /// outside any paragraph (a tight list item after its nested list, or a footnote whose
    /// definition is not a paragraph) opens one.
    fn inline_target(&mut self) -> Option<(&mut String, &mut Vec<RawSpan>)> {
        if self.verbatim.is_some() {
            return None;
        }
        if self.table.is_none() && self.open.is_none() {
            let prefix = self.footnote.take().unwrap_or_default();
            self.open_block(self.prose_kind(), prefix);
        }
        match (&mut self.table, &mut self.open) {
            (Some(table), _) => Some((&mut table.cell, &mut table.cell_spans)),
            (None, Some(open)) => Some((&mut open.text, &mut open.spans)),
            (None, None) => None,
        }
    }

    fn open_style(&mut self, style: Style, target: Option<String>) {
        if let Some(at) = self.inline_target().map(|(text, _)| text.len()) {
            self.marks.open(style, at, target);
        }
    }

    fn close_style(&mut self, style: Style) {
        let mut marks = std::mem::take(&mut self.marks);
        if let Some((text, spans)) = self.inline_target() {
            marks.close(style, text.len(), spans);
        }
        self.marks = marks;
    }

    /// An inline HTML tag: `<br>` separates words, `<b>`, `<sup>` and the like mark their text.
    fn inline_html(&mut self, tag: &str) {
        let inner = tag.trim_start_matches('<').trim_end_matches('>');
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name = inner
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if name == "br" {
            self.text(" ");
        } else if let Some(style) = Style::of_html_tag(&name) {
            if closing {
                self.close_style(style);
            } else {
                self.open_style(style, None);
            }
        }
    }

    /// Kind of a paragraph at the current nesting: inside a quote it is part of the quote.
    fn prose_kind(&self) -> BlockKind {
        if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn open_block(&mut self, kind: BlockKind, text: String) {
        self.flush();
        self.marker_len = 0;
        self.open = Some(RawBlock::new(kind, text));
    }

    fn open_item(&mut self) {
        let (kind, marker) = self.lists.next_item(self.quotes > 0);
        let len = marker.len();
        self.open_block(kind, marker);
        self.marker_len = len;
    }

    /// A task item shows a check box in place of its bullet.
    fn task_marker(&mut self, done: bool) {
        let box_marker = if done { TASK_DONE } else { TASK_OPEN };
        if let Some(open) = &mut self.open {
            if open.text == BULLET {
                open.text = box_marker.to_string();
                self.marker_len = box_marker.len();
            } else {
                open.text.push_str(box_marker);
            }
        }
    }

    fn flush(&mut self) {
        if let Some(block) = self.open.take() {
            self.blocks.push(block);
        }
        self.marks.clear();
        self.marker_len = 0;
    }
}

fn align(alignment: Alignment) -> Align {
    match alignment {
        Alignment::None | Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The `title:` of YAML front matter, without quotes.
fn front_matter_title(front_matter: &str) -> Option<String> {
    front_matter.lines().find_map(|line| {
        let value = line.strip_prefix("title:")?.trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        Some(unquoted.trim().to_string()).filter(|t| !t.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(BlockKind, String)> {
        parse(text)
            .blocks
            .into_iter()
            .map(|b| {
                (
                    b.kind,
                    b.text.split_whitespace().collect::<Vec<_>>().join(" "),
                )
            })
            .collect()
    }

    fn para(text: &str) -> (BlockKind, String) {
        (BlockKind::Paragraph, text.to_string())
    }

    fn item(depth: u8, text: &str) -> (BlockKind, String) {
        (BlockKind::ListItem { depth }, text.to_string())
    }

    #[test]
    fn headings_keep_their_level() {
        let got = blocks("# Title\n\nIntro.\n\n## Part\n\n### Detail\n\nSetext\n------\n");
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading { level: 1 }, "Title".into()),
                para("Intro."),
                (BlockKind::Heading { level: 2 }, "Part".into()),
                (BlockKind::Heading { level: 3 }, "Detail".into()),
                (BlockKind::Heading { level: 2 }, "Setext".into()),
            ]
        );
    }

    #[test]
    fn inline_markup_is_dropped_and_its_text_kept() {
        let got = blocks(
            "Some *emphasis*, **strong**, ~~gone~~, `code`, a [link](http://x.org) and \
             ![alt text](pic.png).\nSoft break.",
        );
        assert_eq!(
            got,
            vec![para(
                "Some emphasis, strong, gone, code, a link and alt text. Soft break."
            )]
        );
    }

    /// The article's spans as (style, text, target).
    fn spans(markdown: &str) -> Vec<(Style, String, Option<String>)> {
        let article = crate::article::Article::from_bytes(
            markdown.as_bytes(),
            Some(std::path::Path::new("a.md")),
        )
        .expect("parse");
        article
            .spans
            .iter()
            .map(|s| {
                (
                    s.style,
                    article.slice(s.chars.clone()).to_string(),
                    s.target.clone(),
                )
            })
            .collect()
    }

    fn span(style: Style, text: &str) -> (Style, String, Option<String>) {
        (style, text.to_string(), None)
    }

    #[test]
    fn inline_markup_becomes_spans_over_the_canonical_text() {
        let got = spans(
            "Some *emphasis*, **strong  and\n*nested***, ~~gone~~, `co  de`, a \
             [link](http://x.org) and H<sub>2</sub>O.",
        );
        assert_eq!(
            got,
            vec![
                span(Style::Emphasis, "emphasis"),
                span(Style::Strong, "strong and nested"),
                span(Style::Emphasis, "nested"),
                span(Style::Strike, "gone"),
                span(Style::Code, "co de"),
                (Style::Link, "link".into(), Some("http://x.org".into())),
                span(Style::Subscript, "2"),
            ]
        );
    }

    #[test]
    fn spans_in_list_items_and_table_cells_land_on_their_text() {
        let got = spans("- an **item**\n\n| a | b |\n|---|---|\n| `x  y` | *z* |\n");
        assert_eq!(
            got,
            vec![
                span(Style::Strong, "item"),
                span(Style::Code, "x y"),
                span(Style::Emphasis, "z"),
            ]
        );
    }

    #[test]
    fn lists_nest_with_markers_and_depth() {
        let got = blocks("- one\n- two\n  1. first\n  2. second\n     - deep\n- three\n");
        assert_eq!(
            got,
            vec![
                item(0, "• one"),
                item(0, "• two"),
                item(1, "1. first"),
                item(1, "2. second"),
                item(2, "• deep"),
                item(0, "• three"),
            ]
        );
    }

    #[test]
    fn ordered_lists_start_at_their_number_and_loose_items_keep_their_marker() {
        let got = blocks("3. three\n\n4. four\n");
        assert_eq!(got, vec![item(0, "3. three"), item(0, "4. four")]);
    }

    #[test]
    fn task_lists_show_check_boxes() {
        let got = blocks("- [ ] todo\n- [x] done\n- plain\n");
        assert_eq!(
            got,
            vec![item(0, "☐ todo"), item(0, "☑ done"), item(0, "• plain")]
        );
    }

    #[test]
    fn block_quotes_give_one_quote_per_paragraph() {
        let got = blocks("> first line\n> still first\n>\n> second\n\nafter\n");
        assert_eq!(
            got,
            vec![
                (BlockKind::Quote, "first line still first".into()),
                (BlockKind::Quote, "second".into()),
                para("after"),
            ]
        );
    }

    #[test]
    fn code_blocks_keep_their_lines() {
        let parsed = parse("```rust\nfn main() {\n    go();\n}\n```\n\n    indented\n    code\n");
        assert_eq!(parsed.blocks[0].kind, BlockKind::Code);
        assert_eq!(parsed.blocks[0].text, "fn main() {\n    go();\n}\n");
        assert_eq!(parsed.blocks[1].kind, BlockKind::Code);
        assert_eq!(parsed.blocks[1].text, "indented\ncode\n");
    }

    #[test]
    fn fenced_code_keeps_its_language() {
        let parsed = parse("```Rust,ignore\nfn f() {}\n```\n\n    indented\n\n```\nnone\n```\n");
        let langs: Vec<_> = parsed.blocks.iter().map(|b| b.lang.as_deref()).collect();
        assert_eq!(langs, [Some("rust"), None, None]);
    }

    #[test]
    fn tables_are_one_row_a_line_header_first() {
        let parsed = parse("| Name | Age |\n|------|----:|\n| Ann  | 31  |\n| *Bo* | 4   |\n");
        assert_eq!(parsed.blocks.len(), 1);
        assert_eq!(parsed.blocks[0].kind, BlockKind::Table);
        assert_eq!(parsed.blocks[0].text, "Name │ Age\nAnn │ 31\nBo │ 4");
        let align = parsed.blocks[0].align;
        assert_eq!((align.get(0), align.get(1)), (Align::Left, Align::Right));
    }

    #[test]
    fn thematic_break_is_a_rule() {
        let got = blocks("above\n\n***\n\nbelow\n");
        assert_eq!(
            got,
            vec![
                para("above"),
                (BlockKind::Rule, String::new()),
                para("below")
            ]
        );
    }

    #[test]
    fn footnotes_become_labelled_paragraphs_where_defined() {
        let got = blocks("Claim.[^1]\n\n[^1]: The source.\n\nEnd.\n");
        assert_eq!(
            got,
            vec![para("Claim.[1]"), para("[1] The source."), para("End.")]
        );
    }

    #[test]
    fn html_blocks_keep_text_without_tags() {
        let got = blocks("<div class=\"note\">\n<b>Note</b> &amp; more\n</div>\n\ntext\n");
        assert_eq!(got, vec![para("Note & more"), para("text")]);
    }

    #[test]
    fn front_matter_is_hidden_and_gives_the_title() {
        let parsed = parse("---\ntitle: \"My Notes\"\ntags: [a]\n---\n\n# Heading\n\nBody.\n");
        assert_eq!(parsed.title_hint.as_deref(), Some("My Notes"));
        let texts: Vec<&str> = parsed.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Heading", "Body."]);
    }

    #[test]
    fn without_front_matter_there_is_no_title_hint() {
        let parsed = parse("Intro\n\n---\n\ntitle: not front matter\n\n---\n");
        assert_eq!(parsed.title_hint, None);
        assert!(parsed.blocks.iter().any(|b| b.text.contains("title: not")));
    }

    #[test]
    fn inline_html_tags_are_dropped_and_breaks_separate_words() {
        assert_eq!(
            blocks("one<br>two <kbd>Ctrl</kbd>+<span class=\"x\">C</span>"),
            vec![para("one two Ctrl+C")]
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            blocks("Tom &amp; Jerry &eacute; &#x4E2D;"),
            vec![para("Tom & Jerry é 中")]
        );
    }
}
