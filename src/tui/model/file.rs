//! The open article's file, in pure terms: where the reading position goes when the file is
//! read again, and where a saved position lands in a text of another length.

use crate::article::Article;
use crate::highlights::{anchor, reanchor};

/// How many characters from the top of the screen are looked for in a reloaded text.
const TOP_QUOTE: usize = 64;

/// Where the reading position `top` of `old` lies in `new`, a new version of the same file:
/// where the text that was on top went (found the way a highlight is found again), else the
/// same fraction of the way through.
pub fn carry_position(old: &Article, top: usize, new: &Article) -> usize {
    if old.text_hash == new.text_hash {
        return top.min(new.char_len);
    }
    let end = top.saturating_add(TOP_QUOTE).min(old.char_len);
    // Text changed or added only below the quote (the whole of an article whose beginning
    // was shown, say) leaves the offset where it was.
    if new.text.starts_with(&old.text[..old.byte_of(end)]) {
        return top;
    }
    anchor::target_for(old, top..end)
        .ok()
        .and_then(|target| reanchor::place_all([&target], new).pop())
        .and_then(|placed| placed.range)
        .map_or_else(
            || same_fraction(top, old.char_len, new.char_len),
            |range| range.start,
        )
}

/// Offset `offset` of a text `from` characters long moved to the same fraction of one `to`
/// characters long.
pub fn same_fraction(offset: usize, from: usize, to: usize) -> usize {
    if from == 0 {
        return offset.min(to);
    }
    let scaled = offset as u128 * to as u128 / from as u128;
    usize::try_from(scaled).map_or(to, |o| o.min(to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::tests::article_of;

    #[test]
    fn the_text_on_top_is_followed_into_the_new_version() {
        let old = article_of(&[
            "# Title",
            "First paragraph about ferries and their timetables.",
            "Second paragraph about the lighthouse keeper's long night.",
        ]);
        let top = old.text.find("Second").unwrap();
        let top = old.text[..top].chars().count();
        // A paragraph added above moves the text down.
        let new = article_of(&[
            "# Title",
            "A new opening paragraph, written after the first reading.",
            "First paragraph about ferries and their timetables.",
            "Second paragraph about the lighthouse keeper's long night.",
        ]);
        let carried = carry_position(&old, top, &new);
        assert!(
            new.slice(carried..new.char_len)
                .starts_with("Second paragraph")
        );
        // The same text keeps its offset.
        assert_eq!(carry_position(&old, top, &old), top);
    }

    #[test]
    fn text_that_is_gone_keeps_the_same_fraction() {
        let old = article_of(&["aaaa bbbb cccc dddd", "eeee ffff gggg hhhh"]);
        let new = article_of(&["zzzz yyyy", "xxxx wwww vvvv uuuu tttt ssss rrrr qqqq"]);
        let top = old.char_len / 2;
        assert_eq!(
            carry_position(&old, top, &new),
            same_fraction(top, old.char_len, new.char_len)
        );
        // The end stays the end.
        assert_eq!(carry_position(&old, old.char_len, &new), new.char_len);
    }

    #[test]
    fn fractions_scale_and_stay_inside() {
        assert_eq!(same_fraction(50, 100, 300), 150);
        assert_eq!(same_fraction(100, 100, 7), 7);
        assert_eq!(same_fraction(5, 0, 3), 3);
        assert_eq!(same_fraction(usize::MAX, 1, usize::MAX), usize::MAX);
    }
}
