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

use crate::annotate::Store;

/// Opens the highlights store, printing any warning (a damaged file restored from a backup,
/// a newer file opened read-only) on standard error.
fn open_store(path: &Path) -> Result<Store, crate::annotate::StoreError> {
    let (store, warnings) = Store::open(path)?;
    for warning in warnings {
        eprintln!("folio: warning: {warning}");
    }
    Ok(store)
}
