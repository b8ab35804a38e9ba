//! The argument map as a Mermaid `graph` block, which Obsidian and GitHub draw: one node per
//! highlight (its role and the start of its quote), an arrow from each highlight to what it
//! supports or answers, a dotted one to what it opposes; targets outside the article's map
//! (deleted, or in another article) as nodes saying so.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::ExportHighlight;
use super::argument_map::{Map, Node, label, one_line};

/// The longest quote a node shows, in characters.
const LABEL_CHARS: usize = 60;

/// The fenced ```` ```mermaid ```` block of `map`, ending with a newline.
pub fn block(map: &Map<'_>) -> String {
    let mut graph = Graph::default();
    for node in map.claims.iter().chain(&map.questions) {
        graph.add(node);
    }
    for (h, link) in &map.outside {
        let from = graph.declare(h, None);
        let (prefix, text) = match link.dangling {
            true => ("gone", "deleted highlight"),
            false => ("other", "highlight in another article"),
        };
        let to = format!("{prefix}_{}", node_id_part(&link.target));
        if graph.declared.insert(to.clone()) {
            let text = format!("{text} {}", link.target);
            let _ = writeln!(graph.lines, "  {to}[\"{}\"]", escape_label(&text));
        }
        graph.edge(&from, &link.kind, &to);
    }
    format!("```mermaid\ngraph TD\n{}```\n", graph.lines)
}

/// The lines of the graph being written, and what they declared already.
#[derive(Default)]
struct Graph {
    lines: String,
    declared: BTreeSet<String>,
    edges: BTreeSet<(String, String, String)>,
}

impl Graph {
    fn add(&mut self, node: &Node<'_>) {
        let id = self.declare(node.highlight, node.kind);
        for child in &node.children {
            self.add(child);
            let from = node_id(child.highlight);
            self.edge(&from, child.kind.unwrap_or("links"), &id);
        }
    }

    /// Declares `h`'s node once; answers its id.
    fn declare(&mut self, h: &ExportHighlight, kind: Option<&str>) -> String {
        let id = node_id(h);
        if self.declared.insert(id.clone()) {
            let quote: String = one_line(&h.quote).chars().take(LABEL_CHARS).collect();
            let more = if h.quote.chars().count() > LABEL_CHARS {
                "…"
            } else {
                ""
            };
            let text = format!("{}: {quote}{more}", label(h, kind));
            let _ = writeln!(self.lines, "  {id}[\"{}\"]", escape_label(&text));
        }
        id
    }

    fn edge(&mut self, from: &str, kind: &str, to: &str) {
        if self.edges.insert((from.into(), kind.into(), to.into())) {
            let arrow = if kind == "opposes" { "-.->" } else { "-->" };
            let kind: String = kind.chars().filter(char::is_ascii_alphabetic).collect();
            let _ = writeln!(self.lines, "  {from} {arrow}|{kind}| {to}");
        }
    }
}

fn node_id(h: &ExportHighlight) -> String {
    format!("hl_{}", node_id_part(&h.id))
}

/// An id as Mermaid takes it in a node name: ASCII letters and digits only.
fn node_id_part(id: &str) -> String {
    id.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A label for inside `["…"]`: Mermaid's entity codes for the characters that would end the
/// string, start markup or an entity, or end the statement; line breaks as spaces.
fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            ';' => out.push_str("#59;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashSet;

    /// Checks `block` against the part of Mermaid's flowchart grammar folio emits: a fenced
    /// block, `graph TD`, node statements `ID["label"]` (an identifier, a label with no raw
    /// `"`, and every `#` starting an entity code `#name;` or `#123;`), and edges
    /// `ID --> |kind| ID` or `ID -.->|kind| ID` between declared nodes. Answers the number
    /// of nodes and edges, or what is wrong.
    pub fn check(block: &str) -> Result<(usize, usize), String> {
        let body = block
            .strip_prefix("```mermaid\ngraph TD\n")
            .and_then(|b| b.strip_suffix("```\n"))
            .ok_or("not a fenced mermaid graph TD block")?;
        let ident = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        let (mut nodes, mut edges) = (HashSet::new(), 0);
        for line in body.lines() {
            let line = line
                .strip_prefix("  ")
                .ok_or(format!("not indented: {line}"))?;
            if let Some((id, rest)) = line.split_once("[\"") {
                let label = rest
                    .strip_suffix("\"]")
                    .ok_or(format!("unclosed: {line}"))?;
                if !ident(id) || label.contains('"') || !entities_ok(label) {
                    return Err(format!("bad node: {line}"));
                }
                if !nodes.insert(id.to_string()) {
                    return Err(format!("declared twice: {id}"));
                }
                continue;
            }
            let parts: Vec<&str> = line.split(' ').collect();
            let [from, arrow, to] = parts[..] else {
                return Err(format!("neither node nor edge: {line}"));
            };
            let kind = arrow
                .strip_prefix("-->|")
                .or_else(|| arrow.strip_prefix("-.->|"))
                .and_then(|k| k.strip_suffix('|'))
                .ok_or(format!("bad arrow: {line}"))?;
            let known = |id: &str| ident(id) && nodes.contains(id);
            if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(format!("bad edge label: {line}"));
            }
            if !known(from) || !known(to) {
                return Err(format!("edge between undeclared nodes: {line}"));
            }
            edges += 1;
        }
        Ok((nodes.len(), edges))
    }

    fn entities_ok(label: &str) -> bool {
        label.split('#').skip(1).all(|after| {
            after.split_once(';').is_some_and(|(code, _)| {
                !code.is_empty()
                    && (code.chars().all(|c| c.is_ascii_digit())
                        || code.chars().all(|c| c.is_ascii_lowercase()))
            })
        })
    }

    #[test]
    fn issue18_labels_with_markup_quotes_and_semicolons_stay_one_string() {
        let nasty = "He said \"stop\"; #1 <b>`x`</b>\nnext";
        let label = super::escape_label(nasty);
        assert!(!label.contains('"') && !label.contains('\n'), "{label}");
        assert!(entities_ok(&label), "{label}");
        let block = format!("```mermaid\ngraph TD\n  hl_a[\"{label}\"]\n```\n");
        assert_eq!(check(&block), Ok((1, 0)));
        assert!(check("```mermaid\ngraph TD\n  a[\"x\"y\"]\n```\n").is_err());
        assert!(check("```mermaid\ngraph TD\n  a[\"x\"]\n  a -->|supports| b\n```\n").is_err());
    }
}
