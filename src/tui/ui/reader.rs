//! The reader pane: the visible display lines of the article, styled by block kind, with the
//! frame's paints (search matches) laid over them. Work is proportional to the pane's size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use std::ops::Range;

use super::paint::{is_flagged, paints};
use super::table::table_spans;
use super::theme::Theme;
use crate::article::BlockKind;
use crate::layout::{CONTINUATION_MARK, LineKind, continues, fold_label};
use crate::syntax;
use crate::tui::geometry::Panes;
use crate::tui::model::{Focus, Reader};

/// Draws the text column of an open article.
pub struct ReaderPane<'a> {
    pub reader: &'a Reader,
    pub theme: &'a Theme,
}

impl Widget for &ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let reader = self.reader;
        let top = reader.top_line();
        // Only these lines are wrapped (their blocks, if not yet): the frame's cost is the pane's.
        let shown = reader.layout.lines(top..top + usize::from(area.height));
        let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
            return;
        };
        let layers = layers(reader, first.chars.start..last.chars.end, self.theme);
        for (row, line) in shown.iter().enumerate() {
            if line.kind == LineKind::Gap {
                continue;
            }
            let y = area.y + row as u16;
            if let LineKind::Fold { lines } = line.kind {
                let caret = reader.focus == Focus::Reader && line.chars.contains(&reader.cursor);
                fold_line(lines, caret, self.theme)
                    .render(Rect::new(area.x, y, area.width, 1), buf);
                continue;
            }
            let kind = reader.article.blocks[line.block].kind;
            let mut spans = Vec::new();
            if line.indent > 0 {
                spans.push(Span::raw(" ".repeat(line.indent.into())));
            }
            if line.quote {
                spans.push(Span::styled("│ ", self.theme.quote_bar));
            }
            let base = self.theme.block(kind);
            if kind == BlockKind::Rule {
                let width = usize::from(area.width).min(40);
                let pad = (usize::from(area.width) - width) / 2;
                spans.push(Span::raw(" ".repeat(pad)));
                spans.push(Span::styled("─".repeat(width), base));
            } else if let Some(table) = &line.table {
                let text = &reader.article.text;
                let paint = |piece, start, style| painted(piece, start, style, &layers);
                spans.extend(table_spans(text, table, base, self.theme, paint));
            } else {
                let text = &reader.article.text[line.bytes.clone()];
                spans.extend(painted(text, line.chars.start, base, &layers));
                if continues(&reader.article, line, reader.layout.width) {
                    spans.push(Span::styled(CONTINUATION_MARK, self.theme.dim));
                }
            }
            Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
        }
    }
}

/// The dim line standing for a folded run of furniture; the caret on it shows on its mark.
fn fold_line(lines: usize, caret: bool, theme: &Theme) -> Line<'static> {
    let label = fold_label(lines);
    let style = theme.block(BlockKind::Chrome);
    let (mark, rest) = label.split_at(label.chars().next().map_or(0, char::len_utf8));
    let mark_style = if caret {
        style.patch(theme.cursor)
    } else {
        style
    };
    Line::from(vec![
        Span::styled(mark.to_string(), mark_style),
        Span::styled(rest.to_string(), style),
    ])
}

/// Marks in the column left of the text (`x`): `✎` beside the first line of a highlight with
/// a note, `?` beside one whose place is doubtful (fuzzy or review).
pub fn gutter(reader: &Reader, theme: &Theme, x: u16, area: Rect, buf: &mut Buffer) {
    let top = reader.top_line();
    let shown = reader.layout.lines(top..top + usize::from(area.height));
    let Some(first) = shown.first() else {
        return;
    };
    for highlight in &reader.highlights {
        let Some(range) = &highlight.range else {
            continue;
        };
        let flagged = is_flagged(highlight.status);
        if !flagged && highlight.note.trim().is_empty() {
            continue;
        }
        // A highlight that began above the pane is marked on its first visible row.
        let start = range.start.max(first.chars.start);
        let Some(row) = shown
            .iter()
            .position(|l| l.kind == LineKind::Text && l.chars.contains(&start))
            .filter(|_| range.end > first.chars.start)
        else {
            continue;
        };
        let symbol = if flagged { "?" } else { "✎" };
        buf[(x, area.y + row as u16)]
            .set_symbol(symbol)
            .set_style(theme.note_mark);
    }
}

/// A scrollbar at the right edge of the reader pane, where the margin leaves room for it.
pub fn scrollbar(reader: &Reader, theme: &Theme, panes: Panes, buf: &mut Buffer) {
    let body = panes.body;
    if panes.text.right() >= body.right() {
        return;
    }
    let lines = reader.layout.len();
    let rows = usize::from(body.height);
    if lines <= rows {
        return;
    }
    let mut state = ScrollbarState::new(lines.saturating_sub(rows))
        .position(reader.top_line())
        .viewport_content_length(rows);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some(" "))
        .thumb_symbol("▐")
        .thumb_style(theme.border)
        .render(body, buf, &mut state);
}

/// A character range and the style laid over it.
struct Layer {
    range: Range<usize>,
    style: Style,
}

/// What is laid over the text of `visible`, lowest first: the author's inline markup, then
/// the frame's paints. A highlight patches only colours and attributes of its own, so bold,
/// italic, crossing out and a link's underline stay visible under it.
fn layers(reader: &Reader, visible: Range<usize>, theme: &Theme) -> Vec<Layer> {
    let mut layers = code_layers(reader, visible.clone(), theme);
    let markup = reader.article.spans_in(visible.clone()).map(|s| Layer {
        range: s.chars.clone(),
        style: theme.markup(s.style),
    });
    let painted = paints(reader, visible).into_iter().map(|p| Layer {
        range: p.range,
        style: p.kind.style(theme),
    });
    layers.extend(markup.chain(painted));
    layers
}

/// Syntax colours of the code blocks in `visible` classed so far, when the theme has colours
/// (without them, the grammars are never loaded); the others are left to the idle driver.
fn code_layers(reader: &Reader, visible: Range<usize>, theme: &Theme) -> Vec<Layer> {
    let (Some(looks), false) = (theme.syntax, visible.is_empty()) else {
        return Vec::new();
    };
    let article = &reader.article;
    let blocks = article.block_at(visible.start)..=article.block_at(visible.end - 1);
    let mut layers = Vec::new();
    for index in blocks.filter(|&i| syntax::is_colourable(article, i)) {
        let Some(tokens) = reader.code_colours.shown(index) else {
            continue;
        };
        let shown = tokens
            .iter()
            .filter(|t| t.chars.start < visible.end && t.chars.end > visible.start);
        layers.extend(shown.map(|t| Layer {
            range: t.chars.clone(),
            style: looks[t.class.index()],
        }));
    }
    layers
}

/// Splits `text` (which starts at character offset `start`) into spans, each character styled
/// by its block style patched with every layer that covers it, in layer order.
fn painted<'t>(text: &'t str, start: usize, base: Style, layers: &[Layer]) -> Vec<Span<'t>> {
    let end = start + text.chars().count();
    let here: Vec<&Layer> = layers
        .iter()
        .filter(|p| p.range.start < end && p.range.end > start)
        .collect();
    if here.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let mut spans = Vec::new();
    let mut run_start = 0;
    let mut run_style = None;
    for (i, (byte, _)) in text.char_indices().enumerate() {
        let offset = start + i;
        let style = here
            .iter()
            .filter(|p| p.range.contains(&offset))
            .fold(base, |s, p| s.patch(p.style));
        if run_style != Some(style) {
            if let Some(previous) = run_style {
                spans.push(Span::styled(&text[run_start..byte], previous));
            }
            run_start = byte;
            run_style = Some(style);
        }
    }
    if let Some(style) = run_style {
        spans.push(Span::styled(&text[run_start..], style));
    }
    spans
}
