//! What every mode shares about the view: the layout follows the text column's width, the
//! outline follows the reading position, the caret stays on screen, and an article read is
//! put on screen.

use std::path::PathBuf;

use crate::article::Article;
use crate::tui::model::list::keep_visible;
use crate::tui::model::{Focus, Model, Reader};
use crate::tui::protocol::OnDisk;

/// Keeps the caret on screen. After a resize a selection being made stays as it is and the
/// view follows its moving end instead; otherwise the caret comes to the view.
pub(super) fn keep_caret_in_view(model: &mut Model, resized: bool) {
    let height = super::text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    match reader.selection {
        Some(selection) if resized => {
            reader.reveal(selection.head, height);
            follow_outline(model);
        }
        _ => reader.keep_caret_in_view(height),
    }
}

/// Puts `article` in the reader with `top` on top (a position at the end opens on the last
/// page) and the outline `shown` or not.
pub(super) fn show_article(
    model: &mut Model,
    article: Article,
    path: Option<PathBuf>,
    top: usize,
    on_disk: Option<OnDisk>,
    shown: bool,
) {
    let width = usize::from(model.panes().text.width);
    let mut reader = Reader::new(article, path, top, width);
    reader.lay_out(width, crate::layout::Folds::new(model.furniture));
    reader.outline.shown = shown;
    reader.on_disk = on_disk;
    model.reader = Some(reader);
    fit_layout(model);
    let height = usize::from(model.panes().text.height);
    if let Some(reader) = model.reader.as_mut()
        && reader.shows_end(height)
    {
        reader.scroll_to_end(height);
    }
    follow_outline(model);
}

/// Re-wraps the article when the text column's width changed. The reading position is an
/// offset, so the same text stays on top.
pub(super) fn fit_layout(model: &mut Model) {
    let panes = model.panes();
    if let Some(reader) = model.reader.as_mut() {
        let width = usize::from(panes.text.width).max(crate::layout::MIN_WIDTH);
        if reader.layout.width != width {
            let folds = reader.folds.clone();
            reader.lay_out(width, folds);
        }
        if panes.outline.is_none() {
            reader.focus = Focus::Reader;
        }
    }
    follow_outline(model);
}

/// Keeps the outline on the section being read (or, with the outline focused, on its
/// cursor), scrolled so that entry is visible and no rows are wasted below the last entry.
pub(super) fn follow_outline(model: &mut Model) {
    let panes = model.panes();
    let rows = panes.outline.map(|r| usize::from(r.height).max(1));
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    if reader.focus == Focus::Reader {
        let current = reader
            .current_section(usize::from(panes.text.height))
            .unwrap_or(0);
        reader.outline.cursor = reader.outline.stand_in(current);
    }
    // A hidden outline keeps its scroll for when it shows again at a size known then.
    let Some(rows) = rows else {
        return;
    };
    let at = reader.outline.row_of(reader.outline.cursor);
    let scroll = keep_visible(reader.outline.scroll, at, rows);
    let most = reader.outline.visible().len().saturating_sub(rows);
    reader.outline.scroll = scroll.min(most);
}
