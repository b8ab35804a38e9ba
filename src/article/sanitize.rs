//! Terminal safety and whitespace normalisation: nothing from an article reaches the terminal
//! as a control sequence.

/// Columns between tab stops when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

/// Normalises freshly decoded text: CRLF and CR become LF, escape sequences and control
/// characters are removed, tabs are expanded to spaces, a leading BOM is dropped.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let pad = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
            }
            _ => {
                if let Some(kind) = sequence_start(ch, chars.peek().copied()) {
                    skip_sequence(kind, &mut chars);
                } else if !is_unsafe(ch) {
                    out.push(ch);
                    column += 1;
                }
            }
        }
    }
    out
}

/// Removes every escape sequence and control character but `\n` from a short piece of text
/// (titles, block text, notes, file names). Tabs become single spaces.
pub fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\t' {
            out.push(' ');
        } else if ch == '\r' {
            if chars.peek() != Some(&'\n') {
                out.push('\n');
            }
        } else if let Some(kind) = sequence_start(ch, chars.peek().copied()) {
            skip_sequence(kind, &mut chars);
        } else if ch == '\n' || !is_unsafe(ch) {
            out.push(ch);
        }
    }
    out
}

/// Whether `ch` must never be written to a terminal: C0 and C1 controls (newline aside, which
/// callers handle), DEL, bidirectional overrides and isolates, and stray byte-order marks.
pub fn is_unsafe(ch: char) -> bool {
    matches!(ch,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
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
        '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Some(Sequence::String),
        _ => None,
    }
}

/// Skips the rest of a sequence whose first character was just read. Sequences are bounded:
/// a newline always ends them, so a stray ESC cannot swallow the rest of an article.
fn skip_sequence(kind: Sequence, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match kind {
        Sequence::Csi => {
            if chars.peek() == Some(&'[') {
                chars.next();
            }
            while let Some(&c) = chars.peek() {
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
        Sequence::String => {
            if matches!(chars.peek(), Some(']' | 'P' | 'X' | '^' | '_')) {
                chars.next();
            }
            while let Some(&c) = chars.peek() {
                if c == '\n' {
                    return;
                }
                chars.next();
                match c {
                    '\u{7}' | '\u{9c}' => return,
                    '\u{1b}' => {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        return;
                    }
                    _ => {}
                }
            }
        }
        Sequence::Short => {
            while let Some(&c) = chars.peek() {
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
