//! Noticing that the open article's file was rewritten or removed while it is read, on a
//! thread of its own, cheaply: its length, modification time and inode, looked at every
//! second and when the terminal gets the focus back; the bytes are read only once per new
//! stamp, to tell a rewrite with the same bytes from a change. Also reading an article with
//! its file's stamp.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crate::article::{Article, LoadError};
use crate::tui::protocol::{DiskState, Msg, OnDisk, Stamp};

use super::Input;

/// How often the open file is looked at: a stat a second costs nothing, and a user who just
/// saved the file elsewhere learns of it before they read far.
pub const EVERY: Duration = Duration::from_secs(1);

/// The stamp of the file at `path` as it is now.
pub fn stamp_of(path: &Path) -> io::Result<Stamp> {
    let meta = std::fs::metadata(path)?;
    Ok(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        node: node(&meta),
    })
}

#[cfg(unix)]
fn node(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn node(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Compares the file as it is now (its stamp, or why there is none) with the stamp taken when
/// it was read. A file that cannot be looked at for another reason (a folder made unreadable)
/// counts as the same: nothing is known to have changed, so nothing is said.
pub fn compare(loaded: &Stamp, now: &io::Result<Stamp>) -> DiskState {
    match now {
        Ok(stamp) if stamp == loaded => DiskState::Same,
        Ok(_) => DiskState::Changed,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            DiskState::Removed
        }
        Err(_) => DiskState::Same,
    }
}

/// Reads the article at `path`, with its file as it was read (`None` when the file cannot be
/// looked at): the stamp is taken first, so a change made while it is read shows afterwards.
pub fn open(path: &Path) -> (Result<Article, LoadError>, Option<OnDisk>) {
    let stamp = stamp_of(path).ok();
    match Article::open_hashed(path) {
        Ok((article, digest)) => {
            let loaded_at = jiff::ZonedDateTime::now().strftime("%H:%M").to_string();
            let on_disk = stamp.map(|stamp| OnDisk::new(stamp, digest, loaded_at));
            (Ok(article), on_disk)
        }
        Err(error) => (Err(error), None),
    }
}

/// How the file at `path` stands now against the copy `disk`. Under a new stamp the file is
/// read and hashed, once: `checked` keeps the answer for that stamp, so a file rewritten with
/// the same bytes (or changed and left so) costs one stat a look from then on.
fn look(disk: &OnDisk, path: &Path, checked: &mut Option<Checked>) -> DiskState {
    let now = stamp_of(path);
    let state = compare(&disk.stamp, &now);
    let (DiskState::Changed, Ok(stamp)) = (state, now) else {
        return state;
    };
    if let Some(known) = checked
        && known.digest == disk.digest
        && known.stamp == stamp
    {
        return known.state;
    }
    let state = if holds_same_bytes(disk, path) {
        DiskState::Same
    } else {
        DiskState::Changed
    };
    *checked = Some(Checked {
        digest: disk.digest,
        stamp,
        state,
    });
    state
}

/// Whether the file at `path` holds the very bytes the article was read from; a file that
/// cannot be read does not, nor does a FIFO or a device put in its place (never waited on
/// nor read without end: they are refused when opened).
fn holds_same_bytes(disk: &OnDisk, path: &Path) -> bool {
    let mut hasher = blake3::Hasher::new();
    let Ok(file) = crate::regular_file::open(path) else {
        return false;
    };
    let capped = file.take(crate::regular_file::MAX_BYTES + 1);
    hasher.update_reader(capped).is_ok() && hasher.finalize() == disk.digest
}

/// What reading the file under a new stamp found, against the bytes an article was read from.
#[derive(Debug)]
struct Checked {
    digest: blake3::Hash,
    stamp: Stamp,
    state: DiskState,
}

/// What the watcher is told by the loop.
pub enum Order {
    /// Watch this file (the open article's, as it was read), or none.
    Watch(Option<(PathBuf, OnDisk)>),
    /// Look now: the terminal got the focus back, and the user may have edited the file.
    LookNow,
}

/// Starts the watcher; it answers on `to_loop` with [`Msg::Disk`] whenever what it finds
/// differs from what it said last, and ends when the loop drops the returned sender.
pub fn spawn(to_loop: Sender<Input>) -> Sender<Order> {
    let (orders, received) = mpsc::channel();
    thread::spawn(move || watch(&received, &to_loop));
    orders
}

fn watch(orders: &Receiver<Order>, to_loop: &Sender<Input>) {
    let mut watched: Option<(PathBuf, OnDisk)> = None;
    let mut checked = None;
    // The first look a period from now: the file was stamped just now, when it was read.
    let mut next = Instant::now() + EVERY;
    loop {
        match orders.recv_timeout(next.saturating_duration_since(Instant::now())) {
            Ok(Order::Watch(file)) => {
                watched = file;
                continue;
            }
            Ok(Order::LookNow) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        next = Instant::now() + EVERY;
        let Some((path, disk)) = watched.as_mut() else {
            continue;
        };
        let state = look(disk, path, &mut checked);
        if state != disk.state {
            disk.state = state;
            if to_loop
                .send(Input::Worker(Box::new(Msg::Disk(state))))
                .is_err()
            {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn stamp(len: u64, secs: u64, ino: u64) -> Stamp {
        Stamp {
            len,
            modified: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(secs)),
            node: Some((1, ino)),
        }
    }

    #[test]
    fn any_part_of_the_stamp_changing_is_a_change() {
        let loaded = stamp(100, 5, 7);
        assert_eq!(compare(&loaded, &Ok(stamp(100, 5, 7))), DiskState::Same);
        for now in [stamp(101, 5, 7), stamp(100, 6, 7), stamp(100, 5, 8)] {
            assert_eq!(compare(&loaded, &Ok(now)), DiskState::Changed);
        }
    }

    #[test]
    fn a_missing_file_is_removed_and_an_unreadable_one_is_not_news() {
        let loaded = stamp(100, 5, 7);
        let gone = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(compare(&loaded, &Err(gone)), DiskState::Removed);
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(compare(&loaded, &Err(denied)), DiskState::Same);
    }

    /// A file holding `text` in a new folder, read as the reader reads it.
    fn opened(text: &str) -> (tempfile::TempDir, std::path::PathBuf, OnDisk) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, text).unwrap();
        let (article, disk) = open(&path);
        article.unwrap();
        (dir, path, disk.unwrap())
    }

    /// Writes `text` to `path` as editors save: a new file renamed over the old one, so the
    /// stamp is new (another inode) whatever the clock's resolution.
    fn save(path: &Path, text: &str) {
        let fresh = path.with_extension("saving");
        std::fs::write(&fresh, text).unwrap();
        std::fs::rename(&fresh, path).unwrap();
    }

    #[test]
    fn stamps_of_real_files_see_rewrites_and_removal() {
        let (_dir, path, disk) = opened("one");
        let mut checked = None;
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Same);
        std::fs::write(&path, "one two").unwrap();
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Changed);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Removed);
    }

    #[test]
    fn a_file_saved_again_with_the_same_bytes_is_no_change() {
        let (_dir, path, disk) = opened("# One\n\nText.\n");
        save(&path, "# One\n\nText.\n");
        assert_ne!(stamp_of(&path).unwrap(), disk.stamp);
        let mut checked = None;
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Same);
        // The answer for that stamp is kept: the next looks only stat the file.
        checked.as_mut().unwrap().state = DiskState::Changed;
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Changed);
        // Other bytes under another stamp are read, and are a change; the same bytes put
        // back are none again.
        save(&path, "# One\n\nOther text.\n");
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Changed);
        save(&path, "# One\n\nText.\n");
        assert_eq!(look(&disk, &path, &mut checked), DiskState::Same);
    }
}
