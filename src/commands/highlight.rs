//! `folio highlight FILE --quote TEXT`: add a highlight from a script, without the reader.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::article::Article;
use crate::cli::HighlightArgs;
use crate::highlights::{Added, Store, find_quote};

/// Adds the highlight to the store at `store_path` and prints its id on `out`. A passage
/// highlighted already keeps its one highlight: its id is printed, and standard error says so.
pub fn run(args: &HighlightArgs, store_path: &Path, out: &mut impl Write) -> Result<()> {
    let article = Article::open(&args.file)?;
    let occurrence = args.occurrence.map(|n| n as usize);
    let range = find_quote(&article, &args.quote, occurrence)
        .with_context(|| format!("{}", args.file.display()))?;
    let mut store = super::open_store(store_path)?;
    let doc = store.document(&article);
    let added = store.highlight(&doc, &article, range, args.color, &args.note)?;
    report_warnings(&mut store);
    if let Added::Existing { id, note_added } = &added {
        let note = if *note_added {
            "your note was added after its note"
        } else {
            "no second highlight was made"
        };
        eprintln!("folio: this passage is highlighted already ({id}): {note}");
    }
    writeln!(out, "{}", added.into_id())?;
    Ok(())
}

fn report_warnings(store: &mut Store) {
    for warning in store.take_warnings() {
        eprintln!("folio: warning: {warning}");
    }
}
