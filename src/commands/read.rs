//! `folio [PATH...]`: one file (or standard input: `-`, or a pipe and no path) opens in the
//! reader; folders, several paths or none (the library folder) open the library view. Loads
//! the settings and the saved reading positions the TUI starts from.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::article::Article;
use crate::config::Config;
use crate::library::{Cache, Entry, empty_library_message, scan};
use crate::paths::Paths;
use crate::progress::Progress;
use crate::reading::ReadingState;
use crate::tui::driver::watch;
use crate::tui::hyperlink;
use crate::tui::keymap::Keymap;
use crate::tui::model::{Library, LibraryEntry};
use crate::tui::ui::theme::Theme;
use crate::tui::{self, Ending, Settings, Start};

/// Runs the reader or the library view on `paths`, with the highlights in `annotations`.
pub fn run(paths: &[PathBuf], annotations: &Path) -> Result<ExitCode> {
    let dirs = Paths::from_env()?;
    let one = match paths {
        [] if stdin_is_piped() => Some(None),
        [path] if path.as_os_str() == "-" => Some(None),
        [path] if !path.is_dir() => Some(Some(path.clone())),
        _ => None,
    };
    if let Some(path) = one {
        return read_one(path, &dirs, annotations);
    }
    if !std::io::stdout().is_terminal() {
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
    let settings = settings(&dirs, notices, annotations)?;
    let empty_hint = if paths.is_empty() {
        empty_library_message(&dirs.library_dir())
    } else {
        "No articles (.txt, .md, .html) here. Open a file directly with `folio FILE`.".to_string()
    };
    // The highlight counts come from the store worker once it has read the store: a large
    // store never holds back the library's first screen.
    let library = library_of(entries, &settings.positions, empty_hint);
    ending(tui::run(Start::Library(library), settings)?)
}

/// Opens the reader on the article at `path`, or on standard input for `None`.
fn read_one(path: Option<PathBuf>, dirs: &Paths, annotations: &Path) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    // Piped, there is no screen to read on: print the reading view, as `render` does.
    if !stdout.is_terminal() {
        let article = match &path {
            None => Article::from_stdin()?,
            Some(path) => Article::open(path)?,
        };
        let mut out = stdout.lock();
        out.write_all(
            crate::render::render(&article, 80, crate::render::View::default()).as_bytes(),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let settings = settings(dirs, Vec::new(), annotations)?;
    let start = match path {
        None => Start::Article {
            article: Box::new(Article::from_stdin()?),
            path: None,
            on_disk: None,
        },
        Some(path) => match beginning(&path, &settings.positions)? {
            Some((article, top)) => Start::Beginning { article, path, top },
            None => {
                let (article, on_disk) = watch::open(&path);
                Start::Article {
                    article: Box::new(article?),
                    path: Some(path),
                    on_disk,
                }
            }
        },
    };
    ending(tui::run(start, settings)?)
}

/// The beginning of the large article at `path`, to show while the whole is read, and where
/// it was left: `None` for a file that is read whole at once (a small one, an HTML page, see
/// [`Article::open_beginning`]) or that was left beyond its beginning, which the whole text
/// is needed to find.
fn beginning(path: &Path, positions: &ReadingState) -> Result<Option<(Box<Article>, usize)>> {
    let Some(article) = Article::open_beginning(path)? else {
        return Ok(None);
    };
    let top = positions.get_by_path(path).map_or(0, |saved| saved.offset);
    // The last screens of the beginning may read differently in the whole (a paragraph the
    // cut ended early): a place left there is found in the whole.
    let margin = article.char_len / 4;
    Ok((top + margin <= article.char_len).then(|| (Box::new(article), top)))
}

/// Whether an article is piped or redirected into standard input (a pipe or a file; not a
/// terminal, nor /dev/null or a closed input that scripts and services start folio with).
fn stdin_is_piped() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd)
            .metadata()
            .is_ok_and(|m| m.file_type().is_fifo() || m.is_file())
    }
    #[cfg(not(unix))]
    {
        !std::io::stdin().is_terminal()
    }
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
                id: entry.id,
                highlights: None,
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
fn settings(dirs: &Paths, mut notices: Vec<String>, annotations: &Path) -> Result<Settings> {
    let config_file = dirs.config_file();
    let config = Config::load(&config_file).unwrap_or_else(|error| {
        notices.push(format!("{error} — using the default settings meanwhile"));
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
    let (roles, role_warnings) = config.roles.palette();
    notices.extend(role_warnings);
    Ok(Settings {
        keymap,
        theme: Theme::from_config(&config.colors, color),
        hyperlinks: hyperlink::enabled(config.reader.hyperlinks, |name| std::env::var(name).ok()),
        column_width: config.reader.column_width,
        show_outline: config.reader.show_outline,
        roles,
        furniture: config.reader.furniture,
        positions,
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
        annotations: annotations.to_path_buf(),
        export_dir: dirs.export_dir(),
        drafts: dirs.drafts_dir(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_config_is_reported_once_with_its_line_and_the_defaults_are_used() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = Paths::in_folder(tmp.path());
        std::fs::write(
            dirs.config_file(),
            "[reader]\ncolumn_width = 50\nshow_outline = yes\n\n[keys.reader]\n\"x\" = \"top\"\n",
        )
        .unwrap();
        let annotations = dirs.annotations_file();
        let settings = settings(&dirs, Vec::new(), &annotations).unwrap();
        let notice = settings.notice.unwrap();
        let file = dirs.config_file().display().to_string();
        assert_eq!(
            notice,
            format!(
                "{file}, line 3: string values must be quoted, expected literal string; fix \
                 that line — using the default settings meanwhile"
            )
        );
        assert_eq!(settings.column_width, Config::default().reader.column_width);
        assert_eq!(settings.keymap, Keymap::defaults().unwrap());
    }

    #[test]
    fn a_config_value_of_the_wrong_type_names_it_and_unknown_keys_are_listed() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = Paths::in_folder(tmp.path());
        let annotations = dirs.annotations_file();
        std::fs::write(dirs.config_file(), "[reader]\ncolumn_width = \"wide\"\n").unwrap();
        let notice = settings(&dirs, Vec::new(), &annotations)
            .unwrap()
            .notice
            .unwrap();
        assert!(
            notice.contains("line 2: invalid type: string \"wide\", expected u16"),
            "{notice}"
        );
        assert!(
            notice.ends_with("using the default settings meanwhile"),
            "{notice}"
        );
        // An unknown key is only a warning: the rest of the file applies.
        std::fs::write(
            dirs.config_file(),
            "[reader]\ncolum_width = 60\nshow_outline = false\n",
        )
        .unwrap();
        let settings = settings(&dirs, Vec::new(), &annotations).unwrap();
        assert!(!settings.show_outline);
        let notice = settings.notice.unwrap();
        assert!(
            notice.contains("unknown setting `reader.colum_width` ignored"),
            "{notice}"
        );
    }
}
