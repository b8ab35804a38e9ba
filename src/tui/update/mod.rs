//! The state machine: `update(model, msg)` applies one input to the model and returns the
//! effects (file IO) for the driver to run, first in, first out. It never touches a file or
//! the terminal. A key goes `on_key` → the keymap of the mode in focus → [`act`], whose one
//! `match` on the mode hands the verb to that mode's file (named like its pane in `ui/`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::keymap::{Key, Mode};
use super::model::{Model, Reader};
use super::protocol::{Bookmark, Effect, Msg};

mod changes;
mod draft;
mod editor;
mod export_prompt;
mod file;
mod furniture;
mod help;
mod highlights;
mod library;
mod library_notes;
mod links;
mod mouse;
mod outline;
mod reader;
mod reply;
mod role_picker;
mod search;
mod select;
mod tag_prompt;
mod unsaved;
mod view;

/// Applies `msg` to `model`. Whenever the session ends with an article open, its reading
/// position is among the effects.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // Only a quit this message starts is held back (a signal's never is), and only then is the
    // reading position saved: the answers that follow a quit must not start another.
    let quitting = model.quit;
    let stopping = matches!(msg, Msg::Stop(_));
    // Only what the user did moves the view, and a resize (which keeps the reading position
    // on top) can push the caret below the pane; checking costs a screen of wrapping.
    let moved = matches!(msg, Msg::Key(_) | Msg::Mouse(_) | Msg::Do(_));
    let resized = matches!(msg, Msg::Resize(..));
    // `]` then `a` is one gesture: anything but a key in between ends it.
    if matches!(msg, Msg::Mouse(_) | Msg::Click { .. } | Msg::Resize(..))
        && let Some(reader) = model.reader.as_mut()
    {
        reader.bracket = None;
    }
    let mut effects = dispatch(model, msg);
    if moved || resized {
        view::keep_caret_in_view(model, resized);
    }
    if !quitting && !stopping {
        unsaved::hold_quit(model, &mut effects);
    }
    if model.quit
        && !quitting
        && let Some(reader) = &model.reader
    {
        let height = usize::from(model.panes().text.height);
        effects.extend(bookmark(reader, height).map(Effect::SavePosition));
    }
    effects
}

/// Where the open article was left; nothing for the beginning of an article, whose offsets
/// are not yet those of the whole.
fn bookmark(reader: &Reader, height: usize) -> Option<Bookmark> {
    (!reader.partial).then(|| Bookmark {
        article_id: reader.article.id.clone(),
        path: reader.path.clone(),
        offset: reader.bookmark_offset(height),
        chars: reader.article.char_len,
    })
}

/// What the user did goes to the key, mouse and verb handlers; what the driver answered, to
/// [`reply`].
fn dispatch(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(model, &key),
        Msg::Mouse(mouse) => {
            mouse::on_mouse(model, mouse);
            Vec::new()
        }
        Msg::Click { column, row, count } => {
            mouse::on_click(model, column, row, count);
            Vec::new()
        }
        Msg::Resize(width, height) => {
            model.size = (width, height);
            let most = super::help::max_scroll(&model.keymap, model.size);
            if let Some(scroll) = model.help.as_mut() {
                *scroll = (*scroll).min(most);
            }
            view::fit_layout(model);
            Vec::new()
        }
        Msg::Do(action) => act(model, action),
        Msg::Stop(_) => unsaved::stop(model),
        answer => reply::answer(model, answer),
    }
}

/// A key: first to whatever is asking a question or taking typed text (the quit and export
/// questions, the note editor, `]a`, the search query, the library filter, a deletion to
/// confirm), else through the keymap of the mode in focus to [`act`].
fn on_key(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    if event.kind == KeyEventKind::Release {
        return Vec::new();
    }
    model.message = None;
    if model.quit_prompt.is_some() {
        return unsaved::prompt_key(model, event);
    }
    if model.export_prompt.take().is_some() {
        return export_prompt::answer(model, event);
    }
    if model.mode() == Mode::Editor {
        return editor::key(model, event);
    }
    if let Some(effects) = reader::bracket_key(model, event) {
        return effects;
    }
    if model
        .reader
        .as_ref()
        .is_some_and(|r| r.search.input.is_some())
    {
        return search::input(model, event);
    }
    let typed = typed(event);
    if let Some(effects) = tag_prompt::key(model, event, typed) {
        return effects;
    }
    if let Some(effects) = library::filter_input(model, typed, event.code) {
        return effects;
    }
    if let Some(effects) = highlights::filter_input(model, typed, event.code) {
        return effects;
    }
    if let Some(effects) = highlights::answer_delete(model, typed) {
        return effects;
    }
    if let Some(effects) = role_picker::answer(model, typed, event.code) {
        return effects;
    }
    let Some(key) = Key::from_event(event) else {
        return Vec::new();
    };
    let Some(action) = model.keymap.lookup(model.mode(), key) else {
        return Vec::new();
    };
    let before = model.reader.as_ref().map(|r| (r.top, r.cursor));
    let effects = act(model, action);
    if let Some((top, cursor)) = before {
        reader::note_bracket(model, action, top, cursor);
    }
    effects
}

/// The character a key types, if it types one.
fn typed(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Carries out a verb in the mode in focus.
fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    if action == Action::RetrySave {
        return unsaved::retry(model);
    }
    if waits_for_the_whole_article(action) && model.reader.as_ref().is_some_and(|r| r.partial) {
        model.message = Some("one moment: still reading the whole file".into());
        return Vec::new();
    }
    match model.mode() {
        Mode::Help if model.links.is_some() => links::act(model, action),
        Mode::Help => help::act(model, action),
        Mode::Library => library::act(model, action),
        Mode::Editor => Vec::new(),
        Mode::Highlights => highlights::act(model, action),
        Mode::Outline => outline::act(model, action),
        Mode::Select => select::act(model, action),
        Mode::Reader | Mode::Global => reader::act(model, action),
    }
}

/// Whether `action` makes, changes, lists or exports highlights, or reads the file again:
/// the beginning of an article shown while the whole is read has no highlights, and its
/// offsets are not yet those of the whole.
fn waits_for_the_whole_article(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Highlight
            | Annotate
            | Color1
            | Color2
            | Color3
            | Color4
            | Color5
            | SetRole
            | Tag
            | Link
            | DeleteHighlight
            | Undo
            | ListHighlights
            | WholeLibrary
            | Export
            | Reload
    )
}

/// The height of the text pane in rows, at least one.
fn text_rows(model: &Model) -> usize {
    usize::from(model.panes().text.height).max(1)
}
