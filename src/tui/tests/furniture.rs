//! Page furniture folded in the reader (issue 13, item 4): one dim line per run, `z`, Enter
//! and a click unfold it and fold it again, and jumps into folded furniture open it.

use super::frames::{find, frame, row};
use super::*;
use crate::layout::{Folds, Furniture};
use crate::tui::protocol::Msg;

/// A page: two lines of site menu, a titled article, and comment-form furniture below.
fn page(size: (u16, u16)) -> Model {
    let mut blocks = vec![
        "~ Home News Sport",
        "~ Sign in",
        "# The ferry",
        "First words.",
    ];
    let filler: Vec<String> = (0..30)
        .map(|i| format!("Paragraph {i} of the body."))
        .collect();
    blocks.extend(filler.iter().map(String::as_str));
    blocks.extend(["~ Leave a reply", "~ Read more stories"]);
    let mut model = model_for(&blocks, size);
    let width = reader(&model).layout.width;
    model
        .reader
        .as_mut()
        .expect("a reader")
        .lay_out(width, Folds::new(Furniture::Fold));
    update(&mut model, Msg::Resize(size.0, size.1));
    model
}

fn screen_has(model: &Model, needle: &str) -> bool {
    find(&frame(model), needle).is_some()
}

#[test]
fn issue13_4_furniture_shows_as_one_dim_line_that_z_unfolds_and_folds() {
    for size in [(120, 40), (60, 15)] {
        let mut model = page(size);
        let buf = frame(&model);
        let (x, y) = find(&buf, "⋯ 2 lines of page furniture").expect("the fold line");
        assert!(!screen_has(&model, "Sign in"), "{size:?}");
        assert_eq!(
            buf[(x + 2, y)].fg,
            crate::tui::ui::theme::Theme::new(true)
                .block(crate::article::BlockKind::Chrome)
                .fg
                .unwrap_or_default()
        );
        // The caret starts on the fold line: z unfolds that run, z again folds it.
        press(&mut model, &["z"]);
        assert!(screen_has(&model, "Sign in") && screen_has(&model, "Home News Sport"));
        assert!(!screen_has(&model, "⋯ 2 lines"));
        press(&mut model, &["z"]);
        assert!(screen_has(&model, "⋯ 2 lines") && !screen_has(&model, "Sign in"));
        // Enter on the fold line unfolds it too (elsewhere Enter annotates).
        press(&mut model, &["Enter"]);
        assert!(screen_has(&model, "Sign in"), "{size:?}");
        assert!(model.editor.is_none());
    }
}

#[test]
fn issue13_4_a_click_on_a_fold_line_unfolds_it() {
    let mut model = page((120, 40));
    let (x, y) = find(&frame(&model), "⋯ 2 lines").expect("the fold line");
    update(
        &mut model,
        Msg::Click {
            column: x,
            row: y,
            count: 1,
        },
    );
    assert!(screen_has(&model, "Sign in"));
}

#[test]
fn issue13_4_z_away_from_furniture_turns_every_run() {
    let mut model = page((120, 40));
    press(&mut model, &["G"]);
    assert!(
        screen_has(&model, "⋯ 2 lines of page furniture"),
        "the last run, folded"
    );
    press(&mut model, &["z"]);
    assert!(screen_has(&model, "Read more stories"));
    assert_eq!(
        model.message.as_deref(),
        Some("all page furniture unfolded: z folds it again")
    );
    press(&mut model, &["z", "g"]);
    assert!(screen_has(&model, "⋯ 2 lines") && !screen_has(&model, "Sign in"));
}

#[test]
fn issue13_4_a_search_into_folded_furniture_unfolds_it_and_shows_the_match() {
    let mut model = page((120, 40));
    press(&mut model, &["G", "z", "z", "g"]);
    search_for(&mut model, "read more");
    let buf = frame(&model);
    assert!(
        find(&buf, "Read more stories").is_some(),
        "{}",
        (0..40).map(|y| row(&buf, y)).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn issue13_4_word_motions_stop_on_a_fold_line_then_pass_the_run() {
    let mut model = page((120, 40));
    let title = reader(&model).article.blocks[2].chars.start;
    assert_eq!(reader(&model).cursor, 0);
    press(&mut model, &["w"]);
    assert_eq!(
        reader(&model).cursor,
        title,
        "past the folded menu in one step"
    );
    press(&mut model, &["B"]);
    assert_eq!(reader(&model).cursor, 0, "back onto the fold line");
}

#[test]
fn issue13_4_typing_a_search_leaves_furniture_it_passes_folded() {
    let mut model = page((120, 40));
    // "s" first matches in the folded menu ("Sport"), "st" only in the body below it.
    press(&mut model, &["/"]);
    type_text(&mut model, "s");
    assert!(
        screen_has(&model, "⋯ 2 lines of page furniture"),
        "a match passed while typing does not unfold its run"
    );
    type_text(&mut model, "tories");
    press(&mut model, &["Enter"]);
    assert!(
        screen_has(&model, "Read more stories"),
        "the match settled on unfolds"
    );
    assert!(
        !screen_has(&model, "Sign in"),
        "the menu passed on the way stays folded"
    );
}
