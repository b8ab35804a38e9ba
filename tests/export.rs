//! `folio export` through the real binary: the Markdown reads back as what was highlighted,
//! JSON-LD carries the Web Annotation fields, and re-exports never lose the user's edits.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn folio(&self, args: &[&str]) -> Output {
        let store = self.path("annotations.json");
        Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .arg("--annotations")
            .arg(&store)
            .env("FOLIO_HOME", self.path("home"))
            .output()
            .expect("run folio")
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.folio(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }
}

fn seed() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles/tiktok-xiaohongshu.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: ../shared/articles/tiktok-xiaohongshu.txt not found");
            None
        }
    }
}

/// What a CommonMark parser reads from an export: headings, block quotes' text, other
/// paragraphs, and whether front matter came first.
#[derive(Debug, Default)]
struct Read {
    front_matter: bool,
    headings: Vec<(HeadingLevel, String)>,
    quotes: Vec<(String, Option<String>)>,
    paragraphs: Vec<String>,
}

fn read_back(markdown: &str) -> Read {
    let mut read = Read::default();
    let mut in_heading = None;
    let mut quote_depth = 0;
    let mut paragraph: Option<String> = None;
    let mut quote = String::new();
    let mut last_heading: Option<String> = None;
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES;
    for (n, event) in Parser::new_ext(markdown, options).enumerate() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) if n == 0 => read.front_matter = true,
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                let heading = in_heading.take().expect("heading");
                last_heading = Some(heading.1.clone());
                read.headings.push(heading);
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quote_depth += 1;
                quote.clear();
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                quote_depth -= 1;
                read.quotes.push((
                    quote.trim_end_matches("\n\n").to_string(),
                    last_heading.clone(),
                ));
            }
            Event::Start(Tag::Paragraph) => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                let text = paragraph.take().unwrap_or_default();
                if quote_depth > 0 {
                    quote.push_str(&text);
                    quote.push_str("\n\n");
                } else {
                    read.paragraphs.push(text);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = in_heading.as_mut() {
                    h.push_str(&t);
                } else if let Some(p) = paragraph.as_mut() {
                    p.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = paragraph.as_mut() {
                    p.push('\n');
                }
            }
            _ => {}
        }
    }
    read
}

#[test]
fn seed_export_reads_back_as_the_highlights_or_skip() {
    let Some(text) = seed() else { return };
    let env = Env::new();
    let article = env.path("seed.txt");
    std::fs::write(&article, &text).expect("write");
    let a = article.to_str().expect("path");
    // One highlight over two paragraphs, one on Chinese text, one that an edit will orphan.
    let two_paragraphs = "market. Another challenge is the difference in platform dynamics.";
    env.ok(&[
        "highlight",
        a,
        "--quote",
        two_paragraphs,
        "--note",
        "Two hurdles, *both* real.\n\nSecond paragraph of the note.",
    ]);
    env.ok(&[
        "highlight",
        a,
        "--quote",
        "TikTok难民长留不易",
        "--note",
        "原文标题",
    ]);
    let doomed = "It also means fostering a strong sense of community and ensuring that creators feel valued and respected.";
    env.ok(&[
        "highlight",
        a,
        "--quote",
        doomed,
        "--note",
        "will be orphaned",
    ]);
    std::fs::write(&article, text.replace(doomed, "")).expect("edit");

    let markdown = env.ok(&["export", a]);
    let read = read_back(&markdown);
    assert!(read.front_matter, "front matter first:\n{markdown}");
    let title =
        "The TikTok Exodus: Can Xiaohongshu’s E-commerce Ambitions Capture Fleeing Creators?";
    assert_eq!(read.headings[0], (HeadingLevel::H1, title.to_string()));
    let h2: Vec<&str> = read
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        [
            "The Challenges of Transition",
            "References",
            "Orphaned and review-flagged highlights"
        ]
    );
    let expected_first = "market.\n\nAnother challenge is the difference in platform dynamics.";
    assert_eq!(
        read.quotes[0],
        (
            expected_first.to_string(),
            Some("The Challenges of Transition".to_string())
        )
    );
    assert_eq!(
        read.quotes[1],
        (
            "TikTok难民长留不易".to_string(),
            Some("References".to_string())
        )
    );
    assert_eq!(
        read.quotes[2],
        (
            doomed.to_string(),
            Some("Orphaned and review-flagged highlights".to_string())
        )
    );
    assert!(
        read.paragraphs
            .iter()
            .any(|p| p == "Two hurdles, both real.")
    );
    assert!(read.paragraphs.iter().any(|p| p == "原文标题"));
    assert!(read.paragraphs.iter().any(|p| p.starts_with("Orphaned:")));
    // The same store gives the same bytes, the export time aside.
    let again = env.ok(&["export", a]);
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("exported:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&markdown), strip(&again));
}

#[test]
fn json_export_has_the_web_annotation_fields() {
    let env = Env::new();
    let article = env.path("notes.md");
    std::fs::write(
        &article,
        "# Title\n\n## Part\n\nSome words to keep in mind.\n",
    )
    .expect("write");
    let a = article.to_str().expect("path");
    env.ok(&["highlight", a, "--quote", "words to keep", "--note", "why"]);
    env.ok(&["highlight", a, "--quote", "Some"]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["export", "--format", "json", a])).expect("json");
    assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(json["type"], "AnnotationCollection");
    let items = json["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    for item in items {
        assert_eq!(item["type"], "Annotation");
        assert!(item["id"].is_string());
        assert!(
            item["body"].as_array().is_some_and(|b| !b.is_empty()),
            "{item}"
        );
        let selectors = item["target"]["selector"].as_array().expect("selectors");
        assert!(
            selectors
                .iter()
                .any(|s| s["type"] == "TextQuoteSelector" && s["exact"].is_string())
        );
        assert!(
            selectors
                .iter()
                .any(|s| s["type"] == "TextPositionSelector" && s["start"].is_u64())
        );
    }
    let note = items
        .iter()
        .find(|i| i["target"]["selector"][0]["exact"] == "words to keep")
        .expect("note");
    assert_eq!(note["body"][0]["type"], "TextualBody");
    assert_eq!(note["body"][0]["value"], "why");
}

#[test]
fn reexport_keeps_the_users_edits() {
    let env = Env::new();
    let article = env.path("essay.md");
    std::fs::write(
        &article,
        "# Essay\n\n## One\n\nFirst thought here.\n\n## Two\n\nSecond thought there.\n",
    )
    .expect("write");
    let a = article.to_str().expect("path");
    let out = env.path("essay-notes.md");
    let o = out.to_str().expect("path");
    env.ok(&["highlight", a, "--quote", "First thought"]);
    env.ok(&["export", a, "-o", o]);

    let first = std::fs::read_to_string(&out).expect("read");
    let edited = format!("{first}\n## My own conclusions\n\nThis I wrote myself.\n");
    std::fs::write(&out, &edited).expect("edit");
    env.ok(&["highlight", a, "--quote", "Second thought"]);
    env.ok(&["export", a, "-o", o]);
    let second = std::fs::read_to_string(&out).expect("read");
    assert!(second.contains("This I wrote myself."), "{second}");
    assert!(second.contains("> Second thought") && second.contains("> First thought"));

    // An edit inside folio's part is never overwritten silently.
    let inside = second.replace("> First thought", "> First thought, which I reworded");
    std::fs::write(&out, &inside).expect("edit");
    let refused = env.folio(&["export", a, "-o", o]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains(o) && message.contains("--force"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("read"), inside);
    env.ok(&["export", a, "-o", o, "--force"]);
    let backup = std::fs::read_to_string(format!("{o}.bak")).expect("backup");
    assert!(backup.contains("which I reworded"));
}

#[test]
fn all_writes_one_safe_file_per_article() {
    let env = Env::new();
    for (name, title) in [
        ("a.md", "Colons: and / slashes"),
        ("b.md", "中文标题"),
        ("c.md", "中文标题"),
    ] {
        let path = env.path(name);
        std::fs::write(&path, format!("# {title}\n\nBody text of {name}.\n")).expect("write");
        env.ok(&[
            "highlight",
            path.to_str().expect("path"),
            "--quote",
            "Body text",
        ]);
    }
    let dir = env.path("exports");
    let listed = env.ok(&["export", "--all", "-o", dir.to_str().expect("path")]);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["Colons-and-slashes.md", "中文标题-2.md", "中文标题.md"]
    );
    assert_eq!(listed.lines().count(), 3);
}
