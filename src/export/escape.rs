//! Escaping text so that Markdown parses it back as exactly the same text, never as markup.

/// Characters that can start or take part in inline markup anywhere in a line.
const INLINE_SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!', '#', '$', '^', '=',
];

/// Escapes one line of text for use inside a Markdown paragraph (or block quote): every
/// character that could become markup gets a backslash, a leading list or heading marker is
/// neutralised, and spaces at either end (which Markdown would drop) become `&#32;`.
pub fn escape_line(line: &str) -> String {
    let body = line.trim_matches(' ');
    let leading = line.len() - line.trim_start_matches(' ').len();
    let trailing = if body.is_empty() {
        0
    } else {
        line.len() - line.trim_end_matches(' ').len()
    };
    let mut out = String::with_capacity(line.len() + 8);
    out.push_str(&"&#32;".repeat(leading));
    for (i, ch) in body.char_indices() {
        let at_start = i == 0;
        let special = INLINE_SPECIAL.contains(&ch)
            || (at_start && matches!(ch, '-' | '+' | ':'))
            || (matches!(ch, '.' | ')') && body[..i].chars().all(|c| c.is_ascii_digit()) && i > 0);
        if special {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push_str(&"&#32;".repeat(trailing));
    out
}

/// Escapes a span for inline use (a section name, a tag) on one line.
pub fn escape_inline(text: &str) -> String {
    escape_line(&text.replace('\n', " "))
}

/// Formats `text` as one block quote: every line prefixed with `> `, paragraphs (runs of blank
/// lines) separated by a bare `>`, so a multi-paragraph quote stays one quote.
pub fn block_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (n, paragraph) in paragraphs(text).iter().enumerate() {
        if n > 0 {
            out.push_str(">\n");
        }
        for line in paragraph {
            out.push_str("> ");
            out.push_str(&escape_line(line));
            out.push('\n');
        }
    }
    if out.is_empty() {
        out.push_str(">\n");
    }
    out
}

/// The paragraphs of a quote, each as its lines: Markdown ends a paragraph at any line that is
/// blank or only spaces, and counts a run of them once.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut open = false;
    for line in text.split('\n') {
        if line.trim_matches(' ').is_empty() {
            open = false;
        } else if open {
            if let Some(last) = out.last_mut() {
                last.push(line);
            }
        } else {
            out.push(vec![line]);
            open = true;
        }
    }
    out
}

/// The text Markdown gives back for a quote: paragraphs joined by one blank line, lines inside
/// a paragraph by a newline. For text from an article (no blank runs, no space-only lines)
/// this is the text itself.
pub fn normalized_quote(text: &str) -> String {
    paragraphs(text)
        .iter()
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// Parses Markdown and returns the text of the first block quote, paragraphs joined by a
    /// blank line and soft breaks by a newline.
    fn quote_text(markdown: &str) -> Option<String> {
        let mut depth = 0;
        let mut paragraphs: Vec<String> = Vec::new();
        let mut seen = false;
        // Every extension a notes app might turn on, but typographic quotes and dashes, which
        // change characters by design rather than turn text into markup.
        let options = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::BlockQuote(_)) => {
                    depth += 1;
                    seen = true;
                }
                Event::End(TagEnd::BlockQuote(_)) => depth -= 1,
                Event::Start(Tag::Paragraph) if depth > 0 => paragraphs.push(String::new()),
                Event::Text(t) | Event::Code(t) if depth > 0 => paragraphs.last_mut()?.push_str(&t),
                Event::SoftBreak | Event::HardBreak if depth > 0 => {
                    paragraphs.last_mut()?.push('\n')
                }
                Event::Start(tag) if depth > 0 => panic!("markup {tag:?} in {markdown:?}"),
                _ => {}
            }
        }
        seen.then(|| paragraphs.join("\n\n"))
    }

    #[test]
    fn markup_looking_quotes_stay_text() {
        for text in [
            "# not a heading",
            "- not a list",
            "1. not ordered",
            "2) neither",
            "> not nested",
            "*stars* and _underscores_ and `ticks` and a | pipe",
            "[link](http://x) ![img](y) <b>tag</b> &amp; entity",
            "---",
            "===",
            "    indented code?",
            "trailing spaces  ",
            "+ plus",
            "[^1] footnote ref",
            "~~strike~~",
            "中文引用：**不是粗体**",
        ] {
            assert_eq!(
                quote_text(&block_quote(text)).as_deref(),
                Some(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn multi_paragraph_quote_stays_one_quote() {
        let md = block_quote("first paragraph\n\nsecond paragraph");
        assert_eq!(md, "> first paragraph\n>\n> second paragraph\n");
        assert_eq!(
            quote_text(&md).as_deref(),
            Some("first paragraph\n\nsecond paragraph")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_quote_parses_back_to_itself(text in "([-#>*_`|!\\[\\]()<>&.:0-9a-z 中文。\\\\~+=^$]{0,20}\n{0,3}){1,5}") {
            let expected = normalized_quote(&text);
            let markdown = block_quote(&text);
            let parsed = quote_text(&markdown).unwrap_or_default();
            prop_assert_eq!(parsed, expected, "markdown was {:?}", markdown);
        }
    }
}
