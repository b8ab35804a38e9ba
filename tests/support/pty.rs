//! Runs the real `folio` binary in a pseudo-terminal and reads its screen with vt100, so the
//! reader can be driven end to end without a real terminal (as in CI).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen to show something: generous, as CI machines are slow.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `folio` in a pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    clears: Arc<AtomicUsize>,
    /// Every byte folio wrote to the terminal, for tests of what reaches it.
    written: Arc<Mutex<Vec<u8>>>,
}

/// Whether the terminal is back to normal: the main screen, the cursor shown.
pub fn restored(screen: &vt100::Screen) -> bool {
    !screen.alternate_screen() && !screen.hide_cursor()
}

/// What folio sends to clear the whole screen: on start, after a resize, after `$EDITOR`.
const CLEAR_ALL: &[u8] = b"\x1b[2J";

/// How many times `bytes` clear the whole screen.
pub fn clears_in(bytes: &[u8]) -> usize {
    let windows = bytes.windows(CLEAR_ALL.len());
    windows.filter(|w| *w == CLEAR_ALL).count()
}

fn size((cols, rows): (u16, u16)) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Starts `folio ARGS` in a `cols`×`rows` terminal with `home` as its data, config and
    /// state home (no XDG directory of the user's is touched).
    pub fn start(args: &[&str], home: &Path, size: (u16, u16)) -> Session {
        Session::start_with_env(args, home, size, &[])
    }

    /// [`Session::start`] with these environment variables set too (`EDITOR`, say).
    pub fn start_with_env(
        args: &[&str],
        home: &Path,
        size: (u16, u16),
        env: &[(&str, &str)],
    ) -> Session {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_folio"));
        command.args(args);
        Session::spawn(command, home, size, env)
    }

    /// As [`Session::start`], through `sh -c 'SETUP; exec folio ARGS'`: what the shell sets
    /// up (a `ulimit`, an ignored signal) carries over into folio.
    pub fn start_under(setup: &str, args: &[&str], home: &Path, size: (u16, u16)) -> Session {
        let mut command = CommandBuilder::new("sh");
        command.arg("-c");
        command.arg(format!("{setup}; exec \"$0\" \"$@\""));
        command.arg(env!("CARGO_BIN_EXE_folio"));
        command.args(args);
        Session::spawn(command, home, size, &[])
    }

    fn spawn(
        mut command: CommandBuilder,
        home: &Path,
        (cols, rows): (u16, u16),
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(size((cols, rows)))
            .expect("open a pty");
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        command.env("FOLIO_HOME", home.join("folio"));
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_STATE_HOME", home.join("state"));
        command.env("XDG_CACHE_HOME", home.join("cache"));
        command.env("RUST_BACKTRACE", "1");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("start folio");
        // The child holds the slave; dropping ours lets the reader see EOF when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&screen);
        let clears = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&clears);
        let written = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&written);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // The end of the previous read, so a sequence split between reads is still seen.
            let mut seen = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("screen lock").process(&buf[..n]);
                record
                    .lock()
                    .expect("output lock")
                    .extend_from_slice(&buf[..n]);
                seen.extend_from_slice(&buf[..n]);
                count.fetch_add(clears_in(&seen), Ordering::SeqCst);
                let keep = seen.len().min(CLEAR_ALL.len() - 1);
                seen.drain(..seen.len() - keep);
            }
        });
        Session {
            child,
            master: pair.master,
            writer,
            screen,
            clears,
            written,
        }
    }

    /// Every byte folio has written to the terminal so far.
    pub fn written(&self) -> Vec<u8> {
        self.written.lock().expect("output lock").clone()
    }

    /// Types `keys` (raw bytes: "j", "\r" for Enter, "\x1b[B" for Down...).
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// The screen as text, one line per row.
    pub fn text(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// A copy of the screen as it is now.
    pub fn screen(&self) -> vt100::Screen {
        self.screen.lock().expect("screen lock").screen().clone()
    }

    /// Row `row` of the screen as text.
    pub fn row(&self, row: u16) -> String {
        let parser = self.screen.lock().expect("screen lock");
        let (_, cols) = parser.screen().size();
        parser
            .screen()
            .rows(0, cols)
            .nth(usize::from(row))
            .unwrap_or_default()
    }

    /// Waits until `ready` holds for the screen; panics with the screen when it never does.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if ready(self.screen.lock().expect("screen lock").screen()) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; the screen shows:\n{}",
                self.text()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `needle`.
    pub fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("{needle:?}"), |s| s.contents().contains(needle));
    }

    /// Resizes the terminal, as a user dragging the window would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .expect("screen lock")
            .screen_mut()
            .set_size(rows, cols);
        self.resize_terminal_only(cols, rows);
    }

    /// Resizes the terminal but not the screen vt100 keeps, for tests that shrink it under
    /// wide characters: vt100 0.16 panics (subtracting with overflow, unwrapping a missing
    /// cell) when output drawn for the old size lands on a screen too small for it, or when a
    /// line wraps on a 1-row screen. Start such a session as large as it will ever get.
    pub fn resize_terminal_only(&mut self, cols: u16, rows: u16) {
        self.master.resize(size((cols, rows))).expect("resize pty");
    }

    /// Sends SIGTERM, as a system shutting down or `kill` would.
    pub fn terminate(&mut self) {
        self.signal("TERM");
    }

    /// Sends the signal named `name` ("TERM", "HUP", "INT") with `kill`.
    pub fn signal(&mut self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// folio's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("folio's process id")
    }

    /// How many times folio has cleared the whole screen so far: when the count moves after a
    /// resize, folio is still answering.
    pub fn clears(&self) -> usize {
        self.clears.load(Ordering::SeqCst)
    }

    /// folio's exit code, if it has exited.
    pub fn exit_code(&mut self) -> Option<u32> {
        self.child
            .try_wait()
            .expect("poll folio")
            .map(|status| status.exit_code())
    }

    /// Waits for folio to exit; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll folio") {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "folio did not exit; the screen shows:\n{}",
                self.text()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
