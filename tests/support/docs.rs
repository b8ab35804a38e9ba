//! Loads the docs corpus (real manual pages from Sphinx, Publican and DocBook XSL, in eight
//! languages, with their true title, headings and article text) from `../shared/corpus/docs`,
//! and splits it into a development and a held-out half by manual, never page by page.
//!
//! A manual is a package in one language (`handbook-fr-FR`, `maint-zh`, `python`): pages of one
//! manual share their generator's templates, so putting some in each half would let a rule
//! learnt on one half recognise the other's furniture by heart.

use std::path::PathBuf;

/// Where the corpus lives, relative to the crate root.
pub const DOCS: &str = "../shared/corpus/docs";

/// Manuals whose pages form the held-out half: one of each generator and a spread of
/// languages (Sphinx in English, DocBook XSL in Chinese, Publican in English, Japanese,
/// French and traditional Chinese).
const HELD_OUT: [&str; 6] = [
    "devref",
    "faq-zh",
    "handbook-en-US",
    "handbook-ja-JP",
    "handbook-fr-FR",
    "handbook-zh-TW",
];

/// One manual page with its truth.
pub struct DocPage {
    /// File name without `.html.gz`, e.g. `handbook-fr-FR-security`.
    pub name: String,
    /// The manual it belongs to (see the module documentation).
    pub manual: String,
    /// The page as saved (decompressed).
    pub html: Vec<u8>,
    pub title: String,
    /// `(level, text)` of every heading of the content column, the title's `<h1>` included.
    pub headings: Vec<(u8, String)>,
    /// The content column's text, one block a line.
    pub body: String,
}

/// The corpus folder, or `None` (after printing why the caller skips) when it is absent.
pub fn docs_dir() -> Option<PathBuf> {
    super::corpus::shared_dir(DOCS)
}

/// Every page, sorted by name; `None` when the corpus is absent.
pub fn load() -> Option<Vec<DocPage>> {
    let dir = docs_dir()?;
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .unwrap_or_else(|e| panic!("{}: {e}", truth_path.display()));
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&truth_text)
        .unwrap_or_else(|e| panic!("{}: {e}", truth_path.display()));
    let mut pages: Vec<DocPage> = truth
        .iter()
        .map(|(name, entry)| DocPage {
            name: name.clone(),
            manual: manual_of(name),
            html: super::corpus::gunzip(&dir.join("html").join(format!("{name}.html.gz"))),
            title: entry["title"].as_str().unwrap_or_default().to_string(),
            headings: entry["headings"]
                .as_array()
                .map(|list| list.iter().filter_map(heading).collect())
                .unwrap_or_default(),
            body: entry["articleBody"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    Some(pages)
}

/// The development half and the held-out half.
pub fn split(pages: Vec<DocPage>) -> (Vec<DocPage>, Vec<DocPage>) {
    pages
        .into_iter()
        .partition(|p| !HELD_OUT.contains(&p.manual.as_str()))
}

/// The manual a page belongs to: its name up to the chapter, with the locale for the handbook.
fn manual_of(name: &str) -> String {
    let parts: Vec<&str> = name.split('-').collect();
    let take = match parts.first() {
        Some(&"handbook") => 3,
        Some(&"faq") | Some(&"maint") => 2,
        _ => 1,
    };
    parts[..take.min(parts.len())].join("-")
}

fn heading(value: &serde_json::Value) -> Option<(u8, String)> {
    let pair = value.as_array()?;
    let level = u8::try_from(pair.first()?.as_u64()?).ok()?;
    Some((level, pair.get(1)?.as_str()?.to_string()))
}

/// The words of a text for coverage: the match key's words, with every CJK, kana or hangul
/// character a word of its own (those scripts do not separate words with spaces).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in super::corpus::match_key(text)
        .split(' ')
        .filter(|w| !w.is_empty())
    {
        let mut run = String::new();
        for c in word.chars() {
            if is_ideographic(c) {
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
                out.push(c.to_string());
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}
