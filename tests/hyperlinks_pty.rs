//! Issue 16 end to end: with `hyperlinks = "always"`, web links reach the terminal as OSC 8
//! hyperlinks, and a `javascript:` target or one full of escape, bell and C1 bytes never
//! writes a sequence of its own: every OSC folio writes is an OSC 8 with a clean URL.

mod support;

use support::pty::{Session, restored};

const ARTICLE: &str = "# Links\n\nA [safe link](https://example.org/ok), a \
    [script link](javascript:alert(document.cookie)), an \
    [escape link](<https://e.org/a\u{1b}]8;;https://evil.example\u{1b}\\b\u{7}c\u{1b}]52;c;aGVsbG8=\u{7}d>) \
    and a [C1 link](https://e.org/x\u{9d}0;pwned\u{9c}y\u{9b}2J).\n";

/// One escape sequence in the output: a CSI (`ESC [`), or an OSC (`ESC ]`) with its body.
#[derive(Debug)]
enum Sequence {
    Csi,
    Osc(Vec<u8>),
}

/// Every escape sequence in `bytes`; panics on an escape that starts anything else, on a
/// bell or a C1 control outside them, or on an OSC that does not end with `ESC \`.
fn sequences(bytes: &[u8]) -> Vec<Sequence> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x1b => match bytes.get(i + 1) {
                Some(b'[') => {
                    let end = (i + 2..bytes.len())
                        .find(|&j| (0x40..=0x7e).contains(&bytes[j]))
                        .expect("CSI ends");
                    found.push(Sequence::Csi);
                    i = end + 1;
                }
                Some(b']') => {
                    let body_end = (i + 2..bytes.len())
                        .find(|&j| bytes[j] == 0x1b || bytes[j] == 0x07 || bytes[j] >= 0x80)
                        .expect("OSC ends");
                    assert_eq!(&bytes[body_end..body_end + 2], b"\x1b\\", "OSC ended by ST");
                    found.push(Sequence::Osc(bytes[i + 2..body_end].to_vec()));
                    i = body_end + 2;
                }
                other => panic!("escape followed by {other:?} at byte {i}"),
            },
            0x07 => panic!("a bell at byte {i}"),
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => {
                panic!("a C1 control at byte {i}")
            }
            _ => i += 1,
        }
    }
    found
}

/// The same links in HTML, with the bytes raw in one `href` and as character references in
/// another.
const HTML: &str = "<html><body><article><h1>Links</h1><p>A <a href='https://example.org/ok'>safe \
    link</a>, a <a href='javascript:alert(document.cookie)'>script link</a>, an <a \
    href='https://e.org/a\u{1b}]8;;https://evil.example\u{1b}\\b\u{7}c\u{9d}0;x\u{9c}d'>escape link</a> and \
    a <a href='https://e.org/x&#x1b;]52;c;aGVsbG8=&#7;&#x9b;2J&#x9c;y'>C1 link</a>: these four \
    links sit in a paragraph with enough words of its own around them, so that it reads as \
    the article's prose and not as a menu of links.</p></article></body></html>";

/// Hyperlinks on whatever the terminal; furniture shown, so the short HTML page's links are
/// on screen even if they are taken for a menu.
const HYPERLINKS_ALWAYS: &str = "[reader]\nhyperlinks = \"always\"\nfurniture = \"show\"\n";

/// The bodies of the OSC sequences folio wrote while showing `article` (named `name`) with
/// hyperlinks always on, after checking that the text was shown and the terminal restored.
fn osc_bodies(name: &str, article: &str) -> Vec<String> {
    let home = tempfile::tempdir().expect("temp dir");
    let config = home.path().join("folio");
    std::fs::create_dir_all(&config).expect("config folder");
    std::fs::write(config.join("config.toml"), HYPERLINKS_ALWAYS).expect("write config");
    let file = home.path().join(name);
    std::fs::write(&file, article).expect("write article");
    let path = file.to_str().expect("UTF-8 path");
    let mut session = Session::start(&[path], home.path(), (100, 30));
    session.wait_for("C1 link");
    for text in ["safe link", "script link", "escape link", "C1 link"] {
        assert!(session.text().contains(text), "{text} shown");
    }
    session.send("q");
    session.wait_exit();
    assert!(restored(&session.screen()));
    sequences(&session.written())
        .into_iter()
        .filter_map(|s| match s {
            Sequence::Osc(body) => Some(String::from_utf8(body).expect("ASCII")),
            Sequence::Csi => None,
        })
        .collect()
}

#[test]
fn hyperlinks_always_sends_only_clean_osc8_links() {
    for (name, article) in [("links.md", ARTICLE), ("links.html", HTML)] {
        let osc = osc_bodies(name, article);
        for body in &osc {
            let (params, url) = body
                .strip_prefix("8;")
                .and_then(|rest| rest.split_once(';'))
                .unwrap_or_else(|| panic!("not an OSC 8: {body:?}"));
            assert!(
                params.is_empty() || params.starts_with("id=folio-"),
                "{body:?}"
            );
            assert!(url.bytes().all(|b| (0x21..=0x7e).contains(&b)), "{body:?}");
            let web = ["https://", "http://", "mailto:", "ftp:"];
            assert!(
                url.is_empty() || web.iter().any(|s| url.starts_with(s)),
                "{body:?}"
            );
        }
        // Every character of a web link is a hyperlink; the script link is none, and the
        // links whose targets carried escapes are, with what is left of their targets.
        let urls = |needle: &str| osc.iter().filter(|b| b.contains(needle)).count();
        assert_eq!(
            urls("https://example.org/ok"),
            "safe link".len(),
            "{name}: {osc:?}"
        );
        assert_eq!(urls("javascript"), 0, "{name}");
        assert_eq!(
            urls("https://e.org/a"),
            "escape link".len(),
            "{name}: {osc:?}"
        );
        assert_eq!(urls("https://e.org/x"), "C1 link".len(), "{name}: {osc:?}");
    }
}
