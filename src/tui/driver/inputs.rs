//! What comes in from outside: terminal events and signals, on one channel with the workers'
//! answers so that the loop waits in one place; clicks counted into double and triple clicks.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::crossterm::terminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::Input;
use crate::tui::protocol::Msg;

/// Set while `$EDITOR` runs, so the input thread leaves the terminal's input to it.
pub static PAUSED: AtomicBool = AtomicBool::new(false);

/// How long the input thread waits for input before checking whether it should pause.
pub const POLL: Duration = Duration::from_millis(50);

/// Two clicks closer together than this make a double click.
const MULTI_CLICK: Duration = Duration::from_millis(400);

/// Starts the threads that read terminal events and wait for signals, both sending on `to_loop`;
/// `size` is the terminal's size the loop started with.
pub fn spawn(to_loop: &Sender<Input>, size: (u16, u16)) -> io::Result<()> {
    // In raw mode Ctrl-C is a key, so SIGINT comes only from `kill`: treated as SIGTERM.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let to_signal = to_loop.clone();
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // The store worker may be waiting for another folio's lock: it must stop waiting.
            crate::highlights::stop_waiting();
            let _ = to_signal.send(Input::Signal(signal));
        }
    });
    let sender = to_loop.clone();
    thread::spawn(move || read_terminal(&sender, size));
    Ok(())
}

/// Sends terminal events on `sender`; `size` is the size the loop last heard of.
fn read_terminal(sender: &Sender<Input>, mut size: (u16, u16)) {
    loop {
        // Polling with a timeout (not blocking in `read`) lets the thread stop reading while
        // `$EDITOR` has the terminal.
        if PAUSED.load(Ordering::SeqCst) {
            thread::sleep(POLL);
            continue;
        }
        let input = match event::poll(POLL) {
            Ok(false) => match unheard_resize(&mut size, terminal::size()) {
                Some(event) => Input::Terminal(event),
                None => continue,
            },
            Ok(true) => match event::read() {
                Ok(event) => {
                    if let Event::Resize(w, h) = event {
                        size = (w, h);
                    }
                    Input::Terminal(event)
                }
                Err(error) => Input::Failed(error),
            },
            Err(error) => Input::Failed(error),
        };
        let failed = matches!(input, Input::Failed(_));
        if sender.send(input).is_err() || failed {
            break;
        }
    }
}

/// A resize the loop has not heard of, when the terminal's size (`now`) is no longer `size`.
/// crossterm 0.29 drops a resize whose signal wakes it together with input (it returns the
/// input, and the signal is not reported again), so the size is also checked whenever no
/// input came for a moment: folio would go on drawing for the old size until the next resize.
fn unheard_resize(size: &mut (u16, u16), now: io::Result<(u16, u16)>) -> Option<Event> {
    let now = now.ok().filter(|now| now != size)?;
    *size = now;
    Some(Event::Resize(now.0, now.1))
}

/// The last left click: when, where, and how many in a row.
#[derive(Default)]
pub struct Clicks {
    last: Option<(Instant, u16, u16, u8)>,
}

impl Clicks {
    /// The message for a terminal event; `None` for events `update` does not take.
    pub fn message(&mut self, event: Event) -> Option<Msg> {
        Some(match event {
            Event::Key(key) => Msg::Key(key),
            Event::Mouse(
                mouse @ MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    ..
                },
            ) => self.click(mouse),
            Event::Mouse(mouse) => Msg::Mouse(mouse),
            Event::Resize(w, h) => Msg::Resize(w, h),
            _ => return None,
        })
    }

    fn click(&mut self, mouse: MouseEvent) -> Msg {
        let count = match self.last {
            Some((at, column, row, n))
                if at.elapsed() < MULTI_CLICK && (column, row) == (mouse.column, mouse.row) =>
            {
                n % 3 + 1
            }
            _ => 1,
        };
        self.last = Some((Instant::now(), mouse.column, mouse.row, count));
        Msg::Click {
            column: mouse.column,
            row: mouse.row,
            count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_the_loop_has_not_heard_of_is_sent_once_as_a_resize() {
        let mut size = (80, 24);
        assert!(unheard_resize(&mut size, Ok((80, 24))).is_none());
        assert_eq!(
            unheard_resize(&mut size, Ok((100, 30))),
            Some(Event::Resize(100, 30))
        );
        assert_eq!(size, (100, 30));
        assert!(unheard_resize(&mut size, Ok((100, 30))).is_none());
        // A size that cannot be read changes nothing.
        assert!(unheard_resize(&mut size, Err(io::Error::other("no tty"))).is_none());
        assert_eq!(size, (100, 30));
    }
}
