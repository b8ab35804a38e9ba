//! `update` with selections and highlights: keys in, model and effects out.

use ratatui::crossterm::event::{MouseButton, MouseEventKind};

use super::*;
use crate::highlights::{AnchorStatus, Color, HighlightId, Resolved};
use crate::tui::keymap::Mode;
use crate::tui::protocol::{Edited, Effect, HighlightChange};

const TEXT: &str = "It begins here. The second one, known as the target, runs long. Third one.";

fn model() -> Model {
    model_for(
        &["# Title", TEXT, "Another paragraph follows it."],
        (100, 30),
    )
}

fn selected(model: &Model) -> String {
    let r = reader(model);
    let range = r.selected_range().expect("a selection");
    r.article.slice(range).to_string()
}

/// A highlight as the store would report it, on `text`'s first occurrence.
pub fn highlight_on(model: &Model, id: &str, text: &str, note: &str) -> Resolved {
    let r = reader(model);
    let byte = r.article.text.find(text).expect("text in article");
    let start = r.article.text[..byte].chars().count();
    let range = start..start + text.chars().count();
    Resolved {
        id: HighlightId(id.into()),
        range: Some(range.clone()),
        status: AnchorStatus::Verified,
        color: Color::Yellow,
        note: note.into(),
        tags: Vec::new(),
        role: None,
        links: Vec::new(),
        dangling: Vec::new(),
        section: vec!["Title".into()],
        quote: text.into(),
        created_at: jiff::Timestamp::UNIX_EPOCH,
        updated_at: jiff::Timestamp::UNIX_EPOCH,
    }
}

pub fn give_highlights(model: &mut Model, list: Vec<Resolved>) {
    let article = reader(model).article.id.clone();
    update(
        model,
        Msg::Highlights {
            article,
            list,
            problem: None,
        },
    );
}

#[test]
fn v_selects_the_sentence_the_search_match_is_in_and_motions_reshape_it() {
    let mut m = model();
    search_for(&mut m, "known as");
    press(&mut m, &["v"]);
    assert_eq!(m.mode(), Mode::Select);
    assert_eq!(
        selected(&m),
        "The second one, known as the target, runs long."
    );
    press(&mut m, &["w"]);
    assert_eq!(
        selected(&m),
        "The second one, known as the target, runs long. Third"
    );
    press(&mut m, &["b", "b"]);
    assert_eq!(selected(&m), "The second one, known as the target, runs");
    press(&mut m, &[")"]);
    assert_eq!(
        selected(&m),
        "The second one, known as the target, runs long."
    );
    // `o` swaps the ends: now the start moves.
    press(&mut m, &["o", "b"]);
    assert_eq!(
        selected(&m),
        "here. The second one, known as the target, runs long."
    );
    press(&mut m, &["("]);
    assert_eq!(
        selected(&m),
        "It begins here. The second one, known as the target, runs long."
    );
    press(&mut m, &["o", "}"]);
    assert_eq!(selected(&m), TEXT);
    press(&mut m, &["Esc"]);
    assert!(reader(&m).selection.is_none());
    assert_eq!(m.mode(), Mode::Reader);
}

#[test]
fn line_motions_keep_the_selection_on_word_boundaries() {
    let long = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron \
                pi rho sigma tau upsilon phi chi psi omega. Done.";
    let mut m = model_for(&[long], (40, 20));
    press(&mut m, &["v"]);
    let end = reader(&m).selection.unwrap().head;
    press(&mut m, &["k"]);
    let r = reader(&m);
    let s = r.selection.unwrap();
    assert!(s.head < end);
    let text = &r.article.text;
    let chars: Vec<char> = text.chars().collect();
    for end in [s.anchor, s.head] {
        let inside = end > 0
            && end < chars.len()
            && chars[end - 1].is_alphanumeric()
            && chars[end].is_alphanumeric();
        assert!(!inside, "selection end {end} splits a word");
    }
    press(&mut m, &["j", "j"]);
    assert!(reader(&m).selection.unwrap().head > end);
}

#[test]
fn cjk_sentences_are_selected_and_grown_a_character_at_a_time() {
    let mut m = model_for(&["小红书是什么？它是一个平台。用户很多！"], (80, 20));
    search_for(&mut m, "平台");
    press(&mut m, &["v"]);
    assert_eq!(selected(&m), "它是一个平台。");
    press(&mut m, &["w"]);
    assert_eq!(selected(&m), "它是一个平台。用");
    let effects = press(&mut m, &["h"]);
    let Effect::ChangeHighlight(_, HighlightChange::Add { range, .. }) = &effects[0] else {
        panic!("expected an add, got {effects:?}");
    };
    assert_eq!(reader(&m).article.slice(range.clone()), "它是一个平台。用");
}

#[test]
fn h_and_colour_keys_ask_for_a_highlight_on_whole_words() {
    let mut m = model();
    search_for(&mut m, "known as");
    let effects = press(&mut m, &["v", "h"]);
    let r = reader(&m);
    let Effect::ChangeHighlight(_, HighlightChange::Add { range, color, note }) = &effects[0]
    else {
        panic!("expected an add, got {effects:?}");
    };
    assert_eq!(
        r.article.slice(range.clone()),
        "The second one, known as the target, runs long."
    );
    assert_eq!((*color, note.as_str()), (Color::Yellow, ""));
    assert!(r.selection.is_none());
    // A colour key on a selection highlights in that colour.
    let effects = press(&mut m, &["v", "3"]);
    assert!(matches!(
        &effects[0],
        Effect::ChangeHighlight(
            _,
            HighlightChange::Add {
                color: Color::Blue,
                ..
            }
        )
    ));
}

#[test]
fn keys_on_a_highlight_recolour_delete_undo_and_edit_its_note() {
    let mut m = model();
    let highlight = highlight_on(&m, "H1", "known as the target", "old note");
    give_highlights(&mut m, vec![highlight]);
    search_for(&mut m, "target");
    let id = HighlightId("H1".into());
    assert_eq!(
        press(&mut m, &["2"]),
        vec![Effect::ChangeHighlight(
            shared(&m),
            HighlightChange::Color {
                id: id.clone(),
                color: Color::Green
            }
        )]
    );
    assert_eq!(
        press(&mut m, &["d"]),
        vec![Effect::ChangeHighlight(
            shared(&m),
            HighlightChange::Delete(id.clone())
        )]
    );
    assert!(m.message.as_deref().unwrap().contains("u brings it back"));
    assert_eq!(
        press(&mut m, &["u"]),
        vec![Effect::ChangeHighlight(
            shared(&m),
            HighlightChange::Undelete(id.clone())
        )]
    );
    assert!(press(&mut m, &["u"]).is_empty());
    press(&mut m, &["Enter"]);
    assert_eq!(m.mode(), Mode::Editor);
    press(&mut m, &["Enter"]);
    type_text(&mut m, "more");
    assert_eq!(
        press(&mut m, &["ctrl-s"]),
        vec![Effect::ChangeHighlight(
            shared(&m),
            HighlightChange::Note {
                id,
                note: "old note\nmore".into(),
                seen: "old note".into()
            }
        )]
    );
    assert!(m.editor.is_none());
}

#[test]
fn a_highlights_then_the_editor_saves_a_two_line_note_to_the_new_highlight() {
    let mut m = model();
    search_for(&mut m, "known as");
    let effects = press(&mut m, &["v", "a"]);
    assert!(matches!(
        &effects[0],
        Effect::ChangeHighlight(_, HighlightChange::Add { .. })
    ));
    assert_eq!(m.mode(), Mode::Editor);
    // The store answers with the new highlight's id.
    let highlight = highlight_on(
        &m,
        "NEW",
        "The second one, known as the target, runs long.",
        "",
    );
    give_highlights(&mut m, vec![highlight]);
    type_text(&mut m, "line one");
    press(&mut m, &["Enter"]);
    type_text(&mut m, "line two");
    assert_eq!(
        press(&mut m, &["ctrl-s"]),
        vec![Effect::ChangeHighlight(
            shared(&m),
            HighlightChange::Note {
                id: HighlightId("NEW".into()),
                note: "line one\nline two".into(),
                seen: String::new()
            }
        )]
    );
}

#[test]
fn esc_in_the_editor_asks_before_dropping_typed_text() {
    let mut m = model();
    let highlight = highlight_on(&m, "H", "It begins here.", "");
    give_highlights(&mut m, vec![highlight]);
    search_for(&mut m, "begins");
    press(&mut m, &["Esc", "a"]);
    type_text(&mut m, "draft");
    press(&mut m, &["Esc"]);
    assert!(m.editor.as_ref().unwrap().confirm_discard);
    press(&mut m, &["n"]);
    assert_eq!(m.editor.as_ref().unwrap().text(), "draft");
    press(&mut m, &["Esc", "y"]);
    assert!(m.editor.is_none());
    // Ctrl-e hands the text to the driver, which answers with the edit.
    press(&mut m, &["a"]);
    assert_eq!(
        press(&mut m, &["ctrl-e"]),
        vec![Effect::EditExternally(String::new())]
    );
    update(
        &mut m,
        Msg::Edited(Ok(Edited {
            text: "from vi\n".into(),
            notice: None,
        })),
    );
    assert_eq!(m.editor.as_ref().unwrap().text(), "from vi");
}

#[test]
fn bracket_a_jumps_between_highlights_while_brackets_alone_jump_sections() {
    let mut m = long_model((100, 30));
    let first = highlight_on(&m, "A", "3.2 lorem", "");
    let second = highlight_on(&m, "B", "5.1 lorem", "");
    let (a, b) = (first.range.clone().unwrap(), second.range.clone().unwrap());
    give_highlights(&mut m, vec![first, second]);
    press(&mut m, &["]", "a"]);
    assert_eq!(reader(&m).cursor, a.start);
    press(&mut m, &["]", "a"]);
    assert_eq!(reader(&m).cursor, b.start);
    press(&mut m, &["[", "a"]);
    assert_eq!(reader(&m).cursor, a.start);
    // `]` followed by anything else stays a section jump, and the key still acts.
    press(&mut m, &["g", "]", "j"]);
    let r = reader(&m);
    assert_eq!(
        r.current_section(usize::from(m.panes().text.height))
            .map(|s| r.article.outline[s].title.as_str()),
        Some("Section 1")
    );
}

#[test]
fn the_notes_panel_lists_highlights_jumps_and_exports() {
    let mut m = long_model((100, 30));
    let highlights = vec![
        highlight_on(&m, "A", "2.1 lorem", "first"),
        highlight_on(&m, "B", "6.3 lorem", "second"),
    ];
    let far = highlights[1].range.clone().unwrap().start;
    give_highlights(&mut m, highlights);
    press(&mut m, &["A"]);
    assert_eq!(m.mode(), Mode::Highlights);
    assert_eq!(
        press(&mut m, &["E"]),
        vec![Effect::Export {
            article: shared(&m),
            choice: None
        }]
    );
    press(&mut m, &["j", "Enter"]);
    assert!(m.list.is_none());
    assert_eq!(reader(&m).cursor, far);
    let r = reader(&m);
    assert!(r.layout.line_of_offset(far) >= r.top_line());
    assert_eq!(
        press(&mut m, &["E"]),
        vec![Effect::Export {
            article: shared(&m),
            choice: None
        }]
    );
}

#[test]
fn issue15_17_the_notes_list_asks_before_deleting_a_note_and_shows_each_colour() {
    let mut m = long_model((100, 30));
    let mut noted = highlight_on(&m, "A", "2.1 lorem", "my own words");
    noted.color = Color::Blue;
    let plain = highlight_on(&m, "B", "6.3 lorem", "");
    give_highlights(&mut m, vec![noted, plain]);
    press(&mut m, &["A"]);
    // The swatch: the colour's number, painted as the highlight is.
    let buf = super::frames::frame(&m);
    let blue = crate::tui::ui::theme::Theme::new(true).highlights[2];
    let painted = buf
        .content()
        .iter()
        .any(|c| c.symbol() == "3" && c.bg == blue.bg.unwrap());
    assert!(painted, "a blue swatch");
    // A highlight with a note: asked first; any key but y keeps it.
    assert!(press(&mut m, &["d"]).is_empty());
    assert!(m.message.as_deref().unwrap().contains("y deletes"));
    assert!(press(&mut m, &["n"]).is_empty());
    assert!(press(&mut m, &["d"]).is_empty());
    let delete_a = vec![Effect::ChangeHighlight(
        shared(&m),
        HighlightChange::Delete(HighlightId("A".into())),
    )];
    assert_eq!(press(&mut m, &["y"]), delete_a);
    // Without a note, at once (u brings it back).
    let delete_b = vec![Effect::ChangeHighlight(
        shared(&m),
        HighlightChange::Delete(HighlightId("B".into())),
    )];
    assert_eq!(press(&mut m, &["j", "d"]), delete_b);
}

#[test]
fn a_failed_save_is_said_in_plain_words() {
    let mut m = model();
    let highlight = highlight_on(&m, "unsaved-1", "It begins here.", "");
    let article = reader(&m).article.id.clone();
    update(
        &mut m,
        Msg::Highlights {
            article,
            list: vec![highlight],
            problem: Some("NOT SAVED (kept in memory): disk full".into()),
        },
    );
    assert_eq!(reader(&m).highlights.len(), 1);
    assert!(m.message.as_deref().unwrap().contains("NOT SAVED"));
}

#[test]
fn the_mouse_selects_words_paragraphs_and_drags() {
    let mut m = model_for(&["Alpha beta gamma. Delta epsilon.", "Next one."], (60, 20));
    let text = m.panes().text;
    // Row 0 of the text column holds the paragraph; "beta" starts at column 6.
    let click = |m: &mut Model, count| {
        update(
            m,
            Msg::Click {
                column: text.x + 7,
                row: text.y,
                count,
            },
        )
    };
    click(&mut m, 2);
    assert_eq!(selected(&m), "beta");
    click(&mut m, 3);
    assert_eq!(selected(&m), "Alpha beta gamma. Delta epsilon.");
    click(&mut m, 1);
    assert!(reader(&m).selection.is_none());
    assert_eq!(reader(&m).cursor, 7);
    mouse(
        &mut m,
        MouseEventKind::Drag(MouseButton::Left),
        text.x + 20,
        text.y,
    );
    assert_eq!(selected(&m), "beta gamma. Delta");
    mouse(
        &mut m,
        MouseEventKind::Up(MouseButton::Left),
        text.x + 20,
        text.y,
    );
    mouse(
        &mut m,
        MouseEventKind::Drag(MouseButton::Left),
        text.x + 2,
        text.y,
    );
    assert_eq!(selected(&m), "beta gamma. Delta");
}
