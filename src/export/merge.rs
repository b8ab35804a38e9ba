//! Re-export over an earlier export: folio replaces only the part between its markers and its
//! own front-matter keys, keeps everything the user wrote elsewhere, and refuses to replace
//! an owned part the user edited unless forced.

use super::markdown::{BEGIN_MARKER, END_MARKER, OWN_KEYS, Rendered};

/// Why a re-export will not overwrite a file.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "you edited the part folio writes (between its <!-- folio:begin --> and <!-- folio:end --> markers); \
         move your text outside the markers, or export again with --force (your version is kept as a .bak copy)"
    )]
    EditedInside,
    #[error(
        "this file was not written by folio (it has no folio markers); pick another output path, or use --force (the file is kept as a .bak copy)"
    )]
    NotOurs,
}

impl MergeError {
    /// The reason in words for the reader, which offers the choices itself (no flags).
    pub fn in_reader(&self) -> &'static str {
        match self {
            MergeError::EditedInside => "you edited the part folio writes",
            MergeError::NotOurs => "this file was not written by folio",
        }
    }
}

/// The file to write over `existing`. With `force`, an edited or foreign file is replaced
/// anyway (the caller keeps a backup of it).
pub fn merge(existing: &str, new: &Rendered, force: bool) -> Result<String, MergeError> {
    let (old_front, rest) = split_front_matter(existing);
    let Some((before, inner, after, hash)) = owned_part(rest) else {
        return if force {
            Ok(new.to_file())
        } else {
            Err(MergeError::NotOurs)
        };
    };
    let unchanged = blake3::hash(inner.as_bytes())
        .to_hex()
        .as_str()
        .starts_with(hash)
        && hash.len() == 16;
    if !unchanged && !force {
        return Err(MergeError::EditedInside);
    }
    let mut front = new.front_matter.clone();
    front.extend(user_front_matter(old_front));
    Ok(format!(
        "---\n{}\n---\n{before}{}{after}",
        front.join("\n"),
        new.owned
    ))
}

/// Splits `---` front matter (its inner lines) from the rest of the file.
fn split_front_matter(text: &str) -> (&str, &str) {
    if let Some(after_open) = text.strip_prefix("---\n")
        && let Some(close) = after_open.find("\n---\n")
    {
        return (&after_open[..close], &after_open[close + 5..]);
    }
    (text.get(..0).unwrap_or_default(), text)
}

/// The user's own front-matter entries: every top-level key folio does not write, with the
/// indented or list lines that belong to it.
fn user_front_matter(front: &str) -> Vec<String> {
    let mut keep = false;
    let mut out = Vec::new();
    for line in front.lines() {
        let top_level = !line.starts_with([' ', '-', '\t']) && !line.is_empty();
        if top_level {
            let key = line.split(':').next().unwrap_or_default().trim();
            keep = !OWN_KEYS.contains(&key);
        }
        if keep {
            out.push(line.to_string());
        }
    }
    out
}

/// Finds the owned part: (text before the begin marker, text between the marker lines, text
/// after the end marker's line, the hash recorded in the begin marker).
fn owned_part(text: &str) -> Option<(&str, &str, &str, &str)> {
    let begin = line_start_of(text, BEGIN_MARKER)?;
    let begin_line_end = begin + text[begin..].find('\n')? + 1;
    let hash = text[begin + BEGIN_MARKER.len()..begin_line_end]
        .split_whitespace()
        .next()
        .unwrap_or_default();
    let end = begin_line_end + line_start_of(&text[begin_line_end..], END_MARKER)?;
    let end_line_end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
    Some((
        &text[..begin],
        &text[begin_line_end..end],
        &text[end_line_end..],
        hash,
    ))
}

/// Byte offset of the first line that starts with `marker`.
fn line_start_of(text: &str, marker: &str) -> Option<usize> {
    if text.starts_with(marker) {
        return Some(0);
    }
    text.match_indices(&format!("\n{marker}"))
        .next()
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::markdown::render;
    use crate::export::{AnchorStatus, ExportDoc, ExportHighlight};

    fn doc(note: &str) -> ExportDoc {
        ExportDoc {
            title: "Title".into(),
            source: "a.txt".into(),
            doc_id: "id".into(),
            exported: "2026-11-27T12:00:00Z".into(),
            highlights: vec![ExportHighlight {
                id: "01X".into(),
                quote: "quoted".into(),
                prefix: String::new(),
                suffix: String::new(),
                position: Some((0, 6)),
                note: note.into(),
                tags: vec![],
                color: "yellow".into(),
                role: None,
                links: Vec::new(),
                section: vec![],
                percent: 0,
                status: Some(AnchorStatus::Verified),
                created: String::new(),
                updated: String::new(),
            }],
        }
    }

    #[test]
    fn user_text_outside_markers_and_own_keys_survive() {
        let first = render(&doc("old note")).to_file();
        let edited = first.replace(
            "needs_attention: 0",
            "needs_attention: 0\naliases:\n  - mine",
        ) + "\n## My thoughts\n\nWritten by me.\n";
        let edited = edited.replacen("<!-- folio:begin", "My intro.\n\n<!-- folio:begin", 1);
        let merged = merge(&edited, &render(&doc("new note")), false).expect("merge");
        assert!(merged.contains("new note") && !merged.contains("old note"));
        assert!(merged.contains("Written by me.") && merged.contains("My intro."));
        assert!(merged.contains("aliases:\n  - mine"));
        assert_eq!(merged.matches("title:").count(), 1);
    }

    #[test]
    fn edits_inside_the_owned_part_are_refused_unless_forced() {
        let first = render(&doc("note")).to_file();
        let edited = first.replace("note\n", "note, with my addition\n");
        assert_eq!(
            merge(&edited, &render(&doc("note")), false),
            Err(MergeError::EditedInside)
        );
        let forced = merge(&edited, &render(&doc("note")), true).expect("forced");
        assert!(!forced.contains("my addition"));
    }

    #[test]
    fn foreign_files_are_refused_unless_forced() {
        assert_eq!(
            merge("# My own notes\n", &render(&doc("n")), false),
            Err(MergeError::NotOurs)
        );
        assert!(merge("# My own notes\n", &render(&doc("n")), true).is_ok());
    }

    #[test]
    fn reexport_of_an_unedited_file_is_identical() {
        let first = render(&doc("n")).to_file();
        assert_eq!(
            merge(&first, &render(&doc("n")), false).expect("merge"),
            first
        );
    }
}
