//! Gathering one article's highlights from the store into an [`ExportDoc`].

use crate::article::Article;
use crate::article::sanitize::strip_controls;
use crate::highlights::{DocKey, HighlightId, Link, Role, Store};

use super::{AnchorStatus, ExportDoc, ExportHighlight, ExportLink, SectionRef};

/// The export of `article`'s highlights, in document order (orphans last). `source` is how
/// the article is named in the export; `exported` is the export's own time stamp. What comes
/// from the store (notes, tags, old quotes and headings) is stripped of control characters and
/// escape sequences, as the article's text is on load: an export may be printed or `cat`.
pub fn export_doc(
    store: &Store,
    doc: &DocKey,
    article: &Article,
    source: &str,
    exported: &str,
) -> ExportDoc {
    let highlights = store
        .resolve(doc, article)
        .into_iter()
        .map(|r| {
            let stored = store.annotation(&r.id);
            let quote = stored.map(|a| &a.target.quote);
            let section = match &r.range {
                Some(range) => article
                    .enclosing_sections(range.start)
                    .into_iter()
                    .map(|s| SectionRef {
                        level: s.level,
                        title: s.title.clone(),
                    })
                    .collect(),
                // An orphan keeps the headings it was made under.
                None => stored_sections(&r.section),
            };
            let percent = r.range.as_ref().map_or(0, |range| {
                (range.start * 100 / article.char_len.max(1)).min(100) as u8
            });
            ExportHighlight {
                id: r.id.0.clone(),
                // What the reader sees highlighted now; for orphans, what was highlighted.
                quote: match (&r.range, r.status) {
                    (Some(range), AnchorStatus::Verified | AnchorStatus::Moved) => {
                        article.slice(range.clone()).to_string()
                    }
                    _ => strip_controls(&r.quote),
                },
                prefix: quote.map(|q| strip_controls(&q.prefix)).unwrap_or_default(),
                suffix: quote.map(|q| strip_controls(&q.suffix)).unwrap_or_default(),
                position: r.range.as_ref().map(|range| (range.start, range.end)),
                note: strip_controls(&r.note),
                tags: r.tags.iter().map(|t| strip_controls(t)).collect(),
                color: r.color.name().to_string(),
                role: r.role,
                links: links(store, &r.links),
                section,
                percent,
                status: Some(r.status),
                created: r.created_at.to_string(),
                updated: r.updated_at.to_string(),
            }
        })
        .collect();
    ExportDoc {
        title: article.title.clone(),
        source: strip_controls(source),
        doc_id: doc.0.clone(),
        exported: exported.to_string(),
        highlights,
    }
}

/// The export of the highlights of `doc` whose article file is missing: each as the store
/// keeps it (quote, context, note, the headings it was made under), in the order of the
/// positions it had, with no status, as none could be checked.
pub fn export_stored(store: &Store, doc: &DocKey, source: &str, exported: &str) -> ExportDoc {
    let document = store.documents().find(|(k, _)| k == doc).map(|(_, d)| d);
    let chars = document.map_or(0, |d| d.text.chars).max(1);
    let mut live: Vec<_> = document
        .into_iter()
        .flat_map(|d| &d.annotations)
        .filter(|a| a.deleted_at.is_none())
        .collect();
    live.sort_by_key(|a| (a.target.position.start, a.created_at));
    let highlights = live
        .into_iter()
        .map(|a| ExportHighlight {
            id: a.id.clone(),
            quote: strip_controls(&a.target.quote.exact),
            prefix: strip_controls(&a.target.quote.prefix),
            suffix: strip_controls(&a.target.quote.suffix),
            position: None,
            note: strip_controls(&a.note),
            tags: a.tags.iter().map(|t| strip_controls(t)).collect(),
            color: a.color.clone(),
            role: a.role.as_deref().and_then(Role::from_name),
            links: links(store, &a.links),
            section: stored_sections(&a.target.section),
            percent: (a.target.position.start * 100 / chars).min(100) as u8,
            status: None,
            created: a.created_at.to_string(),
            updated: a.updated_at.to_string(),
        })
        .collect();
    ExportDoc {
        title: strip_controls(&document.map(|d| d.title.clone()).unwrap_or_default()),
        source: strip_controls(source),
        doc_id: doc.0.clone(),
        exported: exported.to_string(),
        highlights,
    }
}

/// A highlight's links as exported: each marked dangling when its target is no longer a live
/// highlight of the store.
fn links(store: &Store, links: &[Link]) -> Vec<ExportLink> {
    links
        .iter()
        .map(|l| ExportLink {
            target: strip_controls(&l.target),
            kind: strip_controls(&l.kind),
            dangling: store
                .annotation(&HighlightId(l.target.clone()))
                .is_none_or(|a| a.deleted_at.is_some()),
        })
        .collect()
}

/// Headings kept by title only; their levels follow their nesting.
fn stored_sections(titles: &[String]) -> Vec<SectionRef> {
    titles
        .iter()
        .enumerate()
        .map(|(i, title)| SectionRef {
            level: (i + 1).min(6) as u8,
            title: strip_controls(title),
        })
        .collect()
}
