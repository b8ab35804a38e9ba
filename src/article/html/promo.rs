//! Lines that speak to the reader instead of telling the story: calls to subscribe, sign up,
//! follow or share ("Get the latest updates right in your inbox. Subscribe to our
//! newsletters."), and pointers to other stories under a label ("Read more: …", "SEE MORE: …").
//! Each needs two kinds of evidence together, never one word: "Netflix signed up 5 million
//! subscribers" tells the story.

use crate::article::plain::reflow::is_cjk;

/// A call or a pointer is at most this many words long.
const MAX_WORDS: usize = 50;
/// A pointer's headline is at most this many words.
const MAX_POINTER_WORDS: usize = 25;

/// Verbs that open a call to the reader, lower case, separated by `|` (English, German,
/// French, Spanish, Portuguese, Italian, Indonesian, Russian, Chinese).
const CALL_VERBS: &str = "subscribe|sign|get|join|follow|like|share|download|click|tap|register|\
    support|donate|listen|watch|abonnieren|abonniere|folgen|folge|melden|abonnez|abonne|suivez|\
    inscrivez|suscríbete|suscribete|síguenos|siguenos|assine|siga|inscreva|iscriviti|seguici|\
    ikuti|langganan|подписывайтесь|подпишитесь|следите|关注|订阅|扫码|点击";

/// Words naming the channels a reader is sent to, lower case, separated by `|`; a trailing
/// `*` lets the word go on ("subscri*": subscribe, subscription), otherwise only a plural
/// `s` may follow ("app" is not "apple").
const CHANNELS: &str = "newsletter|inbox|subscri*|e-mail|email|twitter|facebook|instagram|\
    youtube|whatsapp|telegram|podcast|app|forum|magazine|letterbox|rss|boletín|boletim|abonn*|\
    assinante|рассылк*|подписк*|微信|公众号|微博|订阅";

/// Labels that put another story's headline after them, lower case, separated by `|`.
const POINTER_LABELS: &str = "read more|see more|read also|also read|also|related|more|\
    see also|watch|listen|read|don t miss|must read|recommended|lire aussi|à lire aussi|\
    voir aussi|leia também|leia mais|lea también|lee también|mehr zum thema|lesen sie auch|\
    auch interessant|leggi anche|baca juga|читайте также|смотрите также|相关阅读|延伸阅读|\
    推荐阅读";

fn list(words: &'static str) -> impl Iterator<Item = &'static str> {
    words.split('|').map(str::trim)
}

/// Lower-case words of a text, punctuation dropped (CJK text is one word per run).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a block calls on the reader to subscribe, follow, share or sign up: one of its
/// sentences opens with a call (or the block with a question put to the reader, "Need more
/// space?"), and it names a channel (a newsletter, an inbox, a social network). A call with no
/// channel ("Follow the money") and a channel with no call ("She shared it on Twitter") are
/// the story's.
pub fn is_call(text: &str) -> bool {
    if text.split_whitespace().count() > MAX_WORDS {
        return false;
    }
    let opens_with_call = text
        .split_inclusive(['.', '!', '?', '。', '！', '？'])
        .filter_map(|sentence| words(sentence).into_iter().next())
        .any(|w| {
            list(CALL_VERBS).any(|v| w.starts_with(v) && (is_cjk_run(&w) || w.len() <= v.len() + 1))
        });
    let names_channel = words(text)
        .iter()
        .any(|w| list(CHANNELS).any(|c| is_channel(w, c)));
    (opens_with_call || opens_with_question(text)) && names_channel
}

/// Whether `word` is the channel word `channel` (see [`CHANNELS`]).
fn is_channel(word: &str, channel: &str) -> bool {
    if is_cjk_run(word) {
        return word.contains(channel);
    }
    match channel.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == channel || word.strip_suffix('s') == Some(channel),
    }
}

/// Whether a word is a run of CJK characters, which holds several words unseparated.
fn is_cjk_run(word: &str) -> bool {
    word.chars().next().is_some_and(is_cjk)
}

/// Whether the text opens with a short question ("Have a tip?", "Like this story?").
fn opens_with_question(text: &str) -> bool {
    text.find(['?', '？'])
        .is_some_and(|at| text[..at].split_whitespace().count() <= 4)
}

/// Whether a block is a pointer to another story: a label and a colon, then a headline
/// ("Read more: Tencent profit falls", "[Related: …]", "Lire aussi : …").
pub fn is_pointer(text: &str) -> bool {
    let text = text.trim_start_matches(['[', '(', ' ']);
    let Some((label, rest)) = text.split_once([':', '：']) else {
        return false;
    };
    let label = words(label).join(" ");
    let rest = rest.split_whitespace().count() + rest.chars().filter(|c| !c.is_ascii()).count() / 4;
    (1..=MAX_POINTER_WORDS).contains(&rest) && list(POINTER_LABELS).any(|l| l == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_to_the_reader() {
        for text in [
            "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
            "Subscribe to WIRED and stay smart with more of your favorite Ideas writers.",
            "Need more space? Subscribe to our sister title \"All About Space\" Magazine.",
            "Join our Space Forums to keep talking space on the latest missions!",
            "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
            "Have a tip? Amy may be reached by email. Follow her on Twitter @AmyKup.",
            "Abonnez-vous à notre newsletter pour ne rien manquer.",
            "Abonnieren Sie unseren Newsletter.",
            "Подписывайтесь на наш канал в Telegram.",
            "关注我们的微信公众号",
        ] {
            assert!(is_call(text), "{text}");
        }
    }

    #[test]
    fn sentences_of_the_story_are_not_calls() {
        for text in [
            "Netflix signed up 5 million new subscribers in the quarter.",
            "Get ready for a long winter, the forecasters said.",
            "Follow the money, the senator told reporters.",
            "You can see the harbour from the town hall.",
            "She shared the photo on Twitter.",
            "Die Kommission folgte dem Antrag nicht.",
            "他点击了链接。",
            "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.",
            "A whole lot of people on Twitter pointed it out, if you haven't noticed.",
            "Register the handler with your application before the loop starts.",
            "Apple plans to release a new MacBook; get one while you can.",
        ] {
            assert!(!is_call(text), "{text}");
        }
    }

    #[test]
    fn pointers_to_other_stories() {
        for text in [
            "Read more: Tencent profit falls as Alibaba threat and economic woes weigh",
            "SEE MORE: Hong Kong protests: 800 students under siege in university",
            "[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys]",
            "Lire aussi : La grève continue",
            "Leia também: O que muda com a nova lei",
            "相关阅读：港口重新开放",
        ] {
            assert!(is_pointer(text), "{text}");
        }
        for text in [
            "Note: the harbour closes at night.",
            "Related: a word the council used twice in its report, which ran to forty pages \
             and was read by nobody at all outside the council chamber that week or later.",
            "More: than ever before",
            "Read: the statement",
        ] {
            let expected = text.starts_with("More:") || text.starts_with("Read:");
            assert_eq!(is_pointer(text), expected, "{text}");
        }
    }
}
