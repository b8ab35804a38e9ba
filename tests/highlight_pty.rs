//! Issue 4's acceptance drill in a real pseudo-terminal: search the seed article, `v` selects
//! the sentence, `a` opens the note editor, a two-line note, Ctrl-s, quit; the store holds
//! exactly that quote and note; reopening shows the highlight in place at 120 and at 60
//! columns; `folio notes --json` lists it as verified. Then `A` lists it and `E` exports it.

mod support;

use std::path::Path;
use std::process::Command;

use support::pty::Session;

const SEED: &str = "../shared/articles/tiktok-xiaohongshu.txt";

/// The seed's sentence that holds "known as social commerce".
const SENTENCE: &str = "This approach, known as social commerce, has proven to be highly effective \
                        in China, where consumers are increasingly influenced by online \
                        recommendations.";

const NOTE: &str = "Social commerce is the bet.\nCheck the numbers later.";

fn seed_present() -> bool {
    let found = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED).exists();
    if !found {
        eprintln!("skipped: {SEED} not found");
    }
    found
}

/// Whether some cell of the first on-screen occurrence of `needle` has a background colour.
fn painted(screen: &vt100::Screen, needle: &str) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        let line: String = (0..cols)
            .map(|c| {
                screen
                    .cell(row, c)
                    .map_or(String::new(), |x| x.contents().to_string())
            })
            .map(|s| if s.is_empty() { " ".to_string() } else { s })
            .collect();
        line.find(needle).is_some_and(|byte| {
            let col = line[..byte].chars().count() as u16;
            (col..col + needle.chars().count() as u16).all(|c| {
                screen
                    .cell(row, c)
                    .is_some_and(|x| x.bgcolor() != vt100::Color::Default)
            })
        })
    })
}

fn reopen_and_check(home: &Path, size: (u16, u16)) {
    let mut folio = Session::start(&[SEED], home, size);
    folio.wait_for("social");
    folio.wait_until("the highlight painted and its note marked", |s| {
        painted(s, "known as") && s.contents().contains('✎')
    });
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
}

#[test]
fn a_sentence_highlighted_with_a_note_is_saved_and_shown_again_or_skip() {
    if !seed_present() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let mut folio = Session::start(&[SEED], home.path(), (120, 40));
    folio.wait_for("TikTok");
    folio.send("/known as social commerce\r");
    folio.wait_for("1/1");
    folio.send("v");
    folio.send("a");
    folio.wait_for("Ctrl-s save");
    let mut lines = NOTE.lines();
    folio.send(lines.next().unwrap());
    folio.send("\r");
    folio.send(lines.next().unwrap());
    folio.wait_for("Check the numbers later.");
    folio.send("\x13");
    folio.wait_for("✎ Social commerce is the bet.");
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);

    let file = home.path().join("folio").join("annotations.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("annotations.json"))
            .expect("valid JSON");
    let docs = json["documents"].as_object().expect("documents");
    assert_eq!(docs.len(), 1);
    let annotations = docs.values().next().unwrap()["annotations"]
        .as_array()
        .expect("annotations");
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0]["target"]["quote"]["exact"], SENTENCE);
    assert_eq!(annotations[0]["note"], NOTE);

    reopen_and_check(home.path(), (120, 40));
    reopen_and_check(home.path(), (60, 30));

    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["notes", "--json", SEED])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("FOLIO_HOME", home.path().join("folio"))
        .output()
        .expect("run folio notes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let notes: serde_json::Value = serde_json::from_slice(&out.stdout).expect("notes JSON");
    let listed = &notes["documents"][0]["highlights"];
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(listed[0]["status"], "verified");
    assert_eq!(listed[0]["quote"], SENTENCE);

    // The notes panel lists it; E exports the article and says where.
    let mut folio = Session::start(&[SEED], home.path(), (120, 40));
    folio.wait_for("social");
    folio.send("A");
    folio.wait_for("1 highlight ·");
    folio.wait_for("✎ Social commerce is the bet.");
    folio.send("E");
    folio.wait_for("exported 1 highlight to");
    folio.send("\x1b");
    folio.wait_until("the list closed", |s| !s.contents().contains("Enter go to"));
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    let exports = home.path().join("folio").join("exports");
    let written = std::fs::read_dir(&exports)
        .expect("exports folder")
        .next()
        .expect("one export")
        .expect("entry");
    let markdown = std::fs::read_to_string(written.path()).expect("export");
    assert!(markdown.contains("known as social commerce"), "{markdown}");
    assert!(markdown.contains("Check the numbers later."), "{markdown}");
}
