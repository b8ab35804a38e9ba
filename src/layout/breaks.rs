//! A shortcut around the Unicode line-breaking algorithm: for prose made only of ASCII letters,
//! digits and common punctuation, used in ways where the algorithm allows a break after spaces
//! and nowhere else (breaks after hyphens are not used), splitting at spaces gives the same
//! words at a fraction of the cost. Anything else goes through the full algorithm.

/// Whether the line-break opportunities of `text` are exactly the ends of its runs of spaces
/// (ignoring those after a hyphen, which wrapping does not use).
///
/// The cases follow UAX #14: letters and digits never break between each other; nothing breaks
/// before `.,;:!?)`, next to a straight quote, or before a hyphen (one that starts a word is left to the algorithm); an opening parenthesis binds
/// to what follows it (even across spaces) and to a letter or digit before it; a closing one
/// binds to what follows but `(`. Spaces allow a break after them unless the next character
/// is one that never starts a line (`.,;:!?)`) or the text before them ends with `(`.
pub fn breaks_only_at_spaces(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') {
        return false;
    }
    for (i, &b) in bytes.iter().enumerate() {
        // Letters, digits and straight quotes, the bulk of prose, are fine wherever they are.
        if WORD_LIKE[usize::from(b)] {
            continue;
        }
        let previous = if i == 0 { b' ' } else { bytes[i - 1] };
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        let fine = match b {
            // Breaks after a hyphen are not used; one after a space is left to the algorithm.
            b'-' => previous != b' ',
            b' ' => previous != b'(',
            // Never at the start of a line: after a space it would bind to the word before.
            b'.' | b',' | b';' | b':' => previous != b' ',
            // A break may follow them before a letter or digit (or, for `)`, before `(`).
            b'!' | b'?' | b')' => previous != b' ' && !next.is_ascii_alphanumeric() && next != b'(',
            b'(' => {
                matches!(previous, b' ' | b'(' | b'\'' | b'"' | b'-')
                    || previous.is_ascii_alphanumeric()
            }
            _ => false,
        };
        if !fine {
            return false;
        }
    }
    // A text ending with a hyphen loses its last break in textwrap's word finder; the
    // shortcut leaves it to that finder.
    !matches!(bytes.last(), Some(b'(' | b'-'))
}

/// The bytes that never make or prevent a break next to them: ASCII letters and digits, and
/// straight quotes.
const WORD_LIKE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'\'' || byte == b'"';
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use textwrap::WordSeparator;

    fn words(separator: WordSeparator, text: &str) -> Vec<String> {
        separator
            .find_words(text)
            .map(|w| format!("{}|{}", &*w, w.whitespace))
            .collect()
    }

    #[test]
    fn plain_prose_qualifies_and_tricky_text_does_not() {
        assert!(breaks_only_at_spaces(
            "It's done (mostly), isn't it? Yes: 3.5 well-known \"words\"."
        ));
        for tricky in [
            "a/b", "x!y", "a .5", "( a", "a ,b", "中文", "a\nb", " lead", "e)(f",
        ] {
            assert!(!breaks_only_at_spaces(tricky), "{tricky}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Wherever the shortcut is taken, it finds the words the Unicode algorithm finds.
        #[test]
        fn agrees_with_the_unicode_algorithm(text in "[a-c0-9 .,;:!?()'\"-]{1,24}") {
            if breaks_only_at_spaces(&text) {
                prop_assert_eq!(
                    words(WordSeparator::AsciiSpace, &text),
                    words(WordSeparator::UnicodeBreakProperties, &text)
                );
            }
        }
    }
}
