//! One change to the store in memory, remembering what it touched: a document's description
//! and the annotations it changed or added, so a save writes only those to the journal and a
//! failed change or save puts them back, at a cost that grows with the change, not with the
//! document (one article may hold thousands of highlights).

use std::collections::{BTreeMap, HashMap};

use crate::highlights::journal::Record;
use crate::highlights::model::{Document, Extra, Highlight, SCHEMA_VERSION, StoreFile, TextInfo};
use crate::highlights::{HighlightId, StoreError};

/// A change in progress on a store's contents.
pub struct Txn<'f> {
    file: &'f mut StoreFile,
    /// Each touched document as it was before.
    before: BTreeMap<String, Before>,
    /// The generation and save stamp before, put back on failure.
    stamp: (u64, Option<jiff::Timestamp>, String),
    /// The whole contents before a change that reached past single documents (an import):
    /// only a whole rewrite saves such a change.
    original: Option<StoreFile>,
}

/// What a touched document was before the change.
struct Before {
    /// Its description; `None` when the change made the document.
    described: Option<(String, Vec<String>, TextInfo, Extra)>,
    /// How many annotations it held: those after are new.
    count: usize,
    /// The annotations the change reached, by id, as they were.
    annotations: HashMap<String, Highlight>,
}

impl<'f> Txn<'f> {
    pub fn new(file: &'f mut StoreFile) -> Txn<'f> {
        let stamp = (file.generation, file.saved_at, file.saved_by.clone());
        Txn {
            file,
            before: BTreeMap::new(),
            stamp,
            original: None,
        }
    }

    /// The document `key`, made by `make` if there is none. Its annotations are changed
    /// through [`Txn::annotation`] or added at its end, so that the change is known.
    pub fn document_or(&mut self, key: &str, make: impl FnOnce() -> Document) -> &mut Document {
        self.remember(key);
        self.file
            .documents
            .entry(key.to_string())
            .or_insert_with(make)
    }

    /// Notes how document `key` is before its first change.
    fn remember(&mut self, key: &str) {
        if !self.before.contains_key(key) {
            let doc = self.file.documents.get(key);
            let before = Before {
                described: doc.map(|d| {
                    let (title, paths) = (d.title.clone(), d.paths.clone());
                    (title, paths, d.text.clone(), d.extra.clone())
                }),
                count: doc.map_or(0, |d| d.annotations.len()),
                annotations: HashMap::new(),
            };
            self.before.insert(key.to_string(), before);
        }
    }

    /// The annotation with `id`, in whichever document holds it.
    pub fn annotation(&mut self, id: &HighlightId) -> Result<&mut Highlight, StoreError> {
        let missing = || StoreError::NotFound(id.0.clone());
        let (key, at) = self
            .file
            .documents
            .iter()
            .find_map(|(k, d)| Some((k.clone(), d.annotations.iter().position(|a| a.id == id.0)?)))
            .ok_or_else(missing)?;
        self.remember(&key);
        let ann = self
            .file
            .documents
            .get_mut(&key)
            .and_then(|d| d.annotations.get_mut(at))
            .ok_or_else(missing)?;
        if let Some(before) = self.before.get_mut(&key) {
            before
                .annotations
                .entry(ann.id.clone())
                .or_insert_with(|| ann.clone());
        }
        Ok(ann)
    }

    /// The whole contents, for a change that may touch any of it; such a change is saved by
    /// rewriting the whole file.
    pub fn whole(&mut self) -> &mut StoreFile {
        if self.original.is_none() {
            self.original = Some(self.file.clone());
        }
        self.file
    }

    /// Whether the change can only be saved by rewriting the whole file.
    pub fn is_whole(&self) -> bool {
        self.original.is_some()
    }

    /// Sets the generation and save stamp of the contents about to be saved.
    pub fn stamp(&mut self, generation: u64, now: jiff::Timestamp) {
        self.file.generation = generation;
        // Saving migrates: what this build writes follows its schema.
        self.file.schema_version = SCHEMA_VERSION;
        self.file.saved_at = Some(now);
        self.file.saved_by = format!("folio {}", env!("CARGO_PKG_VERSION"));
    }

    /// The contents as changed, for a whole rewrite.
    pub fn file(&self) -> &StoreFile {
        self.file
    }

    /// What the change did, as one journal line: each touched document that changed, with
    /// its annotations that were changed or added.
    pub fn record(&self) -> Record {
        let mut record = Record {
            generation: self.file.generation,
            saved_at: self.file.saved_at,
            saved_by: self.file.saved_by.clone(),
            ..Record::default()
        };
        for (key, before) in &self.before {
            let Some(after) = self.file.documents.get(key) else {
                continue;
            };
            let changed: Vec<Highlight> = after
                .annotations
                .iter()
                .enumerate()
                .filter(|(i, a)| {
                    *i >= before.count || before.annotations.get(&a.id).is_some_and(|b| b != *a)
                })
                .map(|(_, a)| a.clone())
                .collect();
            let described = (&after.title, &after.paths, &after.text, &after.extra);
            let same = before
                .described
                .as_ref()
                .is_some_and(|(t, p, x, e)| (t, p, x, e) == described);
            if same && changed.is_empty() {
                continue;
            }
            let doc = Document {
                title: after.title.clone(),
                paths: after.paths.clone(),
                text: after.text.clone(),
                annotations: changed,
                extra: after.extra.clone(),
            };
            record.documents.insert(key.clone(), doc);
        }
        record
    }

    /// Puts every touched document back as it was, and the generation.
    pub fn roll_back(self) {
        if let Some(original) = self.original {
            *self.file = original;
            return;
        }
        for (key, before) in self.before {
            let Some((title, paths, text, extra)) = before.described else {
                self.file.documents.remove(&key);
                continue;
            };
            let Some(doc) = self.file.documents.get_mut(&key) else {
                continue;
            };
            (doc.title, doc.paths, doc.text, doc.extra) = (title, paths, text, extra);
            doc.annotations.truncate(before.count);
            for ann in &mut doc.annotations {
                if let Some(was) = before.annotations.get(&ann.id) {
                    ann.clone_from(was);
                }
            }
        }
        (self.file.generation, self.file.saved_at, self.file.saved_by) = self.stamp;
    }
}
