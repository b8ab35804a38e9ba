//! `folio add FILE...` and `folio add -`: copy articles into the library and say where each went.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::article::sanitize;
use crate::cli::AddArgs;
use crate::library::{ARTICLE_EXTENSIONS, Added, add_bytes, add_file, add_folder};
use crate::progress::Progress;

/// Adds every path in `args` to `library`, reporting on `out`; problems go to standard error
/// and make the whole command fail once everything else was added.
pub fn run(args: &AddArgs, library: &Path, out: &mut impl Write) -> Result<()> {
    let dash = Path::new("-");
    if args.files.iter().filter(|f| *f == dash).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    let mut failures = 0usize;
    for file in &args.files {
        let outcome = if file == dash {
            add_stdin(library, out)
        } else if file.is_dir() {
            add_dir(library, file, out)
        } else {
            add_file(library, file)
                .map_err(anyhow::Error::from)
                .and_then(|added| report(out, &shown(file), file, &added))
                .map(|()| 0)
        };
        match outcome {
            Ok(failed) => failures += failed,
            Err(err) => {
                eprintln!("folio: {}", printable(&format!("{err:#}")));
                failures += 1;
            }
        }
    }
    if failures > 0 {
        bail!(
            "{failures} {} could not be added (see above)",
            if failures == 1 { "article" } else { "articles" }
        );
    }
    Ok(())
}

fn add_stdin(library: &Path, out: &mut impl Write) -> Result<usize> {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("folio: reading an article from standard input; finish with Ctrl-D");
    }
    let mut bytes = Vec::new();
    stdin
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    let added = add_bytes(library, &bytes)?;
    report(out, "standard input", Path::new(""), &added)?;
    Ok(0)
}

fn add_dir(library: &Path, dir: &Path, out: &mut impl Write) -> Result<usize> {
    let mut progress = Progress::on_stderr(&format!("adding {}", shown(dir)));
    let folder = add_folder(library, dir, |done, total| progress.update(done, total));
    for message in &folder.failed {
        eprintln!("folio: {}", printable(message));
    }
    let copied = folder
        .added
        .iter()
        .filter(|a| matches!(a, Added::Copied(_)))
        .count();
    let already = folder.added.len() - copied;
    if folder.added.is_empty() && folder.failed.is_empty() {
        bail!(
            "{}: no articles found (folio looks for files ending in .{})",
            shown(dir),
            ARTICLE_EXTENSIONS.join(", .")
        );
    }
    let mut line = format!(
        "added {copied} {} from {} -> {}",
        if copied == 1 { "article" } else { "articles" },
        shown(dir),
        shown(&folder.folder)
    );
    if already > 0 {
        line.push_str(&format!(" ({already} already there)"));
    }
    writeln!(out, "{line}")?;
    Ok(folder.failed.len())
}

/// One line saying where an article went. `name` is what was added, as printed; `source` is
/// the path given, for spotting a rename.
fn report(out: &mut impl Write, name: &str, source: &Path, added: &Added) -> Result<()> {
    match added {
        Added::Copied(path) => {
            let renamed = source.file_name().is_some() && source.file_name() != path.file_name();
            let note = if renamed { " (renamed)" } else { "" };
            writeln!(out, "added {name} -> {}{note}", shown(path))?;
        }
        Added::AlreadyThere(path) => {
            writeln!(out, "{name} is already in the library: {}", shown(path))?;
        }
    }
    Ok(())
}

/// A path as it is safe to print.
fn shown(path: &Path) -> String {
    printable(&path.display().to_string())
}

/// Text as it is safe to print: characters that could drive the terminal (in file names, say)
/// become `?`.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if sanitize::is_unsafe(c) { '?' } else { c })
        .collect()
}
