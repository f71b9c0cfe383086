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

/// Expand the paths a user gave: folders are walked (sorted, recursively) for
/// `.txt` and `.jsonl` files; files are taken as they are.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(InputError { path: p.clone(), line: None, message: "no such file or folder".into() });
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(InputError { path: dir.to_path_buf(), line: None, message: format!("cannot read folder: {e}") });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files, errors);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "jsonl")) {
            files.push(p);
        }
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
    let err = |m: String| InputError { path: path.to_path_buf(), line: None, message: m };
    let mut bytes = Vec::new();
    File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(|e| err(format!("cannot read: {e}")))?;
    if bytes.contains(&0) {
        return Err(err("looks like a binary file (it holds NUL bytes); skipped".into()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        err(format!("not valid UTF-8 at byte {}; convert it first (e.g. iconv -f CP1256 -t UTF-8)", e.utf8_error().valid_up_to()))
    })?;
    if is_blank(&text) {
        return Err(err("empty file; skipped".into()));
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(article(id, text, None, None, None, dates))
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

/// Streams articles (or the reasons inputs were skipped) from files.
pub struct Articles {
    files: std::vec::IntoIter<PathBuf>,
    pending: std::vec::IntoIter<InputError>,
    jsonl: Option<(PathBuf, BufReader<File>, usize)>,
    dates: bool,
}

impl Articles {
    pub fn open(paths: &[PathBuf]) -> Articles {
        let (files, errors) = expand(paths);
        Articles { files: files.into_iter(), pending: errors.into_iter(), jsonl: None, dates: true }
    }

    /// Leave the stated dates to the consumer (see [`fill_date`]), which
    /// can find them on the folded text it makes anyway, on its own thread.
    pub fn deferred_dates(mut self) -> Articles {
        self.dates = false;
        self
    }
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
            let path = self.files.next()?;
            if is_jsonl(&path) {
                match File::open(&path) {
                    Ok(f) => self.jsonl = Some((path, BufReader::new(f), 0)),
                    Err(e) => return Some(Err(InputError { path, line: None, message: format!("cannot read: {e}") })),
                }
                continue;
            }
            return Some(read_txt_with(&path, self.dates));
        }
    }
}
