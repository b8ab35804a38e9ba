//! The Markdown layout of an export: front matter, title, sections once each in document order,
//! highlights as block quotes with block ids, notes, location lines; doubtful ones last.

use std::fmt::Write;

use super::argument_map::{self, Map};
use super::escape::{block_quote, escape_inline};
use super::{ExportDoc, ExportHighlight, ExportLink, is_doubtful};

/// Opening marker of the part of an export that folio owns; its hash lets a re-export tell
/// whether the user edited inside.
pub const BEGIN_MARKER: &str = "<!-- folio:begin";
/// Closing marker of the part folio owns.
pub const END_MARKER: &str = "<!-- folio:end -->";

/// Front-matter keys folio writes (and rewrites on re-export); other keys are the user's.
pub const OWN_KEYS: &[&str] = &[
    "title",
    "source",
    "folio_id",
    "exported",
    "highlights",
    "notes",
    "needs_attention",
];

/// Heading of the section that lists orphaned and review-flagged highlights.
pub const DOUBTFUL_HEADING: &str = "Orphaned and review-flagged highlights";

/// Said under the title when the article's file was missing at export.
pub const MISSING_NOTE: &str = "*The article's file is missing: these highlights are as folio \
     last stored them, not checked against its text.*";

/// An export split into the parts re-export handles separately.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The lines between the front matter's `---` fences, each `key: value`.
    pub front_matter: Vec<String>,
    /// The owned part, begin and end markers included.
    pub owned: String,
}

impl Rendered {
    /// The whole file for a first export.
    pub fn to_file(&self) -> String {
        format!("---\n{}\n---\n{}", self.front_matter.join("\n"), self.owned)
    }
}

/// Renders one article's export.
pub fn render(doc: &ExportDoc) -> Rendered {
    let notes = doc
        .highlights
        .iter()
        .filter(|h| !h.note.trim().is_empty())
        .count();
    let doubtful = doc
        .highlights
        .iter()
        .filter(|h| is_doubtful(h.status))
        .count();
    // JSON strings are valid YAML double-quoted scalars: quotes, colons and CJK are safe.
    let quoted = |s: &str| serde_json::Value::from(s).to_string();
    let front_matter = vec![
        format!("title: {}", quoted(&doc.title)),
        format!("source: {}", quoted(&doc.source)),
        format!("folio_id: {}", quoted(&doc.doc_id)),
        format!("exported: {}", doc.exported),
        format!("highlights: {}", doc.highlights.len()),
        format!("notes: {notes}"),
        format!("needs_attention: {doubtful}"),
    ];
    let body = body(doc);
    let hash = blake3::hash(body.as_bytes()).to_hex();
    let owned = format!(
        "{BEGIN_MARKER} {} (folio rewrites this part on re-export; write your own text above or below it) -->\n{body}{END_MARKER}\n",
        &hash.as_str()[..16]
    );
    Rendered {
        front_matter,
        owned,
    }
}

/// The owned body, without markers.
pub fn body(doc: &ExportDoc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n# {}\n", escape_inline(&doc.title));
    if doc.highlights.iter().any(|h| h.status.is_none()) {
        let _ = writeln!(out, "{MISSING_NOTE}\n");
    }
    if let Some(map) = Map::of(doc) {
        argument_map::write_markdown(&mut out, &map);
    }
    let mut open: Vec<&str> = Vec::new();
    for highlight in doc.highlights.iter().filter(|h| !is_doubtful(h.status)) {
        let path = section_titles(doc, highlight);
        let common = open.iter().zip(&path).take_while(|(a, b)| a == b).count();
        for (depth, title) in path.iter().enumerate().skip(common) {
            let level = (depth + 2).min(6);
            let _ = writeln!(out, "{} {}\n", "#".repeat(level), escape_inline(title));
        }
        open = path;
        write_highlight(&mut out, highlight);
    }
    let doubtful: Vec<&ExportHighlight> = doc
        .highlights
        .iter()
        .filter(|h| is_doubtful(h.status))
        .collect();
    if !doubtful.is_empty() {
        let _ = writeln!(out, "## {DOUBTFUL_HEADING}\n");
        for highlight in doubtful {
            let warning = if highlight.status == Some(super::AnchorStatus::Orphan) {
                "**Orphaned:** this text is no longer in the article; folio keeps it here."
            } else {
                "**Needs review:** folio found a similar passage, not the same one; check it in the reader."
            };
            let _ = writeln!(out, "{warning}\n");
            write_highlight(&mut out, highlight);
        }
    }
    out
}

/// The titles of the sections a highlight sits in, without the article's own title heading.
fn section_titles<'a>(doc: &ExportDoc, highlight: &'a ExportHighlight) -> Vec<&'a str> {
    let mut sections = highlight.section.as_slice();
    if let Some(first) = sections.first()
        && first.level == 1
        && first.title == doc.title
    {
        sections = &sections[1..];
    }
    sections.iter().map(|s| s.title.as_str()).collect()
}

/// A note as exported: any Markdown, but never folio's own markers.
pub(crate) fn guarded(note: &str) -> String {
    note.replace("<!-- folio:", "<!-- folio :")
}

/// The line saying what a highlight links to: a link to the other's block, or that it was
/// deleted.
fn link_line(link: &ExportLink) -> String {
    let kind = escape_inline(&link.kind);
    match link.dangling {
        true => format!("*{kind} a deleted highlight ({})*", link.target),
        false => format!(
            "*{kind} [this highlight](#^hl-{})*",
            link.target.to_ascii_lowercase()
        ),
    }
}

fn write_highlight(out: &mut String, highlight: &ExportHighlight) {
    out.push_str(&block_quote(&highlight.quote));
    let _ = writeln!(out, "\n^hl-{}\n", highlight.id.to_ascii_lowercase());
    let note = highlight.note.trim();
    if !note.is_empty() {
        let _ = writeln!(out, "{}\n", guarded(note));
    }
    for link in &highlight.links {
        let _ = writeln!(out, "{}\n", link_line(link));
    }
    let mut location = String::from("*");
    if let Some(role) = highlight.role {
        let _ = write!(location, "{role} · ");
    }
    if let Some(section) = highlight.section.last() {
        let _ = write!(location, "{} · ", escape_inline(&section.title));
    }
    match highlight.position {
        Some(_) => {
            let _ = write!(location, "{}%*", highlight.percent);
        }
        // An orphan has no place in the text any more, so no percentage either.
        None => {
            location.truncate(location.trim_end_matches(" · ").len());
            location.push('*');
        }
    }
    for tag in &highlight.tags {
        let tag: String = tag.split_whitespace().collect::<Vec<_>>().join("-");
        let _ = write!(
            location,
            " · #{}",
            escape_inline(&tag).trim_start_matches('\\')
        );
    }
    if location != "**" {
        let _ = writeln!(out, "{location}\n");
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::export::{AnchorStatus, SectionRef};

    pub(crate) fn highlight(
        id: &str,
        quote: &str,
        section: &[(u8, &str)],
        status: AnchorStatus,
    ) -> ExportHighlight {
        ExportHighlight {
            id: id.into(),
            quote: quote.into(),
            prefix: String::new(),
            suffix: String::new(),
            position: (status != AnchorStatus::Orphan).then_some((0, quote.chars().count())),
            note: String::new(),
            tags: Vec::new(),
            color: "yellow".into(),
            role: None,
            links: Vec::new(),
            section: section
                .iter()
                .map(|&(level, title)| SectionRef {
                    level,
                    title: title.into(),
                })
                .collect(),
            percent: 10,
            status: Some(status),
            created: "2026-11-27T10:00:00Z".into(),
            updated: "2026-11-27T10:00:00Z".into(),
        }
    }

    fn doc(highlights: Vec<ExportHighlight>) -> ExportDoc {
        ExportDoc {
            title: "A \"quoted\": title 标题".into(),
            source: "/tmp/a.txt".into(),
            doc_id: "abc".into(),
            exported: "2026-11-27T12:00:00Z".into(),
            highlights,
        }
    }

    #[test]
    fn sections_appear_once_nested_in_order() {
        let t = "A \"quoted\": title 标题";
        let d = doc(vec![
            highlight(
                "01A",
                "one",
                &[(1, t), (2, "Alpha")],
                AnchorStatus::Verified,
            ),
            highlight(
                "01B",
                "two",
                &[(1, t), (2, "Alpha"), (3, "Deep")],
                AnchorStatus::Moved,
            ),
            highlight(
                "01C",
                "three",
                &[(1, t), (2, "Alpha")],
                AnchorStatus::Orphan,
            ),
            highlight("01D", "four", &[(1, t), (2, "Beta")], AnchorStatus::Fuzzy),
        ]);
        let body = body(&d);
        assert_eq!(body.matches("## Alpha").count(), 1);
        assert_eq!(body.matches("### Deep").count(), 1);
        let alpha = body.find("## Alpha").unwrap_or(0);
        let beta = body.find("## Beta").unwrap_or(0);
        let doubtful = body.find(DOUBTFUL_HEADING).unwrap_or(0);
        assert!(alpha < beta && beta < doubtful);
        assert!(body[doubtful..].contains("> three") && body[doubtful..].contains("**Orphaned:**"));
        assert!(body.contains("^hl-01a"));
    }

    #[test]
    fn front_matter_is_valid_yaml_scalars() {
        let r = render(&doc(Vec::new()));
        assert_eq!(r.front_matter[0], r#"title: "A \"quoted\": title 标题""#);
        assert!(r.to_file().starts_with("---\ntitle: "));
        assert!(r.owned.starts_with(BEGIN_MARKER) && r.owned.ends_with(&format!("{END_MARKER}\n")));
    }

    #[test]
    fn same_input_gives_same_bytes() {
        let d = doc(vec![highlight(
            "01A",
            "one",
            &[(2, "S")],
            AnchorStatus::Verified,
        )]);
        assert_eq!(render(&d), render(&d));
    }

    /// Pins the whole layout: front matter, title, nested sections, a two-paragraph quote,
    /// escaping, notes, tags, location lines, block ids and the doubtful section.
    #[test]
    fn golden_layout() {
        let t = "Notes: \"On Reading\" 读书";
        let mut first = highlight(
            "01JDV0A1",
            "# Not a heading\n\nSecond *paragraph* of the quote.",
            &[(1, t), (2, "Part One")],
            AnchorStatus::Verified,
        );
        first.note = "My note, with **Markdown**.\n\n- and a list".into();
        first.tags = vec!["idea".into(), "two words".into()];
        first.percent = 12;
        let mut second = highlight(
            "01JDV0B2",
            "中文的句子。",
            &[(1, t), (2, "Part One"), (3, "Details")],
            AnchorStatus::Moved,
        );
        second.percent = 40;
        let third = highlight(
            "01JDV0C3",
            "A sentence that was deleted.",
            &[(1, t), (2, "Part Two")],
            AnchorStatus::Orphan,
        );
        let mut doc = doc(vec![first, second, third]);
        doc.title = t.into();
        let golden = include_str!("../../tests/fixtures/export-golden.md");
        let actual = render(&doc).to_file();
        assert!(
            actual == golden,
            "layout changed; if intended, update the golden file:\n{actual}"
        );
    }
}
