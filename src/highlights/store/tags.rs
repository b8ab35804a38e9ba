//! Tagging highlights one tag at a time, and the tags used anywhere in the store (what the
//! reader's tag prompt completes from).

use std::collections::BTreeSet;

use super::Store;
use crate::highlights::{HighlightId, StoreError};

impl Store {
    /// Adds `tag` to a highlight (`on`) or takes it away, and saves. One tag at a time, read
    /// against the stored list, so a tag another folio added meanwhile stays. A tag is
    /// trimmed; an empty one changes nothing.
    pub fn set_tag(&mut self, id: &HighlightId, tag: &str, on: bool) -> Result<(), StoreError> {
        let tag = tag.trim().to_string();
        if tag.is_empty() {
            return Ok(());
        }
        self.edit(id, |a, _| {
            a.tags.retain(|t| *t != tag);
            if on {
                a.tags.push(tag);
            }
        })
    }

    /// Every tag of a live highlight in the store, sorted, each once.
    pub fn tags_used(&self) -> Vec<String> {
        let live = (self.file.documents.values())
            .flat_map(|d| &d.annotations)
            .filter(|a| a.deleted_at.is_none());
        let tags: BTreeSet<&String> = live.flat_map(|a| &a.tags).collect();
        tags.into_iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::highlights::{Color, Store, find_quote};

    #[test]
    fn issue18_tags_are_added_and_removed_one_at_a_time_and_listed_store_wide() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = Store::open(&dir.path().join("annotations.json")).unwrap();
        let article = Article::from_bytes(b"T\n\nOne. Two.\n", None).unwrap();
        let doc = store.document(&article);
        let at = |quote| find_quote(&article, quote, None).unwrap();
        let a = store
            .add(&doc, &article, at("One."), Color::Yellow, "")
            .unwrap();
        let b = store
            .add(&doc, &article, at("Two."), Color::Yellow, "")
            .unwrap();
        store.set_tag(&a, " idea ", true).unwrap();
        store.set_tag(&a, "idea", true).unwrap();
        store.set_tag(&a, "later", true).unwrap();
        store.set_tag(&b, "art", true).unwrap();
        store.set_tag(&a, "later", false).unwrap();
        store.set_tag(&a, "  ", true).unwrap();
        assert_eq!(store.annotation(&a).unwrap().tags, ["idea"]);
        assert_eq!(store.tags_used(), ["art", "idea"]);
        store.delete(&b).unwrap();
        assert_eq!(
            store.tags_used(),
            ["idea"],
            "a deleted highlight's tags are not offered"
        );
        let (reopened, _) = Store::open(&dir.path().join("annotations.json")).unwrap();
        assert_eq!(
            reopened.annotation(&a).unwrap().tags,
            ["idea"],
            "saved at once"
        );
    }
}
