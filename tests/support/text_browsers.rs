//! Saves a page as text with a real text-mode browser (`lynx -dump`, `w3m -dump`), the way a
//! person keeps a page from a terminal, so the plain-text parser is also scored on dumps that no
//! one in the project wrote the code for.
//!
//! Both are given the page's bytes as saved (they read its charset themselves), a width of 80
//! columns, UTF-8 output, and no list of link addresses at the end.

use std::io::Write;
use std::process::{Command, Stdio};

/// A text-mode browser that can save a page as text.
#[derive(Clone, Copy, Debug)]
pub enum Browser {
    Lynx,
    W3m,
}

impl Browser {
    pub fn name(self) -> &'static str {
        match self {
            Browser::Lynx => "lynx",
            Browser::W3m => "w3m",
        }
    }

    fn command(self) -> Command {
        let mut command = Command::new(self.name());
        match self {
            Browser::Lynx => command.args([
                "-dump",
                "-stdin",
                "-force_html",
                "-nolist",
                "-width=80",
                "-display_charset=utf-8",
            ]),
            Browser::W3m => {
                command.args(["-dump", "-T", "text/html", "-cols", "80", "-O", "UTF-8"])
            }
        };
        command
    }

    /// Whether the browser is installed; prints that the caller skips when it is not.
    pub fn available(self) -> bool {
        let found = Command::new(self.name())
            .arg("-version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok();
        if !found {
            println!("skipped: {} not found (CI installs it)", self.name());
        }
        found
    }

    /// The page as the browser saves it as text.
    pub fn dump(self, html: &[u8]) -> String {
        let mut child = self
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .env("HOME", std::env::temp_dir())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", self.name()));
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let bytes = html.to_vec();
        // Written from another thread: the browser may start printing before it has read all.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("{}: {e}", self.name()));
        let _ = writer.join();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}
