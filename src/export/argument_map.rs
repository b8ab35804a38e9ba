//! The argument map of an export: each claim with what supports and opposes it, nested, then
//! the questions with their answers, then links that lead out of the map (to a deleted
//! highlight, or to one in another article). Built once from an [`ExportDoc`], drawn as a
//! Markdown list here and as a Mermaid graph in [`super::mermaid`].

use std::collections::HashMap;
use std::fmt::Write;

use super::escape::escape_inline;
use super::{ExportDoc, ExportHighlight, ExportLink, Role};

/// Heading of the map's section in the Markdown export.
pub const HEADING: &str = "Argument map";

/// How deep the map nests (evidence for an objection to a claim…); a cycle of links stops
/// at the first highlight already on its path.
const DEPTH: usize = 6;

/// A highlight in the map, with what links to it.
#[derive(Debug)]
pub struct Node<'a> {
    pub highlight: &'a ExportHighlight,
    /// How it relates to the node above it (`None` at the top).
    pub kind: Option<&'a str>,
    pub children: Vec<Node<'a>>,
}

/// The map of one article.
#[derive(Debug)]
pub struct Map<'a> {
    /// Claims (and other highlights something links to), each with its tree.
    pub claims: Vec<Node<'a>>,
    /// Questions, each with its answers.
    pub questions: Vec<Node<'a>>,
    /// Links whose target is not in this article's map: deleted, or in another article.
    pub outside: Vec<(&'a ExportHighlight, &'a ExportLink)>,
}

impl<'a> Map<'a> {
    /// The map of `doc`, or `None` when no highlight has a role or a link.
    pub fn of(doc: &'a ExportDoc) -> Option<Map<'a>> {
        let all = &doc.highlights;
        if all.iter().all(|h| h.role.is_none() && h.links.is_empty()) {
            return None;
        }
        let by_id: HashMap<&str, &ExportHighlight> =
            all.iter().map(|h| (h.id.as_str(), h)).collect();
        let targeted = |h: &ExportHighlight| all.iter().any(|o| links_to(o, h).is_some());
        let leads_in = |h: &ExportHighlight| h.links.iter().any(|l| by_id.contains_key(&*l.target));
        let is_root = |h: &&ExportHighlight| match h.role {
            Some(Role::Claim) => true,
            Some(Role::Question) => false,
            _ => targeted(h) && !leads_in(h),
        };
        let claims = all
            .iter()
            .filter(is_root)
            .map(|h| node(all, h, None, &mut Vec::new()))
            .collect();
        let questions = all
            .iter()
            .filter(|h| h.role == Some(Role::Question))
            .map(|h| node(all, h, None, &mut Vec::new()))
            .collect();
        let outside = all
            .iter()
            .flat_map(|h| h.links.iter().map(move |l| (h, l)))
            .filter(|(_, l)| l.dangling || !by_id.contains_key(&*l.target))
            .collect();
        Some(Map {
            claims,
            questions,
            outside,
        })
    }
}

/// The kind of `from`'s link to `to`, if it has one.
fn links_to<'a>(from: &'a ExportHighlight, to: &ExportHighlight) -> Option<&'a str> {
    from.links
        .iter()
        .find(|l| l.target == to.id && !l.dangling)
        .map(|l| l.kind.as_str())
}

/// `h` with, nested, every highlight of `all` that links to it; `path` holds the ids above.
fn node<'a>(
    all: &'a [ExportHighlight],
    h: &'a ExportHighlight,
    kind: Option<&'a str>,
    path: &mut Vec<&'a str>,
) -> Node<'a> {
    path.push(&h.id);
    let mut children = Vec::new();
    if path.len() <= DEPTH {
        for o in all {
            if let Some(k) = links_to(o, h).filter(|_| !path.contains(&o.id.as_str())) {
                children.push(node(all, o, Some(k), path));
            }
        }
    }
    path.pop();
    Node {
        highlight: h,
        kind,
        children,
    }
}

/// What a highlight is called in the map: its role, else what its link says.
pub fn label(h: &ExportHighlight, kind: Option<&str>) -> String {
    let role = h.role.map(Role::name);
    let word = role.or(kind).unwrap_or("highlight");
    let mut label: String = word.chars().take(1).flat_map(char::to_uppercase).collect();
    label.extend(word.chars().skip(1));
    match (role, kind) {
        (Some(_), Some(kind)) => format!("{label} ({kind})"),
        _ => label,
    }
}

/// The quote on one line, as the map shows it.
pub fn one_line(quote: &str) -> String {
    quote.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the map as a Markdown section: nested lists, each item the label, the quote and
/// the note indented under it; then the Mermaid block.
pub fn write_markdown(out: &mut String, map: &Map<'_>) {
    let _ = writeln!(out, "## {HEADING}\n");
    for claim in &map.claims {
        write_node(out, claim, 0);
    }
    if !map.questions.is_empty() {
        let _ = writeln!(out, "\n**Open questions**\n");
        for question in &map.questions {
            write_node(out, question, 0);
        }
    }
    if !map.outside.is_empty() {
        let _ = writeln!(out, "\n**Links outside this map**\n");
        for (h, link) in &map.outside {
            let whose = match link.dangling {
                true => "a deleted highlight",
                false => "a highlight in another article",
            };
            let _ = writeln!(
                out,
                "- {}: \"{}\" {} {whose} ({})",
                label(h, None),
                escape_inline(&one_line(&h.quote)),
                escape_inline(&link.kind),
                link.target
            );
        }
    }
    let _ = writeln!(out, "\n{}", super::mermaid::block(map));
}

fn write_node(out: &mut String, node: &Node<'_>, depth: usize) {
    let indent = "  ".repeat(depth);
    let h = node.highlight;
    let _ = writeln!(
        out,
        "{indent}- **{}:** \"{}\" [↗](#^hl-{})",
        label(h, node.kind),
        escape_inline(&one_line(&h.quote)),
        h.id.to_ascii_lowercase()
    );
    let note = super::markdown::guarded(h.note.trim());
    for line in note.lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "{indent}  {line}");
    }
    for child in &node.children {
        write_node(out, child, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::markdown::{body, tests::highlight};
    use crate::export::{AnchorStatus, web_annotation};

    fn with(id: &str, quote: &str, role: Role, links: &[(&str, &str, bool)]) -> ExportHighlight {
        let mut h = highlight(id, quote, &[(2, "S")], AnchorStatus::Verified);
        h.role = Some(role);
        h.links = links
            .iter()
            .map(|&(target, kind, dangling)| ExportLink {
                target: target.into(),
                kind: kind.into(),
                dangling,
            })
            .collect();
        h
    }

    fn argument() -> ExportDoc {
        let mut objection = with(
            "01O",
            "But \"users\" leave; #fast",
            Role::Objection,
            &[("01C", "opposes", false)],
        );
        objection.note = "Weak <b>point</b>\n\nsecond paragraph".into();
        let highlights = vec![
            with("01Q", "Will it last?", Role::Question, &[]),
            with(
                "01C",
                "Social commerce works",
                Role::Claim,
                &[("01Q", "answers", false)],
            ),
            with(
                "01E",
                "Sales grew",
                Role::Evidence,
                &[("01C", "supports", false)],
            ),
            objection,
            with(
                "01F",
                "Only in cities",
                Role::Evidence,
                &[("01O", "supports", false)],
            ),
            with(
                "01G",
                "Lost support",
                Role::Evidence,
                &[("01GONE", "supports", true)],
            ),
        ];
        ExportDoc {
            title: "T".into(),
            source: "a.txt".into(),
            doc_id: "d".into(),
            exported: "2026-12-06T00:00:00Z".into(),
            highlights,
        }
    }

    #[test]
    fn issue18_the_map_nests_evidence_and_objections_under_claims_then_questions() {
        let body = body(&argument());
        let map_at = body.find("## Argument map").expect(&body);
        assert!(
            map_at < body.find("> Social commerce works").unwrap(),
            "map first"
        );
        let lines: Vec<&str> = body.lines().collect();
        let at = |start: &str| {
            let found = lines.iter().position(|l| l.starts_with(start));
            found.unwrap_or_else(|| panic!("no line {start:?} in\n{body}"))
        };
        let claim = at("- **Claim:** \"Social commerce works\"");
        let evidence = at("  - **Evidence (supports):** \"Sales grew\"");
        let objection = at("  - **Objection (opposes):** \"But \"users\" leave; \\#fast\"");
        let deeper = at("    - **Evidence (supports):** \"Only in cities\"");
        assert!(
            claim < evidence && evidence < objection && objection < deeper,
            "{body}"
        );
        assert_eq!(
            lines[objection + 1..objection + 3],
            ["    Weak <b>point</b>", "    second paragraph"]
        );
        let questions = at("**Open questions**");
        assert!(questions > deeper);
        assert!(lines[questions + 2].starts_with("- **Question:** \"Will it last?\""));
        assert!(
            lines[questions + 3].starts_with("  - **Claim (answers):**"),
            "{body}"
        );
        assert!(
            body.contains("supports a deleted highlight (01GONE)"),
            "{body}"
        );
        assert!(
            body.contains("*supports a deleted highlight (01GONE)*"),
            "under the highlight too"
        );
    }

    #[test]
    fn issue18_the_mermaid_block_passes_the_grammar_check() {
        let doc = argument();
        let body = body(&doc);
        let start = body.find("```mermaid").unwrap();
        let end = body[start + 3..].find("```\n").unwrap() + start + 7;
        let block = &body[start..end];
        // Six highlights and the deleted target; every link an edge.
        assert_eq!(
            crate::export::mermaid::tests::check(block),
            Ok((7, 5)),
            "{block}"
        );
        assert!(block.contains("hl_01o -.->|opposes| hl_01c"), "{block}");
        assert!(block.contains("hl_01e -->|supports| hl_01c"), "{block}");
        assert!(
            block.contains("gone_01gone[\"deleted highlight 01GONE\"]"),
            "{block}"
        );
    }

    #[test]
    fn issue18_web_annotation_carries_roles_as_motivations_and_links_as_annotations() {
        let v = web_annotation::collection(&argument());
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 6 + 5, "a link is an annotation of its own");
        let by_id = |id: &str| items.iter().find(|i| i["id"] == id).unwrap();
        assert_eq!(
            by_id("urn:folio:annotation:01Q")["motivation"],
            "questioning"
        );
        assert_eq!(by_id("urn:folio:annotation:01O")["motivation"], "assessing");
        let claim = by_id("urn:folio:annotation:01C");
        assert!(
            claim["body"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["purpose"] == "classifying" && b["value"] == "claim")
        );
        let link = by_id("urn:folio:link:01E:01C");
        assert_eq!(link["motivation"], "linking");
        assert_eq!(link["target"], "urn:folio:annotation:01C");
        assert_eq!(link["body"][0]["id"], "urn:folio:annotation:01E");
        assert_eq!(link["body"][1]["value"], "supports");
        assert_eq!(by_id("urn:folio:link:01G:01GONE")["folio:dangling"], true);
    }
}
