//! Searching an open article: the query typed with matches following each keystroke, and
//! stepping through the matches.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::search::{Haystack, Query};
use crate::tui::model::{Model, Reader};

use crate::tui::protocol::Effect;

use super::view::follow_outline;

/// Keys while a search query is being typed: the matches follow every keystroke.
pub(super) fn input(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let height = usize::from(model.panes().text.height);
    let Some(reader) = model.reader.as_mut() else {
        return Vec::new();
    };
    let Some((mut text, origin)) = reader.search.input.take() else {
        return Vec::new();
    };
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Esc => {
            reader.top = origin;
            clear_search(reader);
            return Vec::new();
        }
        KeyCode::Char('c') if ctrl => {
            model.quit = true;
            return Vec::new();
        }
        KeyCode::Enter => {
            // The match the search settled on is where the reader goes: folded furniture
            // there unfolds now (not for every match passed while typing).
            if let Some(&start) = reader
                .search
                .current
                .and_then(|i| reader.search.matches.get(i))
                .map(|m| &m.start)
            {
                reader.reveal(start, height);
            }
            if !text.is_empty() && reader.search.matches.is_empty() {
                model.message = Some(match Query::parse(&text) {
                    Err(error) => error,
                    Ok(_) => format!("not found: {text}"),
                });
            }
            return Vec::new();
        }
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Char(c) if !ctrl => text.push(c),
        _ => {}
    }
    run_search(reader, &text, origin, height);
    reader.search.input = Some((text, origin));
    follow_outline(model);
    Vec::new()
}

/// Finds every match of `query` and moves to the first one at or after `origin`, or searching
/// backward, to the last one before where the search started.
fn run_search(reader: &mut Reader, query: &str, origin: usize, height: usize) {
    let haystack = reader
        .search
        .haystack
        .get_or_insert_with(|| Haystack::new(&reader.article.text));
    // A regular expression still being typed may not parse yet: no matches until it does.
    reader.search.matches = Query::parse(query)
        .map(|q| haystack.find(&reader.article.text, &q))
        .unwrap_or_default();
    reader.search.query = query.to_string();
    let matches = &reader.search.matches;
    if matches.is_empty() {
        reader.search.current = None;
        reader.top = origin;
        return;
    }
    let first = if reader.search.backward {
        let after = matches.partition_point(|m| m.start < reader.search.from);
        after.checked_sub(1).unwrap_or(matches.len() - 1)
    } else {
        matches.partition_point(|m| m.start < origin) % matches.len()
    };
    reader.search.current = Some(first);
    reader.top = origin;
    reader.cursor = matches[first].start;
    reader.peek(matches[first].start, height);
}

pub(super) fn clear_search(reader: &mut Reader) {
    reader.search.input = None;
    reader.search.backward = false;
    reader.search.query.clear();
    reader.search.matches.clear();
    reader.search.current = None;
}

/// Moves to the next or previous search match, wrapping around; returns a note for the
/// status line when there is something to say.
pub(super) fn step_match(reader: &mut Reader, forward: bool, height: usize) -> Option<String> {
    let count = reader.search.matches.len();
    if count == 0 {
        return Some(if reader.search.query.is_empty() {
            "no search yet: press / to search".into()
        } else {
            format!("not found: {}", reader.search.query)
        });
    }
    let (next, wrapped) = match reader.search.current {
        Some(i) if forward => ((i + 1) % count, i + 1 == count),
        Some(i) => ((i + count - 1) % count, i == 0),
        None => (0, false),
    };
    reader.search.current = Some(next);
    reader.cursor = reader.search.matches[next].start;
    reader.reveal(reader.search.matches[next].start, height);
    wrapped.then(|| {
        if forward {
            "search wrapped to the top".into()
        } else {
            "search wrapped to the bottom".into()
        }
    })
}
