//! Cutting a dump into pieces at blank lines and telling their form: code, table, quote, rule,
//! list, or text (re-flowed when a wrapper broke it).

use super::code::{is_command, reads_as_code};
use super::headings::{atx, is_code_like, is_permalinked_entry, setext_level};
use super::lists;
use super::reflow::{WrapWidth, join_lines};
use crate::article::{BlockKind, RawBlock};
use unicode_width::UnicodeWidthStr;

/// A piece of the dump once its form is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// A block whose kind the form alone decides (code, table, quote, rule, bulleted item).
    Fixed(RawBlock),
    /// Text whose role (heading, paragraph, chrome) depends on its neighbours.
    Text(Text),
}

impl Piece {
    /// The piece's text, whatever its form.
    pub fn text(&self) -> &str {
        match self {
            Piece::Fixed(b) => &b.text,
            Piece::Text(t) => &t.text,
        }
    }

    /// Set left of the margin the body is indented to, where text-mode browsers put headings.
    pub fn is_outdented(&self) -> bool {
        matches!(self, Piece::Text(t) if t.margin == Margin::Out)
    }
}

/// Where a piece of text stands against the margin most prose lines of the dump share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Margin {
    /// At the margin, as prose is.
    At,
    /// Left of it: text-mode browsers that indent the body put headings there.
    Out,
    /// Well right of it, and not code: centred or inset text, such as a picture's caption.
    In,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// Stood between blank lines on its own, rather than being one line of a group.
    pub alone: bool,
    pub margin: Margin,
    /// Heading level written as markup (`#`, underline, a permalink mark).
    pub marked: Option<u8>,
    /// Marked by the permalink mark documentation generators give every heading.
    pub permalinked: bool,
    /// What it becomes when it is not a heading or chrome.
    pub fallback: BlockKind,
}

impl Text {
    fn new(text: String, alone: bool) -> Text {
        Text {
            text,
            alone,
            margin: Margin::At,
            marked: None,
            permalinked: false,
            fallback: BlockKind::Paragraph,
        }
    }
}

/// Splits the dump into pieces, in order.
pub fn pieces(text: &str) -> Vec<Piece> {
    let width = WrapWidth::estimate(text);
    let base = base_indent(text);
    let mut out = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    let mut fence: Option<(&str, Vec<&str>)> = None;
    for line in text.split('\n') {
        if let Some((marker, body)) = fence.as_mut() {
            if line.trim_start().starts_with(*marker) {
                out.push(fixed(BlockKind::Code, body.join("\n")));
                fence = None;
            } else {
                body.push(line);
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            shape_group(&group, &width, base, &mut out);
            group.clear();
            fence = Some((&trimmed[..3], Vec::new()));
        } else if trimmed.is_empty() {
            shape_group(&group, &width, base, &mut out);
            group.clear();
        } else {
            group.push(line);
        }
    }
    if let Some((_, body)) = fence {
        out.push(fixed(BlockKind::Code, body.join("\n")));
    }
    shape_group(&group, &width, base, &mut out);
    out
}

fn fixed(kind: BlockKind, text: impl Into<String>) -> Piece {
    Piece::Fixed(RawBlock::new(kind, text))
}

/// The indentation most prose lines share; code is indented beyond it.
fn base_indent(text: &str) -> usize {
    let mut counts = [0usize; 17];
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if indent < line.len() && indent < counts.len() {
            counts[indent] += 1;
        }
    }
    (0..counts.len())
        .max_by_key(|i| (counts[*i], usize::MAX - i))
        .unwrap_or(0)
}

/// Decides the form of one group of consecutive non-blank lines.
fn shape_group(lines: &[&str], width: &WrapWidth, base: usize, out: &mut Vec<Piece>) {
    let Some(first) = lines.first() else {
        return;
    };
    // An underlined heading needs no blank line around it: it splits the group.
    let underlined = (1..lines.len())
        .find(|k| setext_level(lines[*k]).is_some() && is_setext_text(lines[*k - 1]));
    if let Some(k) = underlined
        && let Some(level) = setext_level(lines[k])
    {
        shape_group(&lines[..k - 1], width, base, out);
        out.push(marked(lines[k - 1].trim(), level));
        shape_group(&lines[k + 1..], width, base, out);
        return;
    }
    if lines.iter().all(|l| is_rule(l)) {
        out.extend(lines.iter().map(|_| fixed(BlockKind::Rule, "")));
        return;
    }
    let inset =
        lines.iter().all(|l| indent(l) >= base + 4) && lists::marker(first.trim()).is_none();
    if inset && lines.iter().all(|l| is_centred_prose(l, base, width)) {
        // Centred lines keep their breaks: a title block, a caption and its credit.
        out.extend(lines.iter().map(|l| {
            Piece::Text(Text {
                margin: Margin::In,
                ..Text::new(l.trim().to_string(), lines.len() == 1)
            })
        }));
        return;
    }
    if inset && reads_as_prose(lines, width) {
        // An indented passage of sentences is a quotation (text-mode browsers indent
        // `<blockquote>`), not code.
        out.push(fixed(BlockKind::Quote, join_lines(lines.iter().copied())));
        return;
    }
    if inset || lines.len() > 1 && lines.iter().all(|l| is_code_like(l)) || reads_as_code(lines) {
        out.push(fixed(BlockKind::Code, lines.join("\n")));
        return;
    }
    if let Some(table) = table(lines) {
        out.push(fixed(BlockKind::Table, table));
        return;
    }
    if lines.iter().all(|l| is_quote_line(l)) {
        let inner = lines.iter().map(|l| l.trim_start()[1..].trim_start());
        out.push(fixed(BlockKind::Quote, join_lines(inner)));
        return;
    }
    // A numbered heading that kept its permalink mark ("3. An Informal Introduction¶") is
    // no list item.
    let list_start = lines
        .iter()
        .position(|l| lists::marker(l.trim_start()).is_some() && permalinked(l).is_none());
    let (prose, list) = lines.split_at(list_start.unwrap_or(lines.len()));
    shape_text(prose, width, list.is_empty(), base, out);
    let items = lists::items(list);
    // Numbered headings start at the margin; an indented number is a list item.
    let single = items.len() == 1 && indent(first) <= base;
    for (depth, text) in items {
        let kind = BlockKind::ListItem { depth };
        // A lone numbered line may be a numbered heading; its neighbours decide.
        if single && prose.is_empty() && text.starts_with(|c: char| c.is_ascii_digit()) {
            out.push(Piece::Text(Text {
                fallback: kind,
                margin: margin_of(first, base),
                ..Text::new(text, true)
            }));
        } else {
            out.push(fixed(kind, text));
        }
    }
}

/// Text lines: `#` headings, then runs joined across the wrapper's breaks. A group the author
/// broke by hand (a menu, an address, a byline under a title) becomes one piece per run.
fn shape_text(
    lines: &[&str],
    width: &WrapWidth,
    whole_group: bool,
    base: usize,
    out: &mut Vec<Piece>,
) {
    let one_line = lines.len() == 1;
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let soft = i > 0 && width.is_soft_break(lines[i - 1], line);
        match runs.last_mut() {
            Some(run) if soft && markup(line, one_line).is_none() => run.push(line),
            _ => runs.push(vec![line]),
        }
    }
    let alone = whole_group && runs.len() == 1;
    for run in runs {
        if let [line] = run.as_slice()
            && let Some((level, text)) = markup(line, one_line)
        {
            let permalinked = atx(line).is_none();
            out.push(Piece::Text(Text {
                permalinked,
                ..marked_text(text, level)
            }));
            continue;
        }
        out.push(Piece::Text(Text {
            margin: margin_of(run[0], base),
            ..Text::new(join_lines(run), alone)
        }));
    }
}

/// A `#` heading's level and text, unless it is a prompt inside a listing (see [`is_prompt`]),
/// or a heading that kept its permalink mark (see [`permalinked`]).
fn markup(line: &str, alone: bool) -> Option<(u8, &str)> {
    atx(line)
        .filter(|(_, text)| alone && !is_command(text) || !is_prompt(text))
        .or_else(|| permalinked(line).map(|text| (PERMALINK_LEVEL, text)))
}

/// The level a permalinked heading is given: the mark does not tell, so under the title.
const PERMALINK_LEVEL: u8 = 2;

/// A heading followed by the pilcrow that documentation generators (Sphinx, MkDocs and their
/// kin) link each heading to, which a browser's text dump keeps: "Incremental
/// (de)compression¶" (an entry with the same mark is not one: see [`is_permalinked_entry`]).
fn permalinked(line: &str) -> Option<&str> {
    let text = line.trim().strip_suffix('¶')?.trim_end();
    (!text.is_empty() && !is_permalinked_entry(line) && !is_code_like(text)).then_some(text)
}

/// What follows a `#` that is a root shell's prompt or a comment inside a listing, not a
/// heading: a command or a comment in lower case ("# vgdisplay -C", "# this is a comment").
/// Asked of `#` lines among other lines; a lone `# folio` stays a heading, a lone command
/// after a root prompt (`# echo 1 > /proc/sys/net/ipv4/ip_forward`) does not.
fn is_prompt(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Left of the margin or at it (text right of it is code, a quotation or centred).
fn margin_of(line: &str, base: usize) -> Margin {
    if indent(line) < base {
        Margin::Out
    } else {
        Margin::At
    }
}

/// Fewest words of an indented passage taken for prose.
const PROSE_WORDS: usize = 12;

/// Sentences rather than code: a dozen words or more, nearly all letters and spaces, no code
/// punctuation, an ending like a sentence's, and lines that run on as a wrapper breaks them
/// (a list of one short line per item stays as it is).
fn reads_as_prose(lines: &[&str], width: &WrapWidth) -> bool {
    let text = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    let chars = text.chars().count();
    let wordy = text
        .chars()
        .filter(|c| c.is_alphabetic() || c.is_whitespace())
        .count();
    let ends = text
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？']);
    let wrapped = lines.windows(2).all(|w| width.is_soft_break(w[0], w[1]));
    text.split_whitespace().nth(PROSE_WORDS - 1).is_some()
        && wordy * 100 >= chars * 85
        && ends
        && wrapped
        && !lines.iter().any(|l| is_code_like(l))
        && !text.contains(CODE_PUNCTUATION)
}

/// Characters that code uses and prose hardly does.
const CODE_PUNCTUATION: [char; 9] = ['{', '}', ';', '=', '<', '>', '$', '`', '\\'];

/// How far apart the gaps left and right of a centred line may be, in columns.
const CENTRING_SLACK: usize = 4;

/// A line of text centred between the margin and the wrap width, as text-mode browsers centre
/// captions and title blocks: it opens with a capital, holds a space and no code punctuation,
/// and the gaps on its two sides are about equal. Without a wrap width nothing is centred.
fn is_centred_prose(line: &str, base: usize, width: &WrapWidth) -> bool {
    let t = line.trim();
    let prose = !is_code_like(t)
        && t.starts_with(char::is_uppercase)
        && t.contains(' ')
        && !t.contains(CODE_PUNCTUATION)
        && !t.contains('|');
    let Some(columns) = width.columns() else {
        return false;
    };
    let left = indent(line).saturating_sub(base);
    let right = (base + columns).checked_sub(indent(line) + t.width());
    prose && right.is_some_and(|right| left.abs_diff(right) <= CENTRING_SLACK)
}

/// A line that can carry an underline: text, not a list item, a rule or code.
fn is_setext_text(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && lists::marker(t).is_none()
        && setext_level(t).is_none()
        && !is_rule(t)
        && !is_code_like(t)
}

fn marked(text: &str, level: u8) -> Piece {
    Piece::Text(marked_text(text, level))
}

fn marked_text(text: &str, level: u8) -> Text {
    Text {
        marked: Some(level),
        ..Text::new(text.to_string(), true)
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// `---`, `***`, `___`, `* * *`, `───`: three or more of one character and nothing else.
fn is_rule(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    if !matches!(first, '-' | '*' | '_' | '=' | '─' | '━' | '═' | '~') {
        return false;
    }
    let mut rest = 0;
    chars.all(|c| {
        rest += 1;
        c == first
    }) && rest >= 2
}

/// `> quoted`, but not decorations like `>>> Read more <<<`.
fn is_quote_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('>') && !t.ends_with('<')
}

/// Two or more rows with cells split by `|`, `│` or wide gaps; rows are re-joined with " │ ".
fn table(lines: &[&str]) -> Option<String> {
    if lines.len() < 2
        || lines
            .iter()
            .any(|l| lists::marker(l.trim_start()).is_some())
    {
        return None;
    }
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .filter(|l| !is_separator_row(l))
        .map(|l| cells(l))
        .collect();
    let ok = rows.len() >= 2 && rows.iter().all(|r| r.len() >= 2);
    ok.then(|| {
        rows.iter()
            .map(|r| r.join(" │ "))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn cells(line: &str) -> Vec<&str> {
    let t = line.trim();
    if t.contains('|') || t.contains('│') {
        let inner = t.trim_matches(['|', '│']);
        return inner.split(['|', '│']).map(str::trim).collect();
    }
    let mut cells = Vec::new();
    let mut start = 0;
    let mut gap_from: Option<usize> = None;
    for (i, c) in t.char_indices() {
        if c == ' ' {
            gap_from.get_or_insert(i);
        } else {
            if let Some(g) = gap_from.take()
                && i - g >= 3
            {
                cells.push(&t[start..g]);
                start = i;
            }
        }
    }
    cells.push(&t[start..]);
    cells
}

/// `|---|:---:|` rows under a Markdown-style table header.
fn is_separator_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Fixed(b) => format!("{:?}:{}", b.kind, b.text),
                Piece::Text(t) => format!("Text({}):{}", t.alone, t.text),
            })
            .collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_reflowed() {
        let wrapped = "The first paragraph was wrapped by the browser at a fixed\n\
                       width of about sixty columns, so every line but the last\n\
                       ends near the same column.\n\n\
                       A second paragraph makes it clear which width the browser\n\
                       used, since a single one is not enough evidence.\n\n\
                       Home\nNews\nSport";
        assert_eq!(
            texts(&pieces(wrapped)),
            vec![
                "Text(true):The first paragraph was wrapped by the browser at a fixed width \
                 of about sixty columns, so every line but the last ends near the same column.",
                "Text(true):A second paragraph makes it clear which width the browser used, \
                 since a single one is not enough evidence.",
                "Text(false):Home",
                "Text(false):News",
                "Text(false):Sport",
            ]
        );
    }

    #[test]
    fn a_heading_that_kept_its_permalink_mark_is_marked_and_an_entry_is_not() {
        for (line, text) in [
            (
                "bz2 — Support for bzip2 compression¶",
                "bz2 — Support for bzip2 compression",
            ),
            (
                "Incremental (de)compression¶",
                "Incremental (de)compression",
            ),
            ("Using a custom __new__()¶", "Using a custom __new__()"),
            (
                "8.1. Использование других языков¶",
                "8.1. Использование других языков",
            ),
            ("配置网络¶", "配置网络"),
        ] {
            assert_eq!(markup(line, true), Some((PERMALINK_LEVEL, text)), "{line}");
        }
        // A numbered heading with the mark is no list item.
        let numbered = pieces("3. An Informal Introduction to Python¶\n");
        assert!(
            matches!(&numbered[..], [Piece::Text(t)] if t.marked == Some(PERMALINK_LEVEL)
                && t.text == "3. An Informal Introduction to Python"),
            "{numbered:?}"
        );
        for line in [
            "bz2.open(filename, mode='rb', compresslevel=9)¶",
            "classbz2.BZ2File(filename, mode='r', *, compresslevel=9)¶",
            "peek([n])¶",
            "BZ2Decompressor.eof¶",
            "mean¶",
            "timeout=None, context=None)¶",
            "The pilcrow ¶ marks a paragraph",
            "¶",
        ] {
            assert_eq!(markup(line, true), None, "{line}");
        }
    }

    #[test]
    fn code_tables_quotes_and_rules_keep_their_form() {
        let text = "Prose.\n\n    let x = 1;\n    let y = 2;\n\n```\nfn a() {\n\n}\n```\n\n\
                    Name     Age\nAnn      31\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                    > quoted\n> text\n\n* * *";
        assert_eq!(
            texts(&pieces(text)),
            vec![
                "Text(true):Prose.",
                "Code:    let x = 1;\n    let y = 2;",
                "Code:fn a() {\n\n}",
                "Table:Name │ Age\nAnn │ 31",
                "Table:a │ b\n1 │ 2",
                "Quote:quoted text",
                "Rule:",
            ]
        );
    }

    #[test]
    fn lists_split_into_items_and_a_lone_number_stays_open() {
        let text = "Ingredients:\n  • flour\n  • water\n\n1. Introduction";
        let pieces = pieces(text);
        assert_eq!(
            texts(&pieces),
            vec![
                "Text(false):Ingredients:",
                "ListItem { depth: 0 }:• flour",
                "ListItem { depth: 0 }:• water",
                "Text(true):1. Introduction",
            ]
        );
    }

    /// The markup level of each piece of `text` (`None` for unmarked and fixed pieces).
    fn marks(text: &str) -> Vec<Option<u8>> {
        pieces(text)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.marked,
                Piece::Fixed(_) => None,
            })
            .collect()
    }

    #[test]
    fn hash_lines_inside_a_listing_are_prompts_not_headings() {
        let marked =
            marks("# vgdisplay -C\n  VG  #PV #LV\n# mount /dev/md0 /srv\n\n# Setup\n\nText");
        assert!(!marked[..marked.len() - 2].contains(&Some(1)), "{marked:?}");
        assert_eq!(marked[marked.len() - 2], Some(1));
    }

    #[test]
    fn a_lone_command_after_a_root_prompt_is_no_heading() {
        for line in [
            "# echo 1 > /proc/sys/net/ipv4/conf/default/forwarding",
            "# make -j2",
            "# apt install ./paquet.deb",
        ] {
            assert_eq!(marks(&format!("{line}\n\nText")), [None, None], "{line}");
        }
        for line in [
            "# folio",
            "# Установка",
            "# 安装 /etc 文件",
            "# Using -v Wisely",
        ] {
            assert_eq!(marks(&format!("{line}\n\nText"))[0], Some(1), "{line}");
        }
    }

    #[test]
    fn markup_headings_are_marked() {
        assert_eq!(
            marks(
                "Title\n=====\n\n## Section\n\n>>> Read more <<<\n\nText\nAbove\nUnder\n---\nbody"
            ),
            vec![Some(1), Some(2), None, None, None, Some(2), None]
        );
    }
}
