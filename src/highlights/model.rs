//! The serde types of `annotations.json`, with a catch-all map at every level so that fields
//! written by a newer folio survive a load and save by an older one.

use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::fields::known_fields_and_extra;
use serde_json::{Map, Value};

/// The value of the top-level `format` field; a JSON file without it is not ours.
pub const FORMAT: &str = "folio-annotations";

/// The schema this build reads and writes. A file with a higher number opens read-only.
///
/// 2 added `role` and `links` to annotations: a schema-1 store reads as one without roles or
/// links and is written back as schema 2 on its first save (an older folio then opens it
/// read-only rather than writing over links it cannot show).
pub const SCHEMA_VERSION: u32 = 2;

/// Fields this build does not know, kept verbatim.
pub type Extra = Map<String, Value>;

/// The whole file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoreFile {
    pub format: String,
    pub schema_version: u32,
    /// Bumped on every save, so a writer can tell that someone else saved in between.
    #[serde(default)]
    pub generation: u64,
    #[serde(default)]
    pub saved_at: Option<Timestamp>,
    #[serde(default)]
    pub saved_by: String,
    /// Articles by their stable key (see [`super::DocKey`]).
    #[serde(default)]
    pub documents: BTreeMap<String, Document>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for StoreFile {
    fn default() -> Self {
        StoreFile {
            format: FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            generation: 0,
            saved_at: None,
            saved_by: String::new(),
            documents: BTreeMap::new(),
            extra: Extra::new(),
        }
    }
}

/// One article and its annotations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    #[serde(default)]
    pub title: String,
    /// Every path the article has been opened from, oldest first.
    #[serde(default)]
    pub paths: Vec<String>,
    /// The text the article had when an annotation was last made or re-anchored on it.
    pub text: TextInfo,
    #[serde(default)]
    pub annotations: Vec<Highlight>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What identifies an article's canonical text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextInfo {
    /// BLAKE3 (hex) of the canonical text, as [`crate::article::Article::text_hash`].
    pub hash: String,
    /// Length of the canonical text in characters.
    #[serde(default)]
    pub chars: usize,
    /// Which parser made the canonical text (`text`, `markdown`, `html`).
    #[serde(default)]
    pub parser: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One highlight, with or without a note.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Highlight {
    /// A ULID: unique across machines and sortable by creation time.
    pub id: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Set when deleted: a tombstone keeps a merge from bringing the annotation back.
    #[serde(default)]
    pub deleted_at: Option<Timestamp>,
    /// One of [`Color`]'s names; kept as text so a colour added later does not break old builds.
    #[serde(default = "default_color")]
    pub color: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Markdown text.
    #[serde(default)]
    pub note: String,
    /// What the passage does in the argument, one of [`Role`]'s names; text, like `color`,
    /// so a role added later does not break old builds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// What this highlight says about others (supports, opposes, answers), by their ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    pub target: Target,
    #[serde(default)]
    pub anchor: AnchorState,
    #[serde(flatten)]
    pub extra: Extra,
}

fn default_color() -> String {
    Color::default().name().to_string()
}

/// One highlight's relation to another, stored by the other's id: it holds through
/// re-anchoring and moves of either end, and outlives the other's deletion (then dangling).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// The id of the highlight this one relates to.
    pub target: String,
    /// One of [`LinkKind`]'s names.
    pub kind: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where an annotation sits, stated three ways so it can be found again after edits.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    pub quote: Quote,
    pub position: Position,
    /// Titles of the headings around the quote when it was made, outermost first.
    #[serde(default)]
    pub section: Vec<String>,
    /// BLAKE3 (hex) of the canonical text that `position` refers to.
    #[serde(default)]
    pub text_hash: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The quoted text with some context on each side (W3C TextQuoteSelector).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Character offsets into the canonical text, end exclusive (W3C TextPositionSelector).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub start: usize,
    pub end: usize,
}

/// The outcome of the last re-anchoring, recorded for tools that read the file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AnchorState {
    #[serde(default)]
    pub status: String,
    #[serde(flatten)]
    pub extra: Extra,
}

known_fields_and_extra!(StoreFile,
    required: [format, schema_version],
    optional: [generation = 0, saved_at = None, saved_by = String::new(),
               documents = BTreeMap::new()]);
known_fields_and_extra!(Document,
    required: [text],
    optional: [title = String::new(), paths = Vec::new(), annotations = Vec::new()]);
known_fields_and_extra!(TextInfo,
    required: [hash],
    optional: [chars = 0, parser = String::new()]);
known_fields_and_extra!(Highlight,
    required: [id, created_at, updated_at, target],
    optional: [deleted_at = None, color = default_color(), tags = Vec::new(),
               note = String::new(), role = None, links = Vec::new(),
               anchor = AnchorState::default()]);
known_fields_and_extra!(Link, required: [target, kind], optional: []);
known_fields_and_extra!(Target,
    required: [quote, position],
    optional: [section = Vec::new(), text_hash = String::new()]);
known_fields_and_extra!(Quote,
    required: [exact],
    optional: [prefix = String::new(), suffix = String::new()]);
known_fields_and_extra!(AnchorState, required: [], optional: [status = String::new()]);

/// The highlight colours folio offers, in the order of the keys 1–5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Color {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

impl Color {
    pub const ALL: [Color; 5] = [
        Color::Yellow,
        Color::Green,
        Color::Blue,
        Color::Pink,
        Color::Purple,
    ];

    /// The name stored in the file and accepted on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Color::Yellow => "yellow",
            Color::Green => "green",
            Color::Blue => "blue",
            Color::Pink => "pink",
            Color::Purple => "purple",
        }
    }

    /// Parses a stored or typed colour name (case-insensitive).
    pub fn from_name(name: &str) -> Option<Color> {
        Color::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How well a highlight was found again in the article's current text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    /// The text is unchanged, or the quote is still at its position.
    Verified,
    /// The exact quote was found elsewhere, confirmed by its context.
    Moved,
    /// A close, clearly best approximate match: shown, marked as changed.
    Fuzzy,
    /// A doubtful match: shown, flagged, for the user to confirm or re-place.
    Review,
    /// Not found: kept and listed, never shown on the text.
    Orphan,
}

impl AnchorStatus {
    pub fn name(self) -> &'static str {
        match self {
            AnchorStatus::Verified => "verified",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Review => "review",
            AnchorStatus::Orphan => "orphan",
        }
    }
}

impl fmt::Display for AnchorStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
      "format": "folio-annotations", "schema_version": 1, "generation": 3,
      "saved_at": "2026-11-24T10:22:03Z", "saved_by": "folio 0.1.0",
      "future_top": {"a": 1},
      "documents": { "d1": { "title": "T", "paths": ["/a.txt"], "shelf": "x",
          "text": { "hash": "h", "chars": 10, "parser": "text", "lang": "en" },
          "annotations": [ { "id": "01J", "created_at": "2026-11-24T10:22:03Z",
              "updated_at": "2026-11-24T10:22:03Z", "deleted_at": null, "color": "orange",
              "tags": ["t"], "note": "n", "rating": 5,
              "target": { "quote": { "exact": "abc", "prefix": "", "suffix": "d", "lang": "en" },
                          "position": { "start": 0, "end": 3 }, "section": [], "text_hash": "h",
                          "page": 2 },
              "anchor": { "status": "verified", "score": 1.0 } } ] } } }"#;

    #[test]
    fn unknown_fields_survive_a_round_trip_at_every_level() {
        let file: StoreFile = serde_json::from_str(SAMPLE).unwrap();
        let again: Value = serde_json::to_value(&file).unwrap();
        let original: Value = serde_json::from_str(SAMPLE).unwrap();
        assert_eq!(again, original);
    }

    #[test]
    fn an_unknown_colour_is_kept_as_written() {
        let file: StoreFile = serde_json::from_str(SAMPLE).unwrap();
        let ann = &file.documents["d1"].annotations[0];
        assert_eq!(ann.color, "orange");
        assert_eq!(Color::from_name(&ann.color), None);
    }

    #[test]
    fn colour_names_parse_back() {
        for c in Color::ALL {
            assert_eq!(Color::from_name(&c.name().to_uppercase()), Some(c));
        }
    }
}
