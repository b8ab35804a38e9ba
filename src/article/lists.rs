//! List items as the Markdown and HTML readers both build them: a marker ("• ", "3. ") and a
//! depth from the stack of enclosing lists.

use super::BlockKind;

/// Marker of an item in an unordered list.
pub const BULLET: &str = "• ";

/// Enclosing lists, outermost first: the next number of an ordered list, `None` for bullets.
#[derive(Debug, Default)]
pub struct ListStack(Vec<Option<u64>>);

impl ListStack {
    /// Enters a list; `first` is an ordered list's first number.
    pub fn push(&mut self, first: Option<u64>) {
        self.0.push(first);
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// The kind and marker of the next item. Inside a quote the item is part of the quote.
    pub fn next_item(&mut self, in_quote: bool) -> (BlockKind, String) {
        let depth = u8::try_from(self.0.len().saturating_sub(1)).unwrap_or(u8::MAX);
        let marker = match self.0.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}. ");
                *number += 1;
                marker
            }
            _ => BULLET.to_string(),
        };
        let kind = if in_quote {
            BlockKind::Quote
        } else {
            BlockKind::ListItem { depth }
        };
        (kind, marker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_count_and_depth_follows_nesting() {
        let mut lists = ListStack::default();
        lists.push(None);
        assert_eq!(
            lists.next_item(false),
            (BlockKind::ListItem { depth: 0 }, "• ".to_string())
        );
        lists.push(Some(7));
        assert_eq!(
            lists.next_item(false),
            (BlockKind::ListItem { depth: 1 }, "7. ".to_string())
        );
        assert_eq!(lists.next_item(true), (BlockKind::Quote, "8. ".to_string()));
        lists.pop();
        assert_eq!(lists.next_item(false).1, "• ");
    }
}
