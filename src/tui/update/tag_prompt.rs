//! The tag prompt (`t`): on a highlight, type a tag and Enter adds it, `-tag` takes it away,
//! Tab completes from the tags used anywhere in the store, Esc cancels. The prompt is said in
//! the status line, redrawn after every key.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::highlights::Resolved;
use crate::tui::model::{Model, TagPrompt};
use crate::tui::protocol::{Effect, HighlightChange};

use super::changes::change;

/// Opens the prompt on `highlight`.
pub(super) fn open(model: &mut Model, highlight: &Resolved) {
    model.tag_prompt = Some(TagPrompt {
        id: highlight.id.clone(),
        current: highlight.tags.clone(),
        typed: String::new(),
    });
    say(model, None);
}

/// A key while the prompt is open; `None` when it is not.
pub(super) fn key(model: &mut Model, event: &KeyEvent, typed: Option<char>) -> Option<Vec<Effect>> {
    let prompt = model.tag_prompt.as_mut()?;
    match (event.code, typed) {
        (KeyCode::Esc, _) => {
            model.tag_prompt = None;
            model.message = Some("no tag changed".into());
        }
        (KeyCode::Enter, _) => return Some(enter(model)),
        (KeyCode::Backspace, _) => {
            prompt.typed.pop();
            say(model, None);
        }
        (KeyCode::Tab, _) => complete(model),
        (_, Some(c)) => {
            prompt.typed.push(c);
            say(model, None);
        }
        _ => say(model, None),
    }
    Some(Vec::new())
}

/// Enter: adds the tag typed, or takes `-tag` away; nothing typed just closes the prompt.
fn enter(model: &mut Model) -> Vec<Effect> {
    let Some(prompt) = model.tag_prompt.take() else {
        return Vec::new();
    };
    let (tag, on) = (prompt.tag().to_string(), !prompt.removing());
    if tag.is_empty() {
        return Vec::new();
    }
    if !on && !prompt.current.contains(&tag) {
        model.message = Some(format!("this highlight has no tag #{tag}"));
        return Vec::new();
    }
    model.message = Some(match on {
        true => format!("tagged #{tag}"),
        false => format!("tag #{tag} taken away"),
    });
    if on && !model.tags_known.contains(&tag) {
        model.tags_known.push(tag.clone());
        model.tags_known.sort();
    }
    change(
        model,
        HighlightChange::Tag {
            id: prompt.id,
            tag,
            on,
        },
    )
}

/// Tab: completes to the one tag that fits, else as far as all that fit agree, and lists them.
fn complete(model: &mut Model) {
    let Some(prompt) = model.tag_prompt.as_ref() else {
        return;
    };
    let candidates = prompt.candidates(&model.tags_known);
    let Some(first) = candidates.first() else {
        say(model, Some("no tag used before starts so".into()));
        return;
    };
    let common = (candidates.iter()).fold(first.to_string(), |common, c| shared_start(&common, c));
    let listed = (candidates.len() > 1).then(|| candidates.join(" "));
    let sign = if prompt.removing() { "-" } else { "" };
    if common.chars().count() >= prompt.tag().chars().count()
        && let Some(prompt) = model.tag_prompt.as_mut()
    {
        prompt.typed = format!("{sign}{common}");
    }
    say(model, listed);
}

/// The longest start `a` and `b` share, ignoring case (kept as `a` spells it).
fn shared_start(a: &str, b: &str) -> String {
    let same = (a.chars().zip(b.chars()))
        .take_while(|(x, y)| x.to_lowercase().eq(y.to_lowercase()))
        .count();
    a.chars().take(same).collect()
}

/// Puts the prompt in the status line, with `extra` (the tags Tab found) after it.
fn say(model: &mut Model, extra: Option<String>) {
    let Some(prompt) = model.tag_prompt.as_ref() else {
        return;
    };
    let now = match prompt.current.is_empty() {
        true => "no tags yet".to_string(),
        false => format!("now #{}", prompt.current.join(" #")),
    };
    let extra = extra.map(|e| format!(" · {e}")).unwrap_or_default();
    model.message = Some(format!(
        "tag: {}▏{extra} · {now} · Tab completes · Enter adds · -tag Enter removes · Esc cancels",
        prompt.typed
    ));
}
