//! Which stored document an article is: one rule for opening an article, importing another
//! annotations file and merging saves, so one article's highlights never sit under two entries.

use std::collections::BTreeMap;

use super::merge::merge_document;
use super::model::{Document, StoreFile};

/// The key of the document in `docs` for a text with BLAKE3 `hash` read from one of `paths`:
/// the one with the same text and one of the paths, else the same text (the file was renamed
/// or moved), else one of the paths (the file was edited), else one holding a highlight made
/// on this very text (edited, then moved before folio saw the edit).
pub fn find<'d>(
    docs: &'d BTreeMap<String, Document>,
    hash: &str,
    paths: &[String],
) -> Option<&'d String> {
    let same_text = |d: &Document| d.text.hash == hash;
    let same_path = |d: &Document| paths.iter().any(|p| d.paths.contains(p));
    let first = |test: &dyn Fn(&Document) -> bool| docs.iter().find(|(_, d)| test(d));
    first(&|d| same_text(d) && same_path(d))
        .or_else(|| first(&same_text))
        .or_else(|| first(&same_path))
        .or_else(|| first(&|d| d.annotations.iter().any(|a| a.target.text_hash == hash)))
        .map(|(key, _)| key)
}

/// Folds documents holding the same text into one (the first by key), highlights merged by
/// id. Older folios could leave two entries for one article (`folio import` of a file made
/// elsewhere added a second one), and [`find`] shows only one of them: folding them when a
/// store is read shows every highlight, and the next save writes the folded file.
pub fn coalesce(file: &mut StoreFile) {
    let mut first_with: BTreeMap<String, String> = BTreeMap::new();
    let mut twins: Vec<(String, String)> = Vec::new();
    for (key, doc) in &file.documents {
        match first_with.get(&doc.text.hash) {
            Some(first) => twins.push((key.clone(), first.clone())),
            None => {
                first_with.insert(doc.text.hash.clone(), key.clone());
            }
        }
    }
    for (twin, into) in twins {
        if let Some(doc) = file.documents.remove(&twin)
            && let Some(kept) = file.documents.get_mut(&into)
        {
            merge_document(kept, &doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlights::model::{Extra, TextInfo};

    fn doc(hash: &str, paths: &[&str]) -> Document {
        Document {
            title: "t".into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            text: TextInfo {
                hash: hash.into(),
                chars: 1,
                parser: "text".into(),
                extra: Extra::new(),
            },
            annotations: Vec::new(),
            extra: Extra::new(),
        }
    }

    #[test]
    fn text_and_path_first_then_text_then_path() {
        let docs: BTreeMap<String, Document> = [
            ("a".to_string(), doc("h1", &["/x"])),
            ("b".to_string(), doc("h2", &["/y"])),
            ("c".to_string(), doc("h2", &["/x"])),
        ]
        .into_iter()
        .collect();
        let key = |hash: &str, path: &str| find(&docs, hash, &[path.to_string()]).cloned();
        assert_eq!(key("h2", "/x").as_deref(), Some("c"));
        assert_eq!(key("h2", "/z").as_deref(), Some("b"));
        assert_eq!(key("h9", "/x").as_deref(), Some("a"));
        assert_eq!(key("h9", "/z"), None);
    }

    #[test]
    fn documents_of_one_text_fold_into_the_first_with_every_path() {
        let mut file = StoreFile::default();
        file.documents.insert("b".into(), doc("h", &["/y"]));
        file.documents.insert("a".into(), doc("h", &["/x"]));
        file.documents.insert("c".into(), doc("other", &["/x"]));
        coalesce(&mut file);
        let keys: Vec<&String> = file.documents.keys().collect();
        assert_eq!(keys, ["a", "c"]);
        assert_eq!(file.documents["a"].paths, ["/x", "/y"]);
    }

    #[test]
    fn issue15_1_a_rescue_of_an_edited_article_joins_its_entry() {
        use crate::article::Article;
        use crate::highlights::{Color, Store};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Title\n\nOne sentence here. Another one.\n").unwrap();
        let store_path = dir.path().join("annotations.json");
        let (mut store, _) = Store::open(&store_path).unwrap();
        let a = Article::open(&path).unwrap();
        store
            .add(&store.document(&a), &a, 7..25, Color::Yellow, "one")
            .unwrap();
        // Edited: the store's entry keeps the key of the first text.
        std::fs::write(&path, "Title\n\nOne sentence here. Another one, longer.\n").unwrap();
        let edited = Article::open(&path).unwrap();
        store
            .add(
                &store.document(&edited),
                &edited,
                26..37,
                Color::Blue,
                "two",
            )
            .unwrap();
        // A reader that could not open the store wrote a rescue made from nothing.
        let mut elsewhere = Store::detached(&store_path);
        let doc = elsewhere.document(&edited);
        elsewhere
            .add(&doc, &edited, 7..25, Color::Pink, "three")
            .unwrap();
        store.import(elsewhere.file()).unwrap();
        assert_eq!(store.file().documents.len(), 1);
        let notes: Vec<String> = store
            .resolve(&store.document(&edited), &edited)
            .into_iter()
            .map(|r| r.note)
            .collect();
        assert_eq!(notes.len(), 3, "{notes:?}");
    }
}
