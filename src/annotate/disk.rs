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

/// The store at `path` if it is a good one of another generation than `known`: what another
/// process saved since. `None` for the same generation (read only up to knowing that), a
/// missing, damaged or newer file, or one that is not a regular file.
pub fn read_changed(path: &Path, known: u64) -> Option<StoreFile> {
    #[derive(Deserialize)]
    struct Generation {
        #[serde(default)]
        generation: u64,
    }
    // Never read a FIFO or a device: it may never end.
    crate::atomic::resolve(path).ok()?;
    let bytes = fs::read(path).ok()?;
    let found: Generation = serde_json::from_slice(&bytes).ok()?;
    if found.generation == known {
        return None;
    }
    match classify(bytes) {
        OnDisk::Good { file, .. } => Some(file),
        _ => None,
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
