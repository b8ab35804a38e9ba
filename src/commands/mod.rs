//! The bodies of the subcommands that are more than a call into the library, so `main.rs` only
//! dispatches.

pub mod add;
pub mod config;
pub mod docs;
pub mod export;
pub mod highlight;
pub mod import;
pub mod notes;
pub mod read;

use std::path::Path;

use crate::highlights::{DocKey, Store};

/// Opens the highlights store, printing any warning (a damaged file restored from a backup,
/// a newer file opened read-only) on standard error.
fn open_store(path: &Path) -> Result<Store, crate::highlights::StoreError> {
    let (store, warnings) = Store::open(path)?;
    for warning in warnings {
        eprintln!("folio: warning: {warning}");
    }
    Ok(store)
}

/// The stored document whose article was read from `file`, now missing: matched against the
/// paths the store recorded (canonical when they were recorded, so the folder is resolved
/// here the same way). The newest such document when several are.
fn stored_document(store: &Store, file: &Path) -> Option<DocKey> {
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf);
    let wanted = match (std::fs::canonicalize(folder), file.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => crate::paths::normalize(file),
    };
    let wanted = wanted.to_string_lossy();
    store
        .documents()
        .filter(|(_, d)| d.paths.iter().any(|p| *p == wanted))
        .map(|(key, _)| key)
        .last()
}
