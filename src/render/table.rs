//! A display line of a table in `folio render`: its pieces of text (the header row bold when
//! styled), the blank columns between them, and its borders, rules and labels.

use std::fmt::Write;

use super::markup;
use crate::article::Article;
use crate::layout::{MarkKind, Segment, TableLine};

/// Appends table line `line` of block `block`, with SGR styles when `styled`.
pub fn push_table_line(
    out: &mut String,
    article: &Article,
    block: usize,
    line: &TableLine,
    styled: bool,
) {
    for segment in line.segments(&article.text) {
        match segment {
            Segment::Blank(n) => out.extend(std::iter::repeat_n(' ', n)),
            Segment::Text(piece) if styled => {
                let sgr = if line.header { "1" } else { "" };
                markup::push_styled(out, article, &piece.as_line(block), sgr, &[]);
            }
            Segment::Text(piece) => out.push_str(&article.text[piece.bytes.clone()]),
            Segment::Mark(mark) if styled => {
                let sgr = match mark.kind {
                    MarkKind::Rule => "2",
                    MarkKind::Label => "1",
                };
                let _ = write!(out, "\x1b[{sgr}m{}\x1b[0m", mark.text);
            }
            Segment::Mark(mark) => out.push_str(&mark.text),
        }
    }
}
