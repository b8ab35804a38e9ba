//! The reader pane's verbs: scrolling, section jumps, search keys, showing and focusing the
//! outline, leaving; the caret's motions and the verbs on the highlight under it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::tui::action::Action;
use crate::tui::model::links::LinkList;
use crate::tui::model::{Bracket, Focus, Model};
use crate::tui::protocol::Effect;

use super::library::close_reader;
use super::search::{clear_search, step_match};
use super::view::{fit_layout, follow_outline};
use super::{changes, file, furniture, select, text_rows};

const NO_HEADINGS: &str = "this article has no headings, so no outline";

const TOO_NARROW: &str = "the outline needs a window at least 60 columns wide";

/// Carries out `action` in the reader (also what the selection and the outline leave to it).
pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Reload => file::reload(model),
        _ if furniture::wants(model, action) => furniture::toggle(model),
        _ if select::unit_of(action).is_some() => {
            select::caret_motion(model, action);
            Vec::new()
        }
        Action::Select => {
            select::start(model);
            Vec::new()
        }
        Action::Color1
        | Action::Color2
        | Action::Color3
        | Action::Color4
        | Action::Color5
        | Action::Annotate
        | Action::DeleteHighlight
        | Action::Undo
        | Action::NextHighlight
        | Action::PrevHighlight
        | Action::ListHighlights
        | Action::SetRole
        | Action::Tag
        | Action::Link
        | Action::Export => changes::at_caret(model, action),
        _ => {
            let effects = view(model, action);
            follow_outline(model);
            effects
        }
    }
}

/// The verbs that move the view or change the panes, not the text.
pub(super) fn view(model: &mut Model, action: Action) -> Vec<Effect> {
    let height = text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let step = |n: usize| n as isize;
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Links => {
            let list = LinkList::of_section(&reader.article, reader.cursor);
            if list.rows.is_empty() {
                model.message = Some("No links in this section".to_string());
            } else {
                model.links = Some(list);
            }
        }
        Action::Back if model.library.is_some() => return close_reader(model),
        Action::Back => model.quit = true,
        Action::Close => clear_search(reader),
        Action::ToggleOutline | Action::SwitchFocus => outline_pane(model, action),
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
        Action::NextSection | Action::PrevSection => section_jump(model, action),
        Action::Down => reader.scroll(1, height),
        Action::Up => reader.scroll(-1, height),
        Action::PageDown => reader.scroll(step(height.saturating_sub(2).max(1)), height),
        Action::PageUp => reader.scroll(-step(height.saturating_sub(2).max(1)), height),
        Action::HalfPageDown => reader.scroll(step(height.div_ceil(2)), height),
        Action::HalfPageUp => reader.scroll(-step(height.div_ceil(2)), height),
        Action::Top => reader.go_to_start(),
        Action::Bottom => reader.go_to_end(height),
        _ => {}
    }
    Vec::new()
}

/// `o` shows or hides the outline, `Tab` moves the keys between it and the text; either says
/// why when there is no outline to show.
fn outline_pane(model: &mut Model, action: Action) {
    let has_outline_pane = model.panes().outline.is_some();
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    if reader.article.outline.is_empty() {
        model.message = Some(NO_HEADINGS.into());
        return;
    }
    if action == Action::ToggleOutline {
        reader.outline.shown = !reader.outline.shown;
        reader.focus = Focus::Reader;
        fit_layout(model);
        let squeezed = model.reader.as_ref().is_some_and(|r| r.outline.shown)
            && model.panes().outline.is_none();
        if squeezed {
            model.message = Some(TOO_NARROW.into());
        }
    } else if has_outline_pane {
        reader.focus = match reader.focus {
            Focus::Reader => Focus::Outline,
            Focus::Outline => Focus::Reader,
        };
    } else if reader.outline.shown {
        model.message = Some(TOO_NARROW.into());
    } else {
        model.message = Some("the outline is hidden: press o to show it".into());
    }
}

/// `]` and `[`: the next or previous section's heading to the top of the pane.
fn section_jump(model: &mut Model, action: Action) {
    let height = text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let forward = action == Action::NextSection;
    let moved = if forward {
        reader.next_section()
    } else {
        reader.prev_section(height)
    };
    if !moved {
        let which = if forward { "last" } else { "first" };
        model.message = Some(format!("this is the {which} section"));
    }
    // With the outline focused, its cursor comes along to the new section.
    let current = reader.current_section(height).unwrap_or(0);
    reader.outline.cursor = reader.outline.stand_in(current);
}

/// `]a` and `[a`: called with every key in the reader. A key after `]` or `[` that is `a`
/// turns the section jump just made into a highlight jump.
pub(super) fn bracket_key(model: &mut Model, event: &KeyEvent) -> Option<Vec<Effect>> {
    let reader = model.reader.as_mut()?;
    let bracket = reader.bracket.take()?;
    if event.code != KeyCode::Char('a') || !event.modifiers.is_empty() {
        return None;
    }
    reader.top = bracket.top;
    reader.cursor = bracket.cursor;
    model.message = None;
    changes::jump_to_highlight(model, bracket.forward);
    Some(Vec::new())
}

/// Remembers a section jump made by a key, in case `a` follows.
pub(super) fn note_bracket(model: &mut Model, action: Action, top: usize, cursor: usize) {
    if let Some(reader) = model.reader.as_mut()
        && matches!(action, Action::NextSection | Action::PrevSection)
    {
        reader.bracket = Some(Bracket {
            forward: action == Action::NextSection,
            top,
            cursor,
        });
    }
}
