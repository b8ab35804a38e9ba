//! The reader's layers, checked from the source (see ARCHITECTURE.md): `protocol`, `model/`,
//! `update/` and `ui/` import neither the driver nor anything that does IO, and each imports
//! only the layers below it; and no function in `src/tui` is longer than 60 lines.

use std::path::{Path, PathBuf};

/// The folder of the reader's source.
fn tui() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui")
}

/// Every `.rs` file under `dir`, with its path relative to `src/tui`.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("the source folder reads") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file reads");
                let name = path.strip_prefix(tui()).unwrap_or(&path);
                found.push((name.display().to_string(), text));
            }
        }
    }
    found.sort();
    found
}

/// The code of a file without its unit tests (a `#[cfg(test)]` module closes each file).
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// What a layer may not name: IO, threads, processes, reading terminal events, and the
/// layers it may not use.
fn forbidden(file: &str) -> Vec<&'static str> {
    let io = [
        "std::fs",
        "std::process",
        "std::thread",
        "std::net",
        "std::io::stdin",
        "event::read",
        "event::poll",
        "tempfile",
        "signal_hook",
        "driver",
    ];
    let mut words = io.to_vec();
    let layer = file.split('/').next().unwrap_or(file);
    words.extend(match layer {
        "protocol.rs" => &["tui::model", "super::model", "update::", "ui::"][..],
        "model" => &["update::", "ui::", "super::update", "super::ui"][..],
        "ui" => &["update::", "super::update", "super::super::update"][..],
        "update" => &["ui::", "super::ui", "super::super::ui"][..],
        // The keymap, the verbs, the help text and the pane geometry sit below every layer.
        _ => &["update::", "ui::", "model::"][..],
    });
    words
}

/// Whether `line` names `word` as a path of its own: `ui::` in `crate::tui::ui::x` or
/// `super::ui::x`, not in `ratatui::x`.
fn mentions(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        !line[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn model_update_and_ui_never_reach_the_driver_or_io() {
    let mut broken = Vec::new();
    for (file, text) in sources(&tui()) {
        // The driver does the IO; tests may read files and use it.
        if file.starts_with("driver") || file.starts_with("tests") || file == "mod.rs" {
            continue;
        }
        for line in code(&text).lines() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for word in forbidden(&file) {
                if mentions(line, word) {
                    broken.push(format!("{file}: `{word}` in: {line}"));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

/// The length in lines of each function in `text` (signature to closing brace), found by
/// rustfmt's layout: a body closes with a `}` at the indent its `fn` line has.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut lengths = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        let indent = &line[..line.len() - line.trim_start().len()];
        let Some(open) = (i..lines.len()).find(|&j| {
            let l = lines[j].trim_end();
            l.ends_with('{') || l.ends_with(';')
        }) else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let close = format!("{indent}}}");
        if let Some(end) = (open + 1..lines.len()).find(|&j| lines[j] == close) {
            lengths.push((name, end - i + 1));
        }
    }
    lengths
}

/// The name of the function a line starts, if it starts one.
fn fn_name(line: &str) -> Option<String> {
    let mut rest = line.trim_start();
    for prefix in ["pub(crate) ", "pub(super) ", "pub ", "const ", "unsafe "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

#[test]
fn no_function_in_the_reader_is_longer_than_sixty_lines() {
    let long: Vec<String> = sources(&tui())
        .iter()
        .flat_map(|(file, text)| {
            function_lengths(text)
                .into_iter()
                .filter(|(_, n)| *n > 60)
                .map(move |(name, n)| format!("{file}: {name} has {n} lines"))
        })
        .collect();
    assert!(long.is_empty(), "split these:\n{}", long.join("\n"));
}

#[test]
fn a_path_is_named_only_as_a_whole_word() {
    assert!(mentions("use crate::tui::ui::theme::Theme;", "ui::"));
    assert!(!mentions("use ratatui::layout::Rect;", "ui::"));
    assert!(mentions("    std::fs::read(path)", "std::fs"));
}

#[test]
fn the_length_check_measures_what_rustfmt_writes() {
    let text = "fn a() {\n    x();\n}\n\n    pub(super) fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\n";
    assert_eq!(
        function_lengths(text),
        [("a".to_string(), 3), ("b".to_string(), 5)]
    );
}
