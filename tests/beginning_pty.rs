//! End to end: a large article opens on its beginning at once, the whole takes its place on
//! the same text when it is read, and what is saved (a highlight, the reading position) is of
//! the whole article.

mod support;

use std::path::Path;

use folio::article::Article;
use support::pty::Session;

/// A Markdown article of about `megabytes` MB: a title, then sections of numbered paragraphs,
/// the last one saying so.
fn large_markdown(path: &Path, megabytes: usize) {
    let mut text = String::from("# The Harbour Almanac\n\n");
    let mut n = 0;
    while text.len() < megabytes * 1024 * 1024 {
        n += 1;
        if n % 20 == 1 {
            text.push_str(&format!("## Chapter {}\n\n", n / 20 + 1));
        }
        text.push_str(&format!(
            "Entry {n}: the ferry crossed the strait at dawn, its deck wet with spray, while \
             the keeper of the lighthouse wrote the night's log by the last of the lamp.\n\n"
        ));
    }
    text.push_str("The very last entry: the almanac closes with the winter tides.\n");
    std::fs::write(path, text).expect("write the large article");
}

/// The one document of the store in `home`, as JSON.
fn stored_document(home: &Path) -> serde_json::Value {
    let file = home.join("folio").join("annotations.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("annotations.json"))
            .expect("valid JSON");
    let docs = json["documents"].as_object().expect("documents");
    assert_eq!(docs.len(), 1, "{docs:?}");
    docs.values().next().expect("the document").clone()
}

#[test]
fn a_large_article_opens_on_its_beginning_and_is_saved_as_the_whole() {
    let home = tempfile::tempdir().expect("temp home");
    let article = home.path().join("almanac.md");
    large_markdown(&article, 6);
    let whole = Article::open(&article).expect("the article reads");
    let shown = article.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&shown], home.path(), (120, 40));
    // The first frame is of the beginning, drawn before the rest is read: the status line
    // says the file is still opening and cannot tell how far through it the screen is.
    folio.wait_for("The Harbour Almanac");
    let first_frames = String::from_utf8_lossy(&folio.written()).into_owned();
    assert!(
        first_frames.contains("opening almanac.md…"),
        "{first_frames}"
    );
    assert!(first_frames.contains("…%"), "{first_frames}");
    // Reading goes on meanwhile (or already in the whole): the same text stays on top when
    // the whole takes the beginning's place.
    folio.send("]]");
    folio.wait_until("Chapter 2 on top", |s| {
        s.contents()
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("Chapter 2"))
    });
    folio.wait_until("the whole article", |s| !s.contents().contains("…%"));
    assert!(folio.row(1).contains("Chapter 2"), "{}", folio.text());
    // The end of the whole article is there, and a highlight made on it is saved.
    folio.send("G");
    folio.wait_for("The very last entry");
    folio.send("/very last entry\r");
    folio.wait_for("1/1");
    folio.send("vh");
    folio.wait_until("the highlight saved", |_| {
        home.path().join("folio").join("annotations.json").exists()
    });
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    let document = stored_document(home.path());
    assert_eq!(document["text"]["chars"], whole.char_len);
    let quote = &document["annotations"][0]["target"]["quote"]["exact"];
    assert!(
        quote
            .as_str()
            .expect("a quote")
            .contains("The very last entry"),
        "{quote}"
    );
    // Reopened, it is where it was left: far beyond the beginning, so read whole first.
    let mut folio = Session::start(&[&shown], home.path(), (120, 40));
    folio.wait_for("The very last entry");
    assert!(!folio.text().contains("…%"), "{}", folio.text());
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}
