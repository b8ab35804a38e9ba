//! Unit tests of the HTML reader: block kinds, furniture removal, article choice, title.

use super::*;
use crate::article::{Article, BlockKind, Style};
use std::path::Path;

fn kinds_and_texts(parsed: &Parsed) -> Vec<(BlockKind, String)> {
    parsed
        .blocks
        .iter()
        .map(|b| (b.kind, walk::collapse(&b.text)))
        .filter(|(kind, text)| !text.is_empty() || *kind == BlockKind::Rule)
        .collect()
}

fn load(html: &str) -> Article {
    Article::from_bytes(html.as_bytes(), Some(Path::new("page.html"))).expect("loads")
}

/// A paragraph long enough to count as article prose.
fn prose(topic: &str) -> String {
    format!(
        "<p>{topic} is described here in a sentence long enough to be read as prose, with \
         commas, clauses and a full stop, so that any reader takes it for article text.</p>"
    )
}

#[test]
fn every_block_kind_is_read() {
    let parsed = parse(
        "<html><head><title>T</title></head><body><h1>T</h1>\
         <p>Intro <b>bold</b> <a href='/x'>link</a>.</p>\
         <h2>Part</h2><h3>Sub</h3>\
         <ul><li>one</li><li>two<ol start='3'><li>three</li><li>four</li></ol></li></ul>\
         <blockquote><p>quoted</p><p>again</p></blockquote>\
         <pre>  line 1\n  line 2</pre>\
         <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\
         <hr><figure><figcaption>Caption</figcaption></figure></body></html>",
    );
    assert_eq!(
        kinds_and_texts(&parsed),
        vec![
            (BlockKind::Heading { level: 1 }, "T".to_string()),
            (BlockKind::Paragraph, "Intro bold link.".into()),
            (BlockKind::Heading { level: 2 }, "Part".into()),
            (BlockKind::Heading { level: 3 }, "Sub".into()),
            (BlockKind::ListItem { depth: 0 }, "• one".into()),
            (BlockKind::ListItem { depth: 0 }, "• two".into()),
            (BlockKind::ListItem { depth: 1 }, "3. three".into()),
            (BlockKind::ListItem { depth: 1 }, "4. four".into()),
            (BlockKind::Quote, "quoted".into()),
            (BlockKind::Quote, "again".into()),
            (BlockKind::Code, "line 1 line 2".into()),
            (BlockKind::Table, "A │ B 1 │ 2".into()),
            (BlockKind::Rule, String::new()),
            (BlockKind::Paragraph, "Caption".into()),
        ]
    );
    let code = parsed.blocks.iter().find(|b| b.kind == BlockKind::Code);
    assert_eq!(code.map(|b| b.text.as_str()), Some("  line 1\n  line 2"));
    let table = parsed.blocks.iter().find(|b| b.kind == BlockKind::Table);
    assert_eq!(table.map(|b| b.text.as_str()), Some("A │ B\n1 │ 2"));
}

#[test]
fn table_cells_keep_their_inline_markup() {
    let parsed = parse(
        "<body><table><tr><th>Name</th><th>Use</th></tr>\
         <tr><td><b>folio</b></td><td>reads <code>.md</code> and \
         <a href=\"https://e.org/x\">pages</a></td></tr></table></body>",
    );
    let table = parsed
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .expect("a table");
    assert_eq!(table.text, "Name │ Use\nfolio │ reads .md and pages");
    let marked: Vec<(Style, &str, Option<&str>)> = table
        .spans
        .iter()
        .map(|s| (s.style, &table.text[s.bytes.clone()], s.target.as_deref()))
        .collect();
    assert_eq!(
        marked,
        vec![
            (Style::Strong, "folio", None),
            (Style::Code, ".md", None),
            (Style::Link, "pages", Some("https://e.org/x")),
        ]
    );
}

#[test]
fn code_keeps_the_language_its_class_names() {
    let article = load(
        "<body><h1>T</h1><pre><code class='hljs language-python'>x = 1</code></pre>\
         <pre class='lang-rust'>fn f() {}</pre><pre>plain</pre></body>",
    );
    let langs: Vec<_> = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Code)
        .map(|b| b.lang.as_deref())
        .collect();
    assert_eq!(langs, [Some("python"), Some("rust"), None]);
}

#[test]
fn line_breaks_become_spaces_and_double_breaks_paragraphs() {
    let parsed = parse("<body><p>one<br>two<br><br>three\nfour</p></body>");
    assert_eq!(
        kinds_and_texts(&parsed),
        vec![
            (BlockKind::Paragraph, "one two".to_string()),
            (BlockKind::Paragraph, "three four".into()),
        ]
    );
}

#[test]
fn furniture_and_hidden_parts_are_dropped() {
    let article = load(
        "<html><head><style>p{}</style><script>var x = 'SCRIPT';</script></head><body>\
         <nav>NAVIGATION</nav><header>SITE HEADER</header>\
         <h1>Story</h1><p>Body text.</p>\
         <aside>SIDEBAR</aside><form><input value='x'>FORM TEXT</form>\
         <div hidden>HIDDEN</div><div style='display: none'>INVISIBLE</div>\
         <noscript>NOSCRIPT</noscript><template>TEMPLATE</template><svg><text>SVG</text></svg>\
         <footer>FOOTER</footer></body></html>",
    );
    assert_eq!(article.text, "Story\n\nBody text.");
}

#[test]
fn an_article_element_is_preferred_over_the_rest_of_the_page() {
    let html = format!(
        "<body><div>{}</div><article><h1>Real</h1>{}{}</article><div>{}</div></body>",
        prose("Teaser"),
        prose("The story"),
        prose("More of the story"),
        prose("Footer blurb")
    );
    let article = load(&html);
    assert!(
        article.text.starts_with("Real\n\nThe story"),
        "{}",
        article.text
    );
    assert!(!article.text.contains("Teaser"));
    assert!(!article.text.contains("Footer blurb"));
}

#[test]
fn main_and_role_main_are_preferred_when_there_is_no_article() {
    for (open, close) in [("<main>", "</main>"), ("<div role='main'>", "</div>")] {
        let html = format!(
            "<body><div>{}</div>{open}<h1>Real</h1>{}{}{close}<div>{}</div></body>",
            prose("Promo"),
            prose("The story"),
            prose("More of it"),
            prose("Other")
        );
        let article = load(&html);
        assert!(
            article.text.starts_with("Real\n\nThe story"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("Promo"), "{open}");
    }
}

#[test]
fn escape_sequences_in_entities_never_reach_the_text() {
    let article = load(
        "<html><head><title>Bad &#27;]0;owned&#7; title</title></head><body>\
         <h1>Head&#27;[31m</h1><p>Clear &#27;[2J screen &#x1b;]52;c;aGk=&#x07; and &#155;1m.</p>\
         </body></html>",
    );
    for text in [article.text.as_str(), article.title.as_str()] {
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains("[2J") && !text.contains("52;c") && !text.contains("[31m"));
        assert!(
            text.chars().all(|c| c == '\n' || !c.is_control()),
            "{text:?}"
        );
    }
    assert!(article.text.contains("Clear"));
}

#[test]
fn entities_are_decoded() {
    let article = load("<body><p>Tom &amp; Jerry &eacute;t&eacute; &#x4E2D;&nbsp;文</p></body>");
    assert_eq!(article.text, "Tom & Jerry été 中 文");
}

#[test]
fn site_suffixes_are_cut_from_the_title() {
    let cases = [
        ("Story of the day - Example News", "Story of the day"),
        ("Story of the day | Example", "Story of the day"),
        ("Story of the day — The Example Times", "Story of the day"),
        ("Calendar 2018 | Racing | F1 | Indy", "Calendar 2018"),
        (
            "Title — a subtitle that is long - Site",
            "Title — a subtitle that is long",
        ),
        (
            "Design Week | A light installation for a famous brand",
            "Design Week | A light installation for a famous brand",
        ),
        ("No separator here", "No separator here"),
        (
            "Short | A much longer part of the title",
            "Short | A much longer part of the title",
        ),
    ];
    for (title, expected) in cases {
        assert_eq!(title::strip_site_suffix(title), expected, "{title}");
    }
}

#[test]
fn title_comes_from_the_heading_that_matches_the_stated_title() {
    let html = format!(
        "<html><head><title>The Real Story - Site</title>\
         <meta property='og:title' content='The Real Story'></head><body>\
         <h1>Site</h1><article><h1>The real story</h1>{}{}</article></body></html>",
        prose("One"),
        prose("Two")
    );
    let article = load(&html);
    assert_eq!(article.title, "The real story");
    assert_eq!(article.outline[0].title, "The real story");
    assert_eq!(article.outline[0].level, 1);
}

#[test]
fn without_a_heading_the_stated_title_is_put_first() {
    let html = format!(
        "<html><head><title>Quiet Page | Example</title></head><body><article>{}\
         <h3>Section</h3>{}</article></body></html>",
        prose("One"),
        prose("Two")
    );
    let article = load(&html);
    assert_eq!(article.title, "Quiet Page");
    let outline: Vec<(u8, &str)> = article
        .outline
        .iter()
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    assert_eq!(outline, vec![(1, "Quiet Page"), (2, "Section")]);
}

#[test]
fn section_levels_are_normalised_below_the_title() {
    let html = format!(
        "<body><article><h1>Title</h1>{}<h1>First</h1>{}<h2>Inner</h2>{}<h1>Second</h1>{}\
         <h1>Title</h1></article></body>",
        prose("A"),
        prose("B"),
        prose("C"),
        prose("D")
    );
    let article = load(&html);
    let outline: Vec<(u8, &str)> = article
        .outline
        .iter()
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    assert_eq!(
        outline,
        vec![(1, "Title"), (2, "First"), (3, "Inner"), (2, "Second")]
    );
}

#[test]
fn furniture_headings_around_the_article_stay_out_of_the_outline() {
    let html = format!(
        "<body><article><h1>Title</h1><h2>A dek that sums the story up</h2><p>By A. Reporter</p>{}{}\
         <h2>Findings</h2>{}{}<div class='related-links'><h3>Other news</h3>\
         <ul><li><a href='/a'>Elsewhere</a></li></ul></div>{}\
         <h2>Comments</h2><p>Nice.</p><h3><a href='/b'>Read this next</a></h3></article></body>",
        prose("Start"),
        prose("Middle"),
        prose("Results"),
        prose("More results"),
        prose("End")
    );
    let article = load(&html);
    let outline: Vec<&str> = article.outline.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(outline, vec!["Title", "Findings"]);
    assert!(
        article.text.contains("A dek that sums"),
        "furniture is kept as chrome"
    );
}

#[test]
fn bold_paragraphs_over_prose_are_sections_one_level_under_the_heading_above() {
    let html = format!(
        "<body><article><h1>Title</h1>{}<h2>Part</h2>{}<p><strong>The plan</strong></p>{}\
         <p><b>A bold sentence for emphasis.</b></p>{}</article></body>",
        prose("Start"),
        prose("Part"),
        prose("Plan"),
        prose("End")
    );
    let outline: Vec<(u8, String)> = load(&html)
        .outline
        .into_iter()
        .map(|s| (s.level, s.title))
        .collect();
    let want = [(1, "Title"), (2, "Part"), (3, "The plan")];
    assert_eq!(outline, want.map(|(l, t)| (l, t.to_string())));
}

#[test]
fn the_schema_org_article_body_is_never_furniture() {
    let html = format!(
        "<body><article><h1>Title</h1><section class='grid-with-right-rail' \
         itemprop='articleBody'>{}<h2>Inside</h2>{}</section></article>\
         <div class='right-rail'><h2>Elsewhere</h2>{}</div></body>",
        prose("Start"),
        prose("Inside"),
        prose("Rail")
    );
    let outline: Vec<String> = load(&html).outline.into_iter().map(|s| s.title).collect();
    assert_eq!(outline, ["Title", "Inside"]);
}

#[test]
fn markdown_html_fragments_are_read_as_blocks() {
    let blocks = fragment_blocks("<div><p>One</p><ul><li>two</li></ul><script>x</script></div>");
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec!["One", "• two"]);
}

#[test]
fn a_site_name_heading_does_not_agree_with_a_longer_stated_title() {
    let html = format!(
        "<html><head><title>Silicon Exposed: Probing an Old Chip</title></head><body>\
         <header><h1>Silicon Exposed</h1></header><div>{}{}</div></body></html>",
        prose("The chip"),
        prose("Its layers")
    );
    assert_eq!(load(&html).title, "Silicon Exposed: Probing an Old Chip");
}

#[test]
fn the_title_is_read_from_json_ld_and_dublin_core_when_the_page_has_no_heading() {
    let body = format!(
        "<body><div>{}{}</div></body>",
        prose("The vote"),
        prose("Results")
    );
    let json_ld = format!(
        "<html><head><script type='application/ld+json'>{{\"@graph\": [{{\"@type\": \
         \"NewsArticle\", \"headline\": \"Council Votes on the Bridge\"}}]}}</script></head>{body}</html>"
    );
    assert_eq!(load(&json_ld).title, "Council Votes on the Bridge");
    let dublin_core = format!(
        "<html><head><meta name='DC.title' content='River Levels in Spring'></head>{body}</html>"
    );
    assert_eq!(load(&dublin_core).title, "River Levels in Spring");
}
