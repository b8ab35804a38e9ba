//! OSC 8 hyperlinks: whether the terminal gets them, and the escape sequences for a link
//! target, built so that nothing from an article can form another sequence.

use crate::config::Hyperlinks;

/// Longest target sent (after escaping); terminals drop longer ones (VTE's limit is 2083).
const MAX_URL: usize = 2048;

/// Ends a hyperlink: `ESC ] 8 ; ; ESC \`.
pub const CLOSE: &str = "\x1b]8;;\x1b\\";

/// Whether the reader sends hyperlinks, from the setting and the environment (`var` looks a
/// variable up). `auto` is on only in terminals known to support OSC 8, and never inside
/// tmux or screen, which do not pass it on unless configured to.
pub fn enabled(setting: Hyperlinks, var: impl Fn(&str) -> Option<String>) -> bool {
    match setting {
        Hyperlinks::Always => true,
        Hyperlinks::Never => false,
        Hyperlinks::Auto => terminal_supports(var),
    }
}

fn terminal_supports(var: impl Fn(&str) -> Option<String>) -> bool {
    let term = var("TERM").unwrap_or_default();
    if var("TMUX").is_some() || term.starts_with("screen") || term.starts_with("tmux") {
        return false;
    }
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let vte = var("VTE_VERSION").and_then(|v| v.parse::<u32>().ok());
    ["KITTY_WINDOW_ID", "WT_SESSION", "WEZTERM_PANE", "GHOSTTY_RESOURCES_DIR"]
        .into_iter()
        .any(set)
        // VTE (GNOME Terminal, Tilix, …) has had OSC 8 since 0.50.
        || vte.is_some_and(|v| v >= 5000)
        || matches!(
            program.as_str(),
            "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "Tabby" | "rio"
        )
        || matches!(
            term.as_str(),
            "xterm-kitty" | "xterm-ghostty" | "wezterm" | "foot" | "foot-extra" | "alacritty"
        )
}

/// The sequence that opens a hyperlink to `target` (`ESC ] 8 ; id=ID ; URL ESC \`), or `None`
/// when the target is not an `http`, `https`, `mailto` or `ftp` address, or is too long.
/// Every byte of the URL outside printable ASCII (controls, DEL, ESC, BEL, and all of UTF-8,
/// so no C1 control or ST either) is percent-encoded; `id` (cells of one link share it, so the
/// terminal treats a wrapped link as one) is a number.
pub fn open(target: &str, id: usize) -> Option<String> {
    let (scheme, _) = target.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    if !matches!(scheme.as_str(), "http" | "https" | "mailto" | "ftp") {
        return None;
    }
    let url = escape(target);
    (url.len() <= MAX_URL).then(|| format!("\x1b]8;id=folio-{id};{url}\x1b\\"))
}

/// `target` with every byte outside `!`..=`~` percent-encoded.
fn escape(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for &byte in target.as_bytes() {
        if (0x21..=0x7e).contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn hyperlinks_auto_follows_the_terminal_and_stays_off_in_tmux() {
        let auto = Hyperlinks::Auto;
        assert!(enabled(auto, env(&[("TERM_PROGRAM", "WezTerm")])));
        assert!(enabled(auto, env(&[("VTE_VERSION", "7600")])));
        assert!(enabled(auto, env(&[("KITTY_WINDOW_ID", "1")])));
        assert!(!enabled(auto, env(&[("VTE_VERSION", "4800")])));
        assert!(!enabled(auto, env(&[("TERM", "xterm-256color")])));
        let tmux = [("TERM", "tmux-256color"), ("KITTY_WINDOW_ID", "1")];
        assert!(!enabled(auto, env(&tmux)));
        assert!(enabled(Hyperlinks::Always, env(&tmux)));
        assert!(!enabled(
            Hyperlinks::Never,
            env(&[("KITTY_WINDOW_ID", "1")])
        ));
    }

    #[test]
    fn hyperlink_targets_other_than_web_mail_and_ftp_are_refused() {
        for target in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "/relative/path",
            "\x1b]8;;http://x",
            "",
        ] {
            assert_eq!(open(target, 1), None, "{target:?}");
        }
        assert_eq!(
            open("https://e.org/a b", 7).as_deref(),
            Some("\x1b]8;id=folio-7;https://e.org/a%20b\x1b\\")
        );
        assert!(open(&format!("https://e.org/{}", "a".repeat(3000)), 1).is_none());
    }

    #[test]
    fn hyperlink_escaping_encodes_controls_escapes_and_c1() {
        let url = open("http://e.org/\x1b\\\x07\u{9c}\u{9b}x\u{7f}é;?", 1).expect("web");
        assert_eq!(
            url,
            "\x1b]8;id=folio-1;http://e.org/%1B\\%07%C2%9C%C2%9Bx%7F%C3%A9;?\x1b\\"
        );
    }

    proptest! {
        /// Whatever the target, the sequence is one OSC 8 with nothing but printable ASCII
        /// between its introducer and its final `ESC \`.
        #[test]
        fn hyperlink_sequences_never_carry_a_control_byte(
            tail in any::<String>(),
            scheme in prop::sample::select(vec!["http:", "https:", "mailto:", "ftp:", "HTTP:"]),
        ) {
            if let Some(seq) = open(&format!("{scheme}{tail}"), 3) {
                let body = seq
                    .strip_prefix("\x1b]8;")
                    .and_then(|s| s.strip_suffix("\x1b\\"))
                    .expect("one OSC 8");
                prop_assert!(body.bytes().all(|b| (0x21..=0x7e).contains(&b)), "{body:?}");
            }
        }
    }
}
