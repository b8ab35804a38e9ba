//! Page furniture inside the article's span, found by shape rather than by site: lists and
//! short lines of links to other stories, widget labels ("Advertisement", "Close",
//! "3 comments") and gallery counters ("Image 1 of 23").

use super::{extent, furniture, promo};
use crate::article::plain::reflow::is_cjk;
use crate::article::{BlockKind, RawBlock};

/// A block with at least this share of link text leads elsewhere.
const LINK_HEAVY: f32 = 0.5;
/// A block with this share of link text is nothing but a link: a list item of a reference list
/// says what the document is ("Debian Wiki, HelpDebian (supplement)"), a teaser does not.
const ALL_LINK: f32 = 0.9;
/// A paragraph of links this short is a teaser; a longer one is prose with references.
const MAX_TEASER_WORDS: usize = 15;
/// Widget labels are at most this many words.
const MAX_LABEL_WORDS: usize = 5;
/// Labels of page widgets that stand alone as a block inside articles, lower case, words only,
/// separated by `|` (furniture headings are labels too, see [`furniture::is_furniture_heading`]).
const LABELS: &str = "advert|advertisement|ad|close|caption|back to gallery|next|previous|\
    report|continue reading below|continue reading|story continues below|article continues \
    below|sharing is caring|share on facebook|share on twitter|email|print|copy link|\
    click to enlarge|enlarge this image|toggle caption|hide caption|play video|watch|\
    replay|listen|广告|关闭|分享|广告 关闭";

/// Marks furniture among `blocks[range]` (the article's span): headings are left to the
/// caller's rules, everything else is judged here.
pub fn mark(blocks: &mut [RawBlock], link_share: &[f32], range: std::ops::RangeInclusive<usize>) {
    for i in range {
        let block = &blocks[i];
        if matches!(block.kind, BlockKind::Heading { .. } | BlockKind::Chrome) {
            continue;
        }
        // A footnote links back to its mark and often to its source: it is the article's.
        let share = link_share.get(i).copied().unwrap_or(0.0);
        // Wholly a link, or a link under a furniture label ("Related: …", "Read more: …").
        let links_away = (share >= ALL_LINK
            || share >= LINK_HEAVY && furniture::is_furniture_heading(&block.text))
            && is_teaser_shaped(block)
            && extent::footnote_mark(&block.text).is_none();
        let speaks_to_reader = block.kind == BlockKind::Paragraph
            && (promo::is_call(&block.text) || promo::is_pointer(&block.text));
        if links_away || speaks_to_reader || is_label(&block.text) || is_counter(&block.text) {
            blocks[i].kind = BlockKind::Chrome;
        }
    }
}

/// Whether a block has the shape of a link to another story: a list item, or a line of a
/// few words (two CJK characters counting as one). A long paragraph dense with links is a manual's cross-references, and stays.
fn is_teaser_shaped(block: &RawBlock) -> bool {
    // A link that shows its address ("→ https://wiki.debian.org/…") is a reference.
    let shows_address = block.text.contains("://") || block.text.contains("www.");
    let words = block.text.split_whitespace().count()
        + block.text.chars().filter(|c| is_cjk(*c)).count() / 2;
    !shows_address
        && (matches!(block.kind, BlockKind::ListItem { .. })
            || block.kind == BlockKind::Paragraph && words <= MAX_TEASER_WORDS)
}

/// Whether a short block is a widget's label ("Advertisement", "Share this", "1 comment").
fn is_label(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS {
        return false;
    }
    let joined = words.join(" ");
    // A counter glued to its label ("0shares", "3 comments").
    let uncounted = joined.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    LABELS.split('|').any(|l| l.trim() == joined)
        || furniture::is_furniture_heading(text)
        || matches!(
            uncounted,
            "comment" | "comments" | "share" | "shares" | "views" | "likes"
        ) && uncounted != joined
}

/// Whether a block is a gallery's counter: "Image 1 of 23", "1 / 23", "3/10".
fn is_counter(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let numbers: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit() || c == '/'))
        .collect();
    let has_separator = words.iter().any(|w| *w == "of" || w.contains('/'));
    !words.is_empty()
        && words.len() <= 4
        && has_separator
        && numbers
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && words
            .iter()
            .all(|w| numbers.contains(&w) || *w == "of" || w.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(texts: &[(&str, f32)]) -> Vec<bool> {
        let mut blocks: Vec<RawBlock> = texts
            .iter()
            .map(|(t, _)| RawBlock::new(BlockKind::Paragraph, *t))
            .collect();
        let shares: Vec<f32> = texts.iter().map(|(_, s)| *s).collect();
        let last = blocks.len() - 1;
        mark(&mut blocks, &shares, 0..=last);
        blocks.iter().map(|b| b.kind == BlockKind::Chrome).collect()
    }

    #[test]
    fn widget_labels_and_counters_are_furniture() {
        for text in [
            "Advertisement",
            "ADVERTISEMENT",
            "Close",
            "Back to Gallery",
            "Image 1 of 23",
            "1 / 23",
            "3/10",
            "1 comment",
            "0shares",
            "Share this",
            "广告",
        ] {
            assert_eq!(marked(&[(text, 0.0)]), [true], "{text}");
        }
    }

    #[test]
    fn prose_numbers_and_short_sentences_are_not() {
        for text in [
            "Close to 40 people were hurt.",
            "The vote was 23 of 40.",
            "Comments",
            "He left in 2019/2020.",
            "关闭工厂的决定引起了争议。",
            "Next, the council met.",
        ] {
            let expected = text == "Comments";
            assert_eq!(marked(&[(text, 0.0)]), [expected], "{text}");
        }
    }

    #[test]
    fn blocks_of_links_are_furniture() {
        let mut blocks = vec![
            RawBlock::new(
                BlockKind::ListItem { depth: 0 },
                "• 15 Amazing Images of Stars",
            ),
            RawBlock::new(BlockKind::Paragraph, "Related: The 15 Weirdest Galaxies"),
            RawBlock::new(
                BlockKind::Paragraph,
                "The os.walk function, like os.scandir and os.listdir, returns names; see \
                 os.path for joining them and pathlib for an object-oriented way to do it.",
            ),
            RawBlock::new(BlockKind::Paragraph, "A sentence."),
        ];
        mark(&mut blocks, &[1.0, 0.8, 0.7, 0.1], 0..=3);
        let kinds: Vec<bool> = blocks.iter().map(|b| b.kind == BlockKind::Chrome).collect();
        assert_eq!(kinds, [true, true, false, false]);
    }
}
