//! Undoing a fixed-width hard wrap: which line breaks a wrapper made, and joining lines back.

use unicode_width::UnicodeWidthStr;

/// Widths of the lines a browser's "save as text" breaks prose at, estimated from the dump.
///
/// Lines that end inside a paragraph (another non-blank line follows) pile up just below the
/// wrap width; the 90th percentile of their widths ignores the odd overlong URL, and lines
/// narrower than 24 columns (menus, addresses, verse) are not wrapped prose and do not count.
/// Fewer than three wrapped lines means the text was not wrapped: every break is the author's.
pub struct WrapWidth(Option<usize>);

impl WrapWidth {
    pub fn estimate(text: &str) -> WrapWidth {
        let mut widths = Vec::new();
        let mut previous: Option<&str> = None;
        for line in text.lines() {
            let blank = line.trim().is_empty();
            if let Some(prev) = previous
                && !blank
            {
                let width = prev.trim().width();
                if width >= 24 {
                    widths.push(width);
                }
            }
            previous = (!blank).then_some(line);
        }
        if widths.len() < 3 {
            return WrapWidth(None);
        }
        let rank = (widths.len() * 9 / 10).min(widths.len() - 1);
        let (_, width, _) = widths.select_nth_unstable(rank);
        Some(*width)
            .filter(|w| *w >= 20)
            .map_or(WrapWidth(None), |w| WrapWidth(Some(w)))
    }

    /// The wrap width in columns, if the text was wrapped.
    pub fn columns(&self) -> Option<usize> {
        self.0
    }

    /// Whether the break between `line` and `next` was made by the wrapper: the next line's
    /// first word would not have fitted (with some slack for wrappers that leave room).
    pub fn is_soft_break(&self, line: &str, next: &str) -> bool {
        let Some(width) = self.0 else {
            return false;
        };
        let next = next.trim_start();
        let first_word = match next.chars().next() {
            Some(c) if is_cjk(c) => &next[..c.len_utf8()],
            _ => next.split(' ').next().unwrap_or(""),
        };
        let needed = line.trim().width() + 1 + first_word.width();
        needed + width / 8 > width
    }
}

/// Joins wrapped lines into one line: a space between two non-CJK characters, nothing where
/// either side is CJK (Chinese and Japanese put no spaces between words), nothing after a
/// hyphen, dash or slash glued to a word (where a wrapper may break inside a word).
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let (Some(last), Some(first)) = (out.chars().next_back(), line.chars().next())
            && !is_cjk(last)
            && !is_cjk(first)
            && !ends_inside_word(&out, first)
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

fn ends_inside_word(text: &str, next: char) -> bool {
    let mut rev = text.chars().rev();
    let (Some(last), Some(before)) = (rev.next(), rev.next()) else {
        return false;
    };
    matches!(last, '-' | '\u{2010}' | '\u{2013}' | '\u{2014}' | '/')
        && before.is_alphanumeric()
        && next.is_alphanumeric()
}

/// Characters written without spaces between words: Han, kana, Hangul, CJK punctuation and
/// full-width forms.
pub fn is_cjk(c: char) -> bool {
    let c = c as u32;
    // Asked of every character of a dump: most lie below every range, or in the ideographs'.
    c >= 0x1100
        && ((0x4E00..=0x9FFF).contains(&c)
            || matches!(c,
        0x1100..=0x11FF
        | 0x2E80..=0x2FDF
        | 0x3000..=0x30FF
        | 0x3100..=0x31FF
        | 0x3200..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_lines_join_with_one_space() {
        assert_eq!(join_lines(["a wrapped ", "  line"]), "a wrapped line");
    }

    #[test]
    fn cjk_lines_join_without_space() {
        assert_eq!(join_lines(["中文的句子", "继续写"]), "中文的句子继续写");
        assert_eq!(join_lines(["TikTok", "难民"]), "TikTok难民");
        assert_eq!(join_lines(["小红书", "app"]), "小红书app");
    }

    #[test]
    fn words_broken_at_a_hyphen_are_rejoined() {
        assert_eq!(
            join_lines(["a high-", "quality dump"]),
            "a high-quality dump"
        );
        assert_eq!(join_lines(["link –", "replace"]), "link – replace");
    }

    #[test]
    fn wrap_width_is_found_and_breaks_judged() {
        let text = "one two three four five six seven\neight nine ten eleven twelve\n\
                    thirteen fourteen fifteen sixteen\nseventeen eighteen\n\nshort\nlines";
        let width = WrapWidth::estimate(text);
        assert!(width.0.is_some_and(|w| w >= 28));
        assert!(width.is_soft_break("one two three four five six seven", "eight nine"));
        assert!(!width.is_soft_break("short", "lines"));
    }

    #[test]
    fn unwrapped_text_has_only_hard_breaks() {
        let width = WrapWidth::estimate("a long paragraph on one line\n\nanother\n");
        assert!(!width.is_soft_break("a long paragraph on one line", "another"));
    }
}
