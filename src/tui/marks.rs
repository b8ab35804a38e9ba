//! The cursor, selections and highlights in `update`: moving the caret, growing and shrinking a
//! selection, asking the driver to change highlights, the note editor's and the highlights
//! list's keys, and the mouse's selections. Pure, like the rest of `update`.

use std::ops::Range;

use ratatui::crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::annotate::{AnnotationId, Color, Resolved};
use crate::layout::{LineKind, display_width};
use crate::selection::{Unit, next_end, next_start, prev_start, snap_point, unit_at};

use super::action::Action;
use super::editor::{EditorOutcome, NoteEditor, NoteTarget};
use super::keymap::Mode;
use super::model::{Bracket, Focus, Model, NotesPanel, Reader, Selection};
use super::update::{Effect, MarkChange, keep_visible};

const NO_HIGHLIGHT: &str = "no highlight here: v selects the sentence at the cursor";

/// Carries out `action` when it is about the cursor, a selection or highlights in the reader
/// (or the highlights list); `None` leaves it to the reader's scrolling and searching.
pub fn act(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    let mode = model.mode();
    if mode == Mode::Notes {
        return Some(act_in_notes(model, action));
    }
    let height = usize::from(model.panes().text.height).max(1);
    let reader = model.reader.as_mut()?;
    let selecting = mode == Mode::Select;
    let unit = match action {
        Action::WordForward | Action::WordBack => Some(Unit::Word),
        Action::SentenceForward | Action::SentenceBack => Some(Unit::Sentence),
        Action::ParagraphForward | Action::ParagraphBack => Some(Unit::Paragraph),
        _ => None,
    };
    let forward = matches!(
        action,
        Action::WordForward | Action::SentenceForward | Action::ParagraphForward
    );
    let mut effects = Vec::new();
    match action {
        _ if unit.is_some() => {
            let unit = unit?;
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
        Action::Down | Action::Up if selecting => {
            let down = action == Action::Down;
            if let Some(selection) = reader.selection {
                let moved = line_step(reader, selection.head, down);
                let head = snap_point(&reader.article, moved, moved > selection.anchor);
                reader.selection = Some(Selection { head, ..selection });
                reader.cursor = head;
                reader.reveal(head, height);
            }
        }
        Action::SwapEnds => {
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
        Action::Close if selecting => reader.selection = None,
        Action::Select => {
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
        Action::Highlight | Action::Annotate if selecting => {
            let color = Color::Yellow;
            effects = highlight_selection(model, color, action == Action::Annotate);
        }
        Action::Color1 | Action::Color2 | Action::Color3 | Action::Color4 | Action::Color5 => {
            let color = color_of(action);
            if selecting {
                effects = highlight_selection(model, color, false);
            } else if let Some(mark) = reader.mark_at(reader.cursor) {
                let id = mark.id.clone();
                effects.push(Effect::Mark(MarkChange::Color { id, color }));
            } else {
                model.message = Some(NO_HIGHLIGHT.into());
            }
        }
        Action::Annotate => match reader.mark_at(reader.cursor) {
            Some(mark) => {
                model.editor = Some(NoteEditor::new(NoteTarget::Id(mark.id.clone()), &mark.note));
            }
            None => model.message = Some(NO_HIGHLIGHT.into()),
        },
        Action::DeleteHighlight => {
            let id = reader.mark_at(reader.cursor).map(|m| m.id.clone());
            effects = delete(model, id);
        }
        Action::Undo => effects = undo(model),
        Action::NextHighlight | Action::PrevHighlight => {
            jump_to_highlight(model, action == Action::NextHighlight, height);
        }
        Action::Notes => {
            // Right after a reload moved some, on the first of those; else at the caret.
            let review = std::mem::take(&mut reader.review_first);
            let selected = reader
                .marks
                .iter()
                .position(|m| match review {
                    true => m.status != crate::annotate::AnchorStatus::Verified,
                    false => m.range.as_ref().is_some_and(|r| r.end > reader.cursor),
                })
                .unwrap_or(0);
            model.notes = Some(NotesPanel {
                selected,
                scroll: 0,
                confirm: None,
            });
        }
        Action::Export => effects.push(Effect::Export),
        _ => return None,
    }
    Some(effects)
}

fn color_of(action: Action) -> Color {
    match action {
        Action::Color2 => Color::Green,
        Action::Color3 => Color::Blue,
        Action::Color4 => Color::Pink,
        Action::Color5 => Color::Purple,
        _ => Color::Yellow,
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
    let same = reader
        .marks
        .iter()
        .find(|m| m.range.as_ref() == Some(&range));
    if let Some(mark) = same {
        let id = mark.id.clone();
        if note {
            model.editor = Some(NoteEditor::new(NoteTarget::Id(id), &mark.note));
            model.message = Some("this passage is highlighted already: editing its note".into());
            return Vec::new();
        }
        model.message = Some("this passage is highlighted already".into());
        return match mark.color == color {
            true => Vec::new(),
            false => vec![Effect::Mark(MarkChange::Color { id, color })],
        };
    }
    if note {
        model.editor = Some(NoteEditor::new(NoteTarget::Range(range.clone()), ""));
    }
    vec![Effect::Mark(MarkChange::Add {
        range,
        color,
        note: String::new(),
    })]
}

fn delete(model: &mut Model, id: Option<AnnotationId>) -> Vec<Effect> {
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let Some(id) = id else {
        model.message = Some(NO_HIGHLIGHT.into());
        return Vec::new();
    };
    reader.deleted = Some(id.clone());
    model.message = Some("highlight deleted: u brings it back".into());
    vec![Effect::Mark(MarkChange::Delete(id))]
}

fn undo(model: &mut Model) -> Vec<Effect> {
    match model.reader.as_mut().and_then(|r| r.deleted.take()) {
        Some(id) => vec![Effect::Mark(MarkChange::Undelete(id))],
        None => {
            model.message = Some("nothing to undo".into());
            Vec::new()
        }
    }
}

fn jump_to_highlight(model: &mut Model, forward: bool, height: usize) {
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let cursor = reader.cursor;
    let starts = reader
        .marks
        .iter()
        .filter_map(|m| m.range.as_ref().map(|r| r.start));
    let target = if forward {
        starts.filter(|&s| s > cursor).min()
    } else {
        starts.filter(|&s| s < cursor).max()
    };
    match target {
        Some(start) => {
            reader.cursor = start;
            reader.reveal(start, height);
        }
        None if reader.marks.iter().all(|m| m.range.is_none()) => {
            model.message = Some("no highlights in this article yet".into());
        }
        None => {
            model.message = Some(format!(
                "no highlight {} this one",
                if forward { "after" } else { "before" }
            ));
        }
    }
}

/// `]a` and `[a`: called with every key in the reader. A key after `]` or `[` that is `a`
/// turns the section jump just made into a highlight jump.
pub fn bracket_key(model: &mut Model, event: &KeyEvent) -> Option<Vec<Effect>> {
    let height = usize::from(model.panes().text.height).max(1);
    let reader = model.reader.as_mut()?;
    let bracket = reader.bracket.take()?;
    if event.code != ratatui::crossterm::event::KeyCode::Char('a') || !event.modifiers.is_empty() {
        return None;
    }
    reader.top = bracket.top;
    reader.cursor = bracket.cursor;
    model.message = None;
    jump_to_highlight(model, bracket.forward, height);
    Some(Vec::new())
}

/// Remembers a section jump made by a key, in case `a` follows.
pub fn note_bracket(model: &mut Model, action: Action, top: usize, cursor: usize) {
    if let Some(reader) = model.reader.as_mut()
        && matches!(action, Action::NextSection | Action::PrevSection)
    {
        reader.bracket = Some(Bracket {
            forward: action == Action::NextSection,
            top,
            cursor,
        });
    }
}

fn act_in_notes(model: &mut Model, action: Action) -> Vec<Effect> {
    let rows = notes_rows(model);
    let height = usize::from(model.panes().text.height).max(1);
    let (Some(reader), Some(panel)) = (model.reader.as_mut(), model.notes.as_mut()) else {
        return Vec::new();
    };
    let last = reader.marks.len().saturating_sub(1);
    let at = panel.selected;
    panel.selected = match action {
        Action::Down => at + 1,
        Action::Up => at.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => at + rows,
        Action::PageUp | Action::HalfPageUp => at.saturating_sub(rows),
        Action::Top => 0,
        Action::Bottom => last,
        _ => at,
    }
    .min(last);
    panel.scroll = keep_visible(panel.scroll, panel.selected, rows);
    let chosen = reader.marks.get(panel.selected).cloned();
    match action {
        Action::Quit => model.quit = true,
        Action::Help => model.help = Some(0),
        Action::Close | Action::Back | Action::Notes => model.notes = None,
        Action::Export => return vec![Effect::Export],
        Action::Open => match chosen.as_ref().and_then(|m| m.range.clone()) {
            Some(range) => {
                reader.cursor = range.start;
                reader.reveal(range.start, height);
                model.notes = None;
            }
            None if chosen.is_some() => {
                model.message = Some(
                    "this highlight's text is no longer in the article (an orphan): it is kept \
                     and exported, but cannot be shown"
                        .into(),
                );
            }
            None => {}
        },
        // A note is the user's own writing: deleting it is asked first.
        Action::DeleteHighlight => match chosen {
            Some(mark) if !mark.note.trim().is_empty() => {
                panel.confirm = Some(mark.id);
                model.message = Some(DELETE_NOTE_QUESTION.into());
            }
            other => return delete(model, other.map(|m| m.id)),
        },
        Action::Undo => return undo(model),
        _ => {}
    }
    Vec::new()
}

/// What the highlights list asks before deleting a highlight with a note.
pub const DELETE_NOTE_QUESTION: &str =
    "delete this highlight and its note? y deletes it (u brings it back), any other key keeps it";

/// The answer to [`DELETE_NOTE_QUESTION`]: `y` deletes, any other key keeps the highlight and
/// is used for nothing else. `None` when no question waits.
pub fn answer_delete(model: &mut Model, typed: Option<char>) -> Option<Vec<Effect>> {
    let id = model.notes.as_mut()?.confirm.take()?;
    if typed == Some('y') {
        return Some(delete(model, Some(id)));
    }
    model.message = Some("kept the highlight and its note".into());
    Some(Vec::new())
}

/// Entries the highlights list shows at once (two rows each, inside a border).
pub fn notes_rows(model: &Model) -> usize {
    (usize::from(model.panes().body.height.saturating_sub(2)) / 2).max(1)
}

/// A key while the note editor is open.
pub fn editor_key(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let Some(editor) = model.editor.as_mut() else {
        return Vec::new();
    };
    match editor.key(event) {
        EditorOutcome::Editing => Vec::new(),
        EditorOutcome::External(text) => vec![Effect::EditExternally(text)],
        EditorOutcome::Discard => {
            model.editor = None;
            Vec::new()
        }
        EditorOutcome::Save(note) => {
            let Some(editor) = model.editor.take() else {
                return Vec::new();
            };
            if note == editor.original {
                return Vec::new();
            }
            let marks = model.reader.as_ref().map_or(&[][..], |r| &r.marks[..]);
            vec![Effect::Mark(note_change(marks, editor, note))]
        }
    }
}

/// The change that gives the highlight the editor is on the note `note`, saved over the text
/// the editor started from.
fn note_change(marks: &[Resolved], editor: NoteEditor, note: String) -> MarkChange {
    let seen = editor.original;
    match editor.target {
        NoteTarget::Id(id) => MarkChange::Note { id, note, seen },
        NoteTarget::Range(range) => {
            match marks.iter().find(|m| m.range.as_ref() == Some(&range)) {
                Some(mark) => MarkChange::Note {
                    id: mark.id.clone(),
                    note,
                    seen,
                },
                // The highlight never made it, not even into memory: make it with its note.
                None => MarkChange::Add {
                    range,
                    color: Color::Yellow,
                    note,
                },
            }
        }
    }
}

/// After the highlights were read again (another folio saved): a note editor that is open on
/// a highlight whose note changed meanwhile shows the new note if nothing was typed yet, else
/// keeps the typing and says that saving will keep both texts.
pub fn follow_store(model: &mut Model) {
    let (Some(editor), Some(reader)) = (model.editor.as_mut(), model.reader.as_ref()) else {
        return;
    };
    let NoteTarget::Id(id) = &editor.target else {
        return;
    };
    let Some(mark) = reader.marks.iter().find(|m| &m.id == id) else {
        return;
    };
    if mark.note == editor.original {
        return;
    }
    if editor.text() == editor.original {
        let draft = editor.draft.take();
        *editor = NoteEditor::new(editor.target.clone(), &mark.note);
        editor.draft = draft;
        model.message = Some("another folio changed this note: showing its new text".into());
    } else {
        model.message = Some(
            "another folio changed this note while you edit it: Ctrl-s keeps both texts".into(),
        );
    }
}

/// The offset one display line below (or above) `offset`, at the same column.
fn line_step(reader: &Reader, offset: usize, down: bool) -> usize {
    let here = reader.layout.line_of_offset(offset);
    let Some(line) = reader.layout.line(here) else {
        return offset;
    };
    let column = display_width(reader.article.slice(line.chars.start..offset));
    let mut to = here;
    loop {
        to = if down { to + 1 } else { to.wrapping_sub(1) };
        match reader.layout.line(to) {
            None if down => return reader.article.char_len,
            None => return 0,
            Some(l) if l.kind == LineKind::Gap => continue,
            Some(_) => break,
        }
    }
    offset_at_column(reader, to, column)
}

/// The character offset shown at `column` (counted from the text's first column) of display
/// line `line`; past the end, the line's end.
fn offset_at_column(reader: &Reader, line: usize, column: usize) -> usize {
    let Some(l) = reader.layout.line(line) else {
        return reader.article.char_len;
    };
    let text = &reader.article.text[l.bytes.clone()];
    let mut used = 0;
    for (i, ch) in text.chars().enumerate() {
        let w = display_width(ch.encode_utf8(&mut [0; 4]));
        if used + w > column {
            return l.chars.start + i;
        }
        used += w;
    }
    l.chars.end
}

/// The character offset under the screen cell `(column, row)` of the text column `area`.
pub fn offset_at(reader: &Reader, area: Rect, column: u16, row: u16) -> Option<usize> {
    if row < area.y || row >= area.y + area.height {
        return None;
    }
    let line = reader.top_line() + usize::from(row - area.y);
    let l = reader.layout.line(line)?;
    let lead = usize::from(l.indent) + if l.quote { 2 } else { 0 };
    let column = usize::from(column.saturating_sub(area.x)).saturating_sub(lead);
    Some(offset_at_column(reader, line, column))
}

/// A left click `count` times in a row (2: a word, 3: a paragraph) in the text.
pub fn click(model: &mut Model, column: u16, row: u16, count: u8) {
    let area = model.panes().text;
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    let Some(offset) = offset_at(reader, area, column, row) else {
        return;
    };
    reader.focus = Focus::Reader;
    let unit = match count {
        1 => {
            reader.cursor = offset;
            reader.selection = None;
            reader.pressed = Some(offset);
            return;
        }
        2 => Unit::Word,
        _ => Unit::Paragraph,
    };
    let range: Range<usize> = unit_at(&reader.article, unit, offset);
    if !range.is_empty() {
        reader.selection = Some(Selection {
            anchor: range.start,
            head: range.end,
        });
        reader.cursor = range.end;
    }
}

/// Dragging with the left button selects from where it was pressed, in whole words.
pub fn drag(model: &mut Model, mouse: MouseEvent) {
    let area = model.panes().text;
    let Some(reader) = model.reader.as_mut() else {
        return;
    };
    match mouse.kind {
        MouseEventKind::Drag(MouseButton::Left) => {
            let Some(from) = reader.pressed else {
                return;
            };
            let row = mouse
                .row
                .clamp(area.y, area.y + area.height.saturating_sub(1));
            let Some(to) = offset_at(reader, area, mouse.column, row) else {
                return;
            };
            let forward = to >= from;
            let anchor = snap_point(&reader.article, from, !forward);
            let head = snap_point(&reader.article, to, forward);
            reader.selection = (anchor != head).then_some(Selection { anchor, head });
            reader.cursor = head;
        }
        _ => reader.pressed = None,
    }
}
