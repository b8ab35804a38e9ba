//! The driver's answers to the effects `update` asked for: an article read, the highlights as
//! the store has them, a draft found, a save that failed, an export written or refused.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::article::Article;
use crate::highlights::Resolved;
use crate::tui::model::Model;
use crate::tui::protocol::{Effect, Msg, OnDisk, Shared};

use super::{draft, editor, export_prompt, file, unsaved, view};

/// Takes in an answer; the messages that are the user's own (keys, the mouse) never come here.
pub(super) fn answer(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if !matches!(msg, Msg::Disk(_)) {
        model.working.waiting = None;
    }
    match msg {
        Msg::Waiting(line) => model.working.waiting = Some(line),
        Msg::Opening(said) => model.say(&said.join("; ")),
        Msg::Counted(counts) => counted(model, &counts),
        Msg::Tags(tags) => model.tags_known = tags,
        Msg::Notice(text) => model.message = Some(text),
        Msg::Opened {
            path,
            result,
            top,
            on_disk,
        } => return opened(model, path, result, top, on_disk),
        Msg::Beginning { path, article, top } => file::began(model, path, *article, top),
        Msg::Disk(state) => file::on_disk_state(model, state),
        Msg::Reloaded { result, on_disk } => return file::reloaded(model, result, on_disk),
        Msg::Highlights {
            article,
            list,
            problem,
        } => {
            highlights(model, &article, list, problem);
            super::library_notes::jump(model);
            return super::role_picker::give_pending(model);
        }
        Msg::Edited(result) => editor::edited(model, result),
        Msg::Unsaved(unsaved) => unsaved::on_unsaved(model, unsaved),
        Msg::Rescued(result) => unsaved::on_rescued(model, result),
        Msg::Draft { draft, problems } => draft::offer(model, draft, problems),
        Msg::DraftSaved(result) => draft::on_saved(model, result),
        Msg::Exported(said) => {
            model.working.exporting = None;
            model.message = Some(said);
        }
        Msg::LibraryNotes(result) => super::library_notes::arrived(model, result),
        Msg::ExportRefused { path, why } => {
            model.working.exporting = None;
            export_prompt::ask(model, &path, &why);
        }
        // What the user did is handled before answers are looked at.
        Msg::Key(_) | Msg::Mouse(_) | Msg::Click { .. } | Msg::Resize(..) | Msg::Do(_) => {}
        Msg::Stop(_) => {}
    }
    Vec::new()
}

/// The library's highlight counts arrived: every row shows its own.
fn counted(model: &mut Model, counts: &HashMap<PathBuf, usize>) {
    for entry in model.library.iter_mut().flat_map(|l| l.entries.iter_mut()) {
        entry.highlights = Some(counts.get(&entry.path).copied().unwrap_or(0));
    }
}

/// An article read for the reader: shown where it was left, then its highlights are asked
/// for, then a draft to put back on them.
fn opened(
    model: &mut Model,
    path: Option<PathBuf>,
    result: Result<Box<Article>, String>,
    top: usize,
    on_disk: Option<OnDisk>,
) -> Vec<Effect> {
    let beginning = file::beginning_of(model, path.as_deref());
    model.working.opening = None;
    match result {
        Ok(article) => {
            let (top, shown) = match beginning {
                Some(beginning) => file::carry_from_beginning(beginning, &article),
                None => (top, model.outline_by_default),
            };
            view::show_article(model, *article, path, top, on_disk, shown);
            let Some(reader) = model.reader.as_ref() else {
                return Vec::new();
            };
            vec![
                Effect::LoadHighlights(Shared(reader.article.clone())),
                Effect::FindDraft {
                    article: reader.article.id.clone(),
                    path: reader.path.clone(),
                },
            ]
        }
        Err(error) if beginning.is_some() => {
            model.message = Some(format!("{error} — showing only the beginning"));
            Vec::new()
        }
        Err(error) => {
            model.message = Some(error);
            model.jump = None;
            Vec::new()
        }
    }
}

/// The open article's highlights as the store has them; an answer about an article no
/// longer open is dropped.
fn highlights(model: &mut Model, article: &str, list: Vec<Resolved>, problem: Option<String>) {
    let Some(reader) = model.reader.as_mut().filter(|r| r.article.id == article) else {
        return;
    };
    reader.highlights = list;
    if let Some(panel) = model.list.as_mut() {
        let last = reader.highlights.len().saturating_sub(1);
        panel.cursor.selected = panel.cursor.selected.min(last);
    }
    if problem.is_some() {
        model.message = problem;
    } else {
        file::summarize_reload(model);
    }
    editor::follow_store(model);
}
