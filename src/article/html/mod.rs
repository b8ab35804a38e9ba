//! HTML pages to blocks: a real HTML5 parse, the article found inside the page, its title.

mod about;
mod extent;
mod furniture;
mod inside;
mod promo;
mod region;
mod self_closing;
mod shallow;
mod subheads;
mod title;
mod walk;

use dom_query::Document;

use super::{Parsed, RawBlock};

pub fn parse(text: &str) -> Parsed {
    let text = self_closing::close_self_closed(text);
    let text = shallow::shallow(&text);
    let doc = Document::from(text.as_ref());
    let Some(found) = region::find(&doc, &text) else {
        return Parsed::default();
    };
    let walked = walk::blocks(&found.root, true);
    let mut blocks = walked.blocks;
    let title = title::choose(&doc, &found.root);
    let start = title.as_deref().and_then(|t| title::locate(&blocks, t));
    extent::mark_chrome(&mut blocks, &walked.link_share, start, &found.kept);
    if let Some(title) = &title {
        title::place(&mut blocks, title, start);
    }
    Parsed {
        title_hint: title,
        blocks,
    }
}

/// Blocks of a piece of HTML inside another format (a raw HTML block in Markdown).
pub fn fragment_blocks(html: &str) -> Vec<RawBlock> {
    let doc = Document::fragment(shallow::shallow(html).as_ref());
    walk::blocks(&doc.root(), false).blocks
}

#[cfg(test)]
mod furniture_tests;
#[cfg(test)]
mod manual_tests;
#[cfg(test)]
mod tests;
