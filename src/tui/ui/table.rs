//! A display line of a table in the reader: its pieces of text painted as any text is (markup,
//! highlights, search hits, the caret land on the cells that show them), its borders and rules
//! in the rule's style, the header row and the records' column names bold.

use ratatui::style::Style;
use ratatui::text::Span;

use super::theme::Theme;
use crate::layout::{MarkKind, Segment, TableLine};

/// The spans of table line `line` over the article's `text`; `paint` styles a piece of text
/// that starts at a character offset, over a base style.
pub fn table_spans<'a>(
    text: &'a str,
    line: &'a TableLine,
    base: Style,
    theme: &Theme,
    paint: impl Fn(&'a str, usize, Style) -> Vec<Span<'a>>,
) -> Vec<Span<'a>> {
    let text_style = if line.header {
        base.patch(theme.strong)
    } else {
        base
    };
    let mut spans = Vec::new();
    for segment in line.segments(text) {
        match segment {
            Segment::Blank(n) => spans.push(Span::raw(" ".repeat(n))),
            Segment::Text(piece) => spans.extend(paint(
                &text[piece.bytes.clone()],
                piece.chars.start,
                text_style,
            )),
            Segment::Mark(mark) => {
                let style = match mark.kind {
                    MarkKind::Rule => theme.rule,
                    MarkKind::Label => base.patch(theme.strong),
                };
                spans.push(Span::styled(mark.text.as_ref(), style));
            }
        }
    }
    spans
}
