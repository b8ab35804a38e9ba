//! Reading positions that survive restarts: where each article was left, as a character offset
//! into its canonical text, in `state.json` under the data folder.
//!
//! Positions are keyed by the article's id (a hash of its text) and remember the file they were
//! read from, so an article whose text changed is still found by its path.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "folio-reading-state";
const VERSION: u32 = 1;

/// Why reading positions could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{path}: cannot read reading positions: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: the reading positions file is damaged ({problem}) and could not be moved aside \
         ({source}); move or delete it by hand"
    )]
    SetAside {
        path: PathBuf,
        problem: String,
        source: std::io::Error,
    },
    #[error("{path}: cannot save reading positions: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where an article was left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Character offset into the article's canonical text (the first visible character).
    pub offset: usize,
    /// The text's length in characters when the position was taken.
    pub chars: usize,
    pub last_read: Timestamp,
}

impl Position {
    /// A position taken now.
    pub fn new(offset: usize, chars: usize) -> Position {
        Position {
            offset,
            chars,
            last_read: Timestamp::now(),
        }
    }

    /// How far through the article the position is, 0 to 100 (see [`percent`]).
    pub fn percent(&self) -> u8 {
        percent(self.offset, self.chars)
    }
}

/// How far a reader is through an article, the one measure of "% read" that the status line
/// and the library both show: the characters before the reading position (the first one on
/// screen) out of all of them, where the reader saves the text's end as the position once the
/// last line is on screen, so an article read to the end, or fitting on one screen, is 100%.
pub fn percent(offset: usize, chars: usize) -> u8 {
    if chars == 0 {
        return 0;
    }
    let percent = offset.min(chars) as u128 * 100 / chars as u128;
    u8::try_from(percent).unwrap_or(100)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Record {
    #[serde(flatten)]
    position: Position,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct StateFile {
    format: String,
    version: u32,
    articles: BTreeMap<String, Record>,
}

/// All saved reading positions.
#[derive(Debug, Default)]
pub struct ReadingState {
    /// Where to save; `None` for a state that is never written.
    file: Option<PathBuf>,
    articles: BTreeMap<String, Record>,
    by_path: HashMap<PathBuf, String>,
    warnings: Vec<String>,
    dirty: bool,
}

impl ReadingState {
    /// Loads the positions saved at `path`; a missing file means none yet. A damaged file is
    /// renamed to `<name>.corrupt` (never overwritten) and reported in [`Self::warnings`].
    pub fn load(path: &Path) -> Result<ReadingState, StateError> {
        let mut state = ReadingState {
            file: Some(path.to_path_buf()),
            ..ReadingState::default()
        };
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(state),
            Err(source) => {
                return Err(StateError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        match parse(&bytes) {
            Ok(file) if file.version > VERSION => {
                state.warnings.push(format!(
                    "{}: written by a newer folio (version {}); reading positions will not be \
                     saved this time",
                    path.display(),
                    file.version
                ));
                state.file = None;
                state.insert_all(file.articles);
            }
            Ok(file) => state.insert_all(file.articles),
            Err(problem) => {
                let aside = set_aside(path).map_err(|source| StateError::SetAside {
                    path: path.to_path_buf(),
                    problem: problem.clone(),
                    source,
                })?;
                state.warnings.push(format!(
                    "{}: reading positions were damaged ({problem}); moved the file to {} and \
                     started afresh",
                    path.display(),
                    aside.display()
                ));
            }
        }
        Ok(state)
    }

    /// An empty state that is never saved, for when the file cannot be used.
    pub fn unsaved() -> ReadingState {
        ReadingState::default()
    }

    /// Problems found while loading, for the user to see.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The position saved for the article with this id.
    pub fn get(&self, article_id: &str) -> Option<Position> {
        self.articles.get(article_id).map(|r| r.position)
    }

    /// The position last saved for the file at `path`, whatever its text was then.
    pub fn get_by_path(&self, path: &Path) -> Option<Position> {
        let id = self.by_path.get(&crate::paths::normalize(path))?;
        self.get(id)
    }

    /// The position for the article by its id, else by the file it was read from. A position
    /// found by path was taken on a different text: compare its `chars` before trusting it.
    pub fn find(&self, article_id: &str, path: Option<&Path>) -> Option<Position> {
        self.get(article_id)
            .or_else(|| path.and_then(|p| self.get_by_path(p)))
    }

    /// Records a position for an article.
    pub fn set(&mut self, article_id: &str, position: Position) {
        let path = self.articles.get(article_id).and_then(|r| r.path.clone());
        self.insert(article_id.to_string(), Record { position, path });
    }

    /// Records a position for an article read from `path`. A position saved for an older text
    /// of the same file is dropped: the file now holds this one.
    pub fn set_with_path(&mut self, article_id: &str, path: &Path, position: Position) {
        let path = crate::paths::normalize(path);
        if let Some(old) = self.by_path.get(&path).filter(|old| *old != article_id) {
            let old = old.clone();
            self.articles.remove(&old);
        }
        let record = Record {
            position,
            path: Some(path),
        };
        self.insert(article_id.to_string(), record);
    }

    /// Writes the positions to the state file if anything changed, atomically. Positions that
    /// another folio saved meanwhile are kept: the newer of the two wins for each article.
    pub fn save(&mut self) -> Result<(), StateError> {
        let Some(path) = self.file.clone() else {
            return Ok(());
        };
        if !self.dirty {
            return Ok(());
        }
        if let Some(theirs) = std::fs::read(&path).ok().and_then(|b| parse(&b).ok()) {
            for (id, record) in theirs.articles {
                let newer = self
                    .articles
                    .get(&id)
                    .is_none_or(|ours| ours.position.last_read < record.position.last_read);
                // A record for a file we now hold under a newer text's id is stale.
                let superseded = record
                    .path
                    .as_ref()
                    .and_then(|p| self.by_path.get(p))
                    .is_some_and(|ours| *ours != id && self.articles.contains_key(ours));
                if newer && !superseded {
                    self.insert(id, record);
                }
            }
        }
        let file = StateFile {
            format: FORMAT.to_string(),
            version: VERSION,
            articles: self.articles.clone(),
        };
        let write_error = |source| StateError::Write {
            path: path.clone(),
            source,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(|e| write_error(e.into()))?;
        crate::atomic::write(&path, &json).map_err(write_error)?;
        self.dirty = false;
        Ok(())
    }

    fn insert_all(&mut self, articles: BTreeMap<String, Record>) {
        for (id, record) in articles {
            self.insert(id, record);
        }
        self.dirty = false;
    }

    fn insert(&mut self, id: String, record: Record) {
        if let Some(path) = &record.path {
            self.by_path.insert(path.clone(), id.clone());
        }
        self.articles.insert(id, record);
        self.dirty = true;
    }
}

fn parse(bytes: &[u8]) -> Result<StateFile, String> {
    let file: StateFile = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if file.format != FORMAT {
        return Err(format!("not a {FORMAT} file"));
    }
    Ok(file)
}

/// Renames a damaged file to the first free `<name>.corrupt`, `<name>.corrupt.2`, ...
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let mut name = path.as_os_str().to_owned();
    name.push(".corrupt");
    let base = PathBuf::from(name);
    let mut aside = base.clone();
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = PathBuf::from(format!("{}.{n}", base.display()));
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(offset: usize, chars: usize, seconds: i64) -> Position {
        Position {
            offset,
            chars,
            last_read: Timestamp::from_second(seconds).unwrap(),
        }
    }

    #[test]
    fn positions_survive_a_restart() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("data/state.json");
        let article = tmp.path().join("a.txt");
        std::fs::write(&article, "text").unwrap();

        let mut state = ReadingState::load(&file).unwrap();
        assert_eq!(state.get("abc"), None);
        state.set_with_path("abc", &article, at(120, 1000, 1_700_000_000));
        state.set("def", at(5, 10, 1_700_000_001));
        state.save().unwrap();

        let state = ReadingState::load(&file).unwrap();
        assert!(state.warnings().is_empty());
        assert_eq!(state.get("abc"), Some(at(120, 1000, 1_700_000_000)));
        assert_eq!(state.get("def").unwrap().percent(), 50);
        // The same file under another spelling still finds its position.
        let dotted = tmp.path().join(".").join("a.txt");
        assert_eq!(state.get_by_path(&dotted), state.get("abc"));
    }

    #[test]
    fn changed_text_is_found_by_path_and_replaces_the_old_id() {
        let tmp = tempfile::tempdir().unwrap();
        let article = tmp.path().join("a.txt");
        std::fs::write(&article, "text").unwrap();
        let file = tmp.path().join("state.json");
        let mut state = ReadingState::load(&file).unwrap();
        state.set_with_path("old", &article, at(40, 100, 1));
        state.save().unwrap();
        assert_eq!(state.find("new", Some(&article)), Some(at(40, 100, 1)));
        assert_eq!(state.find("new", None), None);
        state.set_with_path("new", &article, at(50, 120, 2));
        // Saving merges with the file on disk, which still holds the old id.
        state.save().unwrap();
        let state = ReadingState::load(&file).unwrap();
        assert_eq!(state.get("old"), None);
        assert_eq!(state.get_by_path(&article), Some(at(50, 120, 2)));
    }

    #[test]
    fn damaged_file_is_set_aside_not_emptied() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("state.json");
        for round in 1..=2 {
            std::fs::write(&file, b"{\"format\": \"folio-reading-st").unwrap();
            let mut state = ReadingState::load(&file).unwrap();
            assert_eq!(state.warnings().len(), 1);
            assert!(state.warnings()[0].contains("moved the file to"));
            state.set("x", at(1, 2, 3));
            state.save().unwrap();
            let aside = match round {
                1 => tmp.path().join("state.json.corrupt"),
                _ => tmp.path().join("state.json.corrupt.2"),
            };
            assert_eq!(
                std::fs::read(&aside).unwrap(),
                b"{\"format\": \"folio-reading-st"
            );
        }
        assert_eq!(
            ReadingState::load(&file).unwrap().get("x"),
            Some(at(1, 2, 3))
        );
    }

    #[test]
    fn a_foreign_json_file_counts_as_damaged() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("state.json");
        std::fs::write(
            &file,
            b"{\"format\": \"other\", \"version\": 1, \"articles\": {}}",
        )
        .unwrap();
        let state = ReadingState::load(&file).unwrap();
        assert!(state.warnings()[0].contains("not a folio-reading-state file"));
        assert!(!file.exists());
    }

    #[test]
    fn a_newer_file_is_read_but_not_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("state.json");
        let text = r#"{"format": "folio-reading-state", "version": 9, "articles":
            {"a": {"offset": 3, "chars": 9, "last_read": "2026-01-01T00:00:00Z", "extra": 1}}}"#;
        std::fs::write(&file, text).unwrap();
        let mut state = ReadingState::load(&file).unwrap();
        assert_eq!(state.get("a").unwrap().offset, 3);
        assert_eq!(state.warnings().len(), 1);
        state.set("b", at(1, 2, 3));
        state.save().unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    }

    #[test]
    fn saving_keeps_what_another_folio_saved_meanwhile() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("state.json");
        let mut first = ReadingState::load(&file).unwrap();
        let mut second = ReadingState::load(&file).unwrap();
        first.set("a", at(10, 100, 100));
        first.set("shared", at(1, 100, 100));
        first.save().unwrap();
        second.set("b", at(20, 100, 50));
        second.set("shared", at(2, 100, 50));
        second.save().unwrap();
        let merged = ReadingState::load(&file).unwrap();
        assert_eq!(merged.get("a").unwrap().offset, 10);
        assert_eq!(merged.get("b").unwrap().offset, 20);
        assert_eq!(
            merged.get("shared").unwrap().offset,
            1,
            "the newer position wins"
        );
    }

    #[test]
    fn percent_is_clamped() {
        assert_eq!(at(0, 0, 0).percent(), 0);
        assert_eq!(at(999, 10, 0).percent(), 100);
        assert_eq!(at(1, 3, 0).percent(), 33);
    }
}
