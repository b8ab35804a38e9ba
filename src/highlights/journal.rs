//! The journal beside a large store, `annotations.json.journal`: JSON Lines, a header naming
//! the generation of the snapshot (`annotations.json`) it continues, then one line per save
//! holding only what that save changed. A save of one note appends a few hundred bytes and
//! flushes them, whatever the store's size; the snapshot is rewritten whole only now and then
//! (see [`super::store`]). A line cut short by a crash is an unconfirmed save, and is cut off
//! by the next writer.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::model::{Document, Highlight, SCHEMA_VERSION, StoreFile};

/// The header's `format`: a first line without it is not a journal of ours.
pub const FORMAT: &str = "folio-annotations-journal";

/// The first line.
#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    schema_version: u32,
    /// The `generation` of the snapshot this journal continues.
    follows_generation: u64,
}

/// One save: the documents it changed (their title, paths and text as they are now), each
/// with only the annotations it changed, whole; and the documents it removed (folded into
/// another entry for the same text).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub generation: u64,
    #[serde(default)]
    pub saved_at: Option<Timestamp>,
    #[serde(default)]
    pub saved_by: String,
    #[serde(default)]
    pub documents: BTreeMap<String, Document>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// The journal's path for a store at `store`.
pub fn path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    store.with_file_name(name)
}

/// What a whole journal holds.
#[derive(Debug, Default)]
pub struct Journal {
    /// The snapshot generation it continues; `None` when there is no journal (or an empty one).
    pub follows: Option<u64>,
    /// Its schema, when newer than this build's: the store is then read-only.
    pub newer: Option<u64>,
    /// Begun by an older schema: this build must not append to it (see `SCHEMA_VERSION`).
    pub older: bool,
    pub records: Vec<Record>,
    /// Bytes up to the end of the last whole line that reads: where the next save appends.
    pub len: u64,
    /// Why a whole line did not read: the journal is damaged from there on.
    pub damaged: Option<String>,
}

/// Reads the journal at `path`; a missing one is empty. Anything but a regular file is never
/// read (it may never end).
pub fn read(path: &Path) -> Result<Journal, StoreError> {
    crate::atomic::resolve(path).map_err(|e| StoreError::io("read", path, e))?;
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Journal::default()),
        Err(e) => return Err(StoreError::io("read", path, e)),
    };
    let mut journal = Journal::default();
    let mut lines = whole_lines(&bytes, 0);
    let Some((header, end)) = lines.next() else {
        return Ok(journal);
    };
    match serde_json::from_slice::<Header>(header) {
        Ok(h) if h.format == FORMAT => {
            journal.follows = Some(h.follows_generation);
            if h.schema_version > SCHEMA_VERSION {
                journal.newer = Some(u64::from(h.schema_version));
            }
            journal.older = h.schema_version < SCHEMA_VERSION;
        }
        _ => {
            journal.damaged = Some("its first line is not a folio journal header".into());
            return Ok(journal);
        }
    }
    journal.len = end;
    let (records, len, damaged) = records(lines, end);
    journal.records = records;
    journal.len = len;
    journal.damaged = damaged;
    Ok(journal)
}

/// The records appended after byte `from` (the end of a whole line this process read or
/// wrote), and the new end. `None` when the journal is shorter than that (it was replaced).
pub fn read_from(path: &Path, from: u64) -> Option<(Vec<Record>, u64)> {
    crate::atomic::resolve(path).ok()?;
    let mut file = fs::File::open(path).ok()?;
    if file.metadata().ok()?.len() < from {
        return None;
    }
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    let (records, len, _) = records(whole_lines(&bytes, from), from);
    Some((records, len))
}

/// Each line ended by a newline, with the offset just past it (`base` being `bytes`'s
/// offset in the file). A last line without its newline is a write cut short: left out.
fn whole_lines(bytes: &[u8], base: u64) -> impl Iterator<Item = (&[u8], u64)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(at..)?;
        let n = memchr::memchr(b'\n', rest)?;
        let line = &rest[..n];
        at += n + 1;
        Some((line, base + at as u64))
    })
}

/// The records among `lines` up to the first that does not read, the end of the last that
/// did (from `start`), and why one did not.
fn records<'b>(
    lines: impl Iterator<Item = (&'b [u8], u64)>,
    start: u64,
) -> (Vec<Record>, u64, Option<String>) {
    let mut out = Vec::new();
    let mut len = start;
    for (line, end) in lines {
        match serde_json::from_slice::<Record>(line) {
            Ok(record) => {
                out.push(record);
                len = end;
            }
            Err(e) => return (out, len, Some(format!("a line does not read ({e})"))),
        }
    }
    (out, len, None)
}

/// Appends `record` to the journal at `path`, whose first `len` bytes are the whole lines
/// this process knows (0: start a new journal following snapshot generation `follows`), and
/// flushes it to disk. Whatever lies past `len` (a line cut short) is cut off first. Answers
/// with the journal's new length; on failure the journal is cut back to `len`.
pub fn append(path: &Path, len: u64, follows: u64, record: &Record) -> Result<u64, StoreError> {
    let encode = |source| StoreError::Encode {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    if len == 0 {
        let header = Header {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            follows_generation: follows,
        };
        serde_json::to_writer(&mut bytes, &header).map_err(encode)?;
        bytes.push(b'\n');
    }
    serde_json::to_writer(&mut bytes, record).map_err(encode)?;
    bytes.push(b'\n');
    let target = crate::atomic::resolve(path).map_err(|e| StoreError::io("write", path, e))?;
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&target)
        .map_err(|e| StoreError::io("write", path, e))?;
    let written = file
        .set_len(len)
        .and_then(|()| file.seek(SeekFrom::Start(len)))
        .and_then(|_| file.write_all(&bytes))
        .and_then(|()| file.sync_data());
    if let Err(e) = written {
        // Leave no half line behind for a reader to puzzle over; the next writer cuts it too.
        let _ = file.set_len(len).and_then(|()| file.sync_data());
        return Err(StoreError::io("write", path, e));
    }
    if len == 0 {
        crate::atomic::sync_dir(crate::atomic::parent(&target))?;
    }
    Ok(len + bytes.len() as u64)
}

/// Removes the journal once a new snapshot holds all it said. Failing to is harmless: its
/// header names an older snapshot, so it is ignored and replaced.
pub fn remove(path: &Path) {
    let _ = fs::remove_file(path);
}

/// Applies one save to `file`: each document's description replaced, each annotation put in
/// place of the version held unless that one is newer (so replaying over an older backup
/// never undoes a later edit), removed documents dropped.
pub fn apply(file: &mut StoreFile, record: &Record) {
    for (key, doc) in &record.documents {
        let Some(held) = file.documents.get_mut(key) else {
            file.documents.insert(key.clone(), doc.clone());
            continue;
        };
        held.title.clone_from(&doc.title);
        held.paths.clone_from(&doc.paths);
        held.text.clone_from(&doc.text);
        held.extra.clone_from(&doc.extra);
        for ann in &doc.annotations {
            upsert(&mut held.annotations, ann);
        }
    }
    for key in &record.removed {
        file.documents.remove(key);
    }
    file.generation = file.generation.max(record.generation);
    file.saved_at = record.saved_at;
    file.saved_by.clone_from(&record.saved_by);
}

fn upsert(annotations: &mut Vec<Highlight>, ann: &Highlight) {
    match annotations.iter_mut().find(|a| a.id == ann.id) {
        Some(held) if held.updated_at <= ann.updated_at => *held = ann.clone(),
        Some(_) => {}
        None => annotations.push(ann.clone()),
    }
}
