//! Where output goes, and how it gets there without destroying anything.
//!
//! A regular file (or a path that does not exist yet) is written whole or
//! not at all: a temp file beside it, renamed over it once every byte is on
//! disk, so a reader never sees half a graph and a failed run leaves the
//! previous file as it was. Renaming is right only for a regular file,
//! though. Renamed over, a symlink would stop being a link (and its target
//! would keep the old data); a FIFO's reader would get nothing; `/dev/full`
//! or `/dev/stdout` would be replaced by a plain file. So:
//!
//! - a symlink is followed, and its target is what gets replaced;
//! - a FIFO or a character device is opened and written straight through,
//!   as `cat > PATH` would;
//! - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are the
//!   descriptors this process already has, written through a duplicate so
//!   the shell's `>>` (append) and offsets still hold;
//! - nothing under `/dev` or `/proc` is ever renamed over;
//! - a folder, a block device or a socket is refused with its name.

use super::CliError;
use std::fs::File;
use std::io::{BufWriter, LineWriter, Write};
use std::path::{Path, PathBuf};

/// How a path named as output is to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// `-`: this process's standard output.
    Stdout,
    /// Temp file in the folder of `target`, renamed over it at the end.
    Replace { target: PathBuf },
    /// Opened and written in place: a FIFO, a character device.
    Through { path: PathBuf },
    /// A descriptor this process already holds (`/dev/stdout`, `/dev/fd/3`).
    Descriptor { fd: i32 },
}

fn refuse(path: &Path, why: &str) -> CliError {
    CliError::Input(format!("cannot write {}: {why}", path.display()))
}

/// Decide how to write `path` (see the module docs).
pub fn plan(path: &Path) -> Result<Plan, CliError> {
    if path.as_os_str() == "-" {
        return Ok(Plan::Stdout);
    }
    if let Some(fd) = descriptor(path) {
        return Ok(Plan::Descriptor { fd });
    }
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return replace_or_through(path, current, None),
            Err(e) => return Err(refuse(path, &e.to_string())),
        };
        if meta.file_type().is_symlink() {
            let link = std::fs::read_link(&current).map_err(|e| refuse(path, &e.to_string()))?;
            let next = if link.is_absolute() { link } else { current.parent().unwrap_or(Path::new(".")).join(link) };
            if let Some(fd) = descriptor(&next) {
                return Ok(Plan::Descriptor { fd });
            }
            current = next;
            continue;
        }
        return replace_or_through(path, current, Some(meta));
    }
    Err(refuse(path, "a symlink loop"))
}

fn replace_or_through(named: &Path, target: PathBuf, meta: Option<std::fs::Metadata>) -> Result<Plan, CliError> {
    let Some(meta) = meta else {
        if under_dev(&target) {
            return Err(refuse(named, "no such device"));
        }
        return Ok(Plan::Replace { target });
    };
    if meta.is_dir() {
        return Err(refuse(named, "a folder has that name"));
    }
    if meta.is_file() {
        // a regular file under /dev (/dev/shm) is still never renamed over
        return Ok(if under_dev(&target) { Plan::Through { path: target } } else { Plan::Replace { target } });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() || t.is_char_device() {
            return Ok(Plan::Through { path: target });
        }
    }
    Err(refuse(named, &format!("{}; not written", crate::input::special_kind(&meta))))
}

fn under_dev(p: &Path) -> bool {
    p.starts_with("/dev") || p.starts_with("/proc") || p.starts_with("/sys")
}

/// The descriptor a path names, if it is one of this process's own.
fn descriptor(p: &Path) -> Option<i32> {
    let s = p.to_str()?;
    match s {
        "/dev/stdout" => return Some(1),
        "/dev/stderr" => return Some(2),
        _ => {}
    }
    let n = s.strip_prefix("/dev/fd/").or_else(|| s.strip_prefix("/proc/self/fd/"))?;
    n.parse().ok().filter(|n: &i32| *n >= 0)
}

enum Sink {
    Stdout(std::io::StdoutLock<'static>),
    Replace { target: PathBuf, tmp: BufWriter<tempfile::NamedTempFile> },
    // line-buffered: a FIFO's reader sees each article's claims as they come
    Through(LineWriter<File>),
}

/// An output being written: `writer()` to write, `commit()` to finish.
pub struct OutputFile {
    /// The path as the user named it, for messages.
    named: PathBuf,
    sink: Sink,
}

impl OutputFile {
    /// Open `path` for writing as [`plan`] decides; `-` is standard output.
    pub fn create(path: &Path) -> Result<OutputFile, CliError> {
        let named = path.to_path_buf();
        let fail = |e: &dyn std::fmt::Display| CliError::Input(format!("cannot write {}: {e}", path.display()));
        let sink = match plan(path)? {
            Plan::Stdout => Sink::Stdout(std::io::stdout().lock()),
            Plan::Replace { target } => {
                let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
                Sink::Replace { target, tmp: BufWriter::with_capacity(1 << 16, tmp) }
            }
            Plan::Through { path: p } => {
                let f = std::fs::OpenOptions::new().write(true).open(&p).map_err(|e| fail(&e))?;
                Sink::Through(LineWriter::new(f))
            }
            Plan::Descriptor { fd } => Sink::Through(LineWriter::new(dup(fd).map_err(|e| fail(&e))?)),
        };
        Ok(OutputFile { named, sink })
    }

    pub fn path(&self) -> &Path {
        &self.named
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Stdout(w) => w,
            Sink::Replace { tmp, .. } => tmp,
            Sink::Through(w) => w,
        }
    }

    /// Is this the terminal's or a pipe's standard output (where a reader
    /// that went away is not an error)?
    pub fn is_stdout(&self) -> bool {
        matches!(self.sink, Sink::Stdout(_))
    }

    /// Does this write to a temp file renamed at the end?
    pub fn is_replace(&self) -> bool {
        matches!(self.sink, Sink::Replace { .. })
    }

    /// The error for a failed write, naming the path.
    pub fn error(&self, e: &std::io::Error) -> CliError {
        let name = if self.is_stdout() { "standard output".to_string() } else { self.named.display().to_string() };
        CliError::Input(format!("cannot write {name}: {e}"))
    }

    /// Flush everything; for a replaced file, sync it and get it ready to
    /// rename (see [`Prepared::finish`]).
    pub fn prepare(self) -> Result<Prepared, CliError> {
        let named = self.named;
        let fail = |e: &dyn std::fmt::Display| CliError::Input(format!("cannot write {}: {e}", named.display()));
        match self.sink {
            Sink::Stdout(mut w) => {
                w.flush().map_err(|e| CliError::Input(format!("cannot write standard output: {e}")))?;
                Ok(Prepared::Done)
            }
            Sink::Through(mut w) => {
                w.flush().map_err(|e| fail(&e))?;
                Ok(Prepared::Done)
            }
            Sink::Replace { target, tmp } => {
                let tmp = tmp.into_inner().map_err(|e| fail(e.error()))?;
                tmp.as_file().sync_all().map_err(|e| fail(&e))?;
                Ok(Prepared::Rename { named, target, tmp })
            }
        }
    }

    /// Flush and, for a replaced file, rename it into place.
    pub fn commit(self) -> Result<(), CliError> {
        self.prepare()?.finish()
    }
}

/// An output whose bytes are all written, waiting for its rename.
pub enum Prepared {
    Done,
    Rename { named: PathBuf, target: PathBuf, tmp: tempfile::NamedTempFile },
}

impl Prepared {
    pub fn finish(self) -> Result<(), CliError> {
        let Prepared::Rename { named, target, tmp } = self else { return Ok(()) };
        // temp files are private (0600); outputs are ordinary files: keep the
        // mode of the file replaced, else rw-r--r--
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).map(|m| m.permissions().mode() & 0o777).unwrap_or(0o644);
            let _ = std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode));
        }
        tmp.persist(&target).map_err(|e| CliError::Input(format!("cannot write {}: {}", named.display(), e.error)))?;
        Ok(())
    }
}

/// A duplicate of one of this process's descriptors: shares its offset and
/// flags (a shell's `>>` stays an append).
#[cfg(unix)]
fn dup(fd: i32) -> std::io::Result<File> {
    use std::os::fd::{AsFd, BorrowedFd};
    if fd == 1 {
        return Ok(File::from(std::io::stdout().as_fd().try_clone_to_owned()?));
    }
    if fd == 2 {
        return Ok(File::from(std::io::stderr().as_fd().try_clone_to_owned()?));
    }
    // the descriptor must be open: check through /proc before borrowing it
    if std::fs::symlink_metadata(format!("/proc/self/fd/{fd}")).is_err() {
        return Err(std::io::Error::from_raw_os_error(9)); // EBADF
    }
    // SAFETY: fd was just seen open in /proc/self/fd, and is only borrowed
    // long enough to duplicate it
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    Ok(File::from(borrowed.try_clone_to_owned()?))
}

#[cfg(not(unix))]
fn dup(_fd: i32) -> std::io::Result<File> {
    Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "descriptors by path are a Unix feature"))
}

/// Write several outputs whole or none: every replaced file is written to
/// its temp file first, the ones written through go next, and the renames
/// come last, only when every write succeeded.
pub fn write_all(files: Vec<(PathBuf, Vec<u8>)>, streamed: Vec<OutputFile>) -> Result<Vec<PathBuf>, CliError> {
    let mut outs = streamed;
    let mut through = Vec::new();
    for (path, bytes) in files {
        let mut out = OutputFile::create(&path)?;
        if out.is_replace() {
            out.writer().write_all(&bytes).map_err(|e| out.error(&e))?;
            outs.push(out);
        } else {
            through.push((out, bytes));
        }
    }
    let mut written = Vec::new();
    let mut ready = Vec::new();
    for out in outs {
        written.push(out.path().to_path_buf());
        ready.push(out.prepare()?);
    }
    for (mut out, bytes) in through {
        out.writer().write_all(&bytes).map_err(|e| out.error(&e))?;
        written.push(out.path().to_path_buf());
        out.commit()?;
    }
    for r in ready {
        r.finish()?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans() {
        let d = tempfile::tempdir().unwrap();
        let new = d.path().join("new.jsonl");
        assert_eq!(plan(&new).unwrap(), Plan::Replace { target: new.clone() });
        std::fs::write(d.path().join("target.jsonl"), "old").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("target.jsonl", d.path().join("link")).unwrap();
            assert_eq!(plan(&d.path().join("link")).unwrap(), Plan::Replace { target: d.path().join("target.jsonl") });
            std::os::unix::fs::symlink("a", d.path().join("b")).unwrap();
            std::os::unix::fs::symlink("b", d.path().join("a")).unwrap();
            assert!(plan(&d.path().join("a")).unwrap_err().to_string().contains("symlink loop"));
            std::os::unix::fs::symlink("/dev/stdout", d.path().join("out")).unwrap();
            assert_eq!(plan(&d.path().join("out")).unwrap(), Plan::Descriptor { fd: 1 });
        }
        assert_eq!(plan(Path::new("/dev/null")).unwrap(), Plan::Through { path: "/dev/null".into() });
        assert_eq!(plan(Path::new("/dev/stdout")).unwrap(), Plan::Descriptor { fd: 1 });
        assert_eq!(plan(Path::new("/proc/self/fd/7")).unwrap(), Plan::Descriptor { fd: 7 });
        assert_eq!(plan(Path::new("-")).unwrap(), Plan::Stdout);
        assert!(plan(d.path()).unwrap_err().to_string().contains("a folder"));
        assert!(plan(Path::new("/dev/no-such-device")).is_err());
    }
}
