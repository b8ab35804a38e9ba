//! Where the article's body starts in a dump: the first paragraph that opens a run of prose.
//! The title is looked for just above it.

use super::super::headings::{Shape, is_lone_url};
use super::super::meta::is_byline;
use super::super::outline::{Role, is_body};
use super::super::pieces::Piece;
use super::super::reflow::is_cjk;
use crate::article::BlockKind;

/// Prose (in bytes) the body's first few pieces hold, and how many pieces that spans.
const BODY_MASS: usize = 400;
const MASS_SPAN: usize = 8;
/// A run of letters without a space this long is no word: an encoded picture or an address.
const JUNK_TOKEN_CHARS: usize = 25;

/// The piece the body starts at (the pieces' count when none opens a body): the first paragraph
/// that opens a run of prose, since stray sentences in the navigation stand alone; else the
/// first paragraph that could open one.
pub(super) fn start(pieces: &[Piece], shapes: &[Option<Shape>], roles: &[Role]) -> usize {
    let prose = |i: usize| is_body(i, pieces, shapes, roles) && !is_junk(pieces[i].text());
    let opening = |i: &usize| opens_body(*i, pieces, &prose);
    (0..pieces.len())
        .filter(opening)
        .find(|i| prose_mass(*i, pieces, &prose) >= BODY_MASS)
        .or_else(|| (0..pieces.len()).find(opening))
        .unwrap_or(pieces.len())
}

/// A paragraph that opens an article: prose of some length, not a caption-sized line or a
/// long link printed under the headline, nor one that ends no sentence (unless the next piece
/// carries the sentence on), nor a dateline run into a label ("Business News
/// November 19, 2019 / 12:21 AM"), nor a breadcrumb trail that ends with the headline
/// under it ("HomeNewsBusiness NewsAscom announces ...", then "Ascom announces ...").
fn opens_body(i: usize, pieces: &[Piece], prose: &impl Fn(usize) -> bool) -> bool {
    let Piece::Text(t) = &pieces[i] else {
        return false;
    };
    let long = t.text.chars().nth(80).is_some() || t.text.split_whitespace().nth(10).is_some();
    prose(i)
        && t.fallback == BlockKind::Paragraph
        && long
        && !is_lone_url(&t.text)
        && !is_byline(&t.text)
        && (ends_a_sentence(&t.text) || continues(pieces.get(i + 1)))
        && !pieces
            .get(i + 1)
            .is_some_and(|next| t.text.ends_with(next.text()))
}

/// Whether `next` carries on a sentence broken off above it (a paragraph broken by hand
/// into pieces): it starts with a lower-case letter.
fn continues(next: Option<&Piece>) -> bool {
    next.is_some_and(|p| p.text().trim_start().starts_with(char::is_lowercase))
}

/// Marks that end a sentence (closing quotes, brackets, emoji and the like may follow).
const SENTENCE_ENDS: [char; 12] = [
    '.', '!', '?', ';', ':', '…', '。', '！', '？', '；', '：', ',',
];

/// Whether a paragraph ends as a sentence does (a byline or a dateline does not), whatever
/// closing quote, bracket or emoji follows its last mark ("… on KLOOK! 🙂").
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| !c.is_alphanumeric() && !SENTENCE_ENDS.contains(&c))
        .ends_with(SENTENCE_ENDS)
}

/// Bytes of body prose in the pieces starting at `i`: an article's opening paragraph is
/// followed by more prose, a stray sentence in the navigation is not.
fn prose_mass(i: usize, pieces: &[Piece], prose: &impl Fn(usize) -> bool) -> usize {
    // Quotations are prose too: some articles are mostly quoted reviews.
    let kind = |j: usize| match &pieces[j] {
        Piece::Text(_) => true,
        Piece::Fixed(b) => b.kind == BlockKind::Quote,
    };
    (i..pieces.len().min(i + MASS_SPAN))
        .filter(|j| prose(*j) && kind(*j))
        .map(|j| pieces[j].text().len())
        .sum()
}

/// A line that is mostly runs of letters too long to be words (an encoded picture,
/// `[gif;base64,R0lGODlhAQAB…]`, or a web address), which a text dump prints where a page
/// had a picture or a link: no prose, however long. Chinese and Japanese words are not
/// spaced, so their characters never count.
pub(super) fn is_junk(text: &str) -> bool {
    let (mut junk, mut all) = (0, 0);
    for token in text.split_whitespace() {
        let chars = token.chars().count();
        all += chars;
        if chars >= JUNK_TOKEN_CHARS && !token.chars().any(is_cjk) {
            junk += chars;
        }
    }
    junk * 2 > all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_paragraph_ends_as_a_sentence() {
        for text in [
            "People across the nation are talking about it: South Dakota is on meth.",
            "Visitors came to watch the show and have left their reviews on KLOOK! 🙂",
            "深圳的开源社区在过去五年里发展得很快。",
            "«Мы не боимся», — сказал он.»",
            "Le Sénat a voté la réforme mardi soir, après un long débat (AFP).",
        ] {
            assert!(ends_a_sentence(text), "{text}");
        }
        for text in [
            "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader Published 10:02 AM EST",
            "记者 张三 2019年11月20日",
            "Текст: Венера Ерофеева",
            "Accueil Économie Sport Culture",
        ] {
            assert!(!ends_a_sentence(text), "{text}");
        }
    }

    #[test]
    fn encoded_pictures_and_addresses_are_junk() {
        for line in [
            "[gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==] Ed Cara",
            "https://www.example.com/news/2019/11/18/a-very-long-story-slug.html",
            "图片 data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
            "Фото: https://example.ru/upload/iblock/2f1/2f1a6c0ffee0c0ffee.jpg",
        ] {
            assert!(is_junk(line), "{line}");
        }
        for line in [
            "A UK man's innocent decision to change his bedding caused him to develop a rare condition.",
            "深圳的开源社区在过去五年里发展得很快，越来越多的公司开始把自己的代码公开出来，让更多的人参与进来。",
            "Двое пациентов с диагнозом чума госпитализированы в Пекине, сообщили власти.",
            "Die Donaudampfschifffahrtsgesellschaftskapitänsmütze ist ein langes Wort, aber dieser ganze Satz ist trotzdem nur gewöhnliche Prosa.",
        ] {
            assert!(!is_junk(line), "{line}");
        }
    }
}
