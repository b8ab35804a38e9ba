//! Lower case and letter tests that give exactly what `str::to_lowercase` and
//! `char::is_alphabetic` give, quickly for ASCII and CJK text: the parser asks them of every
//! piece of a dump, and the standard library looks every CJK character up in its tables.

/// Whether `c` has no lower-case mapping of its own and no effect on its neighbours' (CJK
/// ideographs and syllables, kana, CJK and general punctuation, half- and full-width forms
/// other than the full-width Latin letters). The tests check every character of these ranges.
fn is_caseless(c: char) -> bool {
    matches!(
        c,
        '\u{2000}'..='\u{206F}'
            | '\u{3000}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{FF01}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FFEF}'
    )
}

/// Whether every character of `text` is ASCII or caseless, so that its lower case is its
/// ASCII lower case (`to_ascii_lowercase`).
pub fn is_simple(text: &str) -> bool {
    text.chars().all(is_simple_char)
}

/// Whether `c` is ASCII or caseless: its lower case is its ASCII lower case.
pub fn is_simple_char(c: char) -> bool {
    c.is_ascii() || is_caseless(c)
}

/// `text.to_lowercase()`, without the table look-ups when every character is ASCII or
/// caseless.
pub fn lowercase(text: &str) -> String {
    if is_simple(text) {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// `c.is_alphabetic()`, answered without a table look-up for ASCII, CJK ideographs and CJK
/// or general punctuation.
pub fn is_alphabetic(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{4E00}'..='\u{9FFF}' => true,
        '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' => false,
        '\u{FF01}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' => false,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF_u32).filter_map(char::from_u32)
    }

    #[test]
    fn caseless_characters_lower_case_to_themselves() {
        for c in every_char().filter(|c| is_caseless(*c)) {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
            // Nor do they count as cased for a final sigma before or after them.
            let s = format!("Σ{c}");
            assert_eq!(lowercase(&s), s.to_lowercase(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn lower_case_is_the_standard_one() {
        for text in [
            "",
            "Read More",
            "阅读更多 Read MORE",
            "ΟΔΟΣ ΟΔΟΣ",
            "İstanbul",
            "ＡＢＣ　全角",
            "Ünïcödé ПРИВЕТ",
            "\u{212A}elvin",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn letter_test_is_the_standard_one() {
        for c in every_char() {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }
}
