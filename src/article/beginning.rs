//! The beginning of a large article parsed alone, for the reader to show at once while the
//! whole file is read and parsed: a provisional article whose text is, but for its last
//! block and what the rest of the file changes (a Markdown link defined at the end, a text
//! dump's headings weighed against the whole page), the start of the whole one's.

use std::io::Read;
use std::path::Path;

use super::detect::{self, Decoded, Format};
use super::{Article, LoadError};
use crate::regular_file::{self, MAX_BYTES};

/// Files up to this size are parsed whole before the first frame: that takes a few
/// milliseconds, and the outline and the scrollbar are right from the start.
pub const WHOLE_UP_TO: u64 = 256 * 1024;

/// How much of a larger file its beginning is: dozens of screens, parsed in about a millisecond.
pub const BEGINNING_BYTES: u64 = 64 * 1024;

impl Article {
    /// The beginning of the article at `path`, when the file is large enough for it to be
    /// worth showing first. `None` when it is not, and when the beginning alone cannot be
    /// read as the whole would be (an encoding other than UTF-8, an HTML page, whose article
    /// is found from the whole page). The errors are those the whole read would give.
    pub fn open_beginning(path: &Path) -> Result<Option<Article>, LoadError> {
        let failed = |error| detect::load_error(path, error);
        let file = regular_file::open(path).map_err(failed)?;
        let len = file.metadata().map_err(|e| failed(e.into()))?.len();
        if len <= WHOLE_UP_TO || len > MAX_BYTES {
            return Ok(None);
        }
        let mut bytes = Vec::with_capacity(BEGINNING_BYTES as usize);
        file.take(BEGINNING_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|e| failed(e.into()))?;
        let Some(text) = detect::utf8_beginning(&bytes) else {
            return Ok(None);
        };
        if detect::detect_format(Some(path), text) == Format::Html {
            return Ok(None);
        }
        let decoded = Decoded {
            text: text.to_string(),
            encoding: encoding_rs::UTF_8.name(),
        };
        let mut article = Article::from_decoded(decoded, Some(path));
        article.source = Some(path.to_path_buf());
        Ok(Some(article))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Markdown sections of about 1 KB each, `n` of them.
    fn long_markdown(n: usize) -> String {
        let mut text = String::from("# A long guide\n\n");
        for i in 1..=n {
            text.push_str(&format!("## Part {i}\n\n"));
            for _ in 0..6 {
                text.push_str("Ferries leave the pier on the hour and come back at half past. ");
                text.push_str("渡轮整点出发，半点回来。\n");
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn a_large_file_begins_with_whole_paragraphs_that_start_the_whole_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_of(&dir, "guide.md", long_markdown(800).as_bytes());
        let beginning = Article::open_beginning(&path).unwrap().unwrap();
        let whole = Article::open(&path).unwrap();
        assert_eq!(beginning.title, "A long guide");
        assert_eq!(beginning.format, Format::Markdown);
        assert!(beginning.text.len() as u64 <= BEGINNING_BYTES);
        assert!(beginning.text.len() as u64 > BEGINNING_BYTES / 2);
        assert!(whole.text.starts_with(&beginning.text));
        // It ends where a block of the whole ends.
        assert!(whole.text[beginning.text.len()..].starts_with("\n\n"));
        let parts = beginning.outline.len();
        assert!(parts > 10 && parts < whole.outline.len());
        assert_eq!(beginning.outline[..], whole.outline[..parts]);
    }

    #[test]
    fn a_small_file_an_html_page_or_another_encoding_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let small = file_of(&dir, "small.md", long_markdown(100).as_bytes());
        assert!(Article::open_beginning(&small).unwrap().is_none());
        let page = format!("<html><body><p>{}</p></body></html>", long_markdown(800));
        let html = file_of(&dir, "page.html", page.as_bytes());
        assert!(Article::open_beginning(&html).unwrap().is_none());
        let text = long_markdown(800);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let legacy = file_of(&dir, "legacy.txt", &gbk);
        assert!(Article::open_beginning(&legacy).unwrap().is_none());
    }

    #[test]
    fn a_missing_file_or_a_folder_fails_as_the_whole_read_would() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.md");
        let error = Article::open_beginning(&missing).unwrap_err();
        assert_eq!(
            error.to_string(),
            Article::open(&missing).unwrap_err().to_string()
        );
        let error = Article::open_beginning(dir.path()).unwrap_err();
        assert!(error.to_string().contains("is a directory"), "{error}");
    }

    #[test]
    fn the_beginning_is_cut_after_a_blank_line_else_after_a_line() {
        let text = "one\n\ntwo\r\n\r\nthree and fo";
        assert_eq!(
            detect::utf8_beginning(text.as_bytes()),
            Some("one\n\ntwo\r\n\r\n")
        );
        let lines = "a line\nanother line\nhalf a li";
        assert_eq!(
            detect::utf8_beginning(lines.as_bytes()),
            Some("a line\nanother line\n")
        );
        // A blank line in the first half only would leave too little: the last line break wins.
        let early = "title\n\na long paragraph line\nand another one here\nhalf";
        assert_eq!(
            detect::utf8_beginning(early.as_bytes()),
            Some("title\n\na long paragraph line\nand another one here\n")
        );
        assert_eq!(detect::utf8_beginning(b"no line break at all"), None);
        assert_eq!(detect::utf8_beginning(b"\xff\xfeU\x00T\x00\n\x00"), None);
        let bom = "\u{feff}# Title\n\nText\n";
        assert_eq!(detect::utf8_beginning(bom.as_bytes()), Some("# Title\n\n"));
    }
}
