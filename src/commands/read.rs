//! `folio [PATH...]`: one file opens in the reader; folders, several paths or none (the
//! library folder) open the library view. Loads the settings and the saved reading positions
//! the TUI starts from.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::article::Article;
use crate::config::Config;
use crate::library::{Cache, Entry, empty_library_message, scan};
use crate::paths::Paths;
use crate::progress::Progress;
use crate::reading::ReadingState;
use crate::tui::keymap::Keymap;
use crate::tui::model::{Library, LibraryEntry};
use crate::tui::ui::theme::Theme;
use crate::tui::{self, Ending, Settings, Start};

/// Runs the reader or the library view on `paths`.
pub fn run(paths: &[PathBuf]) -> Result<ExitCode> {
    let dirs = Paths::from_env()?;
    let stdout = std::io::stdout();
    if let [path] = paths
        && !path.is_dir()
    {
        let article = Article::open(path)?;
        // Piped, there is no screen to read on: print the reading view, as `render` does.
        if !stdout.is_terminal() {
            let mut out = stdout.lock();
            out.write_all(crate::render::render(&article, 80, false).as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
        let settings = settings(&dirs, Vec::new())?;
        let start = Start::Article {
            article,
            path: path.clone(),
        };
        return ending(tui::run(start, settings)?);
    }
    if !stdout.is_terminal() {
        bail!("the library view needs a terminal; to print one article use `folio render FILE`");
    }
    // The library folder is only made by `folio add`; before that there is nothing to scan.
    let roots = if paths.is_empty() {
        let library = dirs.library_dir();
        if library.is_dir() {
            vec![library]
        } else {
            Vec::new()
        }
    } else {
        paths.to_vec()
    };
    let mut notices = Vec::new();
    let mut cache = Cache::load(&dirs.cache_file());
    let mut progress = Progress::on_stderr("indexing articles");
    let entries = scan(&roots, &mut cache, |done, total| {
        progress.update(done, total)
    });
    if let Err(error) = cache.save() {
        notices.push(error.to_string());
    }
    let settings = settings(&dirs, notices)?;
    let empty_hint = if paths.is_empty() {
        empty_library_message(&dirs.library_dir())
    } else {
        "No articles (.txt, .md, .html) here. Open a file directly with `folio FILE`.".to_string()
    };
    let library = library_of(entries, &settings.positions, empty_hint);
    ending(tui::run(Start::Library(library), settings)?)
}

fn ending(ending: Ending) -> Result<ExitCode> {
    Ok(match ending {
        Ending::Quit => ExitCode::SUCCESS,
        Ending::Signal(signal) => ExitCode::from(128u8.saturating_add(signal as u8)),
    })
}

/// The library's rows: the most recently read first, then the never-opened ones in the
/// order the scan found them.
fn library_of(entries: Vec<Entry>, positions: &ReadingState, empty_hint: String) -> Library {
    let mut rows: Vec<(Option<jiff::Timestamp>, LibraryEntry)> = entries
        .into_iter()
        .map(|entry| {
            let saved = entry
                .id
                .as_deref()
                .and_then(|id| positions.find(id, Some(&entry.path)));
            let row = LibraryEntry {
                format: match entry.error {
                    Some(_) => "unreadable".to_string(),
                    None => entry.format.name().to_string(),
                },
                path: entry.path,
                title: entry.title,
                chars: entry.chars,
                progress: saved.map(|p| p.percent()),
                highlights: 0,
            };
            (saved.map(|p| p.last_read), row)
        })
        .collect();
    rows.sort_by_key(|(last_read, _)| std::cmp::Reverse(*last_read));
    Library::new(rows.into_iter().map(|(_, row)| row).collect(), empty_hint)
}

/// The reader's settings: config file, keys, colours (none under NO_COLOR), saved positions.
/// A broken config or state file is reported on the first screen and the defaults are used;
/// a bad key binding is an error, since the user asked for keys that would not work.
fn settings(dirs: &Paths, mut notices: Vec<String>) -> Result<Settings> {
    let config_file = dirs.config_file();
    let config = Config::load(&config_file).unwrap_or_else(|error| {
        notices.push(error.to_string());
        Config::default()
    });
    notices.extend(config.warnings.iter().cloned());
    let mut keymap = Keymap::defaults()?;
    keymap
        .apply(&config.keys)
        .with_context(|| format!("{}: fix the key binding", config_file.display()))?;
    let positions = ReadingState::load(&dirs.state_file()).unwrap_or_else(|error| {
        notices.push(error.to_string());
        ReadingState::unsaved()
    });
    notices.extend(positions.warnings().iter().cloned());
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Ok(Settings {
        keymap,
        theme: Theme::from_config(&config.colors, color),
        column_width: config.reader.column_width,
        show_outline: config.reader.show_outline,
        positions,
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
    })
}
