//! Copying articles into the library folder: files keep their names (a clash gets a numeric
//! suffix), text from standard input is named after its title.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{article_files, extension_of, format_of_extension};
use crate::article::{Article, LoadError, detect, sanitize};
use crate::export::file_name::safe_stem;

/// Why an article could not be added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("standard input is empty: pipe an article in, e.g. `curl -s URL | folio add -`")]
    EmptyInput,
    #[error("standard input looks like a binary file ({what}), not an article")]
    BinaryInput { what: &'static str },
    #[error("{path}: cannot write into the library: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where an added article went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// Copied to this path.
    Copied(PathBuf),
    /// The same bytes were already in the library at this path; nothing was written.
    AlreadyThere(PathBuf),
}

impl Added {
    pub fn path(&self) -> &Path {
        match self {
            Added::Copied(path) | Added::AlreadyThere(path) => path,
        }
    }
}

/// What adding a folder did.
#[derive(Debug, Default)]
pub struct FolderAdded {
    /// The folder in the library that received the articles.
    pub folder: PathBuf,
    pub added: Vec<Added>,
    /// Why files could not be added, one message per file, naming it.
    pub failed: Vec<String>,
}

/// Copies the article at `source` into `library`, keeping its file name. A name without an
/// article extension gets one for its detected format, so the library scan finds it.
pub fn add_file(library: &Path, source: &Path) -> Result<Added, AddError> {
    let bytes = detect::read_file(source)?;
    let name = source.file_name().unwrap_or(OsStr::new("article"));
    let mut name = clean_name(name);
    if format_of_extension(Path::new(&name)).is_none() {
        let article = Article::from_bytes(&bytes, Some(source))?;
        name.push(".");
        name.push(extension_of(article.format));
    }
    place(library, &name, &bytes)
}

/// Adds one article given as bytes (read from standard input), named after its title with the
/// extension of its detected format.
pub fn add_bytes(library: &Path, bytes: &[u8]) -> Result<Added, AddError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AddError::EmptyInput);
    }
    let article = Article::from_bytes(bytes, None).map_err(|err| match err {
        LoadError::Binary { what, .. } => AddError::BinaryInput { what },
        other => AddError::Load(other),
    })?;
    let name = format!(
        "{}.{}",
        safe_stem(&article.title),
        extension_of(article.format)
    );
    place(library, OsStr::new(&name), bytes)
}

/// Copies the articles under the folder `source` into a folder of the same name in `library`,
/// keeping the layout of subfolders. `progress(done, total)` is called after each file.
pub fn add_folder(
    library: &Path,
    source: &Path,
    mut progress: impl FnMut(usize, usize),
) -> FolderAdded {
    let name = source
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(clean_name))
        .unwrap_or_else(|| OsString::from("articles"));
    let folder = library.join(name);
    let (files, failures) = article_files(source);
    let mut report = FolderAdded {
        folder: folder.clone(),
        ..FolderAdded::default()
    };
    for failure in failures {
        let reason = failure.error.unwrap_or_default();
        report
            .failed
            .push(format!("{}: {reason}", failure.path.display()));
    }
    let total = files.len();
    for (done, file) in files.into_iter().enumerate() {
        let relative = file.strip_prefix(source).unwrap_or(&file);
        let subfolders = relative.parent().into_iter().flat_map(Path::components);
        let target = subfolders.fold(folder.clone(), |dir, part| {
            dir.join(clean_name(part.as_os_str()))
        });
        match add_file(&target, &file) {
            Ok(added) => report.added.push(added),
            Err(err) => report.failed.push(err.to_string()),
        }
        progress(done + 1, total);
    }
    report
}

/// The name an article gets in the library: control and bidirectional-override characters
/// (which could rewrite the terminal when the name is printed) become `-`, and leading dots go
/// so the library scan does not skip the file as hidden.
fn clean_name(name: &OsStr) -> OsString {
    let text = name.to_string_lossy();
    if !text.starts_with('.') && !text.chars().any(sanitize::is_unsafe) && name.to_str().is_some() {
        return name.to_os_string();
    }
    let cleaned: String = text
        .chars()
        .map(|c| if sanitize::is_unsafe(c) { '-' } else { c })
        .collect();
    match cleaned.trim_start_matches('.') {
        "" => OsString::from("article"),
        trimmed => OsString::from(trimmed),
    }
}

/// Writes `bytes` as `dir/name`, or `name-2`, `name-3`... when a different file holds the name.
fn place(dir: &Path, name: &OsStr, bytes: &[u8]) -> Result<Added, AddError> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| AddError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(write_error(dir))?;
    let name = Path::new(name);
    let stem = name.file_stem().unwrap_or(name.as_os_str());
    let mut n = 1;
    loop {
        let mut candidate = stem.to_os_string();
        if n > 1 {
            candidate.push(format!("-{n}"));
        }
        if let Some(ext) = name.extension() {
            candidate.push(".");
            candidate.push(ext);
        }
        let path = dir.join(candidate);
        if path.exists() {
            if std::fs::read(&path).is_ok_and(|existing| existing == bytes) {
                return Ok(Added::AlreadyThere(path));
            }
            n += 1;
            continue;
        }
        // Written under a temporary name and linked into place without replacing anything, so
        // a crash never leaves half an article and a race never overwrites one (the loop then
        // looks at the name again).
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(write_error(dir))?;
        tmp.write_all(bytes).map_err(write_error(&path))?;
        tmp.as_file().sync_all().map_err(write_error(&path))?;
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(Added::Copied(path)),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(write_error(&path)(e.error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn files_keep_their_name_and_a_clash_gets_a_suffix() {
        let tmp = tempfile::tempdir().unwrap();
        let library = tmp.path().join("library");
        let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
        fs::create_dir_all(&one).unwrap();
        fs::create_dir_all(&two).unwrap();
        fs::write(one.join("notes.txt"), "first").unwrap();
        fs::write(two.join("notes.txt"), "second").unwrap();

        let first = add_file(&library, &one.join("notes.txt")).unwrap();
        assert_eq!(first, Added::Copied(library.join("notes.txt")));
        let second = add_file(&library, &two.join("notes.txt")).unwrap();
        assert_eq!(second, Added::Copied(library.join("notes-2.txt")));
        assert_eq!(fs::read_to_string(second.path()).unwrap(), "second");
        // The same article again is recognised, whichever name it got.
        let again = add_file(&library, &two.join("notes.txt")).unwrap();
        assert_eq!(again, Added::AlreadyThere(library.join("notes-2.txt")));
        assert_eq!(names(&library), ["notes-2.txt", "notes.txt"]);
    }

    #[test]
    fn names_get_an_article_extension_and_lose_leading_dots_and_controls() {
        let tmp = tempfile::tempdir().unwrap();
        let library = tmp.path().join("library");
        let page = tmp.path().join("page");
        fs::write(&page, "<!DOCTYPE html><html><body><p>Hi</p></body></html>").unwrap();
        let hidden = tmp.path().join(".draft.md");
        fs::write(&hidden, "# Draft").unwrap();
        let escape = tmp.path().join("red\u{1b}[31m\u{202e}.txt");
        fs::write(&escape, "text").unwrap();
        add_file(&library, &page).unwrap();
        add_file(&library, &hidden).unwrap();
        add_file(&library, &escape).unwrap();
        assert_eq!(names(&library), ["draft.md", "page.html", "red-[31m-.txt"]);
    }

    #[test]
    fn unreadable_files_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let library = tmp.path().join("library");
        let binary = tmp.path().join("image.txt");
        fs::write(&binary, [0u8, 1, 2, 0, 0, 0, 255, 0, 0, 0]).unwrap();
        let err = add_file(&library, &binary).unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
        let err = add_file(&library, &tmp.path().join("missing.txt")).unwrap_err();
        assert!(err.to_string().contains("no such file"), "{err}");
        assert!(!library.exists(), "nothing created for nothing added");
    }

    #[test]
    fn piped_text_is_named_after_its_title_and_format() {
        let tmp = tempfile::tempdir().unwrap();
        let library = tmp.path().join("library");
        let inputs: [(&[u8], &str); 3] = [
            (
                "<html><head><title>Page</title></head><body><p>x</p></body></html>".as_bytes(),
                "html",
            ),
            (
                "# 竹林的经济学\n\n## 一\n\n[link](https://example.org)\n".as_bytes(),
                "md",
            ),
            ("Just some text.\n\nAnother paragraph.\n".as_bytes(), "txt"),
        ];
        for (bytes, ext) in inputs {
            let added = add_bytes(&library, bytes).unwrap();
            let title = Article::from_bytes(bytes, None).unwrap().title;
            let expected = format!("{}.{ext}", safe_stem(&title));
            assert_eq!(added, Added::Copied(library.join(expected)));
            assert_eq!(
                fs::read(added.path()).unwrap(),
                bytes,
                "bytes kept as given"
            );
        }
        assert!(matches!(
            add_bytes(&library, b" \n"),
            Err(AddError::EmptyInput)
        ));
        let binary = add_bytes(&library, &[0, 0, 0, 1, 2, 3, 0, 0, 0, 0]);
        assert!(matches!(binary, Err(AddError::BinaryInput { .. })));
    }

    #[test]
    fn folders_are_copied_with_their_layout() {
        let tmp = tempfile::tempdir().unwrap();
        let library = tmp.path().join("library");
        let source = tmp.path().join("reading");
        fs::create_dir_all(source.join("2026/.obsidian")).unwrap();
        fs::write(source.join("a.txt"), "a").unwrap();
        fs::write(source.join("2026/b.md"), "b").unwrap();
        fs::write(source.join("2026/.obsidian/c.md"), "hidden").unwrap();
        fs::write(source.join("2026/cover.jpg"), "not an article").unwrap();
        let mut calls = Vec::new();
        let report = add_folder(&library, &source, |done, total| calls.push((done, total)));
        assert_eq!(report.folder, library.join("reading"));
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        let added: Vec<&Path> = report.added.iter().map(Added::path).collect();
        assert_eq!(
            added,
            [
                library.join("reading/2026/b.md"),
                library.join("reading/a.txt")
            ]
        );
        assert_eq!(calls, [(1, 2), (2, 2)]);
        let again = add_folder(&library, &source, |_, _| {});
        assert!(
            again
                .added
                .iter()
                .all(|a| matches!(a, Added::AlreadyThere(_)))
        );
    }
}
