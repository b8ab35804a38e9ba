//! The reading view as plain or ANSI-styled text, for `folio render` and scripts.

use std::fmt::Write;

use crate::article::{Article, BlockKind};
use crate::layout::{Line, MIN_WIDTH, lay_out_block, wants_gap};

/// Renders the article at `width` columns. With `styled`, headings are bold, quotes italic,
/// code and chrome dimmed, using SGR sequences only (never text from the article).
pub fn render(article: &Article, width: usize, styled: bool) -> String {
    let mut out = String::with_capacity(article.text.len() + article.text.len() / 16);
    let written: Result<(), std::convert::Infallible> =
        render_each(article, width, styled, |chunk| {
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
    styled: bool,
    mut sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let width = width.max(MIN_WIDTH);
    // One block's lines and one block's text at a time, both reused from block to block.
    let mut lines: Vec<Line> = Vec::new();
    let mut out = String::new();
    for index in 0..article.blocks.len() {
        if index > 0 && wants_gap(article, index) {
            out.push('\n');
        }
        lines.clear();
        lay_out_block(article, index, width, &mut lines);
        let kind = article.blocks[index].kind;
        let sgr = if styled { style_of(kind) } else { "" };
        for line in &lines {
            out.extend(std::iter::repeat_n(' ', line.indent.into()));
            if line.quote {
                out.push_str("│ ");
            }
            if !sgr.is_empty() {
                let _ = write!(out, "\x1b[{sgr}m");
            }
            if kind == BlockKind::Rule {
                out.extend(std::iter::repeat_n('─', width.min(40)));
            } else {
                out.push_str(&article.text[line.bytes.clone()]);
            }
            if !sgr.is_empty() {
                out.push_str("\x1b[0m");
            }
            out.push('\n');
        }
        sink(&out)?;
        out.clear();
    }
    Ok(())
}

fn style_of(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading { level: 1 } => "1;4",
        BlockKind::Heading { .. } => "1",
        BlockKind::Quote => "3",
        BlockKind::Code | BlockKind::Table => "36",
        BlockKind::Chrome | BlockKind::Rule => "2",
        BlockKind::Paragraph | BlockKind::ListItem { .. } => "",
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
        let plain = render(&article, 20, false);
        assert_eq!(plain, "Title\n\nBody text.\n\n────────────────────\n");
        let styled = render(&article, 20, true);
        assert!(styled.starts_with("\x1b[1;4mTitle\x1b[0m\n"));
    }
}
