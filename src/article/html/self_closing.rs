//! XHTML written into `.html` files: `<a id="x"/>` closes itself in XML, but an HTML5 parser
//! reads it as an open `<a>` that swallows the heading and, re-opened after every block, the
//! rest of the chapter as link text. Such tags are closed before the page is parsed.

use std::borrow::Cow;

/// Elements that never have content in HTML: their `/>` means nothing and needs no repair.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text, where a `<` starts no tag.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// `html` with every self-closed non-void element (`<a id="x"/>`, `<div/>`) written as an
/// empty element (`<a id="x"></a>`); borrowed when there is none. Comments, CDATA sections and
/// the content of scripts and styles are left as they are; SVG and MathML, where `/>` is
/// honoured by the parser, need no repair and are not harmed by it.
pub fn close_self_closed(html: &str) -> Cow<'_, str> {
    if !html.contains("/>") {
        return Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    let bytes = html.as_bytes();
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = skip_past(html, start, "-->");
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            at = skip_past(html, start, "]]>");
            continue;
        }
        let Some(tag) = Tag::read(html, start) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        let name = tag.name.to_ascii_lowercase();
        if tag.self_closed && !VOID.contains(&name.as_str()) {
            out.push_str(&html[copied..tag.slash]);
            out.push('>');
            out.push_str("</");
            out.push_str(tag.name);
            out.push('>');
            copied = tag.end;
        } else if RAW_TEXT.contains(&name.as_str()) && !tag.self_closed {
            at = skip_past_closing(html, at, &name);
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// A start tag found in the text.
struct Tag<'a> {
    name: &'a str,
    /// Whether it ends in `/>`.
    self_closed: bool,
    /// Byte offset of the `/` of `/>` (when self-closed).
    slash: usize,
    /// Byte offset just past its `>`.
    end: usize,
}

impl<'a> Tag<'a> {
    /// The start tag at byte `start` (a `<`), or `None` when none starts there (an end tag, a
    /// declaration, a `<` in text, or a tag the text ends inside).
    fn read(html: &'a str, start: usize) -> Option<Tag<'a>> {
        let bytes = html.as_bytes();
        let name_start = start + 1;
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        let mut i = name_start + name_len;
        let mut quote: Option<u8> = None;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => {
                    // As the HTML5 tokeniser reads it: `/` right after the name, a space or a
                    // quoted value closes the tag; after an unquoted value it is part of it.
                    let name_end = name_start + name_len;
                    let self_closed = bytes[i - 1] == b'/'
                        && (i - 1 == name_end
                            || matches!(bytes[i - 2], b'"' | b'\'' | b' ' | b'\t' | b'\n' | b'\r'));
                    return Some(Tag {
                        name: &html[name_start..name_start + name_len],
                        self_closed,
                        slash: i - 1,
                        end: i + 1,
                    });
                }
                None => {}
            }
            i += 1;
        }
        None
    }
}

/// The byte offset just past the first `marker` at or after `from`, or the text's end.
fn skip_past(html: &str, from: usize, marker: &str) -> usize {
    html[from..]
        .find(marker)
        .map_or(html.len(), |i| from + i + marker.len())
}

/// The byte offset of the end tag `</name` closing raw text that starts at `from`, or the
/// text's end (ASCII case-insensitive, as the parser matches it).
fn skip_past_closing(html: &str, from: usize, name: &str) -> usize {
    let needle = format!("</{name}");
    let lower = html[from..].to_ascii_lowercase();
    lower.find(&needle).map_or(html.len(), |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::close_self_closed;

    #[test]
    fn self_closed_anchor_is_closed() {
        assert_eq!(
            close_self_closed(r#"<h2 class="title"><a id="x"/>6.1. 构建</h2>"#),
            r#"<h2 class="title"><a id="x"></a>6.1. 构建</h2>"#
        );
        assert_eq!(close_self_closed("<div/><p>a</p>"), "<div></div><p>a</p>");
    }

    #[test]
    fn void_elements_and_plain_pages_are_left_alone() {
        for html in [
            "<p>one<br/>two<img src='a.png' /></p>",
            "<p>no tags close themselves here</p>",
            "<a href='/x/'>link</a>",
            "<p title='a/>b'>quoted</p>",
            "<a href=/x/>unquoted value ending in a slash</a>",
        ] {
            assert!(matches!(
                close_self_closed(html),
                std::borrow::Cow::Borrowed(_)
            ));
        }
    }

    #[test]
    fn comments_scripts_and_cdata_are_not_repaired() {
        let html = "<!-- <a/> --><script>if (a<b) x = '<span/>';</script>\
                    <style>p{}</style><![CDATA[<b/>]]><i/>";
        assert_eq!(
            close_self_closed(html),
            "<!-- <a/> --><script>if (a<b) x = '<span/>';</script>\
             <style>p{}</style><![CDATA[<b/>]]><i></i>"
        );
    }

    #[test]
    fn unfinished_tags_and_stray_brackets_are_kept() {
        for html in ["a < b and c/> d", "<p>open <a id='x'", "</p/>", "<1/>"] {
            assert_eq!(close_self_closed(html), html);
        }
    }
}
