//! Work counted, not timed: opening an article, drawing a frame, a key press and a resize wrap
//! only about a screen of lines, however long the article is.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::layout::Layout;
use crate::tui::ui::{draw, theme::Theme};

const SIZE: (u16, u16) = (80, 24);

/// Lines wrapped beyond the screen's height: the parts of the first and last visible blocks
/// that are off screen (each paragraph here wraps to at most three lines).
const SLACK: usize = 6;

/// A model of size [`SIZE`] opened in the middle of an article of `sections` sections.
fn opened_in_the_middle(sections: usize) -> Model {
    let blocks = long_article_blocks(sections, 50);
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let article = article_of(&refs);
    let middle = article.char_len / 2;
    let keymap = Keymap::defaults().expect("default keymap parses");
    let mut model = Model::new(keymap, 80, SIZE);
    model.reader = Some(Reader::new(article, None, middle, 80));
    update(&mut model, Msg::Resize(SIZE.0, SIZE.1));
    model
}

fn draw_frame(model: &Model) {
    let mut terminal = Terminal::new(TestBackend::new(model.size.0, model.size.1)).unwrap();
    terminal
        .draw(|f| draw(f, model, &Theme::new(true)))
        .unwrap();
}

fn wrapped(model: &Model) -> usize {
    reader(model).layout.wrapped()
}

#[test]
fn the_first_frame_wraps_a_screen_whatever_the_length() {
    for sections in [2, 400] {
        let model = opened_in_the_middle(sections);
        // Opening may wrap the first screen (to know whether the end is on it), no more.
        let opened = wrapped(&model);
        assert!(
            opened <= usize::from(SIZE.1) + SLACK,
            "opening wrapped {opened} lines"
        );
        draw_frame(&model);
        let n = wrapped(&model);
        assert!(
            n > 0 && n <= usize::from(SIZE.1) + SLACK,
            "{n} lines wrapped"
        );
        assert!(!reader(&model).layout.is_complete());
    }
}

#[test]
fn keys_and_resizes_wrap_about_what_they_show() {
    let mut model = opened_in_the_middle(400);
    draw_frame(&model);
    let height = usize::from(SIZE.1);
    // Each move shows at most one new screen; `G` and `g` jump to screens never wrapped.
    for key in [
        "j", "Space", "Space", "k", "b", "]", "[", "ctrl-d", "G", "g",
    ] {
        let before = wrapped(&model);
        press(&mut model, &[key]);
        draw_frame(&model);
        let n = wrapped(&model) - before;
        assert!(n <= height + SLACK, "{key}: {n} lines wrapped");
    }
    update(&mut model, Msg::Resize(60, 20));
    draw_frame(&model);
    assert!(
        wrapped(&model) <= 20 + SLACK,
        "resize wrapped {}",
        wrapped(&model)
    );
}

#[test]
fn idle_wrapping_makes_the_layout_exact_without_moving_the_text() {
    let model = opened_in_the_middle(20);
    draw_frame(&model);
    let r = reader(&model);
    let top = r.top;
    while !r.layout.advance(4096) {}
    let complete = Layout::new(&r.article, r.layout.width);
    complete.advance(usize::MAX);
    assert_eq!(r.layout.len(), complete.len());
    assert_eq!(r.layout.line_of_offset(top), complete.line_of_offset(top));
    assert_eq!(r.top, top);
}
