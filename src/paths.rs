//! Where folio keeps its files: the data folder (library, reading positions, caches, highlights)
//! and the config folder, from `FOLIO_HOME` or the XDG base directories.

use std::path::{Path, PathBuf};

/// The environment variable that moves all of folio's files (data and config) into one folder.
pub const HOME_VAR: &str = "FOLIO_HOME";

/// Why folio could not decide where its files live.
#[derive(Debug, thiserror::Error)]
pub enum PathsError {
    #[error(
        "cannot find your home directory to place folio's data; set {HOME_VAR} to a folder for it"
    )]
    NoHome,
    #[error("{HOME_VAR}={path}: cannot make it an absolute path ({source}); set it to a full path")]
    BadHome {
        path: String,
        source: std::io::Error,
    },
}

/// The folders and files folio reads and writes. Nothing is created here: writers create the
/// folders they need, so merely reading never leaves empty folders behind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    data: PathBuf,
    config: PathBuf,
}

impl Paths {
    /// Reads `FOLIO_HOME`, else the platform's data and config folders (on Linux
    /// `$XDG_DATA_HOME/folio` and `$XDG_CONFIG_HOME/folio`, with the usual `~/.local/share` and
    /// `~/.config` fallbacks).
    pub fn from_env() -> Result<Paths, PathsError> {
        if let Some(home) = std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
            let home = PathBuf::from(home);
            // A relative FOLIO_HOME would move with the working directory; pin it now.
            let home = std::path::absolute(&home).map_err(|source| PathsError::BadHome {
                path: home.display().to_string(),
                source,
            })?;
            return Ok(Paths::in_folder(home));
        }
        let base = directories::BaseDirs::new().ok_or(PathsError::NoHome)?;
        Ok(Paths {
            data: base.data_dir().join("folio"),
            config: base.config_dir().join("folio"),
        })
    }

    /// Keeps data and config together in one folder, as `FOLIO_HOME` does.
    pub fn in_folder(folder: impl Into<PathBuf>) -> Paths {
        let folder = folder.into();
        Paths {
            data: folder.clone(),
            config: folder,
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data
    }

    pub fn config_dir(&self) -> &Path {
        &self.config
    }

    /// The folder `folio add` copies articles into and `folio` alone opens.
    pub fn library_dir(&self) -> PathBuf {
        self.data.join("library")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    /// Reading positions, one per article.
    pub fn state_file(&self) -> PathBuf {
        self.data.join("state.json")
    }

    /// What the library scan learnt about each file, so unchanged files are not parsed again.
    pub fn cache_file(&self) -> PathBuf {
        self.data.join("library-cache.json")
    }

    pub fn annotations_file(&self) -> PathBuf {
        self.data.join("annotations.json")
    }

    pub fn export_dir(&self) -> PathBuf {
        self.data.join("exports")
    }

    /// Notes being written when folio was stopped, one file per article.
    pub fn drafts_dir(&self) -> PathBuf {
        self.data.join("drafts")
    }
}

/// One spelling for a path, so the same file reached as `a.txt`, `./a.txt` or through a link
/// is keyed once: the canonical path if the file exists, else the absolute one.
pub fn normalize(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_folder_holds_everything() {
        let paths = Paths::in_folder("/tmp/f");
        assert_eq!(paths.library_dir(), Path::new("/tmp/f/library"));
        assert_eq!(paths.config_file(), Path::new("/tmp/f/config.toml"));
        assert_eq!(paths.state_file(), Path::new("/tmp/f/state.json"));
        assert_eq!(paths.cache_file(), Path::new("/tmp/f/library-cache.json"));
        assert_eq!(
            paths.annotations_file(),
            Path::new("/tmp/f/annotations.json")
        );
        assert_eq!(paths.export_dir(), Path::new("/tmp/f/exports"));
        assert_eq!(paths.drafts_dir(), Path::new("/tmp/f/drafts"));
    }
}
