//! Issue 18, item 4: the role picker (`r`) on a highlight, a selection and in the notes
//! list; the role in the status line and the list.

use super::frames::{frame, row};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::highlights::{HighlightId, Role};
use crate::tui::protocol::{Effect, HighlightChange};

const TEXT: &str = "It begins here. The second one, known as the target, runs long. Third one.";

/// A model reading [`TEXT`] with one highlight, `H1`, on "known as the target".
pub fn model() -> Model {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    let h = highlight_on(&m, "H1", "known as the target", "");
    give_highlights(&mut m, vec![h]);
    m
}

/// Every row of the frame, one per line.
pub fn screen(m: &Model) -> String {
    let buf = frame(m);
    (0..m.size.1)
        .map(|y| row(&buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

fn role_change(effects: &[Effect]) -> Option<(HighlightId, Option<Role>)> {
    effects.iter().find_map(|e| match e {
        Effect::ChangeHighlight(_, HighlightChange::Role { id, role, .. }) => {
            Some((id.clone(), *role))
        }
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
    let listed = screen(&m);
    assert!(listed.contains("evidence · § Title"), "{listed}");
    let effects = press(&mut m, &["r", "q"]);
    assert_eq!(
        role_change(&effects).map(|c| c.1),
        Some(Some(Role::Question))
    );
}

fn two_highlights() -> Model {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    let mut claim = highlight_on(&m, "C", "It begins here.", "");
    claim.role = Some(Role::Claim);
    let mut objection = highlight_on(&m, "O", "Third one.", "");
    objection.role = Some(Role::Objection);
    give_highlights(&mut m, vec![claim, objection]);
    m
}

#[test]
fn issue18_l_opens_the_list_to_pick_the_target_and_enter_links_by_role() {
    let mut m = two_highlights();
    search_for(&mut m, "Third");
    press(&mut m, &["Esc", "L"]);
    let list = m.list.as_ref().expect("the list opens");
    assert_eq!(list.linking, Some(HighlightId("O".into())));
    let listed = screen(&m);
    assert!(listed.contains("link to…"), "{listed}");
    // The list opens on the highlight itself: Enter there refuses, k then Enter links.
    let effects = press(&mut m, &["Enter"]);
    assert!(effects.is_empty() && m.list.is_some(), "{effects:?}");
    let effects = press(&mut m, &["k", "Enter"]);
    let linked = effects.iter().find_map(|e| match e {
        Effect::ChangeHighlight(_, HighlightChange::Link { id, target, kind }) => {
            Some((id.0.clone(), target.0.clone(), *kind))
        }
        _ => None,
    });
    let opposes = crate::highlights::LinkKind::Opposes;
    assert_eq!(linked, Some(("O".into(), "C".into(), opposes)));
    assert!(m.list.is_none());
}

#[test]
fn issue18_a_dangling_link_shows_in_the_status_line_and_the_list() {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    let mut evidence = highlight_on(&m, "E", "Third one.", "");
    evidence.role = Some(Role::Evidence);
    evidence.links = vec![crate::highlights::Link {
        target: "GONE".into(),
        kind: "supports".into(),
        extra: Default::default(),
    }];
    evidence.dangling = vec!["GONE".into()];
    give_highlights(&mut m, vec![evidence]);
    search_for(&mut m, "Third");
    press(&mut m, &["Esc"]);
    let status = row(&frame(&m), m.size.1 - 1);
    assert!(status.contains("supports ⚠ deleted"), "{status}");
    press(&mut m, &["A"]);
    let listed = screen(&m);
    assert!(listed.contains("⚠ dangling link"), "{listed}");
}

#[test]
fn issue18_the_notes_list_filters_as_you_type_and_the_link_picker_too() {
    let mut m = two_highlights();
    press(&mut m, &["A", "/"]);
    type_text(&mut m, "ＴＨＩＲＤ");
    let listed = screen(&m);
    assert!(
        listed.contains("Third one.") && !listed.contains("It begins here."),
        "{listed}"
    );
    assert!(listed.contains("/ＴＨＩＲＤ▏"), "{listed}");
    // Enter ends the typing and opens the one row left.
    press(&mut m, &["Enter"]);
    assert!(m.list.is_none());
    let r = reader(&m);
    assert_eq!(r.article.slice(r.cursor..r.cursor + 5), "Third");

    press(&mut m, &["L", "/"]);
    type_text(&mut m, "claim");
    let effects = press(&mut m, &["Enter"]);
    let linked = effects.iter().any(|e| {
        matches!(e, Effect::ChangeHighlight(_, HighlightChange::Link { target, .. }) if target.0 == "C")
    });
    assert!(linked, "{effects:?}");
}

#[test]
fn issue18_the_picker_uses_the_letters_and_colours_of_the_config() {
    let config = crate::config::Config::parse(
        "[roles.claim]\nkey = \"k\"\ncolor = \"green\"\n[roles.evidence]\nkey = \"k\"\n",
        std::path::Path::new("config.toml"),
    )
    .unwrap();
    let (palette, warnings) = config.roles.palette();
    assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    assert_eq!(warnings.len(), 1, "the second k is refused: {warnings:?}");
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    m.roles = palette;
    search_for(&mut m, "Third");
    press(&mut m, &["v", "r"]);
    assert!(m.message.clone().unwrap_or_default().contains("k claim"));
    let effects = press(&mut m, &["k"]);
    assert!(
        matches!(
            effects.first(),
            Some(Effect::ChangeHighlight(
                _,
                HighlightChange::Add {
                    color: crate::highlights::Color::Green,
                    ..
                }
            ))
        ),
        "{effects:?}"
    );
}
