//! The phrases of `lexicon/` (one file per language), read at build time: caption words,
//! admonition labels, table-of-contents labels, the names of a book's divisions, the
//! openers of a comment form, the words of a byline, the openings of a sentence, the labels of
//! other stories after an article, and the wording of page furniture, picture credits and
//! reading times, each listed once for every language.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::case;
use super::phrase_set::{PhraseSet, Place};
use super::reflow::is_cjk;

/// Every language's file, with its name for messages.
const FILES: [(&str, &str); 12] = [
    ("en", include_str!("../../../lexicon/en.txt")),
    ("zh", include_str!("../../../lexicon/zh.txt")),
    ("ja", include_str!("../../../lexicon/ja.txt")),
    ("fr", include_str!("../../../lexicon/fr.txt")),
    ("ru", include_str!("../../../lexicon/ru.txt")),
    ("ar", include_str!("../../../lexicon/ar.txt")),
    ("de", include_str!("../../../lexicon/de.txt")),
    ("it", include_str!("../../../lexicon/it.txt")),
    ("pt", include_str!("../../../lexicon/pt.txt")),
    ("id", include_str!("../../../lexicon/id.txt")),
    ("es", include_str!("../../../lexicon/es.txt")),
    ("ko", include_str!("../../../lexicon/ko.txt")),
];

/// What a phrase marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Opens a caption when a number follows ("Figure 4-1:", "图 2").
    Caption,
    /// Labels a note box ("Note", "警告").
    Admonition,
    /// Labels a table of contents ("Contents", "目录").
    Contents,
    /// Names a division of a book before its number ("Chapter 3", "附录 A", "Глава 12").
    Division,
    /// Opens a comment form ("Leave a reply", "发表回复", "Lascia un commento").
    Form,
    /// Names a writer's role after the writer's name in a byline ("AP Auto Writer",
    /// "da Redação").
    Role,
    /// Opens a CJK byline before the writer's name ("记者 张三", "作者：李四").
    Byline,
    /// A subject and its verb that open a sentence, not a name ("There are", "This will",
    /// "Es gibt", "这是").
    Sentence,
    /// A whole line that labels other stories, the site's sections or a sign-up after an
    /// article ("Most popular", "Newsletters", "Weitere Beiträge", "相关文章").
    More,
    /// A whole line that stands for a picture, as text-mode browsers print a description a
    /// page left as the picture's kind ("Image", "Photo", "Screenshot", "Foto", "图片").
    Picture,
    /// A whole line that labels a widget of the page: a button, a menu, a form's field ("Share
    /// this", "Sign in", "Email", "返回顶部"), in a line of up to 300 characters.
    Widget,
    /// What opens a line of furniture whatever follows ("Tags:", "Share on", "Related post",
    /// "阅读："), in a line of up to 300 characters.
    Furniture,
    /// Furniture's wording anywhere in a line of up to 300 characters ("Your email address
    /// will not be published", "版权所有", "무단 전재").
    Boilerplate,
    /// A cookie, consent or copyright notice's wording anywhere in a piece of up to 800
    /// characters ("uses cookies", "All rights reserved", "Alle Rechte vorbehalten"); in the
    /// alphabetic languages only, as every piece of a dump is scanned for them (CJK notices are
    /// short: [`Class::Boilerplate`]).
    Notice,
    /// What opens a legal notice, however long it runs up to 800 characters ("©", "Copyright
    /// (c)").
    Legal,
    /// A word of a newsletter's sign-up box anywhere in a short paragraph, up to 200 characters
    /// ("newsletter", "abonnieren", "订阅").
    SignUp,
    /// What marks a picture's caption or credit anywhere in a line ("Photo:", "Bildquelle",
    /// "图片来源", "사진=").
    Credit,
    /// What opens a line that gives the reading time ("Reading time", "Lesezeit").
    ReadingTime,
}

/// How many classes there are.
const CLASSES: usize = 18;

impl Class {
    fn from_name(name: &str) -> Option<Class> {
        match name {
            "caption" => Some(Class::Caption),
            "admonition" => Some(Class::Admonition),
            "contents" => Some(Class::Contents),
            "division" => Some(Class::Division),
            "form" => Some(Class::Form),
            "role" => Some(Class::Role),
            "byline" => Some(Class::Byline),
            "sentence" => Some(Class::Sentence),
            "more" => Some(Class::More),
            "picture" => Some(Class::Picture),
            "widget" => Some(Class::Widget),
            "furniture" => Some(Class::Furniture),
            "boilerplate" => Some(Class::Boilerplate),
            "notice" => Some(Class::Notice),
            "legal" => Some(Class::Legal),
            "sign-up" => Some(Class::SignUp),
            "credit" => Some(Class::Credit),
            "reading-time" => Some(Class::ReadingTime),
            _ => None,
        }
    }

    /// Where a phrase of the class stands in the text it is looked for in, for the classes
    /// matched as plain phrases; the others' tests ask more than that (a number after a caption
    /// word, a label standing apart, a word after a sentence's opener), each at a line's start.
    fn place(self) -> Option<Place> {
        match self {
            Class::More | Class::Picture | Class::Widget => Some(Place::Whole),
            Class::Furniture | Class::Legal | Class::ReadingTime => Some(Place::Start),
            Class::Boilerplate | Class::Notice | Class::SignUp | Class::Credit => {
                Some(Place::Anywhere)
            }
            Class::Caption
            | Class::Admonition
            | Class::Contents
            | Class::Division
            | Class::Form
            | Class::Role
            | Class::Byline
            | Class::Sentence => None,
        }
    }
}

/// One phrase: its class and its text in lower case.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub class: Class,
    pub text: String,
}

/// Every phrase of every language, in file order.
pub fn phrases() -> &'static [Phrase] {
    static PHRASES: OnceLock<Vec<Phrase>> = OnceLock::new();
    PHRASES.get_or_init(|| FILES.iter().flat_map(|(_, f)| parse(f)).collect())
}

/// The phrases of one file; lines before the first `[class]` line or under an unknown class
/// are left out (the tests check that none are). A phrase in double quotes keeps the spaces
/// at its ends (`"follow "`).
fn parse(file: &str) -> Vec<Phrase> {
    let mut class = None;
    let mut out = Vec::new();
    for line in file.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            class = Class::from_name(name);
        } else if let (Some(class), false) = (class, line.is_empty()) {
            let phrase = line
                .strip_prefix('"')
                .and_then(|l| l.strip_suffix('"'))
                .unwrap_or(line);
            out.push(Phrase {
                class,
                text: phrase.to_lowercase(),
            });
        }
    }
    out
}

/// Whether the whole line is a phrase of `class` (an ending colon, full stop or their CJK
/// forms aside).
pub fn is_label(line: &str, class: Class) -> bool {
    let bare = line.trim().trim_end_matches([':', '：', '.', '。', ' ']);
    // Asked of most short lines: one over twice the longest phrase of the class is none of them
    // (lower case leaves no character with less than half its bytes).
    if bare.is_empty() || bare.len() > 2 * longest(class) {
        return false;
    }
    let bare = case::lowercase(bare);
    class_phrases(class).contains(&bare.as_str())
}

/// The longest phrase of `class`, in bytes.
fn longest(class: Class) -> usize {
    static LONGEST: [OnceLock<usize>; CLASSES] = [const { OnceLock::new() }; CLASSES];
    *LONGEST[class as usize].get_or_init(|| {
        class_phrases(class)
            .iter()
            .map(|p| p.len())
            .max()
            .unwrap_or(0)
    })
}

/// Whether the line is a note box's own title: an admonition label that stands apart, then the
/// box's title ("NOTE Disk sizes", "Tip: keep a mirror", "注解 安全仓库的目录排列",
/// "技巧/etc/apt/sources.list.d"). Apart means, where the script has case, the label in
/// capitals (the rest not) or followed by a colon, so "Notes on the journey" is no box; where
/// it has none, a space, a colon or another script after it, so "注意力经济" is none either.
pub fn opens_with_label(line: &str, class: Class) -> bool {
    let t = line.trim();
    let lower = case::lowercase(t);
    class_phrases(class)
        .iter()
        .filter(|p| lower.starts_with(**p))
        .any(|p| {
            let Some((at, _)) = t.char_indices().nth(p.chars().count()) else {
                return false;
            };
            let (label, rest) = t.split_at(at);
            let title = rest.trim_start_matches([' ', ':', '：']);
            let cased = label.chars().any(|c| c.is_lowercase() || c.is_uppercase());
            let apart = if rest.starts_with([':', '：']) {
                true
            } else if cased {
                let capitals = |s: &str| !s.chars().any(char::is_lowercase);
                capitals(label) && !capitals(title) && rest.starts_with([' ', '\u{a0}'])
            } else {
                rest.starts_with(|c: char| c.is_whitespace() || !is_cjk(c))
            };
            apart && title.chars().any(char::is_alphanumeric)
        })
}

/// The phrases of one class, gathered once: for tests asked of most short lines of a dump.
pub fn class_phrases(class: Class) -> &'static [&'static str] {
    static BY_CLASS: [OnceLock<Vec<&'static str>>; CLASSES] = [const { OnceLock::new() }; CLASSES];
    BY_CLASS[class as usize].get_or_init(|| {
        phrases()
            .iter()
            .filter(|p| p.class == class)
            .map(|p| p.text.as_str())
            .collect()
    })
}

/// The phrases of a class matched as plain phrases, looked for in one pass where
/// [`Class::place`] says; built once, as every piece of a dump is asked.
pub fn phrase_set(class: Class) -> &'static PhraseSet {
    static SETS: [OnceLock<PhraseSet>; CLASSES] = [const { OnceLock::new() }; CLASSES];
    SETS[class as usize].get_or_init(|| {
        let place = class.place().expect("a class matched as plain phrases");
        PhraseSet::new(class_phrases(class), place)
    })
}

/// Words that may follow a label of more stories to name where they come from ("Next up in
/// Tech", "More stories from Reuters", "Most read on the site").
const WHERE_FROM: [&str; 3] = [" in ", " from ", " on "];
/// Most words of that place.
const PLACE_WORDS: usize = 3;
/// Longest such line in bytes (most short lines of a dump are asked: longer ones are prose).
const WHERE_FROM_BYTES: usize = 80;

/// Whether `key` (a whole line in lower case, its decoration trimmed) labels other stories,
/// the site's sections or a sign-up ([`Class::More`]), alone or, a label of two words or more,
/// followed by where they come from ("next up in science & health") or with that place
/// between its first word and its last ("more blog stories", "more great wired stories").
pub fn labels_more(key: &str) -> bool {
    static MORE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let more = MORE.get_or_init(|| class_phrases(Class::More).iter().copied().collect());
    let key = key.trim_end_matches([':', '：']).trim_end();
    // Most keys are longer than any label: they are not hashed.
    key.len() <= longest(Class::More) && more.contains(key)
        || key.len() <= WHERE_FROM_BYTES
            && WHERE_FROM.iter().any(|w| {
                key.split_once(w).is_some_and(|(label, place)| {
                    // One word ("Topics", "Related") is too common a heading's opening.
                    label.contains(' ')
                        && more.contains(label)
                        && place.split_whitespace().count() <= PLACE_WORDS
                })
            })
        || key.len() <= WHERE_FROM_BYTES && {
            let words: Vec<&str> = key.split_whitespace().collect();
            match words.as_slice() {
                [first, place @ .., last] if (1..=PLACE_WORDS).contains(&place.len()) => {
                    more.contains(format!("{first} {last}").as_str())
                }
                _ => false,
            }
        }
}

/// Whether the whole line only names a picture's kind ([`Class::Picture`]: "Image", "Foto").
/// Asked of most short lines of a dump, so only the class's few phrases are compared.
pub fn names_a_picture(line: &str) -> bool {
    let words = line.trim().trim_end_matches([':', '：', '.', '。', ' ']);
    // The longest phrase of the class is a few words: longer lines are not looked up.
    words.chars().nth(PICTURE_CHARS).is_none() && {
        let key = case::lowercase(words);
        class_phrases(Class::Picture).contains(&key.as_str())
    }
}

/// Longest line, in characters, that may only name a picture's kind.
const PICTURE_CHARS: usize = 20;

/// Whether `key` (lower case) opens with a comment form's opener.
pub fn opens_form(key: &str) -> bool {
    class_phrases(Class::Form)
        .iter()
        .any(|phrase| key.starts_with(phrase))
}

/// Characters of a line's opening that a sentence's opener is looked for in (the longest
/// opener and the next character).
const OPENING_CHARS: usize = 24;

/// Whether the line opens with a sentence's subject and verb ("There are six speakers in the
/// new MacBook", "This will be Hawley's second film", "这是最好的一年"): a whole word or words,
/// or CJK characters, and then a word in lower case, as a sentence goes on; a headline in
/// title case ("This Is Why We Walk") names what follows.
pub fn opens_sentence(line: &str) -> bool {
    let line = line.trim();
    // The openers are a few words long: the line's opening is all they are compared with.
    let opening: String = line.chars().take(OPENING_CHARS).collect();
    let lower = case::lowercase(&opening).replace('’', "'");
    class_phrases(Class::Sentence).iter().any(|phrase| {
        lower.strip_prefix(phrase).is_some_and(|rest| {
            let cjk = phrase.chars().last().is_some_and(is_cjk);
            // The words after the opener, as the line writes them.
            let next = line
                .chars()
                .skip(phrase.chars().count())
                .find(|c| !c.is_whitespace());
            (rest.starts_with(' ') || cjk && !rest.is_empty())
                && !next.is_some_and(char::is_uppercase)
        })
    })
}

/// Whether the line opens with a caption word and its number: "Figure 4-1: …", "Listing 8-2",
/// "Table 3.", "图 2", "表 4.3. …", "Рис. 5".
pub fn is_caption(line: &str) -> bool {
    let lower = case::lowercase(line.trim());
    class_phrases(Class::Caption)
        .iter()
        .filter_map(|p| lower.strip_prefix(*p))
        .any(|rest| {
            let rest = rest.trim_start();
            let number: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '–'))
                .collect();
            number.starts_with(|c: char| c.is_ascii_digit())
                && rest[number.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '：' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_every_file_belongs_to_a_known_class() {
        for (language, file) in FILES {
            let mut known = false;
            for line in file.lines() {
                let line = line.split('#').next().unwrap_or_default().trim();
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    known = Class::from_name(name).is_some();
                    assert!(known, "lexicon/{language}.txt: unknown class [{name}]");
                } else {
                    assert!(line.is_empty() || known, "lexicon/{language}.txt: {line:?}");
                }
            }
        }
    }

    /// Classes of furniture's wording looked for in the same pieces, each pair's first wherever
    /// its second is (see `chrome::chrome_by_key`): a notice or a legal notice in a piece of up
    /// to 800 characters, the others in one of up to 300.
    const WIDER: [(Class, Class); 8] = [
        (Class::Furniture, Class::Widget),
        (Class::Boilerplate, Class::Widget),
        (Class::Boilerplate, Class::Furniture),
        (Class::Notice, Class::Widget),
        (Class::Notice, Class::Furniture),
        (Class::Notice, Class::Boilerplate),
        (Class::Legal, Class::Widget),
        (Class::Legal, Class::Furniture),
    ];

    /// Whether every text that `b` is found in, `a` is found in as well, so that `b` adds
    /// nothing: by where each class's phrases stand ([`Class::place`]), or, for the classes
    /// with tests of their own, `a` opening `b` at a word boundary.
    fn shadows(a: &Phrase, b: &Phrase) -> bool {
        if a.class != b.class && !WIDER.contains(&(a.class, b.class)) {
            return false;
        }
        let (x, y) = (a.text.as_str(), b.text.as_str());
        match (a.class.place(), b.class.place()) {
            (Some(Place::Anywhere), _) => y.contains(x),
            (Some(Place::Start), Some(Place::Start | Place::Whole)) => y.starts_with(x),
            (Some(Place::Whole), Some(Place::Whole)) => x == y,
            (None, None) => y
                .strip_prefix(x)
                .is_some_and(|rest| rest.starts_with([' ', '-'])),
            _ => false,
        }
    }

    #[test]
    fn no_phrase_is_listed_twice_or_shadowed() {
        let all: Vec<(&str, Phrase)> = FILES
            .iter()
            .flat_map(|(language, file)| parse(file).into_iter().map(move |p| (*language, p)))
            .collect();
        for (i, (la, a)) in all.iter().enumerate() {
            for (j, (lb, b)) in all.iter().enumerate() {
                let (x, y) = (&a.text, &b.text);
                if i < j && a.class == b.class {
                    assert_ne!(x, y, "{x:?} in lexicon/{la}.txt and lexicon/{lb}.txt");
                }
                assert!(
                    i == j || !shadows(a, b),
                    "{x:?} ({:?}, lexicon/{la}.txt) shadows {y:?} ({:?}, lexicon/{lb}.txt)",
                    a.class,
                    b.class
                );
            }
        }
    }

    #[test]
    fn captions_in_several_languages_are_recognised() {
        for line in [
            "Figure 4-1: The layout",
            "Listing 8-2: Using a closure",
            "Table 3. Results",
            "图 2",
            "表 4.3. 参数",
            "Рис. 5 Схема",
            "図 1.2 構成",
            "Tableau 6.1 Paquets",
        ] {
            assert!(is_caption(line), "{line}");
        }
        for line in [
            "Figures of speech",
            "Table manners",
            "Tableau vivant",
            "表演的艺术",
            "Listing files",
            "4.1. Figure 3 and after",
        ] {
            assert!(!is_caption(line), "{line}");
        }
    }

    #[test]
    fn a_note_box_s_title_opens_with_its_label_standing_apart() {
        for line in [
            "NOTE Disk sizes and clusters",
            "CAUTION RAID is not Backup",
            "Tip: keep a local mirror",
            "ПРИМЕЧАНИЕ Почему три тома RAID-1?",
            "注解 安全仓库的目录排列",
            "技巧/etc/apt/sources.list.d/*.list 文件",
            "警告：不要删除这个文件",
            "ملاحظة لماذا ثلاثة حيزات RAID-1؟",
            "REMARQUE Les disques",
        ] {
            assert!(opens_with_label(line, Class::Admonition), "{line}");
        }
        for line in [
            "Notes on the journey",
            "Note",
            "NOTE",
            "Important dates in the history of Debian",
            "WARNING SIGNS OF A FAILING DISK",
            "注意力经济",
            "提示词工程",
            "Tipping points",
            "Совет директоров",
        ] {
            assert!(!opens_with_label(line, Class::Admonition), "{line}");
        }
    }

    #[test]
    fn a_line_may_open_with_a_sentence_s_subject_and_verb() {
        for line in [
            "There are six speakers in the new MacBook Pro",
            "This will be Hawley’s second film",
            "This has freed of the £38million move of Thibaut Courtois",
            "Es gibt keine einfache Lösung",
            "C'est la fin d'une époque",
            "这是最好的一年",
            "Это было неизбежно",
        ] {
            assert!(opens_sentence(line), "{line}");
        }
        for line in [
            "Thereafter",
            "This Week in Tech",
            "Here's what you need to know",
            "Ist das die Zukunft?",
            "这些年的变化",
            "Этот год",
            "It",
            // Headlines in title case name what follows.
            "This Is Why We Walk",
            "There Are No Easy Answers",
            "Es Gibt Keine Alternative",
        ] {
            assert!(!opens_sentence(line), "{line}");
        }
    }

    #[test]
    fn labels_of_more_stories_are_whole_lines_in_every_language() {
        for key in [
            "newsletters",
            "topics",
            "most popular",
            "related:",
            "weitere beiträge zum thema",
            "à lire aussi",
            "leia também",
            "читайте также",
            "相关文章",
            "関連記事",
            "baca juga",
        ] {
            assert!(labels_more(key), "{key}");
        }
        for key in [
            "next up in science & health",
            "more stories from reuters",
            "most read in sport",
            "weitere beiträge in politik",
            "more blog stories",
            "more great wired stories",
            "weitere spannende beiträge",
            "más últimas noticias",
            "related tags",
        ] {
            assert!(labels_more(key), "{key}");
        }
        for key in [
            "topics in algebra",
            "most popular in the history of the city's old harbour",
            "related from the start",
            "related work",
            "the most popular dog breeds of the year",
            "newsletter design that works",
            "相关文章的写法",
            "more than ten stories about the harbour",
            "more bad news for the ferry",
            "weitere beiträge über den hafen und die fähren von halvard",
            "",
        ] {
            assert!(!labels_more(key), "{key}");
        }
    }

    #[test]
    fn a_picture_is_named_by_a_whole_line_only() {
        for line in ["Image", "PHOTO", "Foto:", "图片", "画像", "صورة"] {
            assert!(names_a_picture(line), "{line}");
        }
        for line in [
            "Images of the war",
            "Photo of the day",
            "图片新闻",
            "Foto-Reportage",
            "",
        ] {
            assert!(!names_a_picture(line), "{line}");
        }
    }

    #[test]
    fn labels_match_whole_lines_only() {
        for (line, class) in [
            ("Note", Class::Admonition),
            ("WARNING:", Class::Admonition),
            ("注意", Class::Admonition),
            ("警告：", Class::Admonition),
            ("Примечание", Class::Admonition),
            ("Table of Contents", Class::Contents),
            ("目录", Class::Contents),
            ("目次", Class::Contents),
            ("Image", Class::Picture),
            ("Screenshot", Class::Picture),
            ("Foto", Class::Picture),
            ("Фото", Class::Picture),
            ("图片", Class::Picture),
            ("写真", Class::Picture),
        ] {
            assert!(is_label(line, class), "{line}");
        }
        for (line, class) in [
            ("Notes on the journey", Class::Admonition),
            ("注意力经济", Class::Admonition),
            ("Contents of the box", Class::Contents),
            ("Note", Class::Contents),
            ("Images of the war", Class::Picture),
            ("Fotografie", Class::Picture),
            ("图片新闻", Class::Picture),
        ] {
            assert!(!is_label(line, class), "{line}");
        }
    }
}
