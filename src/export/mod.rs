//! Exporting an article's highlights and notes: Markdown for notes apps, Web Annotation JSON-LD
//! for other tools. The export works on plain values ([`ExportDoc`]), not on the store, so its
//! layout is testable on its own and deterministic.

pub mod argument_map;
pub mod escape;
pub mod file_name;
pub mod from_store;
pub mod markdown;
pub mod merge;
pub mod mermaid;
pub mod web_annotation;

pub use crate::highlights::{AnchorStatus, Role};

/// Whether a highlight is listed apart, as needing the reader's attention.
pub fn is_doubtful(status: Option<AnchorStatus>) -> bool {
    matches!(status, Some(AnchorStatus::Review | AnchorStatus::Orphan))
}

/// The name of a highlight's status in exports: `unchecked` when the article's file is missing.
pub fn status_name(status: Option<AnchorStatus>) -> &'static str {
    status.map_or("unchecked", AnchorStatus::name)
}

/// A heading that encloses a highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionRef {
    pub level: u8,
    pub title: String,
}

/// One highlight as it is exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportHighlight {
    /// The annotation's ULID.
    pub id: String,
    /// The highlighted text exactly as it stands (or stood) in the article.
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    /// Character range in the current text; `None` for orphans.
    pub position: Option<(usize, usize)>,
    pub note: String,
    pub tags: Vec<String>,
    pub color: String,
    /// Its part in the argument, if any.
    pub role: Option<Role>,
    /// What it supports, opposes or answers.
    pub links: Vec<ExportLink>,
    /// Enclosing headings, outermost first.
    pub section: Vec<SectionRef>,
    /// How far into the article the highlight starts, 0–100.
    pub percent: u8,
    /// How it was found in the article; `None` when the article's file is missing, so it
    /// could not be looked for (exported as the store keeps it).
    pub status: Option<AnchorStatus>,
    pub created: String,
    pub updated: String,
}

/// A link from an exported highlight to another highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportLink {
    /// The other highlight's id.
    pub target: String,
    /// `supports`, `opposes`, `answers` (or a kind a newer folio wrote).
    pub kind: String,
    /// The other highlight was deleted (or is gone from the store): the link is exported as
    /// dangling, never dropped.
    pub dangling: bool,
}

/// Everything an export of one article needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDoc {
    pub title: String,
    /// The article's path or URL.
    pub source: String,
    pub doc_id: String,
    /// When the export was made (RFC 3339); the only value that comes from the clock.
    pub exported: String,
    /// Highlights in document order; doubtful ones may come anywhere and are listed last.
    pub highlights: Vec<ExportHighlight>,
}
