//! The help overlay's verbs: scrolling its lines, closing it.

use crate::tui::action::Action;
use crate::tui::model::Model;
use crate::tui::model::list::target;
use crate::tui::protocol::Effect;

pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    let page = usize::from(model.size.1.saturating_sub(4)).max(1);
    // Scrolling stops with the last row at the bottom, so `k` always moves at once.
    let most = crate::tui::help::max_scroll(&model.keymap, model.size);
    let Some(scroll) = model.help.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Quit => model.quit = true,
        Action::Close | Action::Help | Action::Back => model.help = None,
        // The first line shown is the help's cursor: it moves as any list's does.
        _ => *scroll = target(*scroll, action, most + 1, page).unwrap_or(*scroll),
    }
    Vec::new()
}
