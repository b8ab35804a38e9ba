//! The interactive reader and library, in layers (see ARCHITECTURE.md): `protocol` says what
//! flows between the pure core and the driver, `model` holds the state, `update` turns inputs
//! into model changes and effects without doing IO, `ui` draws the model, and `driver` runs
//! the terminal, the workers and the effects.

pub mod action;
pub mod driver;
pub mod geometry;
pub mod help;
pub mod hyperlink;
pub mod keymap;
pub mod model;
pub mod protocol;
pub mod ui;
pub mod update;

pub use driver::{Ending, Settings, Start, run};

#[cfg(test)]
pub(crate) mod tests;
