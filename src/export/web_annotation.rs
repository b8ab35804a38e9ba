//! W3C Web Annotation Data Model JSON-LD: an `AnnotationCollection` whose annotations target the
//! article with a `TextQuoteSelector` and a `TextPositionSelector` and carry notes and tags as
//! `TextualBody`s.

use serde_json::{Value, json};

use super::{AnchorStatus, ExportDoc, ExportHighlight};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The collection for one article.
pub fn collection(doc: &ExportDoc) -> Value {
    let items: Vec<Value> = doc.highlights.iter().map(|h| annotation(doc, h)).collect();
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
        "motivation": if h.note.trim().is_empty() { "highlighting" } else { "commenting" },
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
