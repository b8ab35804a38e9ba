//! The open file changing on disk: what the reader says, and reloading with `R` (pure
//! update tests, plus the status line drawn on a `TestBackend`).

use std::path::PathBuf;

use super::frames::{find, frame, row};
use super::*;
use crate::article::Article;
use crate::tui::driver::watch;
use crate::tui::protocol::DiskState;
use crate::tui::protocol::Effect;

/// A long model whose article came from a real (temporary) file, stamped when "loaded".
fn watched_model() -> (Model, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.md");
    std::fs::write(&path, "# The Long Title\n").unwrap();
    let mut model = long_model((100, 24));
    let reader = model.reader.as_mut().unwrap();
    reader.path = Some(path.clone());
    let mut disk = watch::open(&path).1.unwrap();
    disk.loaded_at = "09:41".into();
    reader.on_disk = Some(disk);
    (model, dir, path)
}

fn state(model: &Model) -> DiskState {
    reader(model).on_disk.as_ref().unwrap().state
}

fn status(model: &Model) -> String {
    let buf = frame(model);
    row(&buf, buf.area.height - 1)
}

#[test]
fn a_changed_file_is_announced_and_the_loaded_text_stays() {
    let (mut model, _dir, _) = watched_model();
    press(&mut model, &["Space"]);
    let (top, text) = (reader(&model).top, reader(&model).article.text.clone());
    let effects = update(&mut model, Msg::Disk(DiskState::Changed));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(state(&model), DiskState::Changed);
    assert_eq!(
        (reader(&model).top, &reader(&model).article.text),
        (top, &text)
    );
    assert!(
        status(&model).contains("file changed on disk — press R to reload"),
        "{}",
        status(&model)
    );
    // The notice outlasts keys, which clear passing messages.
    press(&mut model, &["j", "j"]);
    assert!(status(&model).contains("press R to reload"));
    // A passing message shows over it, for one key.
    update(&mut model, Msg::Notice("exported".into()));
    assert!(status(&model).contains("exported"));
    press(&mut model, &["k"]);
    assert!(status(&model).contains("press R to reload"));
}

#[test]
fn a_removed_file_says_when_the_copy_shown_was_loaded() {
    let (mut model, _dir, _) = watched_model();
    update(&mut model, Msg::Disk(DiskState::Removed));
    assert!(
        status(&model).contains("file was removed — showing the copy loaded at 09:41"),
        "{}",
        status(&model)
    );
    // Put back as it was: the notice goes.
    update(&mut model, Msg::Disk(DiskState::Same));
    assert!(!status(&model).contains("file was removed"));
}

#[test]
fn the_notice_names_the_key_the_user_bound() {
    let (mut model, _dir, _) = watched_model();
    let mut tables = crate::tui::keymap::KeyTables::new();
    let global = tables.entry("global".into()).or_default();
    global.insert("R".into(), "none".into());
    global.insert("F5".into(), "reload".into());
    model.keymap.apply(&tables).unwrap();
    update(&mut model, Msg::Disk(DiskState::Changed));
    assert!(
        status(&model).contains("press F5 to reload"),
        "{}",
        status(&model)
    );
}

#[test]
fn reload_asks_for_the_open_file_and_only_in_the_reader() {
    let (mut model, _dir, path) = watched_model();
    assert_eq!(
        press(&mut model, &["R"]),
        vec![Effect::Reload(path.clone())]
    );
    // From the outline and the highlights list too.
    press(&mut model, &["Tab"]);
    assert_eq!(
        press(&mut model, &["R"]),
        vec![Effect::Reload(path.clone())]
    );
    press(&mut model, &["Tab", "A"]);
    assert!(model.list.is_some());
    assert_eq!(press(&mut model, &["R"]), vec![Effect::Reload(path)]);
    // In the library there is nothing to reload, and R is not typed into the filter.
    let mut library = library_model();
    assert!(press(&mut library, &["R"]).is_empty());
    assert_eq!(library.library.as_ref().unwrap().filter, "");
}

#[test]
fn reloading_keeps_the_text_on_top_the_outline_and_places_highlights_again() {
    let (mut model, _dir, path) = watched_model();
    press(&mut model, &["o", "]", "]", "]", "j", "j"]);
    let old_top = reader(&model).top;
    let on_top: String = reader(&model)
        .article
        .text
        .chars()
        .skip(old_top)
        .take(40)
        .collect();
    update(&mut model, Msg::Disk(DiskState::Changed));
    // The new version has a paragraph more near the start.
    let mut blocks = long_article_blocks(6, 8);
    blocks.insert(
        2,
        "An opening paragraph added in the new version of the file.".into(),
    );
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let new = article_of(&refs);
    let disk = watch::open(&path).1.unwrap();
    let effects = update(
        &mut model,
        Msg::Reloaded {
            result: Ok(Box::new(new)),
            on_disk: Some(disk),
        },
    );
    assert_eq!(effects, vec![Effect::LoadHighlights(shared(&model))]);
    let r = reader(&model);
    assert!(r.article.text.contains("An opening paragraph added"));
    let now_on_top: String = r.article.text.chars().skip(r.top).take(40).collect();
    assert_eq!(now_on_top, on_top);
    assert!(r.top > old_top);
    assert!(!r.outline.shown, "the outline stays hidden");
    assert_eq!(r.path.as_ref(), Some(&path));
    assert_eq!(state(&model), DiskState::Same);
    assert_eq!(
        model.message.as_deref(),
        Some("reloaded the new text from disk")
    );
    assert!(!status(&model).contains("press R"));
}

#[test]
fn reloading_the_same_text_says_so() {
    let (mut model, _dir, _) = watched_model();
    press(&mut model, &["Space"]);
    let top = reader(&model).top;
    let same = Article::clone(&reader(&model).article);
    update(
        &mut model,
        Msg::Reloaded {
            result: Ok(Box::new(same)),
            on_disk: None,
        },
    );
    assert_eq!(reader(&model).top, top);
    assert!(
        model
            .message
            .as_deref()
            .unwrap()
            .contains("the same as before")
    );
}

#[test]
fn a_failed_reload_keeps_the_copy_and_says_why() {
    let (mut model, _dir, _) = watched_model();
    press(&mut model, &["Space"]);
    let top = reader(&model).top;
    update(&mut model, Msg::Disk(DiskState::Removed));
    let effects = update(
        &mut model,
        Msg::Reloaded {
            result: Err("/x/article.md: no such file".into()),
            on_disk: None,
        },
    );
    assert!(effects.is_empty());
    assert_eq!(reader(&model).top, top);
    assert_eq!(state(&model), DiskState::Removed);
    let message = model.message.clone().unwrap();
    assert!(
        message.starts_with("cannot reload: /x/article.md: no such file"),
        "{message}"
    );
    assert!(message.contains("copy loaded at 09:41"), "{message}");
    assert!(find(&frame(&model), "cannot reload").is_some());
}

#[test]
fn looks_at_a_file_with_no_stamp_change_nothing() {
    let mut model = long_model((80, 24));
    update(&mut model, Msg::Disk(DiskState::Removed));
    assert!(reader(&model).on_disk.is_none());
    assert!(!status(&model).contains("removed"));
}
