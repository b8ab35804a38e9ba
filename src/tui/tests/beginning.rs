//! A large article's beginning shown while the whole is read: what can be done meanwhile,
//! what waits, and the whole article taking its place on the same text (pure update tests,
//! plus the status line drawn on a `TestBackend`).

use std::path::PathBuf;

use super::frames::{frame, row};
use super::*;
use crate::tui::keymap::Keymap;
use crate::tui::protocol::Effect;

/// The whole article: [`long_article_blocks`] with 12 sections; its beginning: the first
/// three sections, the last paragraph cut short (as a cut at 64 KB can leave it).
fn whole_and_beginning() -> (Article, Article) {
    let blocks = long_article_blocks(12, 8);
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let whole = article_of(&refs);
    let section_4 = refs.iter().position(|b| *b == "## Section 4").unwrap();
    let mut first: Vec<String> = blocks[..section_4].to_vec();
    let last = first.last_mut().unwrap();
    last.truncate(30);
    let refs: Vec<&str> = first.iter().map(String::as_str).collect();
    (whole, article_of(&refs))
}

fn path() -> PathBuf {
    PathBuf::from("/articles/long.md")
}

/// A model started on the beginning, as `folio long.md` starts on a large file.
fn started(beginning: Article, top: usize) -> Model {
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, (120, 24));
    let effects = update(
        &mut model,
        Msg::Beginning {
            path: path(),
            article: Box::new(beginning),
            top,
        },
    );
    assert!(
        effects.is_empty(),
        "nothing is asked of the store: {effects:?}"
    );
    model
}

fn status(model: &Model) -> String {
    let buf = frame(model);
    row(&buf, buf.area.height - 1)
}

fn opened(whole: Article) -> Msg {
    Msg::Opened {
        path: Some(path()),
        result: Ok(Box::new(whole)),
        top: 0,
        on_disk: None,
    }
}

#[test]
fn the_beginning_reads_and_searches_and_says_the_file_is_still_opening() {
    let (_, beginning) = whole_and_beginning();
    let mut model = started(beginning, 0);
    assert!(reader(&model).partial);
    let said = status(&model);
    assert!(said.contains("opening long.md…"), "{said}");
    assert!(said.contains("…%"), "{said}");
    press(&mut model, &["Space", "]", "j"]);
    assert!(reader(&model).top > 0);
    search_for(&mut model, "needle");
    assert!(reader(&model).search.matches.len() == 1);
}

#[test]
fn highlights_notes_and_the_reading_position_wait_for_the_whole_article() {
    let (_, beginning) = whole_and_beginning();
    let mut model = started(beginning, 0);
    for keys in [&["v", "h"][..], &["v", "a"], &["A"], &["E"], &["R"]] {
        let effects = press(&mut model, keys);
        assert!(effects.is_empty(), "{keys:?} asked for {effects:?}");
        let said = status(&model);
        assert!(
            said.contains("still reading the whole file"),
            "{keys:?}: {said}"
        );
        press(&mut model, &["Esc"]);
    }
    assert!(model.editor.is_none() && model.list.is_none());
    // Quitting saves no position: the beginning's offsets are not yet the whole's.
    let effects = press(&mut model, &["q"]);
    assert!(model.quit);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::SavePosition(_))),
        "{effects:?}"
    );
}

#[test]
fn the_whole_article_takes_the_place_of_its_beginning_on_the_same_text() {
    let (whole, beginning) = whole_and_beginning();
    let mut model = started(beginning, 0);
    press(&mut model, &["]", "]", "j", "j", "o"]);
    let (top, shown) = (reader(&model).top, reader(&model).outline.shown);
    let on_top = reader(&model).article.slice(top..top + 40).to_string();
    let effects = update(&mut model, opened(whole));
    let reader = reader(&model);
    assert!(!reader.partial);
    assert_eq!(reader.article.outline.len(), 12 + 1 + 2);
    assert_eq!(reader.article.slice(reader.top..reader.top + 40), on_top);
    assert_eq!(reader.outline.shown, shown);
    assert!(model.working.opening.is_none());
    assert!(
        matches!(
            effects[..],
            [Effect::LoadHighlights(_), Effect::FindDraft { .. }]
        ),
        "{effects:?}"
    );
    let said = status(&model);
    assert!(!said.contains("opening") && !said.contains("…%"), "{said}");
    // Highlighting works from now on.
    let effects = press(&mut model, &["v", "h"]);
    assert!(
        matches!(effects[..], [Effect::ChangeHighlight(..)]),
        "{effects:?}"
    );
}

#[test]
fn a_beginning_opened_where_it_was_left_stays_there_in_the_whole() {
    let (whole, beginning) = whole_and_beginning();
    let left = beginning.text.find("2.3 lorem").unwrap();
    let left = beginning.text[..left].chars().count();
    let mut model = started(beginning, left);
    assert_eq!(reader(&model).top, left);
    update(&mut model, opened(whole));
    let reader = reader(&model);
    assert!(
        reader
            .article
            .slice(reader.top..reader.article.char_len)
            .starts_with("2.3 lorem")
    );
}

#[test]
fn the_rest_failing_to_read_keeps_the_beginning_and_says_why() {
    let (_, beginning) = whole_and_beginning();
    let mut model = started(beginning, 0);
    let failed = Msg::Opened {
        path: Some(path()),
        result: Err("long.md: no such file".into()),
        top: 0,
        on_disk: None,
    };
    assert!(update(&mut model, failed).is_empty());
    assert!(reader(&model).partial);
    let said = status(&model);
    assert!(
        said.contains("no such file — showing only the beginning"),
        "{said}"
    );
}
