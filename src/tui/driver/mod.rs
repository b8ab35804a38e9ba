//! The driver: sets the terminal up (and always puts it back: on quit, error, panic and
//! SIGTERM/SIGHUP/SIGINT), feeds key, mouse, resize and signal events to `update`, runs the
//! effects it asks for on worker threads (the store worker, article readers, the file
//! watcher) and feeds their answers back, and draws. All IO of the reader happens here.

use std::io::{self, Write};
use std::path::PathBuf;

use ratatui::crossterm::event::Event;

use super::keymap::Keymap;
use super::model::Library;
use super::protocol::{Msg, OnDisk};
use super::ui::theme::Theme;
use crate::article::Article;
use crate::reading::ReadingState;
use terminal::{enter, install_panic_hook, leave};

mod effects;
mod event_loop;
mod external;
mod inputs;
mod open;
pub mod store;
mod terminal;
pub mod watch;

/// What to show first.
pub enum Start {
    /// One article, already loaded; it opens where it was left. `on_disk` is its file as it
    /// was just before it was read, to notice changes made to it later. `path` is `None` for
    /// an article read from standard input (its position is kept by its text).
    Article {
        article: Box<Article>,
        path: Option<PathBuf>,
        on_disk: Option<OnDisk>,
    },
    /// The beginning of a large article, shown while the whole is read from `path` (and then
    /// shown in its place, on the same text); `top` is where it was left.
    Beginning {
        article: Box<Article>,
        path: PathBuf,
        top: usize,
    },
    /// A list of articles to choose from.
    Library(Library),
}

/// Settings from the environment and the config file, and the saved reading positions.
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    /// Whether links are sent to the terminal as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    pub column_width: u16,
    pub show_outline: bool,
    /// Each role's letter and colour (`[roles]`).
    pub roles: crate::highlights::RolePalette,
    /// What the reader does with page furniture at first.
    pub furniture: crate::layout::Furniture,
    pub positions: ReadingState,
    /// Something to tell the user on the first screen (a config warning, say).
    pub notice: Option<String>,
    /// The highlights file.
    pub annotations: PathBuf,
    /// Where `E` writes Markdown exports.
    pub export_dir: PathBuf,
    /// Where notes being written when folio is stopped are kept.
    pub drafts: PathBuf,
}

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Ended by this signal; the caller should exit with 128 + its number.
    Signal(i32),
}

/// Everything the loop waits for, on one channel.
pub enum Input {
    Terminal(Event),
    Signal(i32),
    Failed(io::Error),
    /// The store worker's answer to one effect (possibly nothing to say).
    Answered(Vec<Msg>),
    /// A worker's message that answers no effect of the store worker's: an article read,
    /// the file changed, another folio saved, a wait for the lock.
    Worker(Box<Msg>),
    /// The store worker stopped; what it could not save, written out as the last resort.
    Finished(Option<String>),
}

/// Runs the reader until the user quits or a signal arrives. What the session has to say
/// about where unsaved work went is printed once the terminal is restored.
pub fn run(start: Start, settings: Settings) -> io::Result<Ending> {
    install_panic_hook();
    let mut terminal = enter()?;
    let mut farewell = Vec::new();
    let result = event_loop::run(&mut terminal, start, settings, &mut farewell);
    leave();
    // After SIGHUP the terminal may be gone: a failed write must not turn into a panic.
    let mut stderr = io::stderr();
    for line in farewell {
        // Notes and paths are the user's text: nothing in them may act on the terminal.
        let line = crate::article::sanitize::strip_controls(&line);
        let _ = writeln!(stderr, "folio: {line}");
    }
    result
}
