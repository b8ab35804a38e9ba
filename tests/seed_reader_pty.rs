//! Issue 3's acceptance drill on the seed article, in a real pseudo-terminal: title, outline
//! and first paragraphs at 120×40; `]` walks the headings one per press, each on top; the
//! section on top is marked in the outline and named in the status line; a resize to 50×15
//! and back keeps it on screen; `q` exits 0 with the terminal restored.

mod support;

use std::process::Command;

use support::pty::Session;

const LOOKING_AHEAD: &str = "Looking Ahead: The Future of Social Commerce";

/// Columns of the outline at 120 (a quarter of the width, border included).
const OUTLINE_WIDTH: u16 = 30;

/// The first `n` characters of `s`: outline entries are cut to the pane's width.
fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The outline's column of row `row`, and the reader pane's part of it.
fn split(screen: &vt100::Screen, row: u16) -> (String, String) {
    let line = screen
        .rows(0, 120)
        .nth(usize::from(row))
        .unwrap_or_default();
    let cut = line
        .char_indices()
        .nth(usize::from(OUTLINE_WIDTH))
        .map_or(line.len(), |(i, _)| i);
    (line[..cut].to_string(), line[cut..].to_string())
}

/// The outline row showing `title`, and whether it is drawn bold (the current-section mark).
fn outline_entry(screen: &vt100::Screen, title: &str) -> Option<(u16, bool)> {
    let wanted = prefix(title, 20);
    (1..39).find_map(|row| {
        let (outline, _) = split(screen, row);
        let column = outline.find(&wanted)?;
        let col = outline[..column].chars().count() as u16;
        let bold = screen.cell(row, col).is_some_and(|c| c.bold());
        Some((row, bold))
    })
}

/// The article's title and its sections, as `folio outline --json` reports them (the exact
/// titles are checked by tests/seed_outline.rs).
fn outline(seed: &str) -> (String, Vec<String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["outline", "--json", seed])
        .output()
        .expect("run folio outline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("outline JSON");
    let titles = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter(|s| s["level"] == 2)
        .map(|s| s["title"].as_str().expect("a title").to_string())
        .collect();
    (
        json["title"].as_str().expect("the title").to_string(),
        titles,
    )
}

#[test]
fn seed_article_walks_its_sections_and_survives_a_resize_or_skip() {
    let Some(seed) = support::seed::path_or_skip() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let (title, sections) = outline(&seed);
    assert_eq!(sections.len(), 7, "{sections:?}");
    assert!(sections.iter().any(|s| s == LOOKING_AHEAD));
    let mut folio = Session::start(&[&seed], home.path(), (120, 40));

    folio.wait_for("The recent regulatory storms surrounding TikTok");
    folio.wait_until("the title and the outline", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains(&title))
            && sections.iter().all(|t| outline_entry(s, t).is_some())
    });

    for heading in std::iter::once(&title).chain(&sections) {
        folio.send("]");
        let top = prefix(heading, 60);
        folio.wait_until(&format!("{heading:?} on top of the reader pane"), |s| {
            split(s, 1).1.trim_start().starts_with(&top)
        });
        if heading == LOOKING_AHEAD {
            folio.wait_until("Looking Ahead marked and named", |s| {
                let status = s.contents().lines().nth(39).unwrap_or_default().to_string();
                let marked = outline_entry(s, LOOKING_AHEAD).is_some_and(|(_, bold)| bold);
                let others_plain = sections
                    .iter()
                    .filter(|t| *t != LOOKING_AHEAD)
                    .all(|t| outline_entry(s, t).is_some_and(|(_, bold)| !bold));
                marked && others_plain && status.contains(&format!("§ {LOOKING_AHEAD}"))
            });
            folio.resize(50, 15);
            folio.wait_until("Looking Ahead on the narrow screen", |s| {
                let no_outline = !split(s, 1).0.contains('│');
                s.size() == (15, 50) && no_outline && s.contents().contains(LOOKING_AHEAD)
            });
            folio.resize(120, 40);
            folio.wait_until("Looking Ahead back on top", |s| {
                s.size() == (40, 120) && split(s, 1).1.trim_start().starts_with(LOOKING_AHEAD)
            });
        }
    }

    folio.send("q");
    assert_eq!(folio.wait_exit(), 0);
    folio.wait_until("the terminal restored", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
}
