//! Opening a file that must be a regular file without ever blocking or reading without end:
//! a FIFO or a device put where an article, a draft or an export was expected is refused at
//! once (it is opened with `O_NONBLOCK`, then checked on the open handle, so a file swapped
//! between a look and the open is caught too), and what is read is capped.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The most folio reads from one file: an article larger than this is not an article.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file could not be read as a regular file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory")]
    Directory,
    #[error("is {0}, not a regular file; folio reads only regular files")]
    NotRegular(&'static str),
    #[error("is larger than {} MB; folio reads files up to that size", MAX_BYTES / (1024 * 1024))]
    TooLarge,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Opens `path` for reading, refusing at once anything but a regular file. Opening never
/// waits for a FIFO's writer: `O_NONBLOCK` makes `open` return, and the open handle's type
/// decides. (The flag changes nothing for regular files.)
pub fn open(path: &Path) -> Result<File, OpenError> {
    let file = open_nonblocking(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => OpenError::NotFound,
        _ => OpenError::Io(e),
    })?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else if kind.is_dir() {
        Err(OpenError::Directory)
    } else {
        Err(OpenError::NotRegular(kind_name(&kind)))
    }
}

/// The whole of the regular file at `path`, up to [`MAX_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, OpenError> {
    let file = open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_BYTES {
        return Err(OpenError::TooLarge);
    }
    // Room for the whole file (and the byte that tells it grew) at once, instead of doubling
    // and copying its way up to a large article's size.
    let mut bytes = Vec::with_capacity(usize::try_from(len + 1).unwrap_or(0));
    // One byte past the cap tells a file at the cap from one that grew past it meanwhile.
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(OpenError::TooLarge);
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn kind_name(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_name(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_at_once() {
        assert!(matches!(
            read(Path::new("/dev/zero")),
            Err(OpenError::NotRegular("a character device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if made.is_ok_and(|s| s.success()) {
            // With no writer, a blocking open would wait here for ever.
            assert!(matches!(read(&pipe), Err(OpenError::NotRegular(_))));
        }
        assert!(matches!(read(dir.path()), Err(OpenError::Directory)));
        assert!(matches!(
            read(&dir.path().join("nope")),
            Err(OpenError::NotFound)
        ));
    }

    #[test]
    fn a_file_over_the_cap_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        // Sparse: no disk space is used.
        let file = File::create(&path).unwrap();
        file.set_len(MAX_BYTES + 1).unwrap();
        assert!(matches!(read(&path), Err(OpenError::TooLarge)));
        std::fs::write(&path, "small").unwrap();
        assert_eq!(read(&path).unwrap(), b"small");
    }
}
