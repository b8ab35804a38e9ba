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
        let mut folded = String::with_capacity(text.len());
        let mut at = 0;
        while at < text.len() {
            // ASCII runs are copied and lower-cased whole; the characters between them one
            // by one (most of them, CJK or punctuation, unchanged).
            let ascii = at + ascii_run(&text.as_bytes()[at..]);
            let start = folded.len();
            folded.push_str(&text[at..ascii]);
            if let Some(copied) = folded.get_mut(start..) {
                copied.make_ascii_lowercase();
            }
            at = ascii + fold_others(&text[ascii..], &mut folded);
        }
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

/// Bytes at the start of `bytes` that are ASCII, eight at a time where it can.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        if word & HIGH != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Appends the characters at the start of `text` up to the first ASCII one, folded, to
/// `out`, copying the runs that fold to themselves; answers with their length in bytes.
fn fold_others(text: &str, out: &mut String) -> usize {
    let mut copied = 0;
    let mut end = text.len();
    for (i, ch) in text.char_indices() {
        if ch.is_ascii() {
            end = i;
            break;
        }
        let lower = fold_char(ch);
        if lower != ch {
            out.push_str(&text[copied..i]);
            out.push(lower);
            copied = i + ch.len_utf8();
        }
    }
    out.push_str(&text[copied..end]);
    end
}

/// Lower-cases a character when its lower case is a single character; leaves it alone
/// otherwise (the rare expansions, like 'İ', would break the offset correspondence).
pub(crate) fn fold_char(ch: char) -> char {
    if ch.is_ascii() {
        return ch.to_ascii_lowercase();
    }
    // CJK, kana, Hangul, general punctuation (curly quotes, dashes) and fullwidth punctuation
    // have no case; skip the table lookup for them.
    if matches!(
        ch,
        '\u{2000}'..='\u{20ff}'
            | '\u{2e80}'..='\u{a4cf}'
            | '\u{ac00}'..='\u{d7af}'
            | '\u{ff00}'..='\u{ff20}'
            | '\u{ff3b}'..='\u{ff40}'
            | '\u{ff5b}'..='\u{ffef}'
    ) {
        return ch;
    }
    let mut lower = ch.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => ch,
    }
}

/// Number of characters in a UTF-8 byte slice: every byte that does not continue a character
/// (`10xxxxxx`), counted eight bytes at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let continuing: usize = chunks
        .map(|c| {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            // Bit 7 set and bit 6 clear, moved onto bit 7 of each byte.
            (w & !(w << 1) & HIGH).count_ones() as usize
        })
        .sum();
    bytes.len() - continuing - tail.iter().filter(|&&b| (b & 0xC0) == 0x80).count()
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

        /// Counting characters eight bytes at a time agrees with decoding them, wherever a
        /// slice starts and ends on character boundaries.
        #[test]
        fn characters_counted_eight_bytes_at_a_time(text in "(\\PC|[a-z中文é])*", cut in 0usize..64) {
            let start = text.char_indices().map(|(i, _)| i).nth(cut % (text.len() + 1)).unwrap_or(0);
            let slice = &text[start..];
            proptest::prop_assert_eq!(count_chars(slice.as_bytes()), slice.chars().count());
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
