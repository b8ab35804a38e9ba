//! Character offsets to byte offsets for offsets visited in increasing order: one walk over
//! the text for all of an article's highlights, where [`Article::byte_of`] would walk from
//! the start of each one's block (a whole paragraph, or the whole text of a long one-line
//! page) every time.
//!
//! [`Article::byte_of`]: crate::article::Article::byte_of

/// A position in a text that only moves forward, unless asked for an earlier offset.
pub struct Cursor<'t> {
    text: &'t str,
    /// Character offset of `bytes`.
    chars: usize,
    bytes: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str) -> Cursor<'t> {
        Cursor {
            text,
            chars: 0,
            bytes: 0,
        }
    }

    /// The text from character `start` to character `end` (clamped to the text's end); the
    /// cursor moves to `start`.
    pub fn slice(&mut self, start: usize, end: usize) -> &'t str {
        let from = self.byte_of(start);
        let len = end.saturating_sub(start);
        let to = self.text[from..]
            .char_indices()
            .nth(len)
            .map_or(self.text.len(), |(b, _)| from + b);
        &self.text[from..to]
    }

    /// The byte offset of character `offset` (the text's length past its end).
    fn byte_of(&mut self, offset: usize) -> usize {
        if offset < self.chars {
            // Asked backwards (targets out of order): start over rather than answer wrong.
            self.chars = 0;
            self.bytes = 0;
        }
        let mut walk = self.text[self.bytes..].char_indices();
        while self.chars < offset {
            match walk.next() {
                Some((_, c)) => {
                    self.chars += 1;
                    self.bytes += c.len_utf8();
                }
                None => break,
            }
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_forward_backward_and_past_the_end_as_char_offsets() {
        let text = "ab竹林cd";
        let mut c = Cursor::new(text);
        assert_eq!(c.slice(1, 3), "b竹");
        assert_eq!(c.slice(3, 5), "林c");
        assert_eq!(c.slice(0, 2), "ab");
        assert_eq!(c.slice(5, 9), "d");
        assert_eq!(c.slice(9, 12), "");
    }
}
