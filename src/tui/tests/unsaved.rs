//! `update` and frames for what must not be lost: quitting with unsaved highlight changes
//! (retry, write elsewhere, quit anyway), a signal while a note is being written (draft and
//! rescue), and a draft offered back on the next start.

use std::path::PathBuf;

use super::frames::{find, frame, row};
use super::highlights::{give_highlights, highlight_on};
use super::*;
use crate::drafts::{Draft, Passage};
use crate::highlights::{Color, HighlightId};
use crate::tui::model::QuitPrompt;
use crate::tui::model::editor::NoteTarget;
use crate::tui::protocol::{Effect, HighlightChange, Unsaved};

const TEXT: &str = "It begins here. The second one, known as the target, runs long. Third one.";

fn model() -> Model {
    model_for(
        &["# Title", TEXT, "Another paragraph follows it."],
        (100, 30),
    )
}

fn unsaved(changes: usize) -> Option<Unsaved> {
    Some(Unsaved {
        changes,
        reason: "could not create the folder /home/me/folio: Not a directory".into(),
        rescue_to: PathBuf::from("/home/me/folio-unsaved-notes.json"),
    })
}

fn on_screen(buf: &ratatui::buffer::Buffer, needles: &[&str]) {
    for needle in needles {
        assert!(find(buf, needle).is_some(), "{needle:?} not on screen");
    }
}

fn is_save_position(effect: &Effect) -> bool {
    matches!(effect, Effect::SavePosition(_))
}

#[test]
fn quitting_with_unsaved_changes_tries_again_then_asks_and_quits_once_saved() {
    let mut m = model();
    update(&mut m, Msg::Unsaved(unsaved(2)));
    assert_eq!(
        press(&mut m, &["q"]),
        vec![Effect::RetrySave(Some(shared(&m)))]
    );
    assert!(!m.quit);
    assert_eq!(m.quit_prompt, Some(QuitPrompt::Choose));
    // Still failing: the question stays.
    update(&mut m, Msg::Unsaved(unsaved(2)));
    assert!(!m.quit);
    assert_eq!(m.quit_prompt, Some(QuitPrompt::Choose));
    // Reading keys do nothing meanwhile; r tries again.
    assert!(press(&mut m, &["j"]).is_empty());
    assert_eq!(
        press(&mut m, &["r"]),
        vec![Effect::RetrySave(Some(shared(&m)))]
    );
    // Saved now: the quit held back goes ahead, with the reading position.
    let effects = update(&mut m, Msg::Unsaved(None));
    assert!(m.quit);
    assert!(m.quit_prompt.is_none());
    assert!(effects.iter().any(is_save_position), "{effects:?}");
}

#[test]
fn nothing_unsaved_quits_at_once_and_esc_goes_back_to_reading() {
    let mut m = model();
    let effects = press(&mut m, &["q"]);
    assert!(m.quit);
    assert!(effects.iter().any(is_save_position));

    let mut m = model();
    update(&mut m, Msg::Unsaved(unsaved(1)));
    press(&mut m, &["q", "Esc"]);
    assert!(!m.quit);
    assert!(m.quit_prompt.is_none());
    assert!(m.unsaved.is_some(), "the changes stay in memory");
    // Ctrl-s tries again from the reader too.
    assert_eq!(
        press(&mut m, &["ctrl-s"]),
        vec![Effect::RetrySave(Some(shared(&m)))]
    );
}

#[test]
fn s_writes_them_to_a_file_named_by_default_and_editable() {
    let mut m = model();
    update(&mut m, Msg::Unsaved(unsaved(3)));
    press(&mut m, &["q", "s"]);
    assert_eq!(
        m.quit_prompt,
        Some(QuitPrompt::SaveAs(
            "/home/me/folio-unsaved-notes.json".into()
        ))
    );
    press(&mut m, &["Backspace"; 5]);
    type_text(&mut m, ".keep");
    let effects = press(&mut m, &["Enter"]);
    assert_eq!(
        effects,
        vec![Effect::Rescue(Some(PathBuf::from(
            "/home/me/folio-unsaved-notes.keep"
        )))]
    );
    // It failed: say why, stay in the question.
    update(
        &mut m,
        Msg::Rescued(Err("3 unsaved changes NOT written elsewhere either".into())),
    );
    assert!(!m.quit);
    assert!(m.message.as_deref().unwrap().contains("NOT written"));
    assert!(matches!(m.quit_prompt, Some(QuitPrompt::SaveAs(_))));
    // Ctrl-u clears the line; Esc goes back to the choices.
    press(&mut m, &["ctrl-u"]);
    assert_eq!(m.quit_prompt, Some(QuitPrompt::SaveAs(String::new())));
    assert!(press(&mut m, &["Enter"]).is_empty(), "no empty file name");
    press(&mut m, &["Esc"]);
    assert_eq!(m.quit_prompt, Some(QuitPrompt::Choose));
    // Written: folio quits and says where once the screen is gone.
    update(
        &mut m,
        Msg::Rescued(Ok("3 unsaved changes written to X".into())),
    );
    assert!(m.quit);
    assert_eq!(m.farewell, ["3 unsaved changes written to X"]);
}

#[test]
fn quitting_without_them_is_asked_twice() {
    let mut m = model();
    update(&mut m, Msg::Unsaved(unsaved(1)));
    press(&mut m, &["q", "Q"]);
    assert_eq!(m.quit_prompt, Some(QuitPrompt::ConfirmQuit));
    press(&mut m, &["n"]);
    assert_eq!(m.quit_prompt, Some(QuitPrompt::Choose));
    assert!(!m.quit);
    let effects = press(&mut m, &["Q", "y"]);
    assert!(m.quit);
    assert!(effects.iter().any(is_save_position));
}

#[test]
fn the_question_shows_how_many_why_and_the_choices() {
    let mut m = model();
    update(&mut m, Msg::Unsaved(unsaved(2)));
    let buf = frame(&m);
    let status = row(&buf, 29);
    assert!(status.contains("NOT SAVED: 2 · Ctrl-s retry"), "{status}");
    press(&mut m, &["q"]);
    let buf = frame(&m);
    on_screen(
        &buf,
        &[
            "2 changes to highlights and notes NOT saved",
            "Why: could not create the folder /home/me/folio: Not a directory",
            "r    try saving again now",
            "s    write them to another file, then quit",
            "Q    quit without them",
            "Esc  back to reading",
        ],
    );
    press(&mut m, &["s"]);
    let buf = frame(&m);
    assert!(find(&buf, "> /home/me/folio-unsaved-notes.json▏").is_some());
    assert!(find(&buf, "Enter write and quit").is_some());
    press(&mut m, &["Esc", "Q"]);
    assert!(find(&frame(&m), "Quit and lose these changes for good?").is_some());

    // Narrow, with a search: the notice keeps its place and the key hints give way.
    let mut m = model_for(&["# Title", TEXT], (60, 20));
    update(&mut m, Msg::Unsaved(unsaved(2)));
    search_for(&mut m, "known as the target");
    let status = row(&frame(&m), 19);
    assert!(
        status.contains("NOT SAVED: 2 · Ctrl-s retry · /known"),
        "{status}"
    );
    assert!(!status.contains("help"), "{status}");
}

#[test]
fn a_long_reason_gives_way_to_the_choices_on_a_small_screen() {
    let mut m = model_for(&["# Title", TEXT], (60, 15));
    let reason = format!(
        "could not write /home/me/folio/annotations.json: {}",
        "the disk said no once more; ".repeat(20)
    );
    let pending = Unsaved {
        reason,
        ..unsaved(1).unwrap()
    };
    update(&mut m, Msg::Unsaved(Some(pending)));
    press(&mut m, &["q"]);
    let buf = frame(&m);
    on_screen(
        &buf,
        &[
            "Why: could not write",
            "r    try saving again now",
            "Q    quit without them",
            "Esc  back to reading",
        ],
    );
    // The reason's last line shown says that it goes on.
    let (_, choices) = find(&buf, "r    try saving").unwrap();
    let cut = row(&buf, choices - 2);
    assert!(cut.trim_end_matches([' ', '│']).ends_with('…'), "{cut:?}");
}

/// A model with the note editor open on a new highlight of "known as the target", `typed`
/// typed into it.
fn writing(typed: &str) -> Model {
    let mut m = model();
    search_for(&mut m, "known as the target");
    press(&mut m, &["v", "a"]);
    type_text(&mut m, typed);
    m
}

#[test]
fn a_signal_keeps_the_note_being_written_and_the_unsaved_changes_without_asking() {
    let mut m = writing("half a thought");
    update(&mut m, Msg::Unsaved(unsaved(1)));
    let effects = update(&mut m, Msg::Stop(15));
    assert!(m.quit);
    assert!(m.quit_prompt.is_none());
    assert!(effects.contains(&Effect::Rescue(None)));
    assert!(effects.contains(&Effect::RetrySave(Some(shared(&m)))));
    assert!(effects.iter().any(is_save_position));
    let draft = effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveDraft(d) => Some(d.clone()),
            _ => None,
        })
        .expect("a draft");
    assert_eq!(draft.note, "half a thought");
    assert_eq!(draft.article_id, reader(&m).article.id);
    assert_eq!(draft.highlight, None);
    let passage = draft.passage.expect("its passage");
    assert_eq!(
        passage.quote,
        "The second one, known as the target, runs long."
    );
    assert_eq!(
        reader(&m).article.slice(passage.start..passage.end),
        passage.quote
    );
    // Where it went is said after the screen is restored; if nowhere, the text itself. The
    // answers neither hold the quit back nor save the position again.
    let after = update(&mut m, Msg::DraftSaved(Err("no room".into())));
    assert!(m.farewell[0].ends_with("The note you were writing was:\nhalf a thought"));
    let after_rescue = update(&mut m, Msg::Rescued(Err("NOT written elsewhere".into())));
    assert_eq!(m.farewell[1], "NOT written elsewhere");
    assert!(after.is_empty() && after_rescue.is_empty());
    assert!(m.quit && m.quit_prompt.is_none());
}

#[test]
fn a_signal_with_nothing_typed_keeps_no_draft() {
    let mut m = writing("");
    let effects = update(&mut m, Msg::Stop(1));
    assert!(!effects.iter().any(|e| matches!(e, Effect::SaveDraft(_))));
    assert!(m.quit);
}

fn draft_on(m: &Model, quote: &str, highlight: Option<&str>, note: &str) -> Draft {
    let placed = highlight_on(m, "x", quote, "");
    let range = placed.range.expect("placed");
    let r = reader(m);
    Draft {
        saved_at: Some(jiff::Timestamp::UNIX_EPOCH),
        ..Draft::new(
            &r.article.id,
            None,
            &r.article.title,
            highlight.map(str::to_string),
            Some(Passage {
                start: range.start,
                end: range.end,
                quote: quote.into(),
            }),
            note,
        )
    }
}

#[test]
fn a_draft_reopens_the_editor_on_its_highlight_and_goes_once_saved() {
    let mut m = model();
    let quote = "The second one, known as the target, runs long.";
    let highlight = highlight_on(&m, "01SAVED", quote, "old note");
    give_highlights(&mut m, vec![highlight]);
    let draft = draft_on(&m, quote, Some("01SAVED"), "old note, and more");
    let key = draft.key();
    update(
        &mut m,
        Msg::Draft {
            draft: Some(draft),
            problems: Vec::new(),
        },
    );
    let editor = m.editor.as_ref().expect("the editor, reopened");
    assert_eq!(editor.text(), "old note, and more");
    assert_eq!(editor.target, NoteTarget::Id(HighlightId("01SAVED".into())));
    assert!(
        m.message
            .as_deref()
            .unwrap()
            .starts_with("restored the note")
    );
    assert!(find(&frame(&m), "old note, and more").is_some());
    let effects = press(&mut m, &["ctrl-s"]);
    assert_eq!(
        effects,
        vec![
            Effect::ChangeHighlight(
                shared(&m),
                HighlightChange::Note {
                    id: HighlightId("01SAVED".into()),
                    note: "old note, and more".into(),
                    seen: "old note".into()
                }
            ),
            Effect::DropDraft(key)
        ]
    );
}

#[test]
fn a_draft_whose_highlight_never_saved_makes_it_again_and_a_discard_drops_it() {
    let mut m = model();
    let quote = "It begins here.";
    let draft = draft_on(&m, quote, None, "a note");
    let key = draft.key();
    update(
        &mut m,
        Msg::Draft {
            draft: Some(draft.clone()),
            problems: vec!["drafts/bad.json: a kept draft is damaged".into()],
        },
    );
    assert!(m.message.as_deref().unwrap().contains("damaged"));
    let range = highlight_on(&m, "x", quote, "").range.unwrap();
    assert_eq!(
        m.editor.as_ref().map(|e| e.target.clone()),
        Some(NoteTarget::Range(range.clone()))
    );
    assert_eq!(reader(&m).cursor, range.start);
    let effects = press(&mut m, &["ctrl-s"]);
    assert_eq!(
        effects,
        vec![
            Effect::ChangeHighlight(
                shared(&m),
                HighlightChange::Add {
                    range,
                    color: Color::Yellow,
                    note: "a note".into()
                }
            ),
            Effect::DropDraft(key.clone())
        ]
    );

    update(
        &mut m,
        Msg::Draft {
            draft: Some(draft),
            problems: Vec::new(),
        },
    );
    assert_eq!(press(&mut m, &["Esc"]), Vec::new());
    assert_eq!(press(&mut m, &["y"]), vec![Effect::DropDraft(key)]);
    assert!(m.editor.is_none());
}

#[test]
fn a_draft_whose_passage_is_gone_is_kept_and_its_text_shown() {
    let mut m = model();
    let mut draft = draft_on(&m, "It begins here.", None, "lost words");
    if let Some(p) = draft.passage.as_mut() {
        p.quote = "a sentence no longer in the article".into();
    }
    update(
        &mut m,
        Msg::Draft {
            draft: Some(draft),
            problems: Vec::new(),
        },
    );
    assert!(m.editor.is_none());
    let said = m.message.as_deref().unwrap();
    assert!(
        said.contains("no longer fits") && said.ends_with("lost words"),
        "{said}"
    );
}

#[test]
fn effects_come_in_the_order_they_run_each_with_what_it_needs() {
    // A signal: the draft first, one more try at the store, the rescue file, the position.
    let mut m = writing("half a thought");
    update(&mut m, Msg::Unsaved(unsaved(1)));
    let effects = update(&mut m, Msg::Stop(15));
    assert!(
        matches!(
            effects.as_slice(),
            [
                Effect::SaveDraft(_),
                Effect::RetrySave(Some(article)),
                Effect::Rescue(None),
                Effect::SavePosition(_),
            ] if *article == shared(&m)
        ),
        "{effects:?}"
    );
    // An article opened: its highlights first, then a draft to put back on them.
    let mut m = model();
    let opened = Msg::Opened {
        path: Some("/articles/a.md".into()),
        result: Ok(Box::new(article_of(&["# A", "Text."]))),
        top: 0,
        on_disk: None,
    };
    let effects = update(&mut m, opened);
    let r = reader(&m);
    assert_eq!(
        effects,
        vec![
            Effect::LoadHighlights(shared(&m)),
            Effect::FindDraft {
                article: r.article.id.clone(),
                path: Some("/articles/a.md".into()),
            },
        ]
    );
}

#[test]
fn highlights_listed_for_an_article_no_longer_open_are_dropped() {
    let mut m = model();
    let placed = highlight_on(&m, "H1", "It begins here.", "");
    update(
        &mut m,
        Msg::Highlights {
            article: "another article".into(),
            list: vec![placed],
            problem: Some("NOT SAVED: from before".into()),
        },
    );
    assert!(reader(&m).highlights.is_empty());
    assert_eq!(m.message, None);
}
