//! The links list's verbs: scrolling it, closing it.

use crate::tui::action::Action;
use crate::tui::model::Model;
use crate::tui::model::links::rows_shown;
use crate::tui::model::list::target;
use crate::tui::protocol::Effect;

pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let page = rows_shown(model.size);
    let Some(list) = model.links.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Quit => model.quit = true,
        Action::Close | Action::Back | Action::Links => model.links = None,
        Action::Help => {
            model.links = None;
            model.help = Some(0);
        }
        // The first row shown is the list's cursor; the last link stops at the top.
        _ => {
            list.scroll = target(list.scroll, action, list.rows.len(), page).unwrap_or(list.scroll)
        }
    }
    Vec::new()
}
