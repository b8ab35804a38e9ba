//! Terminal safety and whitespace normalisation: nothing from an article reaches the terminal
//! as a control sequence.

/// Columns between tab stops when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

use std::borrow::Cow;
use std::str::Chars;

/// Normalises freshly decoded text: CRLF and CR become LF, escape sequences and control
/// characters are removed, tabs are expanded to spaces, a leading BOM is dropped.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    // The column is counted only when a tab needs it: `column` holds for `out[..counted]`.
    let (mut column, mut counted) = (0usize, 0usize);
    let mut chars = text.chars();
    loop {
        chars = copy_clean_run(chars, &mut out);
        let Some(ch) = chars.next() else {
            break;
        };
        match ch {
            '\r' | '\n' => {
                if ch == '\r' && peek(&chars) == Some('\n') {
                    chars.next();
                }
                out.push('\n');
                (column, counted) = (0, out.len());
            }
            '\t' => {
                let since = &out[counted..];
                column = match memchr::memrchr(b'\n', since.as_bytes()) {
                    Some(nl) => since[nl + 1..].chars().count(),
                    None => column + since.chars().count(),
                };
                let pad = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                (column, counted) = (column + pad, out.len());
            }
            _ => {
                if let Some(kind) = sequence_start(ch, peek(&chars)) {
                    skip_sequence(kind, &mut chars);
                } else if !is_unsafe(ch) {
                    out.push(ch);
                }
            }
        }
    }
    out
}

/// [`normalize`] for text the caller hands over: text with nothing to change (no carriage
/// return, tab, control character or BOM: the usual case) is returned as it is, not copied.
pub fn normalize_owned(text: String) -> String {
    if clean_prefix(&text) == text.len() {
        text
    } else {
        normalize(&text)
    }
}

/// Removes every escape sequence and control character but `\n` from a short piece of text
/// (titles, block text, notes, file names). Tabs become single spaces.
pub fn strip_controls(text: &str) -> String {
    strip_controls_cow(text).into_owned()
}

/// [`strip_controls`], borrowing the text when there is nothing to remove (the usual case).
pub fn strip_controls_cow(text: &str) -> Cow<'_, str> {
    if clean_prefix(text) == text.len() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    loop {
        chars = copy_clean_run(chars, &mut out);
        let Some(ch) = chars.next() else {
            break;
        };
        if ch == '\t' {
            out.push(' ');
        } else if ch == '\r' {
            if peek(&chars) != Some('\n') {
                out.push('\n');
            }
        } else if let Some(kind) = sequence_start(ch, peek(&chars)) {
            skip_sequence(kind, &mut chars);
        } else if ch == '\n' || !is_unsafe(ch) {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// Copies the clean text at the front of `chars` to `out` and returns what follows it.
fn copy_clean_run<'a>(chars: Chars<'a>, out: &mut String) -> Chars<'a> {
    let rest = chars.as_str();
    let clean = clean_prefix(rest);
    out.push_str(&rest[..clean]);
    rest[clean..].chars()
}

/// Length in bytes of the front of `text` that needs no cleaning: no control character but
/// `\n`, no DEL, C1 control, bidirectional control or BOM (so no escape sequence either).
/// Checked on bytes, which is what makes clean text cheap to pass through.
fn clean_prefix(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Printable ASCII and newlines, the bulk of most text, are passed over 16 bytes at a time.
    // A chunk holding anything else is checked byte by byte, then the chunks go on: a curly
    // quote early on must not send the rest of a long text through the slow check.
    let mut i = 0;
    while i < bytes.len() {
        let end = bytes.len().min(i + 16);
        let plain = end - i == 16
            && bytes[i..end].iter().fold(true, |all, &b| {
                all & ((b.wrapping_sub(0x20) < 0x5f) | (b == b'\n'))
            });
        if plain {
            i = end;
            continue;
        }
        while i < end {
            if special_at(bytes, i) {
                return i;
            }
            // A character of three bytes led by 0xe3..=0xee (CJK among them) or of four is
            // never special: step over it whole.
            i += match bytes[i] {
                0xe3..=0xee => 3,
                0xf0..=0xf4 => 4,
                _ => 1,
            };
        }
    }
    bytes.len()
}

/// Whether the byte at `i` starts something [`clean_prefix`] stops at.
fn special_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        // U+0080..U+009F
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        // U+061C
        0xd8 => bytes.get(i + 1) == Some(&0x9c),
        // U+200E, U+200F, U+202A..U+202E and U+2066..U+2069
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0x8e..=0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        // U+FEFF
        0xef => bytes.get(i + 1) == Some(&0xbb) && bytes.get(i + 2) == Some(&0xbf),
        _ => false,
    }
}

fn peek(chars: &Chars<'_>) -> Option<char> {
    chars.clone().next()
}

/// Whether `ch` must never be written to a terminal: C0 and C1 controls (newline aside, which
/// callers handle), DEL, bidirectional overrides, embeddings and isolates, the invisible
/// direction marks (LRM, RLM, ALM: a terminal that lays out bidirectional text reorders the
/// characters around them), and stray byte-order marks.
pub fn is_unsafe(ch: char) -> bool {
    matches!(ch,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Makes serialised JSON safe to print: the characters a terminal could act on that JSON
/// serialisers leave raw (C1 and bidirectional controls; C0 ones are escaped already) become
/// `\uXXXX` escapes, so the document still decodes to exactly the same strings.
pub fn escape_json_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        if ch != '\n' && is_unsafe(ch) {
            out.push_str(&format!("\\u{:04x}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sequence {
    /// Control Sequence Introducer: parameters, then one final byte in `@`..=`~`.
    Csi,
    /// OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (`ESC \` or U+009C).
    String,
    /// The same strings opened by a single C1 character (U+009D…): skipped only when their
    /// end is on the same line, since a lone one is far more often a stray byte of a
    /// mis-decoded page than a sequence, and the text after it is the article's.
    C1String,
    /// ESC followed by intermediates and one final character.
    Short,
}

/// Recognises the start of an escape sequence at `ch` (consuming the introducer's second
/// character where there is one is left to [`skip_sequence`]).
fn sequence_start(ch: char, next: Option<char>) -> Option<Sequence> {
    match ch {
        '\u{1b}' => Some(match next {
            Some('[') => Sequence::Csi,
            Some(']' | 'P' | 'X' | '^' | '_') => Sequence::String,
            _ => Sequence::Short,
        }),
        '\u{9b}' => Some(Sequence::Csi),
        '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Some(Sequence::C1String),
        _ => None,
    }
}

/// Skips the rest of a sequence whose first character was just read. Sequences are bounded:
/// a newline always ends them, so a stray ESC cannot swallow the rest of an article.
fn skip_sequence(kind: Sequence, chars: &mut Chars<'_>) {
    match kind {
        Sequence::Csi => {
            if peek(chars) == Some('[') {
                chars.next();
            }
            while let Some(c) = peek(chars) {
                if c == '\n' {
                    return;
                }
                chars.next();
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    return;
                }
                if !('\u{20}'..='\u{3f}').contains(&c) {
                    return;
                }
            }
        }
        Sequence::C1String => {
            let mut ahead = chars.clone();
            skip_sequence(Sequence::String, &mut ahead);
            if ended_string(chars.as_str(), ahead.as_str()) {
                *chars = ahead;
            }
        }
        Sequence::String => {
            if matches!(peek(chars), Some(']' | 'P' | 'X' | '^' | '_')) {
                chars.next();
            }
            while let Some(c) = peek(chars) {
                if c == '\n' {
                    return;
                }
                chars.next();
                match c {
                    '\u{7}' | '\u{9c}' => return,
                    '\u{1b}' => {
                        if peek(chars) == Some('\\') {
                            chars.next();
                        }
                        return;
                    }
                    _ => {}
                }
            }
        }
        Sequence::Short => {
            while let Some(c) = peek(chars) {
                if c == '\n' {
                    return;
                }
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&c) {
                    return;
                }
            }
        }
    }
}

/// Whether skipping a string sequence from `before` to `after` stopped at its terminator
/// (BEL or ST) rather than at a newline or the end of the text.
fn ended_string(before: &str, after: &str) -> bool {
    let skipped = &before[..before.len() - after.len()];
    skipped.ends_with(['\u{7}', '\u{9c}'])
        || skipped.ends_with("\u{1b}\\")
        || skipped.ends_with('\u{1b}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(normalize("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn tabs_expand_to_tab_stops() {
        assert_eq!(normalize("\tx\nab\ty"), "    x\nab  y");
        // Columns count characters, across clean runs and removed controls.
        assert_eq!(normalize("xyz\nw中\u{1b}[1m\tv\tu"), "xyz\nw中  v   u");
    }

    #[test]
    fn escape_sequences_are_removed() {
        let hostile = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{1b}[2Jc\u{1b}[1;31md\u{1b}Pq#0\u{1b}\\e\u{1b}]8;;http://x\u{1b}\\f\u{1b}(Bg\u{9b}31mh\u{1b}[200~i";
        assert_eq!(normalize(hostile), "abcdefghi");
    }

    #[test]
    fn c1_and_bidi_controls_are_removed() {
        assert_eq!(
            normalize("a\u{85}b\u{202e}c\u{2066}d\u{7f}e\u{0}f"),
            "abcdef"
        );
        // The direction marks too, in the fast path's byte check as in the slow one.
        assert_eq!(
            strip_controls("left\u{200e}right\u{200f}arabic\u{61c}end"),
            "leftrightarabicend"
        );
    }

    #[test]
    fn a_lone_c1_introducer_drops_itself_not_the_text_after_it() {
        // A stray U+009D (windows-1252 0x9D decoded) in a paragraph.
        assert_eq!(
            normalize("caf\u{9d}e menu, open daily\nrest"),
            "cafe menu, open daily\nrest"
        );
        assert_eq!(strip_controls("a\u{90}b c"), "ab c");
        // A whole C1 sequence on one line is still removed.
        assert_eq!(normalize("a\u{9d}8;;http://x\u{9c}b\u{9d}0;t\u{7}c"), "abc");
    }

    #[test]
    fn unterminated_sequence_stops_at_newline() {
        assert_eq!(normalize("a\u{1b}]0;title\nrest"), "a\nrest");
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(normalize("\u{feff}hi"), "hi");
    }

    #[test]
    fn strip_controls_keeps_newlines_and_text() {
        assert_eq!(strip_controls("x\u{1b}[31my\tz\r\nw"), "xy z\nw");
    }

    #[test]
    fn json_keeps_its_strings_but_not_their_controls() {
        let value = serde_json::json!({"note": "a\u{1b}]52;c;x\u{7}b\u{9b}2J\u{202e}c\n"});
        let json = escape_json_for_terminal(&serde_json::to_string_pretty(&value).unwrap());
        assert!(json.chars().all(|c| c == '\n' || !is_unsafe(c)), "{json}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).unwrap(),
            value
        );
    }

    proptest! {
        #[test]
        fn normalised_text_has_no_controls(s in any::<String>()) {
            let out = normalize(&s);
            prop_assert!(out.chars().all(|c| c == '\n' || !is_unsafe(c)));
            let stripped = strip_controls(&s);
            prop_assert!(stripped.chars().all(|c| c == '\n' || !is_unsafe(c)));
        }
    }
}
