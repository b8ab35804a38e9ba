//! The role picker (`r`): on a highlight or a selection, the next letter gives it a role
//! (each role's letter is shown), `x` takes the role away, any other key cancels.

use ratatui::crossterm::event::KeyCode;

use crate::highlights::{HighlightId, Role};
use crate::tui::model::{Model, PendingRole, RoleTarget};
use crate::tui::protocol::{Effect, HighlightChange};

use super::changes::change;

/// The letter that takes a highlight's role away.
const NO_ROLE: char = 'x';

/// Opens the picker on `target` and says which letter gives which role.
pub(super) fn open(model: &mut Model, target: RoleTarget) {
    let letters: Vec<String> = Role::ALL
        .iter()
        .map(|&r| format!("{} {}", model.roles.key(r), r.name()))
        .collect();
    model.message = Some(format!(
        "role: {} · {NO_ROLE} none · Esc cancel",
        letters.join(" · ")
    ));
    model.role_picker = Some(target);
}

/// The answer to the picker: `None` when it is not open. A letter of a role gives it,
/// `x` takes the role away, anything else cancels; the key is used for nothing else.
pub(super) fn answer(model: &mut Model, typed: Option<char>, code: KeyCode) -> Option<Vec<Effect>> {
    let target = model.role_picker.take()?;
    let picked = match typed {
        Some(NO_ROLE) => Some(None),
        Some(c) => model.roles.role_for(c).map(Some),
        None => None,
    };
    let Some(role) = picked else {
        if code != KeyCode::Esc {
            model.message = Some("no role given: that key names no role".into());
        }
        return Some(Vec::new());
    };
    model.message = Some(match role {
        Some(role) => format!("role: {role}"),
        None => "role taken away".into(),
    });
    let palette = model.roles;
    Some(match (target, role) {
        (RoleTarget::Highlight(id), role) => {
            change(model, HighlightChange::Role { id, role, palette })
        }
        (RoleTarget::Selection(range), Some(role)) => {
            model.pending_role = Some(PendingRole {
                range: range.clone(),
                role,
            });
            let color = palette.color(role);
            let note = String::new();
            change(model, HighlightChange::Add { range, color, note })
        }
        (RoleTarget::Selection(_), None) => Vec::new(),
    })
}

/// Gives the role picked for a selection to its highlight, once the store lists it.
pub(super) fn give_pending(model: &mut Model) -> Vec<Effect> {
    let Some(pending) = model.pending_role.as_ref() else {
        return Vec::new();
    };
    let made = model.reader.as_ref().and_then(|r| {
        let h = r
            .highlights
            .iter()
            .find(|h| h.range.as_ref() == Some(&pending.range))?;
        Some((h.id.clone(), h.role))
    });
    let Some((id, current)) = made else {
        return Vec::new();
    };
    let role = pending.role;
    model.pending_role = None;
    match current == Some(role) {
        true => Vec::new(),
        false => give(model, id, role),
    }
}

fn give(model: &Model, id: HighlightId, role: Role) -> Vec<Effect> {
    let (role, palette) = (Some(role), model.roles);
    change(model, HighlightChange::Role { id, role, palette })
}
