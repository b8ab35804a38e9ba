//! Issue 18's "links survive" drill, driving the real binary: a claim and its evidence linked
//! with `folio highlight --supports`; the article is edited so the claim moves and the
//! evidence's sentence changes a little; the export still nests the evidence under the claim;
//! the claim deleted in the reader (`d`) leaves a dangling link that the reader, the export
//! and `folio notes --json` all show.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;

use support::pty::Session;

const CLAIM: &str = "Social commerce has proven to be highly effective in China.";
const EVIDENCE: &str =
    "Sales on Xiaohongshu grew by forty percent in one year according to the company report.";

const BEFORE: &str = "Trade notes\n\nIntro paragraph that says little. Social commerce has \
proven to be highly effective in China. Other words follow here.\n\nSecond paragraph. Sales on \
Xiaohongshu grew by forty percent in one year according to the company report. The end.\n";

/// The same article later: a paragraph added above moves the claim; one word added changes
/// the evidence's sentence.
const AFTER: &str = "Trade notes\n\nA new opening paragraph, added by the author later, pushes \
everything down a little.\n\nIntro paragraph that says little. Social commerce has proven to be \
highly effective in China. Other words follow here.\n\nSecond paragraph. Sales on Xiaohongshu \
grew by nearly forty percent in one year according to the company report. The end.\n";

/// `folio ARGS` with the test's data folder under `home`, as the pty sessions use it.
fn folio(home: &Path, args: &[&str]) -> String {
    support::first_hour::folio_ok(&home.join("folio"), args)
}

/// The one highlight with `id` in `folio notes --json`.
fn listed(home: &Path, id: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&folio(home, &["notes", "--json"])).unwrap();
    let documents = json["documents"].as_array().unwrap();
    let all = documents
        .iter()
        .flat_map(|d| d["highlights"].as_array().unwrap());
    all.into_iter().find(|h| h["id"] == id).cloned().expect(id)
}

#[test]
fn issue18_links_survive_a_move_and_a_fuzzy_edit_and_dangle_once_the_claim_is_deleted() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("article.txt");
    std::fs::write(&path, BEFORE).unwrap();
    let file = path.to_str().unwrap();
    let claim = folio(
        home.path(),
        &["highlight", file, "-q", CLAIM, "--role", "claim"],
    );
    let claim = claim.trim();
    let args = [
        "highlight",
        file,
        "-q",
        EVIDENCE,
        "--role",
        "evidence",
        "--supports",
        claim,
    ];
    let evidence = folio(home.path(), &args);
    let evidence = evidence.trim();

    std::fs::write(&path, AFTER).unwrap();
    let md = folio(home.path(), &["export", file]);
    let nested = format!("- **Claim:** \"{CLAIM}\"");
    let at = md.find(&nested).expect(&md);
    assert!(
        md[at..].contains("\n  - **Evidence (supports):** \"Sales on"),
        "{md}"
    );
    assert_eq!(listed(home.path(), claim)["status"], "moved");
    assert_eq!(listed(home.path(), evidence)["status"], "fuzzy");

    let mut reader = Session::start(&[file], home.path(), (100, 24));
    reader.wait_for("A new opening paragraph");
    reader.send("/highly effective\r");
    reader.wait_for("1/1");
    reader.send("d");
    reader.wait_for("highlight deleted");
    reader.send("/Xiaohongshu grew\r");
    reader.wait_for("1/1");
    reader.send("\x1b");
    reader.wait_for("? fuzzy: the text changed here");
    // The status line is too narrow for the link after the fuzzy warning: the list says it.
    reader.send("A");
    reader.wait_for("evidence · ⚠ dangling link");
    reader.send("q");
    reader.wait_until("the list closed", |s| !s.contents().contains("dangling"));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);

    let link = &listed(home.path(), evidence)["links"][0];
    assert_eq!(
        (link["target"].as_str(), &link["dangling"]),
        (Some(claim), &true.into())
    );
    let md = folio(home.path(), &["export", file]);
    assert!(
        !md.contains(&nested),
        "the deleted claim left the map: {md}"
    );
    let dangling = format!("supports a deleted highlight ({claim})");
    assert!(md.contains(&dangling), "the dangling link is said: {md}");
    assert!(md.contains("-->|supports| gone_"), "and drawn: {md}");
}
