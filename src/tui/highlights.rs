//! The driver's side of highlights: the store, the changes it could not save yet (kept in
//! memory, shown, and tried again with the next change), and exporting to Markdown.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::annotate::{AnchorStatus, AnnotationId, Resolved, Store, StoreError};
use crate::article::Article;
use crate::export::file_name::safe_stem;
use crate::export::from_store::export_doc;
use crate::export::markdown;
use crate::export::merge::merge;

use super::update::{MarkChange, Msg};

/// Prefix of the ids given to highlights the store has not taken yet.
const UNSAVED: &str = "unsaved-";

/// The store as the reader uses it.
#[derive(Debug)]
pub struct Highlights {
    path: PathBuf,
    /// `None` until the file could be opened.
    store: Option<Store>,
    /// Changes not on disk yet, oldest first, each with the article it was made on.
    queue: Vec<(Arc<Article>, MarkChange)>,
    /// Ids the store gave to highlights first known by an unsaved id.
    saved_as: HashMap<AnnotationId, AnnotationId>,
    unsaved_count: usize,
    /// What opening the file had to say, not shown yet.
    opening: Vec<String>,
}

impl Highlights {
    /// Opens the store at `path`; the strings are for the first screen (a damaged file
    /// restored from a backup, a newer file opened read-only, a file that cannot be read).
    pub fn open(path: &Path) -> (Highlights, Vec<String>) {
        let mut highlights = Highlights {
            path: path.to_path_buf(),
            store: None,
            queue: Vec::new(),
            saved_as: HashMap::new(),
            unsaved_count: 0,
            opening: Vec::new(),
        };
        let mut notices = match highlights.store() {
            Ok(_) => Vec::new(),
            Err(problem) => vec![problem],
        };
        notices.append(&mut highlights.opening);
        (highlights, notices)
    }

    /// The store, opened now if it was not yet.
    fn store(&mut self) -> Result<&mut Store, String> {
        if self.store.is_none() {
            let (store, warnings) = Store::open(&self.path).map_err(|e| e.to_string())?;
            self.opening
                .extend(warnings.iter().map(ToString::to_string));
            self.store = Some(store);
        }
        self.store.as_mut().ok_or_else(|| "no store".to_string())
    }

    /// The highlights of `article` to show now.
    pub fn load(&mut self, article: &Article) -> Msg {
        let problem = self.flush().err();
        self.listing(article, problem)
    }

    /// Applies `change` (saving it, or keeping it for later) and answers with the list.
    pub fn change(&mut self, article: &Arc<Article>, change: MarkChange) -> Msg {
        match change {
            // Undoing a delete that never reached the disk just forgets it.
            MarkChange::Undelete(id)
                if self
                    .queue
                    .iter()
                    .any(|(_, c)| *c == MarkChange::Delete(id.clone())) =>
            {
                self.queue
                    .retain(|(_, c)| *c != MarkChange::Delete(id.clone()));
            }
            change => {
                if matches!(change, MarkChange::Add { .. }) {
                    self.unsaved_count += 1;
                }
                self.queue.push((Arc::clone(article), change));
            }
        }
        let problem = self.flush().err();
        self.listing(article, problem)
    }

    /// Saves the queued changes in order. A change that failed for a reason that may pass
    /// (the disk, the lock, a read-only file) stops the saving and stays queued with those
    /// after it; one that can never succeed (its highlight is gone) is dropped and reported.
    fn flush(&mut self) -> Result<(), String> {
        let mut dropped = Vec::new();
        while let Some((article, change)) = self.queue.first() {
            let local = self.local_id_of(0);
            let (article, change) = (Arc::clone(article), self.translate(change.clone()));
            let store = self.store().map_err(|e| not_saved(&e))?;
            match apply(store, &article, change) {
                Ok(Some(id)) => {
                    if let Some(local) = local {
                        self.saved_as.insert(local, id);
                    }
                }
                Ok(None) => {}
                Err(e) if may_pass(&e) => return Err(not_saved(&e.to_string())),
                Err(e) => dropped.push(format!("change not made: {e}")),
            }
            self.queue.remove(0);
        }
        if dropped.is_empty() {
            Ok(())
        } else {
            Err(dropped.join("; "))
        }
    }

    /// The unsaved id the queued add at `index` goes by (adds are numbered in order).
    fn local_id_of(&self, index: usize) -> Option<AnnotationId> {
        if !matches!(self.queue[index].1, MarkChange::Add { .. }) {
            return None;
        }
        let adds_after = self.queue[index + 1..]
            .iter()
            .filter(|(_, c)| matches!(c, MarkChange::Add { .. }))
            .count();
        Some(AnnotationId(format!(
            "{UNSAVED}{}",
            self.unsaved_count - adds_after
        )))
    }

    /// `change` with an unsaved id replaced by the one the store gave it.
    fn translate(&self, change: MarkChange) -> MarkChange {
        let real = |id: AnnotationId| self.saved_as.get(&id).cloned().unwrap_or(id);
        match change {
            MarkChange::Note { id, note } => MarkChange::Note { id: real(id), note },
            MarkChange::Color { id, color } => MarkChange::Color {
                id: real(id),
                color,
            },
            MarkChange::Delete(id) => MarkChange::Delete(real(id)),
            MarkChange::Undelete(id) => MarkChange::Undelete(real(id)),
            add => add,
        }
    }

    /// The store's highlights of `article` with the unsaved changes laid over them.
    fn listing(&mut self, article: &Article, problem: Option<String>) -> Msg {
        let mut list = match self.store() {
            Ok(store) => {
                let doc = store.document(article);
                store.resolve(&doc, article)
            }
            Err(_) => Vec::new(),
        };
        let mut warnings = std::mem::take(&mut self.opening);
        if let Some(store) = self.store.as_mut() {
            warnings.extend(store.take_warnings().iter().map(ToString::to_string));
        }
        for index in 0..self.queue.len() {
            let local = self.local_id_of(index);
            let change = self.translate(self.queue[index].1.clone());
            overlay(&mut list, article, change, local);
        }
        list.sort_by_key(|m| m.range.as_ref().map_or((1, 0), |r| (0, r.start)));
        let problem = match (problem, warnings.is_empty()) {
            (Some(p), _) => Some(p),
            (None, false) => Some(warnings.join("; ")),
            (None, true) => None,
        };
        Msg::Marks { list, problem }
    }

    /// Exports `article`'s highlights to Markdown in `folder`, merging with an earlier
    /// export there; the answer says where, or why not.
    pub fn export(&mut self, article: &Article, folder: &Path) -> Msg {
        let unsaved = self.queue.len();
        let store = match self.store() {
            Ok(store) => store,
            Err(problem) => return Msg::Notice(format!("not exported: {problem}")),
        };
        let doc = store.document(article);
        let source = article
            .source
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let exported = jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .map(|t| t.to_string())
            .unwrap_or_default();
        let export = export_doc(store, &doc, article, &source, &exported);
        let count = export.highlights.len();
        let path = folder.join(format!("{}.md", safe_stem(&article.title)));
        let rendered = markdown::render(&export);
        let text = match std::fs::read_to_string(&path) {
            Ok(existing) => match merge(&existing, &rendered, false) {
                Ok(text) => text,
                Err(refusal) => {
                    return Msg::Notice(format!("not exported: {}: {refusal}", path.display()));
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => rendered.to_file(),
            Err(e) => {
                return Msg::Notice(format!(
                    "not exported: cannot read the earlier export {}: {e}",
                    path.display()
                ));
            }
        };
        if let Err(e) = crate::atomic::write(&path, text.as_bytes()) {
            return Msg::Notice(format!(
                "not exported: cannot write {}: {e}",
                path.display()
            ));
        }
        let pending = if unsaved > 0 {
            format!(" ({unsaved} unsaved changes left out)")
        } else {
            String::new()
        };
        Msg::Notice(format!(
            "exported {count} highlight{} to {}{pending}",
            if count == 1 { "" } else { "s" },
            path.display()
        ))
    }
}

fn not_saved(problem: &str) -> String {
    format!("NOT SAVED (kept in memory; saving is tried again with your next change): {problem}")
}

/// Whether trying `error`'s change again later may succeed.
fn may_pass(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Io { .. } | StoreError::ReadOnly { .. } | StoreError::Encode { .. }
    )
}

/// Carries out one change in the store; an add answers with the new id.
fn apply(
    store: &mut Store,
    article: &Article,
    change: MarkChange,
) -> Result<Option<AnnotationId>, StoreError> {
    let result = match change {
        MarkChange::Add { range, color, note } => {
            let doc = store.document(article);
            return store.add(&doc, article, range, color, &note).map(Some);
        }
        MarkChange::Note { id, note } => store.set_note(&id, &note),
        MarkChange::Color { id, color } => store.set_color(&id, color),
        MarkChange::Delete(id) => store.delete(&id),
        MarkChange::Undelete(id) => store.undelete(&id),
    };
    result.map(|()| None)
}

/// Shows an unsaved change in the list as if it were saved.
fn overlay(
    list: &mut Vec<Resolved>,
    article: &Article,
    change: MarkChange,
    local: Option<AnnotationId>,
) {
    let find = |list: &mut Vec<Resolved>, id: &AnnotationId| list.iter().position(|m| &m.id == id);
    match change {
        MarkChange::Add { range, color, note } => {
            let now = jiff::Timestamp::now();
            list.push(Resolved {
                id: local.unwrap_or_else(|| AnnotationId(UNSAVED.into())),
                quote: article.slice(range.clone()).to_string(),
                section: article.section_path(range.start),
                range: Some(range),
                status: AnchorStatus::Verified,
                color,
                note,
                tags: Vec::new(),
                created_at: now,
                updated_at: now,
            });
        }
        MarkChange::Note { id, note } => {
            if let Some(i) = find(list, &id) {
                list[i].note = note;
            }
        }
        MarkChange::Color { id, color } => {
            if let Some(i) = find(list, &id) {
                list[i].color = color;
            }
        }
        MarkChange::Delete(id) => {
            if let Some(i) = find(list, &id) {
                list.remove(i);
            }
        }
        // Shown again once saved: the store keeps what a tombstone hides.
        MarkChange::Undelete(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Color;

    fn article() -> Arc<Article> {
        let bytes = b"Title\n\nOne sentence here. Another sentence there.\n";
        Arc::new(Article::from_bytes(bytes, None).unwrap())
    }

    fn marks(msg: Msg) -> (Vec<Resolved>, Option<String>) {
        match msg {
            Msg::Marks { list, problem } => (list, problem),
            other => panic!("expected marks, got {other:?}"),
        }
    }

    fn add(at: &str) -> MarkChange {
        let a = article();
        let start = a.text[..a.text.find(at).unwrap()].chars().count();
        MarkChange::Add {
            range: start..start + at.chars().count(),
            color: Color::Yellow,
            note: String::new(),
        }
    }

    #[test]
    fn a_failed_save_is_kept_shown_and_saved_with_the_next_change() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the store's folder should be: nothing can be written there.
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "not a folder").unwrap();
        let path = blocker.join("annotations.json");
        let (mut highlights, _) = Highlights::open(&path);
        let a = article();
        let (list, problem) = marks(highlights.change(&a, add("One sentence here.")));
        assert!(problem.unwrap().starts_with("NOT SAVED"));
        assert_eq!(list.len(), 1);
        let local = list[0].id.clone();
        let (list, _) = marks(highlights.change(
            &a,
            MarkChange::Note {
                id: local,
                note: "kept".into(),
            },
        ));
        assert_eq!(list[0].note, "kept");
        // The folder appears; the next change saves everything, in order.
        std::fs::remove_file(&blocker).unwrap();
        std::fs::create_dir(&blocker).unwrap();
        let (list, problem) = marks(highlights.change(&a, add("Another sentence there.")));
        assert_eq!(problem, None);
        assert_eq!(list.len(), 2);
        assert!(list.iter().all(|m| !m.id.0.starts_with(UNSAVED)));
        let (store, _) = Store::open(&path).unwrap();
        let doc = store.document(&a);
        let saved = store.resolve(&doc, &a);
        assert_eq!(saved.len(), 2);
        assert_eq!(saved[0].note, "kept");
    }

    #[test]
    fn a_change_that_can_never_be_made_is_dropped_not_retried() {
        let dir = tempfile::tempdir().unwrap();
        let (mut highlights, _) = Highlights::open(&dir.path().join("annotations.json"));
        let a = article();
        let gone = MarkChange::Note {
            id: AnnotationId("01NOSUCHID".into()),
            note: "x".into(),
        };
        let (_, problem) = marks(highlights.change(&a, gone));
        assert!(problem.unwrap().contains("no highlight with id"));
        let (list, problem) = marks(highlights.change(&a, add("One sentence here.")));
        assert_eq!((list.len(), problem), (1, None));
    }

    #[test]
    fn a_delete_is_undone_and_export_writes_then_merges_markdown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        let (mut highlights, notices) = Highlights::open(&path);
        assert!(notices.is_empty());
        let a = article();
        let (list, _) = marks(highlights.change(&a, add("One sentence here.")));
        let id = list[0].id.clone();
        let (list, _) = marks(highlights.change(&a, MarkChange::Delete(id.clone())));
        assert!(list.is_empty());
        let (list, _) = marks(highlights.change(&a, MarkChange::Undelete(id)));
        assert_eq!(list.len(), 1);
        let exports = dir.path().join("exports");
        let Msg::Notice(said) = highlights.export(&a, &exports) else {
            panic!("expected a notice");
        };
        assert!(said.starts_with("exported 1 highlight to "), "{said}");
        let written = std::fs::read_dir(&exports)
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let text = std::fs::read_to_string(written.path()).unwrap();
        assert!(text.contains("> One sentence here."), "{text}");
        // A second export merges with the first.
        let Msg::Notice(again) = highlights.export(&a, &exports) else {
            panic!("expected a notice");
        };
        assert!(again.starts_with("exported"), "{again}");
    }
}
