//! Finding notes again: a query over highlights' quotes, notes and tags, ignoring case and
//! the width of ASCII letters and digits (`ＴｉｋＴｏｋ` finds `TikTok`), with Chinese, Japanese
//! and Korean matched as typed; narrowed by role and tag.

use super::Role;

/// `text` folded for matching: lower case where letters have it, fullwidth ASCII forms and
/// the ideographic space as their halfwidth selves (what NFKC does for those), so that text
/// typed with a CJK input method finds text typed without one.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| crate::search::fold_char(halfwidth(c)))
        .collect()
}

/// The halfwidth form of a fullwidth ASCII character (U+FF01–U+FF5E) or of the ideographic
/// space; any other character as it is.
fn halfwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xff01 + 0x21).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// One highlight's searchable words, folded once so that each query only scans them.
#[derive(Clone, Debug, Default)]
pub struct NoteText {
    /// Quote, note and tags, folded, one per line.
    folded: String,
    tags: Vec<String>,
    role: Option<Role>,
}

impl NoteText {
    /// The searchable form of a highlight with this quote, note, tags and role.
    pub fn new(quote: &str, note: &str, tags: &[String], role: Option<Role>) -> NoteText {
        let tags: Vec<String> = tags.iter().map(|t| fold(t)).collect();
        let folded = format!("{}\n{}\n{}", fold(quote), fold(note), tags.join("\n"));
        NoteText { folded, tags, role }
    }
}

/// What to look for: every word of a pattern (in the quote, the note or a tag), and
/// optionally a role and a tag the highlight must have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteQuery {
    words: Vec<String>,
    role: Option<Role>,
    tag: Option<String>,
}

impl NoteQuery {
    /// A query for `pattern` (words separated by spaces, all of which must occur; empty:
    /// any highlight), of `role` and with `tag` if given.
    pub fn new(pattern: &str, role: Option<Role>, tag: Option<&str>) -> NoteQuery {
        NoteQuery {
            words: fold(pattern)
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            role,
            tag: tag.map(|t| fold(t.trim().trim_start_matches('#'))),
        }
    }

    /// Whether the highlight `text` describes is one this query looks for.
    pub fn matches(&self, text: &NoteText) -> bool {
        self.role.is_none_or(|r| text.role == Some(r))
            && self.tag.as_ref().is_none_or(|t| text.tags.contains(t))
            && self.words.iter().all(|w| text.folded.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(quote: &str, note: &str) -> NoteText {
        NoteText::new(quote, note, &["Trade".to_string()], Some(Role::Claim))
    }

    #[test]
    fn issue18_queries_ignore_case_and_width_and_match_cjk() {
        let t = text(
            "小红书 became the refuge of TikTok users",
            "Social Commerce works",
        );
        for pattern in [
            "tiktok",
            "ＴＩＫＴＯＫ",
            "小红书",
            "social　commerce",
            "trade",
            "WORKS refuge",
        ] {
            assert!(NoteQuery::new(pattern, None, None).matches(&t), "{pattern}");
        }
        assert!(!NoteQuery::new("抖音", None, None).matches(&t));
        assert!(!NoteQuery::new("tiktok missing", None, None).matches(&t));
    }

    #[test]
    fn issue18_queries_narrow_by_role_and_tag() {
        let t = text("a claim", "");
        assert!(NoteQuery::new("", Some(Role::Claim), Some("#ｔｒａｄｅ")).matches(&t));
        assert!(!NoteQuery::new("", Some(Role::Evidence), None).matches(&t));
        assert!(
            !NoteQuery::new("", None, Some("tra")).matches(&t),
            "a tag matches whole"
        );
    }
}
