//! The interactive reader and library: an Elm-style loop. `update` turns inputs into model
//! changes and effects without doing IO, `ui::draw` paints the model, and `app` drives both.

pub mod action;
mod app;
pub mod editor;
pub mod geometry;
pub mod help;
mod highlights;
pub mod keymap;
mod marks;
pub mod model;
mod motion;
mod terminal;
pub mod ui;
pub mod update;
pub mod watch;

pub use app::{Ending, Settings, Start, run};

#[cfg(test)]
pub(crate) mod tests;
