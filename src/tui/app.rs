//! The driver: sets the terminal up (and always puts it back: on quit, error, panic and
//! SIGTERM/SIGHUP), feeds key, mouse, resize and signal events to `update`, runs the effects
//! it asks for, and draws.

use std::io::{self, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::Action;
use super::keymap::Keymap;
use super::model::{Library, Model};
use super::ui;
use super::ui::theme::Theme;
use super::update::{Effect, Msg, update};
use crate::article::Article;
use crate::reading::{Position, ReadingState};

/// What to show first.
pub enum Start {
    /// One article, already loaded; it opens where it was left.
    Article { article: Article, path: PathBuf },
    /// A list of articles to choose from.
    Library(Library),
}

/// Settings from the environment and the config file, and the saved reading positions.
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub column_width: u16,
    pub show_outline: bool,
    pub positions: ReadingState,
    /// Something to tell the user on the first screen (a config warning, say).
    pub notice: Option<String>,
}

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Ended by this signal; the caller should exit with 128 + its number.
    Signal(i32),
}

/// Whether the terminal is in folio's mode (raw, alternate screen, mouse), so restoring
/// happens exactly once whichever exit path gets there first.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Bytes of text wrapped between two looks at the input while idle: small enough that a key
/// pressed meanwhile waits well under a millisecond.
const IDLE_SLICE: usize = 16 * 1024;

/// Runs the reader until the user quits or a signal arrives.
pub fn run(start: Start, settings: Settings) -> io::Result<Ending> {
    install_panic_hook();
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, start, settings);
    leave();
    result
}

enum Input {
    Terminal(Event),
    Signal(i32),
    Failed(io::Error),
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    start: Start,
    settings: Settings,
) -> io::Result<Ending> {
    let size = terminal.size()?;
    let mut model = Model::new(
        settings.keymap,
        settings.theme,
        settings.column_width,
        (size.width, size.height),
    );
    model.outline_by_default = settings.show_outline;
    let mut positions = settings.positions;
    match start {
        Start::Article { article, path } => {
            let top = saved_top(&positions, &article, &path);
            let result = Ok(Box::new(article));
            update(&mut model, Msg::Opened { path, result, top });
        }
        Start::Library(library) => model.library = Some(library),
    }
    model.message = settings.notice;
    let inputs = spawn_inputs()?;
    terminal.draw(|frame| ui::draw(frame, &model))?;
    loop {
        let Some(first) = next_input(terminal, &inputs, &model)? else {
            return Ok(Ending::Quit);
        };
        // Handle everything already waiting before drawing, so a burst of keys or resizes
        // costs one frame.
        let mut resized = false;
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            let msg = match input {
                Input::Signal(signal) => {
                    let effects = update(&mut model, Msg::Do(Action::Quit));
                    run_effects(&mut model, &mut positions, effects);
                    return Ok(Ending::Signal(signal));
                }
                Input::Failed(error) => return Err(error),
                Input::Terminal(Event::Key(key)) => Msg::Key(key),
                Input::Terminal(Event::Mouse(mouse)) => Msg::Mouse(mouse),
                Input::Terminal(Event::Resize(w, h)) => {
                    resized = true;
                    Msg::Resize(w, h)
                }
                Input::Terminal(_) => continue,
            };
            let effects = update(&mut model, msg);
            run_effects(&mut model, &mut positions, effects);
            if model.quit {
                return Ok(Ending::Quit);
            }
        }
        // A terminal that shrank and grew back between two frames has lost what was drawn
        // outside the small size, while the last frame says it is there: paint it all again.
        // (`resize` clears without asking the terminal where its cursor is, an answer the
        // input thread would swallow.)
        if resized {
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
        }
        terminal.draw(|frame| ui::draw(frame, &model))?;
    }
}

/// Waits for the next input. Meanwhile the rest of the open article is wrapped, a slice at a
/// time, and the frame is drawn again once it is all done (percent and line counts are exact
/// then). `None` when the inputs are gone.
fn next_input(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    inputs: &mpsc::Receiver<Input>,
    model: &Model,
) -> io::Result<Option<Input>> {
    loop {
        let Some(layout) = model
            .reader
            .as_ref()
            .map(|r| &r.layout)
            .filter(|l| !l.is_complete())
        else {
            return Ok(inputs.recv().ok());
        };
        match inputs.try_recv() {
            Ok(input) => return Ok(Some(input)),
            Err(TryRecvError::Disconnected) => return Ok(None),
            Err(TryRecvError::Empty) => {
                if layout.advance(IDLE_SLICE) {
                    terminal.draw(|frame| ui::draw(frame, model))?;
                }
            }
        }
    }
}

/// Runs effects, feeding their results back to `update` until none are left.
fn run_effects(model: &mut Model, positions: &mut ReadingState, mut effects: Vec<Effect>) {
    while let Some(effect) = effects.pop() {
        let msg = match effect {
            Effect::Open(path) => match Article::open(&path) {
                Ok(article) => Msg::Opened {
                    top: saved_top(positions, &article, &path),
                    path,
                    result: Ok(Box::new(article)),
                },
                Err(error) => Msg::Opened {
                    path,
                    result: Err(error.to_string()),
                    top: 0,
                },
            },
            Effect::SavePosition(mark) => {
                let position = Position::new(mark.offset, mark.chars);
                match &mark.path {
                    Some(path) => positions.set_with_path(&mark.article_id, path, position),
                    None => positions.set(&mark.article_id, position),
                }
                match positions.save() {
                    Ok(()) => continue,
                    Err(error) => Msg::Notice(error.to_string()),
                }
            }
        };
        effects.extend(update(model, msg));
    }
}

/// Where to reopen an article: where it was left, or (when the file's text changed since)
/// the same fraction of the way through.
fn saved_top(positions: &ReadingState, article: &Article, path: &Path) -> usize {
    let Some(saved) = positions.find(&article.id, Some(path)) else {
        return 0;
    };
    if saved.chars == article.char_len || saved.chars == 0 {
        return saved.offset.min(article.char_len);
    }
    let scaled = saved.offset as u128 * article.char_len as u128 / saved.chars as u128;
    usize::try_from(scaled).map_or(0, |o| o.min(article.char_len))
}

/// Terminal events and signals, both delivered on one channel so the loop blocks in one place.
fn spawn_inputs() -> io::Result<mpsc::Receiver<Input>> {
    let (sender, receiver) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    let to_loop = sender.clone();
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = to_loop.send(Input::Signal(signal));
        }
    });
    thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(event) => Input::Terminal(event),
                Err(error) => Input::Failed(error),
            };
            let failed = matches!(input, Input::Failed(_));
            if sender.send(input).is_err() || failed {
                break;
            }
        }
    });
    Ok(receiver)
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    if let Err(error) = execute!(
        stdout,
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    ) {
        leave();
        return Err(error);
    }
    let terminal = Terminal::new(CrosstermBackend::new(stdout));
    if terminal.is_err() {
        leave();
    }
    terminal
}

/// Puts the terminal back as it was; does nothing when it already is.
fn leave() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut stdout = io::stdout();
        let _ = execute!(
            stdout,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
        let _ = stdout.flush();
    }
}

/// On a panic: restore the terminal first (or the report would be lost on the alternate
/// screen), then let the previous hook print the report, then say what to do.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let was_active = ACTIVE.load(Ordering::SeqCst);
            leave();
            previous(info);
            if was_active {
                eprintln!(
                    "folio crashed and restored the terminal. Please report the message above \
                     with the file you were reading."
                );
            }
        }));
    });
}
