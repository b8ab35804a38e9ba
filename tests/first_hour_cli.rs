//! What a new user meets in a first hour with the command line (issue 15): `import` into the
//! article's own entry, standard input, the example config, the man page, export file names,
//! folders with extensionless files, `outline`'s text output. Each test drives the real binary.

mod support;

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use support::first_hour::{SAMPLE, THREE, folio_ok, import_after_an_edit};

/// A scratch FOLIO_HOME to run folio in.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("test setup"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
        command
            .args(args)
            .env("FOLIO_HOME", self.dir.path())
            .env_remove("NO_COLOR")
            .current_dir(self.dir.path());
        command
    }

    fn folio(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run folio")
    }

    /// Runs folio with `input` on its standard input.
    fn folio_with_input(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run folio");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
        child.wait_with_output().expect("run folio")
    }

    fn ok(&self, args: &[&str]) -> String {
        folio_ok(self.dir.path(), args)
    }
}

fn quotes_in_notes(s: &Scratch, file: &str) -> Vec<String> {
    let json: Value = serde_json::from_str(&s.ok(&["notes", "--json", file])).expect("json");
    let mut quotes: Vec<String> = json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|d| d["highlights"].as_array().expect("highlights").clone())
        .map(|h| h["quote"].as_str().expect("quote").to_string())
        .collect();
    quotes.sort();
    quotes
}

#[test]
fn issue15_1_import_merges_into_the_articles_own_entry() {
    let s = Scratch::new();
    let a = import_after_an_edit(s.dir.path(), s.dir.path());
    let a_str = a.to_str().expect("utf-8 path");
    assert_eq!(quotes_in_notes(&s, a_str), THREE);
    let export = s.ok(&["export", a_str]);
    for quote in THREE {
        assert!(export.contains(quote), "{quote} missing from:\n{export}");
    }
    let store: Value =
        serde_json::from_slice(&fs::read(s.path("annotations.json")).expect("store"))
            .expect("json");
    assert_eq!(store["documents"].as_object().expect("map").len(), 1);
}

#[test]
fn issue15_1_a_store_with_two_entries_for_one_file_shows_them_together() {
    let s = Scratch::new();
    let a = import_after_an_edit(s.dir.path(), s.dir.path());
    let a_str = a.to_str().expect("utf-8 path");
    // What an older folio's import left: the imported highlight under an entry of its own.
    let path = s.path("annotations.json");
    let mut store: Value = serde_json::from_slice(&fs::read(&path).expect("store")).expect("json");
    let docs = store["documents"].as_object_mut().expect("map");
    let (key, doc) = docs
        .iter()
        .next()
        .map(|(k, d)| (k.clone(), d.clone()))
        .expect("one");
    let mut twin = doc.clone();
    let anns = doc["annotations"].as_array().expect("annotations");
    let (imported, kept): (Vec<Value>, Vec<Value>) = anns
        .iter()
        .cloned()
        .partition(|a| a["target"]["quote"]["exact"] == "electric catamarans");
    twin["annotations"] = Value::Array(imported);
    docs[&key]["annotations"] = Value::Array(kept);
    docs.insert(format!("0{key}"), twin);
    fs::write(&path, serde_json::to_vec_pretty(&store).expect("json")).expect("write");
    assert_eq!(quotes_in_notes(&s, a_str), THREE);
    // Every article listed once, each highlight once.
    let all = s.ok(&["notes"]);
    let titles = all.lines().filter(|l| !l.starts_with(' ')).count();
    assert_eq!(titles, 1, "{all}");
    // The next save writes the folded file.
    s.ok(&[
        "highlight",
        a_str,
        "-q",
        "Halvard Sound",
        "--occurrence",
        "1",
    ]);
    let store: Value = serde_json::from_slice(&fs::read(&path).expect("store")).expect("json");
    assert_eq!(store["documents"].as_object().expect("map").len(), 1);
}

#[test]
fn issue15_6_render_outline_and_a_piped_folio_read_standard_input() {
    let s = Scratch::new();
    let text = fs::read(SAMPLE).expect("sample");
    let from_file = s.ok(&["render", "--width", "60", SAMPLE]);
    let out = s.folio_with_input(&["render", "--width", "60", "-"], &text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), from_file);
    let out = s.folio_with_input(&["outline", "-"], &text);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        s.ok(&["outline", SAMPLE])
    );
    // No path and an article piped in: with no terminal to read on, it is printed.
    for args in [&[][..], &["-"][..]] {
        let out = s.folio_with_input(args, &text);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(
            shown.contains("The Last Wooden Ferries of Halvard Sound"),
            "{shown}"
        );
    }
    let out = s.folio_with_input(&["render", "-"], b"\x89PNG\r\n\x1a\n\x00\x00");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("standard input") && said.contains("PNG"),
        "{said}"
    );
}

#[test]
fn issue15_10_the_man_page_keeps_examples_lists_keys_and_every_command_or_skip() {
    let s = Scratch::new();
    let page = s.ok(&["man"]);
    assert!(!page.contains("outline(1)"), "no pages that do not exist");
    assert!(
        page.contains(".SS \"folio outline\""),
        "commands on this page"
    );
    let examples = page
        .split(".SH EXAMPLES")
        .nth(1)
        .expect("an EXAMPLES section");
    assert!(examples.trim_start().starts_with(".PP\n.nf"), "{examples}");
    assert!(page.contains(".SH KEYS"));
    assert!(page.contains("\\fBctrl\\-d\\fR"), "keys from the keymap");
    assert!(
        page.contains("(\\fIhalf_page_down\\fR)"),
        "with their action names"
    );
    // As man shows it: each example on its own line, as in --help.
    let Ok(mut man) = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        println!("skipped: man is not installed");
        return;
    };
    man.stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("write");
    let shown = man.wait_with_output().expect("man");
    let shown = String::from_utf8_lossy(&shown.stdout).replace("\u{2010}", "-");
    let line = "folio outline --json page.html    print the outline as JSON";
    assert!(shown.lines().any(|l| l.trim() == line), "{shown}");
}

#[test]
fn issue15_11_the_example_config_is_printed_and_the_hints_point_to_it() {
    let s = Scratch::new();
    let example = s.ok(&["config", "--example"]);
    let bundled = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/config.example.toml"
    ))
    .expect("example");
    assert_eq!(example, bundled);
    assert!(
        !example.contains("Press `?` in folio to see"),
        "a hint that is not true"
    );
    assert!(
        example.contains("KEYS section"),
        "points to the man page's key list"
    );
    let said = s.ok(&["config"]);
    assert!(said.contains("config.toml") && said.contains("folio config --example >"));
    // What it says to run makes a config file that folio reads without a word.
    fs::write(s.path("config.toml"), &example).expect("config");
    assert_eq!(
        s.ok(&["config"]).trim(),
        s.path("config.toml").display().to_string()
    );
}

#[test]
fn issue15_16_export_without_an_article_suggests_all() {
    let s = Scratch::new();
    let out = s.folio(&["export"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("folio export --all"), "{said}");
}

#[test]
fn issue15_17_outline_prints_the_title_once_and_json_keeps_its_shape() {
    let s = Scratch::new();
    let text = s.ok(&["outline", SAMPLE]);
    let title = "The Last Wooden Ferries of Halvard Sound";
    assert_eq!(text.matches(title).count(), 1, "{text}");
    assert!(text.starts_with(title));
    let json: Value = serde_json::from_str(&s.ok(&["outline", "--json", SAMPLE])).expect("json");
    assert_eq!(json["title"], title);
    assert_eq!(
        json["sections"][0]["title"], title,
        "the JSON keeps every heading"
    );
}
