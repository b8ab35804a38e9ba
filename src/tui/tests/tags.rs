//! Issue 18, item 3: tags edited in the reader (`t`): added, completed from the tags used
//! anywhere in the store, taken away with `-tag`; shown in the status line and the list.

use super::frames::{frame, row};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::highlights::HighlightId;
use crate::tui::protocol::{Effect, HighlightChange};

const TEXT: &str = "It begins here. The second one, known as the target, runs long. Third one.";

fn model_with_tags(tags: &[&str]) -> Model {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    let mut h = highlight_on(&m, "H1", "known as the target", "");
    h.tags = tags.iter().map(|t| t.to_string()).collect();
    give_highlights(&mut m, vec![h]);
    update(
        &mut m,
        Msg::Tags(vec!["economics".into(), "ecology".into(), "later".into()]),
    );
    search_for(&mut m, "target");
    press(&mut m, &["Esc"]);
    m
}

/// The tag change among `effects`: the highlight, the tag, and whether it is added.
fn tag_change(effects: &[Effect]) -> Option<(HighlightId, String, bool)> {
    effects.iter().find_map(|e| match e {
        Effect::ChangeHighlight(_, HighlightChange::Tag { id, tag, on }) => {
            Some((id.clone(), tag.clone(), *on))
        }
        _ => None,
    })
}

/// Types `text` one character at a time.
fn type_text(m: &mut Model, text: &str) -> Vec<Effect> {
    let keys: Vec<String> = text.chars().map(String::from).collect();
    press(m, &keys.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn issue18_t_on_a_highlight_prompts_and_enter_adds_the_tag_typed() {
    let mut m = model_with_tags(&[]);
    press(&mut m, &["t"]);
    let said = m.message.clone().unwrap_or_default();
    assert!(
        said.contains("Tab completes") && said.contains("-tag"),
        "{said}"
    );
    // Letters bound to verbs (`o` outline, `q` back) are typed, not obeyed.
    type_text(&mut m, "to-do");
    assert!(!m.quit && m.tag_prompt.is_some());
    let effects = press(&mut m, &["Enter"]);
    let tagged = (HighlightId("H1".into()), "to-do".to_string(), true);
    assert_eq!(tag_change(&effects), Some(tagged));
    assert!(m.tag_prompt.is_none());
    assert!(
        m.tags_known.contains(&"to-do".to_string()),
        "offered next time"
    );
    // Esc cancels without a change.
    assert_eq!(tag_change(&press(&mut m, &["t", "x", "Esc"])), None);
}

#[test]
fn issue18_tab_completes_from_the_tags_used_in_the_store() {
    let mut m = model_with_tags(&[]);
    press(&mut m, &["t", "e", "c", "Tab"]);
    let prompt = m.tag_prompt.clone().expect("still open");
    assert_eq!(prompt.typed, "eco", "as far as economics and ecology agree");
    let said = m.message.clone().unwrap_or_default();
    assert!(said.contains("economics ecology"), "{said}");
    press(&mut m, &["n", "Tab"]);
    let effects = press(&mut m, &["Enter"]);
    assert_eq!(tag_change(&effects).map(|c| c.1), Some("economics".into()));
}

#[test]
fn issue18_minus_tag_takes_a_tag_away_and_completes_from_the_highlights_own() {
    let mut m = model_with_tags(&["later", "ecology"]);
    press(&mut m, &["t", "-", "l", "Tab"]);
    assert_eq!(
        m.tag_prompt.as_ref().map(|p| p.typed.as_str()),
        Some("-later")
    );
    let effects = press(&mut m, &["Enter"]);
    let untagged = (HighlightId("H1".into()), "later".to_string(), false);
    assert_eq!(tag_change(&effects), Some(untagged));
    // A tag the highlight does not have is said so, not sent.
    let effects = type_text(&mut m, "t-nothere");
    assert!(tag_change(&effects).is_none());
    assert!(tag_change(&press(&mut m, &["Enter"])).is_none());
    assert!(
        m.message
            .clone()
            .unwrap_or_default()
            .contains("no tag #nothere")
    );
}

#[test]
fn issue18_t_without_a_highlight_says_so() {
    let mut m = model_for(&["# Title", TEXT], (100, 20));
    press(&mut m, &["t"]);
    assert!(m.tag_prompt.is_none());
    assert!(
        m.message
            .clone()
            .unwrap_or_default()
            .contains("no highlight here")
    );
}

#[test]
fn issue18_tags_show_in_the_status_line_and_the_notes_list_and_t_works_there() {
    let mut m = model_with_tags(&["economics", "later"]);
    let status = row(&frame(&m), m.size.1 - 1);
    assert!(status.contains("#economics #later ·"), "{status}");
    press(&mut m, &["A"]);
    let buf = frame(&m);
    let listed: String = (0..m.size.1).map(|y| row(&buf, y) + "\n").collect();
    assert!(listed.contains("#economics #later · § Title"), "{listed}");
    press(&mut m, &["t"]);
    let effects = type_text(&mut m, "ecology");
    assert!(m.list.is_some(), "typing went to the prompt: {effects:?}");
    let effects = press(&mut m, &["Enter"]);
    assert_eq!(tag_change(&effects).map(|c| c.2), Some(true));
    assert!(
        m.list.is_some(),
        "Enter went to the prompt, not to the list"
    );
}
