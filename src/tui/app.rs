//! The driver: sets the terminal up (and always puts it back: on quit, error, panic and
//! SIGTERM/SIGHUP), feeds key, mouse, resize and signal events to `update`, runs the effects
//! it asks for, and draws.

use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, mpsc};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use super::keymap::Keymap;
use super::model::{Library, Model, Reader};
use super::ui;
use super::update::{Effect, Msg, update};
use crate::article::Article;

/// What to show first.
pub enum Start {
    /// One article, already loaded, at a reading position.
    Article {
        article: Article,
        path: PathBuf,
        top: usize,
    },
    /// A list of articles to choose from.
    Library(Library),
}

/// Settings from the environment and the config file.
pub struct Settings {
    pub keymap: Keymap,
    pub color: bool,
    pub column_width: u16,
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
        settings.color,
        settings.column_width,
        (size.width, size.height),
    );
    match start {
        Start::Article { article, path, top } => {
            let width = usize::from(model.panes().text.width);
            model.reader = Some(Reader::new(article, Some(path), top, width));
            update(&mut model, Msg::Resize(size.width, size.height));
        }
        Start::Library(library) => model.library = Some(library),
    }
    let inputs = spawn_inputs()?;
    terminal.draw(|frame| ui::draw(frame, &model))?;
    loop {
        let Ok(first) = inputs.recv() else {
            return Ok(Ending::Quit);
        };
        // Handle everything already waiting before drawing, so a burst of keys or resizes
        // costs one frame.
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            let msg = match input {
                Input::Signal(signal) => return Ok(Ending::Signal(signal)),
                Input::Failed(error) => return Err(error),
                Input::Terminal(Event::Key(key)) => Msg::Key(key),
                Input::Terminal(Event::Mouse(mouse)) => Msg::Mouse(mouse),
                Input::Terminal(Event::Resize(w, h)) => Msg::Resize(w, h),
                Input::Terminal(_) => continue,
            };
            let effects = update(&mut model, msg);
            run_effects(&mut model, effects);
            if model.quit {
                return Ok(Ending::Quit);
            }
        }
        terminal.draw(|frame| ui::draw(frame, &model))?;
    }
}

/// Runs effects, feeding their results back to `update` until none are left.
fn run_effects(model: &mut Model, mut effects: Vec<Effect>) {
    while let Some(effect) = effects.pop() {
        let msg = match effect {
            Effect::Open(path) => {
                let result = Article::open(&path)
                    .map(Box::new)
                    .map_err(|e| e.to_string());
                Msg::Opened {
                    path,
                    result,
                    top: 0,
                }
            }
        };
        effects.extend(update(model, msg));
    }
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
