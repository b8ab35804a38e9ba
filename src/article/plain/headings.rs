//! What a standalone line looks like as a heading: explicit markup, numbering, capitals, layout.

use super::lexicon::{self, Class};
use super::lists;
use super::numbering;
use super::reflow::is_cjk;

/// How a line announces itself as a heading, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Markdown-style markup: `#` prefixes or a `===`/`---` underline. Level as written.
    Marked(u8),
    /// A section number: `1.`, `1.2`, `IV.`, `一、`, `第三章`, `Chapter 3`. Level from its depth.
    Numbered(u8),
    /// Written in capitals.
    Capitals,
    /// Short, not ending like a sentence: a heading if body text follows.
    Short,
    /// Ordinary prose.
    Prose,
}

/// Longest heading in characters (about two lines of a dump) and in words.
const MAX_CHARS: usize = 150;
const MAX_WORDS: usize = 20;
/// Headings in capitals are short.
const MAX_CAPITAL_WORDS: usize = 8;
/// CJK headings carry more per character.
const MAX_CJK_CHARS: usize = 40;

/// Classifies one standalone line (already re-flowed) by how it could serve as a heading.
pub fn shape(text: &str) -> Shape {
    shape_and_reason(text).0
}

/// A rule that makes a line prose, and the name `folio outline --explain` gives it.
type ProseRule = (fn(&str) -> bool, &'static str);

/// What rules a line out before its numbering is read: too long or not words at all.
const NOT_WORDS: [ProseRule; 4] = [
    (|t| !fits(t), "too long"),
    (is_lone_url, "web address"),
    (is_code_like, "code"),
    (is_leader_line, "leader dots"),
];

/// Hard gates: a caption, a note box's label and a table of contents' label are never
/// headings, whatever their numbering or layout.
const GATES: [ProseRule; 5] = [
    (is_permalinked_entry, "gate: reference entry"),
    (lexicon::is_caption, "gate: caption"),
    (
        |t| lexicon::is_label(t, Class::Admonition),
        "gate: note label",
    ),
    (
        |t| lexicon::opens_with_label(t, Class::Admonition),
        "gate: note box title",
    ),
    (
        |t| lexicon::is_label(t, Class::Contents),
        "gate: contents label",
    ),
];

/// What makes an unnumbered line read as prose rather than a heading, cheapest first.
const PROSE: [ProseRule; 15] = [
    (|t| lists::marker(t).is_some(), "list marker"),
    (|t| t.contains("___"), "blank to fill"),
    (ends_like_sentence, "sentence end"),
    (|t| !starts_like_heading(t), "opens in lower case"),
    (has_inner_sentence_end, "two sentences"),
    (has_cjk_sentence, "CJK sentence"),
    (ends_with_function_word, "ends on a function word"),
    (is_pull_quote, "quotation"),
    (has_glued_words, "glued words"),
    (opens_with_capital_label, "capital label"),
    (has_picture_mark, "picture"),
    (has_file_name_word, "file name"),
    (is_doubled, "doubled"),
    (|t| t.contains("www."), "web address"),
    (|t| t.contains("://"), "web address"),
];

/// The first of `rules` that `text` meets, by name.
fn first_met(rules: &[ProseRule], text: &str) -> Option<&'static str> {
    rules
        .iter()
        .find(|(met, _)| met(text))
        .map(|(_, name)| *name)
}

/// A line's shape and, when a rule made it prose, that rule's name.
pub fn shape_and_reason(text: &str) -> (Shape, Option<&'static str>) {
    let text = text.trim();
    if let Some(why) = first_met(&NOT_WORDS, text).or_else(|| first_met(&GATES, text)) {
        return (Shape::Prose, Some(why));
    }
    if let Some(level) = numbered_level(text) {
        // A bare numeral ("II.") has nothing after its full stop to be a sentence, and a
        // book's division may name its chapter with an ellipsis ("第 8 章 基础配置：网络，账户，
        // 打印……", "Chapter 2: And Then…").
        let division_trails_off = trails_off(text) && names_a_division(text);
        return if ends_like_sentence(text)
            && (text.contains(' ') || text.chars().any(is_cjk))
            && !division_trails_off
        {
            (Shape::Prose, Some("numbered sentence"))
        } else {
            (Shape::Numbered(level), None)
        };
    }
    if let Some(why) = first_met(&PROSE, text) {
        return (Shape::Prose, Some(why));
    }
    if !is_capitals(text) {
        (Shape::Short, None)
    } else if text.split_whitespace().nth(MAX_CAPITAL_WORDS).is_some() {
        // Long runs of capitals are shouted teasers, not headings.
        (Shape::Prose, Some("long capitals"))
    } else {
        (Shape::Capitals, None)
    }
}

/// A function's or an attribute's entry followed by the permalink pilcrow that documentation
/// generators give headings too ("bz2.open(filename, mode='rb')¶", "POP3.getwelcome()¶",
/// "BZ2Decompressor.eof¶", "mean¶"): a name, not a heading. A name is one word in lower case
/// or with a programming name's characters; an entry may also show its parameters.
pub fn is_permalinked_entry(line: &str) -> bool {
    let Some(text) = line.trim().strip_suffix('¶').map(str::trim_end) else {
        return false;
    };
    let name = !text.contains(' ')
        && (text.starts_with(char::is_lowercase) || text.contains(['.', '_', '(']));
    let first_word = text.split(' ').next().unwrap_or_default();
    let parameters = text.contains('=') || first_word.contains('(') && !text.starts_with('(');
    name || parameters
}

/// `# Title` (up to six hashes) gives its text and level.
pub fn atx(line: &str) -> Option<(u8, &str)> {
    let line = line.trim();
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    let rest = rest.trim().trim_end_matches('#').trim_end();
    (1..=6).contains(&hashes).then_some(())?;
    (!rest.is_empty()).then(|| (u8::try_from(hashes).unwrap_or(6), rest))
}

/// A `===` (level 1) or `---` (level 2) underline below a heading.
pub fn setext_level(underline: &str) -> Option<u8> {
    let u = underline.trim();
    if u.chars().count() < 2 {
        return None;
    }
    if u.chars().all(|c| c == '=' || c == '═') {
        Some(1)
    } else if u.chars().all(|c| c == '-' || c == '─' || c == '~') {
        Some(2)
    } else {
        None
    }
}

/// Heading level implied by a section number at the start of the line.
pub fn numbered_level(text: &str) -> Option<u8> {
    decimal_level(text)
        .or_else(|| roman_level(text))
        .or_else(|| chinese_level(text))
        .or_else(|| word_level(text))
}

/// `1. Intro`, `1 Intro` (at most two digits), `1.2 Scope`, `1.2.3. Detail`. A number closed
/// by a bracket (`7) Item`) numbers a list item, not a section.
fn decimal_level(text: &str) -> Option<u8> {
    // A dump may keep the no-break space a manual sets after its section numbers.
    let (number, rest) = text.split_once([' ', '\u{a0}'])?;
    let closed = number.ends_with('.');
    let number = number.trim_end_matches('.');
    let groups: Vec<&str> = number.split('.').collect();
    let numeric = groups
        .iter()
        .all(|g| !g.is_empty() && g.len() <= 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let plain_number = groups.len() == 1 && !closed;
    // A section number closed by a full stop ("5.2. compat") may head a file's or a command's
    // name in lower case; a bare decimal ("2.5 million") only a heading's words.
    let dotted = closed && groups.len() >= 2;
    let rest = rest.trim();
    let heading_words = starts_like_heading(rest) || dotted && !rest.is_empty();
    if !numeric || (plain_number && groups[0].len() > 2) || !heading_words {
        return None;
    }
    u8::try_from(groups.len() + 1).ok().map(|l| l.min(6))
}

/// `IV. Results`, or an essay's bare section numeral `II.`.
fn roman_level(text: &str) -> Option<u8> {
    let is_roman = |s: &str| {
        !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
    };
    if is_roman(text.strip_suffix('.').unwrap_or(text)) {
        return Some(2);
    }
    let (number, rest) = text.split_once(". ")?;
    let roman = !number.is_empty()
        && number.len() <= 6
        && number
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    (roman && starts_like_heading(rest.trim())).then_some(2)
}

const CHINESE_DIGITS: &str = "零〇一二三四五六七八九十百千两0123456789０１２３４５６７８９";

/// `一、背景`, `（一）方法` and `第三章 结论`, `第2节`.
fn chinese_level(text: &str) -> Option<u8> {
    let digits = |s: &str| {
        s.chars()
            .take_while(|c| CHINESE_DIGITS.contains(*c))
            .count()
    };
    if let Some(rest) = text.strip_prefix('第') {
        // Arabic numerals are often set apart by spaces: "第 4 章".
        let rest = rest.trim_start();
        let n = digits(rest);
        let unit = rest.chars().skip(n).find(|c| *c != ' ')?;
        return match unit {
            _ if n == 0 => None,
            '章' | '部' | '篇' | '卷' | '编' => Some(2),
            '节' | '回' => Some(3),
            _ => None,
        };
    }
    if let Some(rest) = text.strip_prefix(['（', '(']) {
        let n = digits(rest);
        let close = rest.chars().nth(n)?;
        return (n > 0 && matches!(close, '）' | ')') && rest.chars().count() > n + 1).then_some(3);
    }
    let n = digits(text);
    let mark = text.chars().nth(n)?;
    let is_han = text.chars().next().is_some_and(|c| !c.is_ascii_digit());
    (n > 0 && is_han && matches!(mark, '、' | '．') && text.chars().count() > n + 1).then_some(2)
}

/// A book's division by its name and number: `第 8 章 …`, `第三部`, `Chapter 3`, `Annexe B`.
fn names_a_division(text: &str) -> bool {
    text.starts_with('第') && chinese_level(text).is_some() || word_level(text).is_some()
}

/// `Chapter 3`, `Part II: The Return`, `Appendix A`, `附录 A. 高级打包`, `Глава 12`: a division's
/// name and its number (see [`numbering::division_number`]).
fn word_level(text: &str) -> Option<u8> {
    numbering::division_number(text).map(|_| 2)
}

fn fits(text: &str) -> bool {
    // Most pieces are paragraphs: too many bytes for `MAX_CHARS` characters, or too many
    // characters (counted without decoding them).
    if text.len() > 4 * MAX_CHARS {
        return false;
    }
    let chars = text.chars().count();
    if chars == 0 || chars > MAX_CHARS {
        return false;
    }
    // One pass for the rest: words as `split_whitespace` finds them, CJK. Both only grow, so
    // the pass stops at too many words, or once half of a long line is CJK (a CJK paragraph).
    let (mut words, mut cjk, mut in_word) = (0, 0, false);
    for c in text.chars() {
        cjk += usize::from(is_cjk(c));
        let space = c.is_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
        if words > MAX_WORDS || chars > MAX_CJK_CHARS && cjk * 2 >= chars {
            return false;
        }
    }
    true
}

/// Sentences end with a full stop, comma, semicolon, colon or ellipsis (closing quotes and
/// brackets aside); question and exclamation marks are common in headlines, so they do not count.
pub fn ends_like_sentence(text: &str) -> bool {
    without_closers(text).ends_with(['.', ',', ';', ':', '…', '。', '，', '；', '：', '、'])
}

/// Whether a text ends in an ellipsis, closing quotes aside ("Chapter 2: And Then…", a teaser
/// cut short: "노르웨.."): it trails off rather than ends.
pub fn trails_off(text: &str) -> bool {
    let core = without_closers(text);
    core.ends_with("..") || core.ends_with('…')
}

/// The text without the closing quotes, brackets and spaces at its end.
fn without_closers(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', '”', '’', '»', ')', '）', '」', '』', ' '])
}

/// "It failed. Then it worked": a full stop, question or exclamation mark inside the line,
/// after a lower-case word of three letters or more (so "Mr. Smith" and "U.S. Troops" pass),
/// followed by a capital.
fn has_inner_sentence_end(text: &str) -> bool {
    // Most lines have no such mark to look around.
    if !text.contains(['.', '?', '!']) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).any(|w| {
        matches!(w[3], '.' | '?' | '!') && w[..3].iter().all(|c| c.is_lowercase()) && w[4] == ' '
    }) && text
        .split_inclusive(['.', '?', '!'])
        .skip(1)
        .any(|rest| rest.trim_start().starts_with(char::is_uppercase))
}

/// Fewest characters of each of two clauses that a CJK comma joins into a sentence.
const CLAUSE_CHARS: usize = 8;

/// A CJK sentence in the line: a full stop, question or exclamation mark with more words after
/// it ("…的构建过程。参看 debuild(1)", "…错误。[75]"), or a comma between two clauses of some
/// length ("为保证软件包构建能顺利进行，你必须保证系统中已经安装"). A heading is one phrase; a
/// short pair joined by a comma may be one ("安装，一步一步来").
fn has_cjk_sentence(text: &str) -> bool {
    if !text.contains(['。', '！', '？', '，']) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| match c {
        '。' | '！' | '？' => chars[i + 1..].iter().any(|c| c.is_alphanumeric()),
        '，' => i >= CLAUSE_CHARS && chars.len() - i > CLAUSE_CHARS,
        _ => false,
    })
}

/// A line wholly in quotation marks is a pull quote or a title being cited.
fn is_pull_quote(text: &str) -> bool {
    text.starts_with(['“', '"', '«', '「']) && text.ends_with(['”', '"', '»', '」'])
}

/// Words run together ("HealthMarijuanaCannabis", "Share to LinkedInLinkedInShare"): menu
/// entries or link labels whose separators the dump lost. One join in a word is a brand
/// ("MacBook", "AirPods"), and a headline may name several brands.
fn has_glued_words(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        // A join is a capital after two lower-case letters.
        let (mut joins, mut lower_before, mut lower) = (0, false, false);
        for c in word.chars() {
            joins += usize::from(lower_before && lower && c.is_uppercase());
            (lower_before, lower) = (lower, c.is_lowercase());
        }
        joins >= 2
    })
}

/// Fewest letters of a label in capitals before a box's or a teaser's own title: fewer are
/// an acronym that opens a heading ("USB devices", "NASA's budget", "COVID testing").
const LABEL_LETTERS: usize = 6;

/// A label in capitals, then a title in mixed case: a box's kicker ("BEWARE Upgrading from
/// Buster", "GOING FURTHER Old package versions", "К ОСНОВАМ Наверстаем упущенное") or a
/// teaser's ("EXCLUSIVE Inside the deal"). Headings are in capitals throughout or not at all;
/// a headline may open with a label and a colon ("BREAKING NEWS: Chelsea sign…").
fn opens_with_capital_label(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &&&str| {
        w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | ':'))
            && w.chars().any(char::is_uppercase)
    };
    let run = words.iter().take_while(capital).count();
    if words[..run].iter().any(|w| w.ends_with(':')) {
        return false;
    }
    let letters: usize = words[..run].iter().map(|w| w.chars().count()).sum();
    let rest = &words[run..];
    letters >= LABEL_LETTERS
        && rest
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && rest.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// A text-mode browser's mark for a picture: its file name or number in brackets
/// ("[33622-59464-Bezels-l.jpg]", "[33622-5946]", "[IMG]"), or, opening the line, the cut
/// file name w3m prints for a picture without a description ("[hong-kong-] Protesters gather",
/// "[GettyImage]Police fire tear gas"); or a picture's file name ending the line, as both print
/// a description that a page left as the file's name ("DSC01234.jpg", "Hong Kong protest.PNG").
/// A line with one is the picture's caption or label; so is a line that is only the picture's
/// kind, a description left as "Image" or "Foto" (the lexicon's `picture` class).
fn has_picture_mark(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or_default();
    last.contains('.') && is_picture_file(&last.to_ascii_lowercase())
        || opens_with_picture_mark(text)
        || lexicon::names_a_picture(text)
        || text.split('[').skip(1).any(|rest| {
            let Some((inner, _)) = rest.split_once(']') else {
                return false;
            };
            let lower = inner.to_ascii_lowercase();
            let file = lower.split('?').next().unwrap_or_default();
            // Picture numbers run to five digits or more; years ("[2019-2020]") do not.
            let numbered = inner
                .split(['-', '_'])
                .any(|part| part.len() >= 5 && part.bytes().all(|b| b.is_ascii_digit()))
                && inner
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'_'));
            !inner.contains(' ')
                && (numbered
                    || matches!(lower.as_str(), "img" | "image" | "photo" | "picture")
                    || is_picture_file(file))
        })
}

/// A file name (lower-cased) with a picture's extension after a name of its own.
fn is_picture_file(file: &str) -> bool {
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"]
        .iter()
        .any(|ext| file.len() > ext.len() && file.ends_with(ext))
}

/// A line opening with a picture's file name as w3m and lynx print it, before the caption or
/// the credit set beside the picture: a name of file-name characters in brackets ("[hong-kong-]
/// Protesters…", "[AP_19323]", "[afp.com] Photo"), or any bracketed name with the text glued to
/// it ("[GettyImage]Police…", "[HK]Caption"). A tag before a headline is a word set apart by a
/// space ("[Review] The Palace", "[Update] Talks resume"); a footnote's number is no name.
fn opens_with_picture_mark(text: &str) -> bool {
    let Some((name, after)) = text.strip_prefix('[').and_then(|t| t.split_once(']')) else {
        return false;
    };
    let is_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !name.bytes().all(|b| b.is_ascii_digit());
    let file_like = name.contains(['-', '_', '.'])
        || name.bytes().any(|b| b.is_ascii_digit())
        || name.bytes().all(|b| b.is_ascii_lowercase());
    let glued = after.starts_with(char::is_alphanumeric);
    is_name && (file_like || glued) && after.trim().chars().any(char::is_alphabetic)
}

/// A camera's or a page builder's file name standing in for a picture's description: a lone
/// word joined by an underscore ("EPA_Visualisierung"), or a word with a double underscore or an
/// underscore before digits ("book__MG_2953"). Identifiers inside a heading ("The ONE_LEVEL Key
/// Type", "max_connections") are not.
fn has_file_name_word(text: &str) -> bool {
    if !text.contains('_') {
        return false;
    }
    let lone = !text.trim().contains(' ') && text.contains('_');
    let camera = text.split_whitespace().any(|word| {
        word.contains("__")
            || word
                .split('_')
                .skip(1)
                .any(|after| after.starts_with(|c: char| c.is_ascii_digit()) && word.len() > 4)
    });
    lone || camera
}

/// The same words twice in a row ("Defense ministries Defense ministries"): a picture's
/// description and its caption run together.
fn is_doubled(text: &str) -> bool {
    let half = text.chars().count() / 2;
    let middle = text
        .char_indices()
        .nth(half)
        .map_or(text.len(), |(at, _)| at);
    let (first, second) = text.split_at(middle);
    half >= 4 && first.trim() == second.trim()
}

/// Lines cut off mid-sentence end on an article, preposition or conjunction.
fn ends_with_function_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "from", "as", "that", "which", "who",
    ];
    text.rsplit(' ').next().is_some_and(|w| WORDS.contains(&w))
}

/// A capital, a digit, a letter of a script without case, or a price ("$15 Off AirPods"),
/// after any opening quotation mark or bracketed tag ("[Review] The Palace"; a bracketed
/// number is a footnote's mark, "[1] see above", and a line wholly in brackets a note).
fn starts_like_heading(text: &str) -> bool {
    // A tag opens a heading only when the heading goes on after it: a line wholly in brackets
    // is a note or a credit ("[Photo: JTBC]").
    let tagged = text.strip_prefix(['[', '【']);
    let bad_tag = tagged.is_some_and(|t| {
        t.starts_with(|c: char| c.is_ascii_digit())
            || t.find([']', '】'])
                .is_none_or(|end| t[end..].chars().nth(1).is_none())
    });
    if bad_tag {
        return false;
    }
    let mut chars = text
        .chars()
        .skip_while(|c| matches!(c, '"' | '“' | '‘' | '\'' | '«' | '「' | '[' | '【'));
    let first = chars.next();
    let priced = matches!(first, Some('$' | '£' | '€' | '¥'))
        && chars.next().is_some_and(|c| c.is_ascii_digit());
    let opens = first.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || is_cjk(c) || is_titlecase_free(c)
    });
    (opens || priced) && has_word(text)
}

/// At least two letters in a row (or one CJK character): "84.1K" is not a heading.
fn has_word(text: &str) -> bool {
    let mut run = 0;
    text.chars().any(|c| {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        run >= 2 || is_cjk(c)
    })
}

/// Letters of scripts without case (Arabic, Hebrew, Thai ...) may start a heading.
fn is_titlecase_free(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

fn is_capitals(text: &str) -> bool {
    let cased = text
        .chars()
        .filter(|c| c.is_lowercase() || c.is_uppercase());
    let mut upper = 0;
    for c in cased {
        if c.is_lowercase() {
            return false;
        }
        upper += 1;
    }
    upper >= 2
}

/// `https://example.com/x`, `www.example.com`.
pub fn is_lone_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    !text.contains(' ')
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
}

/// Lines of source code or shell sessions.
pub fn is_code_like(line: &str) -> bool {
    let t = line.trim();
    t.ends_with(['{', ';'])
        || matches!(t, "}" | "};" | ")" | "])")
        || ["$ ", "// ", "/*", "#!", "#include", "<?", "</"]
            .iter()
            .any(|p| t.starts_with(p))
}

/// Table-of-contents lines with dot leaders: "Introduction ........ 3".
fn is_leader_line(text: &str) -> bool {
    text.contains("....") || text.contains("…………") || text.contains(". . . .")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_not_ending_like_sentences_are_short_headings() {
        assert_eq!(shape("The Appeal of Xiaohongshu"), Shape::Short);
        assert_eq!(shape("Conclusion"), Shape::Short);
        assert_eq!(shape("Is This the End of TikTok?"), Shape::Short);
        assert_eq!(shape("“Quoted” Headline"), Shape::Short);
    }

    fn assert_prose(lines: &[&str]) {
        for line in lines {
            assert_eq!(shape(line), Shape::Prose, "{line}");
        }
    }

    #[test]
    fn a_label_in_capitals_before_a_title_in_mixed_case_is_no_heading() {
        assert_prose(&[
            "BEWARE Upgrading from Buster",
            "GOING FURTHER Old package versions",
            "К ОСНОВАМ Наверстаем упущенное в приложении",
            "ПЕРСПЕКТИВА Btrfs сочетает LVM и RAID",
            "EXCLUSIVE Inside the deal",
            "ATTENTION Les paquets non officiels",
        ]);
        // An acronym opening a heading, a heading in capitals throughout, a label alone.
        assert_eq!(shape("USB Devices"), Shape::Short);
        assert_eq!(shape("NASA Launches a Probe"), Shape::Short);
        assert_eq!(shape("COVID Testing Sites"), Shape::Short);
        assert_eq!(shape("УГЛУБЛЯЕМСЯ RAID-10"), Shape::Capitals);
        assert_eq!(shape("WARNING SIGNS OF A FAILING DISK"), Shape::Capitals);
        assert_eq!(shape("Going Further"), Shape::Short);
        // An entry that kept its permalink mark.
        assert_eq!(shape("POP3.getwelcome()¶"), Shape::Prose);
        assert_eq!(shape("bz2.open(filename, mode='rb')¶"), Shape::Prose);
        // A headline that opens with a label and a colon is still a headline.
        assert_eq!(
            shape("BREAKING NEWS: Chelsea Activate £71.6m Release Clause"),
            Shape::Short
        );
    }

    #[test]
    fn sentences_and_fragments_are_prose() {
        let long = "Word ".repeat(30);
        assert_prose(&[
            "This is a short sentence.",
            "He said: “No.”",
            "Here is what we found:",
            "continued from the line above",
            &long,
            "12345",
            "84.1K",
            "“Wild Rose”",
            "HealthMarijuanaCannabisWeed",
            "More info: www.example.com",
            "It failed. Then it worked",
            "Do you make jam? I don’t know. Help!",
            "People have even died due to",
            "Still four ports [33622-59472-Thunderbolt-3-Ports-l.jpg]",
            "The slimmer bezels[33622-5946]",
            "Catherine Shu / 2 days [GettyImages-10799.jpg?w=600]",
            "Goodbye and see you soon ______________________",
            "EPA_Visualisierung",
            "Bike-book__MG_2953Bike-book__MG_2953",
            "The defense ministries The defense ministries",
        ]);
        assert_eq!(shape("The New MacBook Pro"), Shape::Short);
        assert_eq!(shape("Deals on the DualShock and AirPods"), Shape::Short);
        assert_eq!(shape("$15 Off Apple AirPods Pro"), Shape::Short);
        assert_eq!(shape("$ signs everywhere"), Shape::Prose);
        assert_eq!(shape("[Review] The Palace"), Shape::Short);
        assert_eq!(shape("Results for [2019]"), Shape::Short);
        assert_eq!(shape("Results for [2019-2020]"), Shape::Short);
        assert_eq!(shape("The ONE_LEVEL Key Type"), Shape::Short);
        assert_eq!(shape("Setting max_connections"), Shape::Short);
        assert_eq!(shape("[1] can be set by --triggers"), Shape::Prose);
        assert_eq!(shape("[사진=JTBC, 이매진아시아]"), Shape::Prose);
        assert_eq!(shape("Mr. Smith Goes to Washington"), Shape::Short);
        assert_eq!(shape("U.S. Troops Stay"), Shape::Short);
    }

    #[test]
    fn a_line_opening_with_a_picture_s_file_name_is_no_heading() {
        // w3m prints a picture without a description as its cut file name in brackets, and
        // lynx as its whole file name, before the caption or the credit beside it.
        assert_prose(&[
            "[Hong-Kong-] Protesters gather outside the university",
            "[GettyImage]Police fire tear gas at protesters",
            "[HK]Caption after the picture",
            "[AP_19323] Riot police stand guard",
            "[hongkong.jpg] Protesters gather",
            "[beijing-20]北京街头的抗议者",
            "[Berlin-Mau]Die Mauer im November 1989",
            "[2019-11-18]Демонстранты у университета",
        ]);
        // A word tag set apart by a space opens a headline in any language; a footnote's
        // number is no picture, and a picture's mark alone is no caption.
        assert_eq!(shape("[Review] The Palace"), Shape::Short);
        assert_eq!(shape("[Update] Talks Resume in Geneva"), Shape::Short);
        assert_eq!(shape("[独家] 北京的冬天"), Shape::Short);
        assert_eq!(shape("[Exklusiv] Die Mauer fällt"), Shape::Short);
        assert!(!opens_with_picture_mark("[12]Footnote text"));
        assert!(!opens_with_picture_mark("[hong-kong-]"));
        assert!(!opens_with_picture_mark("[X] Non-necessary"));
    }

    #[test]
    fn a_picture_s_file_name_standing_for_its_description_is_no_heading() {
        assert_prose(&[
            "DSC01234.jpg",
            "Protest-Hong-Kong.JPG",
            "Hong Kong protest 2019.png",
            "北京街头 2019.jpeg",
            "Mauerfall-Berlin.webp",
        ]);
        // A heading may name a file of another kind, or a format.
        assert_eq!(shape("Converting a PNG to a JPEG"), Shape::Short);
        assert_eq!(shape("Das .jpg-Format"), Shape::Short);
        assert_eq!(shape("配置 config.json"), Shape::Short);
        assert_eq!(shape("Editing setup.py"), Shape::Short);
    }

    #[test]
    fn a_line_that_is_only_a_picture_s_kind_is_no_heading() {
        assert_prose(&[
            "Image",
            "Photo",
            "Screenshot",
            "Foto",
            "Bild",
            "图片",
            "写真",
            "Фото",
        ]);
        // Words about pictures in a heading of its own are still a heading.
        assert_eq!(shape("Images of the War"), Shape::Short);
        assert_eq!(shape("Das Bild der Stadt"), Shape::Short);
        assert_eq!(shape("图片新闻"), Shape::Short);
        assert_eq!(shape("Фотография как искусство"), Shape::Short);
    }

    #[test]
    fn list_items_urls_code_and_leaders_are_prose() {
        assert_prose(&[
            "• item",
            "- item",
            "https://example.com",
            "www.example.com/page",
            "fn main() {",
            "$ cargo build",
            "Introduction ........ 3",
        ]);
    }

    #[test]
    fn numbered_headings_get_levels_by_depth() {
        assert_eq!(shape("1. Introduction"), Shape::Numbered(2));
        assert_eq!(shape("2 Methods"), Shape::Numbered(2));
        assert_eq!(shape("1.2 Scope of the Work"), Shape::Numbered(3));
        assert_eq!(shape("1.2.3. Detail"), Shape::Numbered(4));
        assert_eq!(shape("IV. Results"), Shape::Numbered(2));
        assert_eq!(shape("II."), Shape::Numbered(2));
        assert_eq!(shape("III"), Shape::Numbered(2));
        assert_eq!(shape("Chapter 3"), Shape::Numbered(2));
        assert_eq!(shape("Part II: The Return"), Shape::Numbered(2));
        assert_eq!(shape("1. Buy milk, eggs and bread."), Shape::Prose);
        assert_eq!(shape("2019 was a good year"), Shape::Short);
        assert_ne!(shape("7) Indiana Jones Collection"), Shape::Numbered(2));
        // A dotted section number closed by a full stop may head a name in lower case.
        assert_eq!(shape("5.2. compat"), Shape::Numbered(3));
        assert_eq!(shape("5.15.1. manpage.1.ex"), Shape::Numbered(4));
        assert_eq!(shape("4.1. настройка сети"), Shape::Numbered(3));
        assert_ne!(shape("2.5 million people"), Shape::Numbered(3));
        assert_ne!(shape("1. buy milk"), Shape::Numbered(2));
    }

    #[test]
    fn a_section_number_may_be_followed_by_a_no_break_space() {
        assert_eq!(shape("6.1.1.\u{a0}语法"), Shape::Numbered(4));
        assert_eq!(shape("12.1.\u{a0}RAID и LVM"), Shape::Numbered(3));
        assert_eq!(shape("4.2.\u{a0}Getting Started"), Shape::Numbered(3));
        assert_ne!(shape("2.5\u{a0}million people"), Shape::Numbered(3));
        assert_ne!(shape("1.\u{a0}buy milk"), Shape::Numbered(2));
    }

    #[test]
    fn a_line_holding_a_cjk_sentence_is_prose() {
        assert_prose(&[
            "为保证完整的软件包(重)构建能顺利进行，你必须保证系统中已经安装",
            "你可以使用 debuild 命令来进一步自动化 dpkg-buildpackage 的构建过程。参看 debuild(1)",
            "使用 lintian(1) 检查你的 .changes 文件。lintian 命令会运行测试脚本。[75]",
            "この設定ファイルを編集してください。詳しくは後述します",
            "설정 파일을 편집하십시오。자세한 내용은 아래를 보십시오",
        ]);
        // One phrase, or a short pair joined by a comma, heads a section.
        assert_eq!(shape("安装，一步一步来"), Shape::Short);
        assert_eq!(shape("为什么选择 Debian？"), Shape::Short);
        assert_eq!(shape("设定文件の書き方"), Shape::Short);
        assert_eq!(shape("选择 Debian 的理由"), Shape::Short);
    }

    #[test]
    fn a_division_whose_name_trails_off_is_still_a_heading() {
        assert_eq!(
            shape("第 8 章 基础配置：网络，账户，打印……"),
            Shape::Numbered(2)
        );
        assert_eq!(shape("Chapter 2: And Then…"), Shape::Numbered(2));
        assert_eq!(shape("Глава 5. И так далее..."), Shape::Numbered(2));
        // Other numbered lines that trail off are sentences or list entries cut short.
        assert_eq!(shape("3. He said that the plan was…"), Shape::Prose);
        assert_eq!(shape("一、他们说，这个计划……"), Shape::Prose);
        // A division named in a sentence that ends is prose.
        assert_eq!(shape("Chapter 3 explains the set-up."), Shape::Prose);
    }

    #[test]
    fn chinese_numbered_headings() {
        assert_eq!(shape("一、背景"), Shape::Numbered(2));
        assert_eq!(shape("（二）研究方法"), Shape::Numbered(3));
        assert_eq!(shape("第三章 结论"), Shape::Numbered(2));
        assert_eq!(shape("第2节 数据"), Shape::Numbered(3));
        // Arabic numerals set apart by spaces, as the Debian manuals write them.
        assert_eq!(shape("第 4 章 debian 目录中的必需内容"), Shape::Numbered(2));
        assert_eq!(shape("第 12 节 網路設定"), Shape::Numbered(3));
        assert_eq!(shape("第 3 个原因"), Shape::Short);
        // A division named before its number, in every language of the lexicon.
        assert_eq!(shape("附录 A. 高级打包"), Shape::Numbered(2));
        assert_eq!(shape("付録 B 用語集"), Shape::Numbered(2));
        assert_eq!(
            shape("Глава 12. Углублённое администрирование"),
            Shape::Numbered(2)
        );
        assert_eq!(
            shape("Annexe A. Distributions dérivées"),
            Shape::Numbered(2)
        );
        assert_eq!(shape("Appendix B: Glossary"), Shape::Numbered(2));
        assert_eq!(shape("附录里的表格"), Shape::Short);
        assert_eq!(shape("Глава семьи"), Shape::Short);
        assert_eq!(shape("第三个原因是价格。"), Shape::Prose);
        assert_eq!(shape("一些人认为这不重要。"), Shape::Prose);
    }

    #[test]
    fn capitals() {
        assert_eq!(shape("INSTALLATION"), Shape::Capitals);
        assert_eq!(shape("WHAT COMES NEXT"), Shape::Capitals);
        assert_eq!(shape("A"), Shape::Prose);
        assert_eq!(
            shape("SEAN SPICER ELIMINATED FROM THE SHOW AFTER TEN LONG WEEKS"),
            Shape::Prose
        );
    }

    #[test]
    fn markup() {
        assert_eq!(atx("## Section ##"), Some((2, "Section")));
        assert_eq!(atx("#hashtag"), None);
        assert_eq!(atx("####### seven"), None);
        assert_eq!(setext_level("====="), Some(1));
        assert_eq!(setext_level("-----"), Some(2));
        assert_eq!(setext_level("-"), None);
        assert_eq!(setext_level("=-="), None);
    }
}
