//! Runs of other stories' cards: headlines each over an author's name and a time ("After Being
//! Denied…", "Maiysha Kai", "Monday 2:30PM", the next headline…), and the label over such a
//! run ("Recent from Ed Cara"). A section heading is followed by prose; a card by its metadata
//! and the next card.

use super::chrome;
use super::headings::ends_like_sentence;
use super::meta::is_byline;
use super::pieces::Piece;
use super::reflow::is_cjk;

/// How far, in pieces, the next card of a run may start after one card's time (other
/// stories' counters, a section label, the link's own copy of the headline stand between).
const CARD_GAP: usize = 6;
/// Longest piece that may stand between a run's label and its first card (the link's copy of
/// the headline, counters).
const BETWEEN_CARDS_CHARS: usize = 150;
/// Fewest words of a card's headline (a CJK headline counts its characters): a label or a
/// button over a name and a date is no card.
const HEADLINE_WORDS: usize = 3;
/// Most words in an author's name under a card's headline.
const NAME_WORDS: usize = 4;
/// Most characters in an author's name written in CJK characters.
const CJK_NAME_CHARS: usize = 4;

/// Whether piece `i` is a card in a run of them, or the label over such a run.
pub fn is_card_or_label(i: usize, pieces: &[Piece]) -> bool {
    is_card(i, pieces) || heads_cards(i, pieces)
}

/// A card of other stories: a headline over its author's name and its time, with another card
/// just before or after it. (The article's own headline stands over its byline too, but alone.)
fn is_card(i: usize, pieces: &[Piece]) -> bool {
    let run = |j: usize| j != i && opens_card(j, pieces);
    opens_card(i, pieces)
        && (i.saturating_sub(CARD_GAP + 2)..i)
            .chain(i + 2..=i + 2 + CARD_GAP)
            .any(run)
}

/// The label of a run of cards ("Recent from Ed Cara", "Recommended Stories"): the next card
/// follows it with no prose between.
fn heads_cards(i: usize, pieces: &[Piece]) -> bool {
    (i + 1..pieces.len().min(i + 1 + CARD_GAP))
        .take_while(|j| {
            let text = pieces[*j].text();
            text.chars().nth(BETWEEN_CARDS_CHARS).is_none() && !ends_like_sentence(text)
        })
        .any(|j| is_card(j, pieces))
}

/// A headline over its time, or over an author's name and a time, as another story's card
/// shows them.
fn opens_card(i: usize, pieces: &[Piece]) -> bool {
    // The cheapest tests first: most pieces are no name and no dateline.
    let byline = |j: usize| pieces.get(j).is_some_and(|p| is_byline(p.text()));
    (byline(i + 1) || pieces.get(i + 1).is_some_and(|p| is_name(p.text())) && byline(i + 2))
        && pieces.get(i).is_some_and(|p| is_headline(p.text()))
}

/// A line worded as a story's headline: a few words that are no name, no dateline, no
/// sentence's part and no form's control.
fn is_headline(text: &str) -> bool {
    let words = if text.chars().any(is_cjk) {
        text.chars().filter(|c| is_cjk(*c)).count()
    } else {
        text.split_whitespace().count()
    };
    words >= HEADLINE_WORDS
        && !is_name(text)
        && !is_byline(text)
        && !ends_like_sentence(text)
        && !chrome::has_form_control(text)
}

/// A person's name standing alone: one to [`NAME_WORDS`] words, each opening with a capital,
/// made of letters and a name's own marks ("Ed Cara", "Jean-Luc O'Neil", "Ю. Иванова"), or two
/// to [`CJK_NAME_CHARS`] CJK characters ("王小明").
pub(super) fn is_name(text: &str) -> bool {
    let text = text.trim();
    if !text.is_empty() && text.chars().all(is_cjk) {
        return (2..=CJK_NAME_CHARS).contains(&text.chars().count());
    }
    (1..=NAME_WORDS).contains(&text.split_whitespace().count())
        && text.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;
    use crate::article::plain::span::tests::{EN, RU, ZH};
    use crate::article::plain::{parse, pieces};

    /// The section headings of `text`.
    fn sections(text: &str) -> Vec<String> {
        parse(text)
            .blocks
            .into_iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading { level } if level > 1))
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn names_are_a_few_capitalised_words_or_a_few_cjk_characters() {
        for name in [
            "Maiysha Kai",
            "Ed Cara",
            "Jean-Luc O'Neil",
            "王小明",
            "Ю. Иванова",
        ] {
            assert!(is_name(name), "{name}");
        }
        for line in [
            "Monday 2:30PM",
            "the end of it",
            "Stop Using Public USB Ports to Charge Your Phone",
            "新华社北京十一月十八日电",
            "Новости 24",
            "",
        ] {
            assert!(!is_name(line), "{line}");
        }
    }

    #[test]
    fn headlines_are_worded_apart_from_names_dates_labels_and_sentences() {
        for line in [
            "Stop Using Public USB Ports to Charge Your Phone",
            "北京今年冬天提前供暖",
            "Рынки снова падают вниз",
        ] {
            assert!(is_headline(line), "{line}");
        }
        for line in [
            "(BUTTON)",
            "Business News",
            "Monday, November 18, 2019",
            "and then it went on,",
            "热门",
            "Популярное",
        ] {
            assert!(!is_headline(line), "{line}");
        }
    }

    /// Two cards of other stories under `label`, after an article in `body` with a section
    /// (`section`), laid out as lynx saves a page: prose indented by three columns, headings
    /// (and the cards' headlines) at the left edge, where they would head sections.
    fn with_cards(body: &str, section: &str, label: &str, cards: [[&str; 3]; 2]) -> String {
        let cards = cards.map(|[head, name, time]| format!("{head}\n\n   {name}\n\n   {time}"));
        format!(
            "Title of the Story\n\n   {body}\n\n{section}\n\n   {body}\n\n{label}\n\n{}\n\n   {body}",
            cards.join("\n\n")
        )
    }

    #[test]
    fn a_run_of_cards_and_its_label_head_no_section() {
        for (body, section, label, cards) in [
            (
                EN,
                "A Section",
                "Recent from Ed Cara",
                [
                    [
                        "A Woman's Palms Revealed Her Lung Cancer",
                        "Ed Cara",
                        "Friday 5:11PM",
                    ],
                    [
                        "Stop Using Public USB Ports",
                        "Emily Price",
                        "Saturday 4:08PM",
                    ],
                ],
            ),
            (
                ZH,
                "事件经过",
                "编辑推荐",
                [
                    ["北京今年冬天提前供暖", "王小明", "2019年11月18日"],
                    ["上海地铁新线路开通运营", "李华", "2019年11月17日"],
                ],
            ),
            (
                RU,
                "Подробности",
                "Читайте также",
                [
                    ["Рынки снова падают вниз", "Ю. Иванова", "18 ноября 2019"],
                    [
                        "Новый телефон уже в продаже",
                        "Пётр Смирнов",
                        "17 ноября 2019",
                    ],
                ],
            ),
        ] {
            let text = with_cards(body, section, label, cards);
            assert_eq!(sections(&text), [section], "{text}");
            let pieces = pieces::pieces(&text);
            let at = |t: &str| pieces.iter().position(|p| p.text() == t).unwrap();
            assert!(is_card_or_label(at(label), &pieces), "{label}");
            assert!(is_card_or_label(at(cards[1][0]), &pieces), "{text}");
        }
    }

    #[test]
    fn a_card_may_show_its_headline_over_its_time_alone() {
        for (body, section, cards) in [
            (
                EN,
                "A Section",
                [
                    [
                        "Turbocharged Sedan Unleashed at the Show",
                        "November 16, 2016",
                    ],
                    ["The Nicknames of a Carmaker", "December 18, 2015"],
                    ["A Compact Car Makes a Statement", "August 18, 2005"],
                ],
            ),
            (
                ZH,
                "事件经过",
                [
                    ["北京今年冬天提前供暖", "2019年11月18日"],
                    ["上海地铁新线路开通运营", "2019年11月17日"],
                    ["深圳湾公园新增观鸟步道", "2019年11月16日"],
                ],
            ),
        ] {
            let cards = cards.map(|[head, time]| format!("{head}\n\n   {time}"));
            let text = format!(
                "Title of the Story\n\n   {body}\n\n{section}\n\n   {body}\n\n{}\n\n   {body}",
                cards.join("\n\n")
            );
            assert_eq!(sections(&text), [section], "{text}");
        }
    }

    #[test]
    fn a_headline_over_its_own_byline_alone_is_no_card() {
        for (body, head, name, date) in [
            (
                EN,
                "Oil Falls as Stocks Drift",
                "Rodrigo Campos",
                "November 19, 2019",
            ),
            (ZH, "北京今年冬天提前供暖", "王小明", "2019年11月18日"),
            (
                RU,
                "Рынки снова падают вниз",
                "Ю. Иванова",
                "18 ноября 2019",
            ),
        ] {
            let text = format!("{head}\n\n{name}\n\n{date}\n\n{body}\n\nA Section\n\n{body}");
            let pieces = pieces::pieces(&text);
            assert!(!is_card_or_label(0, &pieces), "{text}");
            let title = parse(&text)
                .blocks
                .into_iter()
                .find(|b| b.kind == BlockKind::Heading { level: 1 })
                .map(|b| b.text);
            assert_eq!(title.as_deref(), Some(head), "{text}");
            // A section over the prose it opens is no card's label.
            assert_eq!(sections(&text), ["A Section"], "{text}");
        }
    }
}
