//! Issue 18, item 5: the notes list (`A`) switched to the whole library with `w`, filtered
//! as typed (CJK included), and Enter on another article's note opening it at that note.

use std::path::PathBuf;

use super::highlights::{give_highlights, highlight_on};
use super::roles::{model, screen};
use super::*;
use crate::highlights::{HighlightId, Role};
use crate::tui::model::Scope;
use crate::tui::protocol::{Effect, LibraryNote};

const OTHER: &str = "开头一句。小红书成了新的去处，用户纷纷涌入。最后一句。";

fn note(id: &str, title: &str, path: &str, quote: &str, role: Option<Role>) -> LibraryNote {
    LibraryNote {
        id: HighlightId(id.into()),
        title: title.into(),
        path: Some(PathBuf::from(path)),
        quote: quote.into(),
        note: String::new(),
        tags: Vec::new(),
        role,
    }
}

/// The store's answer: this article's note and two of other articles.
fn library() -> Vec<LibraryNote> {
    vec![
        note("H1", "Title", "/here.md", "known as the target", None),
        note(
            "H2",
            "Exodus",
            "/other.md",
            "小红书成了新的去处",
            Some(Role::Claim),
        ),
        note("H3", "Memo", "/memo.md", "Nothing to see", None),
    ]
}

#[test]
fn issue18_w_lists_the_whole_library_and_the_filter_finds_a_chinese_quote() {
    let mut m = model();
    press(&mut m, &["A"]);
    assert!(screen(&m).contains("w whole library"), "{}", screen(&m));
    assert_eq!(press(&mut m, &["w"]), vec![Effect::LoadLibraryNotes]);
    assert!(screen(&m).contains("reading the whole library"));
    update(&mut m, Msg::LibraryNotes(Ok(library())));
    let shown = screen(&m);
    assert!(
        shown.contains("3 of 3 highlights in the library"),
        "{shown}"
    );
    assert!(
        shown.contains("Exodus · claim · 小红书成了新的去处"),
        "{shown}"
    );
    assert!(shown.contains("Memo · Nothing to see"), "{shown}");
    // `w` again: this article's highlights; and back to the library's.
    assert_eq!(press(&mut m, &["w"]), Vec::new());
    assert_eq!(m.list.as_ref().map(|l| &l.scope), Some(&Scope::Article));
    assert!(screen(&m).contains("1 highlight · Enter go to"));
    assert_eq!(press(&mut m, &["w"]), vec![Effect::LoadLibraryNotes]);
    update(&mut m, Msg::LibraryNotes(Ok(library())));
    press(&mut m, &["/"]);
    type_text(&mut m, "小红书");
    let shown = screen(&m);
    assert!(shown.contains("1 of 3 highlights"), "{shown}");
    assert!(shown.contains("小红书成了新的去处"), "{shown}");
    assert!(!shown.contains("Nothing to see"), "{shown}");
    // Width and case do not matter: ＮＯＴＨＩＮＧ finds "Nothing".
    press(&mut m, &["Esc", "/"]);
    type_text(&mut m, "ＮＯＴＨＩＮＧ");
    assert!(screen(&m).contains("Memo · Nothing to see"));
    assert!(!screen(&m).contains("小红书"));
}

#[test]
fn issue18_enter_on_another_articles_note_opens_it_at_that_note() {
    let mut m = model();
    press(&mut m, &["A", "w"]);
    update(&mut m, Msg::LibraryNotes(Ok(library())));
    press(&mut m, &["/"]);
    type_text(&mut m, "小红书");
    // Enter ends the filter's typing and opens the chosen note.
    let effects = press(&mut m, &["Enter"]);
    let other = PathBuf::from("/other.md");
    assert!(matches!(&effects[..], [Effect::SavePosition(_), Effect::Open(p)] if *p == other));
    assert!(m.list.is_none());
    let article = article_of(&["# Exodus", OTHER, "more text", "and more", "and more"]);
    let opened = Msg::Opened {
        path: Some(other),
        result: Ok(Box::new(article)),
        top: 0,
        on_disk: None,
    };
    update(&mut m, opened);
    let h = highlight_on(&m, "H2", "小红书成了新的去处", "");
    let start = h.range.clone().expect("anchored").start;
    give_highlights(&mut m, vec![h]);
    assert_eq!(reader(&m).cursor, start);
    assert!(m.jump.is_none());
}

#[test]
fn issue18_enter_on_a_note_of_this_article_goes_there_without_opening() {
    let mut m = model();
    press(&mut m, &["A", "w"]);
    update(&mut m, Msg::LibraryNotes(Ok(library())));
    assert_eq!(press(&mut m, &["Enter"]), Vec::new());
    let target = reader(&m).highlights[0].range.clone().expect("anchored");
    assert_eq!(reader(&m).cursor, target.start);
    assert!(m.list.is_none());
}
