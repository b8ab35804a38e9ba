//! Issue 16 end to end: links whose targets are scripts or carry escape sequences are listed
//! (`U`) as text, and nothing from them reaches the terminal as a control sequence.

mod support;

use support::pty::Session;

const ARTICLE: &str = "# Links\n\nA [safe link](https://example.org/ok), a \
    [script link](javascript:alert(document.cookie)), an \
    [escape link](<https://e.org/a\u{1b}]8;;https://evil.example\u{1b}\\b\u{7}c\u{1b}]52;c;aGVsbG8=\u{7}d>) \
    and a [C1 link](https://e.org/x\u{9d}0;pwned\u{9c}y).\n";

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn hostile_link_targets_never_write_a_control_sequence() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = home.path().join("links.md");
    std::fs::write(&article, ARTICLE).expect("write article");
    let path = article.to_str().expect("UTF-8 path");
    let mut session = Session::start(&[path], home.path(), (100, 30));
    session.wait_for("safe link");
    session.send("U");
    session.wait_for("javascript:alert(document.cookie)");
    session.wait_for("(not a web address)");
    session.wait_for("https://example.org/ok");
    let written = session.written();
    // folio itself writes only CSI sequences (ESC [): never an OSC (ESC ]), DCS (ESC P), a
    // bell, or a C1 control, which is what an article's link target could try to smuggle in.
    for bad in [
        &b"\x1b]"[..],
        b"\x1bP",
        b"\x07",
        b"\xc2\x9d",
        b"\xc2\x9b",
        b"\xc2\x9c",
    ] {
        assert_eq!(find(&written, bad), None, "{bad:?} written to the terminal");
    }
    let escapes = written.iter().filter(|&&b| b == 0x1b).count();
    let csi = written.windows(2).filter(|w| w == b"\x1b[").count();
    assert_eq!(escapes, csi, "an escape that starts no CSI sequence");
    // `q` closes the list, as it does help; a second `q` quits.
    session.send("q");
    session.wait_until("the list closed", |screen| {
        !screen.contents().contains("Esc closes")
    });
    session.send("q");
    session.wait_exit();
}
