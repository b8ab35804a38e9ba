//! `folio export`: choosing articles and destinations, merging with earlier exports, writing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::article::{Article, LoadError};
use crate::cli::{ExportArgs, ExportFormat};
use crate::export::file_name::safe_stem;
use crate::export::from_store::{export_doc, export_stored};
use crate::export::merge::merge;
use crate::export::{ExportDoc, markdown, web_annotation};
use crate::highlights::{DocKey, Store};

/// Runs the export; `default_dir` is where --all writes without -o. Files that could not be
/// written are reported one by one and make the exit status non-zero; the rest are written.
pub fn run(
    args: &ExportArgs,
    store_path: &Path,
    default_dir: &Path,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let store = super::open_store(store_path)?;
    let exported = jiff::Timestamp::now()
        .round(jiff::Unit::Second)?
        .to_string();
    let docs = gather(args, &store, &exported)?;
    let destination = destination(args, docs.len(), default_dir);
    match destination {
        Destination::Stdout => {
            for doc in &docs {
                out.write_all(fresh(doc, args.format).as_bytes())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Destination::File(path) => {
            let doc = docs.first().context("nothing to export")?;
            write_one(doc, &path, args)?;
            writeln!(out, "{}", path.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Destination::Folder(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
            let mut failed = false;
            let mut taken: Vec<String> = Vec::new();
            for doc in &docs {
                let path = dir.join(unique_name(&doc.title, args.format, &mut taken));
                match write_one(doc, &path, args) {
                    Ok(()) => writeln!(out, "{}", path.display())?,
                    Err(err) => {
                        eprintln!("folio: {err:#}");
                        failed = true;
                    }
                }
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

enum Destination {
    Stdout,
    File(PathBuf),
    Folder(PathBuf),
}

fn destination(args: &ExportArgs, count: usize, default_dir: &Path) -> Destination {
    let many = args.all || count > 1;
    match &args.output {
        Some(path) if path.as_os_str() == "-" => Destination::Stdout,
        Some(path) if many || path.is_dir() || path.to_string_lossy().ends_with('/') => {
            Destination::Folder(path.clone())
        }
        Some(path) => Destination::File(path.clone()),
        None if many => Destination::Folder(default_dir.to_path_buf()),
        None => Destination::Stdout,
    }
}

/// Said of an article whose file is gone: its notes are exported all the same.
const MISSING: &str = "the article's file is missing; its highlights are exported as folio \
                       stored them, unchecked";

/// The articles to export: those named, or every stored document with live highlights. One
/// whose file is missing is exported from what the store keeps, and said so.
fn gather(args: &ExportArgs, store: &Store, exported: &str) -> Result<Vec<ExportDoc>> {
    let mut docs = Vec::new();
    if !args.all && args.files.is_empty() {
        bail!(
            "name the articles whose highlights to export (folio export FILE...), or export \
             every article's with: folio export --all"
        );
    }
    if !args.all {
        for file in &args.files {
            let source = file.display().to_string();
            let article = match Article::open(file) {
                Ok(article) => article,
                Err(error @ LoadError::NotFound { .. }) => {
                    let key = super::stored_document(store, file).ok_or(error)?;
                    eprintln!("folio: {source}: {MISSING}");
                    docs.push(export_stored(store, &key, &source, exported));
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
            let key = store.document(&article);
            docs.push(export_doc(store, &key, &article, &source, exported));
        }
        return Ok(docs);
    }
    let mut keys: Vec<(DocKey, Vec<String>)> = store
        .documents()
        .filter(|(_, d)| d.annotations.iter().any(|a| a.deleted_at.is_none()))
        .map(|(key, d)| (key, d.paths.clone()))
        .collect();
    keys.sort();
    for (key, paths) in keys {
        let opened = paths
            .iter()
            .find_map(|p| Article::open(Path::new(p)).ok().map(|a| (a, p)));
        match opened {
            Some((article, path)) => docs.push(export_doc(store, &key, &article, path, exported)),
            None => {
                let source = paths.last().map_or("", String::as_str);
                eprintln!("folio: {}: {MISSING}", paths.join(", "));
                docs.push(export_stored(store, &key, source, exported));
            }
        }
    }
    if docs.is_empty() {
        bail!("no highlights to export in {}", store.path().display());
    }
    Ok(docs)
}

/// The export's text for a new file.
fn fresh(doc: &ExportDoc, format: ExportFormat) -> String {
    match format {
        ExportFormat::Md => markdown::render(doc).to_file(),
        ExportFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&web_annotation::collection(doc)).unwrap_or_default();
            json.push('\n');
            json
        }
    }
}

/// Writes one export, merging Markdown with an earlier export at the same path. With
/// --force, a file that would lose the user's text is first copied to `.bak`.
fn write_one(doc: &ExportDoc, path: &Path, args: &ExportArgs) -> Result<()> {
    let shown = path.display();
    let text = match (std::fs::read_to_string(path), args.format) {
        (Ok(existing), ExportFormat::Md) => {
            let merged = merge(&existing, &markdown::render(doc), false);
            match merged {
                Ok(text) => text,
                Err(refusal) if !args.force => bail!("{shown}: {refusal}"),
                Err(_) => {
                    let backup = PathBuf::from(format!("{}.bak", path.display()));
                    crate::atomic::write(&backup, existing.as_bytes())
                        .with_context(|| format!("{}: cannot keep a backup", backup.display()))?;
                    merge(&existing, &markdown::render(doc), true)?
                }
            }
        }
        (Err(e), _) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("{shown}: cannot read the earlier export"));
        }
        _ => fresh(doc, args.format),
    };
    crate::atomic::write(path, text.as_bytes())
        .with_context(|| format!("{shown}: cannot write the export"))
}

/// A file name from the title, made unique among those already used in this export.
fn unique_name(title: &str, format: ExportFormat, taken: &mut Vec<String>) -> String {
    let stem = safe_stem(title);
    let mut name = format!("{stem}.{}", format.extension());
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{stem}-{n}.{}", format.extension());
    }
    taken.push(name.clone());
    name
}
