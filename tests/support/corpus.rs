//! Loads the article-extraction benchmark (real saved news pages with their true article body)
//! from `../shared/corpus/article-extraction-benchmark` and derives, for each page, the true
//! title and the true section headings that the HTML and plain-text evaluations score against.
//!
//! # Definitions
//!
//! Texts are compared by their [`match_key`]: lower-cased, every run of characters that are not
//! letters or digits turned into one space. Quotes, dashes, ellipses and spacing differ between a
//! page's markup, its metadata and the benchmark's body, and none of that is structure.
//!
//! **Reference titles**: the page's `og:title` and `<title>`, each as written and with its site
//! suffix cut off (the part after the last " | ", " - ", " – ", " — ", " :: " or " · ").
//!
//! **True title**: the page's first `<h1>` that agrees with a reference title without its suffix
//! (at least 60% of the shorter one's words appear in the other; comparing without the suffix
//! keeps a logo `<h1>` with the site's name from agreeing); failing that, the first reference
//! title without its suffix.
//!
//! A title counts as right ([`Page::title_matches`]) when its key equals the key of the true
//! title or of a reference title (with or without suffix), or, on pages where no `<h1>` agrees
//! (about 13 of 181: the headline was rewritten for the metadata), of the visible headline: the
//! last `<h1>` before the start of the true body, if it has at least three words (a shorter one
//! is a site name) and at most 80 words of text (byline, date, captions) separate it from the
//! body. That last rule is a heuristic; on a page or two it accepts a kicker such as
//! "More on Slate Book Review" as well.
//!
//! **True headings** (section headings; the title is not one of them and is scored on its own,
//! in the HTML and the plain-text evaluation alike): in document order, without repeats,
//! - the page's `<h1>`–`<h6>` elements whose text is a whole line of the true body (the
//!   benchmark's body keeps each heading on a line of its own); a heading that only appears
//!   inside a sentence of the body is not one, so short navigation headings ("News", "About")
//!   that happen to occur in the prose do not count;
//! - the page's paragraphs set apart by their type alone that a reader takes for headings,
//!   written wholly in bold (`<p><strong>The al-Tanf base</strong></p>`) or wholly in capitals
//!   (the news agencies' `<p>FRANCE WINS</p>`) over the text they head: a whole line of the
//!   body, at most 80 characters, not a link, opening with a letter or digit (quotation marks,
//!   brackets and dashes open pull quotes, sources and signatures), not ending like a sentence
//!   (full stop, comma, semicolon, colon, ellipsis, exclamation mark: a bold sentence is
//!   emphasis, a bold line ending in a colon leads into what follows, one ending in an
//!   exclamation mark calls out to the reader), and followed in the body by a line that the
//!   page does not also set apart as a heading, in bold or in capitals (a heading heads text;
//!   the last of a run of bold labels such as "Account: @name" over a bold question does not).

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use dom_query::{Document, NodeRef};
use flate2::read::GzDecoder;

/// Where the corpus lives, relative to the crate root.
pub const CORPUS: &str = "../shared/corpus/article-extraction-benchmark";

/// One saved page of the benchmark.
pub struct Page {
    /// File name, e.g. `042bb7….html.gz`.
    pub name: String,
    /// The page as saved (decompressed), in its original encoding.
    pub html: Vec<u8>,
    /// The true article body from `ground-truth.json`: paragraphs separated by line breaks.
    pub body: String,
    pub url: String,
    /// The true title (see the module documentation), or `None` when the page states none.
    pub title: Option<String>,
    /// Keys of every title that counts as right.
    pub title_keys: Vec<String>,
    /// The true section headings, without the title.
    pub headings: Vec<String>,
}

impl Page {
    /// Whether `title` is the page's title, by key.
    pub fn title_matches(&self, title: &str) -> bool {
        let key = match_key(title);
        !key.is_empty() && self.title_keys.contains(&key)
    }
}

/// The corpus folder, or `None` (after printing why the caller skips) when it is absent.
pub fn corpus_dir() -> Option<PathBuf> {
    shared_dir(CORPUS)
}

/// The folder `relative` to the crate root if it holds a `ground-truth.json`, or `None` (after
/// printing why the caller skips).
pub fn shared_dir(relative: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if dir.join("ground-truth.json").is_file() {
        Some(dir)
    } else {
        println!("skipped: {relative} not found");
        None
    }
}

/// Share of the `truth` tokens (with repeats) that `shown` holds: how much of a true text a
/// reader sees.
pub fn token_recall(truth: Vec<String>, shown: Vec<String>) -> f64 {
    let mut available: std::collections::HashMap<String, usize> = Default::default();
    for word in shown {
        *available.entry(word).or_default() += 1;
    }
    let total = truth.len();
    let found = truth
        .into_iter()
        .filter(|word| {
            available
                .get_mut(word)
                .filter(|c| **c > 0)
                .map(|c| *c -= 1)
                .is_some()
        })
        .count();
    if total == 0 {
        1.0
    } else {
        found as f64 / total as f64
    }
}

/// `part` out of `whole`, 1 when there is nothing to count.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The words of a text's match key.
pub fn words(text: &str) -> Vec<String> {
    match_key(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every page of the corpus, sorted by file name; `None` when the corpus is absent.
pub fn load() -> Option<Vec<Page>> {
    let dir = corpus_dir()?;
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .unwrap_or_else(|e| panic!("{}: {e}", truth_path.display()));
    let truth: serde_json::Value = serde_json::from_str(&truth_text)
        .unwrap_or_else(|e| panic!("{}: {e}", truth_path.display()));
    let mut names: Vec<String> = std::fs::read_dir(dir.join("html"))
        .unwrap_or_else(|e| panic!("{}/html: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html.gz"))
        .collect();
    names.sort();
    let pages = names
        .into_iter()
        .map(|name| {
            let id = name.trim_end_matches(".html.gz");
            let entry = &truth[id];
            let body = entry["articleBody"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let url = entry["url"].as_str().unwrap_or_default().to_string();
            let html = gunzip(&dir.join("html").join(&name));
            page(name, html, body, url)
        })
        .collect();
    Some(pages)
}

/// Splits pages (sorted by file name) into a development half, the first, and a held-out half.
pub fn split(pages: &[Page]) -> (&[Page], &[Page]) {
    pages.split_at(pages.len().div_ceil(2))
}

/// The comparison key of a text (see the module documentation).
pub fn match_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text with every run of white space turned into one space, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bytes of a gzip file, decompressed.
pub fn gunzip(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes
}

fn page(name: String, html: Vec<u8>, body: String, url: String) -> Page {
    let text = folio::article::detect::decode(&html)
        .map(|d| d.text)
        .unwrap_or_default();
    let doc = Document::from(text.as_str());
    let references = reference_titles(&doc);
    let h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .map(|n| collapse_whitespace(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    let agreeing = h1s
        .iter()
        .find(|h| references.iter().any(|r| agree(h, &strip_suffix(r))))
        .cloned();
    let stated = references.first().map(|r| strip_suffix(r));
    let headline = match agreeing {
        Some(_) => None,
        None => h1_before_body(&doc, &body).filter(|h| match_key(h).split(' ').count() >= 3),
    };
    let title = agreeing.or(stated);
    let mut title_keys: Vec<String> = title
        .iter()
        .chain(&headline)
        .map(|t| match_key(t))
        .collect();
    title_keys.extend(references.iter().map(|r| match_key(r)));
    title_keys.extend(references.iter().map(|r| match_key(&strip_suffix(r))));
    title_keys.retain(|k| !k.is_empty());
    let mut seen = HashSet::new();
    title_keys.retain(|k| seen.insert(k.clone()));
    let headings = true_headings(&doc, &body, &title_keys);
    Page {
        name,
        html,
        body,
        url,
        title,
        title_keys,
        headings,
    }
}

/// `og:title` then `<title>`, as written (white space collapsed).
fn reference_titles(doc: &Document) -> Vec<String> {
    let og = doc
        .select(r#"meta[property="og:title"]"#)
        .attr("content")
        .map(|c| collapse_whitespace(&c));
    let title = doc
        .select("head title, title")
        .nodes()
        .first()
        .map(|n| collapse_whitespace(&n.text()));
    og.into_iter()
        .chain(title)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The title without a trailing " | Site Name" (or dash, colon, dot separated) part.
fn strip_suffix(title: &str) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep))
        .max()
        .map(|at| title[..at].trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| title.to_string())
}

/// Two titles agree when most of the shorter one's words occur in the other.
fn agree(a: &str, b: &str) -> bool {
    let a_key = match_key(a);
    let b_key = match_key(b);
    let a_words: HashSet<&str> = a_key.split(' ').filter(|w| !w.is_empty()).collect();
    let b_words: HashSet<&str> = b_key.split(' ').filter(|w| !w.is_empty()).collect();
    let shorter = a_words.len().min(b_words.len());
    shorter > 0 && a_words.intersection(&b_words).count() * 10 >= shorter * 6
}

/// The last `<h1>` that comes before the first words of the true body in document order.
fn h1_before_body(doc: &Document, body: &str) -> Option<String> {
    let opening: Vec<String> = match_key(body)
        .split(' ')
        .take(6)
        .map(str::to_string)
        .collect();
    if opening.is_empty() || opening[0].is_empty() {
        return None;
    }
    let opening = format!(" {} ", opening.join(" "));
    // The page's visible text as one key string, remembering the last h1 seen at each point.
    let mut text = String::from(" ");
    let mut marks: Vec<(usize, Option<(String, usize)>)> = Vec::new();
    let mut last_h1: Option<(String, usize)> = None;
    for node in doc.root().descendants_it() {
        if node.node_name().as_deref() == Some("h1") {
            let heading = collapse_whitespace(&node.text());
            last_h1 = Some((heading, text.len())).filter(|(h, _)| !h.is_empty());
        }
        if node.is_text() && !inside_non_text(&node) {
            let key = match_key(&node.text());
            if !key.is_empty() {
                marks.push((text.len(), last_h1.clone()));
                text.push_str(&key);
                text.push(' ');
            }
        }
    }
    let at = text.find(&opening)?;
    let i = marks.partition_point(|(start, _)| *start <= at);
    let (heading, end) = marks.get(i.checked_sub(1)?)?.1.clone()?;
    let between = text[end..at].split(' ').filter(|w| !w.is_empty()).count();
    (between <= 80).then_some(heading)
}

fn inside_non_text(node: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| {
        matches!(
            a.node_name().as_deref(),
            Some("script" | "style" | "noscript" | "template" | "title" | "h1")
        )
    })
}

/// The page's true section headings in document order, without repeats and without the title:
/// its h1–h6 whose text is a whole line of the body, and its bold or capital paragraphs that
/// head a part of the body (see [`is_subhead`]).
fn true_headings(doc: &Document, body: &str, title_keys: &[String]) -> Vec<String> {
    let lines: Vec<String> = body
        .lines()
        .map(match_key)
        .filter(|k| !k.is_empty())
        .collect();
    let whole_lines: HashSet<&String> = lines.iter().collect();
    let nodes = doc.select("h1, h2, h3, h4, h5, h6, p").nodes().to_vec();
    let is_tag = |n: &NodeRef| n.node_name().as_deref() != Some("p");
    // Keys of every line the page sets apart as a heading or in bold, to tell whether a bold
    // paragraph heads prose or only sits in a run of labels.
    let set_apart: HashSet<String> = nodes
        .iter()
        .filter(|n| is_tag(n) || is_all_bold(n) || is_capitals(&n.text()))
        .map(|n| match_key(&n.text()))
        .collect();
    let mut seen: HashSet<String> = title_keys.iter().cloned().collect();
    let mut headings = Vec::new();
    for node in &nodes {
        let text = collapse_whitespace(&node.text());
        let key = match_key(&text);
        if !whole_lines.contains(&key) {
            continue;
        }
        let heading = is_tag(node) || is_subhead(node, &text, &key, &lines, &set_apart);
        if heading && seen.insert(key) {
            headings.push(text);
        }
    }
    headings
}

/// Longest subhead: about one line of a page.
const SUBHEAD_CHARS: usize = 80;

/// A paragraph written wholly in bold or capitals that a reader takes for a section heading:
/// short, not a
/// link, opening with a letter or digit (not a quotation mark, bracket or dash, which mark pull
/// quotes, sources and signatures), not ending like a sentence (full stop, comma, semicolon,
/// colon, ellipsis, exclamation mark: emphasis, a lead-in or a call to the reader), and followed in the body by a line the page does not
/// also set apart (a heading heads text; the last of a run of bold labels does not).
fn is_subhead(
    node: &NodeRef,
    text: &str,
    key: &str,
    lines: &[String],
    set_apart: &HashSet<String>,
) -> bool {
    let core = text.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    let followed_by_text = lines
        .iter()
        .position(|l| l == key)
        .and_then(|i| lines.get(i + 1))
        .is_some_and(|next| !set_apart.contains(next));
    (is_all_bold(node) || is_capitals(text))
        && !has_ancestor_or_descendant(node, "a")
        && text.chars().count() <= SUBHEAD_CHARS
        && text.starts_with(char::is_alphanumeric)
        && !core.ends_with(['.', ',', ';', ':', '…', '!'])
        && followed_by_text
}

/// Whether the element's text, compared by key, is all in its outermost `<strong>`/`<b>`.
fn is_all_bold(node: &NodeRef) -> bool {
    let is_bold = |n: &NodeRef| matches!(n.node_name().as_deref(), Some("strong" | "b"));
    let bold_text: String = node
        .descendants_it()
        .filter(|d| {
            is_bold(d)
                && !d
                    .ancestors_it(None)
                    .take_while(|a| a.id != node.id)
                    .any(|a| is_bold(&a))
        })
        .map(|d| d.text().to_string() + " ")
        .collect();
    let key = match_key(&node.text());
    !key.is_empty() && match_key(&bold_text) == key
}

/// Whether every cased letter of the text is a capital (two letters at least).
fn is_capitals(text: &str) -> bool {
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && !text.chars().any(char::is_lowercase)
}

fn has_ancestor_or_descendant(node: &NodeRef, name: &str) -> bool {
    node.ancestors_it(None)
        .chain(node.descendants_it())
        .any(|n| n.node_name().as_deref() == Some(name))
}
