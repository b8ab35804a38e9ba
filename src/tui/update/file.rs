//! The open article's file on disk: its beginning shown while the whole is read, what a look
//! at it found, and reading it again on request while keeping the place.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::article::Article;
use crate::highlights::AnchorStatus;
use crate::tui::model::Model;
use crate::tui::model::file::carry_position;
use crate::tui::protocol::{DiskState, Effect, OnDisk, Shared};

use super::view::show_article;

/// What the reader showed of an article's beginning, carried over to the whole article.
pub(super) struct Beginning {
    article: Arc<Article>,
    top: usize,
    outline_shown: bool,
}

/// Shows the beginning of a large article while the whole is read; the status line says the
/// file is being opened until it is.
pub(super) fn began(model: &mut Model, path: PathBuf, article: Article, top: usize) {
    let shown = model.outline_by_default;
    model.working.opening = Some(path.clone());
    show_article(model, article, Some(path), top, None, shown);
    if let Some(reader) = model.reader.as_mut() {
        reader.partial = true;
    }
}

/// The beginning of the article at `path` the reader shows, if that is what it shows.
pub(super) fn beginning_of(model: &Model, path: Option<&Path>) -> Option<Beginning> {
    let reader = model.reader.as_ref()?;
    (reader.partial && reader.path.as_deref() == path).then(|| Beginning {
        article: reader.article.clone(),
        top: reader.top,
        outline_shown: reader.outline.shown,
    })
}

/// Where the whole article opens after its beginning was shown: on the text that was on top,
/// with the outline shown or hidden as it was.
pub(super) fn carry_from_beginning(beginning: Beginning, whole: &Article) -> (usize, bool) {
    let top = carry_position(&beginning.article, beginning.top, whole);
    (top, beginning.outline_shown)
}

/// Records what the driver's look at the file found; the status line says it from then on.
/// The text on screen stays the copy that was loaded.
pub(super) fn on_disk_state(model: &mut Model, state: DiskState) {
    if let Some(disk) = model.reader.as_mut().and_then(|r| r.on_disk.as_mut()) {
        disk.state = state;
    }
}

/// Asks the driver to read the open article's file again.
pub(super) fn reload(model: &mut Model) -> Vec<Effect> {
    match model.reader.as_ref().and_then(|r| r.path.clone()) {
        Some(path) => {
            model.working.opening = Some(path.clone());
            vec![Effect::Reload(path)]
        }
        None => Vec::new(),
    }
}

/// Shows the text read again, with the text that was on top still on top and the highlights
/// placed anew on it; a failed read keeps the copy on screen and says why.
pub(super) fn reloaded(
    model: &mut Model,
    result: Result<Box<Article>, String>,
    on_disk: Option<OnDisk>,
) -> Vec<Effect> {
    model.working.opening = None;
    let Some(reader) = model.reader.as_ref() else {
        return Vec::new();
    };
    let article = match result {
        Ok(article) => article,
        Err(error) => {
            let kept = reader
                .on_disk
                .as_ref()
                .map_or_else(String::new, |d| format!(" loaded at {}", d.loaded_at));
            model.message = Some(format!(
                "cannot reload: {error} — still showing the copy{kept}"
            ));
            return Vec::new();
        }
    };
    let Some(path) = reader.path.clone() else {
        return Vec::new();
    };
    let top = carry_position(&reader.article, reader.top, &article);
    let same = reader.article.text_hash == article.text_hash;
    let shown = reader.outline.shown;
    show_article(model, *article, Some(path), top, on_disk, shown);
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    reader.reloaded = true;
    let article = Shared(reader.article.clone());
    model.message = Some(
        if same {
            "reloaded: the text on disk is the same as before"
        } else {
            "reloaded the new text from disk"
        }
        .to_string(),
    );
    vec![Effect::LoadHighlights(article)]
}

/// Once the highlights of a text read again arrive: says in the status line how many were not
/// found in place (moved, fuzzy, review, orphan), and lets `A` open on the first of them.
pub(super) fn summarize_reload(model: &mut Model) {
    let Some(reader) = model.reader.as_mut().filter(|r| r.reloaded) else {
        return;
    };
    reader.reloaded = false;
    let statuses = [
        AnchorStatus::Moved,
        AnchorStatus::Fuzzy,
        AnchorStatus::Review,
        AnchorStatus::Orphan,
    ];
    let counts: Vec<String> = statuses
        .iter()
        .filter_map(|&status| {
            let n = reader
                .highlights
                .iter()
                .filter(|m| m.status == status)
                .count();
            (n > 0).then(|| format!("{n} {}", status.name()))
        })
        .collect();
    if counts.is_empty() {
        return;
    }
    reader.review_first = true;
    let total: usize = reader.highlights.len();
    model.message = Some(format!(
        "reloaded: of {total} highlight{}, {} — A lists them",
        if total == 1 { "" } else { "s" },
        counts.join(", ")
    ));
}
