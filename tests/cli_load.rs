//! Loading through the real binary: encodings, hostile bytes, bad paths, big inputs, render width.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env(
            "FOLIO_HOME",
            std::env::temp_dir().join("folio-cli-load-home"),
        )
        .output()
        .expect("run folio")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "folio failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8 output")
}

fn seed() -> Option<PathBuf> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles/tiktok-xiaohongshu.txt");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: ../shared/articles/tiktok-xiaohongshu.txt not found");
        None
    }
}

fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/articles")
        .join(name)
}

/// Writes `text` re-encoded as `encoding` (with a BOM for UTF-16) and returns the outline JSON.
fn outline_of_encoded(dir: &Path, text: &str, encoding: &str) -> String {
    let bytes: Vec<u8> = match encoding {
        "utf-16le" => [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        "utf-16be" => [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        "gbk" => encoding_rs::GB18030.encode(text).0.into_owned(),
        _ => text.as_bytes().to_vec(),
    };
    // Same file name in every case: the name is the title of last resort.
    let folder = dir.join(encoding);
    std::fs::create_dir_all(&folder).expect("mkdir");
    let path = folder.join("article.txt");
    std::fs::write(&path, bytes).expect("write");
    stdout(&folio(&["outline", "--json", path.to_str().expect("path")]))
}

#[test]
fn encodings_give_the_same_outline_or_skip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut texts = vec![std::fs::read_to_string(asset("竹林的经济学.txt")).expect("asset")];
    if let Some(seed) = seed() {
        texts.push(std::fs::read_to_string(seed).expect("seed"));
    }
    for text in texts {
        let utf8 = outline_of_encoded(dir.path(), &text, "utf-8");
        assert!(utf8.contains("\"sections\""));
        for encoding in ["gbk", "utf-16le", "utf-16be"] {
            assert_eq!(
                outline_of_encoded(dir.path(), &text, encoding),
                utf8,
                "{encoding}"
            );
        }
    }
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hostile.txt");
    let hostile = "Title \u{1b}]0;pwned\u{7}Here\n\nSteal \u{1b}]52;c;ZWNobyBoaQ==\u{7}the clipboard, \u{1b}[2Jclear, \
                   \u{1b}[31mred\u{1b}[0m, \u{1b}P1;1|secret\u{1b}\\dcs, \u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\, \
                   \u{9b}2J c1, \u{1b}[201~ paste end, \u{202e}reversed.\n";
    std::fs::write(&path, hostile).expect("write");
    for args in [
        vec!["render", "--width", "40"],
        vec!["outline"],
        vec!["outline", "--json"],
    ] {
        let mut args = args.clone();
        args.push(path.to_str().expect("path"));
        let output = folio(&args);
        let out = stdout(&output);
        assert!(!out.contains('\u{1b}'), "{args:?} printed ESC: {out:?}");
        assert!(
            !out.chars()
                .any(|c| c != '\n' && (c.is_control() || c == '\u{202e}')),
            "{args:?}: {out:?}"
        );
    }
    let rendered = stdout(&folio(&[
        "render",
        "--width",
        "200",
        path.to_str().expect("path"),
    ]));
    assert!(
        rendered.contains("the clipboard"),
        "text around escapes survives: {rendered}"
    );
}

#[test]
fn bad_paths_fail_with_one_clear_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("picture.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("write");
    let zip = dir.path().join("archive.md");
    std::fs::write(&zip, b"PK\x03\x04\x14\0\0\0\0\0").expect("write");
    let missing = dir.path().join("missing.txt");
    let cases = [
        (png.clone(), "binary"),
        (zip.clone(), "binary"),
        (dir.path().to_path_buf(), "directory"),
        (missing.clone(), "no such file"),
    ];
    for (path, expected) in cases {
        for command in ["outline", "render"] {
            let output = folio(&[command, path.to_str().expect("path")]);
            assert!(!output.status.success(), "{command} {path:?} should fail");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
            assert!(
                stderr.contains(path.to_str().expect("path")),
                "names the file: {stderr}"
            );
            assert!(stderr.contains(expected), "{stderr}");
        }
    }
}

#[test]
fn empty_file_is_an_empty_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, b"").expect("write");
    let json: serde_json::Value = serde_json::from_str(&stdout(&folio(&[
        "outline",
        "--json",
        path.to_str().expect("path"),
    ])))
    .expect("json");
    assert_eq!(json["sections"], serde_json::json!([]));
    assert_eq!(
        stdout(&folio(&["render", path.to_str().expect("path")])),
        ""
    );
}

#[test]
fn ten_megabyte_single_line_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.txt");
    let line = "word 字 ".repeat(10 * 1024 * 1024 / 9);
    std::fs::write(&path, &line).expect("write");
    let out = stdout(&folio(&[
        "render",
        "--width",
        "100",
        path.to_str().expect("path"),
    ]));
    assert!(out.lines().all(|l| l.width() <= 100));
    assert_eq!(out.matches('字').count(), line.matches('字').count());
}

#[test]
fn the_mixed_sample_outlines_every_section_chengguo_included() {
    // "成果" heads a paragraph that opens "By the third year, …", which is a sentence, not a
    // byline under a teaser.
    let out = stdout(&folio(&[
        "outline",
        asset("深圳的开源社区-mixed.txt").to_str().expect("path"),
    ]));
    let sections: Vec<&str> = out.lines().skip(1).map(str::trim).collect();
    assert!(
        sections.ends_with(&["起点：一个周末 Meetup", "困难：语言和时差", "成果"]),
        "{out}"
    );
}

#[test]
fn the_seed_like_html_sample_outlines_its_sections_and_renders_without_furniture() {
    // A saved page shaped like the seed: a site name and menu on top, a chatbot preamble,
    // share buttons, a gallery counter and related reading in the article, a comment form.
    let page = asset("社区菜园-web-page.html");
    let page = page.to_str().expect("path");
    let out = stdout(&folio(&["outline", page]));
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    assert_eq!(
        lines,
        [
            "屋顶上的社区菜园：一栋老楼的三年",
            "从一张告示开始",
            "规则与分工",
            "困难：水、重量和邻居",
            "成果"
        ],
        "{out}"
    );
    let shown = stdout(&folio(&["render", "--width", "80", page]));
    for furniture in [
        "城市笔记",
        "AI 助手",
        "微信",
        "图 1 / 共 5 张",
        "相关阅读",
        "发表评论",
        "隐私政策",
    ] {
        assert!(!shown.contains(furniture), "{furniture} in:\n{shown}");
    }
    assert!(shown.contains("By the third summer") && shown.contains("检查排水"));
    let folded = stdout(&folio(&[
        "render",
        "--furniture",
        "fold",
        "--width",
        "80",
        page,
    ]));
    assert!(folded.contains("⋯ 2 lines of page furniture"), "{folded}");
}

#[test]
fn render_respects_width_with_cjk() {
    for name in [
        "竹林的经济学.txt",
        "深圳的开源社区-mixed.txt",
        "terminal-notes.md",
        "river-restoration.html",
    ] {
        for width in [20u16, 33, 80] {
            let out = stdout(&folio(&[
                "render",
                "--width",
                &width.to_string(),
                asset(name).to_str().expect("path"),
            ]));
            assert!(!out.is_empty());
            for line in out.lines() {
                assert!(
                    line.width() <= usize::from(width),
                    "{name} at {width}: {line:?}"
                );
            }
        }
    }
}

#[test]
fn help_has_examples_and_version_prints() {
    let help = stdout(&folio(&["--help"]));
    assert!(help.contains("Examples:") && help.contains("folio outline --json"));
    let version = stdout(&folio(&["--version"]));
    assert!(version.starts_with("folio "));
}
