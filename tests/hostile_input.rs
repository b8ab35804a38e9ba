//! Hostile and broken input through the real binary: escape sequences, C1 controls and
//! bidirectional overrides in every format and encoding never reach the terminal through
//! `render`, `outline` or `outline --json` (nor through error messages), and broken files
//! (empty, huge, binary, half-broken UTF-8) either load or fail with one clear line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

fn folio<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env(
            "FOLIO_HOME",
            std::env::temp_dir().join("folio-hostile-home"),
        )
        .env_remove("NO_COLOR")
        .output()
        .expect("run folio")
}

/// The characters a terminal could act on: C0 controls but the newline, DEL, C1 controls,
/// bidirectional embeddings, overrides and isolates.
fn is_terminal_control(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Fails unless `bytes` are UTF-8 with no character a terminal could act on.
fn assert_inert(what: &str, bytes: &[u8]) {
    assert!(!bytes.contains(&0x1b), "{what}: ESC in {bytes:?}");
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some(c) = text.chars().find(|&c| is_terminal_control(c)) {
        panic!("{what}: printed {c:?} in {text:?}");
    }
}

/// Runs `render`, `outline` and `outline --json` on `path`, checks that all succeed and print
/// nothing a terminal acts on (the JSON also once its strings are decoded), and returns the
/// rendered text.
fn rendered_inert(path: &Path) -> String {
    let name = path.display();
    // Furniture shown too: everything folio can put on a screen must be inert.
    let render = folio(&[
        "render".as_ref(),
        "--furniture".as_ref(),
        "show".as_ref(),
        "--width".as_ref(),
        "60".as_ref(),
        path.as_os_str(),
    ]);
    let outline = folio(&["outline".as_ref(), path.as_os_str()]);
    let json = folio(&["outline".as_ref(), "--json".as_ref(), path.as_os_str()]);
    for (command, output) in [("render", &render), ("outline", &outline), ("json", &json)] {
        assert!(
            output.status.success(),
            "{command} {name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_inert(&format!("{command} {name}"), &output.stdout);
        assert_inert(&format!("{command} {name} (stderr)"), &output.stderr);
    }
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("outline JSON");
    let mut strings = vec![value["title"].as_str().expect("title").to_string()];
    for section in value["sections"].as_array().expect("sections") {
        strings.push(
            section["title"]
                .as_str()
                .expect("section title")
                .to_string(),
        );
    }
    for s in strings {
        assert_inert(&format!("decoded JSON of {name}"), s.as_bytes());
    }
    String::from_utf8(render.stdout).expect("UTF-8")
}

/// Each attack on a terminal, between two plain words that must survive it.
const ATTACKS: &[(&str, &str)] = &[
    ("OSC 52 clipboard write", "\u{1b}]52;c;cm0gLXJmIH4=\u{7}"),
    ("OSC 52 ended by ST", "\u{1b}]52;p;ZWNobyBoaQ==\u{1b}\\"),
    (
        "OSC 8 link",
        "\u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    ),
    ("OSC 0 title", "\u{1b}]0;pwned\u{7}"),
    ("OSC 2 title", "\u{1b}]2;pwned\u{1b}\\"),
    ("CSI cursor move", "\u{1b}[10;10H\u{1b}[2J\u{1b}[1A\u{1b}[K"),
    ("CSI colour", "\u{1b}[31;1m"),
    ("DCS", "\u{1b}P1;1|secret\u{1b}\\"),
    ("bracketed-paste end", "\u{1b}[201~"),
    ("8-bit CSI", "\u{9b}2J"),
    ("8-bit OSC", "\u{9d}0;pwned\u{9c}"),
    ("8-bit DCS", "\u{90}q#0\u{9c}"),
    ("NEL and other C1", "\u{85}\u{8d}\u{96}"),
    ("right-to-left override", "\u{202e}"),
    ("isolates", "\u{2066}\u{2067}\u{2068}\u{2069}"),
    ("embeddings", "\u{202a}\u{202b}\u{202c}\u{202d}"),
    ("bell and backspace", "\u{7}\u{8}\u{8}"),
];

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// Ordinary prose around the attacks, as a real article has: a file that is mostly control
/// characters is refused as binary, which is safe but not what these tests are after.
const PROSE: &str = "The ferry leaves the harbour at seven, crosses the bay in forty minutes and \
                     returns before the evening tide; passengers buy tickets on board.";

#[test]
fn attacks_in_every_format_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (what, attack) in ATTACKS {
        let plain = format!(
            "Heading {attack}here\n\nBefore{attack}after, in a paragraph of words. {PROSE}\n\n\
             • a list item {attack}with it\n\n{PROSE}\n"
        );
        let markdown = format!(
            "# Title {attack}here\n\nBefore{attack}after.\n\n## Sub {attack}heading\n\n\
             {PROSE}\n\n> quoted {attack}text\n\n```\ncode {attack}line\n```\n\n\
             [link {attack}text](http://x/{attack}) and `inline {attack}code`\n\n| a{attack} | b |\n|---|---|\n| c | d{attack} |\n"
        );
        let html = format!(
            "<!DOCTYPE html><html><head><title>Page {attack}title</title></head><body>\
             <article><h1>Title {attack}here</h1><p>Before{attack}after, with enough words to \
             be the article.</p><h2>Sub {attack}heading</h2><pre>code {attack}line</pre>\
             <p>More text {attack}here. {PROSE}</p></article></body></html>"
        );
        for (name, text) in [("a.txt", plain), ("a.md", markdown), ("a.html", html)] {
            let path = write(dir.path(), name, text.as_bytes());
            eprintln!("{what} in {name}");
            let rendered = rendered_inert(&path);
            assert!(
                rendered.contains("Before") && rendered.contains("after"),
                "{what} in {name}: the words around it are lost: {rendered:?}"
            );
        }
    }
}

#[test]
fn html_character_references_to_controls_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = "<html><body><article><h1>T&#27;]0;x&#7;itle &#x202E;here</h1>\
                <p>Esc &#27;[2J and &#x1b;]52;c;eA==&#x07; and &#x9b;31m and &#155;2J and \
                &#x85; and &#8238; text.</p></article></body></html>";
    let path = write(dir.path(), "refs.html", html.as_bytes());
    let rendered = rendered_inert(&path);
    assert!(rendered.contains("text."), "{rendered:?}");
}

#[test]
fn c1_controls_in_legacy_and_utf16_encodings_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    // windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined and decodes them to the C1
    // controls of the same number; 0x9D is OSC and 0x90 DCS.
    let mut legacy = b"Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade.\n\n".to_vec();
    legacy.extend_from_slice(
        b"Voil\xe0 \x9d0;pwned\x9c apr\xe8s \x90q#0\x9c d\xe9j\xe0 \x81\x8d\x8f vu.\n",
    );
    let rendered = rendered_inert(&write(dir.path(), "legacy.txt", &legacy));
    assert!(rendered.contains("Café crème"), "{rendered:?}");

    let text = "Title \u{1b}]0;pwned\u{7}here\n\nBody \u{9b}2J text \u{202e}reversed.\n";
    let utf16le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le.txt", utf16le), ("be-no-bom.txt", utf16be)] {
        let rendered = rendered_inert(&write(dir.path(), name, &bytes));
        assert!(
            rendered.contains("Body") && rendered.contains("reversed."),
            "{name}: {rendered:?}"
        );
    }
}

#[test]
fn styled_render_emits_only_its_own_colour_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let attacks: String = ATTACKS.iter().map(|(_, a)| format!("x{a}y ")).collect();
    let text = format!("# Title {attacks}\n\nBody {attacks}\n\n> quote {attacks}\n");
    let path = write(dir.path(), "styled.md", text.as_bytes());
    let output = folio(&[
        "render".as_ref(),
        "--color".as_ref(),
        "always".as_ref(),
        path.as_os_str(),
    ]);
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).expect("UTF-8");
    // Every ESC must open an SGR sequence (digits and semicolons, then `m`) and nothing else.
    for (i, _) in out.match_indices('\u{1b}') {
        let rest = &out[i + 1..];
        let params = rest
            .strip_prefix('[')
            .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';'));
        assert!(
            params.is_some_and(|r| r.starts_with('m')),
            "foreign escape at {i}: {:?}",
            &out[i..(i + 20).min(out.len())]
        );
    }
    let without_sgr: String = out
        .split('\u{1b}')
        .map(|p| p.split_once('m').map_or(p, |(_, r)| r))
        .collect();
    assert_inert("styled render without its SGR", without_sgr.as_bytes());
}

#[test]
fn file_names_with_escapes_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}1A\u{202e}name";
    let missing = dir.path().join(format!("{hostile}.txt"));
    let output = folio(&["render".as_ref(), missing.as_os_str()]);
    assert!(!output.status.success());
    assert_inert("error for a missing file", &output.stderr);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("evil") && stderr.contains("name.txt"),
        "{stderr}"
    );

    // With no heading, the file name is the title of last resort.
    let present = write(
        dir.path(),
        &format!("{hostile}.txt"),
        b"just a line of text\n",
    );
    rendered_inert(&present);
    let binary = write(
        dir.path(),
        &format!("{hostile}.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    );
    let output = folio(&["outline".as_ref(), binary.as_os_str()]);
    assert!(!output.status.success());
    assert_inert("error for a binary file", &output.stderr);
}

#[test]
fn zero_byte_and_all_zero_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["empty.txt", "empty.md", "empty.html", "empty"] {
        let path = write(dir.path(), name, b"");
        assert_eq!(rendered_inert(&path), "", "{name}");
    }
    let zeros = write(dir.path(), "zeros.txt", &[0u8; 4096]);
    let output = folio(&["render".as_ref(), zeros.as_os_str()]);
    assert!(!output.status.success(), "NUL bytes are not an article");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("zeros.txt") && stderr.contains("binary"),
        "{stderr}"
    );
}

#[test]
fn one_fifty_megabyte_line_renders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let unit = "word 字 Ab ";
    let line = unit.repeat(50 * 1024 * 1024 / unit.len());
    let path = write(dir.path(), "long.txt", line.as_bytes());
    let output = folio(&[
        "render".as_ref(),
        "--width".as_ref(),
        "80".as_ref(),
        path.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(out.lines().all(|l| l.width() <= 80));
    assert_eq!(out.matches('字').count(), line.matches('字').count());
}

#[test]
fn a_million_empty_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blank = "\n".repeat(1_000_000);
    let path = write(dir.path(), "blank.txt", blank.as_bytes());
    assert_eq!(rendered_inert(&path), "");
    let framed = format!("First words.{blank}Last words.{blank}");
    let path = write(dir.path(), "framed.txt", framed.as_bytes());
    let rendered = rendered_inert(&path);
    assert_eq!(rendered, "First words.\n\nLast words.\n");
    let crlf = "\r\n".repeat(1_000_000);
    let path = write(dir.path(), "crlf.txt", format!("A{crlf}B").as_bytes());
    assert_eq!(rendered_inert(&path), "A\n\nB\n");
}

/// A PNG and a ZIP as their first real bytes look, under every name folio reads.
#[test]
fn images_and_archives_are_refused_under_any_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    let mut zip = b"PK\x03\x04\x14\0\0\0\0\0\0\0!\0".to_vec();
    zip.extend_from_slice(&[0x3a, 0x37, 0x6f, 0x5c, 5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0]);
    zip.extend_from_slice(b"a.txthello");
    zip.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0\x33\0\0\0\x23\0\0\0\0\0");
    for (kind, bytes) in [("PNG", &png[..]), ("ZIP", &zip[..])] {
        for name in ["x.txt", "x.md", "x.html", "x"] {
            let path = write(dir.path(), name, bytes);
            for command in ["render", "outline"] {
                let output = folio(&[command.as_ref(), path.as_os_str()]);
                assert!(
                    !output.status.success(),
                    "{kind} as {name}: {command} succeeded"
                );
                assert!(output.stdout.is_empty());
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
                assert!(stderr.contains(kind) && stderr.contains(name), "{stderr}");
            }
        }
    }
}

#[test]
fn invalid_utf8_inside_utf8_shows_replacement_and_keeps_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8], &str, &str); 4] = [
        (
            "Chinese",
            "小红书的电商野心，能否留住从抖音出走的创作者？".as_bytes(),
            "前面的文字",
            "后面的文字",
        ),
        (
            "English with a few curly quotes",
            "It’s a “short” note — nothing more.".as_bytes(),
            "Words before it",
            "words after it",
        ),
        (
            "mixed",
            "Xiaohongshu 小红书 grew".as_bytes(),
            "Before 前",
            "after 后",
        ),
        // Around a cut character, some UTF-8 of its own: an all-ASCII file with stray high bytes
        // is as likely windows-1252 as broken UTF-8, and there folio lets the detector guess.
        (
            "a cut character",
            &"字".as_bytes()[..2],
            "Café “cut” here",
            "and go on — fine",
        ),
    ];
    for (what, middle, before, after) in cases {
        let mut bytes = format!("{before} ").into_bytes();
        bytes.extend_from_slice(middle);
        bytes.extend_from_slice(b" \xff\xfe\xc3\x28 ");
        bytes.extend_from_slice(format!("{after}.\n").as_bytes());
        let path = write(dir.path(), "broken.txt", &bytes);
        let rendered = rendered_inert(&path);
        let flat = rendered.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains('\u{fffd}'), "{what}: no U+FFFD in {flat:?}");
        assert!(
            flat.contains(before) && flat.contains(after),
            "{what}: {flat:?}"
        );
        let valid = String::from_utf8_lossy(middle);
        let valid = valid.trim_end_matches('\u{fffd}');
        assert!(flat.contains(valid), "{what}: {valid:?} lost in {flat:?}");
    }
}

#[test]
fn notes_carrying_attacks_are_listed_and_exported_inertly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(
        dir.path(),
        "ferry.txt",
        format!("Ferry \u{1b}]0;pwned\u{7}times\n\n{PROSE}\n").as_bytes(),
    );
    let store = dir.path().join("annotations.json");
    let note: String = ATTACKS.iter().map(|(_, a)| format!("n{a}o ")).collect();
    let added = folio(&[
        "highlight".as_ref(),
        "--annotations".as_ref(),
        store.as_os_str(),
        "--quote".as_ref(),
        "leaves the harbour".as_ref(),
        "--note".as_ref(),
        note.as_ref(),
        article.as_os_str(),
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let listings = [
        vec![
            "notes".as_ref(),
            "--annotations".as_ref(),
            store.as_os_str(),
        ],
        vec![
            "notes".as_ref(),
            "--annotations".as_ref(),
            store.as_os_str(),
            article.as_os_str(),
        ],
        vec![
            "notes".as_ref(),
            "--json".as_ref(),
            "--annotations".as_ref(),
            store.as_os_str(),
        ],
    ];
    let exports = ["md", "json"].map(|format| {
        vec![
            "export".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            "--annotations".as_ref(),
            store.as_os_str(),
            article.as_os_str(),
        ]
    });
    for args in listings.into_iter().chain(exports) {
        let output = folio(&args);
        assert!(output.status.success(), "{args:?}");
        assert_inert(&format!("{args:?}"), &output.stdout);
        assert_inert(&format!("{args:?} (stderr)"), &output.stderr);
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(out.contains("leaves the harbour"), "{args:?}: {out}");
    }
    // The JSON escapes what it must not print raw, and still gives the note back whole.
    let json = folio(&[
        "notes".as_ref(),
        "--json".as_ref(),
        "--annotations".as_ref(),
        store.as_os_str(),
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("notes JSON");
    assert_eq!(
        value["documents"][0]["highlights"][0]["note"],
        note.as_str()
    );
}
