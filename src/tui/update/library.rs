//! The library view's verbs: moving the selection, opening, filtering, and coming back to it
//! from the reader.

use crate::search::fuzzy_score;
use crate::tui::action::Action;
use crate::tui::geometry::LIBRARY_HEADER_ROWS;
use crate::tui::model::{Library, Model};

use super::{Effect, bookmark, keep_visible};

pub(super) fn act_in_library(model: &mut Model, action: Action) -> Vec<Effect> {
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
    library.selected = 0;
    library.scroll = 0;
}

/// Leaves the reader for the library, moving the article to the top of the list (it is now
/// the most recently read) with its new progress and the filter cleared, and saves the
/// reading position.
pub(super) fn close_reader(model: &mut Model) -> Vec<Effect> {
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
        library.entries.insert(0, entry);
    }
    // The filter found this article; the next one is picked from the whole list.
    library.filter.clear();
    refilter(library);
    save
}
