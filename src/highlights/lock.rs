//! The writers' lock: an exclusive OS lock on `annotations.json.lock`, a file beside the store
//! that is never renamed, so every folio process locks the same inode. The holder writes its
//! process id in it, so one who waits can say for whom; a wait is said (through the notice set
//! with [`on_wait`]), ends after a timeout, and ends at once when folio is stopping.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::StoreError;

/// Held while a process reads, merges and replaces the store; released on drop.
#[derive(Debug)]
pub struct WriteLock {
    // Closing the file releases the OS lock.
    _file: File,
}

/// How long a save waits for another folio before it fails like any other failed save (the
/// change waits in memory); `FOLIO_LOCK_TIMEOUT` (seconds) sets another.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Waits shorter than this go unsaid: another folio's ordinary save takes milliseconds.
const QUIET: Duration = Duration::from_millis(300);
/// How often a waiting process tries the lock again.
const POLL: Duration = Duration::from_millis(20);

/// Set when folio is stopping (a signal came): waiting for the lock ends at once.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// A function that shows a line to the user.
type Notice = Box<dyn Fn(&str) + Send>;

/// Who hears that a save is waiting; standard error when nobody was set.
static NOTICE: Mutex<Option<Notice>> = Mutex::new(None);

/// Makes `notice` show "waiting for another folio (pid N) …" while a save waits for the lock,
/// instead of standard error (the reader owns the terminal).
pub fn on_wait(notice: impl Fn(&str) + Send + 'static) {
    if let Ok(mut slot) = NOTICE.lock() {
        *slot = Some(Box::new(notice));
    }
}

/// Ends every wait for the lock, now and from now on: folio is stopping and must not hang.
pub fn stop_waiting() {
    STOPPING.store(true, Ordering::SeqCst);
}

fn tell(line: &str) {
    match NOTICE.lock().as_deref() {
        Ok(Some(notice)) => notice(line),
        _ => eprintln!("folio: {line}"),
    }
}

/// The lock file's path for a store at `store`.
pub fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    store.with_file_name(name)
}

impl WriteLock {
    /// Takes the lock for `store`, waiting while another process holds it: said after a
    /// moment, given up after the timeout or when folio is stopping.
    pub fn acquire(store: &Path) -> Result<WriteLock, StoreError> {
        let path = lock_path(store);
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io("create the lock file", &path, e))?;
        wait_for(&file, &path)?;
        // Who holds it, for anyone who waits meanwhile; the lock works without it.
        let _ = file
            .set_len(0)
            .and_then(|()| writeln!(file, "{}", std::process::id()));
        Ok(WriteLock { _file: file })
    }
}

/// Waits until `file` (the lock file at `path`) is locked by us.
fn wait_for(file: &File, path: &Path) -> Result<(), StoreError> {
    let start = Instant::now();
    let timeout = timeout();
    let mut said = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) => return Err(StoreError::io("lock", path, e)),
        }
        let gave_up =
            |kind, why: String| Err(StoreError::io("lock", path, io::Error::new(kind, why)));
        if STOPPING.load(Ordering::SeqCst) {
            let why = format!("folio is stopping and {} holds it", holder(path));
            return gave_up(io::ErrorKind::Interrupted, why);
        }
        let waited = start.elapsed();
        if waited >= timeout {
            let why = format!("{} has held it for {} s", holder(path), waited.as_secs());
            return gave_up(io::ErrorKind::TimedOut, why);
        }
        if waited >= QUIET && !said {
            said = true;
            tell(&format!(
                "waiting for {} to finish saving … (up to {} s)",
                holder(path),
                timeout.as_secs()
            ));
        }
        std::thread::sleep(POLL);
    }
}

/// The timeout: `FOLIO_LOCK_TIMEOUT` seconds, else [`TIMEOUT`].
fn timeout() -> Duration {
    std::env::var("FOLIO_LOCK_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(TIMEOUT, Duration::from_secs)
}

/// The holder of the lock at `path`, as its file names it: "another folio (pid N)".
fn holder(path: &Path) -> String {
    let pid = std::fs::read_to_string(path)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok());
    match pid {
        Some(pid) => format!("another folio (pid {pid})"),
        None => "another folio".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_sits_beside_the_store_and_is_exclusive() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        assert_eq!(lock_path(&store), dir.path().join("annotations.json.lock"));
        let held = WriteLock::acquire(&store).unwrap();
        let other = File::options().write(true).open(lock_path(&store)).unwrap();
        assert!(other.try_lock().is_err());
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn the_holder_writes_its_pid_and_a_waiter_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.json");
        let held = WriteLock::acquire(&store).unwrap();
        let pid = std::process::id();
        assert_eq!(
            std::fs::read_to_string(lock_path(&store)).unwrap(),
            format!("{pid}\n")
        );
        assert_eq!(
            holder(&lock_path(&store)),
            format!("another folio (pid {pid})")
        );
        drop(held);
    }
}
