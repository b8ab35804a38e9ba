//! The selection's verbs: growing and shrinking it by words, sentences, paragraphs and lines,
//! swapping its ends, highlighting it; and the caret's motions by the same units, which the
//! reader shares.

use crate::highlights::Color;
use crate::selection::{Unit, next_end, next_start, prev_start, snap_point, unit_at};
use crate::tui::action::Action;
use crate::tui::model::editor::NoteTarget;
use crate::tui::model::{Model, NoteEditor, RoleTarget, Selection};
use crate::tui::protocol::{Effect, HighlightChange};

use super::changes::{change, color_of};
use super::{reader, text_rows};

/// Carries out `action` while a selection is being made; what is not about the selection is
/// the reader's.
pub(super) fn act(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        _ if unit_of(action).is_some() => caret_motion(model, action),
        Action::Down | Action::Up => line_motion(model, action == Action::Down),
        Action::SwapEnds => swap_ends(model),
        Action::Close => {
            if let Some(reader) = model.reader.as_mut() {
                reader.selection = None;
            }
        }
        Action::Highlight => return highlight_selection(model, Color::Yellow, false),
        Action::Annotate => return highlight_selection(model, Color::Yellow, true),
        Action::Color1 | Action::Color2 | Action::Color3 | Action::Color4 | Action::Color5 => {
            return highlight_selection(model, color_of(action), false);
        }
        Action::SetRole => role_for_selection(model),
        _ => return reader::act(model, action),
    }
    Vec::new()
}

/// Opens the role picker on the selection, or on its highlight when the passage has one.
fn role_for_selection(model: &mut Model) {
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let Some(range) = reader.selected_range().filter(|r| !r.is_empty()) else {
        return;
    };
    reader.selection = None;
    reader.cursor = range.start;
    let same = (reader.highlights.iter()).find(|h| h.range.as_ref() == Some(&range));
    let target = match same {
        Some(h) => RoleTarget::Highlight(h.id.clone()),
        None => RoleTarget::Selection(range),
    };
    super::role_picker::open(model, target);
}

/// The unit a word, sentence or paragraph motion moves by.
pub(super) fn unit_of(action: Action) -> Option<Unit> {
    match action {
        Action::WordForward | Action::WordBack => Some(Unit::Word),
        Action::SentenceForward | Action::SentenceBack => Some(Unit::Sentence),
        Action::ParagraphForward | Action::ParagraphBack => Some(Unit::Paragraph),
        _ => None,
    }
}

/// Moves the caret by a word, sentence or paragraph; while selecting, the selection's moving
/// end goes with it.
pub(super) fn caret_motion(model: &mut Model, action: Action) {
    let height = text_rows(model);
    let (Some(reader), Some(unit)) = (model.reader.as_mut(), unit_of(action)) else {
        return;
    };
    let forward = matches!(
        action,
        Action::WordForward | Action::SentenceForward | Action::ParagraphForward
    );
    let article = &reader.article;
    match reader.selection.as_mut() {
        Some(selection) => {
            selection.head = if forward {
                next_end(article, unit, selection.head)
            } else {
                prev_start(article, unit, selection.head)
            };
            reader.cursor = selection.head;
        }
        None => {
            let to = if forward {
                next_start(article, unit, reader.cursor)
            } else {
                prev_start(article, unit, reader.cursor)
            };
            reader.cursor = reader.past_folds(reader.cursor, to, forward);
        }
    }
    reader.reveal(reader.cursor, height);
}

/// `v`: selects the sentence under the caret.
pub(super) fn start(model: &mut Model) {
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let sentence = unit_at(&reader.article, Unit::Sentence, reader.cursor);
    if sentence.is_empty() {
        model.message = Some("nothing to select here".into());
    } else {
        reader.selection = Some(Selection {
            anchor: sentence.start,
            head: sentence.end,
        });
        reader.cursor = sentence.end;
    }
}

/// The selection's moving end one display line down or up, in whole words.
fn line_motion(model: &mut Model, down: bool) {
    let height = text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    if let Some(selection) = reader.selection {
        let moved = reader.line_step(selection.head, down);
        let head = snap_point(&reader.article, moved, moved > selection.anchor);
        reader.selection = Some(Selection { head, ..selection });
        reader.cursor = head;
        reader.reveal(head, height);
    }
}

/// `o`: the other end of the selection moves from now on.
fn swap_ends(model: &mut Model) {
    let height = text_rows(model);
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    if let Some(s) = reader.selection {
        let swapped = Selection {
            anchor: s.head,
            head: s.anchor,
        };
        reader.selection = Some(swapped);
        reader.cursor = swapped.head;
        reader.reveal(swapped.head, height);
    }
}

/// Highlights the selection (snapped to whole words), ends it, and with `note` opens the
/// editor on the new highlight. A passage highlighted already is not highlighted again: `a`
/// edits its note, a colour recolours it.
fn highlight_selection(model: &mut Model, color: Color, note: bool) -> Vec<Effect> {
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let Some(range) = reader.selected_range() else {
        return Vec::new();
    };
    reader.selection = None;
    if range.is_empty() {
        model.message = Some("nothing selected: the selection holds no words".into());
        return Vec::new();
    }
    reader.cursor = range.start;
    let same = (reader.highlights.iter()).find(|h| h.range.as_ref() == Some(&range));
    if let Some(highlight) = same {
        let id = highlight.id.clone();
        if note {
            model.editor = Some(NoteEditor::new(NoteTarget::Id(id), &highlight.note));
            model.message = Some("this passage is highlighted already: editing its note".into());
            return Vec::new();
        }
        model.message = Some("this passage is highlighted already".into());
        return match highlight.color == color {
            true => Vec::new(),
            false => change(model, HighlightChange::Color { id, color }),
        };
    }
    if note {
        model.editor = Some(NoteEditor::new(NoteTarget::Range(range.clone()), ""));
    }
    let note = String::new();
    change(model, HighlightChange::Add { range, color, note })
}
