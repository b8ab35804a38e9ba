//! Safe, readable file names derived from article titles (CJK kept; `/` and controls never).

/// The longest file-name stem, in characters, so names stay readable and under OS limits.
const MAX_STEM_CHARS: usize = 80;

/// Turns a title into a file-name stem: path separators, characters that Windows, macOS or
/// shells treat specially, and control characters become `-`; runs of them collapse; leading
/// dots are dropped so the file is never hidden; a long title is cut after a whole word. An
/// empty result becomes `untitled`.
pub fn safe_stem(title: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    // One character past the limit tells whether the cut falls inside a word.
    for ch in title.chars() {
        let bad = ch.is_control()
            || crate::article::sanitize::is_unsafe(ch)
            || matches!(
                ch,
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\0'
            )
            || ch.is_whitespace();
        if bad {
            pending_dash = !out.is_empty();
            continue;
        }
        if pending_dash {
            out.push('-');
            pending_dash = false;
        }
        out.push(ch);
        if out.chars().count() > MAX_STEM_CHARS {
            break;
        }
    }
    let out = cut_after_a_word(&out);
    let trimmed = out
        .trim_start_matches(['.', '-'])
        .trim_end_matches(['.', '-']);
    if trimmed.is_empty() {
        "untitled".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `stem` cut to [`MAX_STEM_CHARS`] characters at the last `-` (a word boundary) when the cut
/// would split a word; a long run without one (Chinese, a URL) is cut where it must be.
fn cut_after_a_word(stem: &str) -> &str {
    let Some((end, next)) = stem.char_indices().nth(MAX_STEM_CHARS) else {
        return stem;
    };
    let head = &stem[..end];
    if next == '-' {
        return head;
    }
    match head.rfind('-') {
        Some(dash) if dash > 0 => &head[..dash],
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_safe_names() {
        assert_eq!(
            safe_stem("The TikTok Exodus: Can Xiaohongshu’s E-commerce Ambitions?"),
            "The-TikTok-Exodus-Can-Xiaohongshu’s-E-commerce-Ambitions"
        );
        assert_eq!(safe_stem("竹林的经济学"), "竹林的经济学");
        assert_eq!(safe_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_stem("a\u{1b}[31mb\nc"), "a-[31mb-c");
        assert_eq!(safe_stem("..."), "untitled");
        assert_eq!(safe_stem(""), "untitled");
        assert!(safe_stem(&"长".repeat(500)).chars().count() <= MAX_STEM_CHARS);
    }

    #[test]
    fn issue15_15_long_titles_are_cut_after_a_whole_word() {
        let title = "How Xiaohongshu Became the Place Where American TikTok Users Went to \
                     Capture Fleeing Creators and Their Audiences";
        let stem = safe_stem(title);
        assert!(stem.chars().count() <= MAX_STEM_CHARS, "{stem}");
        assert_eq!(
            stem,
            "How-Xiaohongshu-Became-the-Place-Where-American-TikTok-Users-Went-to-Capture"
        );
        // Exactly at a word's end: nothing more is dropped.
        let exact = format!("{} tail", "a".repeat(MAX_STEM_CHARS));
        assert_eq!(safe_stem(&exact), "a".repeat(MAX_STEM_CHARS));
        // No word boundary to cut at: cut where the limit falls.
        assert_eq!(safe_stem(&"长".repeat(100)).chars().count(), MAX_STEM_CHARS);
    }
}
