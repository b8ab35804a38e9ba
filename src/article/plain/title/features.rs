//! The evidence read about each line that could be the title, and what each piece of it
//! weighs (one table, [`TABLE`]).

use std::collections::HashSet;

use super::super::case;
use super::super::headings::{Shape, ends_like_sentence, shape, shape_and_reason, trails_off};
use super::super::meta::{Sign, byline_sign, is_byline, is_credit, is_dated_headline, own_words};
use super::super::pieces::Piece;
use super::super::reflow::is_cjk;
use crate::article::BlockKind;

/// One kind of evidence about a title candidate. Its value (how often or how much it holds)
/// times its weight in [`TABLE`] is what it adds to the candidate's score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// Written as a heading (`#`, an underline): the dump says so itself.
    Markup,
    /// A byline, a dateline or a reading time right under it: the strongest sign of a
    /// news headline.
    BylineBelow,
    /// A credit right under it: a picture's caption.
    CreditBelow,
    /// Heading-like lines between it and the body: other stories, boxes, menus; up to
    /// [`HEADINGS_BETWEEN`] of them (a box of other stories may stand between a headline and
    /// its body: past so many, more of them say no more against the line).
    HeadingsBetween,
    /// A line not much shorter right under it: its subtitle, or the body itself.
    OverDek,
    /// Right under a headline of which it is the subtitle.
    UnderHeadline,
    /// Under a line marked as a heading of its level or higher: one of its sections.
    UnderMarked,
    /// Its length in tenths of [`FULL_LENGTH`] (ten words), no more: headlines are long. A line's
    /// own length, not against the longest line near it: one long teaser or caption in the
    /// page would otherwise shrink every headline's evidence.
    Length,
    /// One or two words: a site's name, a section, a menu entry ("Fox Business").
    Terse,
    /// It stands more than once in the dump: a teaser in a box and a list, a label.
    Repeated,
    /// Between two list items or two one-word lines: an entry of a menu.
    Menu,
    /// Asks a question: a headline sometimes, a call to the reader more often.
    Question,
    /// Ends with "!": a call to the reader ("Vote now!").
    Cry,
    /// Reads as prose: too long for a section's heading, or two sentences (see
    /// [`is_wordy_headline`]).
    Wordy,
    /// Words it shares with the body's opening, up to [`LEAD_WORDS`]: a headline tells what
    /// the first paragraph tells.
    LeadWords,
    /// A date or a time in a short line of few words of its own: a dateline more often than a
    /// headline ("November 18, 2019" against "Opening Bell 11.18.19").
    Dated,
}

/// Every feature, its name in `--explain`, and its weight per unit of value.
pub const TABLE: [(Feature, &str, i32); 16] = [
    (Feature::Markup, "markup", 400),
    (Feature::BylineBelow, "byline below", 80),
    (Feature::CreditBelow, "credit below", -80),
    (Feature::HeadingsBetween, "headings between", -12),
    (Feature::OverDek, "over a subtitle", 40),
    (Feature::UnderHeadline, "under a headline", -40),
    (Feature::UnderMarked, "under a marked heading", -300),
    (Feature::Length, "length", 6),
    (Feature::Terse, "terse", -60),
    (Feature::Repeated, "repeated", -35),
    (Feature::Menu, "menu", -50),
    (Feature::Question, "question", -15),
    (Feature::Cry, "cry", -50),
    (Feature::Wordy, "wordy", -40),
    (Feature::LeadWords, "lead words", 20),
    (Feature::Dated, "dated", -80),
];

impl Feature {
    /// Its row of [`TABLE`].
    fn row(self) -> (Feature, &'static str, i32) {
        TABLE[self as usize]
    }

    /// What one unit of it adds to a score.
    pub fn weight(self) -> i32 {
        self.row().2
    }

    /// Its name in `--explain`.
    pub fn name(self) -> &'static str {
        self.row().1
    }
}

/// Most heading-like lines between a line and the body that count against it.
pub const HEADINGS_BETWEEN: usize = 8;
/// Most words shared with the body's opening that count.
pub const LEAD_WORDS: i32 = 5;
/// Bytes of the body's opening whose words a headline is compared with.
pub const LEAD_BYTES: usize = 600;
/// Pieces under a line looked at for its byline or its credit.
const BELOW: usize = 3;
/// Shortest word (in letters) compared with the body's opening: shorter ones are mostly
/// function words.
const LEAD_WORD_CHARS: usize = 5;
/// Heaviest line (see [`weight`]) that is terse.
const TERSE_WEIGHT: usize = 4;

/// Words in a line, a CJK character counting as half a word.
pub fn weight(text: &str) -> usize {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    // A run of CJK characters is no word of its own: only its characters count.
    let words = text
        .split_whitespace()
        .filter(|w| !w.chars().all(is_cjk))
        .count();
    words * 2 + cjk
}

/// The [`weight`] from which a line is as long as a headline needs to be: ten words, or
/// twenty CJK characters.
const FULL_LENGTH: usize = 20;

/// A line's length in tenths of [`FULL_LENGTH`], ten at most.
pub fn length(text: &str) -> usize {
    weight(text).min(FULL_LENGTH) * 10 / FULL_LENGTH
}

/// One or two words, or up to four CJK characters.
pub fn is_terse(text: &str) -> bool {
    weight(text) <= TERSE_WEIGHT
}

/// A headline that asks ("Is Coffee Good for You?", "咖啡有益健康吗？"): heading-like once
/// its question mark is put aside.
pub fn is_question(text: &str) -> bool {
    let text = text.trim();
    text.strip_suffix(['?', '？'])
        .is_some_and(|rest| matches!(shape(rest), Shape::Short | Shape::Capitals))
}

/// Fewest words of a headline that opens with a count.
const COUNT_HEADLINE_WORDS: usize = 5;

/// A headline that opens with a count ("15 Places to Eat in Lisbon", "5 个让你更专注的习惯"),
/// which reads as a section's number: the count is bare (no `.` or `)` after it) and no year,
/// the rest is words (no other number: a table's row has several), and there are enough of
/// them.
pub fn is_count_headline(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let count = words.next().unwrap_or_default();
    let rest: Vec<&str> = words.collect();
    (1..=3).contains(&count.len())
        && count.chars().all(|c| c.is_ascii_digit())
        && !rest.iter().any(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        })
        && weight(&rest.join(" ")) >= 2 * COUNT_HEADLINE_WORDS - 2
}

/// Most words (see [`weight`]) and characters of a headline that reads as prose.
const WORDY_WORDS: usize = 35;
const WORDY_CHARS: usize = 250;

/// A headline that reads as prose, too long for a section's heading or two sentences, but ends
/// as no sentence does (a subtitle or a teaser ends with a full stop or trails off) and is no
/// paragraph.
pub fn is_wordy_headline(text: &str) -> bool {
    let (shape, why) = shape_and_reason(text);
    shape == Shape::Prose
        && matches!(why, Some("too long" | "two sentences"))
        && !ends_like_sentence(text)
        && !trails_off(text)
        && weight(text) <= 2 * WORDY_WORDS
        && text.chars().nth(WORDY_CHARS).is_none()
}

/// A line its date makes a byline ("November 18, 2019", "Opening Bell 11.18.19", "2019年11月20日
/// 08:00"), no headline that names a date in passing: weighed as a title all the same, against
/// its date, since a short headline may carry one.
pub fn is_dateline(text: &str) -> bool {
    byline_sign(text) == Some(Sign::Date) && !is_dated_headline(text)
}

/// A line that ends with an exclamation mark.
pub fn is_cry(text: &str) -> bool {
    text.trim_end().ends_with(['!', '！'])
}

/// The words of `text` a headline and its body share: words of five letters or more in lower
/// case, and pairs of neighbouring CJK characters (CJK words are not spaced).
pub fn lead_words(text: &str) -> HashSet<String> {
    let mut words = HashSet::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = token.chars().collect();
        let plain: String = chars.iter().filter(|c| !is_cjk(**c)).collect();
        if plain.chars().count() >= LEAD_WORD_CHARS {
            words.insert(case::lowercase(&plain));
        }
        for pair in chars.windows(2).filter(|p| is_cjk(p[0]) && is_cjk(p[1])) {
            words.insert(pair.iter().collect());
        }
    }
    words
}

/// How many of `text`'s words stand in `lead` (up to [`LEAD_WORDS`]).
pub fn shared_words(text: &str, lead: &HashSet<String>) -> i32 {
    let shared = lead_words(text).intersection(lead).count();
    i32::try_from(shared).map_or(LEAD_WORDS, |n| n.min(LEAD_WORDS))
}

/// Fewest words of its own (see [`own_words`]) of a dated line that may be a headline.
const DATED_HEADLINE_WORDS: usize = 2;

/// Whether the piece right under `i` (before `end`) is a byline by its words, not by a date
/// alone ("By Jane Doe", "Tom Krisher, AP Auto Writer").
fn signed_below(i: usize, pieces: &[Piece], end: usize) -> bool {
    below(i, pieces, end)
        .next()
        .and_then(|p| byline_sign(p.text().trim()))
        .is_some_and(|sign| sign != Sign::Date)
}

/// Whether one of the few pieces under `i` or under its subtitle (before `end`) is a byline or
/// a dateline, with no other headline between them (a subtitle, longer than the line, may
/// stand there).
pub fn byline_below(i: usize, pieces: &[Piece], end: usize) -> bool {
    first_byline_below(i, pieces, end)
        || over_dek(i, pieces) && first_byline_below(i + 1, pieces, end)
}

/// [`byline_below`] of `i` itself.
fn first_byline_below(i: usize, pieces: &[Piece], end: usize) -> bool {
    let own = weight(pieces[i].text());
    for (j, piece) in (i + 1..).zip(below(i, pieces, end)) {
        let text = piece.text().trim();
        if is_byline(text) {
            // A line of a few words and a date over a byline of its own is a headline
            // ("Opening Bell 11.18.19" over "By Jonathan Garber"), not this line's dateline;
            // a date alone over a byline is ("November 18, 2019" over "By Jane Doe").
            return !(is_dateline(text)
                && own_words(text) >= DATED_HEADLINE_WORDS
                && signed_below(j, pieces, end));
        }
        let headline = matches!(piece, Piece::Text(_))
            && matches!(shape(text), Shape::Short | Shape::Capitals)
            && !is_credit(text);
        if headline && weight(text) <= own {
            return false;
        }
    }
    false
}

/// Whether the line under `i` (past a counter or a word or two: "New, 15 comments", "Share")
/// is a line of text not much shorter than `i`, no byline or credit: its subtitle (dek) or
/// standfirst, or the body's opening. A word or two is a section's label, not a headline.
pub fn over_dek(i: usize, pieces: &[Piece]) -> bool {
    let own = pieces[i].text();
    let next = pieces
        .iter()
        .skip(i + 1)
        .take(COUNTERS + 1)
        .find(|p| !is_counter(p.text().trim()));
    !is_terse(own)
        && next.is_some_and(|next| {
            let text = next.text().trim();
            matches!(next, Piece::Text(_))
                && matches!(shape(text), Shape::Short | Shape::Capitals | Shape::Prose)
                && !is_byline(text)
                && !is_credit(text)
                && weight(text) * 2 >= weight(own)
        })
}

/// Most counters looked past under a headline.
const COUNTERS: usize = 2;
/// Heaviest line (see [`weight`]) with a number that is a counter.
const COUNTER_WEIGHT: usize = 6;

/// A word or two, or a short line with a number: a counter ("New, 15 comments", "438.3K") or
/// a label ("Share").
pub fn is_counter(text: &str) -> bool {
    is_terse(text) || weight(text) <= COUNTER_WEIGHT && text.chars().any(|c| c.is_ascii_digit())
}

/// Whether the piece right under `i` is a picture's credit.
pub fn credit_below(i: usize, pieces: &[Piece], end: usize) -> bool {
    below(i, pieces, end)
        .next()
        .is_some_and(|p| is_credit(p.text().trim()))
}

/// The pieces under `i`, a few at most, none from `end` on.
fn below(i: usize, pieces: &[Piece], end: usize) -> impl Iterator<Item = &Piece> {
    let end = end.min(pieces.len());
    pieces[(i + 1).min(end)..end].iter().take(BELOW)
}

/// Whether `i` stands in a run of three or more entries of a menu (list items, or lines of a
/// word or two that are no dateline), with an entry on either side.
pub fn in_menu(i: usize, pieces: &[Piece]) -> bool {
    let entry = |j: Option<usize>| {
        j.and_then(|j| pieces.get(j)).is_some_and(|p| match p {
            Piece::Fixed(b) => matches!(b.kind, BlockKind::ListItem { .. }),
            Piece::Text(t) => is_terse(&t.text) && !is_byline(&t.text),
        })
    };
    let (before, after) = (i.checked_sub(1), Some(i + 1));
    entry(before) && entry(after) && (entry(i.checked_sub(2)) || entry(Some(i + 2)))
}

#[cfg(test)]
mod tests {
    use super::super::super::pieces::pieces;
    use super::*;

    #[test]
    fn the_table_lists_every_feature_in_order() {
        for (i, (feature, _, _)) in TABLE.iter().enumerate() {
            assert_eq!(*feature as usize, i, "{feature:?}");
        }
        assert_eq!(Feature::BylineBelow.name(), "byline below");
        assert!(Feature::Repeated.weight() < 0 && Feature::LeadWords.weight() > 0);
    }

    #[test]
    fn a_dateline_is_a_date_in_a_line_of_few_words() {
        for line in [
            "November 18, 2019",
            "Opening Bell 11.18.19",
            "Wednesday 20 November 2019 9:22 am",
            "2019年11月20日 08:00",
            "24 сентября 2018",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in [
            "By Jane Doe",
            "Updated 3 hours ago",
            "Trump may pardon 2 turkeys at the White House this year",
            "Home Depot sales miss, shares plunge",
            "深圳的开源社区",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn a_headline_may_open_with_a_count() {
        for line in [
            "15 Places to Eat in Lisbon This Winter",
            "5 个让你更专注的习惯和方法",
            "7 Dinge, die man in Berlin tun sollte",
            "10 советов для тех, кто начинает бегать",
        ] {
            assert!(is_count_headline(line), "{line}");
        }
        for line in [
            "1. Entertainment",
            "40 Casey Mears 1 0 0 0 0",
            "3 Comments",
            "2019 was a year of change for the city",
            "4.2 Configuring the Network Interfaces",
        ] {
            assert!(!is_count_headline(line), "{line}");
        }
    }

    #[test]
    fn a_headline_may_read_as_prose_but_ends_as_no_sentence() {
        for line in [
            "Meth. We're On It: South Dakota's New Campaign Against the Drug Is Drawing Laughs and Questions",
            "The City Council Voted Tuesday Night to Close the Old Harbour Bridge to Cars for Good, and Some Shop Owners Say They Will Sue",
            "Die Stadt schließt die alte Hafenbrücke für Autos. Händler wollen dagegen klagen",
        ] {
            assert!(is_wordy_headline(line), "{line}");
        }
        for line in [
            // A subtitle or a teaser ends as a sentence, or trails off.
            "The home-improvement retailer earned $2.8 billion in the third quarter, short of what analysts had expected.",
            "T-Swift is beefing with The Carlyle Group and the whole internet has an opinion about it ...",
            "在程序源代码目录下有一个叫做 debian 的新的子目录。这个目录中存放着许多文件，我们将要修改这些文件来定制软件包行为。其中最重要的文件当属 control, changelog, copyright, 以及 rules, 所有的软件包都必须有这几个文件[27]",
            // A heading-like line is weighed anyway, not as prose.
            "Home Depot sales miss, shares plunge",
        ] {
            assert!(!is_wordy_headline(line), "{line}");
        }
    }

    #[test]
    fn terse_lines_are_a_word_or_two() {
        for line in [
            "Fox Business",
            "United States",
            "Новости",
            "科技",
            // A CJK run is its characters, half a word each: a three-character name is terse.
            "王小明",
            "新闻中心",
            "Actualités",
        ] {
            assert!(is_terse(line), "{line}");
        }
        for line in [
            "Chinese hunter catches bubonic plague",
            "深圳的开源社区",
            "Охотник заразился чумой",
            "Le Sénat adopte la réforme",
        ] {
            assert!(!is_terse(line), "{line}");
        }
    }

    #[test]
    fn a_lines_length_is_its_own_in_tenths_of_ten_words() {
        for (line, tenths) in [
            (
                "Chinese hunter catches bubonic plague after eating wild rabbit",
                9,
            ),
            (
                "Chinese hunter catches bubonic plague after eating a wild rabbit, officials say",
                10,
            ),
            ("深圳的开源社区在过去五年里从几十人的聚会长成大会", 10),
            ("Le Sénat adopte la réforme", 5),
            ("Fox Business", 2),
            ("科技", 1),
            ("Новости", 1),
        ] {
            assert_eq!(length(line), tenths, "{line}");
        }
    }

    #[test]
    fn question_headlines_are_heading_like_but_for_their_mark() {
        for line in [
            "Is Coffee Good for You?",
            "咖啡有益健康吗？",
            "Faut-il interdire les SUV en ville ?",
        ] {
            assert!(is_question(line), "{line}");
        }
        for line in [
            "Is Coffee Good for You",
            "Got a tip for us? Let us know",
            "他说了什么？我们不知道。",
            "Why did they do it? Nobody knows. Or do they?",
        ] {
            assert!(!is_question(line), "{line}");
        }
    }

    #[test]
    fn cries_end_with_an_exclamation_mark() {
        for line in ["Vote now!", "立即订阅！", "Abonnez-vous !"] {
            assert!(is_cry(line), "{line}");
        }
        for line in ["Vote now", "立即订阅", "Wow! A headline"] {
            assert!(!is_cry(line), "{line}");
        }
    }

    #[test]
    fn headlines_share_words_with_the_lead() {
        let cases = [
            (
                "Chinese hunter catches bubonic plague after eating wild rabbit",
                "A case of the bubonic plague was reported in China after a hunter ate a rabbit.",
                5,
            ),
            (
                "深圳开源社区的五年",
                "深圳的开源社区在过去五年里发展得很快。",
                5,
            ),
            (
                "Охотник заразился бубонной чумой",
                "В Монголии охотник заразился бубонной чумой, съев сурка.",
                4,
            ),
            (
                "Select Language",
                "A case of the bubonic plague was reported.",
                0,
            ),
            ("天气预报", "深圳的开源社区在过去五年里发展得很快。", 0),
        ];
        for (headline, lead, shared) in cases {
            assert_eq!(
                shared_words(headline, &lead_words(lead)),
                shared,
                "{headline}"
            );
        }
    }

    #[test]
    fn a_byline_or_a_date_under_a_line_is_found() {
        for dump in [
            "Chinese hunter catches bubonic plague\n\nBy Natalie Musumeci\n\nA case of the plague.",
            "深圳的开源社区\n\n2019年11月20日 08:00\n\n深圳的开源社区发展得很快。",
            "Охотник заразился чумой\n\nТекст: Венера Ерофеева·24 сентября 2018\n\nВ Монголии.",
        ] {
            let p = pieces(dump);
            assert!(byline_below(0, &p, p.len()), "{dump}");
        }
        for dump in [
            "Chinese hunter catches bubonic plague\n\nA case of the plague.\n\nBy Natalie Musumeci",
            "深圳的开源社区\n\n深圳的开源社区发展得很快。\n\n更多\n\n相关\n\n2019年11月20日 08:00",
            "Охотник заразился чумой\n\nВ Монголии охотник заразился.\n\n24 сентября 2018",
        ] {
            // The body starts at the second piece: what follows it is no headline's byline.
            assert!(!byline_below(0, &pieces(dump), 1), "{dump}");
        }
    }

    #[test]
    fn a_byline_under_another_headline_is_not_this_ones() {
        for dump in [
            "Initial public offerings: is there still a pulse for new listings in London\n\nAlibaba listing\n\nWednesday 20 November 2019 9:22 am",
            "深圳的开源社区的五年发展历程回顾\n\n开源社区\n\n2019年11月20日 08:00",
            "Le Sénat adopte la réforme des retraites après un long débat\n\nRetraites\n\n20 novembre 2019",
        ] {
            let p = pieces(dump);
            assert!(!byline_below(0, &p, p.len()), "{dump}");
        }
        // A dated headline over its own byline.
        for dump in [
            "Markets\n\nOpening Bell 11.18.19\n\nBy Jonathan Garber\n\nStocks rose.",
            "Marchés\n\nLa Bourse de Paris le 18.11.19\n\nPar Anne Roy, rédaction\n\nLes actions montent.",
            "Рынки\n\nМосковская биржа 18 ноября 2019\n\nИван Петров, корреспондент\n\nАкции растут.",
        ] {
            let p = pieces(dump);
            assert!(!byline_below(0, &p, p.len()), "{dump}");
            assert!(byline_below(1, &p, p.len()), "{dump}");
        }
        // A date alone over a byline is the line's own.
        for dump in [
            "Oil Falls as Stocks Drift\n\nNovember 18, 2019\n\nBy Jane Doe\n\nOil fell.",
            "Le pétrole recule\n\nLundi 18 novembre 2019\n\nPar Anne Roy, rédaction\n\nLe pétrole.",
        ] {
            let p = pieces(dump);
            assert!(byline_below(0, &p, p.len()), "{dump}");
        }
        let dump = "Browns player on Rudolph's role in fight\n\nOne member of the Browns' defense didn't hold back on Monday\n\nBy Jane Doe";
        let p = pieces(dump);
        assert!(byline_below(0, &p, p.len()), "{dump}");
    }

    #[test]
    fn a_line_not_much_shorter_under_a_headline_is_its_subtitle() {
        for dump in [
            "Browns player on Rudolph's role in fight\n\nOne member of the Browns' defense didn't hold back on Monday",
            "深圳的开源社区\n\n五年里从几十人的聚会长成几千人的大会\n\n正文。",
            "Le Sénat adopte la réforme\n\nLe texte, très contesté, a été voté mardi soir par une large majorité",
        ] {
            assert!(over_dek(0, &pieces(dump)), "{dump}");
        }
        for dump in [
            "Browns player on Rudolph's role in fight\n\nBy Jane Doe and John Roe of the Cleveland Desk",
            "深圳的开源社区发展得很快\n\n开源社区",
            "Le Sénat adopte la réforme des retraites après un long débat\n\nRetraites",
            "Économie\n\nLe Sénat adopte la réforme des retraites après un long débat",
        ] {
            assert!(!over_dek(0, &pieces(dump)), "{dump}");
        }
    }

    #[test]
    fn counters_and_labels_are_looked_past() {
        for line in [
            "New, 15 comments",
            "438.3K",
            "Share",
            "评论 12",
            "Комментарии 5",
        ] {
            assert!(is_counter(line), "{line}");
        }
        for line in [
            "The fourth in the 2009 reboot series of Star Trek films",
            "深圳开源社区五年发展回顾",
            "Охотник заразился чумой в 2019 году",
        ] {
            assert!(!is_counter(line), "{line}");
        }
        let dump = "Star Trek 4 eyes Noah Hawley to direct\n\nNew, 15 comments\n\nThe fourth in the reboot series";
        assert!(over_dek(0, &pieces(dump)), "{dump}");
    }

    #[test]
    fn a_credit_under_a_line_makes_it_a_caption() {
        for dump in [
            "Iphone 11 Max Pro over yellow background\n\nPhoto: Getty Images\n\nText.",
            "深圳湾的夜景\n\n图片来源：新华社\n\n正文。",
            "La tour Eiffel illuminée\n\nREUTERS\n\nTexte.",
        ] {
            let p = pieces(dump);
            assert!(credit_below(0, &p, p.len()), "{dump}");
        }
        for dump in [
            "Chinese hunter catches bubonic plague\n\nBy Natalie Musumeci\n\nText.",
            "深圳的开源社区\n\n2019年11月20日\n\n正文。",
            "La réforme adoptée\n\nLe Sénat a voté mardi.",
        ] {
            let p = pieces(dump);
            assert!(!credit_below(0, &p, p.len()), "{dump}");
        }
    }

    #[test]
    fn a_line_between_menu_entries_is_a_menu_entry() {
        for dump in [
            "• Home\n\nReal Estate\n\n• Markets\n\n• Tech",
            "新闻\n\n科技\n\n体育\n\n财经",
            "Accueil\n\nÉconomie\n\nSport\n\nCulture",
        ] {
            assert!(in_menu(1, &pieces(dump)), "{dump}");
        }
        for dump in [
            "• Copy\n\nChinese hunter catches bubonic plague\n\nBy Natalie Musumeci",
            "新闻\n\n深圳的开源社区\n\n深圳的开源社区在过去五年里发展得很快。",
            "Accueil\n\nLe Sénat adopte la réforme\n\nLe Sénat a voté mardi soir la réforme.",
            "Health\n\nA Man Developed 'Feather Duvet Lung'\n\nEd Cara\n\nMonday 6:30PM",
        ] {
            assert!(!in_menu(1, &pieces(dump)), "{dump}");
        }
    }
}
