//! `folio highlight FILE --quote TEXT`: add a highlight from a script, without the reader.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::annotate::{Store, find_quote};
use crate::article::Article;
use crate::cli::HighlightArgs;

/// Adds the highlight to the store at `store_path` and prints its id on `out`.
pub fn run(args: &HighlightArgs, store_path: &Path, out: &mut impl Write) -> Result<()> {
    let article = Article::open(&args.file)?;
    let occurrence = args.occurrence.map(|n| n as usize);
    let range = find_quote(&article, &args.quote, occurrence)
        .with_context(|| format!("{}", args.file.display()))?;
    let mut store = super::open_store(store_path)?;
    let doc = store.document(&article);
    let id = store.add(&doc, &article, range, args.color, &args.note)?;
    report_warnings(&mut store);
    writeln!(out, "{id}")?;
    Ok(())
}

fn report_warnings(store: &mut Store) {
    for warning in store.take_warnings() {
        eprintln!("folio: warning: {warning}");
    }
}
