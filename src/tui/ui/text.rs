//! Fitting strings into a number of terminal columns, CJK-aware, with an ellipsis when cut.

use crate::layout::display_width;
pub use crate::layout::ellipsize;

/// `text` cut or padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let cut = ellipsize(text, width);
    let pad = width.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_cut_by_display_width_with_an_ellipsis() {
        assert_eq!(ellipsize("short", 8), "short");
        assert_eq!(ellipsize("a longer title", 8), "a longe…");
        assert_eq!(ellipsize("小红书的电商野心", 9), "小红书的…");
        assert_eq!(ellipsize("小红书的电商野心", 8), "小红书…");
        assert_eq!(ellipsize("abc", 0), "");
        assert_eq!(fit("short", 8), "short   ");
        assert_eq!(display_width(&fit("小红书的电商野心", 8)), 8);
    }
}
