//! Quitting with highlight changes the store could not save: folio tries again first, and if
//! that fails asks: try again, write them to another file, or quit without them (asked once
//! more). A signal instead keeps everything (the note being written, the unsaved changes)
//! without asking, and quits.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::draft;
use crate::tui::model::{Model, QuitPrompt};
use crate::tui::protocol::{Effect, Shared, Unsaved};

/// Holds back a quit while changes are unsaved: try saving them once more, with the question
/// ready should that fail.
pub fn hold_quit(model: &mut Model, effects: &mut Vec<Effect>) {
    if !model.quit || model.unsaved.is_none() {
        return;
    }
    model.quit = false;
    model.quit_prompt.get_or_insert(QuitPrompt::Choose);
    effects.push(retry_save(model));
}

/// A key while the question is open.
pub fn prompt_key(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let default_path = model
        .unsaved
        .as_ref()
        .map(|u| u.rescue_to.display().to_string())
        .unwrap_or_default();
    let Some(prompt) = model.quit_prompt.as_mut() else {
        return Vec::new();
    };
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match prompt {
        QuitPrompt::Choose => match event.code {
            KeyCode::Char('r') => return vec![retry_save(model)],
            KeyCode::Char('s') => *prompt = QuitPrompt::SaveAs(default_path),
            KeyCode::Char('Q') => *prompt = QuitPrompt::ConfirmQuit,
            KeyCode::Esc => model.quit_prompt = None,
            _ => {}
        },
        QuitPrompt::SaveAs(path) => match event.code {
            KeyCode::Enter if !path.trim().is_empty() => {
                return vec![Effect::Rescue(Some(path.trim().into()))];
            }
            KeyCode::Esc => *prompt = QuitPrompt::Choose,
            KeyCode::Backspace => {
                path.pop();
            }
            KeyCode::Char('u') if ctrl => path.clear(),
            KeyCode::Char(c) if !ctrl => path.push(c),
            _ => {}
        },
        QuitPrompt::ConfirmQuit => match event.code {
            KeyCode::Char('y' | 'Y') => {
                model.unsaved = None;
                model.quit_prompt = None;
                model.quit = true;
            }
            _ => *prompt = QuitPrompt::Choose,
        },
    }
    Vec::new()
}

/// What the driver says after a save. Once nothing waits, a quit held back goes ahead.
pub fn on_unsaved(model: &mut Model, unsaved: Option<Unsaved>) {
    model.unsaved = unsaved;
    if model.unsaved.is_none() && model.quit_prompt.take().is_some() {
        model.quit = true;
    }
}

/// The unsaved changes were written elsewhere (then folio may quit), or not.
pub fn on_rescued(model: &mut Model, result: Result<String, String>) {
    match result {
        Ok(said) => {
            model.farewell.push(said.clone());
            model.message = Some(said);
            model.unsaved = None;
            if model.quit_prompt.take().is_some() {
                model.quit = true;
            }
        }
        // Leaving anyway (a signal): say it once the screen is gone.
        Err(why) if model.quit => model.farewell.push(why),
        Err(why) => model.message = Some(why),
    }
}

/// A signal: keep the note being written as a draft and the unsaved changes (in the store if
/// it takes them now, else in the rescue file), then quit.
pub fn stop(model: &mut Model) -> Vec<Effect> {
    model.quit = true;
    model.quit_prompt = None;
    // In this order: the draft, one more try at the store, then the rescue file.
    let mut effects: Vec<Effect> = draft::draft_of(model)
        .map(Effect::SaveDraft)
        .into_iter()
        .collect();
    if model.unsaved.is_some() {
        effects.push(retry_save(model));
    }
    effects.push(Effect::Rescue(None));
    effects
}

/// `Ctrl-s` outside the editor: try saving again now.
pub fn retry(model: &mut Model) -> Vec<Effect> {
    if model.unsaved.is_none() {
        model.message = Some("all changes to highlights and notes are saved".into());
        return Vec::new();
    }
    vec![retry_save(model)]
}

/// One more try at saving what waits, answered with the open article's highlights.
fn retry_save(model: &Model) -> Effect {
    Effect::RetrySave(model.reader.as_ref().map(|r| Shared(r.article.clone())))
}
