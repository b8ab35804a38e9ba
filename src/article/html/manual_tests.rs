//! Unit tests of how the HTML reader reads manuals: DocBook and Publican chapters written in
//! XHTML and `div`s, Sphinx sections named after their headings, captions and table labels.

use crate::article::{Article, BlockKind};
use std::path::Path;

fn load(html: &str) -> Article {
    Article::from_bytes(html.as_bytes(), Some(Path::new("page.html"))).expect("loads")
}

fn outline(article: &Article) -> Vec<String> {
    article.outline.iter().map(|s| s.title.clone()).collect()
}

/// A paragraph long enough to count as prose, in a `<p>` or in a Publican `div.para`.
fn para(tag: &str, topic: &str) -> String {
    let class = if tag == "div" { " class='para'" } else { "" };
    format!(
        "<{tag}{class}>{topic} is explained in this paragraph, which runs long enough to be \
         read as prose by any reader, with clauses, commas and a full stop.</{tag}>"
    )
}

/// A DocBook-style chapter: a title page, then nested sections each led by its heading, an
/// example with its caption; white space between the tags, as generators write them.
fn chapter(tag: &str, anchor: &str) -> String {
    let section = |level: u8, number: &str, name: &str| {
        format!(
            "<div class='section'><div class='titlepage'><div><div><h{level} class='title'>\
             {anchor}{number} {name}</h{level}>\n</div></div></div>\n{}\n{}\n",
            para(tag, name),
            para(tag, &format!("More on {name}"))
        )
    };
    format!(
        "<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'>\
         <head><title>Chapter 6. Building</title></head><body>\
         <div class='navheader'><a href='prev.html'>Prev</a> <a href='next.html'>Next</a></div>\
         <div class='chapter'><div class='titlepage'><div><div><h1 class='title'>{anchor}\
         Chapter 6. Building</h1>\n</div></div></div>\n{}{}</div>\n\
         <div class='example'><p class='title'><b>Example 6.1. A build log</b></p>\
         <div class='example-contents'><pre>$ make\nok</pre></div></div>\n</div>\n{}</div>\n\
         <div class='navfooter'><a href='index.html'>Home</a></div></body></html>",
        section(2, "6.1.", "Full builds"),
        section(3, "6.1.1.", "Clean rooms"),
        section(2, "6.2.", "Quick rebuilds"),
    )
}

#[test]
fn self_closed_anchors_in_xhtml_headings_leave_the_chapter_whole() {
    let article = load(&chapter("p", "<a id='x'/>"));
    assert_eq!(
        outline(&article),
        [
            "Chapter 6. Building",
            "6.1. Full builds",
            "6.1.1. Clean rooms",
            "6.2. Quick rebuilds"
        ]
    );
    let shown = |needle: &str| {
        article
            .blocks
            .iter()
            .enumerate()
            .any(|(i, b)| b.kind != BlockKind::Chrome && article.block_text(i).contains(needle))
    };
    assert!(shown("More on Quick rebuilds is explained"));
}

#[test]
fn a_chapter_written_in_div_paragraphs_is_read_whole() {
    let article = load(&chapter("div", ""));
    assert_eq!(article.title, "Chapter 6. Building");
    assert_eq!(outline(&article).len(), 4, "{:?}", outline(&article));
    for topic in ["Full builds", "Clean rooms", "More on Quick rebuilds"] {
        assert!(
            article.text.contains(&format!("{topic} is explained")),
            "{topic}"
        );
    }
}

#[test]
fn a_caption_over_a_listing_is_not_a_heading() {
    let article = load(&chapter("p", ""));
    assert!(
        !outline(&article)
            .iter()
            .any(|h| h.starts_with("Example 6.1")),
        "{:?}",
        outline(&article)
    );
    assert!(article.text.contains("Example 6.1. A build log"));
}

#[test]
fn a_section_named_after_its_heading_is_not_furniture() {
    let html = format!(
        "<html><head><title>Clinic How-To</title></head><body><div role='main'>\
         <section id='clinic-how-to'><h1>Clinic How-To</h1>{}\
         <section id='advanced-topics'><h2>Advanced Topics</h2>{}\
         <section id='symbolic-defaults'><h3>Symbolic defaults</h3>{}</section></section>\
         <section id='random-remarks'><h2>9.4. Random Remarks</h2>{}</section>\
         </section></div><div class='related-topics'><h2>Elsewhere</h2>{}</div></body></html>",
        para("p", "The clinic"),
        para("p", "Advanced use"),
        para("p", "A default"),
        para("p", "A remark"),
        para("p", "Another page")
    );
    assert_eq!(
        outline(&load(&html)),
        [
            "Clinic How-To",
            "Advanced Topics",
            "Symbolic defaults",
            "9.4. Random Remarks"
        ]
    );
}

#[test]
fn labels_in_table_cells_and_list_items_are_not_headings() {
    let html = format!(
        "<html><head><title>Levels</title></head><body><article><h1>Levels</h1>{}\
         <table><tr><td><p><strong>Text data</strong></p></td><td><p>str</p></td></tr>\
         <tr><td><p>DEBUG</p></td><td><p>10</p></td></tr></table>\
         <ul><li><p>ELF库文件包</p></li><li><p>多个上游</p></li></ul>{}</article></body></html>",
        para("p", "Logging"),
        para("p", "The rest")
    );
    assert_eq!(outline(&load(&html)), ["Levels"]);
}

#[test]
fn footnotes_the_body_refers_to_are_part_of_it() {
    // As DocBook writes them: numbered marks linking both ways, the notes in their own box
    // after the chapter's last paragraph.
    let html = format!(
        "<html><head><title>Patches</title></head><body><div class='chapter'>\
         <h1>Patches</h1>{}{}\
         <p>Run the tests once more before you upload.<sup>[<a id='id22' href='#ftn.22'>22</a>]\
         </sup></p><div class='footnotes'><br><hr width='100' align='left'>\
         <div class='footnote'><p><sup>[<a id='ftn.22' href='#id22'>22</a>] </sup>\
         See <a href='https://example.org/tests'>the test suite</a>.</p></div></div>\
         </div></body></html>",
        para("p", "Patching"),
        para("p", "Quilt")
    );
    let article = load(&html);
    let note = article
        .blocks
        .iter()
        .enumerate()
        .find(|(i, _)| article.block_text(*i).starts_with("[22]"));
    assert!(
        note.is_some_and(|(_, b)| b.kind != BlockKind::Chrome),
        "{:?}",
        article.text
    );
}

#[test]
fn an_abstract_in_an_aside_of_the_article_is_read_and_a_sidebar_is_not() {
    let html = format!(
        "<html><head><title>Annotations</title></head><body><div role='main'>\
         <section id='annotations'><h1>Annotations</h1>\
         <aside class='topic'><p class='topic-title'>Abstract</p>{}</aside>{}{}</section>\
         </div><aside class='sidebar'>{}</aside></body></html>",
        para("p", "The abstract"),
        para("p", "Accessing annotations"),
        para("p", "Quirks"),
        para("p", "Another page entirely")
    );
    let article = load(&html);
    assert!(
        article.text.contains("The abstract is explained"),
        "{}",
        article.text
    );
    assert!(
        !article.text.contains("Another page entirely"),
        "{}",
        article.text
    );
}

#[test]
fn a_chapter_opening_paragraph_before_its_first_section_is_read() {
    let html = format!(
        "<html><head><title>第 16 章 结论</title></head><body><div class='chapter'>\
         <div class='titlepage'><h1 class='title'>第 16 章 结论</h1></div>\
         <div class='toc'><dl><dt><a href='#a'>16.1. 新的开发阶段</a></dt>\
         <dt><a href='#b'>16.2. 未来</a></dt></dl></div>\
         <div class='highlights'><div class='para'>用Falcot公司的故事结束最后一章；但是Debian\
         还仍然会继续。</div></div>\
         <div class='section'><h2 class='title'>16.1. 新的开发阶段</h2>{}{}</div>\
         <div class='section'><h2 class='title'>16.2. 未来</h2>{}</div></div></body></html>",
        para("div", "The next release"),
        para("div", "The freeze"),
        para("div", "The future")
    );
    let article = load(&html);
    let opening = article
        .blocks
        .iter()
        .enumerate()
        .find(|(i, _)| article.block_text(*i).contains("用Falcot公司"));
    assert!(
        opening.is_some_and(|(_, b)| b.kind == BlockKind::Paragraph),
        "{:?}",
        article.blocks
    );
}

/// A Sphinx-style section: a heading, prose, and whatever `tail` closes the page with.
fn page_ending_with(tail: &str) -> String {
    let paras: String = ["Compression", "Streams", "Files", "Levels"]
        .iter()
        .map(|t| para("p", t))
        .collect();
    format!(
        "<html><head><title>bz2 — compression</title></head><body>\
         <div class='body' role='main'><section><h1>bz2 — compression</h1>{paras}\
         <section><h2>Examples of usage</h2>{}<p>Writing and reading a file in binary mode:</p>\
         {tail}</section></section></div></body></html>",
        para("p", "Usage")
    )
}

#[test]
fn a_chapter_ending_with_a_code_example_keeps_it() {
    let code = "<div class='highlight'><pre>&gt;&gt;&gt; import bz2\n&gt;&gt;&gt; with \
                bz2.open('myfile.bz2', 'wb') as f:\n...     f.write(data)</pre></div>";
    let article = load(&page_ending_with(code));
    let last = article.blocks.last().expect("blocks");
    assert!(
        article
            .block_text(article.blocks.len() - 1)
            .contains("import bz2")
    );
    assert_eq!(last.kind, BlockKind::Code, "{:?}", article.blocks);
}

#[test]
fn a_chapter_ending_with_a_cross_reference_keeps_it() {
    let xref = "<p>需配置 netfilter，才能使用 NAT (IPv4)。详情列在 <a href='security.html'>第 14 章 \
                “安全”</a> (见 <a href='firewall.html'>第 14.2 节 “防火墙”</a>)。</p>";
    let article = load(&page_ending_with(xref));
    let last = article.blocks.last().expect("blocks");
    assert_eq!(last.kind, BlockKind::Paragraph, "{:?}", article.blocks);
}

#[test]
fn a_page_ending_with_a_list_of_links_leaves_it_furniture() {
    let links = "<ul><li><a href='/a'>Related: another story about compression</a></li>\
                 <li><a href='/b'>Related: yet another story about files</a></li></ul>";
    let article = load(&page_ending_with(links));
    let last = article.blocks.last().expect("blocks");
    assert_eq!(last.kind, BlockKind::Chrome, "{:?}", article.blocks);
}

/// A FAQ chapter in DocBook: a table of contents, then questions as section headings, each
/// answered first in a word ("Yes.") and then at length; `extra` closes the chapter.
fn faq_chapter(extra: &str) -> String {
    let question = |n: &str, q: &str, short: &str| {
        format!(
            "<div class='section'><div class='titlepage'><h2 class='title'>{n} {q}</h2></div>\
             <p>{short}</p>{}</div>",
            para("p", q)
        )
    };
    format!(
        "<html><head><title>Chapter 10. Kernels</title></head><body><div class='chapter'>\
         <div class='titlepage'><h1 class='title'>Chapter 10. Kernels</h1></div>\
         <div class='toc'><dl><dt><a href='#a'>10.1. Can I build my own kernel?</a></dt>\
         <dt><a href='#b'>10.2. Which tools help?</a></dt></dl></div>{}{}{}{extra}</div>\
         <div class='navfooter'><a href='index.html'>Home</a></div></body></html>",
        question("10.1.", "Can I build my own kernel?", "Yes."),
        question("10.2.", "Which tools help?", "Several."),
        question("10.3.", "Where are the modules?", "In one folder."),
    )
}

#[test]
fn a_section_answered_in_a_word_before_its_paragraph_keeps_its_heading() {
    let article = load(&faq_chapter(""));
    assert_eq!(
        outline(&article),
        [
            "Chapter 10. Kernels",
            "10.1. Can I build my own kernel?",
            "10.2. Which tools help?",
            "10.3. Where are the modules?"
        ]
    );
    let yes = article
        .blocks
        .iter()
        .enumerate()
        .find(|(i, _)| article.block_text(*i) == "Yes.")
        .expect("the short answer is read");
    assert_eq!(yes.1.kind, BlockKind::Paragraph);
}

#[test]
fn a_last_section_numbered_in_the_chapter_is_read_though_scoring_left_it_out() {
    let last = "<div class='section'><div class='titlepage'><h3 class='title'>10.3.1. Other \
                places</h3></div><p>Some systems keep them elsewhere.</p></div>";
    let article = load(&faq_chapter(last));
    assert!(outline(&article).contains(&"10.3.1. Other places".to_string()));
    assert_eq!(
        last_kinds(&article, 2),
        [BlockKind::Paragraph, BlockKind::Heading { level: 3 }],
        "{:?}",
        article.blocks
    );
}

/// The kinds of the last `n` blocks of an article, last first.
fn last_kinds(article: &Article, n: usize) -> Vec<BlockKind> {
    article
        .blocks
        .iter()
        .rev()
        .take(n)
        .map(|b| b.kind)
        .collect()
}

#[test]
fn a_last_section_that_only_points_elsewhere_is_read_heading_and_all() {
    for (heading, pointer) in [
        (
            "10.4. Where is more about kernels?",
            "For more about kernels, see the <a href='https://example.org/kh/'>Kernel \
             Handbook</a>.",
        ),
        (
            "10.4. 在哪里可以获得更多信息？",
            "更多信息，请参见 <a href='https://example.org/kh/'>Debian Linux Kernel Handbook</a>。",
        ),
        (
            "10.4. Как связаться с SPI?",
            "Сайт этой организации: <a href='https://www.spi-inc.org/'>https://www.spi-inc.org/</a>.",
        ),
    ] {
        let last = format!(
            "<div class='section'><div class='titlepage'><h2 class='title'>{heading}</h2>\
             </div><p>{pointer}</p></div>"
        );
        let article = load(&faq_chapter(&last));
        assert!(
            outline(&article).contains(&heading.to_string()),
            "{heading}"
        );
        assert_eq!(
            last_kinds(&article, 2),
            [BlockKind::Paragraph, BlockKind::Heading { level: 2 }],
            "{:?}",
            article.blocks
        );
    }
}

#[test]
fn a_label_over_a_link_or_a_line_of_links_after_the_chapter_stays_furniture() {
    for tail in [
        "<p>Our Standards: <a href='https://example.com/trust'>The Trust Principles.</a></p>",
        "<p><a href='https://example.com/next'>Read the next story in this series today.</a></p>",
        "<p>See <a href='/a'>one page</a> and <a href='/b'>another page</a> for more.</p>",
    ] {
        let article = load(&faq_chapter(tail));
        assert_eq!(last_kinds(&article, 1), [BlockKind::Chrome], "{tail}");
    }
}

#[test]
fn a_section_whose_first_subsection_follows_at_once_keeps_both_headings() {
    let page = format!(
        "<html><head><title>16. Appendix</title></head><body><div class='body' role='main'>\
         <section><h1>16. Appendix</h1><section><h2>16.1. Interactive Mode</h2><section>\
         <h3>16.1.1. Error Handling</h3>{}{}</section><section><h3>16.1.2. Scripts</h3>{}\
         </section></section></section></div></body></html>",
        para("p", "Errors"),
        para("p", "Interrupts"),
        para("p", "Scripts")
    );
    assert_eq!(
        outline(&load(&page)),
        [
            "16. Appendix",
            "16.1. Interactive Mode",
            "16.1.1. Error Handling",
            "16.1.2. Scripts"
        ]
    );
}

#[test]
fn a_chapter_summary_between_its_contents_and_first_section_is_read() {
    let section = |n: &str, name: &str| {
        format!(
            "<div class='section'><div class='titlepage'><h2 class='title'>{n} {name}</h2>\
             </div>{}{}</div>",
            para("div", name),
            para("div", &format!("More on {name}"))
        )
    };
    let page = format!(
        "<html><head><title>Chapter 4. Installation</title></head><body><div class='chapter'>\
         <div class='titlepage'><h1 class='title'>Chapter 4. Installation</h1></div>\
         <div class='toc'><dl><dt><a href='#a'>4.1. Methods</a></dt>\
         <dt><a href='#b'>4.2. Steps</a></dt></dl></div>\
         <div class='highlights'><div class='para'>To use Debian you install it first.</div>\
         </div><div class='sidebar'><p class='title'>Basics</p><div class='para'>See the \
         appendix first.</div></div>{}{}</div></body></html>",
        section("4.1.", "Methods"),
        section("4.2.", "Steps")
    );
    let article = load(&page);
    let shown: Vec<&str> = (0..article.blocks.len())
        .filter(|&i| article.blocks[i].kind != BlockKind::Chrome)
        .map(|i| article.block_text(i))
        .collect();
    assert!(
        shown.contains(&"To use Debian you install it first."),
        "{shown:?}"
    );
    assert!(shown.contains(&"See the appendix first."), "{shown:?}");
    assert_eq!(
        outline(&article),
        ["Chapter 4. Installation", "4.1. Methods", "4.2. Steps"]
    );
}
