//! The library: every article under a set of folders, listed with its title, format, length and
//! id, without parsing unchanged files again (see [`Cache`]).

mod add;
mod cache;
mod parse;
mod scan;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::article::Format;

pub use add::{AddError, Added, FolderAdded, add_bytes, add_file, add_folder};
pub use cache::{Cache, CacheError};
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
    fn empty_message_names_the_folder_and_the_commands() {
        let message = empty_library_message(Path::new("/data/folio/library"));
        assert!(message.contains("/data/folio/library"));
        assert!(message.contains("folio add FILE..."));
        assert!(message.contains("folio add -"));
    }
}
