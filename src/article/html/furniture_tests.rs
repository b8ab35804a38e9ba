//! Unit tests of furniture inside a news article: captions, credits, share bars, newsletter
//! boxes, bylines and date lines, found by the page's structure and by repetition.

use crate::article::{Article, BlockKind};
use std::path::Path;

fn load(html: &str) -> Article {
    Article::from_bytes(html.as_bytes(), Some(Path::new("page.html"))).expect("loads")
}

/// The text a reader sees with furniture hidden, one block a line.
fn shown(html: &str) -> String {
    let article = load(html);
    (0..article.blocks.len())
        .filter(|&i| article.blocks[i].kind != BlockKind::Chrome)
        .map(|i| article.block_text(i).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A paragraph long enough to count as article prose.
fn prose(topic: &str) -> String {
    format!(
        "<p>{topic} is described here in a sentence long enough to be read as prose, with \
         commas, clauses and a full stop, so that any reader takes it for article text.</p>"
    )
}

/// A news story: a headline, `inside` between its first and second paragraphs, more prose.
fn story(inside: &str) -> String {
    format!(
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>\
         {}{inside}{}{}{}</article></body></html>",
        prose("The harbour"),
        prose("The ferry"),
        prose("The council"),
        prose("The weather")
    )
}

#[test]
fn boxes_named_as_captions_share_bars_and_newsletters_are_furniture() {
    for (inside, gone) in [
        (
            "<div class='wp-caption'><img src='a.jpg'><p class='caption-text'>Boats wait at \
             the quay on Tuesday, Nov. 19, 2019, as the harbour reopens after the storm.</p></div>",
            "Boats wait at the quay",
        ),
        (
            "<div class='image-credit'><span>Foto: Jan Kowalski / Agencja</span></div>",
            "Jan Kowalski",
        ),
        (
            "<div class='share-bar'><ul><li><a>Facebook</a></li><li><a>Twitter</a></li></ul></div>",
            "Facebook",
        ),
        (
            "<div class='newsletter-signup'><p>Get the morning briefing in your inbox every \
             weekday, with the stories that matter.</p></div>",
            "morning briefing",
        ),
        (
            "<div class='article-byline'><p>Par Marie Dupont, envoyée spéciale</p></div>",
            "Marie Dupont",
        ),
    ] {
        let text = shown(&story(inside));
        assert!(!text.contains(gone), "{gone} shown:\n{text}");
        assert!(text.contains("The ferry is described"), "{text}");
    }
}

#[test]
fn a_box_holding_most_of_the_article_or_a_quoted_post_is_the_article() {
    // The article's own container may carry a furniture word in its name.
    let html = format!(
        "<html><body><div class='content-with-share-bar'><h1>Harbour reopens</h1>{}{}{}</div>\
         </body></html>",
        prose("The harbour"),
        prose("The ferry"),
        prose("The council")
    );
    assert!(shown(&html).contains("The ferry is described"));
    // An embedded post is quoted by the article, whatever its box is called.
    let embed = "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>Yes this \
                 is real and the state paid for it.</p></blockquote></div>";
    assert!(shown(&story(embed)).contains("Yes this is real"));
}

#[test]
fn a_sidebar_box_in_a_manual_chapter_is_read() {
    // Publican's "sidebar" boxes hold the chapter's own prose.
    let inside = "<div class='sidebar'><div class='titlepage'><p class='title'><strong>基本 \
                  IP 封包</strong></p></div><div class='para'>今天，大部分的网络使用 IP \
                  通信协议。这种协议把传输数据切割成小小的封包，每个封包都带有地址。</div></div>";
    assert!(shown(&story(inside)).contains("大部分的网络使用"));
}

#[test]
fn a_picture_figure_is_furniture_a_code_figure_is_not() {
    for figure in [
        "<figure><img src='a.jpg'><figcaption>Boats wait at the quay on Tuesday as the \
         harbour reopens.</figcaption></figure>",
        "<figure class='e-image'><picture><img src='b.jpg'></picture><span><figcaption>Лодки \
         ждут у причала.</figcaption><cite>Иван Петров/ТАСС</cite></span></figure>",
    ] {
        let text = shown(&story(figure));
        assert!(
            !text.contains("Boats wait") && !text.contains("Лодки"),
            "{text}"
        );
        assert!(!text.contains("Иван Петров"), "{text}");
    }
    let listing = "<figure><pre>cargo build --release</pre><figcaption>Building the \
                   release binary</figcaption></figure>";
    let text = shown(&story(listing));
    assert!(text.contains("cargo build") && text.contains("Building the release"));
}

/// A summary paragraph over the byline is the story's opening, not furniture: moving the story's
/// start past such a byline cost headings and text on pages it was not tuned on.
#[test]
fn a_dek_over_the_byline_is_kept_as_the_story_s_opening() {
    let html = format!(
        "<html><body><article><h1>Harbour reopens</h1><p>A storm closed it for a week; the \
         town's ferries are running again.</p><p>By Ana Swanson</p>{}{}</article></body></html>",
        prose("The harbour"),
        prose("The ferry")
    );
    let text = shown(&html);
    assert!(text.contains("A storm closed it"), "{text}");
    assert!(text.contains("The harbour is described"), "{text}");
}

#[test]
fn a_date_line_does_not_open_the_story_but_a_dated_sentence_does() {
    let html = |first: &str| {
        format!(
            "<html><body><article><h1>Harbour reopens</h1><p>{first}</p>{}{}</article>\
             </body></html>",
            prose("The harbour"),
            prose("The ferry")
        )
    };
    let dateline = "Updated 10:01 pm PST, Tuesday, November 19, 2019";
    assert!(!shown(&html(dateline)).contains("Updated 10:01"));
    let sentence = "The council met on November 18, 2019, and voted to reopen the harbour.";
    assert!(shown(&html(sentence)).contains("The council met"));
    // A lead paragraph that no byline follows is the story's.
    let lead = "A storm closed it for a week; the town's ferries are running again.";
    assert!(shown(&html(lead)).contains("A storm closed it"));
}

#[test]
fn calls_to_subscribe_and_pointers_to_other_stories_are_furniture() {
    let inside = "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>\
                  <p>Read more: Ferry fares rise for the winter season</p>\
                  <p>The mayor shared the timetable on Twitter and Facebook on Monday.</p>";
    let text = shown(&story(inside));
    assert!(
        !text.contains("Subscribe") && !text.contains("Read more"),
        "{text}"
    );
    assert!(text.contains("The mayor shared the timetable"), "{text}");
}

/// A box named like furniture that holds a heading is a section of its own, not a caption or a
/// share bar: its prose is not hidden with it (hiding such boxes whole lost true headings).
#[test]
fn a_box_named_like_furniture_holding_a_heading_keeps_its_prose() {
    let section = format!(
        "<div class=\"related-coverage\"><h2>What the council decided</h2>{}</div>",
        prose("The vote")
    );
    let text = shown(&story(&section));
    assert!(text.contains("The vote is described"), "{text}");
    // Without the heading, the same box is furniture through and through.
    let teaser = "<div class=\"related-coverage\"><p>Ferry timetable changes for the winter \
                  season announced by the operator</p></div>";
    assert!(!shown(&story(teaser)).contains("Ferry timetable"));
}
