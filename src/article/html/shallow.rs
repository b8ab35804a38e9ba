//! Markup nested deeper than any real page (100,000 `<div>`s inside each other) made shallow
//! before it is parsed: an HTML5 tree builder looks down its stack of open elements for
//! almost every tag, so parsing such a page takes time quadratic in its depth. Container tags
//! past [`LIMIT`] levels are dropped (block ones become `<p>`, so their text still stands
//! apart); their text stays, in order.

use std::borrow::Cow;

/// How many container elements may be open at once; below [`super::walk::MAX_DEPTH`], so the
/// walk reads a flattened page with its structure.
pub const LIMIT: usize = 128;

/// Elements that hold others and can be dropped without losing text; the first ones are
/// blocks, whose dropped tags become paragraph breaks.
const BLOCKS: &[&str] = &[
    "div",
    "section",
    "article",
    "aside",
    "nav",
    "main",
    "header",
    "footer",
    "blockquote",
    "center",
    "form",
    "fieldset",
    "figure",
    "details",
];
const INLINES: &[&str] = &[
    "span", "font", "a", "b", "i", "em", "strong", "u", "s", "small", "big", "sub", "sup", "code",
    "label", "abbr", "cite", "q", "mark", "time",
];
/// Elements whose content is not markup: skipped whole.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with container tags nested past [`LIMIT`] taken out; borrowed when none are.
pub fn shallow(html: &str) -> Cow<'_, str> {
    let mut depth = Depth::default();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    // Whether the output ends with a break put in for a dropped block, white space aside.
    let mut broke = false;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let Some(tag) = Tag::at(html, start) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        if let Some(replacement) = depth.step(&tag) {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            let between = &html[copied..start];
            // A run of dropped tags with nothing between them is one break, not thousands of
            // empty paragraphs for the article finder to score.
            let repeated = !replacement.is_empty() && between.trim().is_empty() && broke;
            out.push_str(between);
            if !repeated {
                out.push_str(replacement);
            }
            broke = !replacement.is_empty() || (broke && between.trim().is_empty());
            copied = tag.end;
        }
        if !tag.closing && RAW.iter().any(|r| tag.name.eq_ignore_ascii_case(r)) {
            at = raw_end(html, at, tag.name);
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
    }
}

/// A start or end tag in the source.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    /// The byte after its `>` (or the end of the text).
    end: usize,
}

impl<'a> Tag<'a> {
    /// The tag starting at the `<` at byte `start`; a comment is stepped over whole (as a tag
    /// with no name), and `None` is a `<` that starts no tag (a declaration, text).
    fn at(html: &'a str, start: usize) -> Option<Tag<'a>> {
        let rest = &html[start + 1..];
        if rest.starts_with("!--") {
            let end = rest.find("-->").map_or(html.len(), |i| start + 1 + i + 3);
            return Some(Tag {
                name: "",
                closing: true,
                end,
            });
        }
        let closing = rest.starts_with('/');
        let name_from = start + 1 + usize::from(closing);
        let name_len = html[name_from..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(html.len() - name_from);
        if name_len == 0 || !html.as_bytes()[name_from].is_ascii_alphabetic() {
            return None;
        }
        Some(Tag {
            name: &html[name_from..name_from + name_len],
            closing,
            end: tag_end(html, name_from + name_len),
        })
    }
}

/// The byte after the `>` that ends a tag whose attributes start at `from`; quoted values may
/// hold `>`.
fn tag_end(html: &str, from: usize) -> usize {
    let mut quote = None;
    for (i, b) in html.as_bytes()[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), _) if q == *b => quote = None,
            (None, b'>') => return from + i + 1,
            _ => {}
        }
    }
    html.len()
}

/// Where the text of a raw element that starts at `from` ends: at its end tag.
fn raw_end(html: &str, from: usize, name: &str) -> usize {
    let closing = format!("</{}", name.to_ascii_lowercase());
    let rest = &html[from..];
    let lower = rest.to_ascii_lowercase();
    lower.find(&closing).map_or(html.len(), |i| from + i)
}

/// How deep the containers kept are, and how many of each name were dropped and not closed.
#[derive(Default)]
struct Depth {
    open: usize,
    dropped: Vec<(String, usize)>,
}

impl Depth {
    /// What to put in place of `tag`, when it is dropped.
    fn step(&mut self, tag: &Tag<'_>) -> Option<&'static str> {
        let block = BLOCKS.iter().any(|b| tag.name.eq_ignore_ascii_case(b));
        if !block && !INLINES.iter().any(|b| tag.name.eq_ignore_ascii_case(b)) {
            return None;
        }
        let replacement = if block { "<p>" } else { "" };
        let name = tag.name.to_ascii_lowercase();
        let dropped = self.dropped.iter().position(|(n, _)| *n == name);
        match (tag.closing, dropped) {
            // The innermost element of that name is one dropped (it opened past the limit).
            (true, Some(i)) => {
                self.dropped[i].1 -= 1;
                if self.dropped[i].1 == 0 {
                    self.dropped.swap_remove(i);
                }
                Some(replacement)
            }
            (true, None) => {
                self.open = self.open.saturating_sub(1);
                None
            }
            (false, _) if self.open < LIMIT => {
                self.open += 1;
                None
            }
            (false, Some(i)) => {
                self.dropped[i].1 += 1;
                Some(replacement)
            }
            (false, None) => {
                self.dropped.push((name, 1));
                Some(replacement)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use dom_query::Document;
    use std::path::Path;

    fn nested(levels: usize, inner: &str) -> String {
        format!(
            "<html><head><title>Deep</title></head><body>{}{inner}{}<p>After.</p></body></html>",
            "<div>".repeat(levels),
            "</div>".repeat(levels)
        )
    }

    /// How deep the deepest element of the parsed page lies (walked without recursion).
    fn depth(html: &str) -> usize {
        let doc = Document::from(html);
        let mut deepest = 0;
        let mut stack = vec![(doc.root(), 0usize)];
        while let Some((node, d)) = stack.pop() {
            deepest = deepest.max(d);
            stack.extend(node.element_children().into_iter().map(|c| (c, d + 1)));
        }
        deepest
    }

    fn paragraphs(html: &str) -> Vec<String> {
        let article =
            Article::from_bytes(html.as_bytes(), Some(Path::new("page.html"))).expect("loads");
        (0..article.blocks.len())
            .map(|i| article.block_text(i).to_string())
            .collect()
    }

    #[test]
    fn deep_html_nesting_is_flattened() {
        // The tree builder's work grows with the square of what it is given to nest: the
        // page it parses must be shallow, whatever the source's depth.
        let page = nested(100_000, "<p>Inner text here.</p>");
        let made = shallow(&page);
        assert!(depth(&made) <= LIMIT + 5, "depth {}", depth(&made));
        assert_eq!(
            paragraphs(&page),
            ["Deep", "Inner text here.", "After."].map(String::from)
        );
        // A page of ordinary depth is left as it is.
        let normal = nested(40, "<p>Inner.</p>");
        assert!(matches!(shallow(&normal), Cow::Borrowed(_)));
    }

    #[test]
    fn flattened_levels_keep_their_text_apart_and_in_order() {
        let levels = 3 * LIMIT;
        let mut page = String::from("<html><body>");
        for i in 0..levels {
            page.push_str(&format!("<div><span>level {i}</span>"));
        }
        page.push_str(&"</div>".repeat(levels));
        page.push_str(
            "<!-- <div> --><script>if (a <div) {}</script><p title='a>b'>After.</p></body></html>",
        );
        let expected: Vec<String> = (0..levels)
            .map(|i| format!("level {i}"))
            .chain(["After.".to_string()])
            .collect();
        let found = paragraphs(&page);
        assert_eq!(found[found.len() - expected.len()..], expected[..]);
    }
}
