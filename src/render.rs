//! The reading view as plain or ANSI-styled text, for `folio render` and scripts.

use std::fmt::Write;

use crate::article::{Article, BlockKind};
use crate::layout::{Layout, LineKind};

/// Renders the article at `width` columns. With `styled`, headings are bold, quotes italic,
/// code and chrome dimmed, using SGR sequences only (never text from the article).
pub fn render(article: &Article, width: usize, styled: bool) -> String {
    let layout = Layout::new(article, width);
    let mut out = String::with_capacity(article.text.len() + layout.lines.len() * 4);
    for line in &layout.lines {
        if line.kind == LineKind::Gap {
            out.push('\n');
            continue;
        }
        let kind = article.blocks[line.block].kind;
        let text = &article.text[line.bytes.clone()];
        out.extend(std::iter::repeat_n(' ', line.indent.into()));
        if line.quote {
            out.push_str("│ ");
        }
        let sgr = if styled { style_of(kind) } else { "" };
        if !sgr.is_empty() {
            let _ = write!(out, "\x1b[{sgr}m");
        }
        if kind == BlockKind::Rule {
            out.extend(std::iter::repeat_n('─', layout.width.min(40)));
        } else {
            out.push_str(text);
        }
        if !sgr.is_empty() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
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
