//! Somewhere to write when the usual place fails: the folder a file belongs in, then the home
//! folder, then the temporary folder, taking the first where the write succeeds. Used for
//! notes being written when folio is stopped and for changes the store could not save.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Bytes a probe writes: a folder on a full disk still takes an empty file, so only a write
/// that needs room tells it apart.
const PROBE_BYTES: usize = 4096;

/// `first`, then `$HOME`, then `$TMPDIR` (the platform's temporary folder), each once.
pub fn folders(first: &Path) -> Vec<PathBuf> {
    let mut folders = vec![first.to_path_buf()];
    if let Some(base) = directories::BaseDirs::new() {
        folders.push(base.home_dir().to_path_buf());
    }
    folders.push(std::env::temp_dir());
    let mut seen = Vec::new();
    folders.retain(|f| {
        let key = crate::paths::normalize(f);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    folders
}

/// Whether a file with some bytes in it can be written in `folder` now (the probe is removed).
pub fn takes_writes(folder: &Path) -> bool {
    let Ok(mut probe) = tempfile::Builder::new()
        .prefix(".folio-probe")
        .tempfile_in(folder)
    else {
        return false;
    };
    probe.write_all(&[0; PROBE_BYTES]).is_ok() && probe.as_file().sync_all().is_ok()
}

/// Tries `write` on each of `places` in order and answers with the first that succeeded, or
/// with every failure, one per place, in plain words.
pub fn first_that_takes<T, E: std::fmt::Display>(
    places: impl IntoIterator<Item = PathBuf>,
    mut write: impl FnMut(&Path) -> Result<T, E>,
) -> Result<(PathBuf, T), Vec<String>> {
    let mut failures = Vec::new();
    for place in places {
        match write(&place) {
            Ok(done) => return Ok((place, done)),
            Err(e) => failures.push(format!("{}: {e}", place.display())),
        }
    }
    Err(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_moves_on_to_the_next_place() {
        let dir = tempfile::tempdir().unwrap();
        let places = ["full", "home", "tmp"].map(|p| dir.path().join(p));
        // The first place fails as a full disk does: the next one is taken, not given up.
        let mut tried = Vec::new();
        let took = first_that_takes(places.clone(), |p| {
            tried.push(p.to_path_buf());
            if p.ends_with("full") {
                Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
            } else {
                Ok(())
            }
        });
        assert_eq!(took.map(|(p, ())| p), Ok(places[1].clone()));
        assert_eq!(tried, places[..2]);
        let none = first_that_takes(places.clone(), |_| Err::<(), _>("no room"));
        assert_eq!(none.unwrap_err().len(), 3);
    }

    #[test]
    fn a_folder_that_cannot_hold_a_file_does_not_take_writes() {
        let dir = tempfile::tempdir().unwrap();
        assert!(takes_writes(dir.path()));
        let file = dir.path().join("a-file");
        std::fs::write(&file, "not a folder").unwrap();
        assert!(!takes_writes(&file));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "probe removed"
        );
        assert_eq!(folders(dir.path())[0], dir.path());
    }
}
