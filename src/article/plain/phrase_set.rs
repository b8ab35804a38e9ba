//! A fixed list of phrases looked for in one pass over a text, where testing them one by one
//! (`list.iter().any(|p| text.contains(p))`) makes a pass per phrase: the parser asks this of
//! every piece of a dump.

use std::sync::OnceLock;

use regex::Regex;

/// Where in the text a phrase must stand.
#[derive(Clone, Copy)]
pub enum Place {
    Anywhere,
    Start,
    Whole,
}

/// A list of phrases, compiled into one automaton when first used.
pub struct PhraseSet {
    list: &'static [&'static str],
    place: Place,
    regex: OnceLock<Option<Regex>>,
}

impl PhraseSet {
    /// Phrases found anywhere in a text (`text.contains(p)` for some `p`).
    pub const fn anywhere(list: &'static [&'static str]) -> Self {
        PhraseSet::new(list, Place::Anywhere)
    }

    /// Phrases that stand in a text where `place` says: anywhere (`text.contains(p)` for some
    /// `p`), at its start (`text.starts_with(p)`) or as the whole text (`text == p`).
    pub const fn new(list: &'static [&'static str], place: Place) -> Self {
        PhraseSet {
            list,
            place,
            regex: OnceLock::new(),
        }
    }

    /// Whether one of the phrases stands in `text` where the set asks.
    pub fn matches(&self, text: &str) -> bool {
        match self.regex.get_or_init(|| self.compile()) {
            Some(regex) => regex.is_match(text),
            // Not expected (the phrases are escaped), but never wrong: one pass each.
            None => self.list.iter().any(|p| match self.place {
                Place::Anywhere => text.contains(p),
                Place::Start => text.starts_with(p),
                Place::Whole => text == *p,
            }),
        }
    }

    fn compile(&self) -> Option<Regex> {
        let alternatives: Vec<String> = self.list.iter().map(|p| regex::escape(p)).collect();
        let alternatives = alternatives.join("|");
        let pattern = match self.place {
            Place::Anywhere => format!("(?:{alternatives})"),
            Place::Start => format!(r"\A(?:{alternatives})"),
            Place::Whole => format!(r"\A(?:{alternatives})\z"),
        };
        Regex::new(&pattern).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["read more", "a.b", "阅读", "(c) 2", "x|y"];

    #[test]
    fn each_place_answers_as_the_one_by_one_test_does() {
        let (anywhere, start, whole) = (
            PhraseSet::anywhere(LIST),
            PhraseSet::new(LIST, Place::Start),
            PhraseSet::new(LIST, Place::Whole),
        );
        for text in [
            "",
            "read more",
            "read more below",
            "please read more",
            "axb",
            "a.b",
            "x",
            "x|y",
            "(c) 2024",
            "copyright (c) 2024",
            "阅读全文",
            "继续阅读",
            "read\nmore",
        ] {
            assert_eq!(
                anywhere.matches(text),
                LIST.iter().any(|p| text.contains(p)),
                "{text}"
            );
            assert_eq!(
                start.matches(text),
                LIST.iter().any(|p| text.starts_with(p)),
                "{text}"
            );
            assert_eq!(whole.matches(text), LIST.contains(&text), "{text}");
        }
    }
}
