//! Pure state-machine tests: keys and mouse events in, model and effects out; no terminal.

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::*;
use crate::article::Article;
use crate::layout::LineKind;
use crate::tui::model::Focus;
use crate::tui::protocol::Effect;

fn heading_at_top(model: &Model) -> Option<String> {
    let r = reader(model);
    r.article
        .outline
        .iter()
        .find(|s| s.offset == r.top)
        .map(|s| s.title.clone())
}

#[test]
fn line_and_page_keys_move_by_display_lines_and_never_rest_on_a_gap() {
    let mut model = long_model((80, 24));
    let height = usize::from(model.panes().text.height);
    for _ in 0..30 {
        press(&mut model, &["j"]);
        let r = reader(&model);
        assert_eq!(
            r.layout.line(r.top_line()).map(|l| l.kind),
            Some(LineKind::Text)
        );
    }
    let after_lines = reader(&model).top_line();
    assert!(
        after_lines >= 20,
        "30 presses of j moved only {after_lines} lines"
    );
    press(&mut model, &["k"; 40]);
    assert_eq!(reader(&model).top, 0);
    press(&mut model, &["Space"]);
    let page = reader(&model).top_line();
    assert!(
        (height - 3..=height - 1).contains(&page),
        "page moved {page} of {height}"
    );
    press(&mut model, &["b"]);
    assert_eq!(reader(&model).top, 0);
    press(&mut model, &["ctrl-d"]);
    assert!(reader(&model).top_line() >= height / 2);
    press(&mut model, &["G"]);
    let r = reader(&model);
    assert_eq!(r.top_line() + height, r.layout.len());
    assert_eq!(r.percent(height), 100);
    // Scrolling further down at the end does nothing.
    let end = r.top;
    press(&mut model, &["j", "Space"]);
    assert_eq!(reader(&model).top, end);
    press(&mut model, &["g"]);
    assert_eq!(reader(&model).top, 0);
}

#[test]
fn section_keys_walk_every_heading_in_order_and_back() {
    let mut model = long_model((120, 40));
    let titles: Vec<String> = reader(&model)
        .article
        .outline
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(titles.len(), 9);
    // The title heading is at offset 0, where the reader starts.
    for title in &titles[1..] {
        press(&mut model, &["]"]);
        assert_eq!(heading_at_top(&model).as_ref(), Some(title));
        let r = reader(&model);
        let height = usize::from(model.panes().text.height);
        assert_eq!(
            &r.article.outline[r.current_section(height).unwrap()].title,
            title
        );
    }
    press(&mut model, &["]"]);
    assert_eq!(model.message.as_deref(), Some("this is the last section"));
    press(&mut model, &["["]);
    assert_eq!(
        heading_at_top(&model).as_ref(),
        Some(&titles[titles.len() - 2])
    );
    // Inside a section, `[` goes to its own heading first.
    press(&mut model, &["j", "j", "["]);
    assert_eq!(
        heading_at_top(&model).as_ref(),
        Some(&titles[titles.len() - 2])
    );
}

#[test]
fn search_highlights_every_match_steps_and_wraps() {
    let mut model = long_model((80, 24));
    // In lower case, so any case matches (smart-case).
    search_for(&mut model, "lorem");
    let r = reader(&model);
    assert_eq!(r.search.matches.len(), 48);
    assert_eq!(r.search.current, Some(0));
    assert!(r.search.input.is_none());
    press(&mut model, &["N"]);
    assert_eq!(reader(&model).search.current, Some(47));
    assert_eq!(
        model.message.as_deref(),
        Some("search wrapped to the bottom")
    );
    let r = reader(&model);
    let line = r.layout.line_of_offset(r.search.matches[47].start);
    let height = usize::from(model.panes().text.height);
    assert!((r.top_line()..r.top_line() + height).contains(&line));
    press(&mut model, &["n"]);
    assert_eq!(reader(&model).search.current, Some(0));
    assert_eq!(model.message.as_deref(), Some("search wrapped to the top"));
    press(&mut model, &["Esc"]);
    assert!(reader(&model).search.matches.is_empty());
}

#[test]
fn search_starts_from_the_reading_position_and_esc_returns_there() {
    let mut model = long_model((80, 24));
    press(&mut model, &["]"; 6]);
    let origin = reader(&model).top;
    press(&mut model, &["/"]);
    type_text(&mut model, "needle");
    let r = reader(&model);
    // The needle sits in section 2, before the reading position: the search wraps to it.
    assert_eq!(r.search.matches.len(), 1);
    assert_ne!(r.top, origin);
    press(&mut model, &["Esc"]);
    let r = reader(&model);
    assert_eq!(r.top, origin);
    assert!(r.search.matches.is_empty() && r.search.input.is_none());
    search_for(&mut model, "zebra");
    assert_eq!(model.message.as_deref(), Some("not found: zebra"));
    assert_eq!(reader(&model).top, origin);
}

#[test]
fn resizing_keeps_the_same_text_on_top() {
    let mut model = long_model((120, 40));
    press(&mut model, &["]", "]", "]", "j", "j", "j"]);
    let top = reader(&model).top;
    let first_words = |m: &Model| {
        let r = reader(m);
        let line = r.layout.line(r.top_line()).expect("a line on top");
        r.article.text[line.bytes.clone()].to_string()
    };
    let before = first_words(&model);
    for (w, h) in [(50, 15), (20, 6), (33, 9), (120, 40)] {
        update(&mut model, Msg::Resize(w, h));
        let r = reader(&model);
        assert_eq!(r.top, top, "reading position moved at {w}x{h}");
        let line = r.layout.line(r.top_line()).expect("a line on top");
        assert!(line.chars.contains(&top) || line.chars.start == top);
    }
    assert_eq!(first_words(&model), before);
}

#[test]
fn the_outline_focuses_moves_folds_and_jumps() {
    let mut model = long_model((120, 40));
    press(&mut model, &["Tab"]);
    assert_eq!(reader(&model).focus, Focus::Outline);
    // Down to "Section 2", which holds two parts; fold it.
    press(&mut model, &["j", "j", "h"]);
    let r = reader(&model);
    assert_eq!(r.outline.cursor, 2);
    assert!(r.outline.folded().contains(&2));
    assert_eq!(r.outline.visible(), [0, 1, 2, 5, 6, 7, 8]);
    // The next entry down is now Section 3; Enter jumps there and hands focus to the text.
    press(&mut model, &["j", "Enter"]);
    assert_eq!(heading_at_top(&model).as_deref(), Some("Section 3"));
    assert_eq!(reader(&model).focus, Focus::Reader);
    // Reading inside a folded section highlights the folded entry.
    press(&mut model, &["["]);
    let r = reader(&model);
    assert_eq!(heading_at_top(&model).as_deref(), Some("Part 2b"));
    assert_eq!(r.outline.cursor, 2);
    press(&mut model, &["Tab", "l"]);
    assert!(reader(&model).outline.folded().is_empty());
    // Fold on an entry without children goes to its parent.
    press(&mut model, &["j", "h"]);
    assert_eq!(reader(&model).outline.cursor, 2);
    press(&mut model, &["Esc"]);
    assert_eq!(reader(&model).focus, Focus::Reader);
}

#[test]
fn the_outline_follows_reading_and_scrolls_to_keep_it_visible() {
    let blocks: Vec<String> = (1..=40)
        .flat_map(|i| [format!("## Heading {i}"), format!("Text {i}.")])
        .collect();
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let mut model = model_for(&refs, (80, 12));
    let rows = usize::from(model.panes().outline.unwrap().height);
    press(&mut model, &["G"]);
    let r = reader(&model);
    let current = r
        .current_section(usize::from(model.panes().text.height))
        .unwrap();
    assert_eq!(r.outline.cursor, current);
    assert!(r.outline.scroll <= current && current < r.outline.scroll + rows);
    press(&mut model, &["g"]);
    assert_eq!(reader(&model).outline.scroll, 0);
}

fn click(model: &mut Model, kind: MouseEventKind, column: u16, row: u16) {
    update(
        model,
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

#[test]
fn the_mouse_scrolls_the_pane_under_it_and_clicks_outline_entries() {
    let mut model = long_model((120, 40));
    let outline = model.panes().outline.unwrap();
    // Row 3 of the outline is its fourth entry, "Part 2a".
    click(
        &mut model,
        MouseEventKind::Down(MouseButton::Left),
        outline.x + 2,
        outline.y + 3,
    );
    assert_eq!(heading_at_top(&model).as_deref(), Some("Part 2a"));
    let top = reader(&model).top_line();
    let text = model.panes().text;
    click(
        &mut model,
        MouseEventKind::ScrollDown,
        text.x + 1,
        text.y + 1,
    );
    assert_eq!(reader(&model).top_line(), top + 3);
    // The wheel over the outline scrolls the outline, not the text (it is short here: no-op).
    click(
        &mut model,
        MouseEventKind::ScrollUp,
        outline.x + 1,
        outline.y + 1,
    );
    assert_eq!(reader(&model).top_line(), top + 3);
}

#[test]
fn tiny_and_empty_screens_never_panic() {
    let mut model = long_model((120, 40));
    for (w, h) in [(0, 0), (1, 1), (19, 5), (20, 6), (3, 40), (200, 2)] {
        update(&mut model, Msg::Resize(w, h));
        press(
            &mut model,
            &[
                "j", "Space", "G", "]", "[", "Tab", "o", "ctrl-u", "g", "/", "x", "Enter", "n",
            ],
        );
        press(&mut model, &["Esc", "?", "j", "Esc"]);
    }
    assert!(!model.quit);
}

#[test]
fn the_outline_toggles_and_hides_itself_when_narrow() {
    let mut model = long_model((120, 40));
    assert!(model.panes().outline.is_some());
    press(&mut model, &["o"]);
    assert!(model.panes().outline.is_none());
    assert_eq!(reader(&model).layout.width, 80);
    press(&mut model, &["o"]);
    update(&mut model, Msg::Resize(59, 20));
    assert!(model.panes().outline.is_none());
    press(&mut model, &["Tab"]);
    assert_eq!(reader(&model).focus, Focus::Reader);
    assert!(model.message.as_deref().unwrap().contains("60 columns"));
    let mut bare = model_for(&["Just a paragraph."], (120, 40));
    assert!(bare.panes().outline.is_none(), "no headings, no outline");
    press(&mut bare, &["o"]);
    assert!(bare.message.as_deref().unwrap().contains("no headings"));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut model = long_model((80, 24));
    press(&mut model, &["?"]);
    assert_eq!(model.help, Some(0));
    press(&mut model, &["j", "j"]);
    assert_eq!(model.help, Some(2));
    // Keys other than scrolling do not reach the reader underneath.
    press(&mut model, &["]"]);
    assert_eq!(reader(&model).top, 0);
    press(&mut model, &["q"]);
    assert_eq!(model.help, None);
    assert!(!model.quit);
    press(&mut model, &["q"]);
    assert!(model.quit);
}

#[test]
fn the_library_filters_as_you_type_and_opens_the_choice() {
    let mut model = library_model();
    type_text(&mut model, "/tk");
    let library = model.library.as_ref().unwrap();
    assert_eq!(library.shown, vec![1]);
    press(&mut model, &["Backspace"]);
    let library = model.library.as_ref().unwrap();
    assert_eq!(library.shown.first(), Some(&1), "a word start ranks first");
    let effects = press(&mut model, &["Enter"]);
    assert_eq!(
        effects,
        vec![Effect::Open("/articles/TikTok exodus.md".into())]
    );
    // Esc clears the filter, then quits.
    press(&mut model, &["Esc"]);
    assert_eq!(model.library.as_ref().unwrap().shown.len(), 3);
    assert!(!model.quit);
    press(&mut model, &["Esc"]);
    assert!(model.quit);
}

#[test]
fn issue15_3_the_library_moves_and_quits_with_the_keys_its_help_names() {
    let mut model = library_model();
    press(&mut model, &["j", "j"]);
    assert_eq!(model.library.as_ref().unwrap().cursor.selected, 2);
    press(&mut model, &["k"]);
    assert_eq!(model.library.as_ref().unwrap().cursor.selected, 1);
    press(&mut model, &["g"]);
    assert_eq!(model.library.as_ref().unwrap().cursor.selected, 0);
    press(&mut model, &["?"]);
    assert_eq!(model.help, Some(0));
    press(&mut model, &["q"]);
    assert_eq!(model.help, None);
    assert_eq!(
        model.library.as_ref().unwrap().filter,
        "",
        "no key typed into it"
    );
    // `/` types a filter, letters and all; the arrows still choose; Esc gives the keys back.
    type_text(&mut model, "/tjq");
    assert_eq!(model.library.as_ref().unwrap().filter, "tjq");
    press(&mut model, &["Backspace", "Backspace", "Down"]);
    let library = model.library.as_ref().unwrap();
    assert_eq!((library.filter.as_str(), library.typing), ("t", true));
    assert_eq!(library.cursor.selected, 1);
    press(&mut model, &["Esc"]);
    let library = model.library.as_ref().unwrap();
    assert_eq!((library.filter.as_str(), library.typing), ("", false));
    press(&mut model, &["q"]);
    assert!(model.quit);
}

#[test]
fn q_in_the_reader_goes_back_to_the_library_with_the_article_first() {
    let mut model = library_model();
    press(&mut model, &["Down", "Down"]);
    let effects = press(&mut model, &["Enter"]);
    let [Effect::Open(path)] = effects.as_slice() else {
        panic!("expected one open effect, got {effects:?}");
    };
    let blocks = long_article_blocks(3, 8);
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let article = article_of(&refs);
    update(
        &mut model,
        Msg::Opened {
            path: Some(path.clone()),
            result: Ok(Box::new(article)),
            top: 0,
            on_disk: None,
        },
    );
    press(&mut model, &["G"]);
    let height = usize::from(model.panes().text.height);
    assert_eq!(reader(&model).percent(height), 100, "read to the end");
    press(&mut model, &["g", "Space"]);
    let percent = reader(&model).percent(height);
    let top = reader(&model).top;
    assert!((1..100).contains(&percent), "{percent}");
    let effects = press(&mut model, &["q"]);
    assert!(model.reader.is_none() && !model.quit);
    let library = model.library.as_ref().unwrap();
    assert_eq!(library.entries[0].title, "Tea");
    assert_eq!(library.entries[0].progress, Some(percent));
    let [Effect::SavePosition(highlight)] = effects.as_slice() else {
        panic!("expected the position saved, got {effects:?}");
    };
    assert_eq!(
        (highlight.offset, highlight.path.as_ref()),
        (top, Some(path))
    );
}

#[test]
fn clicking_a_library_row_selects_it_and_the_header_selects_nothing() {
    let mut model = library_model();
    let body = model.panes().body;
    click(
        &mut model,
        MouseEventKind::Down(MouseButton::Left),
        3,
        body.y + 1 + 2,
    );
    assert_eq!(model.library.as_ref().unwrap().cursor.selected, 2);
    click(
        &mut model,
        MouseEventKind::Down(MouseButton::Left),
        3,
        body.y,
    );
    assert_eq!(model.library.as_ref().unwrap().cursor.selected, 2);
}

#[test]
fn an_article_saved_at_its_end_reopens_on_its_last_page() {
    let mut model = long_model((80, 24));
    let height = usize::from(model.panes().text.height);
    let article = Article::clone(&reader(&model).article);
    let end = article.char_len;
    update(
        &mut model,
        Msg::Opened {
            path: Some("/a.md".into()),
            result: Ok(Box::new(article)),
            top: end,
            on_disk: None,
        },
    );
    let r = reader(&model);
    assert_eq!(r.top_line() + height, r.layout.len());
    assert_eq!(r.bookmark_offset(height), end);
}
