//! The effect runner: runs what `update` asked for, first in, first out. The store's work
//! goes to the store worker, opening and reloading to an article reader, each answering later
//! as messages; only the external editor, which needs the terminal, runs here.

use std::collections::VecDeque;

use super::event_loop::Driver;
use super::external::edit_externally;
use super::open;
use super::store::service::Job;
use crate::tui::protocol::{Effect, Msg};
use crate::tui::update::update;

impl Driver<'_> {
    /// Applies `msg` and runs the effects it asks for, and those their answers ask for.
    pub(super) fn handle(&mut self, msg: Msg) {
        let mut effects: VecDeque<Effect> = update(&mut self.model, msg).into();
        while let Some(effect) = effects.pop_front() {
            if let Some(msg) = self.run(effect) {
                effects.extend(update(&mut self.model, msg));
            }
        }
    }

    /// Starts `effect`; the answer now when it is one that runs here.
    fn run(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::EditExternally(text) => {
                Some(Msg::Edited(edit_externally(self.terminal, &text)))
            }
            Effect::Open(path) => {
                open::open(path, self.positions.clone(), self.to_loop.clone());
                None
            }
            Effect::Reload(path) => {
                open::reload(path, self.to_loop.clone());
                None
            }
            other => match self.store.send(Job::Run(other)) {
                Ok(()) => {
                    self.pending += 1;
                    None
                }
                Err(_) => Some(Msg::Notice(
                    "folio's store worker stopped: highlights and notes cannot be saved; \
                     restart folio"
                        .into(),
                )),
            },
        }
    }
}
