//! The reading view as plain or ANSI-styled text, for `folio render` and scripts.

mod markup;
mod table;

use std::fmt::Write;

use crate::article::{Article, BlockKind};
use crate::layout::{
    CONTINUATION_MARK, Furniture, Line, MIN_WIDTH, continues, fold_label, lay_out_block, run_end,
    run_lines, wants_gap,
};
use crate::syntax;

/// How the reading view is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    /// Headings bold, quotes italic, code and chrome dimmed, inline markup in its styles,
    /// with SGR sequences only (never text from the article).
    pub styled: bool,
    /// Unstyled, marks keep what plain text would lose: `~~struck~~`, `` `code` ``,
    /// `link text <target>`. Off, only the article's text is printed.
    pub marks: bool,
    /// Page furniture is left out unless asked for.
    pub furniture: Furniture,
}

impl Default for View {
    fn default() -> Self {
        View {
            styled: false,
            marks: true,
            furniture: Furniture::Hide,
        }
    }
}

/// Renders the article at `width` columns.
pub fn render(article: &Article, width: usize, view: View) -> String {
    let mut out = String::with_capacity(article.text.len() + article.text.len() / 16);
    let written: Result<(), std::convert::Infallible> =
        render_each(article, width, view, |chunk| {
            out.push_str(chunk);
            Ok(())
        });
    match written {
        Ok(()) => out,
    }
}

/// Renders the article block by block, handing the text to `sink` in pieces, so that the
/// whole rendering never needs to be held in memory. Stops at the first error of `sink`.
pub fn render_each<E>(
    article: &Article,
    width: usize,
    view: View,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let width = width.max(MIN_WIDTH);
    // One block's lines and one block's text at a time, both reused from block to block.
    let mut lines: Vec<Line> = Vec::new();
    let mut out = String::new();
    let mut shown_any = false;
    let mut index = 0;
    // The first span not before the block: spans come in text order and never reach across
    // blocks, so this tells a block without markup (most) at once.
    let mut next_span = 0;
    while index < article.blocks.len() {
        let furniture = article.blocks[index].kind == BlockKind::Chrome;
        if furniture && view.furniture != Furniture::Show {
            let end = run_end(article, index);
            if view.furniture == Furniture::Fold {
                if shown_any {
                    out.push('\n');
                }
                let count = run_lines(article, index..end, width, &mut lines);
                fold_line(&mut out, count, view.styled);
                shown_any = true;
            }
            index = end;
            sink(&out)?;
            out.clear();
            continue;
        }
        if shown_any && (index == 0 || wants_gap(article, index)) {
            out.push('\n');
        }
        lines.clear();
        let block = &article.blocks[index];
        while article
            .spans
            .get(next_span)
            .is_some_and(|s| s.chars.start < block.chars.start)
        {
            next_span += 1;
        }
        let spanned = article
            .spans
            .get(next_span)
            .is_some_and(|s| s.chars.start < block.chars.end);
        match (spanned && !view.styled && view.marks)
            .then(|| markup::marked(article, index))
            .flatten()
        {
            Some(marked) => {
                lay_out_block(&marked, 0, width, &mut lines);
                write_block(&mut out, &marked, 0, &lines, width, false);
            }
            None => {
                lay_out_block(article, index, width, &mut lines);
                write_block(&mut out, article, index, &lines, width, view.styled);
            }
        }
        shown_any = true;
        sink(&out)?;
        out.clear();
        index += 1;
    }
    Ok(())
}

/// The line that stands for a folded run of furniture.
fn fold_line(out: &mut String, count: usize, styled: bool) {
    if styled {
        out.push_str("\x1b[2m");
    }
    out.push_str(&fold_label(count));
    if styled {
        out.push_str("\x1b[0m");
    }
    out.push('\n');
}

/// Writes one block's laid-out lines.
fn write_block(
    out: &mut String,
    article: &Article,
    index: usize,
    lines: &[Line],
    width: usize,
    styled: bool,
) {
    let kind = article.blocks[index].kind;
    let sgr = if styled { style_of(kind) } else { "" };
    // Grammars load only for a styled rendering of code in a named language.
    let tokens = if styled {
        syntax::tokens(article, index)
    } else {
        Vec::new()
    };
    for line in lines {
        out.extend(std::iter::repeat_n(' ', line.indent.into()));
        if line.quote {
            out.push_str("│ ");
        }
        if kind == BlockKind::Rule {
            if !sgr.is_empty() {
                let _ = write!(out, "\x1b[{sgr}m");
            }
            out.extend(std::iter::repeat_n('─', width.min(40)));
            if !sgr.is_empty() {
                out.push_str("\x1b[0m");
            }
        } else if let Some(table) = &line.table {
            table::push_table_line(out, article, index, table, styled);
        } else if styled {
            markup::push_styled(out, article, line, sgr, &tokens);
        } else {
            out.push_str(&article.text[line.bytes.clone()]);
        }
        if continues(article, line, width) {
            out.push_str(CONTINUATION_MARK);
        }
        out.push('\n');
    }
}

fn style_of(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading { level: 1 } => "1;4",
        BlockKind::Heading { .. } => "1",
        BlockKind::Quote => "3",
        BlockKind::Code => "36",
        BlockKind::Chrome | BlockKind::Rule => "2",
        BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Table => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, Parsed, RawBlock, build};

    #[test]
    fn plain_render_has_no_escape_codes_and_styled_render_does() {
        let article = build(
            Parsed {
                title_hint: None,
                blocks: vec![
                    RawBlock::new(BlockKind::Heading { level: 1 }, "Title"),
                    RawBlock::new(BlockKind::Paragraph, "Body text."),
                    RawBlock::new(BlockKind::Rule, ""),
                ],
            },
            Format::Markdown,
            "UTF-8",
            "t",
        );
        let plain = render(&article, 20, View::default());
        assert_eq!(plain, "Title\n\nBody text.\n\n────────────────────\n");
        let styled = render(
            &article,
            20,
            View {
                styled: true,
                ..View::default()
            },
        );
        assert!(styled.starts_with("\x1b[1;4mTitle\x1b[0m\n"));
    }

    #[test]
    fn styled_render_colours_code_keywords_and_plain_render_does_not() {
        let markdown = "```rust\nfn f(line: &str) {}\n```\n\n```\nfn g() {}\n```\n";
        let article = Article::from_bytes(markdown.as_bytes(), Some(std::path::Path::new("a.md")))
            .expect("parse");
        let styled = View {
            styled: true,
            ..View::default()
        };
        let out = render(&article, 40, styled);
        // The keyword in the keyword colour, over the code block's own; the identifier in
        // the block's colour alone; code without a language as before.
        assert!(out.starts_with("  \x1b[36;95mfn\x1b[0m"), "{out:?}");
        assert!(out.contains("\x1b[36m(line: "), "{out:?}");
        assert!(out.ends_with("\n  \x1b[36mfn g() {}\x1b[0m\n"), "{out:?}");
        let plain = render(&article, 40, View::default());
        assert_eq!(plain, "  fn f(line: &str) {}\n\n  fn g() {}\n");
    }

    fn with_furniture() -> Article {
        build(
            Parsed {
                title_hint: None,
                blocks: vec![
                    RawBlock::new(BlockKind::Chrome, "Site name"),
                    RawBlock::new(BlockKind::Chrome, "Menu"),
                    RawBlock::new(BlockKind::Heading { level: 1 }, "Title"),
                    RawBlock::new(BlockKind::Paragraph, "Body text."),
                    RawBlock::new(BlockKind::Chrome, "Share this"),
                ],
            },
            Format::Plain,
            "UTF-8",
            "t",
        )
    }

    #[test]
    fn furniture_is_left_out_by_default() {
        assert_eq!(
            render(&with_furniture(), 20, View::default()),
            "Title\n\nBody text.\n"
        );
    }

    #[test]
    fn folded_furniture_is_one_line_per_run_counting_its_lines() {
        let view = View {
            furniture: Furniture::Fold,
            ..View::default()
        };
        assert_eq!(
            render(&with_furniture(), 20, view),
            "⋯ 2 lines of page furniture\n\nTitle\n\nBody text.\n\n⋯ 1 line of page furniture\n"
        );
    }

    #[test]
    fn shown_furniture_is_printed_in_place() {
        let view = View {
            furniture: Furniture::Show,
            ..View::default()
        };
        assert_eq!(
            render(&with_furniture(), 20, view),
            "Site name\n\nMenu\n\nTitle\n\nBody text.\n\nShare this\n"
        );
    }
}
