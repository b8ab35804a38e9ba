//! Noticing that the open article's file was rewritten or removed while it is read, cheaply
//! (its length, modification time and inode, looked at every second and when the terminal
//! gets the focus back; the bytes are read only once per new stamp, to tell a rewrite with the
//! same bytes from a change), and carrying the reading position over to a reloaded text.

use std::io::{self, Read};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use crate::annotate::{anchor, reanchor};
use crate::article::{Article, LoadError};

use super::keymap::Key;
use super::model::Model;
use super::update::Msg;

/// How often the open file is looked at: a stat a second costs nothing, and a user who just
/// saved the file elsewhere learns of it before they read far.
const EVERY: Duration = Duration::from_secs(1);

/// How many characters from the top of the screen are looked for in a reloaded text.
const TOP_QUOTE: usize = 64;

/// What tells one version of a file from another without reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: editors that save by renaming a new file over the old one give it a
    /// new inode even when its length and time happen to match.
    node: Option<(u64, u64)>,
}

impl Stamp {
    /// The stamp of the file at `path` as it is now.
    pub fn of(path: &Path) -> io::Result<Stamp> {
        let meta = std::fs::metadata(path)?;
        Ok(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            node: node(&meta),
        })
    }
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

/// How the file on disk stands against the copy on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    Same,
    Changed,
    Removed,
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
    let stamp = Stamp::of(path).ok();
    match Article::open_hashed(path) {
        Ok((article, digest)) => {
            let loaded_at = jiff::ZonedDateTime::now().strftime("%H:%M").to_string();
            let on_disk = stamp.map(|stamp| OnDisk::new(stamp, digest, loaded_at));
            (Ok(article), on_disk)
        }
        Err(error) => (Err(error), None),
    }
}

/// The file an article was read from, as it was then, and what the last look found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnDisk {
    stamp: Stamp,
    /// The hash of the bytes read: a file written again with the same bytes is no change.
    digest: blake3::Hash,
    /// When it was read, as local "HH:MM", for the notice once the file is gone.
    pub loaded_at: String,
    pub state: DiskState,
}

impl OnDisk {
    pub fn new(stamp: Stamp, digest: blake3::Hash, loaded_at: String) -> OnDisk {
        OnDisk {
            stamp,
            digest,
            loaded_at,
            state: DiskState::Same,
        }
    }

    /// How the file at `path` stands now against this copy. Under a new stamp the file is
    /// read and hashed, once: `checked` keeps the answer for that stamp, so a file rewritten
    /// with the same bytes (or changed and left so) costs one stat a look from then on.
    fn look(&self, path: &Path, checked: &mut Option<Checked>) -> DiskState {
        let now = Stamp::of(path);
        let state = compare(&self.stamp, &now);
        let (DiskState::Changed, Ok(stamp)) = (state, now) else {
            return state;
        };
        if let Some(known) = checked
            && known.digest == self.digest
            && known.stamp == stamp
        {
            return known.state;
        }
        let state = if self.holds_same_bytes(path) {
            DiskState::Same
        } else {
            DiskState::Changed
        };
        *checked = Some(Checked {
            digest: self.digest,
            stamp,
            state,
        });
        state
    }

    /// Whether the file at `path` holds the very bytes the article was read from; a file that
    /// cannot be read does not, nor does a FIFO or a device put in its place (never waited on
    /// nor read without end: they are refused when opened).
    fn holds_same_bytes(&self, path: &Path) -> bool {
        let mut hasher = blake3::Hasher::new();
        let Ok(file) = crate::regular_file::open(path) else {
            return false;
        };
        let capped = file.take(crate::regular_file::MAX_BYTES + 1);
        hasher.update_reader(capped).is_ok() && hasher.finalize() == self.digest
    }

    /// What the status line keeps saying while the file differs from the copy shown;
    /// `reload` is the key bound to reloading, if any.
    pub fn notice(&self, reload: Option<Key>) -> Option<String> {
        match self.state {
            DiskState::Same => None,
            DiskState::Changed => Some(match reload {
                Some(key) => format!("file changed on disk — press {key} to reload"),
                None => "file changed on disk — open it again to see the new text".to_string(),
            }),
            DiskState::Removed => Some(format!(
                "file was removed — showing the copy loaded at {}",
                self.loaded_at
            )),
        }
    }
}

/// What reading the file under a new stamp found, against the bytes an article was read from.
#[derive(Debug)]
struct Checked {
    digest: blake3::Hash,
    stamp: Stamp,
    state: DiskState,
}

/// Times the looks at the open article's file, for the driver.
#[derive(Debug)]
pub struct Watcher {
    next: Instant,
    /// The last new stamp whose bytes were read, and what they said.
    checked: Option<Checked>,
}

impl Default for Watcher {
    /// The first look a period from now: the file was stamped just now, when it was read.
    fn default() -> Watcher {
        Watcher {
            next: Instant::now() + EVERY,
            checked: None,
        }
    }
}

impl Watcher {
    /// When the next look is due; waiting for input should end by then.
    pub fn due(&self) -> Instant {
        self.next
    }

    /// Looks at the open article's file when a look is due, or at once with `now` (the
    /// terminal got the focus back); answers only when what it found differs from what the
    /// reader shows.
    pub fn look(&mut self, model: &Model, now: bool) -> Option<Msg> {
        if !now && Instant::now() < self.next {
            return None;
        }
        self.next = Instant::now() + EVERY;
        let reader = model.reader.as_ref()?;
        let (path, disk) = (reader.path.as_ref()?, reader.on_disk.as_ref()?);
        let state = disk.look(path, &mut self.checked);
        (state != disk.state).then_some(Msg::Disk(state))
    }
}

/// Where the reading position `top` of `old` lies in `new`, a new version of the same file:
/// where the text that was on top went (found the way a highlight is found again), else the
/// same fraction of the way through.
pub fn carry_position(old: &Article, top: usize, new: &Article) -> usize {
    if old.text_hash == new.text_hash {
        return top.min(new.char_len);
    }
    let end = top.saturating_add(TOP_QUOTE).min(old.char_len);
    anchor::target_for(old, top..end)
        .ok()
        .and_then(|target| reanchor::place_all([&target], new).pop())
        .and_then(|placed| placed.range)
        .map_or_else(
            || same_fraction(top, old.char_len, new.char_len),
            |range| range.start,
        )
}

/// Offset `offset` of a text `from` characters long moved to the same fraction of one `to`
/// characters long.
pub fn same_fraction(offset: usize, from: usize, to: usize) -> usize {
    if from == 0 {
        return offset.min(to);
    }
    let scaled = offset as u128 * to as u128 / from as u128;
    usize::try_from(scaled).map_or(to, |o| o.min(to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::tests::article_of;

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
        assert_eq!(disk.look(&path, &mut checked), DiskState::Same);
        std::fs::write(&path, "one two").unwrap();
        assert_eq!(disk.look(&path, &mut checked), DiskState::Changed);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(disk.look(&path, &mut checked), DiskState::Removed);
    }

    #[test]
    fn a_file_saved_again_with_the_same_bytes_is_no_change() {
        let (_dir, path, disk) = opened("# One\n\nText.\n");
        save(&path, "# One\n\nText.\n");
        assert_ne!(Stamp::of(&path).unwrap(), disk.stamp);
        let mut checked = None;
        assert_eq!(disk.look(&path, &mut checked), DiskState::Same);
        // The answer for that stamp is kept: the next looks only stat the file.
        checked.as_mut().unwrap().state = DiskState::Changed;
        assert_eq!(disk.look(&path, &mut checked), DiskState::Changed);
        // Other bytes under another stamp are read, and are a change; the same bytes put
        // back are none again.
        save(&path, "# One\n\nOther text.\n");
        assert_eq!(disk.look(&path, &mut checked), DiskState::Changed);
        save(&path, "# One\n\nText.\n");
        assert_eq!(disk.look(&path, &mut checked), DiskState::Same);
    }

    #[test]
    fn the_notice_names_the_reload_key_or_the_time_of_loading() {
        let mut disk = OnDisk::new(stamp(1, 1, 1), blake3::hash(b""), "09:41".into());
        assert_eq!(disk.notice("R".parse().ok()), None);
        disk.state = DiskState::Changed;
        assert_eq!(
            disk.notice("R".parse().ok()).unwrap(),
            "file changed on disk — press R to reload"
        );
        assert!(disk.notice(None).unwrap().contains("open it again"));
        disk.state = DiskState::Removed;
        assert_eq!(
            disk.notice(None).unwrap(),
            "file was removed — showing the copy loaded at 09:41"
        );
    }

    #[test]
    fn the_text_on_top_is_followed_into_the_new_version() {
        let old = article_of(&[
            "# Title",
            "First paragraph about ferries and their timetables.",
            "Second paragraph about the lighthouse keeper's long night.",
        ]);
        let top = old.text.find("Second").unwrap();
        let top = old.text[..top].chars().count();
        // A paragraph added above moves the text down.
        let new = article_of(&[
            "# Title",
            "A new opening paragraph, written after the first reading.",
            "First paragraph about ferries and their timetables.",
            "Second paragraph about the lighthouse keeper's long night.",
        ]);
        let carried = carry_position(&old, top, &new);
        assert!(
            new.slice(carried..new.char_len)
                .starts_with("Second paragraph")
        );
        // The same text keeps its offset.
        assert_eq!(carry_position(&old, top, &old), top);
    }

    #[test]
    fn text_that_is_gone_keeps_the_same_fraction() {
        let old = article_of(&["aaaa bbbb cccc dddd", "eeee ffff gggg hhhh"]);
        let new = article_of(&["zzzz yyyy", "xxxx wwww vvvv uuuu tttt ssss rrrr qqqq"]);
        let top = old.char_len / 2;
        assert_eq!(
            carry_position(&old, top, &new),
            same_fraction(top, old.char_len, new.char_len)
        );
        // The end stays the end.
        assert_eq!(carry_position(&old, old.char_len, &new), new.char_len);
    }

    #[test]
    fn fractions_scale_and_stay_inside() {
        assert_eq!(same_fraction(50, 100, 300), 150);
        assert_eq!(same_fraction(100, 100, 7), 7);
        assert_eq!(same_fraction(5, 0, 3), 3);
        assert_eq!(same_fraction(usize::MAX, 1, usize::MAX), usize::MAX);
    }
}
