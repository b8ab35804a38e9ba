//! Fault drills for the highlights store: many writers at once, processes killed while saving,
//! and a file truncated at every offset.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use folio::article::Article;
use folio::highlights::{Color, Store, Warning};
use serde_json::{Value, json};

/// An article with `n` sentences, each with a unique phrase "number {i} talks".
fn numbered_article(dir: &Path, n: usize) -> std::path::PathBuf {
    let text: Vec<String> = (0..n)
        .map(|i| format!("Sentence number {i} talks about topic {i} at some length."))
        .collect();
    let path = dir.join("numbers.txt");
    fs::write(&path, format!("Numbers\n\n{}", text.join("\n\n"))).expect("test setup");
    path
}

fn spawn_highlight(store: &Path, article: &Path, i: usize) -> Child {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--annotations")
        .arg(store)
        .arg("highlight")
        .arg(article)
        .args([
            "--quote",
            &format!("number {i} talks"),
            "--note",
            &format!("note {i}"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("test setup")
}

fn read_json(path: &Path) -> Value {
    let bytes = fs::read(path).expect("test setup");
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

/// Notes of the live annotations in the document `key`.
fn notes_in(file: &Value, key: &str) -> Vec<String> {
    file["documents"][key]["annotations"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| x["note"].as_str().expect("test setup").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn twenty_writers_at_once_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let article = numbered_article(dir.path(), 20);
    let store = dir.path().join("annotations.json");
    let children: Vec<Child> = (0..20)
        .map(|i| spawn_highlight(&store, &article, i))
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let file = read_json(&store);
    assert_eq!(file["generation"], 20);
    let key = Article::open(&article).unwrap().id;
    let mut notes = notes_in(&file, &key);
    notes.sort();
    let mut expected: Vec<String> = (0..20).map(|i| format!("note {i}")).collect();
    expected.sort();
    assert_eq!(notes, expected);
}

/// A store file with `n` annotations on an unrelated document, so saves take a while.
fn bulky_store(n: usize) -> Value {
    let annotations: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "id": format!("01BULK{i:020}"),
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
                "deleted_at": null, "color": "green", "tags": ["bulk"],
                "note": format!("bulk note {i} with some words to give the file weight"),
                "target": {
                    "quote": {"exact": "something quoted", "prefix": "before it ", "suffix": " after it"},
                    "position": {"start": i, "end": i + 16}, "section": ["Bulk"], "text_hash": "00"
                },
                "anchor": {"status": "verified"}
            })
        })
        .collect();
    json!({
        "format": "folio-annotations", "schema_version": 1, "generation": 1,
        "saved_at": "2026-01-01T00:00:00Z", "saved_by": "test",
        "documents": {"bulk": {"title": "Bulk", "paths": [], "text": {"hash": "00", "chars": 0,
            "parser": "text"}, "annotations": annotations}}
    })
}

#[test]
fn killing_writers_mid_save_leaves_the_old_or_the_new_state() {
    let dir = tempfile::tempdir().unwrap();
    let article = numbered_article(dir.path(), 20);
    let store = dir.path().join("annotations.json");
    fs::write(
        &store,
        serde_json::to_vec_pretty(&bulky_store(1000)).unwrap(),
    )
    .unwrap();
    let key = Article::open(&article).unwrap().id;

    // How long one save takes here, so the kills can be spread over a whole run. Only the
    // moments of the kills depend on it; what is checked after each kill does not.
    let started = Instant::now();
    assert!(
        spawn_highlight(&store, &article, 0)
            .wait()
            .unwrap()
            .success()
    );
    let run = started.elapsed();

    let mut before = notes_in(&read_json(&store), &key);
    let (mut landed, mut killed_early) = (0, 0);
    const KILLS: u32 = 40;
    for i in 0..KILLS {
        let mut child = spawn_highlight(&store, &article, i as usize % 20);
        std::thread::sleep(run * 5 / 4 * i / KILLS);
        let _ = child.kill();
        let _ = child.wait();

        let file = read_json(&store);
        assert_eq!(
            file["documents"]["bulk"]["annotations"]
                .as_array()
                .unwrap()
                .len(),
            1000
        );
        let after = notes_in(&file, &key);
        if after.len() == before.len() {
            assert_eq!(after, before);
            killed_early += 1;
        } else {
            assert_eq!(after.len(), before.len() + 1, "one save adds one highlight");
            assert_eq!(after[..before.len()], before[..]);
            landed += 1;
        }
        before = after;
    }
    println!("{landed} saves landed, {killed_early} killed before their rename (one run: {run:?})");
    // The next writer clears the temp files that killed ones left behind.
    assert!(
        spawn_highlight(&store, &article, 1)
            .wait()
            .unwrap()
            .success()
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let (reopened, warnings) = Store::open(&store).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(reopened.file().documents["bulk"].annotations.len(), 1000);
}

#[test]
fn a_store_truncated_at_any_offset_never_loads_empty() {
    // Thousands of recoveries, each with fsyncs: on a RAM disk when there is one.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let article_path = numbered_article(dir.path(), 5);
    let article = Article::open(&article_path).unwrap();
    let path = dir.path().join("annotations.json");
    let (mut store, _) = Store::open(&path).unwrap();
    let doc = store.document(&article);
    for (i, range) in [(0, 9..30), (1, 60..80)] {
        store
            .add(&doc, &article, range, Color::Yellow, &format!("note {i}"))
            .unwrap();
    }
    let good = fs::read(&path).unwrap();
    let backup = dir.path().join("annotations.json.1");
    let backup_bytes = fs::read(&backup).unwrap();

    for offset in 0..good.len() {
        fs::write(&path, &good[..offset]).unwrap();
        let (store, warnings) = Store::open(&path).unwrap();
        let count = store
            .file()
            .documents
            .values()
            .map(|d| d.annotations.len())
            .sum::<usize>();
        if good[offset..].iter().all(u8::is_ascii_whitespace) {
            assert!(warnings.is_empty());
            assert_eq!(count, 2, "offset {offset}: only white space was cut");
        } else {
            assert!(
                matches!(warnings[..], [Warning::Recovered { .. }]),
                "offset {offset}: {warnings:?}"
            );
            assert_eq!(count, 1, "offset {offset}: loaded the backup");
            assert_eq!(fs::read(&path).unwrap(), backup_bytes, "backup restored");
        }
        for entry in fs::read_dir(dir.path()).unwrap().flatten() {
            if entry.file_name().to_string_lossy().contains(".corrupt-") {
                assert_eq!(fs::read(entry.path()).unwrap(), &good[..offset]);
                fs::remove_file(entry.path()).unwrap();
            }
        }
    }
}

#[test]
fn the_cli_reports_a_damaged_store_and_lists_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let article = numbered_article(dir.path(), 5);
    let store = dir.path().join("annotations.json");
    for i in 0..2 {
        assert!(
            spawn_highlight(&store, &article, i)
                .wait()
                .unwrap()
                .success()
        );
    }
    let good = fs::read(&store).unwrap();
    fs::write(&store, &good[..good.len() / 2]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--annotations")
        .arg(&store)
        .args(["notes", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("damaged") && err.contains("backup"), "{err}");
    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listing["documents"][0]["highlights"][0]["note"], "note 0");
}
