//! Inline markup in `folio render`: SGR styles when styled, and marks that keep the author's
//! meaning in plain text (`~~struck~~`, `` `code` ``, `link text <target>`) when not.

use std::borrow::Cow;
use std::fmt::Write;

use std::ops::Range;

use crate::article::{Article, Block, Span, Style};
use crate::layout::Line;
use crate::syntax::{Class, Token};

/// SGR parameters of inline markup (added to the block's own).
fn sgr(style: Style) -> &'static str {
    match style {
        Style::Strong => "1",
        Style::Emphasis => "3",
        Style::Strike => "9",
        Style::Code => "48;5;236",
        Style::Link => "4;94",
        Style::Superscript | Style::Subscript => "",
    }
}

/// SGR parameters of a syntax class (after the code block's own, so its colour wins).
fn class_sgr(class: Class) -> &'static str {
    match class {
        Class::Keyword => "95",
        Class::Type => "96",
        Class::Function => "94",
        Class::String => "32",
        Class::Number => "91",
        Class::Comment => "90;3",
    }
}

/// Appends the text of `line` with its syntax colours (`tokens`, the block's) and inline
/// markup as SGR runs; `block_sgr` (the block's own style, maybe empty) is restated in every
/// run, and every run ends with a reset.
pub fn push_styled(
    out: &mut String,
    article: &Article,
    line: &Line,
    block_sgr: &str,
    tokens: &[Token],
) {
    let text = &article.text[line.bytes.clone()];
    let on_line = |r: &Range<usize>| r.start < line.chars.end && r.end > line.chars.start;
    let layers: Vec<(Range<usize>, &str)> = tokens
        .iter()
        .filter(|t| on_line(&t.chars))
        .map(|t| (t.chars.clone(), class_sgr(t.class)))
        .chain(
            article
                .spans_in(line.chars.clone())
                .map(|s| (s.chars.clone(), sgr(s.style))),
        )
        .collect();
    let mut cuts: Vec<usize> = layers
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .chain([line.chars.start, line.chars.end])
        .map(|c| c.clamp(line.chars.start, line.chars.end))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut bytes = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut offset = line.chars.start;
    let mut byte = bytes.next().unwrap_or(0);
    for pair in cuts.windows(2) {
        let end_byte = bytes.nth(pair[1] - offset - 1).unwrap_or(text.len());
        let params: Vec<&str> = std::iter::once(block_sgr)
            .chain(
                layers
                    .iter()
                    .filter(|(r, _)| r.contains(&pair[0]))
                    .map(|&(_, p)| p),
            )
            .filter(|p| !p.is_empty())
            .collect();
        let piece = &text[byte..end_byte];
        if params.is_empty() {
            out.push_str(piece);
        } else {
            let _ = write!(out, "\x1b[{}m{piece}\x1b[0m", params.join(";"));
        }
        (offset, byte) = (pair[1], end_byte);
    }
}

/// Block `index` as a one-block article whose text carries marks for the markup that plain
/// text would otherwise lose: `~~struck~~`, `` `code` ``, and a link's target after its text
/// as `text <target>` (unless the text is the target, or the target is within the page).
/// `None` when the block has no such markup.
pub fn marked(article: &Article, index: usize) -> Option<Article> {
    let block = &article.blocks[index];
    let mut marks: Vec<(usize, u8, usize, Cow<'static, str>)> = Vec::new();
    for (i, span) in article.spans_in(block.chars.clone()).enumerate() {
        let (open, close) = match span.style {
            Style::Strike => (Cow::Borrowed("~~"), Cow::Borrowed("~~")),
            Style::Code => (Cow::Borrowed("`"), Cow::Borrowed("`")),
            Style::Link => match link_mark(article, span) {
                Some(close) => (Cow::Borrowed(""), Cow::Owned(close)),
                None => continue,
            },
            _ => continue,
        };
        // At one offset, closing marks come first, inner ones before outer ones.
        marks.push((span.chars.end, 0, usize::MAX - i, close));
        marks.push((span.chars.start, 1, i, open));
    }
    if marks.is_empty() {
        return None;
    }
    marks.sort_unstable();
    let text = article.block_text(index);
    let mut out = String::with_capacity(text.len() + 16 * marks.len());
    let (mut byte, mut at) = (0, block.chars.start);
    for (offset, _, _, mark) in marks {
        let next = match offset - at {
            0 => byte,
            n => text[byte..]
                .char_indices()
                .nth(n)
                .map_or(text.len(), |(b, _)| byte + b),
        };
        out.push_str(&text[byte..next]);
        out.push_str(&mark);
        (byte, at) = (next, offset);
    }
    out.push_str(&text[byte..]);
    // The text is the canonical text (clean already) with marks and targets the builder
    // cleaned, so it is laid out as it is, without hashing or cleaning it again.
    let char_len = out.chars().count();
    Some(Article {
        id: String::new(),
        text_hash: String::new(),
        title: String::new(),
        blocks: vec![Block {
            kind: block.kind,
            chars: 0..char_len,
            bytes: 0..out.len(),
            align: block.align,
            lang: block.lang.clone(),
        }],
        text: out,
        char_len,
        spans: Vec::new(),
        outline: Vec::new(),
        format: article.format,
        encoding: article.encoding,
        source: None,
    })
}

/// What follows a link's text: ` <target>`, or nothing worth showing.
fn link_mark(article: &Article, span: &Span) -> Option<String> {
    let target = span.target.as_deref()?.trim();
    let shown = article.slice(span.chars.clone());
    let same = target == shown || target.strip_prefix("mailto:") == Some(shown);
    (!target.is_empty() && !target.starts_with('#') && !same).then(|| format!(" <{target}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Article {
        Article::from_bytes(text.as_bytes(), Some(std::path::Path::new("a.md"))).expect("parse")
    }

    #[test]
    fn plain_marks_keep_struck_text_code_and_link_targets() {
        let article = md("A ~~gone `x`~~ word, [site](https://e.org), <https://e.org>, [top](#t).");
        let marked = marked(&article, 0).expect("marks");
        assert_eq!(
            marked.text,
            "A ~~gone `x`~~ word, site <https://e.org>, https://e.org, top."
        );
        assert!(super::marked(&md("Only **bold** and *italic*."), 0).is_none());
    }

    #[test]
    fn styled_runs_restate_the_block_style_and_reset() {
        let article = md("a **b *c*** d");
        let line = Line {
            kind: crate::layout::LineKind::Text,
            block: 0,
            chars: 0..article.char_len,
            bytes: 0..article.text.len(),
            indent: 0,
            quote: false,
            table: None,
        };
        let mut out = String::new();
        push_styled(&mut out, &article, &line, "3", &[]);
        assert_eq!(
            out,
            "\x1b[3ma \x1b[0m\x1b[3;1mb \x1b[0m\x1b[3;1;3mc\x1b[0m\x1b[3m d\x1b[0m"
        );
    }
}
