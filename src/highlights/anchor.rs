//! Making a target (quote with context, position, section path, text hash) for a character
//! range of an article, and finding a quote typed on the command line.

use std::ops::Range;

use memchr::memmem;

use super::model::{Extra, Position, Quote, Target};
use crate::article::Article;

/// How many characters of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Why a range or a quote cannot be highlighted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnchorError {
    #[error(
        "the selection {start}..{end} is outside the article, which has {len} characters; select again"
    )]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the selection holds only blank space; select some words")]
    Blank,
    #[error("the quote is empty; give some words from the article")]
    EmptyQuote,
    #[error("the quote is not in the article; copy it from `folio render` output")]
    QuoteNotFound,
    #[error("the quote occurs {count} times in the article; pick one with --occurrence 1..{count}")]
    Ambiguous { count: usize },
    #[error("--occurrence {wanted} asked for, but the quote occurs only {count} time(s)")]
    NoSuchOccurrence { wanted: usize, count: usize },
}

/// The target for `range` (character offsets) in `article`.
pub fn target_for(article: &Article, range: Range<usize>) -> Result<Target, AnchorError> {
    if range.start >= range.end || range.end > article.char_len {
        return Err(AnchorError::OutOfRange {
            start: range.start,
            end: range.end,
            len: article.char_len,
        });
    }
    let exact = article.slice(range.clone());
    if exact.trim().is_empty() {
        return Err(AnchorError::Blank);
    }
    let before = range.start.saturating_sub(CONTEXT_CHARS);
    let after = (range.end + CONTEXT_CHARS).min(article.char_len);
    Ok(Target {
        quote: Quote {
            exact: exact.to_string(),
            prefix: article.slice(before..range.start).to_string(),
            suffix: article.slice(range.end..after).to_string(),
            extra: Extra::new(),
        },
        position: Position {
            start: range.start,
            end: range.end,
        },
        section: article.section_path(range.start),
        text_hash: article.text_hash.clone(),
        extra: Extra::new(),
    })
}

/// The character range of the `occurrence`-th (1-based) place where `quote` occurs in the
/// article. Runs of white space in the quote match any run of white space in the text, so a
/// quote copied from the original file's line breaks still matches the reflowed text.
/// Smart-case: a quote without a capital letter matches whatever the case in the text.
pub fn find_quote(
    article: &Article,
    quote: &str,
    occurrence: Option<usize>,
) -> Result<Range<usize>, AnchorError> {
    // Smart-case, as the reader's search: a quote in lower case matches any case. Folding
    // keeps every character one character, so offsets found in the folded text hold.
    let folded;
    let (quote, text) = if crate::search::has_capital(quote) {
        (quote, article.text.as_str())
    } else {
        folded = (
            crate::search::fold_case(quote),
            crate::search::fold_case(&article.text),
        );
        (folded.0.as_str(), folded.1.as_str())
    };
    let words: Vec<&str> = quote.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Err(AnchorError::EmptyQuote);
    };
    let mut hits = Vec::new();
    for start in memmem::find_iter(text.as_bytes(), first.as_bytes()) {
        if let Some(end) = match_words_at(text, start, &words) {
            hits.push(start..end);
        }
    }
    let count = hits.len();
    let chosen = match (count, occurrence) {
        (0, _) => return Err(AnchorError::QuoteNotFound),
        (_, Some(n)) if n == 0 || n > count => {
            return Err(AnchorError::NoSuchOccurrence { wanted: n, count });
        }
        (_, Some(n)) => hits.swap_remove(n - 1),
        (1, None) => hits.swap_remove(0),
        (_, None) => return Err(AnchorError::Ambiguous { count }),
    };
    let start = text[..chosen.start].chars().count();
    let len = text[chosen].chars().count();
    Ok(start..start + len)
}

/// If `words` occur at byte `start` separated by white space, the byte where they end.
fn match_words_at(text: &str, start: usize, words: &[&str]) -> Option<usize> {
    let mut at = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let rest = &text[at..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            at += rest.len() - trimmed.len();
        }
        if !text[at..].starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::from_bytes(text.as_bytes(), None).unwrap()
    }

    #[test]
    fn highlight_quote_is_smart_case() {
        let a = article("Three generations kept them. THREE boats, three İslands, three more.");
        // Lower case matches any case; a capital letter makes the case count.
        assert_eq!(find_quote(&a, "three generations", None), Ok(0..17));
        assert_eq!(
            find_quote(&a, "three", None),
            Err(AnchorError::Ambiguous { count: 4 })
        );
        assert_eq!(find_quote(&a, "THREE boats", None), Ok(29..40));
        assert_eq!(find_quote(&a, "Three", None), Ok(0..5));
        // Offsets stay character offsets past a letter that does not fold (İ).
        assert_eq!(find_quote(&a, "three more", None), Ok(57..67));
        assert_eq!(
            find_quote(&a, "three GENERATIONS", None),
            Err(AnchorError::QuoteNotFound)
        );
    }

    #[test]
    fn target_keeps_quote_context_position_and_hash() {
        let a = article("Alpha beta gamma delta.\n\nSecond paragraph, which runs on for a while.");
        let t = target_for(&a, 6..16).unwrap();
        assert_eq!(t.quote.exact, "beta gamma");
        assert_eq!(t.quote.prefix, "Alpha ");
        assert_eq!(t.quote.suffix, " delta.\n\nSecond paragraph, which");
        assert_eq!(t.quote.suffix.chars().count(), CONTEXT_CHARS);
        assert_eq!((t.position.start, t.position.end), (6, 16));
        assert_eq!(t.text_hash, a.text_hash);
    }

    #[test]
    fn context_counts_characters_not_bytes() {
        let a = article("小红书是一个生活方式平台和消费决策入口。它的用户主要是年轻女性。");
        let t = target_for(&a, 5..9).unwrap();
        assert_eq!(t.quote.exact, "个生活方");
        assert_eq!(t.quote.prefix, "小红书是一");
    }

    #[test]
    fn bad_ranges_are_refused() {
        let a = article("short text");
        assert!(matches!(
            target_for(&a, 3..3),
            Err(AnchorError::OutOfRange { .. })
        ));
        assert!(matches!(
            target_for(&a, 0..99),
            Err(AnchorError::OutOfRange { .. })
        ));
        let spaced = article("Para one.\n\nPara two.");
        assert_eq!(spaced.slice(9..11), "\n\n");
        assert_eq!(target_for(&spaced, 9..11), Err(AnchorError::Blank));
    }

    #[test]
    fn find_quote_matches_across_line_breaks_and_counts_occurrences() {
        let a = article("one two three.\n\none two three again.");
        assert_eq!(
            find_quote(&a, "one two three", None),
            Err(AnchorError::Ambiguous { count: 2 })
        );
        let second = find_quote(&a, "one\n  two three again", Some(1)).unwrap();
        assert_eq!(a.slice(second), "one two three again");
        assert_eq!(
            find_quote(&a, "four", None),
            Err(AnchorError::QuoteNotFound)
        );
        assert_eq!(
            find_quote(&a, "one", Some(3)),
            Err(AnchorError::NoSuchOccurrence {
                wanted: 3,
                count: 2
            })
        );
        assert_eq!(find_quote(&a, "  ", None), Err(AnchorError::EmptyQuote));
    }
}
