//! Progress of long jobs (indexing a library, adding a folder) as one self-erasing line on
//! standard error, shown only when standard error is a terminal.

use std::io::{IsTerminal, Write};

/// Reports `done/total` for a job, at most once per percent so big jobs do not flood the
/// terminal, and erases its line when the job completes.
pub struct Progress<W: Write> {
    out: Option<W>,
    label: String,
    shown: Option<usize>,
}

impl Progress<std::io::Stderr> {
    /// Progress on standard error, or nothing when it is not a terminal (a log or a pipe gets
    /// no carriage-return noise).
    pub fn on_stderr(label: &str) -> Self {
        let stderr = std::io::stderr();
        let out = stderr.is_terminal().then_some(stderr);
        Progress::to(out, label)
    }
}

impl<W: Write> Progress<W> {
    /// Progress written to `out`, or nowhere when it is `None`.
    pub fn to(out: Option<W>, label: &str) -> Self {
        Progress {
            out,
            label: label.to_string(),
            shown: None,
        }
    }

    pub fn update(&mut self, done: usize, total: usize) {
        let Some(out) = &mut self.out else {
            return;
        };
        // Progress is a courtesy: a terminal that refuses it must not stop the job.
        if done >= total {
            if self.shown.is_some() {
                let _ = write!(out, "\r\x1b[2K");
                let _ = out.flush();
            }
            return;
        }
        let percent = done * 100 / total.max(1);
        if self.shown == Some(percent) {
            return;
        }
        self.shown = Some(percent);
        let _ = write!(out, "\r{} {done}/{total} ({percent}%)", self.label);
        let _ = out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_each_percent_once_then_erases_itself() {
        let mut progress = Progress::to(Some(Vec::new()), "indexing");
        for done in 1..=400 {
            progress.update(done, 400);
        }
        let text = String::from_utf8(progress.out.unwrap()).unwrap();
        assert_eq!(text.matches('\r').count(), 100 + 1);
        assert!(text.starts_with("\rindexing 1/400 (0%)\rindexing 4/400 (1%)"));
        assert!(text.ends_with("\rindexing 396/400 (99%)\r\x1b[2K"));
    }

    #[test]
    fn an_instant_job_leaves_nothing() {
        let mut progress = Progress::to(Some(Vec::new()), "adding");
        progress.update(1, 1);
        assert!(progress.out.unwrap().is_empty());
    }
}
