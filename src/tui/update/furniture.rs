//! Page furniture in the reader: `z` (or Enter or a click on a fold line) unfolds a folded run
//! of it and folds it again; `z` elsewhere turns every run at once.

use crate::article::BlockKind;
use crate::layout::{Furniture, LineKind, run_start};
use crate::tui::action::Action;
use crate::tui::model::{Model, Reader};

use crate::tui::protocol::Effect;

/// Whether `action` opens or closes furniture here: `z` always, Enter (which otherwise
/// annotates) only with the caret on a fold line and nothing selected.
pub(super) fn wants(model: &Model, action: Action) -> bool {
    match action {
        Action::ToggleFurniture => true,
        Action::Annotate => model
            .reader
            .as_ref()
            .is_some_and(|r| r.selection.is_none() && on_fold_line(r, r.cursor)),
        _ => false,
    }
}

/// Whether character `offset` is shown as a fold line.
fn on_fold_line(reader: &Reader, offset: usize) -> bool {
    let line = reader.layout.line_of_offset(offset);
    reader
        .layout
        .line(line)
        .is_some_and(|l| matches!(l.kind, LineKind::Fold { .. }))
}

/// Turns the run of furniture at the caret the other way, or every run when the caret is on
/// none; says what happened.
pub(super) fn toggle(model: &mut Model) -> Vec<Effect> {
    let height = usize::from(model.panes().text.height).max(1);
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    if !reader
        .article
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Chrome)
    {
        model.message = Some("this article has no page furniture to fold".into());
        return Vec::new();
    }
    let here = reader
        .layout
        .block_of(reader.cursor)
        .and_then(|b| run_start(&reader.article, b));
    let mut folds = reader.folds.clone();
    let opened = match here {
        Some(head) => {
            folds.toggle(head);
            folds.is_open(head)
        }
        None => {
            folds.toggle_all(&reader.article);
            folds.flipped.is_empty() == (folds.mode == Furniture::Show)
        }
    };
    if let Some(head) = here {
        // The caret stays on the run: on its first line, which is the fold line once folded.
        reader.cursor = reader.article.blocks[head].chars.start;
    }
    let width = reader.layout.width;
    // A view that showed the article's end still does, so what unfolded there is in sight.
    let at_end = reader.top > 0 && reader.shows_end(height);
    reader.lay_out(width, folds);
    if at_end {
        reader.scroll_to_end(height);
    }
    reader.keep_caret_in_view(height);
    let what = if here.is_some() { "" } else { "all " };
    model.message = Some(if opened {
        format!("{what}page furniture unfolded: z folds it again")
    } else {
        format!("{what}page furniture folded: z unfolds it")
    });
    Vec::new()
}

/// A click on a fold line at pane row `row` (counted from the pane's top) toggles its run;
/// false when the row shows something else.
pub(super) fn click(model: &mut Model, row: usize) -> bool {
    let Some(reader) = model.reader.as_mut() else {
        return false;
    };
    let line = reader.layout.line(reader.top_line() + row);
    let Some(start) = line
        .filter(|l| matches!(l.kind, LineKind::Fold { .. }))
        .map(|l| l.chars.start)
    else {
        return false;
    };
    reader.cursor = start;
    reader.selection = None;
    toggle(model);
    true
}
