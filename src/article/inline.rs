//! Inline styles (strong, emphasis, code, links, …) as ranges over a block's text, and how they
//! follow the text when its white space is collapsed into the canonical text.

use std::ops::Range;

/// How a run of inline text was marked up by its author.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Strong,
    Emphasis,
    /// Struck through (`~~gone~~`, `<del>`, `<s>`): the author withdrew it.
    Strike,
    /// Inline code (`` `x` ``, `<code>`).
    Code,
    /// A link; its target is in the span.
    Link,
    Superscript,
    Subscript,
}

impl Style {
    /// The style an inline HTML element gives its content, if any.
    pub fn of_html_tag(name: &str) -> Option<Style> {
        Some(match name {
            "b" | "strong" => Style::Strong,
            "i" | "em" | "cite" | "dfn" => Style::Emphasis,
            "s" | "del" | "strike" => Style::Strike,
            "code" | "kbd" | "samp" | "tt" => Style::Code,
            "sup" => Style::Superscript,
            "sub" => Style::Subscript,
            _ => return None,
        })
    }
}

/// Whether a link target is a web address a terminal may be asked to open: `http:`, `https:`
/// or `mailto:`, or a relative address, with no white space, control or escape character in
/// it. `javascript:`, `data:`, `file:` and the like are not.
pub fn is_web_target(target: &str) -> bool {
    if target.is_empty()
        || target
            .chars()
            .any(|c| c.is_whitespace() || super::sanitize::is_unsafe(c) || c == '\u{1b}')
    {
        return false;
    }
    match target.split_once(':') {
        // A colon after a slash, `?` or `#` is not a scheme's ("/a:b", "?t=1:2").
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            let scheme = scheme.to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// A styled run of a parsed block's text, as byte offsets into [`super::RawBlock::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSpan {
    pub style: Style,
    pub bytes: Range<usize>,
    /// A link's target as written (checked before it is ever written to a terminal).
    pub target: Option<String>,
}

/// A styled run of the canonical text. Spans of one block nest or are apart; they never
/// reach across blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub style: Style,
    /// Character offsets into the canonical text.
    pub chars: Range<usize>,
    /// A link's target as written, control characters removed.
    pub target: Option<String>,
}

/// Spans being read: each style opened and not yet closed, with where it began.
#[derive(Debug, Default)]
pub struct Marks {
    open: Vec<(Style, usize, Option<String>)>,
}

impl Marks {
    /// A style begins at byte `at` of the text being collected.
    pub fn open(&mut self, style: Style, at: usize, target: Option<String>) {
        self.open.push((style, at, target));
    }

    /// The innermost open `style` ends at byte `at`; an empty run gives no span.
    pub fn close(&mut self, style: Style, at: usize, spans: &mut Vec<RawSpan>) {
        let Some(i) = self.open.iter().rposition(|(s, ..)| *s == style) else {
            return;
        };
        let (style, start, target) = self.open.remove(i);
        if start < at {
            spans.push(RawSpan {
                style,
                bytes: start..at,
                target,
            });
        }
    }

    /// Forgets every open style (the block they were in has ended).
    pub fn clear(&mut self) {
        self.open.clear();
    }
}

/// Appends `text` to `out` with runs of white space made one space and the ends trimmed (as
/// `split_whitespace` and a join would), and returns where each span of `spans` (byte offsets
/// into `text`) lands as character offsets counted from `base` (the characters of `out` before
/// this text). A span that covers only white space is dropped.
pub fn collapse_into(text: &str, spans: Vec<RawSpan>, out: &mut String, base: usize) -> Vec<Span> {
    // Each span end as (byte, span, is the start), in byte order.
    let mut marks: Vec<(usize, usize, bool)> = spans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| [(s.bytes.start, i, true), (s.bytes.end, i, false)])
        .collect();
    marks.sort_unstable();
    let mut found = vec![(0, 0); spans.len()];
    let mut marks = marks.into_iter().peekable();
    let mut chars = base;
    for word in text.split_whitespace() {
        let from = word.as_ptr() as usize - text.as_ptr() as usize;
        // Ends before the word (in the blank before it) end before the space written; starts
        // there start with the word, so no span begins or ends with a space.
        let at_word = chars + usize::from(chars > base);
        while let Some((_, i, is_start)) = marks.next_if(|m| m.0 <= from) {
            if is_start {
                found[i].0 = at_word;
            } else {
                found[i].1 = chars;
            }
        }
        if chars > base {
            out.push(' ');
        }
        chars = at_word;
        let to = from + word.len();
        while let Some((byte, i, is_start)) = marks.next_if(|m| m.0 < to) {
            let at = chars + word[..byte - from].chars().count();
            if is_start {
                found[i].0 = at;
            } else {
                found[i].1 = at;
            }
        }
        out.push_str(word);
        chars += word.chars().count();
    }
    for (_, i, is_start) in marks {
        if is_start {
            found[i].0 = chars;
        } else {
            found[i].1 = chars;
        }
    }
    spans
        .into_iter()
        .zip(found)
        .filter(|(_, (start, end))| start < end)
        .map(|(s, (start, end))| Span {
            style: s.style,
            chars: start..end,
            target: s.target,
        })
        .collect()
}

/// [`collapse_into`] on its own: the collapsed text and its spans as byte offsets into it.
pub fn collapse(text: &str, spans: Vec<RawSpan>) -> (String, Vec<RawSpan>) {
    let mut out = String::with_capacity(text.len());
    let found = collapse_into(text, spans, &mut out, 0);
    let mut bytes: Vec<usize> = out.char_indices().map(|(b, _)| b).collect();
    bytes.push(out.len());
    let spans = found
        .into_iter()
        .map(|s| RawSpan {
            style: s.style,
            bytes: bytes[s.chars.start]..bytes[s.chars.end],
            target: s.target,
        })
        .collect();
    (out, spans)
}

/// Shifts spans found on `text` (byte offsets) to where `text` starts in a longer text.
pub fn shifted(spans: Vec<RawSpan>, by: usize) -> impl Iterator<Item = RawSpan> {
    spans.into_iter().map(move |mut s| {
        s.bytes = s.bytes.start + by..s.bytes.end + by;
        s
    })
}

/// Orders spans by start, the outer of two that start together first, so that drawing can
/// walk them in order.
pub fn sort(spans: &mut [Span]) {
    spans.sort_by_key(|s| (s.chars.start, std::cmp::Reverse(s.chars.end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(style: Style, bytes: Range<usize>) -> RawSpan {
        RawSpan {
            style,
            bytes,
            target: None,
        }
    }

    #[test]
    fn collapsing_white_space_moves_the_spans_with_their_text() {
        let text = "  a  *b c*\n d ";
        // "b c" at bytes 6..9, the spaces before it at 3..5 are outside it.
        let spans = [raw(Style::Strong, 6..9), raw(Style::Emphasis, 2..6)];
        let mut out = String::from("xy");
        let got = collapse_into(text, spans.to_vec(), &mut out, 2);
        assert_eq!(out, "xya *b c* d");
        assert_eq!(&out[4 + 1..4 + 4], "b c");
        assert_eq!(got[0].chars, 5..8);
        // "a  *" -> "a *": the span keeps its text.
        assert_eq!(got[1].chars, 2..5);
    }

    #[test]
    fn a_span_that_starts_on_a_space_starts_at_the_next_word() {
        let mut out = String::new();
        let got = collapse_into("a  b", vec![raw(Style::Code, 1..4)], &mut out, 0);
        assert_eq!(out, "a b");
        assert_eq!(got[0].chars, 2..3);
        let blank = collapse_into("a  b", vec![raw(Style::Code, 1..3)], &mut String::new(), 0);
        assert!(blank.is_empty());
    }

    #[test]
    fn html_inline_elements_become_spans_and_their_tags_leave_no_text() {
        let html = "<html><body><article><h1>T</h1><p>An <b>HTML</b>  paragraph with \
                    <em>emph<code>code</code></em>, <del>gone</del>, x<sup>2</sup> and \
                    <a href=\" https://example.org/a\">a\n link</a>.</p></article></body></html>";
        let article = super::super::Article::from_bytes(
            html.as_bytes(),
            Some(std::path::Path::new("a.html")),
        )
        .expect("parse");
        assert!(
            article
                .text
                .ends_with("An HTML paragraph with emphcode, gone, x2 and a link.")
        );
        let got: Vec<(Style, &str, Option<&str>)> = article
            .spans
            .iter()
            .map(|s| (s.style, article.slice(s.chars.clone()), s.target.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Style::Strong, "HTML", None),
                (Style::Emphasis, "emphcode", None),
                (Style::Code, "code", None),
                (Style::Strike, "gone", None),
                (Style::Superscript, "2", None),
                (Style::Link, "a link", Some("https://example.org/a")),
            ]
        );
    }

    #[test]
    fn marks_close_the_innermost_open_style_and_drop_empty_runs() {
        let mut marks = Marks::default();
        let mut spans = Vec::new();
        marks.open(Style::Strong, 0, None);
        marks.open(Style::Emphasis, 2, None);
        marks.close(Style::Emphasis, 2, &mut spans);
        marks.close(Style::Strong, 5, &mut spans);
        marks.close(Style::Code, 6, &mut spans);
        assert_eq!(spans, vec![raw(Style::Strong, 0..5)]);
    }
}
