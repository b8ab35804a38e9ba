//! folio: a terminal reader for stored articles. The library holds everything; `main.rs` is a thin CLI.

pub mod article;
pub mod atomic;
pub mod cli;
pub mod commands;
pub mod config;
pub mod drafts;
pub mod export;
pub mod highlights;
pub mod layout;
pub mod library;
pub mod paths;
pub mod progress;
pub mod reading;
pub mod refuge;
pub mod regular_file;
pub mod render;
pub mod search;
pub mod selection;
pub mod syntax;
pub mod tui;
