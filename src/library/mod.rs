//! The library: every article under a set of folders, listed with its title, format, length and
//! id, without parsing unchanged files again (see [`Cache`]).

mod add;
mod cache;
mod counts;
mod parse;
mod scan;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::article::Format;
use crate::paths::Paths;
use crate::progress::Progress;
use crate::reading::ReadingState;

pub use add::{AddError, Added, FolderAdded, add_bytes, add_file, add_folder};
pub use cache::{Cache, CacheError};
pub use counts::HighlightCounts;
pub use scan::{article_files, scan, scan_with};

/// File extensions (lower case) that mark an article when a folder is searched.
pub const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// One article of the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: PathBuf,
    /// The article's title; the file name when it could not be read.
    pub title: String,
    /// The detected format; for unreadable files, the one its extension suggests.
    pub format: Format,
    /// Length of the canonical text in characters (0 when unreadable).
    pub chars: usize,
    /// The article's id (see [`crate::article::Article::id`]); `None` when unreadable.
    pub id: Option<String>,
    /// File size in bytes.
    pub size: u64,
    /// Last modification time, when the file system tells it.
    pub mtime: Option<Timestamp>,
    /// Why the article could not be read, for showing in its row.
    pub error: Option<String>,
}

/// The format an article's extension promises, if it is one folio looks for.
pub fn format_of_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Plain),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// The usual file extension for articles of a format.
pub fn extension_of(format: Format) -> &'static str {
    match format {
        Format::Plain => "txt",
        Format::Markdown => "md",
        Format::Html => "html",
    }
}

/// The articles found by [`index`], and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Indexed {
    pub entries: Vec<Entry>,
    /// Problems worth telling the user about (the cache could not be saved).
    pub warnings: Vec<String>,
}

/// Lists the articles in `roots`, or in the library folder when `roots` is empty, with the
/// cache at [`Paths::cache_file`]; progress is shown on standard error when it is a terminal.
/// A library folder that does not exist yet is simply an empty library.
pub fn index(paths: &Paths, roots: &[PathBuf]) -> Indexed {
    let library = paths.library_dir();
    let roots = if roots.is_empty() {
        if !library.exists() {
            return Indexed::default();
        }
        vec![library]
    } else {
        roots.to_vec()
    };
    let mut cache = Cache::load(&paths.cache_file());
    let mut progress = Progress::on_stderr("indexing");
    let entries = scan(&roots, &mut cache, |done, total| {
        progress.update(done, total)
    });
    let warnings = cache
        .save()
        .err()
        .map(|e| e.to_string())
        .into_iter()
        .collect();
    Indexed { entries, warnings }
}

/// Orders entries most recently read first; articles never read follow, by title.
pub fn sort_recent_first(entries: &mut [Entry], state: &ReadingState) {
    entries.sort_by_cached_key(|entry| {
        let last_read = entry
            .id
            .as_deref()
            .and_then(|id| state.find(id, Some(&entry.path)))
            .map(|p| p.last_read);
        (
            std::cmp::Reverse(last_read),
            entry.title.to_lowercase(),
            entry.path.clone(),
        )
    });
}

/// What to tell a reader whose library folder holds no articles yet.
pub fn empty_library_message(library_dir: &Path) -> String {
    format!(
        "Your library ({}) is empty. Add articles with `folio add FILE...` or \
         `some-command | folio add -`, or open a file directly: `folio FILE`.",
        library_dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_article_extension_has_a_format() {
        for ext in ARTICLE_EXTENSIONS {
            let path = PathBuf::from(format!("a.{}", ext.to_uppercase()));
            assert!(format_of_extension(&path).is_some(), "{ext}");
        }
        assert_eq!(format_of_extension(Path::new("a.pdf")), None);
        assert_eq!(format_of_extension(Path::new("txt")), None);
        for format in [Format::Plain, Format::Markdown, Format::Html] {
            let path = PathBuf::from(format!("a.{}", extension_of(format)));
            assert_eq!(format_of_extension(&path), Some(format));
        }
    }

    #[test]
    fn indexing_an_absent_library_creates_nothing_and_a_present_one_is_cached() {
        let tmp = tempfile::tempdir().unwrap();
        let paths = Paths::in_folder(tmp.path().join("home"));
        let indexed = index(&paths, &[]);
        assert!(indexed.entries.is_empty() && indexed.warnings.is_empty());
        assert!(!paths.data_dir().exists());

        std::fs::create_dir_all(paths.library_dir()).unwrap();
        std::fs::write(paths.library_dir().join("a.txt"), "A").unwrap();
        let indexed = index(&paths, &[]);
        assert_eq!(indexed.entries.len(), 1);
        assert_eq!(Cache::load(&paths.cache_file()).len(), 1);

        let other = tmp.path().join("elsewhere.md");
        std::fs::write(&other, "# B").unwrap();
        let indexed = index(&paths, std::slice::from_ref(&other));
        assert_eq!(indexed.entries.len(), 1);
        assert_eq!(indexed.entries[0].format, Format::Markdown);
    }

    #[test]
    fn recently_read_articles_come_first() {
        let entry = |title: &str, id: &str| Entry {
            path: PathBuf::from(format!("/lib/{id}.txt")),
            title: title.to_string(),
            format: Format::Plain,
            chars: 100,
            id: Some(id.to_string()),
            size: 100,
            mtime: None,
            error: None,
        };
        let mut entries = vec![
            entry("zebra", "z"),
            entry("Apple", "a"),
            entry("old", "o"),
            entry("new", "n"),
        ];
        let mut state = ReadingState::unsaved();
        let at = |seconds| crate::reading::Position {
            offset: 1,
            chars: 100,
            last_read: Timestamp::from_second(seconds).unwrap(),
        };
        state.set("o", at(1_000));
        state.set("n", at(2_000));
        sort_recent_first(&mut entries, &state);
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["new", "old", "Apple", "zebra"]);
    }

    #[test]
    fn empty_message_names_the_folder_and_the_commands() {
        let message = empty_library_message(Path::new("/data/folio/library"));
        assert!(message.contains("/data/folio/library"));
        assert!(message.contains("folio add FILE..."));
        assert!(message.contains("folio add -"));
    }
}
