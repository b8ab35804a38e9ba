//! The store worker: a thread that owns the highlights store, the drafts and the export
//! folder, runs the effects about them in the order `update` asked for them, and answers each
//! with messages. Between jobs it looks every second whether another folio saved the store.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use crate::article::Article;
use crate::drafts::Drafts;
use crate::reading::{Position, ReadingState};
use crate::tui::driver::Input;
use crate::tui::driver::watch::EVERY;
use crate::tui::protocol::{Effect, Msg};

use super::{Exported, Highlights, Listing};

/// What the loop asks of the store worker.
pub enum Job {
    /// Run this effect and answer with [`Input::Answered`].
    Run(Effect),
    /// Follow this article (the open one): another folio's saves to it are answered with
    /// its highlights.
    Follow(Option<Arc<Article>>),
    /// Stop: answer with [`Input::Finished`] and what the unsaved notes say, if any.
    Finish,
}

/// Where the store worker finds and keeps things.
pub struct Places {
    pub annotations: PathBuf,
    pub export_dir: PathBuf,
    pub drafts: PathBuf,
    /// Shared with the article readers, which look up where an article was left.
    pub positions: Arc<Mutex<ReadingState>>,
    /// When folio started on the library, its articles (id, path): their highlights are
    /// counted once the store is read, and drafts waiting are said at once.
    pub library: Option<Vec<(Option<String>, PathBuf)>>,
}

/// Starts the store worker; it opens the store first and says what opening it had to say.
pub fn spawn(places: Places, to_loop: Sender<Input>) -> Sender<Job> {
    let (jobs, received) = mpsc::channel();
    thread::spawn(move || {
        let mut worker = Worker::open(places, to_loop);
        worker.serve(&received);
    });
    jobs
}

struct Worker {
    highlights: Highlights,
    drafts: Drafts,
    export_dir: PathBuf,
    positions: Arc<Mutex<ReadingState>>,
    to_loop: Sender<Input>,
    followed: Option<Arc<Article>>,
}

impl Worker {
    fn open(places: Places, to_loop: Sender<Input>) -> Worker {
        let (highlights, mut said) = Highlights::open(&places.annotations);
        let drafts = Drafts::new(places.drafts);
        if let Some(articles) = &places.library {
            said.extend(drafts.waiting());
            let counts = highlights.counts(articles);
            let _ = to_loop.send(Input::Worker(Box::new(Msg::Counted(counts))));
        }
        if !said.is_empty() {
            let _ = to_loop.send(Input::Worker(Box::new(Msg::Opening(said))));
        }
        Worker {
            highlights,
            drafts,
            export_dir: places.export_dir,
            positions: places.positions,
            to_loop,
            followed: None,
        }
    }

    fn serve(&mut self, jobs: &Receiver<Job>) {
        let mut next_look = Instant::now() + EVERY;
        loop {
            let job = match jobs.recv_timeout(next_look.saturating_duration_since(Instant::now())) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let answer = match job {
                Some(Job::Run(effect)) => Input::Answered(self.run(effect)),
                Some(Job::Follow(article)) => {
                    self.followed = article;
                    continue;
                }
                Some(Job::Finish) => {
                    let _ = (self.to_loop).send(Input::Finished(self.highlights.unsaved_notes()));
                    return;
                }
                None => {
                    next_look = Instant::now() + EVERY;
                    match self.look() {
                        Some(msg) => Input::Worker(Box::new(msg)),
                        None => continue,
                    }
                }
            };
            if self.to_loop.send(answer).is_err() {
                return;
            }
        }
    }

    /// Another folio (a reader, the CLI) may have saved the followed article's highlights.
    fn look(&mut self) -> Option<Msg> {
        let article = self.followed.clone()?;
        let listing = self.highlights.look(&article)?;
        Some(listed(&article, listing))
    }

    /// Runs one effect; whatever touched the store, the loop hears next what is still unsaved.
    fn run(&mut self, effect: Effect) -> Vec<Msg> {
        let saving = matches!(
            effect,
            Effect::LoadHighlights(_)
                | Effect::ChangeHighlight(..)
                | Effect::RetrySave(_)
                | Effect::Rescue(_)
        );
        let mut said: Vec<Msg> = self.answer(effect).into_iter().collect();
        if saving {
            said.push(Msg::Tags(self.highlights.tags_used()));
            said.push(Msg::Unsaved(self.highlights.unsaved()));
        }
        said
    }

    fn answer(&mut self, effect: Effect) -> Option<Msg> {
        let highlights = &mut self.highlights;
        Some(match effect {
            Effect::LoadHighlights(article) => listed(&article.0, highlights.load(&article.0)),
            Effect::ChangeHighlight(article, change) => {
                listed(&article.0, highlights.change(&article.0, change))
            }
            Effect::RetrySave(Some(article)) => listed(&article.0, highlights.load(&article.0)),
            Effect::RetrySave(None) => Msg::Notice(highlights.retry()),
            Effect::Rescue(to) => Msg::Rescued(highlights.rescue(to)?),
            Effect::Export { article, choice } => {
                match highlights.export(&article.0, &self.export_dir, choice) {
                    Exported::Said(said) => Msg::Exported(said),
                    Exported::Refused { path, why } => Msg::ExportRefused { path, why },
                }
            }
            Effect::SaveDraft(draft) => {
                Msg::DraftSaved(self.drafts.save(&draft).map_err(|e| e.to_string()))
            }
            Effect::FindDraft { article, path } => {
                let (draft, problems) = self.drafts.find(&article, path.as_deref());
                Msg::Draft { draft, problems }
            }
            Effect::DropDraft(key) => match self.drafts.remove(&key) {
                Ok(()) => return None,
                Err(error) => Msg::Notice(error.to_string()),
            },
            Effect::SavePosition(bookmark) => return self.save_position(&bookmark),
            Effect::LoadLibraryNotes => Msg::LibraryNotes(highlights.library_notes()),
            // Opening, reloading and the external editor are the loop's.
            Effect::Open(_) | Effect::Reload(_) | Effect::EditExternally(_) => return None,
        })
    }

    fn save_position(&self, bookmark: &crate::tui::protocol::Bookmark) -> Option<Msg> {
        let mut positions = self.positions.lock().ok()?;
        let position = Position::new(bookmark.offset, bookmark.chars);
        match &bookmark.path {
            Some(path) => positions.set_with_path(&bookmark.article_id, path, position),
            None => positions.set(&bookmark.article_id, position),
        }
        positions.save().err().map(|e| Msg::Notice(e.to_string()))
    }
}

/// The message carrying `article`'s highlights.
fn listed(article: &Article, listing: Listing) -> Msg {
    Msg::Highlights {
        article: article.id.clone(),
        list: listing.list,
        problem: listing.problem,
    }
}
