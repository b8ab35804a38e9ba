//! `folio notes [--json] [--grep PATTERN] [--role R] [--tag T] [FILE]`: list highlights and
//! notes with their anchoring status, role and links; narrowed by words, role and tag.
//!
//! The JSON shape (stable; fields may be added, never renamed):
//!
//! ```json
//! { "store": "/home/me/.local/share/folio/annotations.json",
//!   "documents": [
//!     { "key": "3f9c…", "title": "The TikTok Exodus", "path": "/home/me/a.txt",
//!       "article_found": true,
//!       "highlights": [
//!         { "id": "01JD…", "status": "verified", "start": 1204, "end": 1228,
//!           "quote": "known as social commerce", "text": "known as social commerce",
//!           "note": "Markdown", "color": "yellow", "tags": [], "role": "evidence",
//!           "links": [ { "target": "01JC…", "kind": "supports", "dangling": false } ],
//!           "section": ["Heading"],
//!           "created_at": "2026-11-24T10:22:03Z", "updated_at": "2026-11-24T10:22:03Z" } ] } ] }
//! ```
//!
//! `status` is one of `verified`, `moved`, `fuzzy`, `review`, `orphan`, or `unchecked`.
//! `start`/`end` are character offsets into the article's current text and `text` the words
//! there (all three `null` for orphans); `quote` is the text as it was highlighted. When the
//! article cannot be opened from any path the store knows (`article_found: false`), nothing
//! could be checked: `status` is `unchecked` (never a status recorded earlier, which the
//! reader may since have found wrong) and `start`/`end` the stored position. Deleted
//! highlights are not listed.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use crate::article::sanitize::{escape_json_for_terminal, strip_controls};
use crate::article::{Article, LoadError};
use crate::cli::NotesArgs;
use crate::highlights::find::{NoteQuery, NoteText};
use crate::highlights::{DocKey, Link, Resolved, Role, Store};

/// The status of a highlight whose article cannot be opened: it could not be looked for.
const UNCHECKED: &str = "unchecked";

#[derive(Serialize)]
struct Listing {
    store: PathBuf,
    documents: Vec<DocListing>,
}

#[derive(Serialize)]
struct DocListing {
    key: String,
    title: String,
    path: Option<String>,
    article_found: bool,
    highlights: Vec<Highlight>,
}

#[derive(Serialize)]
struct Highlight {
    id: String,
    status: String,
    start: Option<usize>,
    end: Option<usize>,
    quote: String,
    text: Option<String>,
    note: String,
    color: String,
    tags: Vec<String>,
    /// `claim`, `evidence`, `objection`, `question`, `definition`, or null.
    role: Option<String>,
    links: Vec<LinkOut>,
    section: Vec<String>,
    created_at: jiff::Timestamp,
    updated_at: jiff::Timestamp,
}

/// A link from a listed highlight to another.
#[derive(Serialize)]
struct LinkOut {
    target: String,
    kind: String,
    /// The target was deleted or is gone from the store: the link is kept, shown as such.
    dangling: bool,
}

impl LinkOut {
    fn new(link: &Link) -> LinkOut {
        LinkOut {
            target: link.target.clone(),
            kind: link.kind.clone(),
            dangling: false,
        }
    }
}

/// Lists the highlights of `args.file`, or of every article in the store, on `out`.
pub fn run(args: &NotesArgs, store_path: &Path, out: &mut impl Write) -> Result<()> {
    let store = super::open_store(store_path)?;
    let documents = match &args.file {
        Some(file) => {
            let article = match Article::open(file) {
                Ok(article) => article,
                Err(error @ LoadError::NotFound { .. }) => {
                    let key = super::stored_document(&store, file).ok_or(error)?;
                    let shown = file.display().to_string();
                    return print(
                        args,
                        store_path,
                        vec![not_found(&store, &key, Some(shown))],
                        out,
                    );
                }
                Err(error) => return Err(error.into()),
            };
            let key = store.document(&article);
            let path = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
            let listing = found(&store, &key, &article, path.display().to_string());
            // An article without highlights has no entry in the store; list nothing for it.
            let known = store.documents().any(|(k, _)| k == key);
            known.then_some(listing).into_iter().collect()
        }
        None => store
            .documents()
            .map(|(key, _)| every(&store, &key))
            .filter(|d| !d.highlights.is_empty())
            .collect(),
    };
    let documents = narrow(args, &store, documents);
    print(args, store_path, documents, out)
}

/// Keeps the highlights `--grep`, `--role` and `--tag` ask for (and the documents with any),
/// and marks links whose target is no longer a live highlight.
fn narrow(args: &NotesArgs, store: &Store, mut documents: Vec<DocListing>) -> Vec<DocListing> {
    let live: HashSet<&str> = store
        .documents()
        .flat_map(|(_, d)| &d.annotations)
        .filter(|a| a.deleted_at.is_none())
        .map(|a| a.id.as_str())
        .collect();
    let filtering = args.grep.is_some() || args.role.is_some() || args.tag.is_some();
    let query = NoteQuery::new(
        args.grep.as_deref().unwrap_or(""),
        args.role,
        args.tag.as_deref(),
    );
    for doc in &mut documents {
        doc.highlights.retain(|h| {
            let role = h.role.as_deref().and_then(Role::from_name);
            !filtering || query.matches(&NoteText::new(&h.quote, &h.note, &h.tags, role))
        });
        for link in doc.highlights.iter_mut().flat_map(|h| &mut h.links) {
            link.dangling = !live.contains(link.target.as_str());
        }
    }
    if filtering {
        documents.retain(|d| !d.highlights.is_empty());
    }
    documents
}

/// Prints the listing of `documents`, as JSON or text.
fn print(
    args: &NotesArgs,
    store_path: &Path,
    documents: Vec<DocListing>,
    out: &mut impl Write,
) -> Result<()> {
    let listing = Listing {
        store: store_path.to_path_buf(),
        documents,
    };
    // Notes, quotes, titles and paths are the user's or the article's text and may carry
    // escape sequences: none of them may reach the terminal as one.
    if args.json {
        let json = serde_json::to_string_pretty(&listing)?;
        writeln!(out, "{}", escape_json_for_terminal(&json))?;
    } else {
        let mut text = Vec::new();
        write_text(&listing, &mut text)?;
        out.write_all(strip_controls(&String::from_utf8_lossy(&text)).as_bytes())?;
    }
    Ok(())
}

/// A document's listing, placed on its article if any stored path still opens.
fn every(store: &Store, key: &DocKey) -> DocListing {
    let paths = store
        .documents()
        .find(|(k, _)| k == key)
        .map(|(_, d)| d.paths.clone())
        .unwrap_or_default();
    // Newest path first: a moved file is likelier to be at its latest place.
    for path in paths.iter().rev() {
        if let Ok(article) = Article::open(Path::new(path)) {
            return found(store, key, &article, path.clone());
        }
    }
    not_found(store, key, paths.last().cloned())
}

fn found(store: &Store, key: &DocKey, article: &Article, path: String) -> DocListing {
    let highlights = store
        .resolve(key, article)
        .into_iter()
        .map(|r| {
            let text = r
                .range
                .clone()
                .map(|range| article.slice(range).to_string());
            highlight(r, text)
        })
        .collect();
    DocListing {
        key: key.0.clone(),
        title: article.title.clone(),
        path: Some(path),
        article_found: true,
        highlights,
    }
}

fn highlight(r: Resolved, text: Option<String>) -> Highlight {
    Highlight {
        id: r.id.0,
        status: r.status.name().to_string(),
        start: r.range.as_ref().map(|x| x.start),
        end: r.range.as_ref().map(|x| x.end),
        quote: r.quote,
        text,
        note: r.note,
        color: r.color.name().to_string(),
        tags: r.tags,
        role: r.role.map(|r| r.name().to_string()),
        links: r.links.iter().map(LinkOut::new).collect(),
        section: r.section,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

/// A document whose article could not be opened: what the store last recorded.
fn not_found(store: &Store, key: &DocKey, path: Option<String>) -> DocListing {
    let doc = store.documents().find(|(k, _)| k == key).map(|(_, d)| d);
    let highlights = doc
        .into_iter()
        .flat_map(|d| &d.annotations)
        .filter(|a| a.deleted_at.is_none())
        .map(|a| Highlight {
            id: a.id.clone(),
            status: UNCHECKED.to_string(),
            start: Some(a.target.position.start),
            end: Some(a.target.position.end),
            quote: a.target.quote.exact.clone(),
            text: None,
            note: a.note.clone(),
            color: a.color.clone(),
            tags: a.tags.clone(),
            role: a.role.clone(),
            links: a.links.iter().map(LinkOut::new).collect(),
            section: a.target.section.clone(),
            created_at: a.created_at,
            updated_at: a.updated_at,
        })
        .collect();
    DocListing {
        key: key.0.clone(),
        title: doc.map(|d| d.title.clone()).unwrap_or_default(),
        path,
        article_found: false,
        highlights,
    }
}

fn write_text(listing: &Listing, out: &mut impl Write) -> Result<()> {
    if listing.documents.is_empty() {
        writeln!(out, "no highlights in {}", listing.store.display())?;
    }
    for doc in &listing.documents {
        let place = doc.path.as_deref().unwrap_or("no known path");
        let missing = if doc.article_found {
            ""
        } else {
            " (article file missing: nothing checked)"
        };
        writeln!(out, "{} ({place}){missing}", doc.title)?;
        for h in &doc.highlights {
            let span = match (h.start, h.end) {
                (Some(s), Some(e)) => format!("{s}-{e}"),
                _ => "-".to_string(),
            };
            let role = h.role.as_deref().unwrap_or("");
            writeln!(
                out,
                "  {:<8}  {span:<11}  {:<6}  {role:<10}  \"{}\"  [{}]",
                h.status,
                h.color,
                one_line(&h.quote),
                h.id
            )?;
            for line in h.note.lines() {
                writeln!(out, "      {line}")?;
            }
            for link in &h.links {
                let gone = if link.dangling { " (deleted)" } else { "" };
                writeln!(out, "      {} {}{gone}", link.kind, link.target)?;
            }
        }
    }
    Ok(())
}

/// A quote on one line, shortened to keep listings readable.
fn one_line(quote: &str) -> String {
    const MAX: usize = 72;
    let flat = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        flat.chars().take(MAX - 1).chain(['…']).collect()
    }
}
