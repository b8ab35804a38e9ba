//! folio: a terminal reader for stored articles. The library holds everything; `main.rs` is a thin CLI.

pub mod annotate;
pub mod article;
pub mod cli;
pub mod layout;
pub mod render;
