//! End to end: the reader's slow work runs on worker threads, so the keys are answered
//! meanwhile. Quitting while a 10 MB article is read and parsed exits at once, with the
//! terminal restored; keys are answered while an export of 1,000 highlights waits on its file.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use folio::article::Article;
use folio::highlights::{Color, Store};
use support::pty::{Session, restored};

/// An article of about 10 MB: a title and numbered paragraphs.
fn ten_megabytes(path: &Path) {
    let mut text = String::from("A Very Long Article\n\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        n += 1;
        text.push_str(&format!(
            "Paragraph {n}: the ferry crossed the strait at dawn, its deck wet with spray, \
             while the keeper of the lighthouse wrote the night's log by the last of the lamp.\n\n"
        ));
    }
    std::fs::write(path, text).expect("write the long article");
}

#[test]
fn quitting_while_a_ten_megabyte_article_parses_exits_at_once() {
    let home = tempfile::tempdir().expect("temp home");
    let shelf = home.path().join("shelf");
    std::fs::create_dir(&shelf).expect("setup");
    ten_megabytes(&shelf.join("big.txt"));
    std::fs::write(shelf.join("small.txt"), "Small\n\nA short one.\n").expect("setup");
    let shelf = shelf.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&shelf], home.path(), (100, 30));
    // Never opened, the articles are listed as found: the long one first, and chosen.
    folio.wait_until("the long article listed first", |s| {
        s.rows(0, 100)
            .nth(2)
            .unwrap_or_default()
            .contains("A Very Long Article")
    });
    folio.send("\r");
    // The library stays on screen and says what is being done meanwhile.
    folio.wait_for("opening big.txt…");
    let pressed = Instant::now();
    folio.send("q");
    let code = folio.wait_exit();
    let took = pressed.elapsed();
    eprintln!("q while a 10 MB article parses: exited {took:?} after the key");
    assert_eq!(code, 0);
    assert!(restored(&folio.screen()), "the terminal is restored");
    // Generous for a loaded machine: the parse itself takes seconds.
    assert!(
        took < Duration::from_secs(1),
        "folio took {took:?} to quit while parsing"
    );
}

/// The store at `store` with a highlight on each of the first `count` sentences of the
/// article at `article`, written in one go (a save per highlight would take minutes).
fn highlight_every_sentence(article: &Path, store: &Path, count: usize) {
    let text = Article::open(article).expect("the article reads");
    let (mut made, _) = Store::open(store).expect("a new store");
    let doc = made.document(&text);
    let first = sentence(&text, 1);
    made.add(&doc, &text, first, Color::Yellow, "")
        .expect("the first highlight");
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(store).expect("the store reads")).expect("json");
    let annotations = file["documents"]
        .as_object_mut()
        .and_then(|docs| docs.values_mut().next())
        .and_then(|doc| doc["annotations"].as_array_mut())
        .expect("the document's annotations");
    let template = annotations[0].clone();
    for n in 2..=count {
        let target = folio::highlights::anchor::target_for(&text, sentence(&text, n))
            .expect("a sentence anchors");
        let mut annotation = template.clone();
        annotation["id"] = serde_json::json!(format!("01JTESTHIGHLIGHT{n:010}"));
        annotation["target"] = serde_json::to_value(target).expect("a target serialises");
        annotations.push(annotation);
    }
    std::fs::write(store, serde_json::to_vec(&file).expect("json")).expect("write the store");
}

/// The characters of sentence `n` ("Sentence n stands here.") in `article`.
fn sentence(article: &Article, n: usize) -> std::ops::Range<usize> {
    let words = format!("Sentence {n} stands here.");
    let at = article.text.find(&words).expect("the sentence is there");
    let start = article.text[..at].chars().count();
    start..start + words.chars().count()
}

#[test]
fn keys_are_answered_while_an_export_of_a_thousand_highlights_is_written() {
    let home = tempfile::tempdir().expect("temp home");
    let article = home.path().join("thousand.md");
    let mut text = String::from("# Thousand Sentences\n\n");
    for n in 1..=1000 {
        text.push_str(&format!("Sentence {n} stands here."));
        text.push_str(if n % 10 == 0 { "\n\n" } else { " " });
    }
    std::fs::write(&article, text).expect("setup");
    let data = home.path().join("folio");
    std::fs::create_dir_all(data.join("exports")).expect("setup");
    highlight_every_sentence(&article, &data.join("annotations.json"), 1000);
    // The earlier export is a FIFO: reading it waits until the test writes to it, so the
    // export is still being written while keys are pressed.
    let stem = folio::export::file_name::safe_stem("Thousand Sentences");
    let fifo = data.join(format!("exports/{stem}.md"));
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());

    let article = article.to_string_lossy().into_owned();
    let mut folio = Session::start(&[&article], home.path(), (100, 30));
    folio.wait_for("Sentence 1 stands here.");
    // The outline counts the section's highlights once the store worker has listed them.
    folio.wait_for("1000");
    folio.send("E");
    folio.wait_for("exporting 1000 highlights…");
    // The reader answers: the end of the article, 100% read, while the export waits.
    folio.send("G");
    folio.wait_until("the end shown while exporting", |s| {
        let status = s.rows(0, 100).nth(29).unwrap_or_default();
        status.contains("100%") && status.contains("exporting 1000 highlights…")
    });
    // Let the export read an empty earlier file: not folio's, so it asks; `n` writes beside.
    drop(
        std::fs::OpenOptions::new()
            .write(true)
            .open(&fifo)
            .expect("open the FIFO"),
    );
    folio.wait_for("n new file beside it");
    folio.send("n");
    folio.wait_for("exported 1000 highlights to");
    let written = std::fs::read_to_string(data.join(format!("exports/{stem}-2.md")))
        .expect("the export is written beside the FIFO");
    assert_eq!(written.matches("stands here.").count(), 1000);
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}
