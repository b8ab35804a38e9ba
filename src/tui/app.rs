//! The driver: sets the terminal up (and always puts it back: on quit, error, panic and
//! SIGTERM/SIGHUP/SIGINT), feeds key, mouse, resize and signal events to `update`, runs the
//! effects it asks for, and draws.

use std::io::{self, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::highlights::Highlights;
use super::keymap::Keymap;
use super::model::{Library, Model};
use super::terminal::{enter, enter_again, install_panic_hook, leave};
use super::ui;
use super::ui::theme::Theme;
use super::update::{Edited, Effect, Msg, update};
use super::watch::{self, OnDisk, Watcher, same_fraction};
use crate::article::Article;
use crate::drafts::Drafts;
use crate::layout::Furniture;
use crate::reading::{Position, ReadingState};

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
    /// A list of articles to choose from.
    Library(Library),
}

/// Settings from the environment and the config file, and the saved reading positions.
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub column_width: u16,
    pub show_outline: bool,
    /// What the reader does with page furniture at first.
    pub furniture: Furniture,
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

/// Two clicks closer together than this make a double click.
const MULTI_CLICK: Duration = Duration::from_millis(400);

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Ended by this signal; the caller should exit with 128 + its number.
    Signal(i32),
}

/// Set while `$EDITOR` runs, so the input thread leaves the terminal's input to it.
static PAUSED: AtomicBool = AtomicBool::new(false);

/// Bytes of text wrapped between two looks at the input while idle: small enough that a key
/// pressed meanwhile waits well under a millisecond.
const IDLE_SLICE: usize = 16 * 1024;

/// Runs the reader until the user quits or a signal arrives. What the session has to say
/// about where unsaved work went is printed once the terminal is restored.
pub fn run(start: Start, settings: Settings) -> io::Result<Ending> {
    install_panic_hook();
    let mut terminal = enter()?;
    let mut farewell = Vec::new();
    let result = event_loop(&mut terminal, start, settings, &mut farewell);
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

enum Input {
    Terminal(Event),
    Signal(i32),
    Failed(io::Error),
    /// Nothing came in time: a look at the open file is due.
    Tick,
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    start: Start,
    settings: Settings,
    farewell: &mut Vec<String>,
) -> io::Result<Ending> {
    let size = terminal.size()?;
    let mut model = Model::new(
        settings.keymap,
        settings.theme,
        settings.column_width,
        (size.width, size.height),
    );
    model.outline_by_default = settings.show_outline;
    model.furniture = settings.furniture;
    crate::annotate::on_wait(show_waiting);
    let (highlights, opening) = Highlights::open(&settings.annotations);
    let mut world = World {
        positions: settings.positions,
        highlights,
        export_dir: settings.export_dir,
        drafts: Drafts::new(settings.drafts),
    };
    let mut notices: Vec<String> = settings.notice.into_iter().chain(opening).collect();
    match start {
        Start::Article {
            article,
            path,
            on_disk,
        } => {
            let top = saved_top(&world.positions, &article, path.as_deref());
            let opened = Msg::Opened {
                path,
                result: Ok(article),
                top,
                on_disk,
            };
            let effects = update(&mut model, opened);
            run_effects(&mut model, &mut world, terminal, effects);
        }
        Start::Library(library) => {
            model.library = Some(library);
            notices.extend(world.drafts.waiting());
        }
    }
    // Warnings go on the first screen, after what opening the article said (a draft offered).
    if !notices.is_empty() {
        let said: Vec<String> = model.message.take().into_iter().chain(notices).collect();
        model.message = Some(said.join("; "));
    }
    let inputs = spawn_inputs()?;
    let mut last_click: Option<(Instant, u16, u16, u8)> = None;
    let mut watcher = Watcher::default();
    terminal.draw(|frame| ui::draw(frame, &model))?;
    if let Some(ending) = exit_for_timing(&model) {
        return Ok(ending);
    }
    loop {
        let Some(first) = next_input(terminal, &inputs, &model, watcher.due())? else {
            return Ok(Ending::Quit);
        };
        // Handle everything already waiting before drawing, so a burst of keys or resizes
        // costs one frame.
        let mut resized = false;
        // The user may have edited the file in another window: look at it now.
        let mut refocused = false;
        let mut ticks_only = true;
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            ticks_only &= matches!(input, Input::Tick);
            let msg = match input {
                Input::Signal(signal) => {
                    let effects = update(&mut model, Msg::Stop(signal));
                    run_effects(&mut model, &mut world, terminal, effects);
                    last_words(&mut model, &world, farewell);
                    return Ok(Ending::Signal(signal));
                }
                Input::Failed(error) => return Err(error),
                Input::Terminal(Event::Key(key)) => Msg::Key(key),
                Input::Terminal(Event::Mouse(
                    mouse @ MouseEvent {
                        kind: MouseEventKind::Down(MouseButton::Left),
                        ..
                    },
                )) => {
                    let count = match last_click {
                        Some((at, column, row, n))
                            if at.elapsed() < MULTI_CLICK
                                && (column, row) == (mouse.column, mouse.row) =>
                        {
                            n % 3 + 1
                        }
                        _ => 1,
                    };
                    last_click = Some((Instant::now(), mouse.column, mouse.row, count));
                    Msg::Click {
                        column: mouse.column,
                        row: mouse.row,
                        count,
                    }
                }
                Input::Terminal(Event::Mouse(mouse)) => Msg::Mouse(mouse),
                Input::Terminal(Event::Resize(w, h)) => {
                    resized = true;
                    Msg::Resize(w, h)
                }
                Input::Terminal(Event::FocusGained) => {
                    refocused = true;
                    continue;
                }
                Input::Terminal(_) | Input::Tick => continue,
            };
            let effects = update(&mut model, msg);
            run_effects(&mut model, &mut world, terminal, effects);
            if model.quit {
                last_words(&mut model, &world, farewell);
                return Ok(Ending::Quit);
            }
        }
        // Another folio (a reader, the CLI) may have saved highlights or notes meanwhile.
        let news = (model.reader.as_ref()).and_then(|r| world.highlights.look(&r.article));
        if let Some(msg) = news {
            ticks_only = false;
            let effects = update(&mut model, msg);
            run_effects(&mut model, &mut world, terminal, effects);
        }
        match watcher.look(&model, refocused) {
            Some(msg) => {
                let effects = update(&mut model, msg);
                run_effects(&mut model, &mut world, terminal, effects);
            }
            // A frame costs little, but nothing changed, so none is drawn.
            None if ticks_only => continue,
            None => {}
        }
        // A terminal that shrank and grew back between two frames has lost what was drawn
        // outside the small size, while the last frame says it is there: paint it all again.
        // (`resize` clears without asking the terminal where its cursor is, an answer the
        // input thread would swallow.)
        // A wait for the lock wrote its line past ratatui: paint everything again too.
        if WROTE_PAST.swap(false, Ordering::SeqCst) || resized {
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
        }
        terminal.draw(|frame| ui::draw(frame, &model))?;
    }
}

/// Set when a line was written straight to the terminal, so the next frame is drawn whole.
static WROTE_PAST: AtomicBool = AtomicBool::new(false);

/// Shows `line` in the bottom row while a save waits for another folio's lock ("waiting for
/// another folio (pid N) …"). The loop is stuck in that save, so the line goes straight to
/// the terminal.
fn show_waiting(line: &str) {
    use ratatui::crossterm::style::{Attribute, Print, SetAttribute};
    use ratatui::crossterm::terminal::{Clear, ClearType, size};
    use ratatui::crossterm::{cursor::MoveTo, queue};
    let (cols, rows) = size().unwrap_or((80, 24));
    let shown: String = line.chars().take(usize::from(cols)).collect();
    let mut out = io::stdout();
    let _ = queue!(
        out,
        MoveTo(0, rows.saturating_sub(1)),
        Clear(ClearType::CurrentLine),
        SetAttribute(Attribute::Reverse),
        Print(shown),
        SetAttribute(Attribute::Reset)
    );
    let _ = out.flush();
    WROTE_PAST.store(true, Ordering::SeqCst);
}

/// Adds to `farewell` what the session has left to say once the screen is restored: where
/// a draft or unsaved changes went, and, as the last resort, the unsaved notes themselves.
fn last_words(model: &mut Model, world: &World, farewell: &mut Vec<String>) {
    farewell.append(&mut model.farewell);
    farewell.extend(world.highlights.unsaved_notes());
}

/// What the effects work on: saved positions, the highlights store, the export and drafts
/// folders.
struct World {
    positions: ReadingState,
    highlights: Highlights,
    export_dir: PathBuf,
    drafts: Drafts,
}

/// For benches/compare.sh, which times the real binary in a pseudo-terminal: with
/// `FOLIO_EXIT_AFTER_FIRST_FRAME` set, quit once the first frame is drawn, or, when it is
/// `complete`, once the open article is also wholly wrapped (for peak memory). Nothing is saved.
fn exit_for_timing(model: &Model) -> Option<Ending> {
    let wanted = std::env::var_os("FOLIO_EXIT_AFTER_FIRST_FRAME")?;
    if wanted == "complete"
        && let Some(reader) = &model.reader
    {
        reader.layout.advance(usize::MAX);
    }
    Some(Ending::Quit)
}

/// Waits for the next input, or until `until` ([`Input::Tick`]). Meanwhile the rest of the
/// open article is wrapped, a slice at a time, and the frame is drawn again once it is all
/// done (percent and line counts are exact then). `None` when the inputs are gone.
fn next_input(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    inputs: &mpsc::Receiver<Input>,
    model: &Model,
    until: Instant,
) -> io::Result<Option<Input>> {
    loop {
        let Some(layout) = model
            .reader
            .as_ref()
            .map(|r| &r.layout)
            .filter(|l| !l.is_complete())
        else {
            let wait = until.saturating_duration_since(Instant::now());
            return Ok(match inputs.recv_timeout(wait) {
                Ok(input) => Some(input),
                Err(mpsc::RecvTimeoutError::Timeout) => Some(Input::Tick),
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            });
        };
        if Instant::now() >= until {
            return Ok(Some(Input::Tick));
        }
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
fn run_effects(
    model: &mut Model,
    world: &mut World,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    mut effects: Vec<Effect>,
) {
    let positions = &mut world.positions;
    while let Some(effect) = effects.pop() {
        let article = model.reader.as_ref().map(|r| &r.article);
        // Whatever touched the store, the model hears what is still unsaved after it.
        let saving = matches!(
            effect,
            Effect::LoadMarks | Effect::Mark(_) | Effect::RetrySave | Effect::Rescue(_)
        );
        let msg = match effect {
            Effect::LoadMarks => match article {
                Some(article) => world.highlights.load(article),
                None => continue,
            },
            Effect::Mark(change) => match article {
                Some(article) => world.highlights.change(article, change),
                None => continue,
            },
            Effect::Export => match article {
                Some(article) => world.highlights.export(article, &world.export_dir, None),
                None => continue,
            },
            Effect::ExportAgain(choice) => match article {
                Some(article) => world
                    .highlights
                    .export(article, &world.export_dir, Some(choice)),
                None => continue,
            },
            Effect::RetrySave => match article {
                Some(article) => world.highlights.load(article),
                None => world.highlights.retry(),
            },
            Effect::Rescue(to) => match world.highlights.rescue(to) {
                Some(result) => Msg::Rescued(result),
                None => continue,
            },
            Effect::SaveDraft(draft) => {
                Msg::DraftSaved(world.drafts.save(&draft).map_err(|e| e.to_string()))
            }
            Effect::FindDraft => match model.reader.as_ref() {
                Some(reader) => {
                    let (draft, problems) = world
                        .drafts
                        .find(&reader.article.id, reader.path.as_deref());
                    Msg::Draft { draft, problems }
                }
                None => continue,
            },
            Effect::DropDraft(key) => match world.drafts.remove(&key) {
                Ok(()) => continue,
                Err(error) => Msg::Notice(error.to_string()),
            },
            Effect::EditExternally(text) => Msg::Edited(edit_externally(terminal, &text)),
            Effect::Open(path) => {
                let (opened, on_disk) = watch::open(&path);
                match opened {
                    Ok(article) => Msg::Opened {
                        top: saved_top(positions, &article, Some(&path)),
                        path: Some(path),
                        result: Ok(Box::new(article)),
                        on_disk,
                    },
                    Err(error) => Msg::Opened {
                        path: Some(path),
                        result: Err(error.to_string()),
                        top: 0,
                        on_disk,
                    },
                }
            }
            Effect::Reload(path) => {
                let (result, on_disk) = watch::open(&path);
                Msg::Reloaded {
                    result: result.map(Box::new).map_err(|e| e.to_string()),
                    on_disk,
                }
            }
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
        if saving {
            effects.extend(update(model, Msg::Unsaved(world.highlights.unsaved())));
        }
    }
}

/// Where to reopen an article: where it was left, or (when the file's text changed since)
/// the same fraction of the way through.
fn saved_top(positions: &ReadingState, article: &Article, path: Option<&Path>) -> usize {
    let Some(saved) = positions.find(&article.id, path) else {
        return 0;
    };
    if saved.chars == article.char_len {
        return saved.offset.min(article.char_len);
    }
    same_fraction(saved.offset, saved.chars, article.char_len)
}

/// Terminal events and signals, both delivered on one channel so the loop blocks in one place.
fn spawn_inputs() -> io::Result<mpsc::Receiver<Input>> {
    let (sender, receiver) = mpsc::channel();
    // In raw mode Ctrl-C is a key, so SIGINT comes only from `kill`: treated as SIGTERM.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let to_loop = sender.clone();
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // The loop may be waiting for another folio's lock: it must stop waiting.
            crate::annotate::stop_waiting();
            let _ = to_loop.send(Input::Signal(signal));
        }
    });
    thread::spawn(move || {
        loop {
            // Polling with a timeout (not blocking in `read`) lets the thread stop reading
            // while `$EDITOR` has the terminal.
            if PAUSED.load(Ordering::SeqCst) {
                thread::sleep(POLL);
                continue;
            }
            let input = match event::poll(POLL) {
                Ok(false) => continue,
                Ok(true) => match event::read() {
                    Ok(event) => Input::Terminal(event),
                    Err(error) => Input::Failed(error),
                },
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

/// How long the input thread waits for input before checking whether it should pause.
const POLL: Duration = Duration::from_millis(50);

/// Hands `text` to `$VISUAL` or `$EDITOR` (else `vi`) in a temporary file, with the terminal
/// back to normal meanwhile, and returns what the editor saved.
fn edit_externally(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    text: &str,
) -> Result<Edited, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let file = tempfile::Builder::new()
        .prefix("folio-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot make a temporary file for the editor: {e}"))?;
    std::fs::write(file.path(), text)
        .map_err(|e| format!("cannot write {}: {e}", file.path().display()))?;
    PAUSED.store(true, Ordering::SeqCst);
    // Let a poll already waiting run out, so no keystroke meant for the editor is taken.
    thread::sleep(POLL * 2);
    leave();
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status();
    let back = enter_again(terminal);
    PAUSED.store(false, Ordering::SeqCst);
    back.map_err(|e| format!("cannot restore the screen: {e}"))?;
    match status {
        Ok(s) if s.success() => read_back(file),
        Ok(s) => Err(format!("{editor} exited with {s}; the note is unchanged")),
        Err(e) => Err(format!(
            "cannot run {editor} ({e}); set $EDITOR to your editor"
        )),
    }
}

/// What the editor saved in `file`. Bytes that are not UTF-8 never cost the text: it is taken
/// with U+FFFD in their place, and the file is kept (not deleted) so the bytes can be had.
/// A file that cannot be read is kept too, and named.
fn read_back(file: tempfile::NamedTempFile) -> Result<Edited, String> {
    let bytes = match crate::regular_file::read(file.path()) {
        Ok(bytes) => bytes,
        Err(e) => {
            let shown = file.path().display().to_string();
            let kept = file.keep().map_or_else(
                |_| String::new(),
                |_| "; the editor's file is kept there".to_string(),
            );
            return Err(format!("cannot read back {shown}: {e}{kept}"));
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Edited { text, notice: None }),
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let kept = match file.keep() {
                Ok((_, path)) => format!("the editor's file is kept as {}", path.display()),
                Err(e) => format!("the editor's file could not be kept ({e})"),
            };
            Ok(Edited {
                text,
                notice: Some(format!(
                    "the editor saved bytes that are not UTF-8: each is now the replacement character \u{fffd}; {kept}"
                )),
            })
        }
    }
}
