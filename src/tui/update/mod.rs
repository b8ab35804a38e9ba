//! The state machine: `update(model, msg)` applies one input to the model and returns the
//! effects (file IO) for the driver to run. It never touches a file or the terminal.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};

use crate::article::Article;

use super::action::Action;
use super::keymap::{Key, Mode};
use super::model::{Focus, Model, Reader};
use library::{act_in_library, refilter};
use mouse::on_mouse;
use reader::act_in_reader;
use search::search_input;

mod library;
mod mouse;
mod reader;
mod search;

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
    /// the saved reading position.
    Opened {
        path: PathBuf,
        result: Result<Box<Article>, String>,
        top: usize,
    },
}

/// Work with the outside world that `update` asks the driver to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Load the article at this path and answer with [`Msg::Opened`].
    Open(PathBuf),
    /// Remember where the article was left.
    SavePosition(Bookmark),
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
    let mut effects = dispatch(model, msg);
    if model.quit
        && let Some(reader) = &model.reader
    {
        let height = usize::from(model.panes().text.height);
        effects.push(Effect::SavePosition(bookmark(reader, height)));
    }
    effects
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
        Msg::Mouse(mouse) => {
            on_mouse(model, mouse);
            Vec::new()
        }
        Msg::Resize(width, height) => {
            model.size = (width, height);
            fit_layout(model);
            Vec::new()
        }
        Msg::Do(action) => act(model, action),
        Msg::Opened { path, result, top } => {
            match result {
                Ok(article) => {
                    let width = usize::from(model.panes().text.width);
                    let mut reader = Reader::new(*article, Some(path), top, width);
                    reader.outline.shown = model.outline_by_default;
                    model.reader = Some(reader);
                    fit_layout(model);
                    // A position saved at the end (or past the last page) opens on the last page.
                    let height = usize::from(model.panes().text.height);
                    if let Some(reader) = model.reader.as_mut()
                        && reader.shows_end(height)
                    {
                        reader.scroll_to_end(height);
                    }
                    follow_outline(model);
                }
                Err(error) => model.message = Some(error),
            }
            Vec::new()
        }
    }
}

fn on_key(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    if event.kind == KeyEventKind::Release {
        return Vec::new();
    }
    model.message = None;
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
    let Some(key) = Key::from_event(event) else {
        return Vec::new();
    };
    let mode = model.mode();
    match model.keymap.lookup(mode, key) {
        Some(action) => act(model, action),
        None if mode == Mode::Library => {
            if let Some(library) = model.library.as_mut() {
                match (typed, event.code) {
                    (Some(c), _) => library.filter.push(c),
                    (None, KeyCode::Backspace) => {
                        library.filter.pop();
                    }
                    _ => return Vec::new(),
                }
                refilter(library);
            }
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// Carries out a verb in the focused pane.
fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    match model.mode() {
        Mode::Help => act_in_help(model, action),
        Mode::Library => act_in_library(model, action),
        Mode::Outline | Mode::Reader | Mode::Global => act_in_reader(model, action),
    }
}

fn act_in_help(model: &mut Model, action: Action) -> Vec<Effect> {
    let page = usize::from(model.size.1.saturating_sub(4)).max(1);
    let Some(scroll) = model.help.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => *scroll += page,
        Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page),
        Action::Top => *scroll = 0,
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
            reader.layout = crate::layout::Layout::new(&reader.article, width);
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
    let rows = model.panes().outline.map(|r| usize::from(r.height).max(1));
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let visible = reader.visible_entries();
    if reader.focus == Focus::Reader {
        let current = reader.current_section().unwrap_or(0);
        reader.outline.cursor = reader.stand_in(current, &visible);
    }
    // A hidden outline keeps its scroll for when it shows again at a size known then.
    let Some(rows) = rows else {
        return;
    };
    let at = visible
        .iter()
        .position(|&e| e == reader.outline.cursor)
        .unwrap_or(0);
    let scroll = keep_visible(reader.outline.scroll, at, rows);
    reader.outline.scroll = scroll.min(visible.len().saturating_sub(rows));
}

/// The smallest change to `scroll` that shows row `at` in a window `rows` tall.
fn keep_visible(scroll: usize, at: usize, rows: usize) -> usize {
    if at < scroll {
        at
    } else if at >= scroll + rows {
        at + 1 - rows
    } else {
        scroll
    }
}
