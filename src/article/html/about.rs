//! Lines about an article rather than of it, as news pages set them around and inside the
//! story: bylines ("By Ana Swanson"), date lines ("Updated 1:39 am EST, Nov. 20, 2019"),
//! photo credits ("Michael Conroy, AP") and captions that carry one.

use crate::article::plain::meta;

/// A line about the article this long (in words) at most: captions run to a sentence or two.
const MAX_WORDS: usize = 40;

/// Whether a block's text is a byline or a date line: short, and not a sentence of the story
/// ("The vote is on November 18, 2019." is one; "Updated at 1:23 p.m." is not).
pub fn is_byline(text: &str) -> bool {
    let trimmed = text.trim_end();
    let sentence = trimmed.ends_with(['.', '!', '?', '。', '！', '？'])
        && !trimmed.to_lowercase().ends_with(".m.");
    text.split_whitespace().count() <= MAX_WORDS && !sentence && meta::is_byline(text)
}

/// Whether a block's text is a byline, a date line or a photo credit.
pub fn is_about_line(text: &str) -> bool {
    is_byline(text) || text.split_whitespace().count() <= MAX_WORDS && meta::is_credit(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_date_lines_and_credits_are_about_the_article() {
        for line in [
            "By Stefan Becket, Kathryn Watson, Grace Segers",
            "Updated at 1:23 p.m.",
            "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
            "Текст: Венера Ерофеева·24 сентября 2018",
            "2019年11月20日 08:00",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "Michael Conroy, AP",
            "Sakib Ali/Hindustan Times/Getty Images",
        ] {
            assert!(is_about_line(line) && !is_byline(line), "{line}");
        }
    }

    #[test]
    fn sentences_of_the_story_are_not() {
        for line in [
            "The council met on November 18, 2019, and voted to reopen the harbour.",
            "By the third year, four members had become maintainers.",
            "Der Rat tagte am 18. November 2019 im Rathaus.",
            "会议于2019年11月18日召开。",
        ] {
            assert!(!is_about_line(line), "{line}");
        }
    }
}
