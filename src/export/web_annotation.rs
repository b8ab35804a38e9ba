//! W3C Web Annotation Data Model JSON-LD: an `AnnotationCollection` whose annotations target the
//! article with a `TextQuoteSelector` and a `TextPositionSelector` and carry notes and tags as
//! `TextualBody`s.

use serde_json::{Value, json};

use super::{AnchorStatus, ExportDoc, ExportHighlight, Role};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The collection for one article.
pub fn collection(doc: &ExportDoc) -> Value {
    let mut items: Vec<Value> = doc.highlights.iter().map(|h| annotation(doc, h)).collect();
    items.extend(doc.highlights.iter().flat_map(links));
    json!({
        "@context": CONTEXT,
        "id": format!("urn:folio:document:{}", doc.doc_id),
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": items.len(),
        "first": {
            "id": format!("urn:folio:document:{}:page:0", doc.doc_id),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

fn annotation(doc: &ExportDoc, h: &ExportHighlight) -> Value {
    let mut body: Vec<Value> = Vec::new();
    if !h.note.trim().is_empty() {
        body.push(json!({ "type": "TextualBody", "value": h.note, "format": "text/markdown", "purpose": "commenting" }));
    }
    for tag in &h.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    if let Some(role) = h.role {
        body.push(json!({ "type": "TextualBody", "value": role.name(), "purpose": "classifying" }));
    }
    // A bare highlight still gets a body: its colour, so the annotation is never empty.
    if body.is_empty() {
        body.push(json!({ "type": "TextualBody", "value": h.color, "purpose": "highlighting" }));
    }
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": h.quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
    })];
    if let Some((start, end)) = h
        .position
        .filter(|_| h.status != Some(AnchorStatus::Orphan))
    {
        selector.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    json!({
        "id": format!("urn:folio:annotation:{}", h.id),
        "type": "Annotation",
        "motivation": motivation(h),
        "created": h.created,
        "modified": h.updated,
        "stylesClass": format!("folio-{}", h.color),
        "body": body,
        "target": {
            "source": doc.source,
            "selector": selector,
        },
        "folio:status": super::status_name(h.status),
        "folio:section": h.section.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
    })
}

/// The W3C motivation of a highlight: its role's where one fits (a question is
/// `questioning`, an objection `assessing`, a definition `describing`), else `commenting` with
/// a note and `highlighting` without. Every role is also a `classifying` body.
fn motivation(h: &ExportHighlight) -> &'static str {
    match h.role {
        Some(Role::Question) => "questioning",
        Some(Role::Objection) => "assessing",
        Some(Role::Definition) => "describing",
        _ if h.note.trim().is_empty() => "highlighting",
        _ => "commenting",
    }
}

/// `h`'s links, each an annotation whose target is the annotation linked to and whose body
/// is `h`'s annotation: `linking`, the kind as a `classifying` body. A link to a deleted
/// highlight is kept, marked `folio:dangling`.
fn links(h: &ExportHighlight) -> impl Iterator<Item = Value> + '_ {
    h.links.iter().map(move |link| {
        json!({
            "id": format!("urn:folio:link:{}:{}", h.id, link.target),
            "type": "Annotation",
            "motivation": "linking",
            "body": [
                { "id": format!("urn:folio:annotation:{}", h.id) },
                { "type": "TextualBody", "value": link.kind, "purpose": "classifying" },
            ],
            "target": format!("urn:folio:annotation:{}", link.target),
            "folio:relation": link.kind,
            "folio:dangling": link.dangling,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::SectionRef;

    #[test]
    fn collection_has_the_required_fields() {
        let doc = ExportDoc {
            title: "T".into(),
            source: "/a.txt".into(),
            doc_id: "d".into(),
            exported: "x".into(),
            highlights: vec![ExportHighlight {
                id: "01H".into(),
                quote: "q".into(),
                prefix: "p".into(),
                suffix: "s".into(),
                position: Some((3, 4)),
                note: String::new(),
                tags: vec!["t".into()],
                color: "blue".into(),
                role: None,
                links: Vec::new(),
                section: vec![SectionRef {
                    level: 2,
                    title: "S".into(),
                }],
                percent: 5,
                status: Some(AnchorStatus::Moved),
                created: "c".into(),
                updated: "u".into(),
            }],
        };
        let v = collection(&doc);
        assert_eq!(v["@context"], CONTEXT);
        assert_eq!(v["type"], "AnnotationCollection");
        let item = &v["first"]["items"][0];
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["target"]["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(item["target"]["selector"][1]["start"], 3);
        assert_eq!(item["body"][0]["purpose"], "tagging");
        assert_eq!(item["folio:status"], "moved");
    }
}
