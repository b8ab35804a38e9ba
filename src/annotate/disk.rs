//! Reading the store file into one of its possible states, and replacing files atomically
//! (temp file in the same folder, fsync, rename over, fsync the folder).

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::StoreError;
use super::model::{FORMAT, SCHEMA_VERSION, StoreFile};

/// What is on disk at a store's path.
#[derive(Debug)]
pub enum OnDisk {
    Missing,
    /// A file this build can read and write. `bytes` are kept to make a backup of them.
    Good {
        file: StoreFile,
        bytes: Vec<u8>,
    },
    /// Written by a newer folio: shown if it parses, never written.
    Newer {
        version: u64,
        file: Option<StoreFile>,
    },
    /// Not a readable store: bad JSON, truncated, or not ours.
    Corrupt {
        bytes: Vec<u8>,
        reason: String,
    },
}

/// Reads and classifies the file at `path`.
pub fn read(path: &Path) -> Result<OnDisk, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(classify(bytes)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(OnDisk::Missing),
        Err(e) => Err(StoreError::io("read", path, e)),
    }
}

/// The two fields that say whether a file is ours and which schema it follows. Reading only
/// these first checks the whole file's syntax without building a tree of it.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    schema_version: Option<Value>,
}

fn classify(bytes: Vec<u8>) -> OnDisk {
    let header: Header = match serde_json::from_slice(&bytes) {
        Ok(h) => h,
        Err(e) => {
            let reason = if bytes.is_empty() {
                "the file is empty".to_string()
            } else {
                format!("it is not valid JSON ({e})")
            };
            return OnDisk::Corrupt { bytes, reason };
        }
    };
    if header.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        let reason = format!("it does not say \"format\": \"{FORMAT}\"");
        return OnDisk::Corrupt { bytes, reason };
    }
    let Some(version) = header.schema_version.as_ref().and_then(Value::as_u64) else {
        let reason = "it has no schema_version".to_string();
        return OnDisk::Corrupt { bytes, reason };
    };
    let parsed = serde_json::from_slice::<StoreFile>(&bytes);
    if version > u64::from(SCHEMA_VERSION) {
        return OnDisk::Newer {
            version,
            file: parsed.ok(),
        };
    }
    match parsed {
        Ok(file) => OnDisk::Good { file, bytes },
        Err(e) => OnDisk::Corrupt {
            bytes,
            reason: format!("its contents do not have the expected shape ({e})"),
        },
    }
}

/// Prefix of the temp files a save writes beside the store; a file left by a killed process
/// is recognised by it and removed by the next writer.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

const TEMP_SUFFIX: &str = ".tmp";

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the
/// new contents, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = parent(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| StoreError::io("create a temp file in", dir, e))?;
    // Keep the permissions the user gave the file; a new file gets the temp file's private ones.
    if let Ok(meta) = fs::metadata(path) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| StoreError::io("set permissions on", temp.path(), e))?;
    }
    // Through the file itself, so a failure reads as the system said it ("File too large",
    // "No space left on device"), and named after the file the user knows.
    temp.as_file_mut()
        .write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| StoreError::io("write", path, e))?;
    temp.persist(path)
        .map_err(|e| StoreError::io("replace", path, e.error))?;
    sync_dir(dir)
}

/// Flushes a folder's entries, so a rename in it survives a power cut.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("flush the folder", dir, e))?;
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

/// Removes temp files that killed writers left beside the store. Call only while holding the
/// write lock, when no other save can be in progress.
pub fn remove_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(parent(path)) else {
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

/// Copies the bytes of a damaged store aside, beside it, and returns where.
pub fn set_aside(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%S%.fZ")
        .to_string();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut aside = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
    }
    write_atomic(&aside, bytes)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good_bytes() -> Vec<u8> {
        serde_json::to_vec(&StoreFile::default()).unwrap()
    }

    #[test]
    fn classifies_missing_good_newer_and_corrupt_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        assert!(matches!(read(&path).unwrap(), OnDisk::Missing));

        fs::write(&path, good_bytes()).unwrap();
        assert!(matches!(read(&path).unwrap(), OnDisk::Good { .. }));

        let newer = r#"{"format":"folio-annotations","schema_version":9,"documents":{}}"#;
        fs::write(&path, newer).unwrap();
        assert!(matches!(
            read(&path).unwrap(),
            OnDisk::Newer {
                version: 9,
                file: Some(_)
            }
        ));

        for bad in ["", "{\"format\":", "[]", "{\"format\":\"other\"}"] {
            fs::write(&path, bad).unwrap();
            assert!(
                matches!(read(&path).unwrap(), OnDisk::Corrupt { .. }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_the_files_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }

    #[test]
    fn stale_temps_are_removed_and_other_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        fs::write(dir.path().join(".annotations.json.abc123.tmp"), b"partial").unwrap();
        fs::write(dir.path().join("keep.tmp"), b"other").unwrap();
        remove_stale_temps(&path);
        assert!(!dir.path().join(".annotations.json.abc123.tmp").exists());
        assert!(dir.path().join("keep.tmp").exists());
    }

    #[test]
    fn set_aside_never_overwrites_an_earlier_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        let a = set_aside(&path, b"first").unwrap();
        let b = set_aside(&path, b"second").unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(a).unwrap(), b"first");
        assert_eq!(fs::read(b).unwrap(), b"second");
    }
}
