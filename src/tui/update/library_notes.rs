//! The notes list over the whole library (`w` in the notes list): asking the store for every
//! article's highlights, choosing one, and opening its article at it.

use crate::tui::action::Action;
use crate::tui::model::{Model, Scope};
use crate::tui::protocol::{Effect, LibraryNote};

use super::highlights::{go_to, start_filter};

/// What the keys that only make sense on this article's highlights say in the library's list.
const ONLY_HERE: &str = "in the whole library's notes, Enter opens a note's article at it; \
                         w lists this article's highlights again";

/// Switches the list between this article's highlights and the whole library's (asked of
/// the store, which answers with [`Msg::LibraryNotes`](crate::tui::protocol::Msg)).
pub(super) fn switch(model: &mut Model) -> Vec<Effect> {
    let Some(list) = model.list.as_mut() else {
        return Vec::new();
    };
    // A link joins two highlights of the article being read.
    if list.linking.is_some() {
        model.message = Some("a link joins highlights of this article: pick one here".into());
        return Vec::new();
    }
    list.cursor = Default::default();
    list.confirm = None;
    match list.scope {
        Scope::Article => {
            list.scope = Scope::Loading;
            vec![Effect::LoadLibraryNotes]
        }
        Scope::Loading | Scope::Library(_) => {
            list.scope = Scope::Article;
            Vec::new()
        }
    }
}

/// A verb in the library's list: motions, `/`, `w`, Enter; the rest are this article's.
pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let rows = model.list_rows();
    let Some(list) = model.list.as_mut() else {
        return Vec::new();
    };
    let visible = list.visible_notes();
    if list.cursor.step(action, visible.len(), rows) {
        return Vec::new();
    }
    let chosen = match &list.scope {
        Scope::Library(notes) => (visible.get(list.cursor.selected)).map(|&i| notes[i].clone()),
        Scope::Article | Scope::Loading => None,
    };
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Close | Action::Back | Action::ListHighlights => model.list = None,
        Action::WholeLibrary => return switch(model),
        Action::Filter => start_filter(model),
        Action::Open => return open(model, chosen),
        _ => model.message = Some(ONLY_HERE.into()),
    }
    Vec::new()
}

/// Goes to `chosen`: in the open article at once; in another, by opening it (the reading
/// position of this one saved first) and going to the highlight once its highlights arrive.
fn open(model: &mut Model, chosen: Option<LibraryNote>) -> Vec<Effect> {
    let Some(note) = chosen else {
        return Vec::new();
    };
    let reader = model.reader.as_ref();
    if let Some(here) = reader.and_then(|r| r.highlights.iter().find(|h| h.id == note.id)) {
        go_to(model, Some(here.range.clone()));
        return Vec::new();
    }
    let Some(path) = note.path else {
        model.message = Some(format!("folio knows no file for “{}”", note.title));
        return Vec::new();
    };
    if model.working.opening.is_some() {
        return Vec::new();
    }
    let height = usize::from(model.panes().text.height);
    let mut effects: Vec<Effect> = (model.reader.as_ref())
        .and_then(|r| super::bookmark(r, height))
        .map(Effect::SavePosition)
        .into_iter()
        .collect();
    model.list = None;
    model.jump = Some((path.clone(), note.id));
    model.working.opening = Some(path.clone());
    effects.push(Effect::Open(path));
    effects
}

/// The library's notes arrived (or could not be read); dropped unless the list waits for them.
pub(super) fn arrived(model: &mut Model, result: Result<Vec<LibraryNote>, String>) {
    let Some(list) = (model.list.as_mut()).filter(|l| l.scope == Scope::Loading) else {
        return;
    };
    match result {
        Ok(notes) => list.scope = Scope::Library(notes),
        Err(error) => {
            list.scope = Scope::Article;
            model.message = Some(format!("the library's notes could not be read: {error}"));
        }
    }
}

/// Once the article chosen in the library's list is open with its highlights, goes to the
/// chosen one (or says it is gone). Highlights of another article leave the jump waiting.
pub(super) fn jump(model: &mut Model) {
    let Some(reader) = model.reader.as_ref() else {
        return;
    };
    let Some((_, id)) =
        (model.jump.as_ref()).filter(|(path, _)| reader.path.as_ref() == Some(path))
    else {
        return;
    };
    let found = reader.highlights.iter().find(|h| &h.id == id);
    let range = found.map(|h| h.range.clone());
    model.jump = None;
    match range {
        Some(range) => go_to(model, Some(range)),
        None => model.message = Some("that highlight is no longer in the article".into()),
    }
}
