//! The store's journal (issue 19, item 1): a change to a large store appends one line beside
//! the snapshot instead of rewriting it; the journal is folded into a new snapshot once it
//! grows; a line cut short by a crash is ignored, a damaged one kept aside; a store written by
//! folio before the journal existed opens as it was. And a property: any sequence of changes
//! by two stores on one file, kills mid-save and reloads ends with the highlights that
//! applying the changes in memory gives.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use folio::article::Article;
use folio::highlights::{Color, HighlightId, Store, Warning};
use proptest::prelude::*;
use serde_json::Value;

/// A store written by folio 0.1.0 before the journal existed (three `folio highlight` calls
/// on night-ferry.txt, at commit c77f89c).
const FIXTURE: &str = "tests/fixtures/store-v1.json";

/// A scratch folder on a RAM disk when there is one: the property test saves thousands of
/// times, each flushed to disk.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
}

fn article(dir: &Path) -> Article {
    let path = dir.join("night-ferry.txt");
    fs::copy("tests/fixtures/night-ferry.txt", &path).unwrap();
    Article::open(&path).unwrap()
}

fn journal_of(store: &Path) -> PathBuf {
    store.with_file_name("annotations.json.journal")
}

/// The fixture grown past the size under which every save rewrites the file: `n` more
/// highlights in a second document, as years of notes on other articles would be.
fn large_store(dir: &Path, n: usize) -> PathBuf {
    let mut json: Value = serde_json::from_str(&fs::read_to_string(FIXTURE).unwrap()).unwrap();
    let docs = json["documents"].as_object_mut().unwrap();
    let mut other = docs.values().next().unwrap().clone();
    let template = other["annotations"][0].clone();
    other["text"]["hash"] = Value::from("0".repeat(64));
    other["paths"] = Value::from(vec!["/elsewhere/other.txt"]);
    other["annotations"] = (0..n)
        .map(|i| {
            let mut ann = template.clone();
            ann["id"] = Value::from(format!("00000000000000000000{i:06}"));
            ann["note"] = Value::from(format!("an older note, number {i}, {}", "x".repeat(400)));
            ann
        })
        .collect();
    docs.insert("other".into(), other);
    let path = dir.join("annotations.json");
    fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    path
}

fn first_id(store: &Store) -> HighlightId {
    let doc = store
        .documents()
        .find(|(k, _)| k.0 != "other")
        .map(|(_, d)| d)
        .unwrap();
    HighlightId(doc.annotations[0].id.clone())
}

fn lines(path: &Path) -> Vec<Value> {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.ends_with('\n'), "a journal ends with a whole line");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn issue19_1_a_change_to_a_large_store_appends_one_line_and_is_seen_by_all() {
    let dir = scratch();
    let path = large_store(dir.path(), 1000);
    let snapshot = fs::read(&path).unwrap();
    let (mut one, warnings) = Store::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let (mut two, _) = Store::open(&path).unwrap();
    let id = first_id(&one);
    one.set_note(&id, "changed through the journal").unwrap();

    assert_eq!(
        fs::read(&path).unwrap(),
        snapshot,
        "the snapshot is not rewritten"
    );
    let journal = lines(&journal_of(&path));
    assert_eq!(journal.len(), 2, "a header and one save: {journal:#?}");
    assert_eq!(journal[0]["format"], "folio-annotations-journal");
    let saved = &journal[1]["documents"];
    let changed: Vec<&Value> = saved
        .as_object()
        .unwrap()
        .values()
        .flat_map(|d| d["annotations"].as_array().unwrap())
        .collect();
    assert_eq!(changed.len(), 1, "only the changed highlight: {saved:#}");
    assert_eq!(changed[0]["note"], "changed through the journal");

    assert!(two.pick_up(), "another store on the file sees the change");
    assert_eq!(
        two.annotation(&id).unwrap().note,
        "changed through the journal"
    );
    // Its own change goes after the first, and everyone reads both.
    let other = HighlightId("00000000000000000000000007".into());
    two.set_note(&other, "from two").unwrap();
    assert_eq!(lines(&journal_of(&path)).len(), 3);
    let (fresh, warnings) = Store::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        fresh.annotation(&id).unwrap().note,
        "changed through the journal"
    );
    assert_eq!(fresh.annotation(&other).unwrap().note, "from two");
    assert!(one.pick_up());
    assert_eq!(one.annotation(&other).unwrap().note, "from two");
}

#[test]
fn issue19_1_the_journal_is_folded_into_the_snapshot_once_it_grows() {
    let dir = scratch();
    let path = large_store(dir.path(), 700);
    let (mut store, _) = Store::open(&path).unwrap();
    let id = first_id(&store);
    let journal = journal_of(&path);
    let mut saves = 0;
    let long = "a long note ".repeat(200);
    loop {
        saves += 1;
        store.set_note(&id, &format!("{saves}: {long}")).unwrap();
        if !journal.exists() {
            break;
        }
        assert!(saves < 200, "the journal never folded");
    }
    assert!(
        saves > 10,
        "folded after {saves} saves: the journal was used"
    );
    let snapshot: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let notes: Vec<&str> = snapshot["documents"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|d| d["annotations"].as_array().unwrap())
        .filter(|a| a["id"] == id.0.as_str())
        .map(|a| a["note"].as_str().unwrap())
        .collect();
    assert_eq!(notes, [format!("{saves}: {long}")]);
    // The backup is the state before that save: the snapshot with the journal's saves in it.
    let backup = path.with_file_name("annotations.json.1");
    let (before, _) = Store::open(&backup).unwrap();
    let expected = format!("{}: {long}", saves - 1);
    assert_eq!(before.annotation(&id).unwrap().note, expected);
}

#[test]
fn issue19_1_a_save_cut_short_is_ignored_then_cut_off() {
    let dir = scratch();
    let path = large_store(dir.path(), 1000);
    let (mut store, _) = Store::open(&path).unwrap();
    let id = first_id(&store);
    store.set_note(&id, "confirmed").unwrap();
    drop(store);
    let journal = journal_of(&path);
    let whole = fs::read(&journal).unwrap();
    let mut file = fs::OpenOptions::new().append(true).open(&journal).unwrap();
    file.write_all(br#"{"generation":9,"documents":{"dccb3d5"#)
        .unwrap();
    drop(file);

    let (mut store, warnings) = Store::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(store.annotation(&id).unwrap().note, "confirmed");
    store.set_note(&id, "after the crash").unwrap();
    let now = fs::read(&journal).unwrap();
    assert!(now.starts_with(&whole), "the whole lines stay");
    assert_eq!(lines(&journal).len(), 3, "the cut line is gone");
    let (fresh, _) = Store::open(&path).unwrap();
    assert_eq!(fresh.annotation(&id).unwrap().note, "after the crash");
}

#[test]
fn issue19_1_a_damaged_journal_line_is_kept_aside_and_the_saves_before_it_load() {
    let dir = scratch();
    let path = large_store(dir.path(), 1000);
    let (mut store, _) = Store::open(&path).unwrap();
    let id = first_id(&store);
    let other = HighlightId("00000000000000000000000003".into());
    store.set_note(&id, "before the damage").unwrap();
    store.set_note(&other, "in the damaged line").unwrap();
    drop(store);
    let journal = journal_of(&path);
    let text = fs::read_to_string(&journal).unwrap();
    let mut damaged: Vec<String> = text.lines().map(str::to_string).collect();
    damaged[2] = "x".repeat(damaged[2].len());
    fs::write(&journal, damaged.join("\n") + "\n").unwrap();

    let (mut store, warnings) = Store::open(&path).unwrap();
    assert!(
        matches!(&warnings[..], [Warning::JournalDamaged { .. }]),
        "{warnings:?}"
    );
    assert!(
        warnings[0].to_string().contains("kept at"),
        "{}",
        warnings[0]
    );
    assert_eq!(store.annotation(&id).unwrap().note, "before the damage");
    let kept = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("journal.corrupt-"))
        .count();
    assert_eq!(kept, 1);
    // The next save writes the whole store, and the journal it replaces is gone.
    store.set_note(&id, "saved whole").unwrap();
    assert!(!journal.exists());
    let (fresh, warnings) = Store::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(fresh.annotation(&id).unwrap().note, "saved whole");
}

#[test]
fn issue19_1_a_journal_of_a_newer_folio_makes_the_store_read_only() {
    let dir = scratch();
    let path = large_store(dir.path(), 1000);
    let header =
        r#"{"format":"folio-annotations-journal","schema_version":9,"follows_generation":3}"#;
    fs::write(journal_of(&path), format!("{header}\n")).unwrap();
    let (mut store, warnings) = Store::open(&path).unwrap();
    assert!(
        matches!(&warnings[..], [Warning::NewerSchema { version: 9, .. }]),
        "{warnings:?}"
    );
    let id = first_id(&store);
    assert!(store.set_note(&id, "refused").is_err());
    assert_eq!(
        fs::read_to_string(journal_of(&path)).unwrap(),
        format!("{header}\n")
    );
}

#[test]
fn issue19_1_a_store_written_before_the_journal_opens_and_keeps_every_highlight() {
    let dir = scratch();
    let a = article(dir.path());
    let path = dir.path().join("annotations.json");
    fs::copy(FIXTURE, &path).unwrap();
    let (store, warnings) = Store::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let listed = store.resolve(&store.document(&a), &a);
    let got: Vec<(&str, &str, String)> = listed
        .iter()
        .map(|r| (r.quote.as_str(), r.note.as_str(), r.status.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "The last boat leaves",
                "first note, *Markdown*",
                "verified".into()
            ),
            ("students who missed the last train", "", "verified".into()),
            ("who never opens it", "second", "verified".into()),
        ]
    );

    // Large, it is kept as the snapshot: the first change goes to the journal beside it.
    let dir = scratch();
    let path = large_store(dir.path(), 1000);
    let before = fs::read(&path).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    let doc = store.document(&a);
    let added = store
        .add(
            &doc,
            &a,
            range_of(&a, "Who Rides at Night"),
            Color::Green,
            "new",
        )
        .unwrap();
    assert_eq!(fs::read(&path).unwrap(), before);
    let (fresh, _) = Store::open(&path).unwrap();
    let total: usize = fresh.documents().map(|(_, d)| d.annotations.len()).sum();
    assert_eq!(total, 3 + 1000 + 1);
    assert_eq!(fresh.annotation(&added).unwrap().note, "new");
    assert_eq!(fresh.resolve(&doc, &a).len(), 4);
}

fn range_of(article: &Article, quote: &str) -> Range<usize> {
    folio::highlights::find_quote(article, quote, None).unwrap()
}

/// One step of the property test; `second` picks which of two stores on the file does it.
#[derive(Clone, Debug)]
enum Step {
    Add {
        slot: usize,
        second: bool,
    },
    Note {
        pick: usize,
        len: usize,
        second: bool,
    },
    Delete {
        pick: usize,
        second: bool,
    },
    Undelete {
        pick: usize,
        second: bool,
    },
    /// A save killed mid-write: part of a line, no newline; then that store opens again.
    Kill {
        cut: usize,
        second: bool,
    },
    Reload {
        second: bool,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..8usize, any::<bool>()).prop_map(|(slot, second)| Step::Add { slot, second }),
        (any::<usize>(), 0..6000usize, any::<bool>()).prop_map(|(pick, len, second)| Step::Note {
            pick,
            len,
            second
        }),
        (any::<usize>(), any::<bool>()).prop_map(|(pick, second)| Step::Delete { pick, second }),
        (any::<usize>(), any::<bool>()).prop_map(|(pick, second)| Step::Undelete { pick, second }),
        (1..200usize, any::<bool>()).prop_map(|(cut, second)| Step::Kill { cut, second }),
        any::<bool>().prop_map(|second| Step::Reload { second }),
    ]
}

/// The highlights as applying the steps in memory gives them: (id, note, deleted).
type Model = Vec<(HighlightId, String, bool)>;

fn run(steps: &[Step], dir: &Path) -> (Model, PathBuf) {
    let a = article(dir);
    let path = large_store(dir, 400);
    let mut stores = [Store::open(&path).unwrap().0, Store::open(&path).unwrap().0];
    let doc = stores[0].document(&a);
    // Eight passages, one sentence start each, far enough apart never to be the same one.
    let slots: Vec<Range<usize>> = (0..8).map(|i| i * 300 + 100..i * 300 + 130).collect();
    let mut used = [false; 8];
    let mut model: Model = Vec::new();
    for step in steps {
        match *step {
            Step::Add { slot, second } => {
                if std::mem::replace(&mut used[slot], true) {
                    continue;
                }
                let store = &mut stores[usize::from(second)];
                let id = store
                    .add(&doc, &a, slots[slot].clone(), Color::Blue, "")
                    .unwrap();
                model.push((id, String::new(), false));
            }
            Step::Note { pick, len, second } if !model.is_empty() => {
                let n = model.len();
                let entry = &mut model[pick % n];
                let note = format!("{len} {}", "n".repeat(len));
                stores[usize::from(second)]
                    .set_note(&entry.0, &note)
                    .unwrap();
                entry.1 = note;
            }
            Step::Delete { pick, second } if !model.is_empty() => {
                let n = model.len();
                let entry = &mut model[pick % n];
                stores[usize::from(second)].delete(&entry.0).unwrap();
                entry.2 = true;
            }
            Step::Undelete { pick, second } if !model.is_empty() => {
                let n = model.len();
                let entry = &mut model[pick % n];
                stores[usize::from(second)].undelete(&entry.0).unwrap();
                entry.2 = false;
            }
            Step::Kill { cut, second } => {
                let line = format!(r#"{{"generation":1,"documents":{{"{}":{{"#, doc.0);
                let part = &line.as_bytes()[..cut.min(line.len())];
                let journal = journal_of(&path);
                if journal.exists() {
                    let mut file = fs::OpenOptions::new().append(true).open(&journal).unwrap();
                    file.write_all(part).unwrap();
                }
                stores[usize::from(second)] = Store::open(&path).unwrap().0;
            }
            Step::Reload { second } => {
                stores[usize::from(second)] = Store::open(&path).unwrap().0;
            }
            _ => {}
        }
    }
    (model, path)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn issue19_1_changes_saves_kills_and_reloads_end_as_the_changes_in_memory(
        steps in proptest::collection::vec(step(), 1..60)
    ) {
        let dir = scratch();
        let (model, path) = run(&steps, dir.path());
        let (fresh, warnings) = Store::open(&path).unwrap();
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        for (id, note, deleted) in &model {
            let ann = fresh.annotation(id);
            prop_assert!(ann.is_some(), "{} lost", id);
            let ann = ann.unwrap();
            prop_assert_eq!(&ann.note, note);
            prop_assert_eq!(ann.deleted_at.is_some(), *deleted);
        }
        let total: usize = fresh.documents().map(|(_, d)| d.annotations.len()).sum();
        prop_assert_eq!(total, 3 + 400 + model.len());
    }
}

#[test]
fn issue19_1_importing_a_large_store_brings_the_saves_in_its_journal() {
    let dir = scratch();
    let path = large_store(dir.path(), 1000);
    let (mut store, _) = Store::open(&path).unwrap();
    let id = first_id(&store);
    store.set_note(&id, "only in the journal").unwrap();
    assert!(journal_of(&path).exists());
    let other = dir.path().join("other.json");
    let (mut elsewhere, _) = Store::open(&other).unwrap();
    let file = folio::highlights::read_other(&path).unwrap();
    elsewhere.import(&file).unwrap();
    assert_eq!(
        elsewhere.annotation(&id).unwrap().note,
        "only in the journal"
    );
}
