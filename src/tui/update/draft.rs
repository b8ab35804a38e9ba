//! Drafts in `update`: the note being written when folio is stopped becomes a draft; a draft
//! found for the article just opened reopens the editor, prefilled, on its passage; saving or
//! discarding that note lets the draft go.

use std::ops::Range;
use std::path::PathBuf;

use crate::article::Article;
use crate::drafts::{Draft, Passage};
use crate::tui::model::Model;
use crate::tui::model::editor::{NoteEditor, NoteTarget};
use crate::tui::protocol::UNSAVED;

/// The note being written, as a draft, when it holds anything not saved.
pub(super) fn draft_of(model: &Model) -> Option<Draft> {
    let (editor, reader) = (model.editor.as_ref()?, model.reader.as_ref()?);
    let note = editor.text();
    if note == editor.original {
        return None;
    }
    let (highlight, range) = match &editor.target {
        NoteTarget::Range(range) => (None, Some(range.clone())),
        NoteTarget::Id(id) => {
            let highlight = reader.highlights.iter().find(|h| &h.id == id);
            // An unsaved highlight's id means nothing to the next folio; its passage does.
            let saved = !id.0.starts_with(UNSAVED);
            (
                saved.then(|| id.0.clone()),
                highlight.and_then(|h| h.range.clone()),
            )
        }
    };
    let passage = range.map(|r| Passage {
        start: r.start,
        end: r.end,
        quote: reader.article.slice(r).to_string(),
    });
    Some(Draft::new(
        &reader.article.id,
        reader.path.clone(),
        &reader.article.title,
        highlight,
        passage,
        &note,
    ))
}

/// The driver kept the draft (or could not): said once the screen is gone.
pub(super) fn on_saved(model: &mut Model, result: Result<PathBuf, String>) {
    let title = model
        .reader
        .as_ref()
        .map_or_else(String::new, |r| r.article.title.clone());
    let said = match result {
        Ok(path) => format!(
            "the note you were writing is kept as a draft in {}; folio offers it again when \
             you open \u{201c}{title}\u{201d}",
            path.display()
        ),
        Err(why) => {
            let text = model
                .editor
                .as_ref()
                .map_or_else(String::new, NoteEditor::text);
            format!("{why}. The note you were writing was:\n{text}")
        }
    };
    model.farewell.push(said);
}

/// The answer to looking for a draft of the article just opened: reopen the editor on it.
pub(super) fn offer(model: &mut Model, draft: Option<Draft>, mut problems: Vec<String>) {
    if let Some(draft) = draft {
        match restore(model, &draft) {
            Ok(said) => problems.insert(0, said),
            Err(said) => problems.push(said),
        }
    }
    if !problems.is_empty() {
        // What the draft is about comes first: the rest was said before it arrived.
        let earlier = model.message.take();
        model.message = Some(
            problems
                .into_iter()
                .chain(earlier)
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
}

/// Opens the editor with the draft's text on its highlight (or passage), the passage in view.
fn restore(model: &mut Model, draft: &Draft) -> Result<String, String> {
    let height = usize::from(model.panes().text.height).max(1);
    let Some(reader) = model.reader.as_mut() else {
        return Err(String::new());
    };
    let kept = draft.saved_at.map_or_else(String::new, |t| {
        format!(" ({})", t.strftime("%Y-%m-%d %H:%M UTC"))
    });
    if model.editor.is_some() {
        return Err(format!(
            "a note kept as a draft{kept} waits too: it is offered again next time"
        ));
    }
    let by_id = draft
        .highlight
        .as_ref()
        .and_then(|id| reader.highlights.iter().find(|h| h.id.0 == *id));
    let range = match by_id {
        Some(highlight) => highlight.range.clone(),
        None => place(&reader.article, draft),
    };
    let highlight = by_id.or_else(|| {
        let range = range.as_ref()?;
        reader
            .highlights
            .iter()
            .find(|h| h.range.as_ref() == Some(range))
    });
    let (target, original) = match (highlight, &range) {
        (Some(highlight), _) => (NoteTarget::Id(highlight.id.clone()), highlight.note.clone()),
        (None, Some(range)) => (NoteTarget::Range(range.clone()), String::new()),
        (None, None) => {
            return Err(format!(
                "a note you were writing{kept} no longer fits this article, whose text changed; \
                 its draft is kept in the data folder's drafts/ and reads: {}",
                draft.note
            ));
        }
    };
    if let Some(range) = range {
        reader.cursor = range.start;
        reader.reveal(range.start, height);
    }
    let mut editor = NoteEditor::new(target, &draft.note);
    editor.original = original;
    editor.draft = Some(draft.key());
    model.editor = Some(editor);
    Ok(format!(
        "restored the note you were writing when folio was stopped{kept}: Ctrl-s saves it, \
         Esc discards it"
    ))
}

/// Where the draft's passage is in the article as it is now.
fn place(article: &Article, draft: &Draft) -> Option<Range<usize>> {
    let passage = draft.passage.as_ref()?;
    let range = passage.start..passage.end;
    if range.start <= range.end
        && range.end <= article.char_len
        && article.slice(range.clone()) == passage.quote
    {
        return Some(range);
    }
    crate::highlights::find_quote(article, &passage.quote, None).ok()
}
