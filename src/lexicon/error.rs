//! Lexicon problems as diagnostics that point at file, line and column.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// One problem in one lexicon file.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}:{line}:{column}: {message}")]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// Every problem found in a lexicon; nothing is built from it.
#[derive(Debug, Error, Diagnostic)]
#[error("the lexicon has {} problem(s)", problems.len())]
pub struct LexiconError {
    #[related]
    pub problems: Vec<Problem>,
}

/// The 1-based line and character column of byte `offset`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The byte offset of a 1-based line and column as ron reports them: ron
/// counts columns in bytes, so on a line with Arabic the column is a byte
/// column. The offset is moved back to a character boundary.
pub fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let mut off = 0;
    for (i, l) in src.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let mut at = off + col.saturating_sub(1).min(l.len());
            while !src.is_char_boundary(at) {
                at -= 1;
            }
            return at;
        }
        off += l.len();
    }
    src.len()
}

impl Problem {
    pub fn at(file: &str, src: &str, offset: usize, len: usize, message: impl Into<String>, label: impl Into<String>) -> Problem {
        let offset = offset.min(src.len());
        let (line, column) = line_col(src, offset);
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            src: NamedSource::new(file, src.to_string()),
            span: (offset, len.min(src.len() - offset)).into(),
            label: label.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}
