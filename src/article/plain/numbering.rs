//! Section numbers that confirm each other: a chapter numbered `6`, `6.`, `第 6 章` or
//! `Chapter 6.` whose sections `6.1`, `6.2` follow it is the heading the numbers hang from.

use std::collections::HashMap;

use super::lexicon::{self, Class};
use super::pieces::Piece;

/// The section number a line opens with, as dot-separated groups: "6.1.2. Title" → `6.1.2`,
/// "A.2. Title" → `A.2`, "第 6 章 …" → `6`, "Chapter 6. …", "Глава 14. …" → `6`, `14`.
pub fn number(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('第') {
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        return (!digits.is_empty()).then_some(digits);
    }
    if let Some(n) = leading_groups(text) {
        return Some(n);
    }
    let mut words = text.split_whitespace();
    let first = words.next()?;
    // A chapter word in any language, then the number: "Chapter 6.", "Глава 14.", "Chapitre 3".
    // (Counted first: the first word of a CJK paragraph may run to its end.)
    let word_like = first.chars().nth(12).is_none() && first.chars().all(char::is_alphabetic);
    let second = words.next()?;
    // An appendix is numbered by a letter: "Appendix A", "附录 A."
    if let Some(letter) = division_number(text).filter(|n| is_letter(n)) {
        return Some(letter.to_string());
    }
    word_like
        .then(|| groups(second))
        .flatten()
        .filter(|n| !n.contains('.'))
}

/// The number after a division's name (see [`lexicon`]): "Chapter 3", "Part II: The Return",
/// "Appendix A", "附录 A. 高级打包", "Глава 12." — digits, a Roman numeral or a letter.
pub fn division_number(text: &str) -> Option<&str> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let number = words.next()?.trim_end_matches([':', '.', '—', '-']);
    let is_number = !number.is_empty()
        && (number.chars().all(|c| c.is_ascii_digit())
            || number
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
            || is_letter(number));
    (is_number && lexicon::is_label(first, Class::Division)).then_some(number)
}

/// One capital letter, as an appendix is numbered.
fn is_letter(token: &str) -> bool {
    token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase())
}

/// The groups (see [`groups`]) of a line's first word: the only number of [`number`] that may
/// have two groups or more.
fn leading_groups(text: &str) -> Option<String> {
    let text = text.trim_start();
    // Most lines open otherwise, and their first word is not looked for.
    if !opens_groups(text) {
        return None;
    }
    groups(text.split_whitespace().next()?)
}

/// Whether text opens as groups do, with a digit or a capital.
fn opens_groups(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
}

/// `6`, `6.`, `6.1`, `6.1.2.`, `A.2.` as groups without the final dot; a letter may only lead.
fn groups(token: &str) -> Option<String> {
    let token = token.strip_suffix('.').unwrap_or(token);
    // Most words open otherwise, and are not split.
    if !opens_groups(token) {
        return None;
    }
    let parts: Vec<&str> = token.split('.').collect();
    let part_ok = |(i, p): (usize, &&str)| {
        !p.is_empty()
            && p.len() <= 3
            && (p.bytes().all(|b| b.is_ascii_digit())
                || i == 0
                    && parts.len() > 1
                    && p.len() == 1
                    && p.bytes().all(|b| b.is_ascii_uppercase()))
    };
    parts
        .iter()
        .enumerate()
        .all(part_ok)
        .then(|| token.to_string())
}

/// Whether a piece after `i` opens with the first subsection of `i`'s number (`6` → `6.1`).
fn has_subsections(i: usize, pieces: &[Piece]) -> bool {
    number(pieces[i].text()).is_some_and(|n| opens_section(&format!("{n}.1"), &pieces[i + 1..]))
}

/// Whether one of `pieces` opens with section number `n`.
fn opens_section(n: &str, pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .any(|p| number(p.text()).is_some_and(|m| m == n))
}

/// The last piece numbered as a section of `title`'s number ("6." → "6.9.2. …").
pub fn last_section(title: usize, pieces: &[Piece]) -> Option<usize> {
    let stem = format!("{}.", number(pieces[title].text())?);
    (title + 1..pieces.len())
        .rev()
        .find(|i| number(pieces[*i].text()).is_some_and(|n| n.starts_with(&stem)))
}

/// Whether the next number at `i`'s depth opens a section after `i` (a line with that number
/// over prose, or with its own subsections): then `i` is one chapter of several, not the
/// document's title. (A link to the next chapter in a navigation bar heads no prose.)
fn has_sections_as_sibling(i: usize, pieces: &[Piece]) -> bool {
    let Some(n) = number(pieces[i].text()) else {
        return false;
    };
    let (stem, last) = n.rsplit_once('.').unwrap_or(("", n.as_str()));
    let Ok(last) = last.parse::<u32>() else {
        return false;
    };
    let sibling = if stem.is_empty() {
        format!("{}", last + 1)
    } else {
        format!("{stem}.{}", last + 1)
    };
    let rest = &pieces[i + 1..];
    let over_prose = rest.windows(2).any(|w| {
        number(w[0].text()).is_some_and(|m| m == sibling)
            && w[1].text().chars().nth(PROSE_CHARS).is_some()
    });
    over_prose || opens_section(&format!("{sibling}.1"), rest)
}

/// For every piece, whether a later piece opens with a dotted section number of the same
/// chapter below its own ("6.10." and, further down, "6.1."): a document's sections run in order, so such a piece is
/// an entry of a table of contents (listing sections the page holds further down, or holds
/// not at all), never a heading. Numbers with a letter ("A.2.") are left out.
pub fn out_of_sequence(pieces: &[Piece]) -> Vec<bool> {
    let mut flags = vec![false; pieces.len()];
    // The least number seen further down in each chapter (numbers of other chapters, a
    // footnote's "1.2", do not count against a section of chapter 6).
    let mut least: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, piece) in pieces.iter().enumerate().rev() {
        // Only a line's first word gives a number of two groups.
        let Some(n) = leading_groups(piece.text()).and_then(|n| dotted_groups(&n)) else {
            continue;
        };
        let below = least.entry(n[0]).or_insert_with(|| n.clone());
        flags[i] = *below < n;
        if n < *below {
            *below = n;
        }
    }
    flags
}

/// A dotted number's groups as numbers ("6.10" → 6, 10); `None` for one group or a letter.
fn dotted_groups(n: &str) -> Option<Vec<u32>> {
    let groups: Vec<u32> = n
        .split('.')
        .map(|g| g.parse().ok())
        .collect::<Option<_>>()?;
    (groups.len() >= 2).then_some(groups)
}

/// Characters of a piece that make it prose under a heading rather than a navigation label.
const PROSE_CHARS: usize = 60;

/// The title of a numbered document among `candidates` (indices of heading-like pieces in
/// order): the shallowest numbered one whose subsections follow, the nearest the body of those.
pub fn numbered_title(candidates: &[usize], pieces: &[Piece]) -> Option<usize> {
    candidates
        .iter()
        .copied()
        .filter(|i| has_subsections(*i, pieces) && !has_sections_as_sibling(*i, pieces))
        .map(|i| {
            (
                number(pieces[i].text()).map_or(0, |n| n.matches('.').count()),
                i,
            )
        })
        .min_by_key(|(depth, i)| (*depth, std::cmp::Reverse(*i)))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Piece {
        Piece::Fixed(crate::article::RawBlock::new(
            crate::article::BlockKind::Paragraph,
            t,
        ))
    }

    #[test]
    fn a_dotted_number_that_a_lower_one_follows_is_out_of_sequence() {
        let pieces: Vec<Piece> = [
            "6.9. 自动升级",
            "6.10. 搜索软件包",
            "Debian 之所以如此受系统管理员欢迎。",
            "6.1. 编写 sources.list 文件",
            "6.1.1. 语法",
            "12.3. Автоматизированная установка",
            "12.4. المراقبة",
            "A.1. Shared libraries",
            "7. Next chapter",
            "1.2 Scope of the Work",
            "12.1. RAID و LVM",
            "12.1.1. RAID",
        ]
        .iter()
        .map(|t| text(t))
        .collect();
        assert_eq!(
            out_of_sequence(&pieces),
            [
                true, true, false, false, false, true, true, false, false, false, false, false
            ]
        );
    }

    #[test]
    fn numbers_in_several_forms_and_languages() {
        for (line, want) in [
            ("6.1.2. Helper scripts", Some("6.1.2")),
            ("6. Best Packaging Practices", Some("6")),
            ("A.2. 管理 debian/package.symbols", Some("A.2")),
            ("第 6 章 构建软件包", Some("6")),
            ("第6章 构建", Some("6")),
            ("Chapter 3. Getting Started", Some("3")),
            ("Глава 14. Безопасность", Some("14")),
            ("Chapitre 6. Maintenance", Some("6")),
            ("附录 A. 高级打包", Some("A")),
            ("Appendix B: Glossary", Some("B")),
            ("Annexe C. Sources", Some("C")),
        ] {
            assert_eq!(number(line).as_deref(), want, "{line}");
        }
        for line in [
            "In 2019 the ferry",
            "1234. Too long a number",
            "a.b. lower case",
            "Chapter 6.1 is not a chapter",
            "第三章 结论",
            "Plan B for the weekend",
            "附录里 A 的表格",
        ] {
            assert_eq!(number(line), None, "{line}");
        }
    }

    #[test]
    fn a_numbered_title_s_last_section_is_the_last_line_numbered_under_it() {
        let body = "Body text of a section, long enough to be a paragraph of prose.";
        for (title, sections) in [
            (
                "6. Best Practices",
                ["6.1. Files", "6.2.3. Scripts", "7.1. Other"],
            ),
            ("第 6 章 维护", ["6.1. 文件", "6.2.3. 脚本", "7.1. 其他"]),
            (
                "Глава 6. Безопасность",
                ["6.1. Файлы", "6.2.3. Скрипты", "7.1. Другое"],
            ),
        ] {
            let text = format!(
                "{title}\n\n{body}\n\n{}\n\n{body}\n\n{}\n\n{body}\n\n{}\n\n{body}",
                sections[0], sections[1], sections[2]
            );
            let pieces = super::super::pieces::pieces(&text);
            let last = last_section(0, &pieces).map(|i| pieces[i].text());
            assert_eq!(last, Some(sections[1]), "{title}");
        }
        let pieces = super::super::pieces::pieces("Title\n\nBody\n\n6.1. Files");
        assert_eq!(last_section(0, &pieces), None);
    }
}
