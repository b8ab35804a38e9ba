//! Headings that name page furniture rather than a section of the article ("Related stories",
//! "Comments", "Share this", "Newsletter", in the languages folio's readers use most), and
//! elements whose class or id names them as furniture.

use dom_query::NodeRef;

use super::walk::{heading_level, heading_text};

/// Whole headings (lower case, without trailing punctuation or a leading count) that title
/// furniture, separated by `|`.
const WHOLE: &str = "related|related articles|related stories|related posts|related news|\
    related content|related topics|related coverage|related links|more|more stories|\
    more news|more articles|read more|read next|recommended|recommended stories|\
    recommended for you|you may also like|you might also like|you may like these posts|\
    also read|trending|trending now|trending news|top stories|latest|latest news|the latest|\
    latest stories|popular|popular posts|most popular|most read|most viewed|comments|comment|\
    leave a comment|leave a reply|post a comment|add a comment|join the discussion|share|\
    share this|share this story|share this article|like this|tell us what you think|subscribe|\
    newsletter|newsletters|sign up|follow us|connect with us|stay informed|advertisement|\
    sponsored|sponsored content|tags|topics|about the author|categories|archives|search|menu|\
    navigation|post navigation|recent posts|recent comments|editor s picks|editors picks|\
    don t miss|must read|around the web|from the web|up next|watch next|what to read next|\
    in other news|top headlines|more headlines|\
    get our newsletter|want more stories like this|\
    相关文章|相关阅读|相关新闻|推荐阅读|热门文章|热门|评论|发表评论|发表回复|最新文章|分享|\
    関連記事|コメント|人気記事|관련기사|댓글|\
    ähnliche artikel|kommentare|mehr zum thema|articles similaires|commentaires|lire aussi|\
    à lire aussi|artículos relacionados|comentarios|te puede interesar|relacionados|\
    leia também|leia mais|comentários|articoli correlati|commenti|материалы по теме|теги|\
    комментарии|похожие статьи|читайте также|terkait|sukai ini|bagikan ini|komentar";

/// Beginnings of headings that title furniture ("Related: ...", "More from ...", "3 thoughts
/// on ..."), separated by `|`.
const OPENINGS: &str = "related |related:|more from |more on |more in |more about |\
    share this |leave a |sign up for |sign up to |subscribe to |click here to subscribe|\
    popular on |next up in |all sharing options|want more |get the latest |join our |\
    follow us on |thoughts on |responses to |replies to |comments on ";

/// Parts of `class` and `id` names that mark a box of page furniture (mostly the names
/// readability.js treats as unlikely to hold the article), separated by `|`.
const BOX_NAMES: &str = "-ad-|banner|breadcrumb|comment|community|disqus|footer|gdpr|menu|\
    related|recirc|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|\
    pagination|pager|popup|newsletter|promo|trending|popular|most-read|mostread|share|\
    subscribe|signup|sign-up|widget|outbrain|taboola|author|byline|teaser|more-stories|rail|\
    carousel|slideshow|gallery|toolbar|overlay|modal|cookie|consent|paywall|advert|adslot|\
    ad-slot|ad-container|tags|topics";

/// Parts of `class` and `id` names that mark a box whose every line is furniture even inside
/// the article: captions and credits, galleries and players, share and follow buttons, tag
/// lists, related stories, newsletter sign-ups, bylines and dates. (A sidebar or a note box
/// inside a manual's chapter holds the chapter's prose, so names such as "sidebar" are not
/// here.)
const CONTENT_BOX_NAMES: &str = "caption|credit|gallery|slideshow|carousel|player|share|sharing|\
    social|follow|tags|related|recirc|newsletter|subscribe|signup|sign-up|promo|byline|dateline|\
    timestamp|more-stories|outbrain|taboola";

/// Parts of `class` and `id` names that mark the article's container. A name with one of these
/// and no furniture part ("l-article-body-segment") vouches for its element even when another
/// name is furniture ("l-sidebar-fixed"); "author-content" does not.
const ARTICLE_NAMES: &[&str] = &["article", "body", "content", "main", "story", "entry"];

fn phrases(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split('|').map(str::trim)
}

/// Whether an element's `class` or `id` names it as furniture.
pub fn is_furniture_box(node: &NodeRef) -> bool {
    is_named(node, BOX_NAMES)
}

/// Whether an element's `class` or `id` names it as a box of furniture wherever it sits (a
/// caption, a share bar, a newsletter sign-up), so none of its text is the article's.
pub fn is_furniture_content_box(node: &NodeRef) -> bool {
    is_named(node, CONTENT_BOX_NAMES)
}

/// Whether an element's `class` or `id` holds one of the `|`-separated `names` and no name
/// that vouches for the article.
fn is_named(node: &NodeRef, list: &'static str) -> bool {
    // Schema.org's article body mark is the page's own statement of where the article is.
    if node
        .attr("itemprop")
        .is_some_and(|p| p.split_whitespace().any(|p| p == "articleBody"))
    {
        return false;
    }
    let mut names = String::new();
    for attr in ["class", "id"] {
        if let Some(value) = node.attr(attr) {
            if attr == "id" && names_own_heading(node, &value) {
                continue;
            }
            names.push_str(&value.to_ascii_lowercase());
            names.push(' ');
        }
    }
    let is_furniture = |n: &str| n == "ad" || n == "ads" || phrases(list).any(|b| n.contains(b));
    let vouches = |n: &str| ARTICLE_NAMES.iter().any(|a| n.contains(a)) && !is_furniture(n);
    names.split_whitespace().any(is_furniture) && !names.split_whitespace().any(vouches)
}

/// Whether `id` is made from the element's own first heading, as documentation generators
/// name sections ("9.4. Advanced Topics" in `<section id="advanced-topics">`): such an id says what
/// the section is about, not what role the box plays.
fn names_own_heading(node: &NodeRef, id: &str) -> bool {
    let slug = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    node.descendants_it()
        .find(|d| d.node_name().is_some_and(|n| heading_level(&n).is_some()))
        .is_some_and(|h| {
            let id = slug(id);
            id.chars().count() >= 4 && slug(&heading_text(&h)).contains(&id)
        })
}

/// Whether a heading's text names page furniture, or is only decoration ("______").
pub fn is_furniture_heading(text: &str) -> bool {
    if !text.chars().any(char::is_alphanumeric) {
        return true;
    }
    let lower = text.trim().to_lowercase();
    let uncounted = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    // Punctuation inside becomes a space, so "Editor's Picks" reads as "editor s picks".
    let words: String = uncounted
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    phrases(WHOLE).any(|w| w == words)
        || phrases(OPENINGS).any(|o| lower.starts_with(o) || uncounted.starts_with(o))
}
