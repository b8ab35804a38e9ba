//! How a dump declares its headings as a whole. A manual whose headings all carry the
//! permalink mark (`¶`) that documentation generators leave, or a dotted section number
//! (`6.1.`, `12.1.3.`) leaves none of them plain: a short line standing alone there is a
//! table's cell, a field's value ("author:" over "Larry Hastings"), a box's label or a
//! listing's caption, never a section heading.

use super::headings::Shape;
use super::numbering;
use super::pieces::Piece;

/// Fewest declared headings for a dump to count as declaring all of its headings.
const DECLARED: usize = 3;

/// Why a heading-like piece heads no section, by what the dump declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Veto {
    /// A plain line (short or in capitals, with no markup and no section number) in a dump
    /// that declares its headings.
    Undeclared,
    /// A dotted section number that a lower one of its chapter follows: a table of contents'
    /// entry (see [`numbering::out_of_sequence`]).
    OutOfSequence,
}

impl Veto {
    /// How `folio outline --explain` names it.
    pub fn name(self) -> &'static str {
        match self {
            Veto::Undeclared => "gate: plain line, headings declared",
            Veto::OutOfSequence => "gate: number out of sequence",
        }
    }
}

/// For every piece, what the dump's declared structure says against its heading a section.
pub fn vetoes(pieces: &[Piece], shapes: &[Option<Shape>]) -> Vec<Option<Veto>> {
    let declares = declares_headings(pieces, shapes);
    let out_of_sequence = numbering::out_of_sequence(pieces);
    pieces
        .iter()
        .zip(shapes)
        .zip(out_of_sequence)
        .map(|((piece, shape), out)| {
            let plain = matches!(shape, Some(Shape::Short | Shape::Capitals))
                && numbering::number(piece.text()).is_none();
            if declares && plain {
                Some(Veto::Undeclared)
            } else if out && matches!(shape, Some(Shape::Numbered(_))) {
                Some(Veto::OutOfSequence)
            } else {
                None
            }
        })
        .collect()
}

/// Whether the dump declares its headings: three lines with a permalink mark, or three with a
/// dotted section number (a table of contents counts: it lists the sections it numbers). A
/// `#` or an underline does not: a README may mark some headings and leave "LICENSE" plain.
fn declares_headings(pieces: &[Piece], shapes: &[Option<Shape>]) -> bool {
    let marked = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Text(t) if t.permalinked))
        .count();
    let dotted = pieces
        .iter()
        .zip(shapes)
        .filter(|(p, s)| matches!(s, Some(Shape::Numbered(_))) && is_dotted(p.text()))
        .count();
    marked >= DECLARED || dotted >= DECLARED
}

/// A section number of two groups or more: `6.1`, `6.1.2.`, `A.2.`.
fn is_dotted(text: &str) -> bool {
    numbering::number(text).is_some_and(|n| n.contains('.'))
}

#[cfg(test)]
mod tests {
    use crate::article::BlockKind;
    use crate::article::plain::parse;

    const EN: &str = "This paragraph is body text of ordinary length, written in sentences.";
    const ZH: &str = "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西。\
                      标题下面的正文要足够长，读者才会认出它是文章的开头，而不是导航栏里的一句话。";
    const RU: &str = "Это абзац основного текста обычной длины, написанный предложениями, \
                      и он достаточно длинный, чтобы считаться прозой статьи.";
    const AR: &str = "هذه فقرة من النص الأساسي بطول عادي، مكتوبة بجمل كاملة ومفهومة للقارئ، \
                      وهي طويلة بما يكفي لتعد نثر المقال وليس سطرا من القائمة.";

    fn headings(text: &str) -> Vec<String> {
        parse(text)
            .blocks
            .into_iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
            .map(|b| b.text)
            .collect()
    }

    /// A dump with three sections headed `heads`, a plain `line` over prose in the second;
    /// each paragraph names what it stands under (a paragraph standing twice is furniture).
    fn dump(title: &str, heads: [&str; 3], line: &str, body: &str) -> String {
        let [a, b, c] = heads;
        [title, a, b, line, c]
            .iter()
            .map(|h| format!("{h}\n\n{h}: {body}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn a_dump_that_declares_its_headings_leaves_no_plain_line_a_section() {
        for (title, heads, line, body) in [
            (
                "Logging HOWTO¶",
                [
                    "Basic Tutorial¶",
                    "When to use logging¶",
                    "Advanced Tutorial¶",
                ],
                "Reverse-video text",
                EN,
            ),
            (
                "第 10 章 基本网络设置",
                ["10.1. 网关", "10.1.1. 封包", "10.2. 虚拟专用网络"],
                "基本 TCP/UDP",
                ZH,
            ),
            (
                "Глава 12. Углублённое администрирование",
                [
                    "12.1. RAID и LVM",
                    "12.1.1. Программный RAID",
                    "12.2. Виртуализация",
                ],
                "УГЛУБЛЯЕМСЯ RAID-10",
                RU,
            ),
            (
                "الفصل 12. الإدارة المتقدمة",
                [
                    "12.1. RAID و LVM",
                    "12.1.1. RAID البرمجي",
                    "12.2. الحوسبة الظاهرية",
                ],
                "التعمق أكثر RAID-10",
                AR,
            ),
        ] {
            let got = headings(&dump(title, heads, line, body));
            assert!(!got.iter().any(|h| h == line), "{line}: {got:?}");
            for head in heads {
                let head = head.trim_end_matches('¶');
                assert!(got.iter().any(|h| h == head), "{head}: {got:?}");
            }
        }
    }

    #[test]
    fn a_table_of_contents_entry_out_of_sequence_heads_no_section() {
        // The last entry of a chapter's table of contents, over the chapter's opening prose;
        // the sections the page holds come after it, numbered lower.
        for (toc, sections, body) in [
            (
                ["6.9. 自动升级", "6.10. 搜索软件包"],
                ["6.1. 编写文件", "6.2. 命令"],
                ZH,
            ),
            (
                ["12.3. Установка", "12.4. Мониторинг"],
                ["12.1. RAID", "12.2. LVM"],
                RU,
            ),
            (
                ["12.3. التثبيت", "12.4. المراقبة"],
                ["12.1. RAID", "12.2. LVM"],
                AR,
            ),
        ] {
            let text = format!(
                "Title\n\n{}\n\n{}\n\n{body}\n\n{}\n\n{body} {body}\n\n{}\n\n{body} {body} {body}",
                toc[0], toc[1], sections[0], sections[1]
            );
            let got = headings(&text);
            assert_eq!(got[1..], sections, "{got:?}");
        }
    }

    #[test]
    fn a_dump_that_declares_few_headings_or_none_keeps_plain_sections() {
        // Two numbered lines do not make a manual; a chapter's own number stays a heading.
        for (title, heads, line, body) in [
            (
                "Logging HOWTO",
                ["Basic Tutorial", "When to Use It", "More"],
                "Levels",
                EN,
            ),
            (
                "网络设置",
                ["10.1. 网关", "封包", "虚拟专用网络"],
                "基本 TCP/UDP",
                ZH,
            ),
            (
                "Администрирование",
                ["12.1. RAID", "12.2. LVM", "Итоги"],
                "Глава 14. Безопасность",
                RU,
            ),
        ] {
            let got = headings(&dump(title, heads, line, body));
            assert!(got.iter().any(|h| h == line), "{line}: {got:?}");
        }
    }
}
