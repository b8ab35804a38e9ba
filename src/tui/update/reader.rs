//! The reader view's verbs: scrolling, section jumps, search keys, and the outline pane
//! (focus, cursor, folding, jumping).

use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::model::{Focus, Model, Reader};

use super::library::close_reader;
use super::search::{clear_search, step_match};
use super::{Effect, fit_layout, follow_outline, keep_visible};

const NO_HEADINGS: &str = "this article has no headings, so no outline";

const TOO_NARROW: &str = "the outline needs a window at least 60 columns wide";

pub(super) fn act_in_reader(model: &mut Model, action: Action) -> Vec<Effect> {
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
        Action::Search | Action::SearchBack => {
            reader.focus = Focus::Reader;
            reader.search.input = Some((String::new(), reader.top));
            reader.search.backward = action == Action::SearchBack;
            reader.search.from = reader.cursor;
        }
        Action::NextMatch | Action::PrevMatch => {
            let forward = (action == Action::NextMatch) != reader.search.backward;
            model.message = step_match(reader, forward, height);
        }
        Action::NextSection | Action::PrevSection => {
            let moved = if action == Action::NextSection {
                reader.next_section()
            } else {
                reader.prev_section(height)
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
            let current = reader.current_section(height).unwrap_or(0);
            reader.outline.cursor = reader.outline.stand_in(current);
        }
        Action::Fold | Action::Unfold | Action::Open if focus_outline => {
            outline_edit(reader, action);
        }
        _ if focus_outline => {
            let visible = reader.outline.visible();
            let at = reader.outline.row_of(reader.outline.cursor);
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
            let entry = visible.get(to.min(last)).copied().unwrap_or(0);
            reader.outline.cursor = entry;
            reader.outline.scroll = keep_visible(reader.outline.scroll, to.min(last), outline_rows);
            return Vec::new();
        }
        Action::Down => reader.scroll(1, height),
        Action::Up => reader.scroll(-1, height),
        Action::PageDown => reader.scroll(step(height.saturating_sub(2).max(1)), height),
        Action::PageUp => reader.scroll(-step(height.saturating_sub(2).max(1)), height),
        Action::HalfPageDown => reader.scroll(step(height.div_ceil(2)), height),
        Action::HalfPageUp => reader.scroll(-step(height.div_ceil(2)), height),
        Action::Top => reader.go_to_start(),
        Action::Bottom => reader.go_to_end(height),
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
pub(super) fn outline_edit(reader: &mut Reader, action: Action) {
    let cursor = reader.outline.cursor;
    match action {
        Action::Open => {
            if let Some(section) = reader.article.outline.get(cursor) {
                reader.top = section.offset;
                reader.focus = Focus::Reader;
            }
        }
        Action::Fold => {
            if reader.has_children(cursor) && !reader.outline.folded().contains(&cursor) {
                reader.outline.fold(cursor, &reader.article.outline);
            } else if let Some(parent) = reader.parent(cursor) {
                reader.outline.cursor = parent;
            }
        }
        _ => {
            reader.outline.unfold(cursor, &reader.article.outline);
        }
    }
}
