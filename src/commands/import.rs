//! `folio import FILE...`: merges other annotations files into the store, such as the one
//! the reader wrote when it could not save there, or a copy from another machine.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::ImportArgs;
use crate::highlights::read_other;

/// Merges each file into the store at `store_path` (by highlight id, the newer version of
/// each winning) and says what each brought in.
pub fn run(args: &ImportArgs, store_path: &Path, out: &mut impl Write) -> Result<()> {
    let mut store = super::open_store(store_path)?;
    for file in &args.files {
        let other = read_other(file)?;
        let imported = store.import(&other)?;
        for warning in store.take_warnings() {
            eprintln!("folio: warning: {warning}");
        }
        writeln!(
            out,
            "{}: {} highlight{} added, {} updated in {}",
            file.display(),
            imported.added,
            if imported.added == 1 { "" } else { "s" },
            imported.updated,
            store_path.display()
        )?;
    }
    Ok(())
}
