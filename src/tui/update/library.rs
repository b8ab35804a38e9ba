//! The library view's verbs: moving the selection, opening, filtering, and coming back to it
//! from the reader.

use ratatui::crossterm::event::KeyCode;

use crate::search::fuzzy_score;
use crate::tui::action::Action;
use crate::tui::geometry::LIBRARY_HEADER_ROWS;
use crate::tui::model::{Library, ListCursor, Model};
use crate::tui::protocol::Effect;

use super::bookmark;

pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let rows = library_rows(model);
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Filter => {
            if let Some(library) = model.library.as_mut() {
                library.typing = true;
            }
        }
        Action::Close | Action::Back => match model.library.as_mut() {
            Some(library) if !library.filter.is_empty() => {
                library.filter.clear();
                refilter(library);
            }
            _ => model.quit = true,
        },
        Action::Open => return open(model),
        _ => {
            if let Some(library) = model.library.as_mut() {
                library.cursor.step(action, library.shown.len(), rows);
            }
        }
    }
    Vec::new()
}

/// Opens the chosen article, unless one is being opened already: its text is read and
/// parsed meanwhile, and the status line says so.
fn open(model: &mut Model) -> Vec<Effect> {
    if model.working.opening.is_some() {
        return Vec::new();
    }
    let chosen = model.library.as_ref().and_then(|l| {
        let entry = l.shown.get(l.cursor.selected)?;
        Some(l.entries[*entry].path.clone())
    });
    model.working.opening.clone_from(&chosen);
    chosen.map(Effect::Open).into_iter().collect()
}

/// A key while the library's filter is being typed: a character goes into it, Backspace
/// takes one out, Esc clears it and gives the keys back. `None` when the key is not the
/// filter's: no filter being typed, a key that moves the list, or Enter, which opens the
/// best match (and ends the typing).
pub(super) fn filter_input(
    model: &mut Model,
    typed: Option<char>,
    code: KeyCode,
) -> Option<Vec<Effect>> {
    let library = model
        .library
        .as_mut()
        .filter(|l| l.typing && model.reader.is_none() && model.help.is_none())?;
    match (typed, code) {
        (Some(c), _) => library.filter.push(c),
        (None, KeyCode::Backspace) => {
            library.filter.pop();
        }
        (None, KeyCode::Enter) => {
            library.typing = false;
            return None;
        }
        (None, KeyCode::Esc) => {
            library.typing = false;
            library.filter.clear();
        }
        _ => return None,
    }
    refilter(library);
    Some(Vec::new())
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
pub(super) fn refilter(library: &mut Library) {
    let mut scored: Vec<(i64, usize)> = library
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| fuzzy_score(&library.filter, &e.title).map(|s| (s, i)))
        .collect();
    // Stable, so equal scores keep the most-recently-read order.
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    library.shown = scored.into_iter().map(|(_, i)| i).collect();
    library.cursor = ListCursor::default();
}

/// Leaves the reader for the library, moving the article to the top of the list (it is now
/// the most recently read) with its new progress and the filter cleared, and saves the
/// reading position.
pub(super) fn close_reader(model: &mut Model) -> Vec<Effect> {
    let height = usize::from(model.panes().text.height);
    let Some(reader) = model.reader.take() else {
        return Vec::new();
    };
    let save: Vec<Effect> = (bookmark(&reader, height).map(Effect::SavePosition))
        .into_iter()
        .collect();
    let Some(library) = model.library.as_mut() else {
        return save;
    };
    if let Some(i) = library
        .entries
        .iter()
        .position(|e| Some(&e.path) == reader.path.as_ref())
    {
        let mut entry = library.entries.remove(i);
        entry.progress = Some(reader.percent(height));
        entry.highlights = Some(reader.highlights.len());
        library.entries.insert(0, entry);
    }
    // The filter found this article; the next one is picked from the whole list.
    library.filter.clear();
    library.typing = false;
    refilter(library);
    save
}
