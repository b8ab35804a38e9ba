//! Gathering one article's highlights from the store into an [`ExportDoc`].

use crate::annotate::{DocKey, Store};
use crate::article::Article;
use crate::article::sanitize::strip_controls;

use super::{AnchorStatus, ExportDoc, ExportHighlight, SectionRef};

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
                // An orphan keeps the headings it was made under; their levels follow nesting.
                None => r
                    .section
                    .iter()
                    .enumerate()
                    .map(|(i, title)| SectionRef {
                        level: (i + 1).min(6) as u8,
                        title: strip_controls(title),
                    })
                    .collect(),
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
                section,
                percent,
                status: r.status,
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
