//! Replacing a file's contents so that a crash leaves either the old file or the new one,
//! never a half-written mix. Every file folio writes goes through here.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A step of replacing a file that failed: what was being done, on which file, and why.
#[derive(Debug, thiserror::Error)]
#[error("could not {action} {}: {source}", path.display())]
pub struct Failed {
    /// What was being done, as a verb that takes the path ("write", "replace").
    pub action: &'static str,
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

fn failed(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Failed {
    move |source| Failed {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Replaces `path` with `bytes`: a temporary file named after it in the same folder (so the
/// rename stays on one file system, and a leftover is known by [`remove_leftovers`]), given
/// the permissions of the file it replaces, flushed to disk, renamed over `path`, then the
/// folder flushed so the rename itself survives a power cut. The folder must exist.
///
/// A symbolic link is written through: the file it leads to is replaced and the link kept.
/// Anything but a regular file (a device such as `/dev/null`, a FIFO, a folder) is refused.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), Failed> {
    let target = resolve(path).map_err(failed("write", path))?;
    let dir = parent(&target);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&target))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(failed("create a temp file in", dir))?;
    // Keep the permissions the user gave the file; a new file keeps the temp file's private
    // ones (0600), so no new store is readable by others.
    if let Ok(meta) = fs::metadata(&target) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(failed("set permissions on", temp.path()))?;
    }
    // Through the file itself, so a failure reads as the system said it ("File too large",
    // "No space left on device"), and named after the file the user knows.
    temp.as_file_mut()
        .write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(failed("write", path))?;
    temp.persist(&target)
        .map_err(|e| failed("replace", path)(e.error))?;
    sync_dir(dir)
}

/// How many links are followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// The file that writing `path` must replace: `path` itself, or the end of the chain of
/// symbolic links it starts (which need not exist yet). An error when that is not a regular
/// file, or the links go round in a loop.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match fs::symlink_metadata(&at) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(at),
            Err(e) => return Err(e),
        };
        if meta.file_type().is_symlink() {
            // A relative link is relative to the folder holding it; an absolute one replaces.
            at = parent(&at).join(fs::read_link(&at)?);
            continue;
        }
        if meta.is_file() {
            return Ok(at);
        }
        let leads = if at == path {
            String::new()
        } else {
            format!("it leads to {}, which is ", at.display())
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{leads}{} and not a regular file; folio keeps notes only in regular files",
                kind_of(&meta)
            ),
        ));
    }
    Err(io::Error::other(
        "too many levels of symbolic links (a loop?)",
    ))
}

/// What a file that is not a regular file is, in plain words.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// [`replace`], making the folder first if it is missing; the error is the system's alone,
/// for callers that name the file themselves.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    fs::create_dir_all(parent(path))?;
    replace(path, bytes).map_err(|f| f.source)
}

/// Flushes a folder's entries, so a rename in it survives a power cut.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), Failed> {
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(failed("flush the folder", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Prefix of the temp files written beside `path`; a file left by a killed process is
/// recognised by it.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temp files that killed writers of `path` left beside it. Call only while no
/// other write to `path` can be in progress (holding its lock).
pub fn remove_leftovers(path: &Path) {
    // Temp files sit beside the file a link leads to.
    let path = resolve(path).unwrap_or_else(|_| path.to_path_buf());
    let prefix = temp_prefix(&path);
    let Ok(entries) = fs::read_dir(parent(&path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
            // A leftover that cannot be removed does no harm; the next writer tries again.
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_the_folder_and_replaces_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("sub/file.json");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(tmp.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["file.json"], "no temporary files left behind");
    }

    #[test]
    fn a_missing_folder_is_named_in_the_error() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("gone/file.json");
        let error = replace(&path, b"one").unwrap_err();
        assert_eq!(error.action, "create a temp file in");
        assert_eq!(error.path, tmp.path().join("gone"));
    }

    #[cfg(unix)]
    #[test]
    fn the_files_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        replace(&path, b"one").unwrap();
        assert_eq!(mode(&path), 0o600);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o644);
    }

    #[test]
    fn leftover_temps_are_removed_and_other_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        fs::write(dir.path().join(".annotations.json.abc123.tmp"), b"partial").unwrap();
        fs::write(dir.path().join("keep.tmp"), b"other").unwrap();
        remove_leftovers(&path);
        assert!(!dir.path().join(".annotations.json.abc123.tmp").exists());
        assert!(dir.path().join("keep.tmp").exists());
    }
}
