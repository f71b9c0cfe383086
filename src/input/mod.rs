//! Articles in: a folder or list of `.txt` files (the id is the file stem)
//! and JSONL files (`id`, `text`, optional `date`, `title`, `source`).
//!
//! Reading is streaming: [`Articles`] yields one article at a time, so a
//! JSONL dump of any size runs in constant memory. A file or line that cannot
//! be used (unreadable, not UTF-8, empty, not JSON, no `text`) is yielded as
//! an [`InputError`] naming it, and the rest goes on.

pub mod date;

use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One article to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// Given with the input (JSONL `date`); else the date the text states.
    pub date: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
}

/// An input that was skipped, and why.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InputError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    source: Option<String>,
}

/// Where articles come from: a file found on disk, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file: a regular file found in a folder or named, or a FIFO or
    /// character device named on the command line (`/dev/stdin`,
    /// `<(zcat dump.jsonl.gz)`).
    File(PathBuf),
    /// `-`: JSONL, or one plain-text article with the id `stdin`.
    Stdin,
}

/// The name standard input has in messages.
pub const STDIN_NAME: &str = "<stdin>";

impl Source {
    /// The path messages name it by.
    pub fn path(&self) -> PathBuf {
        match self {
            Source::File(p) => p.clone(),
            Source::Stdin => PathBuf::from(STDIN_NAME),
        }
    }
}

/// Expand the paths a user gave: folders are walked (sorted, recursively) for
/// `.txt` and `.jsonl` files; files are taken as they are; `-` is standard
/// input.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stdin_seen = false;
    for p in paths {
        if p.as_os_str() == "-" {
            if stdin_seen {
                errors.push(InputError { path: p.clone(), line: None, message: "standard input named twice; read once".into() });
            } else {
                files.push(Source::Stdin);
                stdin_seen = true;
            }
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk_files(p, &is_article_file, &mut found, &mut errors);
            files.extend(found.into_iter().map(Source::File));
        } else if p.exists() {
            files.push(Source::File(p.clone()));
        } else if p.symlink_metadata().is_ok() {
            errors.push(InputError { path: p.clone(), line: None, message: format!("a symlink to nothing ({})", link_problem(p)) });
        } else {
            errors.push(InputError { path: p.clone(), line: None, message: "no such file or folder".into() });
        }
    }
    (files, errors)
}

fn is_article_file(p: &Path) -> bool {
    matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "jsonl" | "ndjson"))
}

/// Why a symlink cannot be followed: a loop, or a target that is missing.
fn link_problem(p: &Path) -> String {
    match std::fs::metadata(p) {
        Err(e) if e.raw_os_error() == Some(40) => "a symlink loop".into(), // ELOOP
        Err(e) => e.to_string(),
        Ok(_) => "followed".into(),
    }
}

/// Walk `dir` (sorted, recursively, following symlinks) for the regular
/// files `want` accepts. What cannot be read is reported by name, not
/// dropped: a FIFO, socket or device (reading one could block for ever, or
/// never end), a broken symlink, a symlink loop, a folder met again through a
/// symlink, an unreadable folder. Only files `want` accepts are reported, so
/// a stray socket named `x.sock` stays quiet, as in ripgrep.
pub fn walk_files(dir: &Path, want: &dyn Fn(&Path) -> bool, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let mut ancestors = Vec::new();
    walk_in(dir, want, files, errors, &mut ancestors);
}

#[cfg(unix)]
fn dir_key(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn dir_key(_: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

fn walk_in(dir: &Path, want: &dyn Fn(&Path) -> bool, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>, ancestors: &mut Vec<(u64, u64)>) {
    let err = |p: &Path, m: String| InputError { path: p.to_path_buf(), line: None, message: m };
    let key = match std::fs::metadata(dir) {
        Ok(m) => dir_key(&m),
        Err(e) => {
            errors.push(err(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    if cfg!(unix) && ancestors.contains(&key) {
        errors.push(err(dir, "a symlink loop (this folder contains itself); skipped".into()));
        return;
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(err(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    ancestors.push(key);
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk_in(&p, want, files, errors, ancestors),
            Ok(m) if m.is_file() => {
                if want(&p) {
                    files.push(p);
                }
            }
            Ok(m) => {
                if want(&p) {
                    errors.push(err(&p, format!("not a regular file ({}); skipped", special_kind(&m))));
                }
            }
            Err(e) => {
                let loop_ = e.raw_os_error() == Some(40);
                if loop_ || want(&p) {
                    let what = if loop_ { "a symlink loop".to_string() } else { format!("a symlink to nothing ({e})") };
                    errors.push(err(&p, format!("{what}; skipped")));
                }
            }
        }
    }
    ancestors.pop();
}

/// What kind of special file this is, for messages.
pub fn special_kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if m.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Is this a JSONL file (by extension)?
fn is_jsonl(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "jsonl" || x == "ndjson")
}

/// Read a `.txt` article whole.
pub fn read_txt(path: &Path) -> Result<Article, InputError> {
    read_txt_with(path, true)
}

fn read_txt_with(path: &Path, dates: bool) -> Result<Article, InputError> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError { path: path.to_path_buf(), line: None, message: format!("cannot read: {e}") })?;
    text_article(path, stem(path), bytes, dates)
}

/// Nothing but whitespace and characters that folding drops (a BOM, bidi
/// marks, tatweel): an empty article.
fn is_blank(text: &str) -> bool {
    text.trim_matches(|c: char| c.is_whitespace() || crate::text::normalize::fold_char(c).is_none()).is_empty()
}

fn article(id: String, text: String, date: Option<String>, title: Option<String>, source: Option<String>, dates: bool) -> Article {
    let mut a = Article { id, text, date: date.filter(|d| !d.trim().is_empty()), title, source };
    if dates {
        fill_date(&mut a);
    }
    a
}

/// Find the date the text states, if the input gave none.
pub fn fill_date(a: &mut Article) {
    if a.date.is_none() {
        a.date = date::stated_date(&crate::text::normalize(head(&a.text)).text);
    }
}

/// The same, from a folded copy of the whole text the caller already has.
pub fn fill_date_from_folded(a: &mut Article, folded: &str) {
    if a.date.is_none() {
        a.date = date::stated_date(folded);
    }
}

fn head(t: &str) -> &str {
    let mut end = t.len().min(4096);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    &t[..end]
}

/// Parse one JSONL line.
pub fn parse_json_line(path: &Path, n: usize, line: &str) -> Result<Article, InputError> {
    parse_json_line_with(path, n, line, true)
}

fn parse_json_line_with(path: &Path, n: usize, line: &str, dates: bool) -> Result<Article, InputError> {
    let err = |m: String| InputError { path: path.to_path_buf(), line: Some(n), message: m };
    let rec: JsonArticle = serde_json::from_str(line).map_err(|e| err(format!("not a JSON object: {e}")))?;
    let text = rec.text.ok_or_else(|| err("no \"text\" field; each line needs {\"id\": ..., \"text\": ...}".into()))?;
    if is_blank(&text) {
        return Err(err("empty \"text\"; skipped".into()));
    }
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{}:{n}", path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()),
    };
    Ok(article(id, text, rec.date, rec.title, rec.source, dates))
}

/// Streams articles (or the reasons inputs were skipped) from files and
/// standard input.
pub struct Articles {
    sources: std::vec::IntoIter<Source>,
    pending: std::vec::IntoIter<InputError>,
    jsonl: Option<(PathBuf, Box<dyn BufRead + Send>, usize)>,
    dates: bool,
}

impl Articles {
    pub fn open(paths: &[PathBuf]) -> Articles {
        let (sources, errors) = expand(paths);
        Articles { sources: sources.into_iter(), pending: errors.into_iter(), jsonl: None, dates: true }
    }

    /// Leave the stated dates to the consumer (see [`fill_date`]), which
    /// can find them on the folded text it makes anyway, on its own thread.
    pub fn deferred_dates(mut self) -> Articles {
        self.dates = false;
        self
    }

    /// Start reading one source: a JSONL stream is kept open and read a line
    /// at a time; a text article is read whole.
    fn start(&mut self, source: Source) -> Option<Result<Article, InputError>> {
        let path = source.path();
        let err = |m: String| InputError { path: path.clone(), line: None, message: m };
        let (reader, id, kind): (Box<dyn Read + Send>, String, Kind) = match &source {
            Source::Stdin => (Box::new(std::io::stdin()), "stdin".to_string(), Kind::Sniff),
            Source::File(p) => {
                let kind = if is_jsonl(p) {
                    Kind::Jsonl
                } else if !p.extension().is_some_and(|x| x == "txt") {
                    // no extension to go by (a pipe, /dev/stdin, a file
                    // named by hand): look at what comes
                    Kind::Sniff
                } else {
                    return Some(read_txt_with(p, self.dates));
                };
                match File::open(p) {
                    Ok(f) => (Box::new(f), stem(p), kind),
                    Err(e) => return Some(Err(err(format!("cannot read: {e}")))),
                }
            }
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let kind = match kind {
            Kind::Sniff => match sniff(&mut reader) {
                Ok(k) => k,
                Err(e) => return Some(Err(err(format!("cannot read: {e}")))),
            },
            k => k,
        };
        match kind {
            Kind::Text(prefix) => {
                let mut bytes = prefix;
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    return Some(Err(err(format!("cannot read: {e}"))));
                }
                Some(text_article(&path, id, bytes, self.dates))
            }
            _ => {
                self.jsonl = Some((path, Box::new(reader), 0));
                None
            }
        }
    }
}

enum Kind {
    Jsonl,
    Sniff,
    /// Plain text, and the blank bytes read while deciding so.
    Text(Vec<u8>),
}

/// JSONL when the first byte that is not blank (or a BOM) is `{`; else one
/// plain-text article. Blank lines do not matter to JSONL, so they are only
/// kept for the text.
fn sniff(r: &mut BufReader<Box<dyn Read + Send>>) -> std::io::Result<Kind> {
    let mut prefix = Vec::new();
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(Kind::Text(prefix));
        }
        let rest = if prefix.is_empty() { buf.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(buf) } else { buf };
        match rest.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) if rest[i] == b'{' => return Ok(Kind::Jsonl),
            Some(_) => return Ok(Kind::Text(prefix)),
            None => {
                let n = buf.len();
                prefix.extend_from_slice(buf);
                r.consume(n);
            }
        }
    }
}

fn stem(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn text_article(path: &Path, id: String, bytes: Vec<u8>, dates: bool) -> Result<Article, InputError> {
    let err = |m: String| InputError { path: path.to_path_buf(), line: None, message: m };
    if bytes.contains(&0) {
        return Err(err("looks like a binary file (it holds NUL bytes); skipped".into()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        err(format!("not valid UTF-8 at byte {}; convert it first (e.g. iconv -f CP1256 -t UTF-8)", e.utf8_error().valid_up_to()))
    })?;
    if is_blank(&text) {
        return Err(err("empty file; skipped".into()));
    }
    Ok(article(id, text, None, None, None, dates))
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.pending.next() {
            return Some(Err(e));
        }
        loop {
            if let Some((path, reader, n)) = &mut self.jsonl {
                let mut buf = Vec::new();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => self.jsonl = None,
                    Ok(_) => {
                        *n += 1;
                        if *n == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                            buf.drain(..3);
                        }
                        let line = match String::from_utf8(buf) {
                            Ok(l) => l,
                            Err(_) => return Some(Err(InputError { path: path.clone(), line: Some(*n), message: "not valid UTF-8; line skipped".into() })),
                        };
                        if line.trim().is_empty() {
                            continue;
                        }
                        return Some(parse_json_line_with(path, *n, line.trim_end(), self.dates));
                    }
                    Err(e) => {
                        let err = InputError { path: path.clone(), line: Some(*n + 1), message: format!("cannot read: {e}") };
                        self.jsonl = None;
                        return Some(Err(err));
                    }
                }
                continue;
            }
            let source = self.sources.next()?;
            if let Some(item) = self.start(source) {
                return Some(item);
            }
        }
    }
}
