//! Reading and parsing an article on a thread of its own, so that keys are answered
//! meanwhile and quitting does not wait for it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread;

use super::Input;
use super::watch;
use crate::article::Article;
use crate::reading::ReadingState;
use crate::tui::model::file::same_fraction;
use crate::tui::protocol::Msg;

/// Reads the article at `path` and answers with [`Msg::Opened`], where it was left.
pub fn open(path: PathBuf, positions: Arc<Mutex<ReadingState>>, to_loop: Sender<Input>) {
    thread::spawn(move || {
        let (opened, on_disk) = watch::open(&path);
        let msg = match opened {
            Ok(article) => Msg::Opened {
                top: positions
                    .lock()
                    .map_or(0, |p| saved_top(&p, &article, Some(&path))),
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
        };
        let _ = to_loop.send(Input::Worker(Box::new(msg)));
    });
}

/// Reads the open article's file at `path` again and answers with [`Msg::Reloaded`].
pub fn reload(path: PathBuf, to_loop: Sender<Input>) {
    thread::spawn(move || {
        let (result, on_disk) = watch::open(&path);
        let msg = Msg::Reloaded {
            result: result.map(Box::new).map_err(|e| e.to_string()),
            on_disk,
        };
        let _ = to_loop.send(Input::Worker(Box::new(msg)));
    });
}

/// Where to reopen an article: where it was left, or (when the file's text changed since)
/// the same fraction of the way through.
pub fn saved_top(positions: &ReadingState, article: &Article, path: Option<&Path>) -> usize {
    let Some(saved) = positions.find(&article.id, path) else {
        return 0;
    };
    if saved.chars == article.char_len {
        return saved.offset.min(article.char_len);
    }
    same_fraction(saved.offset, saved.chars, article.char_len)
}
