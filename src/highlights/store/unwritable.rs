//! Tests of a store whose folder cannot be written when it opens, then can again.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::*;
use crate::highlights::Color;

/// Makes a folder unwritable for as long as it lives: `chmod 555`, or, for root (whom
/// permissions do not stop), the immutable attribute. Puts the folder back on drop.
struct Unwritable {
    dir: PathBuf,
    immutable: bool,
}

fn writable(dir: &Path) -> bool {
    tempfile::tempfile_in(dir).is_ok()
}

impl Unwritable {
    fn make(dir: &Path) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).ok()?;
        let mut guard = Unwritable {
            dir: dir.to_path_buf(),
            immutable: false,
        };
        if writable(dir) {
            guard.immutable = Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
        }
        (!writable(dir)).then_some(guard)
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        }
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_folder_that_was_read_only_at_open_is_written_once_it_can_be_or_skip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let text = dir.path().join("a.txt");
    fs::write(
        &text,
        "Title\n\nOne sentence here. Another sentence there.\n",
    )
    .unwrap();
    let article = Article::open(&text).unwrap();
    let path = data.join("annotations.json");

    let Some(guard) = Unwritable::make(&data) else {
        eprintln!("skipped: cannot make a folder unwritable here (neither chmod nor chattr)");
        return;
    };
    let (mut store, _) = Store::open(&path).unwrap();
    assert!(store.read_only().is_some());
    let doc = store.document(&article);
    let refused = store.add(&doc, &article, 7..25, Color::Yellow, "n");
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );

    drop(guard);
    let id = store
        .add(&doc, &article, 7..25, Color::Yellow, "n")
        .unwrap();
    assert_eq!(store.read_only(), None);
    let (reopened, _) = Store::open(&path).unwrap();
    assert!(reopened.annotation(&id).is_some());
}
