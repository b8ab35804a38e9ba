//! Issue 18's acceptance drill on the seed article, in a real pseudo-terminal: a claim, an
//! objection and evidence linked to it with `r` and `L`, a question; quit, reopen, the roles
//! are there; `folio export` prints the argument map nested, with a Mermaid block.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;
use std::process::Command;

use support::pty::Session;

/// Puts the caret on `words` with a search, selects their sentence and gives it `role`.
fn mark(folio: &mut Session, words: &str, role: char, said: &str) {
    folio.send(&format!("/{words}\r"));
    folio.wait_until(&format!("the caret on {words:?}"), |s| {
        s.contents()
            .lines()
            .last()
            .unwrap_or_default()
            .contains("1/1")
    });
    folio.send(&format!("vr{role}"));
    folio.wait_for(&format!("role: {said}"));
    folio.send("\x1b");
    folio.wait_until(&format!("{said} in the status line"), |s| {
        s.contents()
            .lines()
            .last()
            .unwrap_or_default()
            .contains(&format!("{said} ·"))
    });
}

/// Links the highlight under the caret to the claim, picked in the list by a filter.
fn link_to_claim(folio: &mut Session) {
    folio.send("L");
    folio.wait_for("link to…");
    folio.send("/proven to be highly\r");
    folio.wait_for("linked:");
}

fn export(home: &Path, seed: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["export", seed])
        .env("FOLIO_HOME", home.join("folio"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn issue18_seed_claim_objection_evidence_question_then_the_map_or_skip() {
    let Some(seed) = support::seed::path_or_skip() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let mut folio = Session::start(&[&seed], home.path(), (120, 40));
    folio.wait_for("The recent regulatory storms surrounding TikTok");

    mark(
        &mut folio,
        "This approach, known as social commerce",
        'c',
        "claim",
    );
    mark(&mut folio, "The most significant hurdle", 'o', "objection");
    link_to_claim(&mut folio);
    mark(&mut folio, "It encourages creators to tag", 'e', "evidence");
    link_to_claim(&mut folio);
    mark(
        &mut folio,
        "e-commerce ambitions are still",
        'q',
        "question",
    );
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);

    let mut folio = Session::start(&[&seed], home.path(), (120, 40));
    // Reopened where it was left.
    folio.wait_for("The TikTok Exodus");
    folio.send("/This approach, known\r");
    folio.wait_until("the claim's role shown again", |s| {
        s.contents()
            .lines()
            .last()
            .unwrap_or_default()
            .contains("claim ·")
    });
    folio.send("A");
    folio.wait_until("roles in the notes list", |s| {
        let c = s.contents();
        ["claim ·", "objection ·", "evidence ·", "question ·"]
            .iter()
            .all(|r| c.contains(r))
    });
    folio.send("q");
    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);

    let md = export(home.path(), &seed);
    let map = md.find("## Argument map").expect("a map");
    let first_quote = md.find("\n> ").expect("quotes");
    assert!(map < first_quote, "{md}");
    let claim = md
        .find("- **Claim:** \"This approach, known as social commerce")
        .expect(&md);
    let objection = md.find("\n  - **Objection (opposes):** \"").expect(&md);
    let evidence = md.find("\n  - **Evidence (supports):** \"").expect(&md);
    let questions = md.find("**Open questions**").expect(&md);
    assert!(
        claim < evidence.min(objection) && evidence.max(objection) < questions,
        "{md}"
    );
    assert!(md[questions..].contains("- **Question:**"), "{md}");
    let mermaid = md.find("```mermaid\ngraph TD\n").expect(&md);
    let block = &md[mermaid..];
    assert!(
        block.contains("-.->|opposes|") && block.contains("-->|supports|"),
        "{block}"
    );
}
