//! The links of the section being read (`U`): each link's text with its target, so a reader in
//! a terminal that cannot follow links can still see (and copy) where they lead.

use crate::article::{Article, Style, is_web_target};

/// The list shown over the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkList {
    /// Title of the section the links are in (empty before the first heading).
    pub section: String,
    pub rows: Vec<LinkRow>,
    /// The first row shown.
    pub scroll: usize,
}

/// One link: its text and its target as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRow {
    pub text: String,
    pub target: String,
    /// Whether the target is a web address (http, https, mailto, or relative); others, such as
    /// `javascript:`, are listed but marked.
    pub web: bool,
}

/// Links the overlay shows at once on a screen of `size` (two rows each, inside a border).
pub fn rows_shown(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(4) / 2).max(1)
}

impl LinkList {
    /// The links of the section that holds character offset `offset`, in text order.
    pub fn of_section(article: &Article, offset: usize) -> LinkList {
        let section = article.section_at(offset);
        let start = section.map_or(0, |i| article.outline[i].offset);
        let next = section.map_or(0, |i| i + 1);
        let end = article
            .outline
            .get(next)
            .map_or(article.char_len, |s| s.offset);
        let rows = article
            .spans_in(start..end)
            .filter(|s| s.style == Style::Link)
            .filter_map(|s| {
                let target = s.target.clone()?;
                Some(LinkRow {
                    text: article.slice(s.chars.clone()).to_string(),
                    web: is_web_target(&target),
                    target,
                })
            })
            .collect();
        LinkList {
            section: section.map_or_else(String::new, |i| article.outline[i].title.clone()),
            rows,
            scroll: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_the_links_of_the_section_at_the_offset() {
        let markdown = "# A\n\n[one](https://e.org/1) and [two](javascript:alert(1)).\n\n\
                        ## B\n\n[three](https://e.org/3)\n";
        let article = Article::from_bytes(markdown.as_bytes(), Some("l.md".as_ref())).unwrap();
        let list = LinkList::of_section(&article, 5);
        assert_eq!(list.section, "A");
        let rows: Vec<(&str, &str, bool)> = list
            .rows
            .iter()
            .map(|r| (r.text.as_str(), r.target.as_str(), r.web))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("one", "https://e.org/1", true),
                ("two", "javascript:alert(1)", false)
            ]
        );
        let last = LinkList::of_section(&article, article.char_len - 1);
        assert_eq!(last.section, "B");
        assert_eq!(last.rows.len(), 1);
    }
}
