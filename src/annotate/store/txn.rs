//! One change to the store in memory, remembering the documents it touched: what a save must
//! write to the journal (those documents, with the annotations that changed), and what to put
//! back when the change or its save fails.

use std::collections::{BTreeMap, HashMap};

use crate::annotate::journal::Record;
use crate::annotate::model::{Annotation, Document, StoreFile};
use crate::annotate::{AnnotationId, StoreError};

/// A change in progress on a store's contents.
pub struct Txn<'f> {
    file: &'f mut StoreFile,
    /// Each touched document as it was before (`None`: it did not exist).
    before: BTreeMap<String, Option<Document>>,
    /// The generation and save stamp before, put back on failure.
    stamp: (u64, Option<jiff::Timestamp>, String),
    /// The whole contents before a change that reached past single documents (an import):
    /// only a whole rewrite saves such a change.
    original: Option<StoreFile>,
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

    /// The document `key`, remembered as it was before its first change here.
    pub fn document(&mut self, key: &str) -> Option<&mut Document> {
        self.remember(key);
        self.file.documents.get_mut(key)
    }

    /// The document `key`, made by `make` if there is none.
    pub fn document_or(&mut self, key: &str, make: impl FnOnce() -> Document) -> &mut Document {
        self.remember(key);
        self.file
            .documents
            .entry(key.to_string())
            .or_insert_with(make)
    }

    /// The annotation with `id`, in whichever document holds it.
    pub fn annotation(&mut self, id: &AnnotationId) -> Result<&mut Annotation, StoreError> {
        let key = self
            .file
            .documents
            .iter()
            .find(|(_, d)| d.annotations.iter().any(|a| a.id == id.0))
            .map(|(k, _)| k.clone())
            .ok_or_else(|| StoreError::NotFound(id.0.clone()))?;
        self.document(&key)
            .and_then(|d| d.annotations.iter_mut().find(|a| a.id == id.0))
            .ok_or_else(|| StoreError::NotFound(id.0.clone()))
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
        self.file.saved_at = Some(now);
        self.file.saved_by = format!("folio {}", env!("CARGO_PKG_VERSION"));
    }

    fn remember(&mut self, key: &str) {
        if !self.before.contains_key(key) {
            let was = self.file.documents.get(key).cloned();
            self.before.insert(key.to_string(), was);
        }
    }

    /// The contents as changed, for a whole rewrite.
    pub fn file(&self) -> &StoreFile {
        self.file
    }

    /// What the change did, as one journal line: each touched document that changed, with
    /// only the annotations that differ from before.
    pub fn record(&self) -> Record {
        let mut record = Record {
            generation: self.file.generation,
            saved_at: self.file.saved_at,
            saved_by: self.file.saved_by.clone(),
            ..Record::default()
        };
        for (key, before) in &self.before {
            let Some(after) = self.file.documents.get(key) else {
                if before.is_some() {
                    record.removed.push(key.clone());
                }
                continue;
            };
            if before.as_ref() == Some(after) {
                continue;
            }
            let old: HashMap<&str, &Annotation> = before
                .iter()
                .flat_map(|d| &d.annotations)
                .map(|a| (a.id.as_str(), a))
                .collect();
            let changed = after
                .annotations
                .iter()
                .filter(|a| old.get(a.id.as_str()) != Some(a))
                .cloned()
                .collect();
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
            match before {
                Some(doc) => {
                    self.file.documents.insert(key, doc);
                }
                None => {
                    self.file.documents.remove(&key);
                }
            }
        }
        (self.file.generation, self.file.saved_at, self.file.saved_by) = self.stamp;
    }
}
