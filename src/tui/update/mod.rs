//! The state machine: `update(model, msg)` applies one input to the model and returns the
//! effects (file IO) for the driver to run. It never touches a file or the terminal.

use std::ops::Range;
use std::path::PathBuf;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::annotate::{AnnotationId, Color, Resolved};
use crate::article::Article;
use crate::drafts::Draft;

use super::action::Action;
use super::keymap::{Key, Mode};
use super::marks;
use super::model::{Focus, Model, Reader, Unsaved};
use super::watch::{DiskState, OnDisk};
use disk::{on_disk_state, reload, reloaded, summarize_reload};
use library::act_in_library;
use mouse::{on_click, on_mouse};
use reader::act_in_reader;
use search::search_input;

mod disk;
mod draft;
mod export_prompt;
mod furniture;
mod library;
mod mouse;
mod reader;
mod search;
mod unsaved;

/// One input to the state machine.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A verb, as a key bound to it would ask.
    Do(Action),
    /// Something for the status line (a failed save, say).
    Notice(String),
    /// The driver loaded the article an [`Effect::Open`] asked for (or failed to); `top` is
    /// the saved reading position, `on_disk` the file as it was when read. `path` is `None`
    /// for an article read from standard input.
    Opened {
        path: Option<PathBuf>,
        result: Result<Box<Article>, String>,
        top: usize,
        on_disk: Option<OnDisk>,
    },
    /// The open article's file as the driver's last look found it.
    Disk(DiskState),
    /// The driver read the open article's file again, as [`Effect::Reload`] asked.
    Reloaded {
        result: Result<Box<Article>, String>,
        on_disk: Option<OnDisk>,
    },
    /// The open article's highlights as the store now has them, plus any change that could
    /// not be saved yet (`problem` says why, in plain words).
    Marks {
        list: Vec<Resolved>,
        problem: Option<String>,
    },
    /// The text the external editor saved, or why it could not run.
    Edited(Result<Edited, String>),
    /// A left click, `count` times in a row at the same place.
    Click {
        column: u16,
        row: u16,
        count: u8,
    },
    /// A signal (SIGTERM, SIGHUP, SIGINT) ends folio: keep what is unsaved, then quit.
    Stop(i32),
    /// After every save: the highlight changes still not saved, if any.
    Unsaved(Option<Unsaved>),
    /// The unsaved changes were written to another file (where, in plain words), or not (why).
    Rescued(Result<String, String>),
    /// The draft kept for the article just opened, if any, and what was wrong with damaged
    /// drafts found while looking.
    Draft {
        draft: Option<Draft>,
        problems: Vec<String>,
    },
    /// The note being written was kept as a draft in this file, or could not be (why).
    DraftSaved(Result<PathBuf, String>),
    /// The export at `path` was not overwritten: the user edited it (`why`, in plain words).
    ExportRefused {
        path: PathBuf,
        why: String,
    },
}

/// What the external editor saved: its text, and what to tell the user about it (bytes that
/// were not UTF-8, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub notice: Option<String>,
}

/// Work with the outside world that `update` asks the driver to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Load the article at this path and answer with [`Msg::Opened`].
    Open(PathBuf),
    /// Read the open article's file (at this path) again; answered with [`Msg::Reloaded`].
    Reload(PathBuf),
    /// Remember where the article was left.
    SavePosition(Bookmark),
    /// Read the open article's highlights; answered with [`Msg::Marks`].
    LoadMarks,
    /// Change a highlight of the open article in the store; answered with [`Msg::Marks`].
    Mark(MarkChange),
    /// Export the open article's highlights to Markdown; answered with a [`Msg::Notice`], or
    /// [`Msg::ExportRefused`] when that would overwrite what the user wrote.
    Export,
    /// Export again after the user chose what to do with the earlier export they edited.
    ExportAgain(ExportChoice),
    /// Let the user edit this note in `$EDITOR`; answered with [`Msg::Edited`].
    EditExternally(String),
    /// Try again to save the unsaved highlight changes; answered with [`Msg::Marks`] (or a
    /// notice without an article), then [`Msg::Unsaved`].
    RetrySave,
    /// Write the unsaved highlight changes to this file (by default the rescue file);
    /// answered with [`Msg::Rescued`] when there were any.
    Rescue(Option<PathBuf>),
    /// Keep the note being written as a draft; answered with [`Msg::DraftSaved`].
    SaveDraft(Draft),
    /// Look for a draft of the open article; answered with [`Msg::Draft`].
    FindDraft,
    /// Remove the draft kept under this name (its note was saved or discarded).
    DropDraft(String),
}

/// What to do with an earlier export the user edited (or that folio did not write).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportChoice {
    /// Replace it, keeping the user's version as `FILE.bak`.
    Overwrite,
    /// Leave it alone and write a new file beside it.
    Alongside,
}

/// A change to the open article's highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkChange {
    Add {
        range: Range<usize>,
        color: Color,
        note: String,
    },
    /// A note saved over `seen`, the text the user started from: the store keeps both
    /// texts if another folio changed it meanwhile.
    Note {
        id: AnnotationId,
        note: String,
        seen: String,
    },
    Color {
        id: AnnotationId,
        color: Color,
    },
    Delete(AnnotationId),
    Undelete(AnnotationId),
}

/// Where an article was left: its id and path, the offset on top and the text's length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bookmark {
    pub article_id: String,
    pub path: Option<PathBuf>,
    pub offset: usize,
    pub chars: usize,
}

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
        keep_caret_in_view(model, resized);
    }
    if !quitting && !stopping {
        unsaved::hold_quit(model, &mut effects);
    }
    if model.quit
        && !quitting
        && let Some(reader) = &model.reader
    {
        let height = usize::from(model.panes().text.height);
        effects.push(Effect::SavePosition(bookmark(reader, height)));
    }
    effects
}

/// Keeps the caret on screen. After a resize a selection being made stays as it is and the
/// view follows its moving end instead; otherwise the caret comes to the view.
fn keep_caret_in_view(model: &mut Model, resized: bool) {
    let height = usize::from(model.panes().text.height).max(1);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    match reader.selection {
        Some(selection) if resized => {
            reader.reveal(selection.head, height);
            follow_outline(model);
        }
        _ => reader.keep_caret_in_view(height),
    }
}

fn bookmark(reader: &Reader, height: usize) -> Bookmark {
    Bookmark {
        article_id: reader.article.id.clone(),
        path: reader.path.clone(),
        offset: reader.bookmark_offset(height),
        chars: reader.article.char_len,
    }
}

fn dispatch(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Notice(text) => {
            model.message = Some(text);
            Vec::new()
        }
        Msg::Key(key) => on_key(model, &key),
        Msg::Mouse(mouse)
            if matches!(
                mouse.kind,
                MouseEventKind::Drag(MouseButton::Left) | MouseEventKind::Up(MouseButton::Left)
            ) =>
        {
            marks::drag(model, mouse);
            Vec::new()
        }
        Msg::Mouse(mouse) => {
            on_mouse(model, mouse);
            Vec::new()
        }
        Msg::Click { column, row, count } => {
            on_click(model, column, row, count);
            Vec::new()
        }
        Msg::Marks { list, problem } => {
            if let Some(reader) = model.reader.as_mut() {
                reader.marks = list;
                if let Some(panel) = model.notes.as_mut() {
                    panel.selected = panel.selected.min(reader.marks.len().saturating_sub(1));
                }
            }
            if problem.is_some() {
                model.message = problem;
            } else {
                summarize_reload(model);
            }
            marks::follow_store(model);
            Vec::new()
        }
        Msg::Edited(result) => {
            match (result, model.editor.as_mut()) {
                (Ok(edited), Some(editor)) => {
                    editor.set_text(&edited.text);
                    model.message = edited.notice;
                }
                (Err(error), _) => model.message = Some(error),
                (Ok(_), None) => {}
            }
            Vec::new()
        }
        Msg::Resize(width, height) => {
            model.size = (width, height);
            let most = super::help::max_scroll(&model.keymap, model.size);
            if let Some(scroll) = model.help.as_mut() {
                *scroll = (*scroll).min(most);
            }
            fit_layout(model);
            Vec::new()
        }
        Msg::Do(action) => act(model, action),
        Msg::Stop(_) => unsaved::stop(model),
        Msg::Unsaved(unsaved) => {
            unsaved::on_unsaved(model, unsaved);
            Vec::new()
        }
        Msg::Rescued(result) => {
            unsaved::on_rescued(model, result);
            Vec::new()
        }
        Msg::Draft { draft, problems } => {
            draft::offer(model, draft, problems);
            Vec::new()
        }
        Msg::DraftSaved(result) => {
            draft::on_saved(model, result);
            Vec::new()
        }
        Msg::Opened {
            path,
            result,
            top,
            on_disk,
        } => {
            match result {
                Ok(article) => {
                    let shown = model.outline_by_default;
                    show_article(model, *article, path, top, on_disk, shown);
                    // Last out first: the highlights, then a draft to put back on them.
                    return vec![Effect::FindDraft, Effect::LoadMarks];
                }
                Err(error) => model.message = Some(error),
            }
            Vec::new()
        }
        Msg::Disk(state) => {
            on_disk_state(model, state);
            Vec::new()
        }
        Msg::Reloaded { result, on_disk } => reloaded(model, result, on_disk),
        Msg::ExportRefused { path, why } => {
            export_prompt::ask(model, &path, &why);
            Vec::new()
        }
    }
}

/// Puts `article` in the reader with `top` on top (a position at the end opens on the last
/// page) and the outline `shown` or not.
fn show_article(
    model: &mut Model,
    article: Article,
    path: Option<PathBuf>,
    top: usize,
    on_disk: Option<OnDisk>,
    shown: bool,
) {
    let width = usize::from(model.panes().text.width);
    let mut reader = Reader::new(article, path, top, width);
    reader.lay_out(width, crate::layout::Folds::new(model.furniture));
    reader.outline.shown = shown;
    reader.on_disk = on_disk;
    model.reader = Some(reader);
    fit_layout(model);
    let height = usize::from(model.panes().text.height);
    if let Some(reader) = model.reader.as_mut()
        && reader.shows_end(height)
    {
        reader.scroll_to_end(height);
    }
    follow_outline(model);
}

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
        return draft::editor_key(model, event);
    }
    if let Some(effects) = marks::bracket_key(model, event) {
        return effects;
    }
    if let Some(reader) = model.reader.as_mut()
        && reader.search.input.is_some()
    {
        let height = usize::from(model.panes().text.height);
        return search_input(model, event, height);
    }
    let typed = match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    if let Some(effects) = library::filter_input(model, typed, event.code) {
        return effects;
    }
    if let Some(effects) = marks::answer_delete(model, typed) {
        return effects;
    }
    let Some(key) = Key::from_event(event) else {
        return Vec::new();
    };
    let mode = model.mode();
    match model.keymap.lookup(mode, key) {
        Some(action) => {
            let before = model.reader.as_ref().map(|r| (r.top, r.cursor));
            let effects = act(model, action);
            if let Some((top, cursor)) = before {
                marks::note_bracket(model, action, top, cursor);
            }
            effects
        }
        None => Vec::new(),
    }
}

/// Carries out a verb in the focused pane.
fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    if action == Action::RetrySave {
        return unsaved::retry(model);
    }
    match model.mode() {
        Mode::Help => act_in_help(model, action),
        Mode::Library => act_in_library(model, action),
        Mode::Editor => Vec::new(),
        _ if action == Action::Reload => reload(model),
        Mode::Reader | Mode::Outline if furniture::wants(model, action) => furniture::toggle(model),
        Mode::Notes | Mode::Reader | Mode::Select => {
            marks::act(model, action).unwrap_or_else(|| act_in_reader(model, action))
        }
        Mode::Outline | Mode::Global => act_in_reader(model, action),
    }
}

fn act_in_help(model: &mut Model, action: Action) -> Vec<Effect> {
    let page = usize::from(model.size.1.saturating_sub(4)).max(1);
    // Scrolling stops with the last row at the bottom, so `k` always moves at once.
    let most = super::help::max_scroll(&model.keymap, model.size);
    let Some(scroll) = model.help.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Down => *scroll = (*scroll + 1).min(most),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => *scroll = (*scroll + page).min(most),
        Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = most,
        Action::Quit => model.quit = true,
        Action::Close | Action::Help | Action::Back => model.help = None,
        _ => {}
    }
    Vec::new()
}

/// Re-wraps the article when the text column's width changed. The reading position is an
/// offset, so the same text stays on top.
fn fit_layout(model: &mut Model) {
    let panes = model.panes();
    if let Some(reader) = model.reader.as_mut() {
        let width = usize::from(panes.text.width).max(crate::layout::MIN_WIDTH);
        if reader.layout.width != width {
            let folds = reader.folds.clone();
            reader.lay_out(width, folds);
        }
        if panes.outline.is_none() {
            reader.focus = Focus::Reader;
        }
    }
    follow_outline(model);
}

/// Keeps the outline on the section being read (or, with the outline focused, on its
/// cursor), scrolled so that entry is visible and no rows are wasted below the last entry.
fn follow_outline(model: &mut Model) {
    let panes = model.panes();
    let rows = panes.outline.map(|r| usize::from(r.height).max(1));
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    if reader.focus == Focus::Reader {
        let current = reader
            .current_section(usize::from(panes.text.height))
            .unwrap_or(0);
        reader.outline.cursor = reader.outline.stand_in(current);
    }
    // A hidden outline keeps its scroll for when it shows again at a size known then.
    let Some(rows) = rows else {
        return;
    };
    let at = reader.outline.row_of(reader.outline.cursor);
    let scroll = keep_visible(reader.outline.scroll, at, rows);
    let most = reader.outline.visible().len().saturating_sub(rows);
    reader.outline.scroll = scroll.min(most);
}

/// The smallest change to `scroll` that shows row `at` in a window `rows` tall.
pub(super) fn keep_visible(scroll: usize, at: usize, rows: usize) -> usize {
    if at < scroll {
        at
    } else if at >= scroll + rows {
        at + 1 - rows
    } else {
        scroll
    }
}
