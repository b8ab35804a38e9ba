//! The changes the store has not taken yet, oldest first, and the ids unsaved highlights go
//! by until the store gives them real ones.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::article::Article;
use crate::highlights::{
    Added, AnchorStatus, Color, HighlightId, Link, Resolved, Store, StoreError,
};
use crate::tui::protocol::{HighlightChange, UNSAVED};

/// Unsaved changes, each with the article it was made on.
#[derive(Clone, Debug, Default)]
pub struct Queue {
    changes: Vec<(Arc<Article>, HighlightChange)>,
    /// Ids the store gave to highlights first known by an unsaved id.
    saved_as: HashMap<HighlightId, HighlightId>,
    /// Adds ever queued: the n-th is known as `unsaved-n` until saved.
    adds: usize,
}

/// What replaying the queue into a store did.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Changes dealt with from the front: made, or dropped as impossible.
    pub done: usize,
    /// The failure that stopped the replay, one that may pass (the disk, a read-only file).
    pub stopped: Option<StoreError>,
    /// Changes that can never be made (their highlight is gone), said in plain words.
    pub dropped: Vec<String>,
    /// Store ids of the highlights the changes made were about.
    pub touched: HashSet<String>,
    /// What the user must hear about changes made (a note in conflict, a deleted highlight
    /// brought back), in plain words.
    pub said: Vec<String>,
}

impl Queue {
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Queues `change`. Undoing a delete that never reached the disk just forgets it.
    pub fn push(&mut self, article: &Arc<Article>, change: HighlightChange) {
        if let HighlightChange::Undelete(id) = &change {
            let delete = HighlightChange::Delete(id.clone());
            if self.changes.iter().any(|(_, c)| *c == delete) {
                self.changes.retain(|(_, c)| *c != delete);
                return;
            }
        }
        if matches!(change, HighlightChange::Add { .. }) {
            self.adds += 1;
        }
        self.changes.push((Arc::clone(article), change));
    }

    /// Applies the changes in order to `store` until one fails for a reason that may pass.
    /// The queue is left as it was but for the ids learnt; [`Queue::forget`] drops what
    /// was done.
    pub fn replay(&mut self, store: &mut Store) -> Replayed {
        let mut replayed = Replayed::default();
        for index in 0..self.changes.len() {
            let local = self.local_id_of(index);
            let (article, change) = &self.changes[index];
            let change = self.translate(change.clone());
            let about = id_of(&change);
            match apply(store, article, change) {
                Ok(Applied { made, said }) => {
                    replayed.said.extend(said);
                    if let (Some(local), Some(id)) = (local, &made) {
                        self.saved_as.insert(local, id.clone());
                    }
                    replayed.touched.extend(made.or(about).map(|id| id.0));
                }
                Err(e) if may_pass(&e) => {
                    replayed.stopped = Some(e);
                    return replayed;
                }
                Err(e) => replayed.dropped.push(format!("change not made: {e}")),
            }
            replayed.done = index + 1;
        }
        replayed
    }

    /// Drops the `done` oldest changes.
    pub fn forget(&mut self, done: usize) {
        self.changes.drain(..done.min(self.changes.len()));
    }

    /// Lays the unsaved changes made on `article` over `list`, as if they were saved.
    pub fn overlay(&self, list: &mut Vec<Resolved>, article: &Article) {
        for index in 0..self.changes.len() {
            let (made_on, change) = &self.changes[index];
            if made_on.text_hash == article.text_hash {
                let change = self.translate(change.clone());
                overlay(list, article, change, self.local_id_of(index));
            }
        }
    }

    /// The notes among the changes, each with the words it is on (looked up in `store` for a
    /// highlight saved earlier), so they can be printed when nothing else could keep them.
    pub fn notes(&self, store: Option<&Store>) -> Vec<String> {
        let mut quotes: HashMap<HighlightId, String> = HashMap::new();
        let mut notes = Vec::new();
        for index in 0..self.changes.len() {
            let (article, change) = &self.changes[index];
            let (quote, note) = match self.translate(change.clone()) {
                HighlightChange::Add { range, note, .. } => {
                    let quote = article.slice(range).to_string();
                    if let Some(local) = self.local_id_of(index) {
                        quotes.insert(local, quote.clone());
                    }
                    (quote, note)
                }
                HighlightChange::Note { id, note, .. } => {
                    let saved = store.and_then(|s| s.annotation(&id));
                    let quote = quotes
                        .get(&id)
                        .cloned()
                        .or_else(|| saved.map(|a| a.target.quote.exact.clone()));
                    (quote.unwrap_or_default(), note)
                }
                _ => continue,
            };
            if !note.trim().is_empty() {
                notes.push(format!("\u{201c}{quote}\u{201d}\n{note}"));
            }
        }
        notes
    }

    /// The unsaved id the queued add at `index` goes by.
    fn local_id_of(&self, index: usize) -> Option<HighlightId> {
        if !matches!(self.changes[index].1, HighlightChange::Add { .. }) {
            return None;
        }
        let adds_after = self.changes[index + 1..]
            .iter()
            .filter(|(_, c)| matches!(c, HighlightChange::Add { .. }))
            .count();
        Some(HighlightId(format!("{UNSAVED}{}", self.adds - adds_after)))
    }

    /// `change` with an unsaved id replaced by the one the store gave it.
    fn translate(&self, change: HighlightChange) -> HighlightChange {
        let real = |id: HighlightId| self.saved_as.get(&id).cloned().unwrap_or(id);
        match change {
            HighlightChange::Note { id, note, seen } => HighlightChange::Note {
                id: real(id),
                note,
                seen,
            },
            HighlightChange::Color { id, color } => HighlightChange::Color {
                id: real(id),
                color,
            },
            HighlightChange::Delete(id) => HighlightChange::Delete(real(id)),
            HighlightChange::Undelete(id) => HighlightChange::Undelete(real(id)),
            HighlightChange::Role { id, role, palette } => HighlightChange::Role {
                id: real(id),
                role,
                palette,
            },
            HighlightChange::Link { id, target, kind } => HighlightChange::Link {
                id: real(id),
                target: real(target),
                kind,
            },
            HighlightChange::Tag { id, tag, on } => HighlightChange::Tag {
                id: real(id),
                tag,
                on,
            },
            add => add,
        }
    }
}

/// Whether trying `error`'s change again later may succeed.
fn may_pass(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Io { .. } | StoreError::ReadOnly { .. } | StoreError::Encode { .. }
    )
}

/// The highlight a change is about, when it names one.
fn id_of(change: &HighlightChange) -> Option<HighlightId> {
    match change {
        HighlightChange::Add { .. } => None,
        HighlightChange::Note { id, .. } | HighlightChange::Color { id, .. } => Some(id.clone()),
        HighlightChange::Delete(id) | HighlightChange::Undelete(id) => Some(id.clone()),
        HighlightChange::Role { id, .. } | HighlightChange::Link { id, .. } => Some(id.clone()),
        HighlightChange::Tag { id, .. } => Some(id.clone()),
    }
}

/// What one change made in the store.
#[derive(Default)]
struct Applied {
    /// The id of the highlight an add made (or found on the very same passage).
    made: Option<HighlightId>,
    /// What the user must hear about it.
    said: Option<String>,
}

/// Carries out one change in the store.
fn apply(
    store: &mut Store,
    article: &Article,
    change: HighlightChange,
) -> Result<Applied, StoreError> {
    let result = match change {
        HighlightChange::Add { range, color, note } => {
            let doc = store.document(article);
            let added = store.highlight(&doc, article, range, color, &note)?;
            let note_added = matches!(
                added,
                Added::Existing {
                    note_added: true,
                    ..
                }
            );
            let id = added.into_id();
            // Said only when the note went after words already there: the passage may have
            // been highlighted without a note by this very reader a moment before (its answer
            // not back when the note was saved), and then the note is simply its note.
            let merged = note_added && store.annotation(&id).is_some_and(|a| a.note != note);
            let said = merged.then(|| {
                "this passage was highlighted already (by another folio): your note was added \
                 after its note"
                    .to_string()
            });
            return Ok(Applied {
                made: Some(id),
                said,
            });
        }
        HighlightChange::Note { id, note, seen } => {
            let said = store.save_note(&id, &seen, &note)?.said();
            return Ok(Applied { made: None, said });
        }
        HighlightChange::Color { id, color } => store.set_color(&id, color),
        HighlightChange::Delete(id) => store.delete(&id),
        HighlightChange::Undelete(id) => store.undelete(&id),
        HighlightChange::Role { id, role, palette } => {
            store.set_role(&id, role, |r| palette.color(r))
        }
        HighlightChange::Link { id, target, kind } => store.link(&id, &target, kind),
        HighlightChange::Tag { id, tag, on } => store.set_tag(&id, &tag, on),
    };
    result.map(|()| Applied::default())
}

/// A highlight added but not saved yet, as the list shows it.
fn unsaved_highlight(
    article: &Article,
    id: HighlightId,
    range: std::ops::Range<usize>,
    color: Color,
    note: String,
) -> Resolved {
    let now = jiff::Timestamp::now();
    Resolved {
        id,
        quote: article.slice(range.clone()).to_string(),
        section: article.section_path(range.start),
        range: Some(range),
        status: AnchorStatus::Verified,
        color,
        note,
        tags: Vec::new(),
        role: None,
        links: Vec::new(),
        dangling: Vec::new(),
        created_at: now,
        updated_at: now,
    }
}

/// Shows an unsaved change in the list as if it were saved.
fn overlay(
    list: &mut Vec<Resolved>,
    article: &Article,
    change: HighlightChange,
    local: Option<HighlightId>,
) {
    let find = |list: &mut Vec<Resolved>, id: &HighlightId| list.iter().position(|m| &m.id == id);
    match change {
        HighlightChange::Add { range, color, note } => {
            let id = local.unwrap_or_else(|| HighlightId(UNSAVED.into()));
            list.push(unsaved_highlight(article, id, range, color, note));
        }
        HighlightChange::Note { id, note, .. } => {
            if let Some(i) = find(list, &id) {
                list[i].note = note;
            }
        }
        HighlightChange::Color { id, color } => {
            if let Some(i) = find(list, &id) {
                list[i].color = color;
            }
        }
        HighlightChange::Delete(id) => {
            if let Some(i) = find(list, &id) {
                list.remove(i);
            }
        }
        HighlightChange::Role { id, role, .. } => {
            if let Some(i) = find(list, &id) {
                list[i].role = role;
            }
        }
        HighlightChange::Tag { id, tag, on } => {
            if let Some(i) = find(list, &id) {
                let tags = &mut list[i].tags;
                tags.retain(|t| *t != tag);
                tags.extend(on.then_some(tag));
            }
        }
        HighlightChange::Link { id, target, kind } => {
            if let Some(i) = find(list, &id) {
                list[i].links.retain(|l| l.target != target.0);
                list[i].links.push(Link {
                    target: target.0,
                    kind: kind.name().into(),
                    extra: Default::default(),
                });
            }
        }
        // Shown again once saved: the store keeps what a tombstone hides.
        HighlightChange::Undelete(_) => {}
    }
}
