//! Markdown (CommonMark with GFM tables, task lists, footnotes, strikethrough) to blocks.
//!
//! Inline markup is dropped and its text kept: emphasis, code spans, link text, image alt
//! text. Raw HTML blocks are read by the HTML module, so their tags never show as text.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::lists::{BULLET, ListStack};
use super::{BlockKind, Parsed, RawBlock, html};

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

/// A table being read: finished rows and the row and cell under way.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
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
    /// Front matter or raw HTML being collected; neither is shown as it is.
    verbatim: Option<String>,
    title_hint: Option<String>,
}

impl Walker {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => self.text(&text),
            Event::Html(raw) => match &mut self.verbatim {
                Some(collected) => collected.push_str(&raw),
                None => self.blocks.extend(html::fragment_blocks(&raw)),
            },
            // Inline tags are dropped (the text between them arrives as text events); a line
            // break still separates words.
            Event::InlineHtml(tag) => {
                if tag
                    .trim_start_matches('<')
                    .to_ascii_lowercase()
                    .starts_with("br")
                {
                    self.text(" ");
                }
            }
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
            Tag::CodeBlock(_) => self.open_block(BlockKind::Code, String::new()),
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
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table::default());
            }
            Tag::TableCell => {
                if let Some(table) = &mut self.table {
                    table.cell.clear();
                }
            }
            Tag::TableHead
            | Tag::TableRow
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
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
                if let Some(table) = &mut self.table {
                    let cell = table.cell.split_whitespace().collect::<Vec<_>>().join(" ");
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let rows: Vec<String> = table
                        .rows
                        .iter()
                        .map(|row| row.join(CELL_SEPARATOR))
                        .collect();
                    self.blocks
                        .push(RawBlock::new(BlockKind::Table, rows.join("\n")));
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(collected) = &mut self.verbatim {
            collected.push_str(text);
        } else if let Some(table) = &mut self.table {
            table.cell.push_str(text);
        } else if let Some(open) = &mut self.open {
            open.text.push_str(text);
        } else {
            // Text outside any paragraph: a tight list item after its nested list, or a
            // footnote whose definition is not a paragraph.
            let prefix = self.footnote.take().unwrap_or_default();
            self.open_block(self.prose_kind(), prefix);
            if let Some(open) = &mut self.open {
                open.text.push_str(text);
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
        self.open = Some(RawBlock { kind, text });
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
        self.marker_len = 0;
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
    fn tables_are_one_row_a_line_header_first() {
        let parsed = parse("| Name | Age |\n|------|----:|\n| Ann  | 31  |\n| *Bo* | 4   |\n");
        assert_eq!(parsed.blocks.len(), 1);
        assert_eq!(parsed.blocks[0].kind, BlockKind::Table);
        assert_eq!(parsed.blocks[0].text, "Name │ Age\nAnn │ 31\nBo │ 4");
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
