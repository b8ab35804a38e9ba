//! List items in a dump: their markers, their nesting depth, and the lines that continue them.

use super::reflow::join_lines;

/// A list marker at the start of a (trimmed) line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Byte length of the marker including the space after it.
    pub len: usize,
    pub ordered: bool,
}

/// Bullets that open a list item (w3m nests its lists as `•`, `□`, `☆`).
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '‣', '·', '○', '●', '■', '□', '☆', '-', '*', '+', '☐', '☑', '☒', '✓', '✔',
];

/// Finds a list marker: a bullet, `1.`, `1)`, `(1)`, `a)` or `(a)`, followed by a space.
pub fn marker(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    if BULLETS.contains(&first) {
        let len = first.len_utf8();
        return line[len..].starts_with(' ').then_some(Marker {
            len: len + 1,
            ordered: false,
        });
    }
    let bytes = line.as_bytes();
    let open = usize::from(bytes.first() == Some(&b'('));
    let digits = bytes[open..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let label = if digits > 0 {
        digits
    } else {
        usize::from(bytes.get(open).is_some_and(u8::is_ascii_lowercase))
    };
    if label == 0 || digits > 3 {
        return None;
    }
    let close = open + label;
    let closer = *bytes.get(close)?;
    let valid = match (open, closer) {
        (1, b')') => true,
        (0, b')') => true,
        (0, b'.') => digits > 0,
        _ => false,
    };
    (valid && bytes.get(close + 1) == Some(&b' ')).then_some(Marker {
        len: close + 2,
        ordered: true,
    })
}

/// Turns a run of lines that starts with a marker into list items (depth, text), the marker
/// kept at the front of the text (bullets shown as "• "). Lines without a marker continue the
/// item above them; depth counts the distinct marker indents to the left.
pub fn items(lines: &[&str]) -> Vec<(u8, String)> {
    let mut indents: Vec<usize> = lines
        .iter()
        .filter(|l| marker(l.trim_start()).is_some())
        .map(|l| indent(l))
        .collect();
    indents.sort_unstable();
    indents.dedup();
    let mut out: Vec<(u8, Vec<&str>, String)> = Vec::new();
    for line in lines {
        let trimmed = line.trim_start();
        match (marker(trimmed), out.last_mut()) {
            (Some(m), _) => {
                let depth = indents.partition_point(|i| *i < indent(line));
                let label = if m.ordered {
                    trimmed[..m.len].to_string()
                } else {
                    display_bullet(trimmed)
                };
                out.push((
                    u8::try_from(depth).unwrap_or(u8::MAX),
                    vec![&trimmed[m.len..]],
                    label,
                ));
            }
            (None, Some(item)) => item.1.push(trimmed),
            (None, None) => {}
        }
    }
    out.into_iter()
        .map(|(depth, parts, label)| (depth, format!("{label}{}", join_lines(parts))))
        .collect()
}

/// Checkboxes keep their glyph; every other bullet is shown as "• ".
fn display_bullet(line: &str) -> String {
    match line.chars().next() {
        Some(c @ ('☐' | '☑' | '☒')) => format!("{c} "),
        _ => "• ".to_string(),
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_recognised() {
        assert_eq!(marker("• item").map(|m| m.len), Some(4));
        assert!(marker("- item").is_some_and(|m| !m.ordered));
        assert!(marker("12. item").is_some_and(|m| m.ordered));
        assert!(marker("(a) item").is_some());
        assert!(marker("b) item").is_some());
        // w3m's bullets for three levels of nesting.
        for line in ["• first", "□ second", "☆ third"] {
            assert!(marker(line).is_some_and(|m| !m.ordered), "{line}");
        }
    }

    #[test]
    fn non_markers_are_not() {
        assert_eq!(marker("-5 degrees"), None);
        assert_eq!(marker("2019. A year"), None);
        assert_eq!(marker("a. not a list"), None);
        assert_eq!(marker("*emphasis*"), None);
        assert_eq!(marker("1.5 litres"), None);
    }

    #[test]
    fn items_nest_and_continue() {
        let lines = [
            "  • first item that was",
            "    wrapped",
            "      ◦ nested",
            "  - second",
        ];
        assert_eq!(
            items(&lines),
            vec![
                (0, "• first item that was wrapped".to_string()),
                (1, "• nested".to_string()),
                (0, "• second".to_string()),
            ]
        );
        assert_eq!(items(&["1. one", "2. two"])[1], (0, "2. two".to_string()));
    }
}
