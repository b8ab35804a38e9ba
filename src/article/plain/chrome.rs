//! Page chrome in a dump: site furniture, chatbot preambles, counters and comment forms.

use super::case;
use super::lexicon::{self, Class};

/// Longest paragraph that its sign-up words (the lexicon's `sign-up` class) make furniture, in
/// characters (a CJK character counting as one).
const SIGN_UP_CHARS: usize = 200;

/// Longest cookie or legal notice (the lexicon's `notice` and `legal` classes): such notices at
/// a page's foot run longer than other furniture, and longer than a paragraph of prose (without
/// this, a footer's notice outweighs the menus above it).
const MAX_NOTICE_CHARS: usize = 800;

/// Longest line that opens a comment form (its opener, the form's title after it: "Lascia un
/// commento Annulla risposta"); the opening phrases are the lexicon's `form` class, and the
/// short lines after the opener are the form's fields and buttons.
const FORM_OPENER_CHARS: usize = 39;

/// Longest text still judged by the lexicon's `widget`, `furniture` and `boilerplate` classes;
/// longer text is article prose.
const MAX_CHROME_CHARS: usize = 300;

/// Longest chatbot preamble.
const MAX_PREAMBLE_CHARS: usize = 600;

/// What the wording of one piece says of it, read from its key once.
pub struct Wording {
    /// Page chrome, by the piece's words: the name of the test that says so (a lexicon class,
    /// "more" for a label of other stories, "counter" for a view or share counter).
    pub chrome: Option<&'static str>,
    /// The piece opens a comment form ("Leave a reply", "发表回复").
    pub opens_form: bool,
    /// [`is_preamble`] of the piece as it stands.
    pub preamble: bool,
    /// A short paragraph of a newsletter's sign-up box (see [`sign_up_by_key`]).
    pub sign_up: bool,
}

/// The four tests of [`Wording`] on `text` and on `bare`, `text` without the bullets and
/// spaces before it (which [`key`] trims anyway, so both have one key).
pub fn wording(text: &str, bare: &str) -> Wording {
    // Longer than that, none of the four looks at the words (so counting stops there).
    let chars = |t: &str| chars_up_to(t, MAX_NOTICE_CHARS + 1);
    let bare_chars = chars(bare);
    if bare_chars > MAX_NOTICE_CHARS {
        return Wording {
            chrome: None,
            opens_form: false,
            preamble: false,
            sign_up: false,
        };
    }
    let text_chars = if text.len() == bare.len() {
        bare_chars
    } else {
        chars(text)
    };
    let key = key(bare);
    Wording {
        chrome: chrome_by_key(bare_chars, &key),
        opens_form: form_by_key(bare_chars, &key),
        preamble: preamble_by_key(text, text_chars, &key),
        sign_up: sign_up_by_key(text, text_chars, &key),
    }
}

/// `text.chars().take(most).count()`, without decoding the characters: text of `4 * most`
/// bytes or more has at least `most`.
fn chars_up_to(text: &str, most: usize) -> usize {
    if text.len() >= 4 * most {
        most
    } else {
        text.chars().count().min(most)
    }
}

/// A test of a piece's key, given its length in characters.
type KeyTest = fn(usize, &str) -> bool;

/// Whether a standalone piece of text of `chars` characters (at most [`MAX_NOTICE_CHARS`]),
/// whose key is `key`, is page chrome, by the name of the test that says so.
fn chrome_by_key(chars: usize, key: &str) -> Option<&'static str> {
    let legal = || {
        lexicon::class_phrases(Class::Legal)
            .iter()
            .any(|p| key.starts_with(p))
    };
    if lexicon::phrase_set(Class::Notice).matches(key) {
        return Some("notice");
    }
    if legal() {
        return Some("legal");
    }
    if chars > MAX_CHROME_CHARS || key.is_empty() {
        return None;
    }
    let tests: [(KeyTest, &str); 6] = [
        (
            |_, k| lexicon::phrase_set(Class::Widget).matches(k),
            "widget",
        ),
        (|_, k| lexicon::labels_more(k), "more"),
        (form_by_key, "form"),
        (
            |_, k| lexicon::phrase_set(Class::Furniture).matches(k),
            "furniture",
        ),
        (
            |_, k| lexicon::phrase_set(Class::Boilerplate).matches(k),
            "boilerplate",
        ),
        (|_, k| is_counter(k), "counter"),
    ];
    tests
        .iter()
        .find(|(test, _)| test(chars, key))
        .map(|(_, name)| *name)
}

/// Whether `text`, of `chars` characters and whose key is `key`, is a short paragraph of a
/// newsletter's sign-up box ("Get the day's big stories in your inbox", "Thanks for signing
/// up!", "订阅我们的邮件"): it holds one of the box's words and is no longer than
/// [`SIGN_UP_CHARS`] (an article may well name a newsletter in passing).
fn sign_up_by_key(text: &str, chars: usize, key: &str) -> bool {
    let words = lexicon::phrase_set(Class::SignUp);
    // The key holds a word wherever the text in lower case does, and also where joining its
    // spaces or straightening its apostrophes makes one ("sign  up", "s’abonner"), which the
    // text does not: the few pieces whose key holds one are asked again as they stand.
    chars <= SIGN_UP_CHARS && words.matches(key) && words.matches(&case::lowercase(text))
}

/// Whether a line of `chars` characters, whose key is `key`, opens a comment form ("Leave a
/// reply", "发表回复").
fn form_by_key(chars: usize, key: &str) -> bool {
    if chars > MAX_CHROME_CHARS {
        return false;
    }
    key.chars().nth(FORM_OPENER_CHARS).is_none() && lexicon::opens_form(key)
}

/// Whether text is a chatbot's preamble to the article it wrote ("Okay, I understand. Here's a
/// news article based on ...:", "Sure! Here is the rewritten post:").
pub fn is_preamble(text: &str) -> bool {
    let chars = text.chars().take(MAX_PREAMBLE_CHARS + 1).count();
    chars <= MAX_PREAMBLE_CHARS && preamble_by_key(text, chars, &key(text))
}

/// [`is_preamble`] of text of `chars` characters whose key is `key`.
fn preamble_by_key(text: &str, chars: usize, key: &str) -> bool {
    if chars > MAX_PREAMBLE_CHARS {
        return false;
    }
    const OPENERS: &[&str] = &[
        "okay",
        "ok,",
        "ok.",
        "sure",
        "certainly",
        "absolutely",
        "of course",
        "alright",
        "got it",
        "i understand",
        "here's",
        "here is",
        "below is",
    ];
    const OFFERS: &[&str] = &[
        "here's",
        "here is",
        "below is",
        "i've written",
        "i have written",
        "as requested",
    ];
    const WORKS: &[&str] = &[
        "article", "post", "summary", "essay", "rewrite", "version", "story", "draft", "blog",
    ];
    OPENERS.iter().any(|o| key.starts_with(o))
        && OFFERS.iter().any(|o| key.contains(o))
        && (text.trim_end().ends_with(':') || WORKS.iter().any(|w| key.contains(w)))
}

/// A link to the rest of a story ("Read more", "Continue reading"): the lines just above it
/// are a teaser for another article.
pub fn is_read_more(text: &str) -> bool {
    matches!(
        key(text).as_str(),
        "read more" | "continue reading" | "read the full story" | "阅读更多" | "阅读全文"
    )
}

/// A line with a "Read more" link glued to its end: a teaser's headline.
pub fn ends_with_read_more(text: &str) -> bool {
    let key = key(text);
    ["read more", "continue reading", "阅读更多", "阅读全文"]
        .iter()
        .any(|r| key.len() > r.len() && key.ends_with(r))
}

/// Whether a piece holds a form's control as text-mode browsers print them: a text field
/// (`____________________` in lynx, `[                    ]` in w3m) or a button (`(BUTTON)`).
/// Search boxes, comment and newsletter forms are page furniture, in every language.
pub fn has_form_control(text: &str) -> bool {
    // Every piece is asked, so one fast pass finds where a control could start.
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'_', b'[', b'(', bytes).any(|at| {
        let rest = &bytes[at..];
        rest.starts_with(b"__________")
            || rest.starts_with(b"[          ")
            || rest.starts_with(b"(BUTTON)")
    })
}

/// View, comment and share counters: "Views: 0", "12 comments", "阅读 1024".
fn is_counter(key: &str) -> bool {
    const NOUNS: &[&str] = &[
        "views", "view", "comments", "comment", "shares", "likes", "reads", "阅读", "浏览", "评论",
        "点赞",
    ];
    let is_separator = |c: char| c.is_whitespace() || c == ':' || c == '：';
    let is_number_char = |c: char| c.is_ascii_digit() || c == ',' || c == '.';
    // The first word is a number or a noun: most keys are told by their opening, without a
    // look at the rest.
    let opening = key.trim_start_matches(is_separator);
    if !opening.starts_with(is_number_char) && !NOUNS.iter().any(|n| opening.starts_with(n)) {
        return false;
    }
    // One of the two words is a number: no digit, comma or full stop, no counter.
    if !key
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return false;
    }
    let mut words = key.split(is_separator).filter(|w| !w.is_empty());
    let is_number = |w: &str| w.chars().all(is_number_char);
    // Exactly two words.
    match (words.next(), words.next(), words.next()) {
        (Some(a), Some(b), None) => {
            (is_number(a) && NOUNS.contains(&b)) || (NOUNS.contains(&a) && is_number(b))
        }
        _ => false,
    }
}

/// Lower-case text without the decoration around it (">>> Read more <<<", "Name *"), its
/// words joined by one space and its curly apostrophes straightened.
fn key(text: &str) -> String {
    let trimmed = undecorated(text);
    if is_own_key(trimmed) {
        trimmed.to_ascii_lowercase()
    } else {
        cased_key(trimmed)
    }
}

/// Text without the decoration around it.
fn undecorated(text: &str) -> &str {
    text.trim_matches(|c: char| {
        !(c.is_alphanumeric() || c == '©' || c == '(' || c == ')' || c == ':' || c == '：')
    })
}

/// Whether undecorated text is its own key but for ASCII case, as most text is: ASCII or
/// caseless (see [`case::is_simple`]), its words apart by one space, no curly apostrophe. One
/// pass tells, where making the key the long way takes three.
fn is_own_key(trimmed: &str) -> bool {
    let mut after_space = false;
    trimmed.chars().all(|c| {
        let fits = if c == ' ' {
            !after_space
        } else {
            !c.is_whitespace() && case::is_simple_char(c) && !matches!(c, '’' | '‘')
        };
        after_space = c == ' ';
        fits
    })
}

/// The key of any undecorated text: its words joined, lower-cased as the standard library
/// does it, its curly apostrophes straightened.
fn cased_key(trimmed: &str) -> String {
    let joined = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = case::lowercase(&joined);
    if lower.contains(['’', '‘']) {
        lower.replace(['’', '‘'], "'")
    } else {
        lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_made_in_one_pass_is_the_one_made_the_long_way() {
        for text in [
            "",
            ">>> Read More <<<",
            "  Leave  a\u{3000}Reply\t",
            "阅读 1024",
            "Don’t miss ‘this’",
            "ΟΔΟΣ ΟΔΟΣ:",
            "İstanbul’s news",
            "Ｎａｍｅ　＊",
            "Name\u{a0}*",
            "two  spaces",
        ] {
            let words: Vec<&str> = undecorated(text).split_whitespace().collect();
            let standard = words.join(" ").to_lowercase().replace(['’', '‘'], "'");
            assert_eq!(key(text), standard, "{text}");
        }
    }

    #[test]
    fn form_controls_printed_by_text_browsers_are_furniture_and_blanks_are_not() {
        for line in [
            "Nome * ______________________________",
            "E-mail * ______________________________",
            "Kirim ke Alamat Surat Elektronik ____________________ Nama Anda ____________________",
            "____________________ (BUTTON) Подписаться",
            "Гость (BUTTON) Войти или зарегистрироваться",
            "[                    ] [Go]",
            "搜索 [                    ] [搜索]",
        ] {
            assert!(has_form_control(line), "{line}");
        }
        for line in [
            "Um forte abraço, fique com Deus e até a próxima. _____",
            "The __init__ method runs first [see above].",
            "Заполните пропуск: кошка ___ на крыше.",
            "填空：我___学生。",
            "[1] A reference in brackets",
        ] {
            assert!(!has_form_control(line), "{line}");
        }
    }

    #[test]
    fn widget_lines_are_chrome() {
        for line in [
            ">>> Read more <<<",
            "Views: 0",
            "12 Comments",
            "阅读 1024",
            "Share this article",
            "Name *",
            "Email *",
            "Website",
            "Comment",
            "Leave a Reply",
            "Leave a reply Cancel reply",
            "发表回复",
            "Your email address will not be published. Required fields are marked *",
            "您的邮箱地址不会被公开。 必填项已用 * 标注",
            "© 2024 Example Media. All rights reserved.",
            "Copyright 2019 The Times",
            "Related post: Pickled Brussels Sprouts Recipe",
            "Share All sharing options for: The law behind the smog",
            "ShareClose extra sharing options",
            "We use cookies to improve your experience on our site.",
            &format!(
                "We use cookies and other tracking technologies. {} Read our Cookie Policy.",
                "To find out more or to opt out, read on. ".repeat(8)
            ),
        ] {
            assert!(wording(line, line).chrome.is_some(), "{line}");
        }
    }

    #[test]
    fn chrome_names_the_test_that_found_it() {
        for (line, why) in [
            ("Share this", "widget"),
            ("返回顶部", "widget"),
            ("Most popular", "more"),
            ("相关文章", "more"),
            ("Leave a Reply", "form"),
            ("Tags: economy, trade", "furniture"),
            ("12 comments", "counter"),
            ("阅读 1024", "counter"),
        ] {
            assert_eq!(wording(line, line).chrome, Some(why), "{line}");
        }
        assert_eq!(wording("Conclusion", "Conclusion").chrome, None);
    }

    #[test]
    fn legal_notices_at_a_page_s_foot_are_furniture_however_long() {
        let tail = |filler: &str| filler.repeat(8);
        for line in [
            format!(
                "© 2019 Condé Nast. All rights reserved. Use of this site is subject to our \
                 terms. {}",
                tail("The material on this site may not be reproduced without permission. ")
            ),
            format!(
                "Copyright © 2019 Example Media. {}",
                tail("Any copy of the material on this site needs our written consent. ")
            ),
            format!(
                "Tous droits réservés. {}",
                tail("Toute reproduction du contenu de ce site est interdite sans accord. ")
            ),
            format!(
                "Все права защищены. {}",
                tail("Любое использование материалов сайта без разрешения запрещено. ")
            ),
        ] {
            assert!(line.chars().count() > MAX_CHROME_CHARS, "{line}");
            assert!(wording(&line, &line).chrome.is_some(), "{line}");
        }
        // CJK notices are short.
        for line in [
            "本网站所有内容版权所有，未经许可不得转载。",
            "엔터미디어의 모든 기사는 저작권법의 보호를 받으며, 무단 전재 복사 배포를 금합니다.",
            "当サイトの記事・写真の無断転載を禁じます。",
        ] {
            assert!(wording(line, line).chrome.is_some(), "{line}");
        }
        for line in [
            format!(
                "Copyright law was written for printing presses. {}",
                tail("The court heard that the rules never foresaw the web, and it agreed. ")
            ),
            format!(
                "法院认为，这家网站侵犯了作者的版权。{}",
                tail("判决书说，网站在没有许可的情况下转载了全部作品，应当赔偿损失。")
            ),
            format!(
                "Le tribunal a jugé que les droits de l'auteur avaient été violés. {}",
                tail("Le site avait repris ses articles sans accord, a-t-il estimé. ")
            ),
        ] {
            assert!(wording(&line, &line).chrome.is_none(), "{line}");
        }
    }

    #[test]
    fn short_paragraphs_of_a_sign_up_box_are_sign_up_and_others_are_not() {
        for line in [
            "Get the day's big stories in your inbox every morning.",
            "Thanks for signing up!",
            "Please check the opt-in box to acknowledge that you would like to subscribe.",
            "订阅我们的每日简报，第一时间获取新闻。",
            "Подпишитесь на нашу рассылку, чтобы ничего не пропустить.",
            "Jetzt den Newsletter abonnieren und nichts verpassen.",
        ] {
            assert!(wording(line, line).sign_up, "{line}");
        }
        for line in [
            "The market fell again on Monday.",
            "这是正文的一句话，说明了问题。",
            "Рынки снова упали в понедельник.",
            // Longer than a sign-up box's sentence: an article that names a newsletter.
            &format!(
                "The newsletter business has boomed since the pandemic began. {}",
                "Writers who left their papers now earn more on their own. ".repeat(3)
            ),
        ] {
            assert!(!wording(line, line).sign_up, "{line}");
        }
    }

    #[test]
    fn article_lines_are_not_chrome() {
        for line in [
            "The Appeal of Xiaohongshu",
            "Conclusion",
            "Views on the economy differ",
            "Readers left many comments about the plan, and the editors replied.",
            "Share prices fell sharply on Monday.",
            &format!(
                "The court heard that the site uses cookies. {}",
                "More prose. ".repeat(80)
            ),
            "",
        ] {
            assert!(wording(line, line).chrome.is_none(), "{line}");
        }
    }

    #[test]
    fn chatbot_preambles_are_recognised() {
        assert!(is_preamble(
            "Okay, I understand. Here’s a news article based on the provided information, \
             adhering to the specified guidelines:"
        ));
        assert!(is_preamble("Sure! Here is the rewritten blog post:"));
        assert!(!is_preamble("Okay, so the market fell again today."));
        assert!(!is_preamble("Here is why the plan failed."));
    }

    #[test]
    fn comment_forms_open() {
        assert!(is_read_more(">>> Read more <<<"));
        assert!(!is_read_more("Read more about the plan below."));
        assert!(wording("Leave a Reply", "Leave a Reply").opens_form);
        assert!(wording("发表回复", "发表回复").opens_form);
        let sentence = "Leave a reply if you have to, the author said.";
        assert!(!wording(sentence, sentence).opens_form);
    }

    #[test]
    fn comment_forms_open_in_every_language_the_lexicon_lists() {
        for line in [
            "Lascia un commento Annulla risposta",
            "Tinggalkan Balasan",
            "Deixe um comentário",
            "Share your thoughts Cancel reply",
            "Schreibe einen Kommentar",
            "发表评论",
            "Оставить комментарий",
        ] {
            assert!(wording(line, line).opens_form, "{line}");
        }
        for line in [
            "Lascia un commento: ci fa piacere sapere che cosa ne pensate di questo articolo.",
            "Balasan",
            "评论区的规则",
            "Комментарии",
        ] {
            assert!(!wording(line, line).opens_form, "{line}");
        }
    }
}
