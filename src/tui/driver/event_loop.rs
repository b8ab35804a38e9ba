//! The event loop: waits on one channel for what the terminal, the signals and the workers
//! send, hands it to `update`, has the effects run, and draws once per burst of inputs.
//! Quitting waits for the store worker's answers (saves are never cut short), never for an
//! article being parsed.

use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use super::inputs::{self, Clicks};
use super::open::saved_top;
use super::store::service::{self, Job, Places};
use super::watch::{self, Order};
use super::{Ending, Input, Settings, Start};
use crate::article::Article;
use crate::reading::ReadingState;
use crate::tui::action::Action;
use crate::tui::model::{Library, Model};
use crate::tui::protocol::Msg;
use crate::tui::ui;
use crate::tui::ui::theme::Theme;

pub type Screen = Terminal<CrosstermBackend<Stdout>>;

/// Bytes of text wrapped between two looks at the input while idle: small enough that a key
/// pressed meanwhile waits well under a millisecond.
const IDLE_SLICE: usize = 16 * 1024;

/// The loop's state: the model, the view's theme, and the ends of the workers' channels.
pub struct Driver<'t> {
    pub(super) terminal: &'t mut Screen,
    pub(super) model: Model,
    theme: Theme,
    /// Whether links are sent as OSC 8 hyperlinks.
    hyperlinks: bool,
    inputs: Receiver<Input>,
    pub(super) to_loop: Sender<Input>,
    pub(super) store: Sender<Job>,
    watcher: Sender<Order>,
    pub(super) positions: Arc<Mutex<ReadingState>>,
    /// Effects sent to the store worker and not answered yet.
    pub(super) pending: usize,
    /// The article the store worker and the watcher follow: the open one.
    followed: Option<Arc<Article>>,
    clicks: Clicks,
}

/// Runs the session; `farewell` gets what is to be said once the screen is restored.
pub fn run(
    terminal: &mut Screen,
    start: Start,
    settings: Settings,
    farewell: &mut Vec<String>,
) -> io::Result<Ending> {
    let mut driver = Driver::new(terminal, settings, start)?;
    let ending = driver.serve()?;
    if timing().is_some() {
        // No key was read, so nothing waits to be saved; a large store still being read in
        // the background is not waited for (the timing is of the first frame).
        return Ok(ending);
    }
    driver.settle();
    farewell.append(&mut driver.model.farewell);
    farewell.extend(driver.finish());
    Ok(ending)
}

impl<'t> Driver<'t> {
    fn new(terminal: &'t mut Screen, settings: Settings, start: Start) -> io::Result<Driver<'t>> {
        let size = terminal.size()?;
        let mut model = Model::new(
            settings.keymap,
            settings.column_width,
            (size.width, size.height),
        );
        model.outline_by_default = settings.show_outline;
        model.roles = settings.roles;
        model.furniture = settings.furniture;
        model.message = settings.notice;
        let (to_loop, received) = mpsc::channel();
        let waits = to_loop.clone();
        crate::highlights::on_wait(move |line| {
            let _ = waits.send(Input::Worker(Box::new(Msg::Waiting(line.to_string()))));
        });
        let positions = Arc::new(Mutex::new(settings.positions));
        let places = Places {
            annotations: settings.annotations,
            export_dir: settings.export_dir,
            drafts: settings.drafts,
            positions: positions.clone(),
            library: match &start {
                Start::Library(library) => Some(library_articles(library)),
                Start::Article { .. } | Start::Beginning { .. } => None,
            },
        };
        let store = service::spawn(places, to_loop.clone());
        let watcher = watch::spawn(to_loop.clone());
        inputs::spawn(&to_loop, (size.width, size.height))?;
        let mut driver = Driver {
            terminal,
            model,
            theme: settings.theme,
            hyperlinks: settings.hyperlinks,
            inputs: received,
            to_loop,
            store,
            watcher,
            positions,
            pending: 0,
            followed: None,
            clicks: Clicks::default(),
        };
        driver.begin(start);
        Ok(driver)
    }

    /// Shows the article folio was started on, or the library.
    fn begin(&mut self, start: Start) {
        match start {
            Start::Article {
                article,
                path,
                on_disk,
            } => {
                let top = self
                    .positions
                    .lock()
                    .map_or(0, |p| saved_top(&p, &article, path.as_deref()));
                let result = Ok(article);
                self.handle(Msg::Opened {
                    path,
                    result,
                    top,
                    on_disk,
                });
            }
            Start::Beginning { article, path, top } => {
                self.handle(Msg::Beginning {
                    path: path.clone(),
                    article,
                    top,
                });
                super::open::open(path, self.positions.clone(), self.to_loop.clone());
            }
            Start::Library(library) => self.model.library = Some(library),
        }
        self.follow();
    }

    /// Takes inputs until the session ends.
    fn serve(&mut self) -> io::Result<Ending> {
        self.draw()?;
        if let Some(ending) = self.exit_for_timing() {
            return Ok(ending);
        }
        loop {
            let Some(first) = self.next_input()? else {
                return Ok(Ending::Quit);
            };
            // Everything already waiting is handled before drawing, so a burst of keys or
            // resizes costs one frame. (Taken one at a time: quitting waits on the channel
            // for the answers still due.)
            let mut next = Some(first);
            let mut resized = false;
            while let Some(input) = next {
                resized |= matches!(input, Input::Terminal(Event::Resize(..)));
                if let Some(ending) = self.take(input)? {
                    return Ok(ending);
                }
                next = self.inputs.try_recv().ok();
            }
            self.follow();
            // A terminal that shrank and grew back between two frames has lost what was drawn
            // outside the small size, while the last frame says it is there: paint it all
            // again. (`resize` clears without asking the terminal where its cursor is, an
            // answer the input thread would swallow.)
            if resized {
                let size = self.terminal.size()?;
                self.terminal
                    .resize(Rect::new(0, 0, size.width, size.height))?;
            }
            self.draw()?;
        }
    }

    /// Handles one input; `Some` once it ends the session.
    fn take(&mut self, input: Input) -> io::Result<Option<Ending>> {
        match input {
            Input::Signal(signal) => {
                self.handle(Msg::Stop(signal));
                return Ok(Some(Ending::Signal(signal)));
            }
            Input::Failed(error) => return Err(error),
            // The user may have edited the file in another window: look at it now.
            Input::Terminal(Event::FocusGained) => {
                let _ = self.watcher.send(Order::LookNow);
            }
            Input::Terminal(event) => {
                if let Some(msg) = self.clicks.message(event) {
                    self.handle(msg);
                }
            }
            Input::Answered(msgs) => {
                self.pending = self.pending.saturating_sub(1);
                msgs.into_iter().for_each(|msg| self.handle(msg));
            }
            Input::Worker(msg) => self.handle(*msg),
            Input::Finished(_) => {}
        }
        Ok((self.model.quit && self.settled()).then_some(Ending::Quit))
    }

    /// Waits for the store worker's answers to what was asked before quitting. Should they
    /// leave changes unsaved, the quit is asked for again, and so held as any quit is.
    fn settled(&mut self) -> bool {
        self.settle();
        if self.model.unsaved.is_none() {
            return true;
        }
        self.model.quit = false;
        self.handle(Msg::Do(Action::Quit));
        self.model.quit
    }

    /// Takes the store worker's answers until none is due. An article still being parsed is
    /// not waited for, nor shown.
    fn settle(&mut self) {
        while self.pending > 0 {
            match self.inputs.recv() {
                Ok(Input::Answered(msgs)) => {
                    self.pending -= 1;
                    msgs.into_iter().for_each(|msg| self.handle(msg));
                }
                // A save waiting for another folio's lock says so while folio ends.
                Ok(Input::Worker(msg)) if matches!(*msg, Msg::Waiting(_)) => {
                    self.handle(*msg);
                    let _ = self.draw();
                }
                Ok(_) => {}
                Err(_) => return,
            }
        }
    }

    /// Stops the store worker; what it could not save, written out, if anything.
    fn finish(&mut self) -> Option<String> {
        self.store.send(Job::Finish).ok()?;
        loop {
            match self.inputs.recv() {
                Ok(Input::Finished(notes)) => return notes,
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// Tells the store worker and the watcher which article is open, when that changed. The
    /// beginning of an article shown while the whole is read is not followed: its highlights
    /// are placed on the whole.
    fn follow(&mut self) {
        let open = (self.model.reader.as_ref())
            .filter(|r| !r.partial)
            .map(|r| r.article.clone());
        let same = match (&open, &self.followed) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if same {
            return;
        }
        let file = self.model.reader.as_ref().and_then(|r| {
            let (path, disk) = (r.path.clone()?, r.on_disk.clone()?);
            Some((path, disk))
        });
        let _ = self.watcher.send(Order::Watch(file));
        let _ = self.store.send(Job::Follow(open.clone()));
        self.followed = open;
    }

    pub(super) fn draw(&mut self) -> io::Result<()> {
        let (model, theme, links) = (&self.model, &self.theme, self.hyperlinks);
        self.terminal.draw(|frame| {
            ui::draw(frame, model, theme);
            if links {
                ui::hyperlinks::mark(model, frame.buffer_mut());
            }
        })?;
        Ok(())
    }

    /// Waits for the next input. Meanwhile the code blocks drawn are given their syntax
    /// colours, one block at a time, then the rest of the open article is wrapped, a slice at
    /// a time; the frame is drawn again once either is done (colours shown, percent and line
    /// counts exact). `None` when the inputs are gone.
    fn next_input(&mut self) -> io::Result<Option<Input>> {
        loop {
            let Some(reader) = self.model.reader.as_ref() else {
                return Ok(self.inputs.recv().ok());
            };
            let colouring = reader.code_colours.is_pending();
            if !colouring && reader.layout.is_complete() {
                return Ok(self.inputs.recv().ok());
            }
            match self.inputs.try_recv() {
                Ok(input) => return Ok(Some(input)),
                Err(TryRecvError::Disconnected) => return Ok(None),
                Err(TryRecvError::Empty) => {
                    let done = if colouring {
                        reader.code_colours.advance(&reader.article)
                    } else {
                        reader.layout.advance(IDLE_SLICE)
                    };
                    if done {
                        self.draw()?;
                    }
                }
            }
        }
    }
}

/// What `FOLIO_EXIT_AFTER_FIRST_FRAME` asks for, when set.
fn timing() -> Option<std::ffi::OsString> {
    std::env::var_os("FOLIO_EXIT_AFTER_FIRST_FRAME")
}

/// Each library row's article id and path, for the store worker to count its highlights.
fn library_articles(library: &Library) -> Vec<(Option<String>, PathBuf)> {
    let entries = library.entries.iter();
    entries.map(|e| (e.id.clone(), e.path.clone())).collect()
}

impl Driver<'_> {
    /// For benches/compare.sh, which times the real binary in a pseudo-terminal: with
    /// `FOLIO_EXIT_AFTER_FIRST_FRAME` set, quit once the first frame is drawn, or, when it is
    /// `complete`, once the whole article (not only its beginning) is read and wholly wrapped
    /// (for peak memory). Nothing is saved.
    fn exit_for_timing(&mut self) -> Option<Ending> {
        let wanted = timing()?;
        if wanted == "complete" {
            while self.model.reader.as_ref().is_some_and(|r| r.partial) {
                let Ok(input) = self.inputs.recv() else {
                    break;
                };
                let _ = self.take(input);
            }
            if let Some(reader) = &self.model.reader {
                reader.layout.advance(usize::MAX);
            }
        }
        Some(Ending::Quit)
    }
}
