//! How many live highlights each article of the library has, as the store says: counted from
//! the store the reader's store worker opens anyway (in the background), so the library's
//! first screen never waits for a large store to be read.

use std::collections::HashMap;
use std::path::Path;

use crate::highlights::Store;

/// Live highlights per stored document, found by an article's id (its text) or by a path it
/// was opened from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HighlightCounts {
    /// By the article id a document's text hash starts with.
    by_id: HashMap<String, usize>,
    /// By every path a document was opened from.
    by_path: HashMap<String, usize>,
}

/// How many characters of a text hash make an article id (see [`crate::article::Article::id`]).
const ID_LEN: usize = 16;

impl HighlightCounts {
    /// Counts the live highlights of every document of `store`. When two documents claim one
    /// id or path, the first by key counts, as [`crate::highlights::identity`] finds them.
    pub fn of(store: &Store) -> HighlightCounts {
        let mut counts = HighlightCounts::default();
        for (_, doc) in store.documents() {
            let live = doc
                .annotations
                .iter()
                .filter(|a| a.deleted_at.is_none())
                .count();
            if let Some(id) = doc.text.hash.get(..ID_LEN) {
                counts.by_id.entry(id.to_string()).or_insert(live);
            }
            for path in &doc.paths {
                counts.by_path.entry(path.clone()).or_insert(live);
            }
        }
        counts
    }

    /// The highlights of the article with `id` at `path`: those of the document with its
    /// text, else of the one last opened from its path, else none.
    pub fn of_article(&self, id: Option<&str>, path: &Path) -> usize {
        let by_text = id.and_then(|id| self.by_id.get(id.get(..ID_LEN).unwrap_or(id)));
        let by_path = || {
            let key = crate::paths::normalize(path).to_string_lossy().into_owned();
            self.by_path.get(&key)
        };
        by_text.or_else(by_path).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::highlights::Color;

    /// `text` as read from the file at `path`.
    fn article(text: &str, path: &Path) -> Article {
        std::fs::write(path, text).unwrap();
        let mut article = Article::from_bytes(text.as_bytes(), Some(path)).unwrap();
        article.source = Some(path.to_path_buf());
        article
    }

    #[test]
    fn counts_live_highlights_by_text_then_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = Store::open(&dir.path().join("annotations.json")).unwrap();
        let path = dir.path().join("a.txt");
        let a = article("Some words worth keeping here.\n", &path);
        let doc = store.document(&a);
        store.add(&doc, &a, 0..4, Color::Yellow, "").unwrap();
        let gone = store.add(&doc, &a, 5..10, Color::Blue, "").unwrap();
        store.delete(&gone).unwrap();
        let counts = HighlightCounts::of(&store);
        assert_eq!(counts.of_article(Some(&a.id), Path::new("/elsewhere")), 1);
        let edited = article("Other words now.\n", &path);
        assert_eq!(counts.of_article(Some(&edited.id), &path), 1);
        assert_eq!(counts.of_article(None, Path::new("/elsewhere")), 0);
    }
}
