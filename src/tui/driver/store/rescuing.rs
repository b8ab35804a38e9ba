//! Unsaved changes that must not be lost: written to a rescue file (on request, or when folio
//! is stopped) and merged back into the store when it opens again.

use std::path::PathBuf;

use super::Highlights;
use crate::highlights::{Store, rescue};

impl Highlights {
    /// Writes the unsaved changes to `to` (by default the rescue file beside the store, else
    /// in the home or temporary folder) and forgets them, as they are safe there. `None` when
    /// nothing waits; otherwise what happened, in plain words.
    pub fn rescue(&mut self, to: Option<PathBuf>) -> Option<Result<String, String>> {
        if self.queue.is_empty() {
            return None;
        }
        let mut copy = match &self.store {
            Some(store) => store.detached_copy(),
            None => Store::detached(&self.path),
        };
        let replayed = self.queue.clone().replay(&mut copy);
        let file = rescue::only(copy.file().clone(), &replayed.touched);
        let count = self.queue.len();
        let changes = format!(
            "{count} unsaved change{}",
            if count == 1 { "" } else { "s" }
        );
        let written = match to {
            Some(path) => {
                let to = rescue::expand_home(&path);
                rescue::write(&self.path, file, &to)
                    .map(|()| to)
                    .map_err(|e| e.to_string())
            }
            None => rescue::write_somewhere(&self.path, &file).map_err(|e| e.join("; ")),
        };
        Some(match written {
            Ok(to) => {
                self.queue = super::Queue::default();
                self.problem = None;
                Ok(format!(
                    "{changes} to highlights and notes written to {}; folio adds them to {} \
                     the next time it starts and can save there (or run: folio import {})",
                    to.display(),
                    self.path.display(),
                    to.display()
                ))
            }
            Err(e) => Err(format!("{changes} NOT written elsewhere either: {e}")),
        })
    }

    /// The notes still unsaved, written out for the terminal as the last resort when folio
    /// ends with them (quit without them, or nowhere could take them on a signal).
    pub fn unsaved_notes(&self) -> Option<String> {
        let notes = self.queue.notes(self.store.as_ref());
        (!notes.is_empty()).then(|| {
            format!(
                "these notes were NOT saved; copy them from here if you need them:\n\n{}",
                notes.join("\n\n")
            )
        })
    }

    /// Merges into the store the rescue files an earlier folio wrote for it, removing each
    /// once its changes are saved. One that cannot be saved yet is shown anyway and kept.
    pub(super) fn import_rescued(&mut self) -> Vec<String> {
        let Some(store) = self.store.as_mut() else {
            return Vec::new();
        };
        let mut notices = Vec::new();
        for (path, file) in rescue::find(&self.path) {
            match store.import(&file) {
                Ok(imported) => {
                    let removed = match std::fs::remove_file(&path) {
                        Ok(()) => "removed it".to_string(),
                        Err(e) => format!("could not remove it ({e}); delete it by hand"),
                    };
                    let plural = |n: usize, what: &str| {
                        format!("{n} {what}{}", if n == 1 { "" } else { "s" })
                    };
                    let mut what = vec![plural(imported.added, "highlight")];
                    if imported.updated > 0 {
                        what.push(plural(imported.updated, "change"));
                    }
                    notices.push(format!(
                        "added {} that an earlier folio could not save here, from {}, and {removed}",
                        what.join(" and "),
                        path.display()
                    ));
                }
                Err(e) => {
                    store.show_unsaved(&file);
                    notices.push(format!(
                        "{} holds changes an earlier folio could not save, and they cannot be \
                         saved yet either ({e}): they are shown, saved with your next change \
                         that can be, and the file is kept until then",
                        path.display()
                    ));
                }
            }
        }
        notices
    }
}
