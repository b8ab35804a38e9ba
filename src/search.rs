//! Finding text in an article: every occurrence of a query as character ranges, smart-case
//! (a query in lower case ignores case where letters have it, one with a capital letter matches
//! case exactly; Chinese matches as typed), optionally a regular expression after `\v`; and a
//! fuzzy score for filters.

use std::ops::Range;

use memchr::memmem;

/// An article's text folded once for case-insensitive search, so that each query costs only
/// one `memmem` pass over it.
#[derive(Clone, Debug)]
pub struct Haystack {
    folded: String,
}

impl Haystack {
    /// Folds `text`; every character maps to exactly one character, so character offsets in
    /// the folded text are those of the original.
    pub fn new(text: &str) -> Haystack {
        if text.is_ascii() {
            return Haystack {
                folded: text.to_ascii_lowercase(),
            };
        }
        // Most characters fold to themselves: copy the runs between those that do not.
        let mut folded = String::with_capacity(text.len());
        let mut copied = 0;
        for (i, ch) in text.char_indices() {
            let lower = fold_char(ch);
            if lower != ch {
                folded.push_str(&text[copied..i]);
                folded.push(lower);
                copied = i + ch.len_utf8();
            }
        }
        folded.push_str(&text[copied..]);
        Haystack { folded }
    }

    /// Every non-overlapping occurrence of `query`, ignoring case, as character ranges in
    /// document order. An empty (or all-blank) query finds nothing.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle: String = query.chars().map(fold_char).collect();
        find_text(&self.folded, &needle)
    }

    /// Every match of `query` in `text` (the text this haystack was made from), as character
    /// ranges in document order.
    pub fn find(&self, text: &str, query: &Query) -> Vec<Range<usize>> {
        match query {
            Query::Text {
                needle,
                exact_case: true,
            } => find_text(text, needle),
            Query::Text { needle, .. } => self.find_all(needle),
            Query::Pattern(regex) => {
                let hits = regex.find_iter(text).filter(|m| !m.is_empty());
                char_ranges(text, hits.map(|m| m.range()))
            }
        }
    }
}

/// `text` with every character lower-cased where that keeps it one character: character
/// offsets in the result are those of `text`.
pub fn fold_case(text: &str) -> String {
    Haystack::new(text).folded
}

/// A search query as typed: words, or after `\v` a regular expression.
#[derive(Clone, Debug)]
pub enum Query {
    Text { needle: String, exact_case: bool },
    Pattern(regex::Regex),
}

/// What starts a regular expression in a search query (vim's "very magic").
pub const REGEX_PREFIX: &str = "\\v";

impl Query {
    /// Reads a typed query, smart-case: exact case only when it holds a capital letter.
    /// A regular expression that does not parse gives the parser's message.
    pub fn parse(typed: &str) -> Result<Query, String> {
        let Some(pattern) = typed.strip_prefix(REGEX_PREFIX) else {
            return Ok(Query::Text {
                needle: typed.to_string(),
                exact_case: has_capital(typed),
            });
        };
        // Letters after a backslash name classes (\S, \W, \B), not text, so they do not
        // count as capitals.
        let mut letters = String::new();
        let mut escaped = false;
        for c in pattern.chars() {
            if !escaped && c != '\\' {
                letters.push(c);
            }
            escaped = !escaped && c == '\\';
        }
        regex::RegexBuilder::new(pattern)
            .case_insensitive(!has_capital(&letters))
            .build()
            .map(Query::Pattern)
            .map_err(|e| format!("not a regular expression: {e}"))
    }
}

/// Whether `text` holds a capital letter: smart-case's signal to match case exactly.
pub fn has_capital(text: &str) -> bool {
    text.chars().any(char::is_uppercase)
}

/// Every non-overlapping occurrence of `needle` in `text`, as character ranges; an all-blank
/// needle finds nothing.
fn find_text(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.trim().is_empty() {
        return Vec::new();
    }
    let len = needle.len();
    let hits = memmem::find_iter(text.as_bytes(), needle.as_bytes()).map(|b| b..b + len);
    char_ranges(text, hits)
}

/// Byte ranges of `text`, in order and disjoint, as character ranges. Character offsets are
/// counted incrementally between hits, so it is one pass over the text however many there are.
fn char_ranges(text: &str, hits: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut out = Vec::new();
    for hit in hits {
        chars += count_chars(&bytes[byte..hit.start]);
        let len = count_chars(&bytes[hit.clone()]);
        byte = hit.end;
        out.push(chars..chars + len);
        chars += len;
    }
    out
}

/// Lower-cases a character when its lower case is a single character; leaves it alone
/// otherwise (the rare expansions, like 'İ', would break the offset correspondence).
pub(crate) fn fold_char(ch: char) -> char {
    if ch.is_ascii() {
        return ch.to_ascii_lowercase();
    }
    // CJK, kana, Hangul and their punctuation have no case; skip the table lookup for them.
    if matches!(ch, '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7af}') {
        return ch;
    }
    let mut lower = ch.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => ch,
    }
}

/// Number of characters in a UTF-8 byte slice: every byte that does not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Scores `candidate` against a fuzzy `pattern` (its characters in order, not necessarily
/// adjacent, case-insensitive): `None` when it does not match, otherwise higher is better.
/// Runs of adjacent characters and matches at word starts score more, as people type the
/// beginnings of words.
pub fn fuzzy_score(pattern: &str, candidate: &str) -> Option<i64> {
    let mut score = 0i64;
    let mut wanted = pattern
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_char);
    let Some(mut next) = wanted.next() else {
        return Some(0);
    };
    let mut previous: Option<char> = None;
    let mut adjacent = false;
    for (i, ch) in candidate.chars().enumerate() {
        let matched = fold_char(ch) == next;
        if matched {
            let word_start = previous.is_none_or(|p| !p.is_alphanumeric());
            score += 1 + if adjacent { 4 } else { 0 } + if word_start { 6 } else { 0 };
            // Earlier matches are better: a title that starts with the pattern ranks first.
            score -= (i as i64).min(20) / 4;
            match wanted.next() {
                Some(c) => next = c,
                None => return Some(score),
            }
        }
        adjacent = matched;
        previous = Some(ch);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        let h = Haystack::new("The cat saw THE dog; the end.");
        assert_eq!(h.find_all("the"), vec![0..3, 12..15, 21..24]);
        assert_eq!(h.find_all("DOG"), vec![16..19]);
        assert!(h.find_all("").is_empty());
        assert!(h.find_all("  ").is_empty());
        assert!(h.find_all("bird").is_empty());
    }

    #[test]
    fn offsets_are_characters_and_chinese_is_found() {
        let text = "小红书（RED）的电商野心：小红书能否留住创作者？Été, été.";
        let h = Haystack::new(text);
        let hits = h.find_all("小红书");
        assert_eq!(hits, vec![0..3, 14..17]);
        let chars: Vec<char> = text.chars().collect();
        for r in &hits {
            assert_eq!(chars[r.clone()].iter().collect::<String>(), "小红书");
        }
        assert_eq!(h.find_all("red"), vec![4..7]);
        assert_eq!(h.find_all("ÉTÉ").len(), 2);
    }

    #[test]
    fn expanding_lower_cases_keep_offsets_aligned() {
        let h = Haystack::new("İstanbul and istanbul");
        assert_eq!(h.find_all("istanbul"), vec![13..21]);
        assert_eq!(h.find_all("İstanbul"), vec![0..8]);
    }

    proptest::proptest! {
        /// The shortcuts (ASCII, caseless scripts, runs copied whole) fold as the plain
        /// character-by-character definition does.
        #[test]
        fn folding_is_lower_case_one_character_each(text in "(\\PC|[A-Z中文ÀİẞΣ])*") {
            let plain: String = text
                .chars()
                .map(|c| {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(single), None) => single,
                        _ => c,
                    }
                })
                .collect();
            proptest::prop_assert_eq!(Haystack::new(&text).folded, plain);
        }
    }

    fn find(text: &str, typed: &str) -> Vec<Range<usize>> {
        Haystack::new(text).find(text, &Query::parse(typed).unwrap())
    }

    #[test]
    fn smart_case_and_opt_in_regex() {
        let text = "Ferry, ferry, FERRY; the ferries. 小红书 and 小红书";
        // Lower case ignores case; a capital makes case count.
        assert_eq!(find(text, "ferry").len(), 3);
        assert_eq!(find(text, "Ferry"), vec![0..5]);
        assert_eq!(find(text, "FERRY"), vec![14..19]);
        assert_eq!(find(text, "小红书"), vec![34..37, 42..45]);
        // `\v` makes a regular expression, smart-case too; classes do not count as capitals.
        assert_eq!(find(text, "\\vferr(y|ies)").len(), 4);
        assert_eq!(find(text, "\\vF\\w+"), vec![0..5, 14..19]);
        assert_eq!(find(text, "\\vf\\S+;"), vec![14..20]);
        assert_eq!(find(text, "\\v小.书"), vec![34..37, 42..45]);
        // Without the prefix, regex characters are text.
        assert!(find(text, "ferr(y|ies)").is_empty());
        assert!(Query::parse("\\v(").is_err());
        // A pattern that matches nothing finds nothing, not every empty place.
        assert!(find(text, "\\vx*").is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(Haystack::new("aaaa").find_all("aa"), vec![0..2, 2..4]);
    }

    #[test]
    fn fuzzy_prefers_word_starts_and_rejects_missing_letters() {
        assert!(fuzzy_score("xyz", "TikTok exodus").is_none());
        let start = fuzzy_score("tik", "TikTok exodus").unwrap();
        let scattered = fuzzy_score("tik", "The quick knight").unwrap();
        assert!(start > scattered, "{start} <= {scattered}");
        assert_eq!(fuzzy_score("", "anything"), Some(0));
        assert!(fuzzy_score("小红", "小红书的电商").is_some());
    }
}
