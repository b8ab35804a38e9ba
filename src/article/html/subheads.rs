//! Paragraphs set apart as section headings by their type alone, as many sites' editors write
//! them: wholly in bold (`<p><strong>The plan</strong></p>`) or wholly in capitals (the news
//! agencies' `<p>FRANCE WINS</p>`), over the text they head.

use dom_query::NodeRef;

use super::walk::{self, heading_level, inline_text, is_skipped};

/// Longest paragraph taken for a heading: about one line of a page.
const MAX_CHARS: usize = 80;
/// How many boxes up the text a subhead heads is looked for.
const MAX_CLIMB: usize = 4;

/// Whether the paragraph `p` is a subhead: all its text in `<strong>`/`<b>` or in capitals, no
/// link, one short line, opening with a letter or digit (quotation marks, brackets and dashes open pull
/// quotes, sources and signatures), not ending like a sentence (a bold sentence is emphasis, a
/// bold line ending in a colon leads into a list, one ending in an exclamation mark calls out to
/// the reader), and followed by text that is not set apart
/// in the same way (a heading heads something; a run of bold lines is a list of labels).
pub fn is_subhead(p: &NodeRef) -> bool {
    let text = inline_text(p);
    let core = text.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    (is_all_bold(p) || is_capitals(&text))
        && !p
            .descendants_it()
            .any(|d| d.node_name().as_deref() == Some("a"))
        && is_one_line(p)
        && text.chars().count() <= MAX_CHARS
        && text.starts_with(char::is_alphanumeric)
        && !core.ends_with(['.', ',', ';', ':', '…', '!', '。', '，', '：', '！'])
        && next_with_text(p).is_some_and(|next| !is_set_apart(&next))
        && !in_cell_or_item(p)
        && !next_with_text(p).is_some_and(|next| opens_with_display(&next))
}

/// Whether the paragraph sits in a table cell or a list item, where a bold or capital line
/// labels a row or an item ("DEBUG", "Text data") and heads no section.
fn in_cell_or_item(p: &NodeRef) -> bool {
    p.ancestors_it(None)
        .any(|a| matches!(a.node_name().as_deref(), Some("td" | "th" | "li")))
}

/// Whether an element's first text is in a code listing, a table or a figure: a bold line
/// over it is that display's caption ("Example 12.1. mdadm.conf", "例 6.1."), not a heading.
fn opens_with_display(node: &NodeRef) -> bool {
    walk::opens_with(node, |tag| matches!(tag, "pre" | "table" | "figure"))
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

/// Whether the element's text stands on one line: no `<br>` between two pieces of it (one at
/// either end is the editor's habit, not a break).
fn is_one_line(node: &NodeRef) -> bool {
    let mut seen_text = false;
    let mut broken = false;
    for d in node.descendants_it() {
        if d.node_name().as_deref() == Some("br") {
            broken = seen_text;
        } else if d.is_text() && !d.text().trim().is_empty() {
            if broken {
                return false;
            }
            seen_text = true;
        }
    }
    true
}

/// The next element with text after `node` in reading order: its next sibling that shows text,
/// or, when it is the last one in its parent, its parent's (paragraphs are often wrapped one
/// to a box), a few levels up at most.
fn next_with_text<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut from = *node;
    for _ in 0..MAX_CLIMB {
        let mut next = from.next_element_sibling();
        while let Some(n) = next {
            if !is_skipped(&n) && !inline_text(&n).is_empty() {
                return Some(n);
            }
            next = n.next_element_sibling();
        }
        from = from.parent()?;
    }
    None
}

/// Text whose letters are all capitals, two at least.
fn is_capitals(text: &str) -> bool {
    // Letters without case (Chinese, Japanese) are not capitals: "ELF库文件包" is not shouted.
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// A heading element or another paragraph written wholly in bold or capitals.
fn is_set_apart(node: &NodeRef) -> bool {
    let name = node.node_name();
    name.as_deref().is_some_and(|n| heading_level(n).is_some())
        || name.as_deref() == Some("p") && (is_all_bold(node) || is_capitals(&inline_text(node)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn first_p(html: &str) -> bool {
        let doc = Document::fragment(html);
        let p = doc.select("p").nodes().first().cloned();
        p.is_some_and(|p| is_subhead(&p))
    }

    const PROSE: &str = "<p>The text this heading introduces, a sentence of prose.</p>";

    #[test]
    fn a_bold_or_capital_paragraph_over_prose_is_a_heading() {
        assert!(first_p(&format!("<p>FRANCE WINS</p>{PROSE}")));
        assert!(first_p(&format!(
            "<p><strong>The al-Tanf base</strong></p>{PROSE}"
        )));
        assert!(first_p(&format!("<p><b>Why</b> <b>now?</b></p>{PROSE}")));
        assert!(first_p(&format!(
            "<p> <strong>He said, she said</strong> </p><div>{PROSE}</div>"
        )));
        assert!(first_p(&format!(
            "<div><p><b>Boxed</b></p></div><div>{PROSE}</div>"
        )));
    }

    #[test]
    fn bold_text_that_is_not_a_heading() {
        for p in [
            "<p><strong>Lead</strong> and plain text in one paragraph.</p>",
            "<p><strong>A whole sentence set in bold for emphasis.</strong></p>",
            "<p><strong>Here is what happened:</strong></p>",
            "<p><strong>Share it with a friend!</strong></p>",
            "<p><strong>“A pull quote in bold”</strong></p>",
            "<p><strong>[ Engadget ]</strong></p>",
            "<p><strong>– Ann B.</strong></p>",
            "<p><strong><a href='/next'>Read the next story</a></strong></p>",
        ] {
            assert!(!first_p(&format!("{p}{PROSE}")), "{p}");
        }
        assert!(!first_p(&format!("<p>US Falls</p>{PROSE}")));
        assert!(!first_p(&format!("<p>VIP : 60$<br>R : 50$</p>{PROSE}")));
        assert!(first_p(&format!("<p><b>Trailing break</b><br></p>{PROSE}")));
        assert!(!first_p(&format!("<p>NASA SAYS SO.</p>{PROSE}")));
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
        assert!(!first_p("<p>ROUND ONE</p><p>ROUND TWO</p>"));
    }
}
