//! An export that would overwrite what the user wrote: the reader asks, in the status line,
//! whether to replace it (keeping theirs as `.bak`) or write a new file beside it.

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::tui::model::Model;
use crate::tui::protocol::{Effect, ExportChoice, Shared};

/// Asks what to do with the export at `path`, which the user edited (`why`).
pub(super) fn ask(model: &mut Model, path: &Path, why: &str) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    model.message = Some(format!(
        "{name}: {why} — o overwrite (yours kept as .bak) · n new file beside it · Esc cancel"
    ));
    model.export_prompt = Some(path.to_path_buf());
}

/// The key pressed while the question was open (it is closed by then): `o` or `y`
/// overwrites, `n` or `w` writes alongside, anything else cancels.
pub(super) fn answer(model: &mut Model, event: &KeyEvent) -> Vec<Effect> {
    let choice = match event.code {
        KeyCode::Char('o' | 'y') => ExportChoice::Overwrite,
        KeyCode::Char('n' | 'w') => ExportChoice::Alongside,
        _ => {
            model.message = Some("not exported: the earlier export is left as it was".into());
            return Vec::new();
        }
    };
    let Some(reader) = model.reader.as_ref() else {
        return Vec::new();
    };
    model.working.exporting = Some(reader.highlights.len());
    vec![Effect::Export {
        article: Shared(reader.article.clone()),
        choice: Some(choice),
    }]
}
