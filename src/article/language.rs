//! The language a code block is written in, as its author named it (a Markdown fence's info
//! string, an HTML `class="language-…"`), reduced to a short, safe name.

/// Longest language name kept; longer words are not language names.
const MAX_LEN: usize = 32;

/// The language a fenced block's info string names: its first word ("rust,ignore" and
/// "rust {.numberLines}" name `rust`).
pub fn from_info(info: &str) -> Option<String> {
    let word = info
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()?;
    clean(word)
}

/// The language an HTML `class` attribute names with a `language-` or `lang-` prefix (the
/// HTML standard's suggestion, and what highlight.js and Prism read).
pub fn from_class(class: &str) -> Option<String> {
    class
        .split_whitespace()
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .and_then(clean)
}

/// `word` in lower case when it could be a language name (letters, digits, `+#._-`).
fn clean(word: &str) -> Option<String> {
    let ok = !word.is_empty()
        && word.len() <= MAX_LEN
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+#._-".contains(c));
    ok.then(|| word.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_strings_and_classes_name_a_language() {
        assert_eq!(from_info("rust,ignore").as_deref(), Some("rust"));
        assert_eq!(
            from_info("Python {.numberLines}").as_deref(),
            Some("python")
        );
        assert_eq!(from_info(""), None);
        assert_eq!(from_info("\u{1b}[31m"), None);
        assert_eq!(from_class("hljs language-js").as_deref(), Some("js"));
        assert_eq!(from_class("lang-c++").as_deref(), Some("c++"));
        assert_eq!(from_class("highlight"), None);
    }
}
