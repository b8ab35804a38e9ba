//! Where the article ends in a dump: the point after which page furniture (menus, "Most
//! popular", footers) outweighs prose, found as the best prefix of the pieces after the body's
//! first prose when prose counts for itself and furniture against it. A fall deeper than any
//! article's own run of short lines closes it for good: the comments and teasers after a
//! page's menus are prose too, but not the article's. Once two pieces of furniture by their
//! wording ("2 comments", "Reply") have come since the best run, prose counts half: an
//! author's note, a comment or a site's blurb there reopens the article only if it outweighs
//! twice the fall.
//!
//! Each piece weighs for the article or against it, from a few kinds of evidence: prose (its
//! characters; a sentence counts however short, and so does a list item that reads as prose),
//! a heading-like line (against: menus and teasers are made of them) unless it heads a list,
//! a short list item (a little against), furniture by its wording (against), a short paragraph
//! of a newsletter's sign-up box (against), another story's teaser in a run of cards under
//! their headlines (neither: the prose of a box of related stories is not the article's). In a dump that
//! sets its headings apart by layout (lynx), a short line at the body's margin is body text,
//! neither for nor against; so is a plain line in a document that declares its headings
//! (permalinks, dotted section numbers), a table's row as often as not. The weights are the piece's evidence in `folio outline --explain`.

use super::headings::{ends_like_sentence, trails_off};
use super::pieces::Piece;
use super::reflow::is_cjk;
use crate::article::BlockKind;

/// What a short line, a menu entry or a furniture piece costs, in characters of prose: what
/// the article's middling paragraph holds, within these bounds. A teaser under another story's
/// headline is a short paragraph, so that a run of headline and teaser after the article does
/// not pay for itself; and a short article's headings cost no more than its short paragraphs
/// bring.
const LEAST_COST: i64 = 60;
const MOST_COST: i64 = 100;
/// Prose one piece may add at most, so that one long paragraph after the article (a comment,
/// a teaser) does not carry a run of furniture with it.
const MOST_PROSE: i64 = 1500;
/// A piece of prose is at least this long (a CJK character counting as three)...
const PROSE_CHARS: i64 = 120;
/// ...or a sentence at least this long.
const SENTENCE_CHARS: i64 = 20;
/// Least weight against the article, in short lines, that the pieces after its end must hold.
const CUT_MARGIN: i64 = 2;
/// Least fall, in short lines, of the running sum after the article's end that keeps the cut
/// however much prose follows (menus are longer than a short article's run of headings).
const FALL_MARGIN: i64 = 4;
/// Fewest pieces of furniture by their wording since the article's best run for the prose
/// after them to count half (see [`Evidence::Stray`]).
const STRAY_FURNITURE: usize = 2;
/// Fall, in short lines, of the running sum below its best that closes the article for good:
/// more furniture than any article's own run of short lines (a list of positions with a line
/// each, a meal plan's headings) holds without prose between.
const STOP_MARGIN: i64 = 12;
/// What a short list item costs (lists inside articles are common; menus are long). Ten, so
/// that a menu of ten links weighs one short line, won on the development pages and lost true
/// headings after long lists on the held-out half of the lynx and w3m dumps.
const SHORT_ITEM_COST: i64 = 5;
/// Greatest mass (see [`mass`]) of a sign-up box's paragraph: a CJK one says as much in a
/// third of the characters (and longer paragraphs need no look for its words).
const SIGN_UP_MASS: i64 = 200;
/// Longest paragraph that reads as a teaser in a run of other stories' cards.
const TEASER_CHARS: i64 = 500;
/// Fewest cards in a run of teasers (a list may explain two of its entries).
const TEASER_CARDS: usize = 3;
/// A list item this long is a sentence or a reference, not a menu entry: it costs nothing.
const LONG_ITEM_CHARS: i64 = 80;

/// How a piece could head a section, as far as the span is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// It cannot: prose, a list, code, or a short line that the layout keeps in the body.
    No,
    /// A short line or one in capitals: a section's head, or a menu entry or a teaser.
    Plain,
    /// Markup or a section number declares it a heading: menus and teasers have neither.
    Declared,
}

/// Why a piece weighs what it does, for `--explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Before the body's first prose: bylines, share bars and captions under the headline.
    Lead,
    /// Prose, a long quotation or a list item that reads as prose: its characters.
    Prose,
    /// A heading-like line over a short list: a section's head, neither for nor against.
    HeadsList,
    /// A heading declared by markup or a section number: neither for nor against.
    Declared,
    /// A heading-like line over a menu (a list of [`MENU_ITEMS`] entries or more: "Most
    /// popular", "Topics"): against, as a short line; and when markup declares it, it still
    /// never ends the article with its menu cut.
    HeadsMenu,
    /// A heading-like line: a menu entry or a teaser's headline as often as a section's head.
    ShortLine,
    /// Furniture by its wording ("Share this", "Read more", a comment form).
    Furniture,
    /// A short paragraph of a newsletter's sign-up box ("Thanks for signing up!"): against,
    /// as furniture.
    SignUp,
    /// A short paragraph under a short list item, in a run of [`TEASER_CARDS`] such cards or
    /// more: another story's teaser under its headline, neither for nor against.
    Teaser,
    /// A short list item: a menu entry, most likely.
    ShortItem,
    /// Prose after [`STRAY_FURNITURE`] pieces of furniture by their wording ("2 comments",
    /// "Reply", "Share") since the article's best run: a comment, an author's note, a site's
    /// blurb. Half its characters: it reopens the article only where it outweighs twice the
    /// fall.
    Stray,
    /// Code, tables, rules, short sentences: they belong to whatever surrounds them.
    Neutral,
}

impl Evidence {
    /// The evidence's name in `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Evidence::Lead => "lead",
            Evidence::Prose => "prose",
            Evidence::HeadsList => "heads a list",
            Evidence::Declared => "declared heading",
            Evidence::HeadsMenu => "heads a menu",
            Evidence::ShortLine => "short line",
            Evidence::Furniture => "furniture",
            Evidence::SignUp => "sign-up box",
            Evidence::Teaser => "teaser",
            Evidence::ShortItem => "short item",
            Evidence::Stray => "prose past furniture",
            Evidence::Neutral => "neutral",
        }
    }
}

/// The article's span after its title, and what each piece weighed in finding it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// The last piece of the article.
    pub end: usize,
    /// Each piece's evidence and weight (in characters of prose; negative against).
    pub weights: Vec<(Evidence, i64)>,
}

/// Characters of `text`, a CJK character counting as three (it carries a word's meaning),
/// counted up to [`MOST_PROSE`]: no weight and no test looks further, and a dump's long
/// paragraphs are most of its text.
fn mass(text: &str) -> i64 {
    let mut counted = 0;
    for c in text.chars() {
        counted += if is_cjk(c) { 3 } else { 1 };
        if counted >= MOST_PROSE {
            return MOST_PROSE;
        }
    }
    counted
}

/// Whether a piece is a list's entry.
fn is_list_item(piece: &Piece) -> bool {
    matches!(piece, Piece::Fixed(b) if matches!(b.kind, BlockKind::ListItem { .. }))
}

/// Whether a text of mass `m` reads as prose: long, or a sentence of some length.
fn is_prose(text: &str, m: i64) -> bool {
    m >= PROSE_CHARS || m >= SENTENCE_CHARS && ends_like_sentence(text) && !trails_off(text)
}

/// What the article's end is found from: the pieces, each one's mass (see [`mass`]), what may
/// head a section, what is furniture by its wording, and what is a short paragraph of a
/// newsletter's sign-up box (`chrome::Wording::sign_up`).
struct Ground<'a> {
    pieces: &'a [Piece],
    masses: &'a [i64],
    heads: &'a [Head],
    furniture: &'a [bool],
    sign_up: &'a [bool],
}

/// What one piece says about being inside the article, leaving aside what follows it. A list
/// item that reads as prose counts as prose (a recipe's steps, bulleted notes under a table).
fn own_weight(
    piece: &Piece,
    chars: i64,
    head: Head,
    furniture: bool,
    sign_up: bool,
    cost: i64,
) -> (Evidence, i64) {
    let text = piece.text();
    let prose = (Evidence::Prose, chars.min(MOST_PROSE));
    match piece {
        _ if furniture => (Evidence::Furniture, -cost),
        _ if head == Head::Declared => (Evidence::Declared, 0),
        Piece::Text(_) if chars <= SIGN_UP_MASS && sign_up => (Evidence::SignUp, -cost),
        Piece::Text(_) if head == Head::No && is_prose(text, chars) => prose,
        Piece::Fixed(b) if b.kind == BlockKind::Quote && chars >= PROSE_CHARS => prose,
        Piece::Fixed(_) if is_list_item(piece) => {
            if is_prose(text, chars) {
                prose
            } else if chars >= LONG_ITEM_CHARS {
                (Evidence::Neutral, 0)
            } else {
                (Evidence::ShortItem, -SHORT_ITEM_COST)
            }
        }
        Piece::Fixed(_) => (Evidence::Neutral, 0),
        Piece::Text(_) if head == Head::No => (Evidence::Neutral, 0),
        Piece::Text(_) => (Evidence::ShortLine, -cost),
    }
}

/// What a short line costs in this dump: the middling mass of its paragraphs of prose from
/// `first_prose` on, within [`LEAST_COST`] and [`MOST_COST`].
fn short_cost(ground: &Ground, first_prose: usize) -> i64 {
    let Ground {
        pieces,
        masses,
        heads,
        furniture,
        ..
    } = ground;
    let mut masses: Vec<i64> = (first_prose..pieces.len())
        .filter(|i| heads[*i] == Head::No && !furniture[*i])
        .filter(|i| matches!(pieces[*i], Piece::Text(_)))
        .filter(|i| is_prose(pieces[*i].text(), masses[*i]))
        .map(|i| masses[i])
        .collect();
    if masses.is_empty() {
        return MOST_COST;
    }
    let middle = masses.len() / 2;
    let (_, median, _) = masses.select_nth_unstable(middle);
    (*median).clamp(LEAST_COST, MOST_COST)
}

/// Every piece's weight from `first_prose` on (pieces before it are the lead and weigh
/// nothing): its own, except that a heading-like line over a short list (furniture aside)
/// costs nothing: it heads the list, in the article ("Story timeline" over two stories); over
/// a menu of [`MENU_ITEMS`] entries or more ("Most popular", "Topics", "Related stories") it
/// costs what a short line does, and so it does over a run of other stories' cards, whose
/// teasers weigh nothing (see [`teasers`]).
fn weights(ground: &Ground, first_prose: usize, cost: i64) -> Vec<(Evidence, i64)> {
    let Ground {
        pieces,
        masses,
        heads,
        furniture,
        sign_up,
    } = ground;
    let mut weights = vec![(Evidence::Lead, 0); pieces.len()];
    // How many list items follow, furniture aside, walking back.
    let mut items_next = 0;
    for i in (first_prose..pieces.len()).rev() {
        let heads_list = heads[i] == Head::Plain && !furniture[i] && items_next > 0;
        weights[i] = if heads_list && items_next < MENU_ITEMS {
            (Evidence::HeadsList, 0)
        } else if heads_list {
            (Evidence::HeadsMenu, -cost)
        } else {
            own_weight(
                &pieces[i],
                masses[i],
                heads[i],
                furniture[i],
                sign_up[i],
                cost,
            )
        };
        if !furniture[i] {
            items_next = if is_list_item(&pieces[i]) {
                items_next + 1
            } else {
                0
            };
        }
    }
    for run in teasers(ground, &weights, first_prose) {
        // The line over a run of cards heads a menu of them ("More in Sports").
        let label = run.start.checked_sub(1).filter(|l| *l >= first_prose);
        if let Some(l) = label.filter(|l| heads[*l] == Head::Plain && !furniture[*l]) {
            weights[l] = (Evidence::HeadsMenu, -cost);
        }
        for teaser in run.teasers {
            weights[teaser] = (Evidence::Teaser, 0);
        }
    }
    weights
}

/// A run of other stories' cards: where its first headline stands, and its teasers.
struct Cards {
    start: usize,
    teasers: Vec<usize>,
}

/// The runs of other stories' cards after `first_prose`: a short list item (the
/// headline), perhaps one line that is no prose (its date), then one short paragraph of
/// prose (no longer than [`TEASER_CHARS`]) and the next card's headline, [`TEASER_CARDS`]
/// times or more in a row. An article's list seldom explains each of its entries in a
/// paragraph of its own; a box of related stories does.
fn teasers(ground: &Ground, weights: &[(Evidence, i64)], first_prose: usize) -> Vec<Cards> {
    let Ground { pieces, masses, .. } = ground;
    let headline = |j: usize| is_list_item(&pieces[j]) && masses[j] < LONG_ITEM_CHARS;
    let teaser = |j: usize| {
        weights.get(j).is_some_and(|w| w.0 == Evidence::Prose)
            && masses[j] <= TEASER_CHARS
            && (j + 1 == pieces.len() || headline(j + 1))
    };
    // The teaser of the card whose headline is at `j`, if it is one.
    let card = |j: usize| {
        let below = j + 1;
        if teaser(below) {
            Some(below)
        } else if below < pieces.len() && weights[below].0 != Evidence::Prose && !headline(below) {
            teaser(below + 1).then_some(below + 1)
        } else {
            None
        }
    };
    let mut found = Vec::new();
    let mut j = first_prose;
    while j < pieces.len() {
        let mut run = Vec::new();
        let mut k = j;
        while k < pieces.len() && headline(k) {
            let Some(t) = card(k) else { break };
            run.push(t);
            k = t + 1;
        }
        if run.len() >= TEASER_CARDS {
            found.push(Cards {
                start: j,
                teasers: run,
            });
            j = k;
        } else {
            j += 1;
        }
    }
    found
}

/// The article's span from `start` (the piece after the title): it ends with the best-scoring
/// run of pieces from there (the longest, when several score the same: a heading that costs
/// nothing stays in) that no fall of [`STOP_MARGIN`] short lines precedes, or at the last piece
/// when no run scores above nothing.
pub fn span(
    pieces: &[Piece],
    heads: &[Head],
    furniture: &[bool],
    sign_up: &[bool],
    start: usize,
    first_prose: usize,
) -> Span {
    let first_prose = first_prose.max(start);
    // Each piece's mass, counted once (the lead before the body's prose weighs nothing).
    let masses: Vec<i64> = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| if i < first_prose { 0 } else { mass(p.text()) })
        .collect();
    let ground = Ground {
        pieces,
        masses: &masses,
        heads,
        furniture,
        sign_up,
    };
    let cost = short_cost(&ground, first_prose);
    let mut weights = weights(&ground, first_prose, cost);
    let mut sum = 0;
    let mut best = (0, start.min(pieces.len().saturating_sub(1)));
    // The lowest the running sum falls after the best run, and the furniture by its wording
    // since that run.
    let mut lowest = 0;
    let mut furniture_since = 0;
    for (i, weight) in weights.iter_mut().enumerate().skip(start) {
        let (evidence, w) = *weight;
        let stray = evidence == Evidence::Prose && best.0 > 0 && furniture_since >= STRAY_FURNITURE;
        if stray {
            *weight = (Evidence::Stray, w / 2);
        }
        if matches!(evidence, Evidence::Furniture | Evidence::SignUp) {
            furniture_since += 1;
        }
        sum += weight.1;
        if sum >= best.0 {
            best = (sum, i);
            lowest = sum;
            furniture_since = 0;
        }
        lowest = lowest.min(sum);
        // A fall this deep below the article's prose is the page's furniture, not a gallery
        // or a list inside the article: what prose comes after it (comments, teasers, a
        // footer) does not reopen it. A fall from nothing (a menu weighed before any prose,
        // when no title was found) closes nothing.
        if best.0 > 0 && best.0 - sum > STOP_MARGIN * cost {
            break;
        }
    }
    // With no prose to go by, nothing says where the article ends: it runs to the end; and
    // so it does when what would be cut weighs against it no more than two short lines do
    // (a short article's headings outweigh its short paragraphs), unless it falls lower than
    // four short lines on the way: a footer's prose at the dump's end (a legal notice) does
    // not undo the menus above it.
    if best.0 - sum <= CUT_MARGIN * cost && best.0 - lowest <= FALL_MARGIN * cost {
        best = (best.0, pieces.len().saturating_sub(1));
    }
    let end = if best.0 > 0 {
        best.1
    } else {
        pieces.len().saturating_sub(1)
    };
    let mut span = Span { end, weights };
    without_menu_head(&mut span, pieces, heads, furniture, start);
    span
}

/// Fewest entries in a list for it to read as a menu ("Most popular", "Topics", share links)
/// rather than a short list of the article's own ("Story timeline" over two stories).
const MENU_ITEMS: usize = 3;

/// Whether the piece at `i` stands over a menu: [`MENU_ITEMS`] list entries or more follow it,
/// furniture aside. Such a line heads that menu: it does not end an article.
fn heads_menu(i: usize, pieces: &[Piece], furniture: &[bool]) -> bool {
    (i + 1..pieces.len())
        .filter(|j| !furniture[*j])
        .take_while(|j| is_list_item(&pieces[*j]))
        .nth(MENU_ITEMS - 1)
        .is_some()
}

/// An article never ends with a heading whose list was cut: a heading-like line that costs
/// nothing ("Most Popular Videos" heads a list) kept as the last piece, with a menu of
/// [`MENU_ITEMS`] entries or more cut under it, belongs with that menu. The end steps back over
/// such headings, and their evidence says so.
fn without_menu_head(
    span: &mut Span,
    pieces: &[Piece],
    heads: &[Head],
    furniture: &[bool],
    start: usize,
) {
    if !heads_menu(span.end, pieces, furniture) {
        return;
    }
    while span.end > start && heads[span.end] != Head::No {
        span.weights[span.end].0 = Evidence::HeadsMenu;
        span.end -= 1;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{outline, pieces};
    use super::*;

    /// The span of a dump, as the parser finds it.
    fn span_of(text: &str) -> Span {
        outline::analyse(&pieces::pieces(text)).span
    }

    /// What the piece that reads `piece` weighed in finding the article's end in `text`.
    fn weight_of(text: &str, piece: &str) -> (Evidence, i64) {
        let pieces = pieces::pieces(text);
        let at = pieces.iter().position(|p| p.text() == piece).unwrap();
        span_of(text).weights[at]
    }

    /// The text of the article's last piece.
    fn last_text(text: &str) -> String {
        let pieces = pieces::pieces(text);
        let end = outline::analyse(&pieces).span.end;
        pieces[end].text().to_string()
    }

    #[test]
    fn sentences_read_as_prose_in_every_language_and_labels_do_not() {
        for line in [
            "Documentation for the itertools module.",
            "这是正文的一句话，说明了问题。",
            "Это короткое предложение о погоде.",
            "Ceci est une phrase courte du texte.",
        ] {
            assert!(is_prose(line, mass(line)), "{line}");
        }
        for line in [
            "Related Articles",
            "热门文章",
            "Популярное сегодня",
            "À lire aussi",
            "OK.",
            // Teasers cut short.
            "• 기적적 독도행 ‘어서와’, 노르웨..",
            "Read how the city found its water again…",
            "Как город снова нашёл свою воду...",
        ] {
            assert!(!is_prose(line, mass(line)), "{line}");
        }
    }

    /// A paragraph of prose, for tests here and in the sibling modules.
    pub(crate) const EN: &str = "This paragraph is body text of ordinary length, written in sentences, and \
                      it goes on for long enough to count as the prose of an article.";
    /// A paragraph of prose, for tests here and in the sibling modules.
    pub(crate) const ZH: &str = "这是正文的第一段，内容比较长，用来说明标题后面跟着的是正文而不是别的东西，\
                      再多写几个字让它更像文章。标题下面的正文要足够长，读者才会认出它是文章的开头，\
                      而不是导航栏里的一句话。";
    /// A paragraph of prose, for tests here and in the sibling modules.
    pub(crate) const RU: &str = "Это первый абзац основного текста обычной длины, написанный предложениями, \
                      и он достаточно длинный, чтобы считаться прозой статьи.";

    #[test]
    fn the_article_ends_at_its_last_prose_before_a_run_of_short_lines() {
        for (body, menu) in [
            (
                EN,
                [
                    "Most popular",
                    "Markets fall again",
                    "A new phone",
                    "Newsletter",
                ],
            ),
            (ZH, ["热门文章", "市场再次下跌", "新手机发布", "订阅"]),
            (
                RU,
                [
                    "Популярное",
                    "Рынки снова падают",
                    "Новый телефон",
                    "Рассылка",
                ],
            ),
        ] {
            let text = format!(
                "Title of the Story\n\n{body}\n\nA Section\n\n{body}\n\n{}\n\nSign up today.",
                menu.join("\n\n")
            );
            assert_eq!(last_text(&text), body, "{text}");
        }
    }

    #[test]
    fn a_footer_s_prose_at_the_dump_s_end_does_not_undo_the_menus_above_it() {
        for (body, menu, notice) in [
            (
                EN,
                [
                    "Most popular",
                    "Markets fall again",
                    "A new phone",
                    "Newsletter",
                    "Contact",
                ],
                "Any reproduction of the material on this site without the written \
                 permission of the publisher is forbidden by the law of the land.",
            ),
            (
                ZH,
                ["热门文章", "市场再次下跌", "新手机发布", "订阅", "联系我们"],
                "未经本网站书面许可，任何单位和个人不得转载、摘编或以其他方式使用本网站的内容。",
            ),
            (
                RU,
                [
                    "Популярное",
                    "Рынки снова падают",
                    "Новый телефон",
                    "Рассылка",
                    "Контакты",
                ],
                "Любое воспроизведение материалов сайта без разрешения редакции \
                 запрещено законом и преследуется по всей строгости правил.",
            ),
        ] {
            let text = format!(
                "Title of the Story\n\n{body}\n\n{body}\n\n{}\n\n{notice}\n\n{notice}\n\n{notice}",
                menu.join("\n\n")
            );
            assert_eq!(last_text(&text), body, "{text}");
        }
    }

    /// Comments under an article, a paragraph each: prose, but not the article's.
    const COMMENTS: [&str; 3] = [
        "I read this twice and I still think the numbers are wrong, but thank you for \
         writing it all up so carefully.",
        "这篇文章写得很好，但是我觉得作者对数字的理解有问题，希望以后能写得更详细一些，谢谢。",
        "Прочитал дважды и всё равно думаю, что цифры неверны, но спасибо, что так \
         подробно всё описали.",
    ];

    /// `count` pieces, the `n`th (from one) made by `piece`, a blank line apart.
    fn run(count: usize, piece: impl Fn(usize) -> String) -> String {
        (1..=count).map(piece).collect::<Vec<_>>().join("\n\n")
    }

    #[test]
    fn comments_after_a_long_run_of_furniture_do_not_reopen_the_article() {
        // Fourteen headlines of other stories: more than any article's own run of short
        // lines; the comments under them outweigh the run, and still stay out.
        for (body, comment) in [EN, ZH, RU].into_iter().zip(COMMENTS) {
            let text = format!(
                "Title of the Story\n\n{body}\n\n{body}\n\n{}\n\n{}",
                run(14, |n| format!("Another story {n}")),
                run(20, |_| comment.to_string())
            );
            assert_eq!(last_text(&text), body, "{text}");
        }
    }

    #[test]
    fn prose_past_furniture_counts_half() {
        // Under the article: two pieces of furniture by their wording and three other
        // stories' headlines (a fall of five short lines), then a long comment or a site's
        // blurb that would outweigh the fall whole. At half its weight it does not. (Without
        // the furniture, see the meal plan below, it would.)
        for ((body, comment), furniture) in [EN, ZH, RU].into_iter().zip(COMMENTS).zip([
            ["2 comments", "Reply"],
            ["评论 2", "分享"],
            ["Читайте также", "Популярное"],
        ]) {
            let stray = [comment; 6].join(" ");
            let text = format!(
                "Title of the Story\n\n{body}\n\n{body}\n\n{}\n\nAnother Story Here\n\n\
                 One More Story\n\nA Third Story Here\n\n{stray}",
                furniture.join("\n\n")
            );
            assert_eq!(last_text(&text), body, "{text}");
            assert_eq!(weight_of(&text, &stray).0, Evidence::Stray, "{text}");
        }
    }

    #[test]
    fn prose_past_plain_short_lines_counts_whole() {
        // A meal plan's headings are a fall of five short lines with no furniture among them:
        // the prose under them keeps its weight, and the plan stays in the article.
        let plan = "Pre-Workout Meal\n\nMeal 1\n\nMeal 2\n\nMeal 3\n\nNighttime Snack";
        let after = [EN; 4].join("\n\n");
        let text = format!("Title of the Story\n\n{EN}\n\n{EN}\n\n{plan}\n\n{after}");
        let span = span_of(&text);
        assert_eq!(span.end, pieces::pieces(&text).len() - 1, "{text}");
        assert!(
            span.weights.iter().all(|w| w.0 != Evidence::Stray),
            "{text}"
        );
    }

    /// A dump of a title, two paragraphs of `body`, then `after`, a piece a line.
    fn after_article(body: &str, after: &[&str]) -> String {
        format!(
            "Title of the Story\n\n{body}\n\n{body}\n\n{}",
            after.join("\n\n")
        )
    }

    #[test]
    fn a_newsletter_s_sign_up_box_after_the_article_does_not_extend_it() {
        let boxes = [
            [
                "Pick Six Newsletter",
                "Get the day's big stories in your inbox.",
                "Please check the box to confirm that you would like to subscribe.",
                "Thanks for signing up!",
            ],
            [
                "每日简报",
                "订阅我们的每日简报，第一时间获取新闻。",
                "请查收邮件并确认订阅。",
                "感谢您的订阅！",
            ],
            [
                "Рассылка",
                "Подпишитесь на нашу рассылку, чтобы ничего не пропустить.",
                "Проверьте почту и подтвердите подписку.",
                "Спасибо за подписку!",
            ],
        ];
        for (body, lines) in [EN, ZH, RU].into_iter().zip(boxes) {
            let text = after_article(body, &lines);
            assert_eq!(last_text(&text), body, "{text}");
            assert_eq!(weight_of(&text, lines[1]), (Evidence::SignUp, -MOST_COST));
        }
    }

    /// Three cards of other stories after an article in `body`: each a linked headline, a
    /// date and a teaser.
    fn with_teasers(body: &str, label: &str, cards: [[&str; 3]; 3]) -> String {
        let cards = cards.map(|[head, date, teaser]| format!("• {head}\n\n{date}\n\n{teaser}"));
        format!(
            "Title of the Story\n\n{body}\n\n{body}\n\n{label}\n\n{}\n\n• Subscribe",
            cards.join("\n\n")
        )
    }

    #[test]
    fn a_run_of_teaser_cards_after_the_article_does_not_extend_it() {
        let en = "The team's coach has heeded the warnings of the past weeks, and the lines \
                  that he settled on at last have started to score goals again.";
        let zh = "球队主教练终于听取了过去几周的意见，确定了新的阵容，球队也重新开始进球了，\
                  球迷们对此感到非常高兴。";
        let ru = "Тренер команды наконец прислушался к советам последних недель, и новые \
                  звенья снова начали забивать голы.";
        for (body, label, teaser, heads) in [
            (
                EN,
                "More in Sports",
                en,
                [
                    "Wild finally have stability",
                    "A trade that stings",
                    "Diggs walks the talk",
                ],
            ),
            (
                ZH,
                "更多体育新闻",
                zh,
                ["球队终于稳定下来", "一笔仍然刺痛的交易", "新秀的第一个赛季"],
            ),
            (
                RU,
                "Ещё о спорте",
                ru,
                [
                    "Команда наконец стабильна",
                    "Обмен, который жалит",
                    "Первый сезон новичка",
                ],
            ),
        ] {
            let cards = heads.map(|h| [h, "November 16, 2019", teaser]);
            let text = with_teasers(body, label, cards);
            assert_eq!(last_text(&text), body, "{text}");
            assert_eq!(weight_of(&text, teaser), (Evidence::Teaser, 0), "{text}");
            // Two entries of a list, each explained, are the article's own.
            let two = text.replacen(&format!("• {}", heads[2]), "Then", 1);
            assert_eq!(weight_of(&two, teaser).0, Evidence::Prose, "{two}");
        }
    }

    #[test]
    fn a_fall_before_any_prose_closes_nothing() {
        // No title was found and the page's menu is weighed from its first line: the fall is
        // from nothing, and the article after it still ends where its prose does.
        for body in [EN, ZH, RU] {
            let text = format!(
                "{}\n\n{}\n\nView Comments\n\nDisclaimer\n\nAd Choices",
                run(13, |n| format!("Section {n}")),
                run(12, |n| format!("({n}) {body}"))
            );
            let pieces = pieces::pieces(&text);
            let heads: Vec<Head> = pieces
                .iter()
                .map(|p| match p.text().chars().count() {
                    n if n < 20 => Head::Plain,
                    _ => Head::No,
                })
                .collect();
            let none = vec![false; pieces.len()];
            let end = span(&pieces, &heads, &none, &none, 0, 0).end;
            assert_eq!(pieces[end].text(), format!("(12) {body}"), "{text}");
        }
    }

    #[test]
    fn a_run_of_short_lines_inside_the_article_does_not_close_it() {
        // A gallery's ten captions between two paragraphs.
        for body in [EN, ZH, RU] {
            let text = format!(
                "Title of the Story\n\n{body}\n\n{body}\n\n{}\n\n{}\n\nThe end of it all.",
                run(10, |n| format!("Photo number {n}")),
                run(10, |n| format!("({n}) {body}"))
            );
            assert_eq!(last_text(&text), "The end of it all.", "{text}");
        }
    }

    #[test]
    fn plain_lines_of_a_document_that_declares_its_headings_cost_nothing() {
        // A table's rows in a numbered manual: no plain line heads a section there, so a run
        // of them neither closes the article nor weighs against it.
        for (heads, body) in [
            (["4.1. Options", "4.2. Converters", "4.3. Defaults"], EN),
            (["4.1. 选项", "4.2. 转换器", "4.3. 默认值"], ZH),
            (
                ["4.1. Параметры", "4.2. Преобразователи", "4.3. Умолчания"],
                RU,
            ),
        ] {
            let text = format!(
                "Chapter 4. Reference\n\n{body}\n\n{}\n\n{body}\n\n{}\n\n{}\n\n{body}\n\n\
                 {}\n\n{body}",
                heads[0],
                heads[1],
                run(16, |n| format!("'B{n}' Unsigned char")),
                heads[2]
            );
            let pieces = pieces::pieces(&text);
            let analysis = outline::analyse(&pieces);
            assert_eq!(analysis.span.end, pieces.len() - 1, "{text}");
            let row = pieces
                .iter()
                .position(|p| p.text() == "'B1' Unsigned char")
                .unwrap();
            assert_eq!(analysis.span.weights[row].1, 0, "{text}");
        }
    }

    #[test]
    fn the_article_runs_to_the_end_when_nothing_after_it_weighs_more_than_two_short_lines() {
        for (body, lines) in [
            (EN, ["Further reading", "Notes"]),
            (ZH, ["延伸阅读", "注释"]),
            (RU, ["Читайте также", "Примечания"]),
        ] {
            let text = format!(
                "Title of the Story\n\n{body}\n\n{}\n\nThat was all, for now.",
                lines.join("\n\n")
            );
            assert_eq!(last_text(&text), "That was all, for now.", "{text}");
        }
    }

    #[test]
    fn prose_after_a_few_short_lines_keeps_them_in_the_article() {
        for body in [EN, ZH, RU] {
            let text = format!(
                "Title of the Story\n\n{body}\n\nPre-Workout Meal\n\nEat an hour before\n\n\
                 {body}\n\nThe end of it all."
            );
            assert_eq!(last_text(&text), "The end of it all.", "{text}");
        }
    }

    #[test]
    fn a_heading_over_a_list_costs_nothing_and_a_menu_entry_does() {
        let text = format!(
            "Title of the Story\n\n{EN}\n\nStory Timeline\n\n• The first chapter of the story\n\n\
             • The second chapter of the story\n\nGallery\n\nShare"
        );
        let span = span_of(&text);
        let pieces = pieces::pieces(&text);
        let at = |t: &str| pieces.iter().position(|p| p.text() == t).unwrap();
        assert_eq!(span.weights[at("Story Timeline")], (Evidence::HeadsList, 0));
        assert_eq!(
            span.weights[at("Gallery")],
            (Evidence::ShortLine, -MOST_COST)
        );
        assert_eq!(span.end, at("Story Timeline"));
    }

    #[test]
    fn a_heading_over_a_menu_is_not_the_article_s_last_piece() {
        for (body, head, menu) in [
            (
                EN,
                "Most Popular Videos",
                ["• Markets fall again", "• A new phone", "• Rain all week"],
            ),
            (
                ZH,
                "热门视频",
                ["• 市场再次下跌", "• 新手机发布", "• 本周有雨"],
            ),
            (
                RU,
                "Популярное видео",
                [
                    "• Рынки снова падают",
                    "• Новый телефон",
                    "• Дожди всю неделю",
                ],
            ),
        ] {
            let text = format!(
                "Title of the Story\n\n{body}\n\n{body}\n\n{head}\n\n{}\n\nNewsletter\n\nContact\n\nSign up today",
                menu.join("\n\n")
            );
            assert_eq!(last_text(&text), body, "{text}");
            let pieces = pieces::pieces(&text);
            let at = pieces.iter().position(|p| p.text() == head).unwrap();
            assert_eq!(
                span_of(&text).weights[at],
                (Evidence::HeadsMenu, -MOST_COST)
            );
            // Declared by markup, it weighs nothing, and still goes with its menu.
            let marked = text.replace(head, &format!("## {head}"));
            assert_eq!(last_text(&marked), body, "{marked}");
            assert_eq!(span_of(&marked).weights[at], (Evidence::HeadsMenu, 0));
        }
    }

    #[test]
    fn a_heading_over_a_short_list_at_the_end_stays_in_the_article() {
        for (body, head, list) in [
            (
                EN,
                "Story Timeline",
                ["• The first chapter of the story", "• The second chapter"],
            ),
            (ZH, "事件时间线", ["• 故事的第一章", "• 故事的第二章"]),
            (
                RU,
                "Хронология",
                ["• Первая глава истории", "• Вторая глава"],
            ),
        ] {
            let text = format!(
                "Title of the Story\n\n{body}\n\n{head}\n\n{}\n\nGallery\n\nShare",
                list.join("\n\n")
            );
            assert_eq!(last_text(&text), head, "{text}");
        }
    }

    #[test]
    fn what_stands_between_the_title_and_the_first_prose_weighs_nothing() {
        let text = format!(
            "Title of the Story\n\nBy Jane Doe\n\nShare this story\n\n• Facebook\n\n• Twitter\n\n\
             {EN}\n\nA Section\n\n{EN}"
        );
        let span = span_of(&text);
        assert!(
            span.weights[..5].iter().all(|w| *w == (Evidence::Lead, 0)),
            "{span:?}"
        );
        assert_eq!(span.end, span.weights.len() - 1);
    }

    #[test]
    fn without_prose_nothing_says_where_the_article_ends() {
        let text = "Title of the Story\n\nOne\n\nTwo\n\nThree";
        assert_eq!(span_of(text).end, 3);
    }

    #[test]
    fn a_short_line_costs_what_the_middling_paragraph_holds_within_bounds() {
        let cost = |text: &str| {
            let pieces = pieces::pieces(text);
            let heads = vec![Head::No; pieces.len()];
            let masses: Vec<i64> = pieces.iter().map(|p| mass(p.text())).collect();
            let ground = Ground {
                pieces: &pieces,
                masses: &masses,
                heads: &heads,
                furniture: &vec![false; pieces.len()],
                sign_up: &vec![false; pieces.len()],
            };
            short_cost(&ground, 0)
        };
        // Short paragraphs (a chat answer): a heading costs what the middling one brings.
        let middling = "It was late, and the last ferry had gone; the harbour lights were out.";
        let text = [
            "Ни один паром не ушёл вовремя.",
            middling,
            "It was late, and the last ferry had gone; the harbour lights were all out for the night.",
        ]
        .join("\n\n");
        assert_eq!(cost(&text), mass(middling));
        assert!((LEAST_COST..MOST_COST).contains(&mass(middling)));
        assert_eq!(
            cost(&["这是一句短话。", "那是一句短话。", "还有一句短话。"].join("\n\n")),
            LEAST_COST
        );
        // An article's paragraphs: at most the cost of a teaser's worth.
        assert_eq!(cost(&[EN, ZH, RU].join("\n\n")), MOST_COST);
        assert_eq!(cost("Title"), MOST_COST);
    }
}
