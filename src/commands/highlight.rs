//! `folio highlight FILE --quote TEXT [--role R] [--supports ID]…`: add a highlight from a
//! script, without the reader.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::article::Article;
use crate::cli::HighlightArgs;
use crate::highlights::{Added, HighlightId, LinkKind, Role, Store, find_quote};

/// Adds the highlight to the store at `store_path` and prints its id on `out`. A passage
/// highlighted already keeps its one highlight: its id is printed, and standard error says so.
pub fn run(args: &HighlightArgs, store_path: &Path, out: &mut impl Write) -> Result<()> {
    let article = Article::open(&args.file)?;
    let occurrence = args.occurrence.map(|n| n as usize);
    let range = find_quote(&article, &args.quote, occurrence)
        .with_context(|| format!("{}", args.file.display()))?;
    let mut store = super::open_store(store_path)?;
    let links = links(args);
    // Checked before anything is saved: a bad id must not leave a highlight half made.
    for (target, _) in &links {
        match store.annotation(target) {
            Some(a) if a.deleted_at.is_none() => {}
            Some(_) => bail!("cannot link to {target}: that highlight was deleted"),
            None => bail!("cannot link to {target}: no highlight has that id (see `folio notes`)"),
        }
    }
    let doc = store.document(&article);
    let color = args.color.or(args.role.map(Role::default_color));
    let added = store.highlight(&doc, &article, range, color.unwrap_or_default(), &args.note)?;
    let id = added.clone().into_id();
    if let Some(role) = args.role {
        // A colour given with the role stays; otherwise the role's own.
        store.set_role(&id, Some(role), |r| args.color.unwrap_or(r.default_color()))?;
    }
    for (target, kind) in &links {
        store.link(&id, target, *kind)?;
    }
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

/// The links asked for, each target with its kind.
fn links(args: &HighlightArgs) -> Vec<(HighlightId, LinkKind)> {
    let kinds = [
        (&args.supports, LinkKind::Supports),
        (&args.opposes, LinkKind::Opposes),
        (&args.answers, LinkKind::Answers),
    ];
    kinds
        .into_iter()
        .flat_map(|(ids, kind)| {
            ids.iter()
                .map(move |id| (HighlightId(id.trim().into()), kind))
        })
        .collect()
}

fn report_warnings(store: &mut Store) {
    for warning in store.take_warnings() {
        eprintln!("folio: warning: {warning}");
    }
}
