//! Lines about an article rather than of it: bylines, datelines, photo credits and captions.
//! They sit next to titles and headings in a dump and look like them, so they are ruled out.

use super::case;
use super::lexicon::{self, Class};
use super::phrase_set::PhraseSet;
use super::reflow::is_cjk;

/// News agencies and picture libraries that sign photo credits.
const AGENCIES: &[&str] = &[
    "getty images",
    "getty",
    "shutterstock",
    "istock",
    "alamy",
    "reuters",
    "associated press",
    "ap",
    "afp",
    "epa",
    "bloomberg",
    "ap photo",
    "nasa",
    // Agencies and libraries of other countries sign credits in every language.
    "dpa",
    "picture alliance",
    "imago",
    "keystone",
    "ansa",
    "efe",
    "epa-efe",
    "anp",
    "xinhua",
    "kyodo",
    "yonhap",
    "tass",
    "anadolu",
];

/// Picture libraries named in two words or more, which a photographer's name may precede
/// without a separator when a dump runs the caption's spans together ("Anthony Kwan Getty
/// Images"). A one-word agency may end a person's name ("Michael Bloomberg"), and a writer's
/// name before a news agency's is a byline ("Tom Davies Associated Press"), so neither does.
const LIBRARIES: &[&str] = &["getty images", "ap photo", "picture alliance"];

/// Most words of a byline that names the writer's role, and most characters of a CJK one.
const ROLE_BYLINE_WORDS: usize = 8;
const CJK_BYLINE_CHARS: usize = 24;

/// A writer's name and role ("Tom Krisher, AP Auto Writer", "Ana Souza, da Redação"), or a
/// CJK byline opened by its label ("记者 张三").
fn names_writer(text: &str, lower: &str, words: usize) -> bool {
    let role = words <= ROLE_BYLINE_WORDS
        && lower.rsplit_once(',').is_some_and(|(name, role)| {
            !name.trim().is_empty()
                && role
                    .split(|c: char| !case::is_alphabetic(c))
                    .any(|w| lexicon::class_phrases(Class::Role).contains(&w))
        });
    let cjk = text.chars().nth(CJK_BYLINE_CHARS).is_none()
        && lexicon::class_phrases(Class::Byline).iter().any(|l| {
            text.strip_prefix(l)
                .is_some_and(|rest| !rest.trim().is_empty())
        });
    role || cjk
}

/// A byline ("By Jane Doe", "ByReuters"), a dateline or timestamp, a reading time, a handle.
pub fn is_byline(text: &str) -> bool {
    byline_sign(text).is_some()
}

/// What marks a line as a byline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// "By Anna Lee".
    By,
    /// A writer's name and role, or a CJK byline's label ("记者 张三").
    Role,
    /// A dateline's words ("Updated", "last modified").
    Stamp,
    /// A reading time ("5 min read").
    ReadingTime,
    /// A time gone by ("3 hours ago").
    Ago,
    /// A handle ("@handle").
    Handle,
    /// A date or a clock time in a line of up to 14 words.
    Date,
}

impl Sign {
    /// The reason `folio outline --explain` gives for passing such a line over.
    pub fn reason(self) -> &'static str {
        match self {
            Sign::By => "byline (by)",
            Sign::Role => "byline (role)",
            Sign::Stamp => "byline (stamp)",
            Sign::ReadingTime => "byline (reading time)",
            Sign::Ago => "byline (ago)",
            Sign::Handle => "byline (handle)",
            Sign::Date => "byline (date)",
        }
    }
}

/// What makes `text` a byline, if anything does: its words ([`signed`]) or a date or time in a
/// line of up to 14 words.
pub fn byline_sign(text: &str) -> Option<Sign> {
    let lower = case::lowercase(text);
    // Counted as far as the tests below look.
    let words = lower.split_whitespace().take(15).count();
    signed(text, &lower, words).or_else(|| (words <= 14 && is_dated(&lower)).then_some(Sign::Date))
}

/// A byline by its words rather than by a date: "By Anna Lee", "by ANNA LEE", "ByAnna Lee"
/// (a name follows; "By the third year, …" opens a sentence), a writer's role, or words of
/// [`says_when`].
fn signed(text: &str, lower: &str, words: usize) -> Option<Sign> {
    let by = text
        .strip_prefix("By")
        .or_else(|| text.strip_prefix("by"))
        .is_some_and(|rest| {
            rest.starts_with(|c: char| c == ' ' || c.is_uppercase())
                && rest.trim_start().starts_with(|c: char| !c.is_lowercase())
        });
    if by {
        Some(Sign::By)
    } else if names_writer(text, lower, words) {
        Some(Sign::Role)
    } else {
        says_when(text, lower, words)
    }
}

/// Words that only a dateline ("Updated", "last modified"), a reading time ("5 min read"), a
/// time gone by ("3 hours ago") or a handle ("@handle") carries.
fn says_when(text: &str, lower: &str, words: usize) -> Option<Sign> {
    if lower.starts_with("updated")
        || lower.starts_with("published")
        || lower.starts_with("posted")
        || lower.contains("last modified")
        || lower.contains("last updated")
    {
        Some(Sign::Stamp)
    } else if lower.contains("min read")
        || lexicon::class_phrases(Class::ReadingTime)
            .iter()
            .any(|m| lower.starts_with(m))
    {
        Some(Sign::ReadingTime)
    } else if lower.ends_with(" ago") {
        Some(Sign::Ago)
    } else if text.contains('@') && words <= 4 {
        Some(Sign::Handle)
    } else {
        None
    }
}

/// A clock time or a date in `lower` (a line in lower case).
fn is_dated(lower: &str) -> bool {
    has_clock_time(lower) || has_date(lower)
}

/// Most words of its own (months, numbers and time zones aside) a dateline carries: a writer's
/// name, a place and the paper.
const DATELINE_WORDS: usize = 6;

/// A headline that names a date or a time in passing ("Thanksgiving Parade: where it goes on
/// November 28"): dated by [`is_byline`]'s test, no byline's words, and more words of its own
/// than a dateline holds.
pub fn is_dated_headline(text: &str) -> bool {
    let lower = case::lowercase(text);
    let words = lower.split_whitespace().take(15).count();
    let own = own_words(text);
    // A dateline may name the writers before its time: "… Argus Leader Published 10:02 AM".
    let stamped = lower
        .split(|c: char| !case::is_alphabetic(c))
        .any(|w| matches!(w, "published" | "updated" | "posted"));
    own > DATELINE_WORDS && is_dated(&lower) && !stamped && signed(text, &lower, words).is_none()
}

/// The words of `text` of its own, months, numbers and time zones aside (of three letters or
/// more, not a short word in capitals); a run of CJK characters counts a word for each two
/// of them.
pub fn own_words(text: &str) -> usize {
    text.split(|c: char| !case::is_alphabetic(c))
        .map(|w| {
            let chars = w.chars().count();
            if w.chars().any(is_cjk) {
                chars / 2
            } else {
                usize::from(
                    chars >= 3
                        && !is_month(w)
                        && !(chars <= 3 && w.chars().all(char::is_uppercase)),
                )
            }
        })
        .sum()
}

/// A photo credit or caption marker ("Photo: Getty Images", "Alex Wong | Getty Images",
/// "Michael Conroy, AP"): a mark of the lexicon's `credit` class, or an agency's name.
pub fn is_credit(text: &str) -> bool {
    let lower = case::lowercase(text);
    if lexicon::phrase_set(Class::Credit).matches(&lower) {
        return true;
    }
    if is_slash_credit(text) || is_bracketed_source(text) {
        return true;
    }
    // What is left takes a segment that is an agency's name, so the name is in the text.
    static AGENCY: PhraseSet = PhraseSet::anywhere(AGENCIES);
    if !AGENCY.matches(&lower) {
        return false;
    }
    let segments: Vec<&str> = lower
        .split(['|', ',', '/', '(', '[', '·'])
        .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let agency = |s: &str| AGENCIES.contains(&s.strip_suffix(" file").unwrap_or(s));
    match segments.as_slice() {
        [only] => only.split_whitespace().count() <= 2 && agency(only) || signs_for_library(only),
        [.., last] => agency(last) || segments[1..].iter().any(|s| agency(s)) && segments.len() > 2,
        [] => false,
    }
}

/// Longest photographer's name, in words, before a library's name.
const PHOTOGRAPHER_WORDS: usize = 3;

/// "anthony kwan getty images": a name of one to three words, then a picture library's name of
/// two words or more, nothing else (lower-cased text).
fn signs_for_library(lower: &str) -> bool {
    LIBRARIES.iter().any(|library| {
        lower.strip_suffix(library).is_some_and(|name| {
            let words = name.split_whitespace().count();
            name.ends_with(' ') && (1..=PHOTOGRAPHER_WORDS).contains(&words)
        })
    })
}

/// "Jason Cipriani/ZDNet", "Ann Lee/The Times": a photographer's name of two or three
/// capitalised words, a slash without spaces, and the outlet (up to four words), nothing else.
fn is_slash_credit(text: &str) -> bool {
    let Some((name, outlet)) = text.trim().split_once('/') else {
        return false;
    };
    !name.ends_with(' ')
        && !outlet.starts_with(' ')
        && name.split_whitespace().count() >= 2
        && capitalised(name, 3)
        && capitalised(outlet, 4)
}

/// One to `max` words, each opening with a capital: a name in a credit.
pub fn capitalised(words: &str, max: usize) -> bool {
    let n = words.split_whitespace().count();
    (1..=max).contains(&n)
        && words
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// "(Walt Disney Co.)", "[CNET]", "(Getty Images)": a short capitalised name alone in brackets.
fn is_bracketed_source(text: &str) -> bool {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
    inner.is_some_and(|inner| {
        let words = inner.split_whitespace().count();
        (1..=4).contains(&words)
            && inner.starts_with(char::is_uppercase)
            && !inner.contains(['(', ')', '[', ']'])
    })
}

/// `5:30`, `11:03 PM`.
fn has_clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

/// `18 Nov 2019`, `November 18, 2019`, `24 сентября 2018`, `2019-11-18`, `11/19/2019`,
/// `2019年11月18日`.
fn has_date(text: &str) -> bool {
    let numeric = text
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.')))
        .any(|w| {
            // Three parts take two separators; most words have none (no list to make).
            if w.bytes()
                .filter(|b| matches!(b, b'/' | b'-' | b'.'))
                .count()
                != 2
            {
                return false;
            }
            let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
            let long_parts = parts.iter().filter(|p| p.len() >= 2).count();
            parts.len() == 3
                && (long_parts >= 2 || parts.iter().any(|p| p.len() == 4))
                && parts
                    .iter()
                    .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        });
    month_by_number(text) || numeric || has_cjk_date(text)
}

/// Short words that may stand between a month and its day or year ("18 de noviembre de 2019",
/// "the 18th of November").
const DATE_LINKS: &[&str] = &["de", "del", "of", "the"];

/// A month's name next to a day or a year ("Nov. 19", "18th November", "noviembre de 2019"),
/// not a month's name somewhere in a line that holds a number ("Trump may pardon 2 turkeys").
fn month_by_number(text: &str) -> bool {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_digit() || case::is_alphabetic(c)))
        .filter(|w| !w.is_empty() && !DATE_LINKS.contains(w))
        .collect();
    let is_day_or_year = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        // A day may carry its ordinal's ending ("18th", "1er").
        matches!(digits, 1 | 2 | 4)
            && w[digits..].bytes().all(|b| b.is_ascii_alphabetic())
            && w.len() - digits <= 2
    };
    words.iter().enumerate().any(|(i, w)| {
        w.chars().nth(2).is_some()
            && is_month(w)
            && (i > 0 && is_day_or_year(words[i - 1])
                || words.get(i + 1).is_some_and(|n| is_day_or_year(n)))
    })
}

/// `11月18日`, `2019年11月`: a number of days or years around a number of the month.
fn has_cjk_date(text: &str) -> bool {
    if !text.contains('月') {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        *c == '月'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && (chars.get(i + 1).is_some_and(char::is_ascii_digit)
                || (i >= 2
                    && chars[..i - 1].iter().rev().find(|c| !c.is_ascii_digit()) == Some(&'年')))
    })
}

/// Month names and their usual abbreviations, lower case, in the languages news pages are
/// most often written in: English abbreviations and names, then German, Spanish, Portuguese,
/// French, Italian, Dutch and Indonesian names. Words that are also common words or names in
/// one of them ("Mars", "mai", "mei", "mayo") are left out.
#[rustfmt::skip]
const MONTH_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
    "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
    "enero", "febrero", "marzo", "abril", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre",
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro",
    "dezembro",
    "janvier", "février", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre",
    "januari", "februari", "maart", "augustus",
    "maret", "agustus", "desember",
];

/// Russian month names in the nominative and the genitive ("сентябрь", "24 сентября") and the
/// prepositional ("в сентябре").
#[rustfmt::skip]
const RUSSIAN_MONTHS: &[&str] = &[
    "январь", "января", "январе", "февраль", "февраля", "феврале", "март", "марта", "марте",
    "апрель", "апреля", "апреле", "май", "мая", "мае", "июнь", "июня", "июне", "июль", "июля",
    "июле", "август", "августа", "августе", "сентябрь", "сентября", "сентябре", "октябрь",
    "октября", "октябре", "ноябрь", "ноября", "ноябре", "декабрь", "декабря", "декабре",
];

/// Characters in the longest month name of either list.
const LONGEST_MONTH: usize = {
    let (a, b) = (longest(MONTH_NAMES), longest(RUSSIAN_MONTHS));
    if a > b { a } else { b }
};

/// Characters in the longest of `words` (bytes that start a character, counted at compile
/// time).
const fn longest(words: &[&str]) -> usize {
    let mut most = 0;
    let mut i = 0;
    while i < words.len() {
        let bytes = words[i].as_bytes();
        let (mut chars, mut j) = (0, 0);
        while j < bytes.len() {
            if bytes[j] & 0xC0 != 0x80 {
                chars += 1;
            }
            j += 1;
        }
        if chars > most {
            most = chars;
        }
        i += 1;
    }
    most
}

/// Whole month names or their usual abbreviations, not words that merely start alike
/// ("market").
fn is_month(word: &str) -> bool {
    // Lower case never makes a word shorter in characters, so a longer word is no month.
    if word.chars().nth(LONGEST_MONTH).is_some() {
        return false;
    }
    let word = case::lowercase(word);
    MONTH_NAMES.contains(&word.as_str()) || RUSSIAN_MONTHS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_datelines() {
        for line in [
            "By Jane Doe",
            "by JANE DOE, CNN",
            "ByReuters",
            "19 Nov 2019 05:44 GMT",
            "Monday 5:30PM",
            "November 18, 2019",
            "Updated 3 hours ago",
            "5 Min Read",
            "Nishant Kumar@Nishantopines",
            "11/19/2019",
            "Carlos Nadalim27/09/2018Comente!",
            "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT",
            "Last updated Tuesday",
            "Текст: Венера Ерофеева·24 сентября 2018",
            "Publicado em 20 de novembro de 2019",
            "Diperbarui 21 Agustus 2019",
            "2019年11月20日 08:00",
            "发布时间：11月20日",
            "Tempo de leitura: 2 minutos",
            "Lesezeit: 3 Minuten",
            "Tom Krisher, AP Auto Writer",
            "Ana Souza, da Redação",
            "Иван Петров, корреспондент",
            "记者 张三",
            "作者：李四",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "Bye Bye Birdie",
            "By the third year, four members had become maintainers.",
            "by now the river was low",
            "March Madness Begins",
            "The Market in 2019",
            "The Last Update From Kyiv",
            "Results",
            "NASA's Mars 2020 Rover",
            "Mei 2 Festival Lineup",
            "第3月度报告",
            "Майор Петров и 3 солдата",
            "Mayo Clinic 2019 Report",
            "Writers, Editors and the Machines That Replace Them",
            "How to hire a writer, and keep one",
            "记者节的由来和意义是什么，为什么每年都要庆祝这个节日",
            "编辑",
            "Корреспондент",
        ] {
            assert!(!is_byline(line), "{line}");
        }
    }

    #[test]
    fn a_byline_names_the_sign_that_made_it_one() {
        for (line, sign) in [
            ("By Jane Doe", Sign::By),
            ("ByReuters", Sign::By),
            ("Tom Krisher, AP Auto Writer", Sign::Role),
            ("记者 张三", Sign::Role),
            ("Updated Tuesday", Sign::Stamp),
            ("Last modified on Monday", Sign::Stamp),
            ("5 Min Read", Sign::ReadingTime),
            ("Lesezeit: 3 Minuten", Sign::ReadingTime),
            ("3 hours ago", Sign::Ago),
            ("Nishant Kumar@Nishantopines", Sign::Handle),
            ("19 Nov 2019 05:44 GMT", Sign::Date),
            ("2019年11月20日 08:00", Sign::Date),
            ("Текст: Венера Ерофеева·24 сентября 2018", Sign::Date),
        ] {
            assert_eq!(byline_sign(line), Some(sign), "{line}");
        }
        assert_eq!(byline_sign("Bye Bye Birdie"), None);
        assert_eq!(Sign::Ago.reason(), "byline (ago)");
    }

    #[test]
    fn a_month_names_a_date_next_to_its_day_or_year() {
        for line in [
            "Nov. 19",
            "18th November",
            "23 de agosto de 2018",
            "the 1st of May",
            "24 сентября",
            "Dezember 2019",
        ] {
            assert!(month_by_number(&case::lowercase(line)), "{line}");
        }
        for line in [
            "Trump may pardon 2 turkeys",
            "November sales rose 4 percent",
            "Mars 2020",
            "May 123 votes",
        ] {
            assert!(!month_by_number(&case::lowercase(line)), "{line}");
        }
    }

    #[test]
    fn headlines_that_name_a_date_in_passing() {
        for line in [
            "Thanksgiving Parade: Where It Goes on November 28 and When to Watch",
            "Opening Bell: Stocks Slip as Trade Talks Stall, Nov. 19, 2019",
            "2019年11月20日，深圳的开源社区举办了第一次年度大会",
        ] {
            assert!(is_byline(line) && is_dated_headline(line), "{line}");
        }
        // A month's name away from any day or year names no date at all.
        for line in [
            "Black Friday 2019: The Best Deals Still Going in November",
            "Trump may pardon 2 turkeys",
            "March on: 3 reasons the rally goes on",
        ] {
            assert_eq!(byline_sign(line), None, "{line}");
        }
        for line in [
            "November 18, 2019",
            "19 Nov 2019 05:44 GMT",
            "Published 10:02 AM EST Nov 19, 2019",
            "Jane Doe, Staff Writer, November 18, 2019",
            "Lisa Kaczke Sioux Falls Argus Leader 10:02 AM EST",
            "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader Published 10:02 AM EST Nov 19, 2019",
            "Black Friday Deals You Can Still Get",
        ] {
            assert!(!is_dated_headline(line), "{line}");
        }
    }

    #[test]
    fn credits_and_captions() {
        for line in [
            "Photo: Getty Images",
            "Alex Wong | Getty Images",
            "Michael Conroy, AP",
            "Sanjeev Verma/Hindustan Times/Getty Images",
            "The house where he was born.Leonhard Foeger / Reuters file",
            "REUTERS",
            "Image caption Taylor Swift's seventh album",
            "The protests kicked off in June (Image: GETTY )",
            "Jason Cipriani/ZDNet",
            "Ann Lee/The New York Times",
            "(Walt Disney Co.)",
            "[CNET]",
            "Anthony Kwan Getty Images",
            "Foto: dpa",
            "Bildquelle: picture alliance / dpa",
            "Photo : AFP",
            "Crédit photo Jean Dupont",
            "Foto: EFE",
            "照片：新华社",
            "写真：共同通信",
            "사진=연합뉴스",
            "Xinhua",
            "EPA-EFE",
            "Kin Cheung, AP Photo",
        ] {
            assert!(is_credit(line), "{line}");
        }
        for line in [
            "Map of the Reuters Building",
            "Apple's 16-inch MacBook Pro",
            "Conclusion",
            "Input/Output",
            "Rock/Pop Music",
            "How We Rated the Mac/PC Divide",
            "Jason Cipriani / the old way",
            "(We never did settle on one, unlike our 565 towns.)",
            "(see below)",
            "[1]",
            "Michael Bloomberg",
            "Why Getty Images Matter",
            "The Associated Press at Work Today",
            "Fotografie im Wandel",
            "Die Bildsprache der Reportage",
            "Фотография как искусство",
            "Tom Davies Associated Press",
            "新华社的历史",
            "Le crédit immobilier",
        ] {
            assert!(!is_credit(line), "{line}");
        }
    }
}
