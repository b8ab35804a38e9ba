//! The state machine: `update(model, msg)` applies one input to the model and returns the
//! effects (file IO) for the driver to run. It never touches a file or the terminal.

use std::ops::Range;
use std::path::PathBuf;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::annotate::{AnnotationId, Color, Resolved};
use crate::article::Article;
use crate::search::{Haystack, fuzzy_score};

use super::action::Action;
use super::geometry::LIBRARY_HEADER_ROWS;
use super::keymap::{Key, Mode};
use super::marks;
use super::model::{Focus, Library, Model, Reader};

const NO_HEADINGS: &str = "this article has no headings, so no outline";
const TOO_NARROW: &str = "the outline needs a window at least 60 columns wide";

/// Rows the mouse wheel scrolls per notch.
const WHEEL_STEP: isize = 3;

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
    /// The open article's highlights as the store now has them, plus any change that could
    /// not be saved yet (`problem` says why, in plain words).
    Marks {
        list: Vec<Resolved>,
        problem: Option<String>,
    },
    /// The text the external editor saved, or why it could not run.
    Edited(Result<String, String>),
    /// A left click, `count` times in a row at the same place.
    Click {
        column: u16,
        row: u16,
        count: u8,
    },
}

/// Work with the outside world that `update` asks the driver to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Load the article at this path and answer with [`Msg::Opened`].
    Open(PathBuf),
    /// Remember where the article was left.
    SavePosition(Bookmark),
    /// Read the open article's highlights; answered with [`Msg::Marks`].
    LoadMarks,
    /// Change a highlight of the open article in the store; answered with [`Msg::Marks`].
    Mark(MarkChange),
    /// Export the open article's highlights to Markdown; answered with a [`Msg::Notice`].
    Export,
    /// Let the user edit this note in `$EDITOR`; answered with [`Msg::Edited`].
    EditExternally(String),
}

/// A change to the open article's highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkChange {
    Add {
        range: Range<usize>,
        color: Color,
        note: String,
    },
    Note {
        id: AnnotationId,
        note: String,
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
    // Only what the user did moves the view (a resize keeps the reading position on top), so
    // only then can the caret fall off screen; checking costs a screen of wrapping.
    let moved = matches!(msg, Msg::Key(_) | Msg::Mouse(_) | Msg::Do(_));
    // `]` then `a` is one gesture: anything but a key in between ends it.
    if matches!(msg, Msg::Mouse(_) | Msg::Click { .. } | Msg::Resize(..))
        && let Some(reader) = model.reader.as_mut()
    {
        reader.bracket = None;
    }
    let mut effects = dispatch(model, msg);
    if moved {
        marks::keep_cursor_in_view(model);
    }
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
            }
            Vec::new()
        }
        Msg::Edited(result) => {
            match (result, model.editor.as_mut()) {
                (Ok(text), Some(editor)) => editor.set_text(&text),
                (Err(error), _) => model.message = Some(error),
                (Ok(_), None) => {}
            }
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
                        && {
                            reader.layout.ensure_around(reader.top, 0, height + 1);
                            reader.top_line() + height > reader.layout.len()
                        }
                    {
                        reader.scroll_to_end(height);
                    }
                    follow_outline(model);
                    return vec![Effect::LoadMarks];
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
    if model.mode() == Mode::Editor {
        return marks::editor_key(model, event);
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

/// Keys while a search query is being typed: the matches follow every keystroke.
fn search_input(model: &mut Model, event: &KeyEvent, height: usize) -> Vec<Effect> {
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let Some((mut text, origin)) = reader.search.input.take() else {
        return Vec::new();
    };
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Esc => {
            reader.top = origin;
            clear_search(reader);
            return Vec::new();
        }
        KeyCode::Char('c') if ctrl => {
            model.quit = true;
            return Vec::new();
        }
        KeyCode::Enter => {
            if !text.is_empty() && reader.search.matches.is_empty() {
                model.message = Some(format!("not found: {text}"));
            }
            return Vec::new();
        }
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Char(c) if !ctrl => text.push(c),
        _ => {}
    }
    run_search(reader, &text, origin, height);
    reader.search.input = Some((text, origin));
    follow_outline(model);
    Vec::new()
}

/// Finds every match of `query` and moves to the first one at or after `origin`.
fn run_search(reader: &mut Reader, query: &str, origin: usize, height: usize) {
    let haystack = reader
        .search
        .haystack
        .get_or_insert_with(|| Haystack::new(&reader.article.text));
    reader.search.matches = haystack.find_all(query);
    reader.search.query = query.to_string();
    let matches = &reader.search.matches;
    if matches.is_empty() {
        reader.search.current = None;
        reader.top = origin;
        return;
    }
    let first = matches.partition_point(|m| m.start < origin) % matches.len();
    reader.search.current = Some(first);
    reader.top = origin;
    reader.cursor = matches[first].start;
    reader.reveal(matches[first].start, height);
}

fn clear_search(reader: &mut Reader) {
    reader.search.input = None;
    reader.search.query.clear();
    reader.search.matches.clear();
    reader.search.current = None;
}

/// Carries out a verb in the focused pane.
fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    match model.mode() {
        Mode::Help => act_in_help(model, action),
        Mode::Library => act_in_library(model, action),
        Mode::Editor => Vec::new(),
        Mode::Notes | Mode::Reader | Mode::Select => {
            marks::act(model, action).unwrap_or_else(|| act_in_reader(model, action))
        }
        Mode::Outline | Mode::Global => act_in_reader(model, action),
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

fn act_in_library(model: &mut Model, action: Action) -> Vec<Effect> {
    let rows = library_rows(model);
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Close | Action::Back => match model.library.as_mut() {
            Some(library) if !library.filter.is_empty() => {
                library.filter.clear();
                refilter(library);
            }
            _ => model.quit = true,
        },
        Action::Open => {
            let chosen = model.library.as_ref().and_then(|l| {
                let entry = l.shown.get(l.selected)?;
                Some(l.entries[*entry].path.clone())
            });
            return chosen.map(Effect::Open).into_iter().collect();
        }
        _ => {
            if let Some(library) = model.library.as_mut() {
                let last = library.shown.len().saturating_sub(1);
                let selected = library.selected;
                library.selected = match action {
                    Action::Down => selected + 1,
                    Action::Up => selected.saturating_sub(1),
                    Action::PageDown | Action::HalfPageDown => selected + rows,
                    Action::PageUp | Action::HalfPageUp => selected.saturating_sub(rows),
                    Action::Top => 0,
                    Action::Bottom => last,
                    _ => selected,
                }
                .min(last);
                library.scroll = keep_visible(library.scroll, library.selected, rows);
            }
        }
    }
    Vec::new()
}

/// Rows of the library list under its header.
fn library_rows(model: &Model) -> usize {
    usize::from(
        model
            .panes()
            .body
            .height
            .saturating_sub(LIBRARY_HEADER_ROWS),
    )
    .max(1)
}

/// Ranks the library's entries against its filter.
fn refilter(library: &mut Library) {
    let mut scored: Vec<(i64, usize)> = library
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| fuzzy_score(&library.filter, &e.title).map(|s| (s, i)))
        .collect();
    // Stable, so equal scores keep the most-recently-read order.
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    library.shown = scored.into_iter().map(|(_, i)| i).collect();
    library.selected = 0;
    library.scroll = 0;
}

fn act_in_reader(model: &mut Model, action: Action) -> Vec<Effect> {
    let panes = model.panes();
    let height = usize::from(panes.text.height).max(1);
    let outline_rows = panes.outline.map_or(1, |r| usize::from(r.height).max(1));
    let focus_outline = model.mode() == Mode::Outline;
    let has_library = model.library.is_some();
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let step = |n: usize| n as isize;
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Back => {
            if has_library {
                return close_reader(model);
            }
            model.quit = true;
            return Vec::new();
        }
        Action::Close if focus_outline => reader.focus = Focus::Reader,
        Action::Close => clear_search(reader),
        Action::ToggleOutline if reader.article.outline.is_empty() => {
            model.message = Some(NO_HEADINGS.into());
        }
        Action::ToggleOutline => {
            reader.outline.shown = !reader.outline.shown;
            reader.focus = Focus::Reader;
            fit_layout(model);
            if reader_outline_squeezed(model) {
                model.message = Some(TOO_NARROW.into());
            }
        }
        Action::SwitchFocus => {
            if panes.outline.is_some() {
                reader.focus = match reader.focus {
                    Focus::Reader => Focus::Outline,
                    Focus::Outline => Focus::Reader,
                };
            } else if reader.article.outline.is_empty() {
                model.message = Some(NO_HEADINGS.into());
            } else if reader.outline.shown {
                model.message = Some(TOO_NARROW.into());
            } else {
                model.message = Some("the outline is hidden: press o to show it".into());
            }
        }
        Action::Search => {
            reader.focus = Focus::Reader;
            reader.search.input = Some((String::new(), reader.top));
        }
        Action::NextMatch | Action::PrevMatch => {
            model.message = step_match(reader, action == Action::NextMatch, height);
        }
        Action::NextSection | Action::PrevSection => {
            let moved = if action == Action::NextSection {
                reader.next_section()
            } else {
                reader.prev_section()
            };
            if !moved {
                model.message = Some(format!(
                    "this is the {} section",
                    if action == Action::NextSection {
                        "last"
                    } else {
                        "first"
                    }
                ));
            }
            // With the outline focused, its cursor comes along to the new section.
            let visible = reader.visible_entries();
            reader.outline.cursor =
                reader.stand_in(reader.current_section().unwrap_or(0), &visible);
        }
        Action::Fold | Action::Unfold | Action::Open if focus_outline => {
            outline_edit(reader, action);
        }
        _ if focus_outline => {
            let visible = reader.visible_entries();
            let at = visible
                .iter()
                .position(|&e| e == reader.outline.cursor)
                .unwrap_or(0);
            let last = visible.len().saturating_sub(1);
            let to = match action {
                Action::Down => at + 1,
                Action::Up => at.saturating_sub(1),
                Action::PageDown => at + outline_rows,
                Action::PageUp => at.saturating_sub(outline_rows),
                Action::HalfPageDown => at + outline_rows / 2,
                Action::HalfPageUp => at.saturating_sub(outline_rows / 2),
                Action::Top => 0,
                Action::Bottom => last,
                _ => at,
            };
            reader.outline.cursor = visible.get(to.min(last)).copied().unwrap_or(0);
            reader.outline.scroll = keep_visible(reader.outline.scroll, to.min(last), outline_rows);
            return Vec::new();
        }
        Action::Down => reader.scroll(1, height),
        Action::Up => reader.scroll(-1, height),
        Action::PageDown => reader.scroll(step(height.saturating_sub(2).max(1)), height),
        Action::PageUp => reader.scroll(-step(height.saturating_sub(2).max(1)), height),
        Action::HalfPageDown => reader.scroll(step(height.div_ceil(2)), height),
        Action::HalfPageUp => reader.scroll(-step(height.div_ceil(2)), height),
        Action::Top => reader.top = 0,
        Action::Bottom => reader.scroll_to_end(height),
        // The rest (selection and highlight verbs) mean nothing in the outline.
        _ => {}
    }
    follow_outline(model);
    Vec::new()
}

/// Whether the user asked for the outline but the window is too narrow to show it.
fn reader_outline_squeezed(model: &Model) -> bool {
    model.reader.as_ref().is_some_and(|r| r.outline.shown) && model.panes().outline.is_none()
}

/// Fold, unfold or jump from the outline cursor.
fn outline_edit(reader: &mut Reader, action: Action) {
    let cursor = reader.outline.cursor;
    match action {
        Action::Open => {
            if let Some(section) = reader.article.outline.get(cursor) {
                reader.top = section.offset;
                reader.focus = Focus::Reader;
            }
        }
        Action::Fold => {
            if reader.has_children(cursor) && !reader.outline.folded.contains(&cursor) {
                reader.outline.folded.insert(cursor);
            } else if let Some(parent) = reader.parent(cursor) {
                reader.outline.cursor = parent;
            }
        }
        _ => {
            reader.outline.folded.remove(&cursor);
        }
    }
}

/// Moves to the next or previous search match, wrapping around; returns a note for the
/// status line when there is something to say.
fn step_match(reader: &mut Reader, forward: bool, height: usize) -> Option<String> {
    let count = reader.search.matches.len();
    if count == 0 {
        return Some(if reader.search.query.is_empty() {
            "no search yet: press / to search".into()
        } else {
            format!("not found: {}", reader.search.query)
        });
    }
    let (next, wrapped) = match reader.search.current {
        Some(i) if forward => ((i + 1) % count, i + 1 == count),
        Some(i) => ((i + count - 1) % count, i == 0),
        None => (0, false),
    };
    reader.search.current = Some(next);
    reader.cursor = reader.search.matches[next].start;
    reader.reveal(reader.search.matches[next].start, height);
    wrapped.then(|| {
        if forward {
            "search wrapped to the top".into()
        } else {
            "search wrapped to the bottom".into()
        }
    })
}

/// Leaves the reader for the library, moving the article to the top of the list (it is now
/// the most recently read) with its new progress and the filter cleared, and saves the
/// reading position.
fn close_reader(model: &mut Model) -> Vec<Effect> {
    let height = usize::from(model.panes().text.height);
    let Some(reader) = model.reader.take() else {
        return Vec::new();
    };
    let save = vec![Effect::SavePosition(bookmark(&reader, height))];
    let Some(library) = model.library.as_mut() else {
        return save;
    };
    if let Some(i) = library
        .entries
        .iter()
        .position(|e| Some(&e.path) == reader.path.as_ref())
    {
        let mut entry = library.entries.remove(i);
        entry.progress = Some(reader.bookmark_percent(height));
        entry.highlights = reader.marks.len();
        library.entries.insert(0, entry);
    }
    // The filter found this article; the next one is picked from the whole list.
    library.filter.clear();
    refilter(library);
    save
}

/// A left click: what it means in the outline or the library, and in the text the caret (one
/// click), a word (two) or a paragraph (three).
fn on_click(model: &mut Model, column: u16, row: u16, count: u8) {
    if count <= 1 {
        let down = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        on_mouse(model, down);
    }
    let overlay = model.help.is_some() || model.editor.is_some() || model.notes.is_some();
    let in_text = model
        .panes()
        .text
        .contains(ratatui::layout::Position::new(column, row));
    if !overlay && in_text {
        marks::click(model, column, row, count.max(1));
    }
}

fn on_mouse(model: &mut Model, mouse: MouseEvent) {
    let panes = model.panes();
    let (column, row) = (mouse.column, mouse.row);
    let wheel = match mouse.kind {
        MouseEventKind::ScrollDown => WHEEL_STEP,
        MouseEventKind::ScrollUp => -WHEEL_STEP,
        MouseEventKind::Down(MouseButton::Left) => 0,
        _ => return,
    };
    if model.help.is_some() {
        if let Some(scroll) = model.help.as_mut() {
            *scroll = scroll.saturating_add_signed(wheel);
        }
        return;
    }
    if let Some(reader) = model.reader.as_mut() {
        if let Some(outline) = panes.outline.filter(|_| panes.in_outline(column, row)) {
            let visible = reader.visible_entries();
            if wheel != 0 {
                let most = visible.len().saturating_sub(usize::from(outline.height));
                reader.outline.scroll =
                    reader.outline.scroll.saturating_add_signed(wheel).min(most);
            } else if let Some(&entry) =
                visible.get(reader.outline.scroll + usize::from(row - outline.y))
            {
                reader.outline.cursor = entry;
                outline_edit(reader, Action::Open);
                follow_outline(model);
            }
        } else if panes.in_body(column, row) {
            if wheel != 0 {
                reader.scroll(wheel, usize::from(panes.text.height));
                follow_outline(model);
            } else {
                reader.focus = Focus::Reader;
            }
        }
    } else if let Some(library) = model.library.as_mut()
        && panes.in_body(column, row)
    {
        let rows = usize::from(panes.body.height.saturating_sub(LIBRARY_HEADER_ROWS));
        if wheel != 0 {
            let most = library.shown.len().saturating_sub(rows);
            library.scroll = library.scroll.saturating_add_signed(wheel).min(most);
        } else if let Some(offset) = row.checked_sub(panes.body.y + LIBRARY_HEADER_ROWS) {
            let clicked = library.scroll + usize::from(offset);
            if clicked < library.shown.len() {
                library.selected = clicked;
            }
        }
    }
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
pub(super) fn keep_visible(scroll: usize, at: usize, rows: usize) -> usize {
    if at < scroll {
        at
    } else if at >= scroll + rows {
        at + 1 - rows
    } else {
        scroll
    }
}
