//! Notes that were being written when folio was stopped (SIGTERM, a closed terminal, SIGINT):
//! kept as drafts in the data folder's `drafts/`, one file per article, until the note is
//! saved or discarded; when that folder cannot take it (unwritable, a full disk), in the home
//! folder, else the temporary folder, as `folio-draft-*.json`, where folio looks too. A
//! damaged draft is moved aside and reported, never fatal.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "folio-draft";

/// Why a draft could not be kept or removed.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("could not write the draft anywhere: {}", failures.join("; "))]
    Write { failures: Vec<String> },
    #[error("could not remove the draft {} ({source}); delete it by hand", path.display())]
    Remove {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A note being written, with what it takes to put it back on the same passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Always `folio-draft`: a JSON file without it is not a draft.
    pub format: String,
    /// The id of the article's text when the note was being written.
    pub article_id: String,
    /// The file the article was read from.
    pub path: Option<PathBuf>,
    pub title: String,
    /// The store id of the highlight the note belongs to, when it had one.
    pub highlight: Option<String>,
    /// The highlighted passage; `None` for a highlight whose text was no longer found.
    pub passage: Option<Passage>,
    /// The note's text as typed so far.
    pub note: String,
    /// When it was kept (set on saving).
    #[serde(default)]
    pub saved_at: Option<Timestamp>,
}

/// A passage of an article: character offsets (start inclusive, end exclusive) and its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

impl Draft {
    /// A draft of `note`.
    pub fn new(
        article_id: &str,
        path: Option<PathBuf>,
        title: &str,
        highlight: Option<String>,
        passage: Option<Passage>,
        note: &str,
    ) -> Draft {
        Draft {
            format: FORMAT.to_string(),
            article_id: article_id.to_string(),
            path,
            title: title.to_string(),
            highlight,
            passage,
            note: note.to_string(),
            saved_at: None,
        }
    }

    /// The name it is kept under (one draft per article).
    pub fn key(&self) -> String {
        file_stem(&self.article_id)
    }
}

/// The name a draft has outside the drafts folder.
const ELSEWHERE: &str = "folio-draft-";

/// The drafts folder, and the folders that take a draft it cannot.
#[derive(Clone, Debug)]
pub struct Drafts {
    dir: PathBuf,
    fallbacks: Vec<PathBuf>,
}

impl Drafts {
    /// Drafts kept in `dir`, else in the home folder, else in the temporary folder.
    pub fn new(dir: impl Into<PathBuf>) -> Drafts {
        let dir = dir.into();
        let fallbacks = crate::refuge::folders(&dir).split_off(1);
        Drafts::with_fallbacks(dir, fallbacks)
    }

    /// Drafts kept in `dir`, else in the first of `fallbacks` that takes them.
    pub fn with_fallbacks(dir: impl Into<PathBuf>, fallbacks: Vec<PathBuf>) -> Drafts {
        Drafts {
            dir: dir.into(),
            fallbacks,
        }
    }

    /// The draft kept under `key` in each place, best first.
    fn files(&self, key: &str) -> Vec<PathBuf> {
        let stem = file_stem(key);
        let mut files = vec![self.dir.join(format!("{stem}.json"))];
        files.extend(
            self.fallbacks
                .iter()
                .map(|f| f.join(format!("{ELSEWHERE}{stem}.json"))),
        );
        files
    }

    /// Keeps `draft` (replacing an earlier one of the same article), atomically, stamped
    /// with the time and its path spelt as [`Drafts::find`] compares it: in the drafts
    /// folder, else in the first fallback folder where the write succeeds. Answers where.
    pub fn save(&self, draft: &Draft) -> Result<PathBuf, DraftError> {
        let draft = Draft {
            path: draft.path.as_deref().map(crate::paths::normalize),
            saved_at: Some(Timestamp::now()),
            ..draft.clone()
        };
        let json = serde_json::to_vec_pretty(&draft).map_err(|e| DraftError::Write {
            failures: vec![e.to_string()],
        })?;
        crate::refuge::first_that_takes(self.files(&draft.key()), |path| {
            crate::atomic::write(path, &json)
        })
        .map(|(path, ())| path)
        .map_err(|failures| DraftError::Write { failures })
    }

    /// Removes the draft kept under `key`, wherever it was kept; one already gone is fine.
    pub fn remove(&self, key: &str) -> Result<(), DraftError> {
        for path in self.files(key) {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                // Nothing there (nor a folder to hold it): nothing to remove.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                    ) => {}
                Err(source) => return Err(DraftError::Remove { path, source }),
            }
        }
        Ok(())
    }

    /// The draft of the article with this id, else of the file at `path` (whose text may
    /// have changed since); plus what was wrong with damaged drafts met on the way.
    pub fn find(&self, article_id: &str, path: Option<&Path>) -> (Option<Draft>, Vec<String>) {
        let (drafts, problems) = self.all();
        let path = path.map(crate::paths::normalize);
        let found = drafts
            .iter()
            .find(|d| d.article_id == article_id)
            .or_else(|| drafts.iter().find(|d| path.is_some() && d.path == path));
        (found.cloned(), problems)
    }

    /// Every draft kept, plus what was wrong with damaged ones (each moved aside, so it is
    /// reported once).
    pub fn all(&self) -> (Vec<Draft>, Vec<String>) {
        let mut drafts = Vec::new();
        let mut problems = Vec::new();
        let mut paths = json_files(&self.dir, "");
        for folder in &self.fallbacks {
            paths.extend(json_files(folder, ELSEWHERE));
        }
        for path in paths {
            match read(&path) {
                Ok(draft) => drafts.push(draft),
                Err(reason) => problems.push(set_aside(&path, &reason)),
            }
        }
        (drafts, problems)
    }

    /// What to say at the library about the drafts waiting, one line each.
    pub fn waiting(&self) -> Vec<String> {
        let (drafts, mut problems) = self.all();
        let mut lines: Vec<String> = drafts
            .iter()
            .map(|d| {
                format!(
                    "a note you were writing in \u{201c}{}\u{201d} was kept when folio was \
                     stopped: open that article to finish it",
                    d.title
                )
            })
            .collect();
        lines.append(&mut problems);
        lines
    }
}

/// The `.json` files in `folder` whose names start with `prefix`, sorted.
fn json_files(folder: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    paths.sort();
    paths
}

fn read(path: &Path) -> Result<Draft, String> {
    let bytes = crate::regular_file::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let draft: Draft =
        serde_json::from_slice(&bytes).map_err(|e| format!("it is not a draft: {e}"))?;
    if draft.format != FORMAT {
        return Err(format!("it does not say \"format\": \"{FORMAT}\""));
    }
    Ok(draft)
}

/// Moves a damaged draft out of the way (its bytes kept for the user) and says so.
fn set_aside(path: &Path, reason: &str) -> String {
    let mut aside = path.as_os_str().to_owned();
    aside.push(".corrupt");
    let aside = PathBuf::from(aside);
    match std::fs::rename(path, &aside) {
        Ok(()) => format!(
            "{}: a kept draft is damaged ({reason}); it was moved to {} and ignored",
            path.display(),
            aside.display()
        ),
        Err(e) => format!(
            "{}: a kept draft is damaged ({reason}) and could not be moved aside ({e}); it is \
             ignored",
            path.display()
        ),
    }
}

/// A file name made of `key`'s letters, digits, `-` and `_` only (article ids are hex).
fn file_stem(key: &str) -> String {
    let stem: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(64)
        .collect();
    if stem.is_empty() {
        "draft".to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, path: &Path, note: &str) -> Draft {
        let passage = Passage {
            start: 7,
            end: 25,
            quote: "One sentence here.".into(),
        };
        Draft::new(
            id,
            Some(path.to_path_buf()),
            "A title",
            None,
            Some(passage),
            note,
        )
    }

    #[test]
    fn a_draft_round_trips_and_is_found_by_id_then_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::with_fallbacks(dir.path().join("drafts"), Vec::new());
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "x").unwrap();
        let kept = draft("abc123", &article, "first line\nsecond 行");
        let file = drafts.save(&kept).unwrap();
        assert_eq!(file, dir.path().join("drafts/abc123.json"));
        let (found, problems) = drafts.find("abc123", None);
        assert_eq!(problems, Vec::<String>::new());
        let found = found.unwrap();
        assert!(found.saved_at.is_some());
        assert_eq!(
            found,
            Draft {
                saved_at: found.saved_at,
                ..kept.clone()
            }
        );
        // The file's text changed (another id): found by its path.
        assert_eq!(
            drafts.find("fff000", Some(&article)).0.map(|d| d.note),
            Some(kept.note.clone())
        );
        assert_eq!(drafts.find("fff000", None).0, None);
        let said = drafts.waiting();
        assert_eq!(said.len(), 1);
        assert!(said[0].contains("\u{201c}A title\u{201d}"), "{said:?}");
        drafts.remove(&kept.key()).unwrap();
        assert_eq!(drafts.find("abc123", None).0, None);
        // Removing again is fine.
        drafts.remove(&kept.key()).unwrap();
    }

    #[test]
    fn a_damaged_draft_is_moved_aside_reported_once_and_never_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::with_fallbacks(dir.path(), Vec::new());
        let article = dir.path().join("a.txt");
        drafts.save(&draft("good", &article, "kept")).unwrap();
        for (name, bytes) in [
            ("truncated.json", &b"{\"format\": \"folio-dr"[..]),
            ("other.json", &br#"{"format": "something-else"}"#[..]),
            ("binary.json", &[0xff, 0xfe, 0x00][..]),
        ] {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let (found, problems) = drafts.find("good", None);
        assert_eq!(found.map(|d| d.note).as_deref(), Some("kept"));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems.iter().all(|p| p.contains("moved to")),
            "{problems:?}"
        );
        assert!(dir.path().join("truncated.json.corrupt").exists());
        assert_eq!(drafts.all().1, Vec::<String>::new());
    }

    #[test]
    fn a_draft_that_cannot_be_written_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "a file where the folder should be").unwrap();
        let drafts = Drafts::with_fallbacks(blocker.join("drafts"), Vec::new());
        let error = drafts
            .save(&draft("x", &dir.path().join("a.txt"), "n"))
            .unwrap_err();
        assert!(error.to_string().contains("drafts/x.json"), "{error}");
    }

    #[test]
    fn a_draft_the_drafts_folder_cannot_take_goes_to_the_next_folder_and_is_found_there() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "a file where the folder should be").unwrap();
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let drafts = Drafts::with_fallbacks(blocker.join("drafts"), vec![home.clone()]);
        let kept = draft("x", &dir.path().join("a.txt"), "typed on a full disk");
        let file = drafts.save(&kept).unwrap();
        assert_eq!(file, home.join("folio-draft-x.json"));
        let found = drafts.find("x", None).0.map(|d| d.note);
        assert_eq!(found.as_deref(), Some("typed on a full disk"));
        drafts.remove("x").unwrap();
        assert!(!file.exists());
    }

    #[test]
    fn keys_make_safe_file_names() {
        assert_eq!(file_stem("../../etc/passwd"), "etcpasswd");
        assert_eq!(file_stem(""), "draft");
    }
}
