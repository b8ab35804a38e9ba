//! Issue 18, item 4: the role picker (`r`) on a highlight, a selection and in the notes
//! list; the role in the status line and the list.

use super::frames::{frame, row};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::highlights::{HighlightId, Role};
use crate::tui::protocol::{Effect, HighlightChange};

const TEXT: &str = "It begins here. The second one, known as the target, runs long. Third one.";

fn model() -> Model {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    let h = highlight_on(&m, "H1", "known as the target", "");
    give_highlights(&mut m, vec![h]);
    m
}

fn role_change(effects: &[Effect]) -> Option<(HighlightId, Option<Role>)> {
    effects.iter().find_map(|e| match e {
        Effect::ChangeHighlight(_, HighlightChange::Role { id, role }) => Some((id.clone(), *role)),
        _ => None,
    })
}

#[test]
fn issue18_r_on_a_highlight_shows_the_letters_and_a_letter_sets_the_role() {
    let mut m = model();
    search_for(&mut m, "target");
    press(&mut m, &["r"]);
    let said = m.message.clone().unwrap_or_default();
    for part in [
        "c claim",
        "e evidence",
        "o objection",
        "q question",
        "d definition",
    ] {
        assert!(said.contains(part), "{said}");
    }
    let effects = press(&mut m, &["o"]);
    assert_eq!(
        role_change(&effects),
        Some((HighlightId("H1".into()), Some(Role::Objection)))
    );
    assert!(m.role_picker.is_none());
    // `o` went to the picker, not to the outline.
    assert!(reader(&m).outline.shown == model().reader.unwrap().outline.shown);
    // Esc cancels; `x` takes the role away.
    assert!(role_change(&press(&mut m, &["r", "Esc"])).is_none());
    assert_eq!(
        role_change(&press(&mut m, &["r", "x"])).map(|c| c.1),
        Some(None)
    );
}

#[test]
fn issue18_r_on_a_selection_highlights_it_in_the_role_colour_then_gives_the_role() {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    search_for(&mut m, "Third");
    let effects = press(&mut m, &["v", "r", "c"]);
    let Some(Effect::ChangeHighlight(_, HighlightChange::Add { range, color, .. })) =
        effects.first()
    else {
        panic!("expected an add, got {effects:?}");
    };
    assert_eq!(*color, Role::Claim.default_color());
    let mut made = highlight_on(&m, "NEW", "Third one.", "");
    made.range = Some(range.clone());
    let article = reader(&m).article.id.clone();
    let effects = update(
        &mut m,
        Msg::Highlights {
            article,
            list: vec![made],
            problem: None,
        },
    );
    assert_eq!(
        role_change(&effects),
        Some((HighlightId("NEW".into()), Some(Role::Claim)))
    );
    assert!(m.pending_role.is_none());
}

#[test]
fn issue18_the_role_shows_in_the_status_line_and_the_notes_list() {
    let mut m = model();
    let mut h = highlight_on(&m, "H1", "known as the target", "");
    h.role = Some(Role::Evidence);
    give_highlights(&mut m, vec![h]);
    search_for(&mut m, "target");
    press(&mut m, &["Esc"]);
    let status = row(&frame(&m), m.size.1 - 1);
    assert!(status.contains("evidence ·"), "{status}");
    press(&mut m, &["A"]);
    let buf = frame(&m);
    let listed = (0..m.size.1)
        .map(|y| row(&buf, y))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(listed.contains("evidence · § Title"), "{listed}");
    let effects = press(&mut m, &["r", "q"]);
    assert_eq!(
        role_change(&effects).map(|c| c.1),
        Some(Some(Role::Question))
    );
}
