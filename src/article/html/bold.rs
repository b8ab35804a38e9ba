//! Paragraphs written wholly in bold that stand for section headings (`<p><strong>The
//! plan</strong></p>` over the text it heads), as many sites' editors write them.

use dom_query::NodeRef;

use super::walk::{heading_level, inline_text, is_skipped};

/// Longest bold paragraph taken for a heading: about one line of a page.
const MAX_CHARS: usize = 80;

/// Whether the paragraph `p` is a bold heading: all its text in `<strong>`/`<b>`, no link,
/// short, opening with a letter or digit (quotation marks, brackets and dashes open pull quotes,
/// sources and signatures), not ending like a sentence (a bold sentence is emphasis, a bold line
/// ending in a colon leads into a list), and followed by text that is neither a heading nor
/// bold itself (a heading heads something; a run of bold lines is a list of labels).
pub fn is_bold_heading(p: &NodeRef) -> bool {
    let text = inline_text(p);
    let core = text.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    is_all_bold(p)
        && !p
            .descendants_it()
            .any(|d| d.node_name().as_deref() == Some("a"))
        && text.chars().count() <= MAX_CHARS
        && text.starts_with(char::is_alphanumeric)
        && !core.ends_with(['.', ',', ';', ':', '…', '。', '，', '：'])
        && next_with_text(p).is_some_and(|next| !is_set_apart(&next))
}

/// Whether every visible character of the element is inside `<strong>` or `<b>` within it.
fn is_all_bold(node: &NodeRef) -> bool {
    let mut any = false;
    for d in node.descendants_it() {
        if d.is_text() && !d.text().trim().is_empty() {
            let bold = d
                .ancestors_it(None)
                .take_while(|a| a.id != node.id)
                .any(|a| matches!(a.node_name().as_deref(), Some("strong" | "b")));
            if !bold {
                return false;
            }
            any = true;
        }
    }
    any
}

/// The next sibling element that shows text, if the paragraph is followed by one before its
/// parent ends.
fn next_with_text<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut next = node.next_element_sibling();
    while let Some(n) = next {
        if !is_skipped(&n) && !inline_text(&n).is_empty() {
            return Some(n);
        }
        next = n.next_element_sibling();
    }
    None
}

/// A heading element or another paragraph written wholly in bold.
fn is_set_apart(node: &NodeRef) -> bool {
    let name = node.node_name();
    name.as_deref().is_some_and(|n| heading_level(n).is_some())
        || name.as_deref() == Some("p") && is_all_bold(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn first_p(html: &str) -> bool {
        let doc = Document::fragment(html);
        let p = doc.select("p").nodes().first().cloned();
        p.is_some_and(|p| is_bold_heading(&p))
    }

    const PROSE: &str = "<p>The text this heading introduces, a sentence of prose.</p>";

    #[test]
    fn a_bold_paragraph_over_prose_is_a_heading() {
        assert!(first_p(&format!(
            "<p><strong>The al-Tanf base</strong></p>{PROSE}"
        )));
        assert!(first_p(&format!("<p><b>Why</b> <b>now?</b></p>{PROSE}")));
        assert!(first_p(&format!(
            "<p> <strong>He said, she said</strong> </p><div>{PROSE}</div>"
        )));
    }

    #[test]
    fn bold_text_that_is_not_a_heading() {
        for p in [
            "<p><strong>Lead</strong> and plain text in one paragraph.</p>",
            "<p><strong>A whole sentence set in bold for emphasis.</strong></p>",
            "<p><strong>Here is what happened:</strong></p>",
            "<p><strong>“A pull quote in bold”</strong></p>",
            "<p><strong>[ Engadget ]</strong></p>",
            "<p><strong>– Ann B.</strong></p>",
            "<p><strong><a href='/next'>Read the next story</a></strong></p>",
        ] {
            assert!(!first_p(&format!("{p}{PROSE}")), "{p}");
        }
        let long = "Word ".repeat(20);
        assert!(!first_p(&format!("<p><b>{long}</b></p>{PROSE}")));
    }

    #[test]
    fn a_bold_line_must_head_text() {
        assert!(!first_p("<p><strong>Last words</strong></p>"));
        assert!(!first_p(
            "<p><b>Account: @cook</b></p><p><b>What inspired you?</b></p>"
        ));
        assert!(!first_p("<p><b>Round one</b></p><h2>Round two</h2>"));
    }
}
