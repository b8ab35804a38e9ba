//! `folio outline --explain`: for every line of a plain-text article that could be a heading,
//! the evidence read from it and what it became, so a wrong heading is traced in one command.

use super::headings::{Shape, shape, shape_and_reason};
use super::outline::Analysis;
use super::pieces::Piece;
use super::span::Span;
use super::{chrome, context, numbering, outline, pieces};
use crate::article::builder::keeps_place;
use crate::article::{Article, BlockKind};

/// Longest block, in characters, that is still looked at as a heading candidate.
const CANDIDATE_CHARS: usize = 150;

/// The column names of `explain`'s table.
const HEADER: [&str; 4] = ["block", "became", "evidence", "text"];

/// A table with one row per candidate block (its block number, the decision, the evidence,
/// its text) under a header naming the columns; the evidence column is as wide as its widest
/// entry, so that the texts start in one column. `text` is the text `article` was parsed from
/// (decoded and normalised): its pieces are weighed again to show where the article ends.
pub fn explain(article: &Article, text: &str) -> Vec<String> {
    let pieces = pieces::pieces(text);
    let analysis = outline::analyse(&pieces);
    // One block per piece, as the parser makes them, but for pieces whose block is left blank
    // by cleaning (a rule among the furniture) and dropped; if the two still disagree, the
    // weights are left out.
    let kept: Vec<usize> = (0..pieces.len())
        .filter(|i| {
            let block = outline::block(pieces[*i].clone(), analysis.role(*i));
            keeps_place(block.kind, &block.text)
        })
        .collect();
    let analysis = (kept.len() == article.blocks.len()).then_some(analysis);
    let rows = candidates(article, analysis.as_ref(), &pieces, &kept);
    let width = rows
        .iter()
        .map(|r| r.2.chars().count())
        .chain([HEADER[2].len()])
        .max()
        .unwrap_or_default();
    let line = |block: &str, decision: &str, evidence: &str, text: &str| {
        format!("{block:>5}  {decision:<10}  {evidence:<width$}  {text}")
    };
    std::iter::once(line(HEADER[0], HEADER[1], HEADER[2], HEADER[3]))
        .chain(
            rows.iter()
                .map(|(i, d, e, t)| line(&i.to_string(), d, e, t)),
        )
        .collect()
}

/// The candidate blocks: number, decision, evidence, text. `pieces` are the parser's; when
/// `analysis` is given, block `b` is piece `kept[b]`.
fn candidates<'a>(
    article: &'a Article,
    analysis: Option<&Analysis>,
    pieces: &[Piece],
    kept: &[usize],
) -> Vec<(usize, String, String, &'a str)> {
    (0..article.blocks.len())
        .filter_map(|b| {
            let i = kept.get(b).copied().unwrap_or(b);
            let text = article.block_text(b);
            let kind = article.blocks[b].kind;
            // The body's first block is shown too: the title is looked for above it.
            let candidate = !text.contains('\n')
                && text.chars().nth(CANDIDATE_CHARS).is_none()
                && !matches!(kind, BlockKind::Code | BlockKind::Table | BlockKind::Rule)
                || analysis.is_some_and(|a| a.title.body == i);
            candidate.then(|| {
                let decision = match kind {
                    BlockKind::Heading { level: 1 } if text == article.title => "title".to_string(),
                    BlockKind::Heading { level } => format!("heading {level}"),
                    BlockKind::Chrome => "furniture".to_string(),
                    other => format!("{other:?}").to_lowercase(),
                };
                // The markup a piece was written with (`#`, an underline) decides first.
                let marked = analysis.and_then(|_| match pieces.get(i) {
                    Some(Piece::Text(t)) => t.marked,
                    _ => None,
                });
                let mut found = match marked {
                    Some(level) => std::iter::once(format!("markup {level}"))
                        .chain(numbering::number(text).map(|n| format!("number {n}")))
                        .collect(),
                    None => evidence(text),
                };
                found.extend(
                    analysis
                        .and_then(|a| a.vetoes[i])
                        .map(|v| v.name().to_string()),
                );
                found.extend(
                    analysis
                        .and_then(|a| a.chrome[i])
                        .map(|why| format!("chrome: {why}")),
                );
                found.extend(analysis.and_then(|_| instead(i, pieces)));
                found.extend(analysis.map(|a| in_span(&a.span, i)));
                found.extend(
                    analysis
                        .filter(|a| a.under_title[i])
                        .map(|_| "under the title".to_string()),
                );
                found.extend(analysis.and_then(|a| title_score(a, i)));
                (b, decision, found.join(", "), text)
            })
        })
        .collect()
}

/// What the line's own form says: its shape, the rule or hard gate that made it prose, its
/// section number.
pub fn evidence(text: &str) -> Vec<String> {
    let (shape, why) = shape_and_reason(text);
    let mut found = vec![match shape {
        Shape::Marked(level) => format!("markup {level}"),
        Shape::Numbered(level) => format!("numbered {level}"),
        Shape::Capitals => "capitals".to_string(),
        Shape::Short => "short".to_string(),
        Shape::Prose => "prose".to_string(),
    }];
    found.extend(why.map(str::to_string));
    if let Some(n) = numbering::number(text) {
        found.push(format!("number {n}"));
    }
    if chrome::has_form_control(text) {
        found.push("form control".to_string());
    }
    found
}

/// What block `i` scored as the title, if it was weighed as one, or that the body was found to
/// start there (the title is looked for above it).
fn title_score(analysis: &Analysis, i: usize) -> Option<String> {
    let choice = &analysis.title;
    choice
        .candidates
        .iter()
        .find(|c| c.index == i)
        .map(|c| c.explain())
        .or_else(|| {
            let passed = choice.passed.iter().find(|(p, _)| *p == i);
            passed.map(|(_, why)| format!("not title: {why}"))
        })
        .or_else(|| {
            // No line was weighed: a chapter's number decided.
            (choice.title == Some(i) && choice.candidates.is_empty())
                .then(|| "title: numbered over its sections".to_string())
        })
        .or_else(|| (choice.body == i).then(|| "body starts".to_string()))
}

/// What the neighbours of heading-like piece `i` show it to be instead of a section heading.
fn instead(i: usize, pieces: &[Piece]) -> Option<String> {
    (shape(pieces[i].text()) != Shape::Prose)
        .then(|| context::something_else(i, pieces))
        .flatten()
        .map(|instead| format!("neighbours: {}", instead.name()))
}

/// What block `i` weighed in finding the article's end, and whether it lies after that end
/// (then it heads no section).
fn in_span(span: &Span, i: usize) -> String {
    let (evidence, weight) = span.weights[i];
    let after = if i > span.end { "; after the end" } else { "" };
    format!("span: {} {weight:+}{after}", evidence.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_names_the_shape_the_gates_and_the_number() {
        assert_eq!(
            evidence("Figure 4-1: The layout"),
            ["prose", "gate: caption"]
        );
        assert_eq!(evidence("注意"), ["prose", "gate: note label"]);
        assert_eq!(
            evidence("CAUTION RAID is not Backup"),
            ["prose", "gate: note box title"]
        );
        assert_eq!(evidence("目录"), ["prose", "gate: contents label"]);
        assert_eq!(evidence("6.1. 编写文件"), ["numbered 3", "number 6.1"]);
        assert_eq!(evidence("Conclusion"), ["short"]);
        assert_eq!(
            evidence("Nome * ______________________________"),
            ["prose", "blank to fill", "form control"]
        );
        assert_eq!(evidence("Гость (BUTTON) Войти"), ["short", "form control"]);
    }

    #[test]
    fn evidence_names_the_rule_that_made_a_line_prose() {
        assert_eq!(
            evidence("Air pollution can be solved. Some cities have made progress"),
            ["prose", "two sentences"]
        );
        assert_eq!(
            evidence("他们说，这个计划已经完成了。"),
            ["prose", "sentence end"]
        );
        assert_eq!(
            evidence("3. Er sagte, der Plan sei fertig."),
            ["prose", "numbered sentence", "number 3"]
        );
        assert_eq!(
            evidence("MORE STORIES FROM OUR NEWSROOM THAT YOU MAY HAVE MISSED TODAY"),
            ["prose", "long capitals"]
        );
        assert_eq!(
            evidence("Read the story of"),
            ["prose", "ends on a function word"]
        );
        // A heading-like line has no such rule to name.
        assert_eq!(evidence("Что вас вдохновило?"), ["short"]);
        assert_eq!(evidence("背景与动机"), ["short"]);
    }
}
