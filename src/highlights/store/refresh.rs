//! Saving what re-anchoring learnt, so the next open is fast and the file's `anchor.status`
//! says how each highlight stands.

use super::{Store, document_for, path_key};
use crate::article::Article;
use crate::highlights::model::{AnchorStatus, Target};
use crate::highlights::{DocKey, HighlightId, Resolved, StoreError, anchor};

/// One annotation's new anchoring, and the target it was computed from.
struct Learnt {
    id: HighlightId,
    from: Target,
    rebased: Option<Target>,
    status: AnchorStatus,
}

impl Store {
    /// Resolves the document's highlights on `article` (as [`Store::resolve`]) and saves what
    /// changed: the article's current path and text, the targets of highlights found verbatim
    /// (verified or moved), rebased onto the current text, and every highlight's status.
    /// Fuzzy and review matches keep their original quote until the user confirms them with
    /// [`Store::retarget`]. Saves nothing when nothing changed or the store is read-only.
    pub fn refresh(
        &mut self,
        doc: &DocKey,
        article: &Article,
    ) -> Result<Vec<Resolved>, StoreError> {
        let resolved = self.resolve(doc, article);
        let Some(document) = self.file.documents.get(&doc.0) else {
            return Ok(resolved);
        };
        let learnt: Vec<Learnt> = resolved
            .iter()
            .filter_map(|r| {
                let ann = document.annotations.iter().find(|a| a.id == r.id.0)?;
                let verbatim = matches!(r.status, AnchorStatus::Verified | AnchorStatus::Moved);
                let rebased = match &r.range {
                    Some(range) if verbatim && ann.target.text_hash != article.text_hash => {
                        anchor::target_for(article, range.clone()).ok()
                    }
                    _ => None,
                };
                (rebased.is_some() || ann.anchor.status != r.status.name()).then(|| Learnt {
                    id: r.id.clone(),
                    from: ann.target.clone(),
                    rebased,
                    status: r.status,
                })
            })
            .collect();
        let new_path = path_key(article).is_some_and(|p| !document.paths.contains(&p));
        let new_text = document.text.hash != article.text_hash;
        if (learnt.is_empty() && !new_path && !new_text) || self.read_only.is_some() {
            return Ok(resolved);
        }
        self.commit(|txn, _| {
            document_for(txn, doc, article);
            for l in learnt {
                let Ok(ann) = txn.annotation(&l.id) else {
                    continue;
                };
                // Someone may have re-placed it meanwhile; their target stands.
                if ann.target != l.from {
                    continue;
                }
                if let Some(target) = l.rebased {
                    ann.target = target;
                }
                ann.anchor.status = l.status.name().to_string();
            }
            Ok(())
        })?;
        Ok(resolved)
    }
}
