//! Links in the reader pane made clickable (OSC 8), laid over a drawn frame. A ratatui cell
//! cannot carry a hyperlink, and the backend moves the cursor between runs of cells, so each
//! cell of a link's text gets its own complete sequence (open, the character, close) and a
//! forced width, so that the diff still counts its columns; cells of one link share an id,
//! which makes the terminal treat them, across wrapped rows too, as one link. No sequence is
//! left open between cells, whatever the diff writes.

use std::num::NonZeroU16;
use std::ops::Range;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use crate::article::{Article, Style};
use crate::layout::{Line, LineKind, QUOTE_BAR_WIDTH, display_width};
use crate::tui::hyperlink;
use crate::tui::model::Model;

/// Wraps the cells of every web link shown in the reader pane in an OSC 8 hyperlink. Nothing
/// is marked while a list, editor, prompt or help covers the text. Call it after
/// [`super::draw`], which takes escape characters out of every cell.
pub fn mark(model: &Model, buf: &mut Buffer) {
    let Some(reader) = &model.reader else {
        return;
    };
    let covered = model.list.is_some()
        || model.editor.is_some()
        || model.links.is_some()
        || model.help.is_some()
        || model.quit_prompt.is_some();
    let panes = model.panes();
    if covered || panes.too_small {
        return;
    }
    let area = panes.text.intersection(buf.area);
    let top = reader.top_line();
    let shown = reader.layout.lines(top..top + usize::from(area.height));
    for (row, line) in shown.iter().enumerate() {
        if line.kind != LineKind::Text {
            continue;
        }
        let links = reader.article.spans_in(line.chars.clone());
        for span in links.filter(|s| s.style == Style::Link) {
            let target = span.target.as_deref().unwrap_or_default();
            if let Some(open) = hyperlink::open(target, span.chars.start) {
                let row = Rect::new(area.x, area.y + row as u16, area.width, 1);
                mark_run(buf, row, &reader.article, line, span.chars.clone(), &open);
            }
        }
    }
}

/// Wraps the cells of `line` (drawn in `row`) whose characters are in `link`.
fn mark_run(
    buf: &mut Buffer,
    row: Rect,
    article: &Article,
    line: &Line,
    link: Range<usize>,
    open: &str,
) {
    let bar = if line.quote { QUOTE_BAR_WIDTH } else { 0 };
    let mut x = row.x + line.indent + bar as u16;
    let mut offset = line.chars.start;
    for grapheme in article.text[line.bytes.clone()].graphemes(true) {
        let width = display_width(grapheme) as u16;
        if x + width > row.right() {
            break;
        }
        let cell = &mut buf[(x, row.y)];
        // Only a cell that shows the character is marked (an overlay never is).
        if link.contains(&offset)
            && cell.symbol() == grapheme
            && let Some(width) = NonZeroU16::new(width)
        {
            cell.set_symbol(&format!("{open}{grapheme}{}", hyperlink::CLOSE))
                .set_diff_option(CellDiffOption::ForcedWidth(width));
        }
        x += width;
        offset += grapheme.chars().count();
    }
}
