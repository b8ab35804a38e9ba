//! What a new user meets in a first hour with the command line (issue 15): `import` into the
//! article's own entry, standard input, the example config, the man page, export file names,
//! folders with extensionless files, `outline`'s text output. Each test drives the real binary.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/harbour-ferries-web-dump.txt"
);

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

    fn ok(&self, args: &[&str]) -> String {
        let out = self.folio(args);
        assert!(
            out.status.success(),
            "folio {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
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

const THREE: [&str; 3] = [
    "Three generations of engineers",
    "electric catamarans",
    "larch and oak",
];

/// Issue 15, item 1, step by step: two highlights in the store (the second after an edit),
/// a third made in another annotations file, imported.
fn import_after_an_edit(s: &Scratch) -> PathBuf {
    let a = s.path("a.txt");
    fs::copy(SAMPLE, &a).expect("test setup");
    let a_str = a.to_str().expect("utf-8 path");
    s.ok(&[
        "highlight",
        a_str,
        "-q",
        "Three generations of engineers",
        "-n",
        "one",
    ]);
    let text = fs::read_to_string(&a).expect("test setup");
    assert!(text.contains("For ninety"), "the sample still says it");
    fs::write(&a, text.replace("For ninety", "For almost ninety")).expect("test setup");
    s.ok(&["highlight", a_str, "-q", "larch and oak", "-n", "two"]);
    let other = s.path("o.json");
    let other_str = other.to_str().expect("utf-8 path");
    s.ok(&[
        "--annotations",
        other_str,
        "highlight",
        a_str,
        "-q",
        "electric catamarans",
    ]);
    let said = s.ok(&["import", other_str]);
    assert!(said.contains("1 highlight added"), "{said}");
    a
}

#[test]
fn issue15_1_import_merges_into_the_articles_own_entry() {
    let s = Scratch::new();
    let a = import_after_an_edit(&s);
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
    let a = import_after_an_edit(&s);
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
