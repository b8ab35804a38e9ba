//! Finding the articles under a set of paths and describing each one, parsing only the files the
//! cache does not already know in their current state.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::parse::{Job, parse_all};
use super::{Cache, Entry, format_of_extension};
use crate::article::{Article, Format, LoadError, sanitize};

/// Lists the articles in `paths`: files as given, folders searched recursively for files with
/// an article extension or, without an extension, holding text (hidden files and folders
/// skipped). Files the cache knows with the same
/// size and modification time are not parsed again; files that cannot be read become entries
/// with [`Entry::error`] set. `progress(done, total)` is called after each file.
pub fn scan(
    paths: &[PathBuf],
    cache: &mut Cache,
    progress: impl FnMut(usize, usize),
) -> Vec<Entry> {
    scan_with(paths, cache, progress, Article::open)
}

/// [`scan`] with the parser given, so tests can count what gets parsed. The parser runs on
/// several threads at once when there is more than one file to parse.
pub fn scan_with(
    paths: &[PathBuf],
    cache: &mut Cache,
    mut progress: impl FnMut(usize, usize),
    parse: impl Fn(&Path) -> Result<Article, LoadError> + Sync,
) -> Vec<Entry> {
    // One spelling per file, so `lib` and `./lib` share cache entries.
    let roots: Vec<PathBuf> = paths.iter().map(|p| crate::paths::normalize(p)).collect();
    let mut found = Found::default();
    for root in &roots {
        found.visit(root, true);
    }
    let mut seen = HashSet::new();
    found.files.retain(|path| seen.insert(path.clone()));

    let total = found.files.len();
    let mut done = 0;
    let mut slots: Vec<Option<Entry>> = Vec::with_capacity(total);
    let mut jobs = Vec::new();
    for path in found.files {
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                slots.push(Some(failed(&path, &e.to_string())));
                done += 1;
                progress(done, total);
                continue;
            }
        };
        let size = meta.len();
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok());
        if let Some(entry) = cache.fresh(&path, size, mtime) {
            slots.push(Some(entry.clone()));
            done += 1;
            progress(done, total);
        } else {
            jobs.push(Job {
                slot: slots.len(),
                path,
                size,
                mtime,
            });
            slots.push(None);
        }
    }
    parse_all(&jobs, &parse, |job, entry, lasting| {
        if lasting {
            cache.insert(entry.clone());
        }
        slots[job.slot] = Some(entry);
        done += 1;
        progress(done, total);
    });
    cache.forget_missing(&roots, &seen);
    let mut entries: Vec<Entry> = slots.into_iter().flatten().collect();
    entries.extend(found.failures);
    entries
}

/// The article files under `root` (or `root` itself if it is a file), in the order a scan lists
/// them, and entries for the paths that could not be read.
pub fn article_files(root: &Path) -> (Vec<PathBuf>, Vec<Entry>) {
    let mut found = Found::default();
    found.visit(root, true);
    (found.files, found.failures)
}

/// What walking the paths turned up.
#[derive(Default)]
struct Found {
    files: Vec<PathBuf>,
    /// Paths that could not be looked at, already as entries.
    failures: Vec<Entry>,
    /// Folders already walked (canonical), so a symbolic link loop is walked once.
    folders: HashSet<PathBuf>,
}

impl Found {
    /// `explicit`: the user named this path, so it is taken whatever its name.
    fn visit(&mut self, path: &Path, explicit: bool) {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                if explicit || format_of_extension(path).is_some() {
                    self.failures.push(failed(path, &e.to_string()));
                }
                return;
            }
        };
        if !meta.is_dir() {
            // Only regular files are taken from folders: reading a named pipe or a device that
            // happens to end in `.txt` would hang or never end. A path the user names may be
            // one (`folio <(curl ...)`), and is read as asked.
            let article = meta.is_file()
                && (format_of_extension(path).is_some()
                    || path.extension().is_none() && is_text_file(path));
            if explicit || article {
                self.files.push(path.to_path_buf());
            }
            return;
        }
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.folders.insert(canonical) {
            return;
        }
        let children = std::fs::read_dir(path).and_then(|dir| {
            dir.map(|entry| entry.map(|e| e.file_name()))
                .collect::<std::io::Result<Vec<_>>>()
        });
        let mut names = match children {
            Ok(names) => names,
            Err(e) => {
                let message = format!("cannot read this folder: {e}");
                self.failures.push(failed(path, &message));
                return;
            }
        };
        names.sort();
        for name in names {
            if !name.to_string_lossy().starts_with('.') {
                self.visit(&path.join(name), false);
            }
        }
    }
}

/// Whether a file without an extension (README, NOTES) holds text: its first 8 KB are UTF-8
/// (or carry a byte-order mark) and not binary. Only regular files get here.
fn is_text_file(path: &Path) -> bool {
    use std::io::Read;
    let mut sample = Vec::with_capacity(SNIFF_BYTES);
    let read =
        std::fs::File::open(path).and_then(|f| f.take(SNIFF_BYTES as u64).read_to_end(&mut sample));
    if read.is_err() || sample.is_empty() {
        return false;
    }
    let utf8 = match std::str::from_utf8(&sample) {
        Ok(_) => true,
        // A character cut by the end of the sample is still text.
        Err(e) => e.error_len().is_none(),
    };
    let marked = encoding_rs::Encoding::for_bom(&sample).is_some();
    (utf8 || marked) && crate::article::detect::decode(&sample).is_ok()
}

/// How much of a file without an extension is read to tell text from binary.
const SNIFF_BYTES: usize = 8192;

/// An entry for a path that could not be read.
pub(super) fn failed(path: &Path, message: &str) -> Entry {
    let name = path
        .file_name()
        .map(|n| sanitize::strip_controls(&n.to_string_lossy()))
        .unwrap_or_else(|| path.display().to_string());
    Entry {
        path: path.to_path_buf(),
        title: name,
        format: format_of_extension(path).unwrap_or(Format::Plain),
        chars: 0,
        id: None,
        size: 0,
        mtime: None,
        error: Some(sanitize::strip_controls(message)),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::sync::Mutex;
    use std::time::{Duration, SystemTime};

    use super::*;

    /// A folder of articles, with things a scan must pass over.
    fn library() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("sub/deeper")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::write(root.join("a.txt"), "First\n\nA plain article.\n").unwrap();
        fs::write(root.join("b.md"), "# Second\n\nSome *markdown*.\n").unwrap();
        fs::write(
            root.join("sub/deeper/c.HTML"),
            "<html><head><title>Third</title></head><body><h1>Third</h1><p>Hi.</p></body></html>",
        )
        .unwrap();
        fs::write(root.join(".hidden.txt"), "hidden").unwrap();
        fs::write(root.join(".git/x.txt"), "in a hidden folder").unwrap();
        fs::write(root.join("notes.pdf"), "not an article extension").unwrap();
        tmp
    }

    #[test]
    fn issue15_16_text_files_without_an_extension_are_listed_binary_ones_not() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::write(
            root.join("README"),
            "Read me\n\nWhat this folder holds, in prose.\n",
        )
        .unwrap();
        fs::write(root.join("NOTES"), "中文笔记\n\n一段文字。\n".repeat(2000)).unwrap();
        fs::write(root.join("blob"), b"\x00\x01\x02\x03binary\x00\x00").unwrap();
        fs::write(root.join("image"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        fs::write(root.join("latin1"), b"caf\xe9 cr\xe8me").unwrap();
        fs::write(root.join("empty"), b"").unwrap();
        let (files, _) = article_files(root);
        let names: Vec<String> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["NOTES", "README"]);
    }

    /// Scans with a parser that records which files it parsed.
    fn counted_scan(paths: &[PathBuf], cache: &mut Cache) -> (Vec<Entry>, Vec<String>) {
        let parsed = Mutex::new(Vec::new());
        let entries = scan_with(
            paths,
            cache,
            |_, _| {},
            |path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                parsed.lock().unwrap().push(name);
                Article::open(path)
            },
        );
        let mut parsed = parsed.into_inner().unwrap();
        // Files are parsed in parallel, so in no set order.
        parsed.sort();
        (entries, parsed)
    }

    fn names(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn finds_articles_recursively_and_skips_hidden_and_other_files() {
        let tmp = library();
        let (entries, _) = counted_scan(&[tmp.path().to_path_buf()], &mut Cache::in_memory());
        assert_eq!(names(&entries), ["a.txt", "b.md", "c.HTML"]);
        let formats: Vec<Format> = entries.iter().map(|e| e.format).collect();
        assert_eq!(formats, [Format::Plain, Format::Markdown, Format::Html]);
        for entry in &entries {
            assert!(entry.error.is_none() && entry.id.is_some() && entry.chars > 0);
            assert_eq!(entry.size, fs::metadata(&entry.path).unwrap().len());
            let article = Article::open(&entry.path).unwrap();
            assert_eq!(entry.title, article.title);
            assert_eq!(entry.id.as_ref(), Some(&article.id));
            assert_eq!(entry.chars, article.char_len);
            assert!(entry.mtime.is_some());
        }
    }

    #[test]
    fn unchanged_files_are_not_parsed_again() {
        let tmp = library();
        let roots = [tmp.path().to_path_buf()];
        let mut cache = Cache::in_memory();
        let (first, parsed) = counted_scan(&roots, &mut cache);
        assert_eq!(parsed.len(), 3);
        let (second, parsed) = counted_scan(&roots, &mut cache);
        assert_eq!(parsed, Vec::<String>::new());
        assert_eq!(first, second);

        // Same size, new content and a new modification time: only that file is parsed.
        let b = tmp.path().join("b.md");
        fs::write(&b, "# Sekond\n\nSome *markdown*.\n").unwrap();
        let later = SystemTime::now() + Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(&b)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let (third, parsed) = counted_scan(&roots, &mut cache);
        assert_eq!(parsed, ["b.md"]);
        assert_ne!(third[1].id, first[1].id);
        assert_eq!((&third[0], &third[2]), (&first[0], &first[2]));
    }

    #[test]
    fn the_cache_survives_a_restart_and_forgets_deleted_files() {
        let tmp = library();
        let roots = [tmp.path().to_path_buf()];
        let file = tmp.path().join(".cache/library-cache.json");
        let mut cache = Cache::load(&file);
        counted_scan(&roots, &mut cache);
        cache.save().unwrap();

        let mut cache = Cache::load(&file);
        assert_eq!(cache.len(), 3);
        let (_, parsed) = counted_scan(&roots, &mut cache);
        assert!(parsed.is_empty(), "{parsed:?}");

        fs::remove_file(tmp.path().join("a.txt")).unwrap();
        let (entries, _) = counted_scan(&roots, &mut cache);
        assert_eq!(names(&entries), ["b.md", "c.HTML"]);
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn a_damaged_cache_is_rebuilt() {
        let tmp = library();
        let file = tmp.path().join("cache.json");
        fs::write(&file, "{not json").unwrap();
        let mut cache = Cache::load(&file);
        assert!(cache.is_empty());
        let (_, parsed) = counted_scan(&[tmp.path().join("sub")], &mut cache);
        assert_eq!(parsed, ["c.HTML"]);
        cache.save().unwrap();
        assert_eq!(Cache::load(&file).len(), 1);
    }

    #[test]
    fn scanning_one_folder_keeps_what_the_cache_knows_of_others() {
        let tmp = library();
        let mut cache = Cache::in_memory();
        counted_scan(&[tmp.path().to_path_buf()], &mut cache);
        counted_scan(&[tmp.path().join("sub")], &mut cache);
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn unreadable_files_become_entries_with_a_note() {
        let tmp = library();
        let binary = tmp.path().join("binary.txt");
        fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 0, 0, 7, 0]).unwrap();
        let missing = tmp.path().join("gone.md");
        let roots = [tmp.path().to_path_buf(), missing.clone()];
        let mut cache = Cache::in_memory();
        let (entries, parsed) = counted_scan(&roots, &mut cache);
        assert_eq!(
            names(&entries),
            ["a.txt", "b.md", "binary.txt", "c.HTML", "gone.md"]
        );
        assert!(parsed.contains(&"binary.txt".to_string()));
        let bad = &entries[2];
        assert!(bad.error.as_deref().unwrap().contains("binary"), "{bad:?}");
        assert_eq!(
            (bad.id.as_ref(), bad.chars, bad.title.as_str()),
            (None, 0, "binary.txt")
        );
        let gone = &entries[4];
        assert_eq!(gone.format, Format::Markdown);
        assert!(gone.error.is_some());
        // A binary file is remembered as binary; it is not read again while unchanged.
        let (_, parsed) = counted_scan(&roots, &mut cache);
        assert!(parsed.is_empty(), "{parsed:?}");
    }

    #[test]
    fn named_files_are_taken_whatever_their_extension_and_listed_once() {
        let tmp = library();
        let readme = tmp.path().join("README");
        fs::write(&readme, "Read me\n\nPlease.\n").unwrap();
        let a = tmp.path().join("a.txt");
        let dotted = tmp.path().join(".").join("a.txt");
        let (entries, parsed) = counted_scan(&[readme, a, dotted], &mut Cache::in_memory());
        assert_eq!(names(&entries), ["README", "a.txt"]);
        assert_eq!(parsed.len(), 2);
    }

    #[test]
    fn a_parser_crash_costs_one_entry_not_the_scan() {
        let tmp = library();
        let mut cache = Cache::in_memory();
        let entries = scan_with(
            &[tmp.path().to_path_buf()],
            &mut cache,
            |_, _| {},
            |path| {
                assert!(!path.ends_with("b.md"), "parser bug triggered on purpose");
                Article::open(path)
            },
        );
        assert_eq!(names(&entries), ["a.txt", "b.md", "c.HTML"]);
        assert!(
            entries[1]
                .error
                .as_deref()
                .unwrap()
                .contains("please report")
        );
        assert!(entries[0].error.is_none() && entries[2].error.is_none());
        // The crash is not remembered: the next scan tries the file again.
        let (_, parsed) = counted_scan(&[tmp.path().to_path_buf()], &mut cache);
        assert_eq!(parsed, ["b.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn named_pipes_in_folders_are_not_read_or_skip() {
        let tmp = library();
        let status = std::process::Command::new("mkfifo")
            .arg(tmp.path().join("pipe.txt"))
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo not available");
            return;
        }
        let (entries, _) = counted_scan(&[tmp.path().to_path_buf()], &mut Cache::in_memory());
        assert_eq!(names(&entries), ["a.txt", "b.md", "c.HTML"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_walked_once() {
        let tmp = library();
        std::os::unix::fs::symlink(tmp.path(), tmp.path().join("sub/loop")).unwrap();
        let (entries, _) = counted_scan(&[tmp.path().to_path_buf()], &mut Cache::in_memory());
        assert_eq!(names(&entries), ["a.txt", "b.md", "c.HTML"]);
    }

    #[test]
    fn progress_counts_up_to_the_total() {
        let tmp = library();
        let mut calls = Vec::new();
        scan(
            &[tmp.path().to_path_buf()],
            &mut Cache::in_memory(),
            |done, total| {
                calls.push((done, total));
            },
        );
        assert_eq!(calls, [(1, 3), (2, 3), (3, 3)]);
    }
}
