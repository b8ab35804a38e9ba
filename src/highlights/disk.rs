//! Reading the store file into one of its possible states, and setting a damaged one aside.

use std::fs;
use std::io::ErrorKind;
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
    /// Not a regular file (a link to `/dev/null`, a FIFO): never read nor written, as reading
    /// a device or a pipe may never end and writing one throws the notes away.
    NotAFile {
        reason: String,
    },
}

/// Reads and classifies the file at `path`.
pub fn read(path: &Path) -> Result<OnDisk, StoreError> {
    if let Err(e) = crate::atomic::resolve(path)
        && e.kind() == ErrorKind::InvalidInput
    {
        return Ok(OnDisk::NotAFile {
            reason: e.to_string(),
        });
    }
    match fs::read(path) {
        Ok(bytes) => Ok(classify(bytes)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(OnDisk::Missing),
        Err(e) => Err(StoreError::io("read", path, e)),
    }
}

/// Which version of a file is on disk: device, inode, length and modification time. A
/// snapshot is only ever replaced whole (a new inode), so an unchanged stamp is an unchanged
/// snapshot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// The stamp of the file at `path` (links followed), `None` when there is none.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = (0, 0);
    Some(Stamp {
        dev,
        ino,
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// The store's files as a process last read or wrote them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// The snapshot's stamp; `None` when there was none.
    pub snapshot: Option<Stamp>,
    /// Its size, which decides when the journal is folded into a new one.
    pub snapshot_len: u64,
    /// The `generation` written in it, which its journal names.
    pub snapshot_generation: u64,
    /// The bytes of its journal read or written, up to the end of a whole line; 0 when there
    /// is no journal of that snapshot (the next save starts one).
    pub journal_len: u64,
}

impl Seen {
    /// The snapshot at `path` as it is now, `len` bytes of generation `generation`, before
    /// its journal is read.
    pub fn now(path: &Path, len: usize, generation: u64) -> Seen {
        Seen {
            snapshot: stamp(path),
            snapshot_len: len as u64,
            snapshot_generation: generation,
            journal_len: 0,
        }
    }
}

/// The snapshot at `path` if it is a good one other than the one `seen` describes: what
/// another process wrote since, with how it now stands. `None` when it is the same file, or
/// a missing, damaged or newer one, or not a regular file.
pub fn read_changed(path: &Path, seen: &Seen) -> Option<(StoreFile, Seen)> {
    // Never read a FIFO or a device: it may never end.
    crate::atomic::resolve(path).ok()?;
    let before = stamp(path);
    if before.is_none() || before == seen.snapshot {
        return None;
    }
    let bytes = fs::read(path).ok()?;
    let len = bytes.len();
    match classify(bytes) {
        OnDisk::Good { file, .. } => {
            let generation = file.generation;
            let mut now = Seen::now(path, len, generation);
            now.snapshot = before;
            Some((file, now))
        }
        _ => None,
    }
}

/// The two fields that say whether a file is ours and which schema it follows, read to say
/// why a file is not a store this build can use.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    schema_version: Option<Value>,
}

/// The file as a store. UTF-8 is checked once over the whole file (fast) rather than string
/// by string as the parser goes.
fn parse(bytes: &[u8]) -> serde_json::Result<StoreFile> {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    }
}

fn classify(bytes: Vec<u8>) -> OnDisk {
    // A good file is read once; only one that does not read is read again, field by field,
    // to say why.
    if let Ok(file) = parse(&bytes)
        && file.format == FORMAT
    {
        return match u64::from(file.schema_version) {
            version if version > u64::from(SCHEMA_VERSION) => OnDisk::Newer {
                version,
                file: Some(file),
            },
            _ => OnDisk::Good { file, bytes },
        };
    }
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
    crate::atomic::replace(&aside, bytes)?;
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
