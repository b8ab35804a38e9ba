//! The library commands through the real binary: `folio add` (files, folders, standard input,
//! name clashes), where FOLIO_HOME and the XDG variables put the library, completions, man page.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A `folio` command whose data and config live only in `home`.
fn folio(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command
        .env("FOLIO_HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME");
    command
}

fn run(command: &mut Command) -> Output {
    command.stdin(Stdio::null()).output().expect("run folio")
}

fn with_stdin(command: &mut Command, input: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input).expect("write to folio");
    drop(stdin);
    child.wait_with_output().expect("wait for folio")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).expect("list the folder") {
        let name = entry.expect("read a folder entry").file_name();
        names.push(name.to_string_lossy().into_owned());
    }
    names.sort();
    names
}

#[test]
fn add_copies_files_and_says_where_they_went() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    for (dir, body) in [
        (&one, "# One\n\nFirst essay.\n"),
        (&two, "# Two\n\nSecond essay.\n"),
    ] {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("essay.md"), body).unwrap();
    }
    let library = home.join("library");

    let out = run(folio(&home).arg("add").arg(one.join("essay.md")));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains(&format!("-> {}", library.join("essay.md").display())),
        "{said}"
    );

    // A different file with the same name gets a suffix; the same file again is recognised.
    let out = run(folio(&home)
        .arg("add")
        .arg(two.join("essay.md"))
        .arg(one.join("essay.md")));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains(&format!(
            "-> {} (renamed)",
            library.join("essay-2.md").display()
        )),
        "{said}"
    );
    assert!(said.contains("is already in the library"), "{said}");
    assert_eq!(files_in(&library), ["essay-2.md", "essay.md"]);
    assert_eq!(
        fs::read_to_string(library.join("essay-2.md")).unwrap(),
        "# Two\n\nSecond essay.\n"
    );
}

#[test]
fn add_reads_one_article_from_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let page =
        b"<!DOCTYPE html><html><head><title>A page</title></head><body><p>Hi</p></body></html>";
    let out = with_stdin(folio(&home).args(["add", "-"]), page);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names = files_in(&home.join("library"));
    assert_eq!(names.len(), 1);
    assert!(names[0].ends_with(".html"), "{names:?}");
    assert!(text(&out.stdout).starts_with("added standard input -> "));
    assert_eq!(
        fs::read(home.join("library").join(&names[0])).unwrap(),
        page
    );

    let out = with_stdin(folio(&home).args(["add", "-"]), b"");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("standard input is empty"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn add_copies_a_folder_and_reports_what_failed() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let source = tmp.path().join("clippings");
    fs::create_dir_all(source.join("old")).unwrap();
    fs::write(source.join("a.txt"), "A\n\ntext").unwrap();
    fs::write(source.join("old/b.html"), "<p>b</p>").unwrap();
    let missing = tmp.path().join("missing.txt");
    let out = run(folio(&home).arg("add").arg(&source).arg(&missing));
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    let folder = home.join("library/clippings");
    assert!(
        said.contains(&format!(
            "added 2 articles from {} -> {}",
            source.display(),
            folder.display()
        )),
        "{said}"
    );
    let err = text(&out.stderr);
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert!(err.contains("1 article could not be added"), "{err}");
    assert!(
        !err.contains('\r'),
        "no progress line when stderr is not a terminal"
    );
    assert_eq!(files_in(&folder), ["a.txt", "old"]);
    assert_eq!(files_in(&folder.join("old")), ["b.html"]);
}

#[cfg(unix)]
#[test]
fn names_with_escape_sequences_are_never_printed_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let good = tmp.path().join("clear\u{1b}[2J.txt");
    let bad = tmp.path().join("title\u{1b}]0;owned\u{7}.txt");
    fs::write(&good, "text").unwrap();
    fs::write(&bad, [0u8, 0, 0, 1, 0, 0, 0, 2]).unwrap();
    let out = run(folio(&home).arg("add").arg(&good).arg(&bad));
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(
        !said.contains('\u{1b}') && !err.contains('\u{1b}'),
        "{said:?} {err:?}"
    );
    assert!(said.contains("clear?[2J.txt -> "), "{said:?}");
    assert!(
        err.contains("title?]0;owned?.txt: looks like a binary file"),
        "{err:?}"
    );
    assert_eq!(files_in(&home.join("library")), ["clear-[2J.txt"]);
}

#[test]
fn data_goes_to_folio_home_else_the_xdg_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let article = tmp.path().join("note.txt");
    fs::write(&article, "Note\n\nbody").unwrap();

    // A relative FOLIO_HOME is taken from the working directory.
    let out = run(folio(Path::new("rel-home"))
        .current_dir(tmp.path())
        .arg("add")
        .arg(&article));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(tmp.path().join("rel-home/library/note.txt").exists());

    let xdg = tmp.path().join("xdg-data");
    let out = run(folio(Path::new(""))
        .env_remove("FOLIO_HOME")
        .env("XDG_DATA_HOME", &xdg)
        .env("HOME", tmp.path().join("user"))
        .arg("add")
        .arg(&article));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        xdg.join("folio/library/note.txt").exists(),
        "{}",
        text(&out.stdout)
    );

    let out = run(folio(Path::new(""))
        .env_remove("FOLIO_HOME")
        .env("HOME", tmp.path().join("user"))
        .arg("add")
        .arg(&article));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected: PathBuf = tmp.path().join("user/.local/share/folio/library/note.txt");
    assert!(expected.exists(), "{}", text(&out.stdout));
}

#[test]
fn completions_for_each_shell_know_the_subcommands() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = run(folio(tmp.path()).args(["completions", shell]));
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        for word in ["folio", "add", "outline", "render", "completions", "man"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let out = run(folio(tmp.path()).args(["completions", "tcsh"]));
    assert!(!out.status.success());
}

#[test]
fn man_page_is_roff_from_the_cli_definition() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(folio(tmp.path()).arg("man"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.contains(".TH folio 1"), "{page}");
    for word in ["add", "completions", "FOLIO_HOME", "config.toml"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
    assert!(
        !tmp.path().join("library").exists(),
        "printing docs creates nothing"
    );
}
