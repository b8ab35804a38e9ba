//! The seed article from issue 2: its outline through the binary, its chrome, and the same
//! outline and paragraphs once the dump is hard-wrapped at 72 columns.

use std::path::{Path, PathBuf};
use std::process::Command;

use folio::article::{Article, BlockKind};

const SEED: &str = "../shared/articles/tiktok-xiaohongshu.txt";

const SECTIONS: [&str; 7] = [
    "The Appeal of Xiaohongshu",
    "The Challenges of Transition",
    "Xiaohongshu’s E-commerce Push: A Necessary Evolution",
    "The TikTok Refugees: A Temporary Boost or a Long-Term Partnership?",
    "Looking Ahead: The Future of Social Commerce",
    "Conclusion",
    "References",
];
const TITLE: &str =
    "The TikTok Exodus: Can Xiaohongshu’s E-commerce Ambitions Capture Fleeing Creators?";

fn seed() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {SEED} not found");
        None
    }
}

fn outline_json(path: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["outline", "--json"])
        .arg(path)
        .output()
        .expect("run folio");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON outline")
}

fn assert_seed_outline(json: &serde_json::Value) {
    assert_eq!(json["title"], TITLE);
    let sections = json["sections"].as_array().expect("sections");
    let got: Vec<(u64, &str)> = sections
        .iter()
        .map(|s| {
            (
                s["level"].as_u64().expect("level"),
                s["title"].as_str().expect("title"),
            )
        })
        .collect();
    let mut want = vec![(1, TITLE)];
    want.extend(SECTIONS.iter().map(|s| (2, *s)));
    assert_eq!(got, want);
}

#[test]
fn seed_outline_is_title_then_seven_sections_or_skip() {
    let Some(path) = seed() else { return };
    assert_seed_outline(&outline_json(&path));
}

#[test]
fn seed_chrome_is_marked_or_skip() {
    let Some(path) = seed() else { return };
    let article = Article::open(&path).unwrap();
    let chrome: Vec<&str> = (0..article.blocks.len())
        .filter(|i| article.blocks[*i].kind == BlockKind::Chrome)
        .map(|i| article.block_text(i))
        .collect();
    assert_eq!(chrome[0], "黄山的油菜花黄山的油菜花");
    assert!(chrome[1].starts_with("Okay, I understand. Here’s a news article"));
    for tail in [">>> Read more <<<", "Views: 0", "发表回复"] {
        assert!(chrome.contains(&tail), "{tail} is not chrome: {chrome:?}");
    }
    assert!(
        chrome
            .iter()
            .any(|c| c.starts_with("您的邮箱地址不会被公开"))
    );
}

/// Wraps every paragraph at 72 columns the way a browser's "save as text" does; list items
/// hang under their marker.
fn hard_wrap(text: &str) -> String {
    text.split("\n\n")
        .map(|para| {
            let body = para.trim_start();
            let lead = &para[..para.len() - body.len()];
            let hang = format!("{lead}  ");
            let options = textwrap::Options::new(72)
                .initial_indent(lead)
                .subsequent_indent(&hang);
            textwrap::fill(body, options)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn seed_wrapped_at_72_columns_gives_the_same_outline_and_paragraphs_or_skip() {
    let Some(path) = seed() else { return };
    let text = std::fs::read_to_string(&path).unwrap();
    let wrapped = hard_wrap(&text);
    assert!(
        wrapped
            .lines()
            .all(|l| textwrap::core::display_width(l) <= 72)
    );
    let dir = tempfile::tempdir().unwrap();
    let wrapped_path = dir.path().join("tiktok-xiaohongshu.txt");
    std::fs::write(&wrapped_path, &wrapped).unwrap();
    assert_seed_outline(&outline_json(&wrapped_path));

    let original = Article::open(&path).unwrap();
    let rewrapped = Article::open(&wrapped_path).unwrap();
    let blocks = |a: &Article| -> Vec<(BlockKind, String)> {
        (0..a.blocks.len())
            .map(|i| (a.blocks[i].kind, a.block_text(i).to_string()))
            .collect()
    };
    assert_eq!(blocks(&rewrapped), blocks(&original));
}
