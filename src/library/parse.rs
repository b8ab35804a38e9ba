//! Parsing the files a scan found new or changed, on every core, turning each into an entry
//! even when the file is unreadable or the parser fails.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use jiff::Timestamp;

use super::Entry;
use super::scan::failed;
use crate::article::{Article, LoadError};

/// A file to parse and where its entry goes in the scan's list.
pub(super) struct Job {
    pub slot: usize,
    pub path: PathBuf,
    pub size: u64,
    pub mtime: Option<Timestamp>,
}

/// Parses every job, handing each result to `finished(job, entry, lasting)` on the calling
/// thread as it completes; `lasting` says whether the entry may be cached.
pub(super) fn parse_all<P>(jobs: &[Job], parse: &P, mut finished: impl FnMut(&Job, Entry, bool))
where
    P: Fn(&Path) -> Result<Article, LoadError> + Sync,
{
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    if workers <= 1 {
        for job in jobs {
            let (entry, lasting) = describe(job, parse);
            finished(job, entry, lasting);
        }
        return;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (sender, results) = mpsc::channel();
        for _ in 0..workers {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if sender.send((job, describe(job, parse))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (job, (entry, lasting)) in results {
            finished(job, entry, lasting);
        }
    });
}

/// The entry for one file, and whether it may be cached.
fn describe<P>(job: &Job, parse: &P) -> (Entry, bool)
where
    P: Fn(&Path) -> Result<Article, LoadError>,
{
    let path = job.path.as_path();
    // One file the parser cannot cope with must not take the whole library down with it.
    let parsed = catch_unwind(AssertUnwindSafe(|| parse(path)));
    match parsed {
        Ok(Ok(article)) => {
            let entry = Entry {
                path: path.to_path_buf(),
                title: article.title,
                format: article.format,
                chars: article.char_len,
                id: Some(article.id),
                size: job.size,
                mtime: job.mtime,
                error: None,
            };
            (entry, true)
        }
        // A binary file stays binary until it changes; other failures (permissions, a file
        // vanishing) may clear up without touching the file, so they are tried again.
        Ok(Err(err)) => {
            let entry = Entry {
                size: job.size,
                mtime: job.mtime,
                ..failed(path, &err.to_string())
            };
            (entry, matches!(err, LoadError::Binary { .. }))
        }
        Err(_) => {
            let message = "folio failed while reading this file; please report it with the file";
            let entry = Entry {
                size: job.size,
                mtime: job.mtime,
                ..failed(path, message)
            };
            (entry, false)
        }
    }
}
