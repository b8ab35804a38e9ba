//! Issue 16's property test: for random Markdown with nested inline markup, the canonical text
//! is the text a CommonMark renderer shows (pulldown-cmark's own text events), the spans are
//! the ones its tags mark and they nest without crossing, and no rendered line is wider than
//! the width.

use std::path::Path;

use folio::article::{Article, Style};
use folio::layout::display_width;
use folio::render::{View, render};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Inline Markdown: words, and markup around inline Markdown.
fn inline() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("word".to_string()),
        Just("x".to_string()),
        Just("中文字".to_string()),
        Just("supercalifragilistic".to_string()),
        Just("end.".to_string()),
    ];
    word.prop_recursive(4, 24, 4, |inner| {
        let children = prop::collection::vec(inner, 1..4).prop_map(|c| c.join(" "));
        prop_oneof![
            children.clone().prop_map(|c| format!("*{c}*")),
            children.clone().prop_map(|c| format!("**{c}**")),
            children.clone().prop_map(|c| format!("~~{c}~~")),
            children
                .clone()
                .prop_map(|c| format!("[{c}](https://e.org/p)")),
            "[a-z]{1,8}".prop_map(|c| format!("`{c}`")),
            children,
        ]
    })
}

/// The text pulldown-cmark shows for a paragraph of Markdown, and its styled runs as
/// (style, text) in the order they end.
fn reference(markdown: &str) -> (String, Vec<(Style, String)>) {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut text = String::new();
    let mut open: Vec<(Style, usize)> = Vec::new();
    let mut runs = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Code(t) => {
                open.push((Style::Code, text.len()));
                text.push_str(&t);
                close(&mut open, &text, &mut runs);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Strong) => open.push((Style::Strong, text.len())),
            Event::Start(Tag::Emphasis) => open.push((Style::Emphasis, text.len())),
            Event::Start(Tag::Strikethrough) => open.push((Style::Strike, text.len())),
            Event::Start(Tag::Link { .. }) => open.push((Style::Link, text.len())),
            Event::End(
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Link,
            ) => close(&mut open, &text, &mut runs),
            _ => {}
        }
    }
    (text, runs)
}

/// The innermost open run ends here; an empty one is no run.
fn close(open: &mut Vec<(Style, usize)>, text: &str, runs: &mut Vec<(Style, String)>) {
    let (style, start) = open.pop().expect("balanced tags");
    if start < text.len() {
        runs.push((style, text[start..].to_string()));
    }
}

fn sorted(mut runs: Vec<(Style, String)>) -> Vec<(Style, String)> {
    runs.sort();
    runs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn inline_markup_is_spans_over_the_text_a_renderer_shows(
        markdown in inline(),
        width in 2usize..60,
    ) {
        let article = Article::from_bytes(markdown.as_bytes(), Some(Path::new("p.md")))
            .expect("parse");
        let (text, runs) = reference(&markdown);
        prop_assert_eq!(&article.text, &text);
        let spans: Vec<(Style, String)> = article
            .spans
            .iter()
            .map(|s| (s.style, article.slice(s.chars.clone()).to_string()))
            .collect();
        prop_assert_eq!(sorted(spans), sorted(runs));
        // Spans come in text order and two of them are apart or one holds the other.
        for (i, a) in article.spans.iter().enumerate() {
            prop_assert!(a.chars.start < a.chars.end && a.chars.end <= article.char_len);
            for b in &article.spans[i + 1..] {
                prop_assert!(b.chars.start >= a.chars.start);
                prop_assert!(
                    b.chars.start >= a.chars.end || b.chars.end <= a.chars.end,
                    "{:?} crosses {:?}", a.chars, b.chars
                );
            }
        }
        for styled in [false, true] {
            let shown = render(&article, width, View { styled, ..View::default() });
            for line in shown.lines() {
                let plain = strip_sgr(line);
                prop_assert!(display_width(&plain) <= width, "{:?} wider than {}", plain, width);
            }
        }
    }
}

/// A line without its SGR sequences (`ESC [ … m`).
fn strip_sgr(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}
