//! Reading lexicon files: from a directory, or from the copy compiled into
//! the binary. Parsing only; consistency is checked in [`super::check`].

use super::error::{offset_of, Problem};
use super::model::{EntityDef, GrammarFile, ReferencesFile, RelationsFile};
use std::path::Path;

/// The text of one lexicon file and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// All files of a lexicon, before parsing.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub entities: Vec<SourceFile>,
    pub relations: Option<SourceFile>,
    pub grammar: Option<SourceFile>,
    /// `references.ron`: what coreference resolves (optional: without it,
    /// nothing is resolved).
    pub references: Option<SourceFile>,
    /// `core_entities.tsv`: the ids the evaluation contract requires.
    pub required: Option<SourceFile>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_lexicons.rs"));
}

impl Sources {
    /// The lexicons compiled into the binary (the project's `lexicons/`).
    pub fn embedded() -> Sources {
        let mut s = Sources::default();
        for (name, text) in embedded::FILES {
            s.add(name, text.to_string());
        }
        s
    }

    /// Read `dir`: `entities/*.ron`, `relations.ron`, `grammar.ron`,
    /// `core_entities.tsv`.
    pub fn from_dir(dir: &Path) -> Result<Sources, Vec<Problem>> {
        let mut s = Sources::default();
        let mut problems = Vec::new();
        let mut read_problems = Vec::new();
        let mut read = |rel: String, path: &Path, s: &mut Sources| match std::fs::read_to_string(path) {
            Ok(text) => s.add(&rel, text),
            Err(e) => problems.push(Problem::at(&path.display().to_string(), "", 0, 0, format!("cannot read: {e}"), "")),
        };
        let ent_dir = dir.join("entities");
        match std::fs::read_dir(&ent_dir) {
            Ok(rd) => {
                let mut files: Vec<_> = rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                    .collect();
                files.sort();
                for p in files {
                    let rel = format!("entities/{}", p.file_name().unwrap().to_string_lossy());
                    read(rel, &p, &mut s);
                }
            }
            Err(e) => read_problems.push(Problem::at(&ent_dir.display().to_string(), "", 0, 0, format!("cannot read the entities folder: {e}"), "")
                .help("a lexicon folder holds entities/*.ron, relations.ron and grammar.ron")),
        }
        for f in ["relations.ron", "grammar.ron", "references.ron", "core_entities.tsv"] {
            let p = dir.join(f);
            if p.exists() {
                read(f.to_string(), &p, &mut s);
            }
        }
        problems.extend(read_problems);
        // name files with the folder so messages point at the real path
        let prefix = dir.display().to_string();
        for f in s.entities.iter_mut().chain(s.relations.iter_mut()).chain(s.grammar.iter_mut()).chain(s.references.iter_mut()).chain(s.required.iter_mut()) {
            f.name = format!("{}/{}", prefix.trim_end_matches('/'), f.name);
        }
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(problems)
        }
    }

    fn add(&mut self, name: &str, text: String) {
        let f = SourceFile { name: name.to_string(), text };
        if name.starts_with("entities/") {
            self.entities.push(f);
        } else if name == "relations.ron" {
            self.relations = Some(f);
        } else if name == "grammar.ron" {
            self.grammar = Some(f);
        } else if name == "references.ron" {
            self.references = Some(f);
        } else if name == "core_entities.tsv" {
            self.required = Some(f);
        }
    }
}

/// Parse one RON file, turning ron's 1-based line/column into a problem.
pub fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T, Problem> {
    // `window: 4` reads as Some(4): curators need not write Some(...)
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<T>(&file.text)
        .map_err(|e| {
            let mut off = offset_of(&file.text, e.position.line, e.position.col);
            let mut len = 1;
            let mut help = "see lexicons/README.md for the format of each file".to_string();
            let message = match &e.code {
                // a typo in a field or variant name: ron stops right after the
                // name; underline the name and suggest the closest known one
                ron::Error::NoSuchStructField { expected, found, outer } | ron::Error::NoSuchEnumVariant { expected, found, outer } => {
                    let what = if matches!(e.code, ron::Error::NoSuchStructField { .. }) { "field" } else { "value" };
                    if file.text[..off].ends_with(found.as_str()) {
                        off -= found.len();
                        len = found.len();
                    }
                    let known: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
                    if let Some(c) = super::closest(found, known.iter()) {
                        help = format!("did you mean `{c}`?");
                    }
                    let within = outer.as_ref().map(|o| format!(" in {o}")).unwrap_or_default();
                    format!("unknown {what} `{found}`{within}; expected one of: {}", expected.join(", "))
                }
                code => format!("{code}"),
            };
            Problem::at(&file.name, &file.text, off, len, message, "here").help(help)
        })
}

/// Parsed, not yet checked.
pub struct Parsed {
    /// Each entity with the index of the file it came from.
    pub entities: Vec<(usize, EntityDef)>,
    pub relations: Option<RelationsFile>,
    pub grammar: Option<GrammarFile>,
    pub references: Option<ReferencesFile>,
}

pub fn parse_all(src: &Sources) -> (Parsed, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut entities = Vec::new();
    for (i, f) in src.entities.iter().enumerate() {
        match parse::<Vec<EntityDef>>(f) {
            Ok(v) => entities.extend(v.into_iter().map(|e| (i, e))),
            Err(p) => problems.push(p),
        }
    }
    let relations = match &src.relations {
        Some(f) => parse::<RelationsFile>(f).map_err(|p| problems.push(p)).ok(),
        None => {
            problems.push(Problem::at("relations.ron", "", 0, 0, "relations.ron is missing", ""));
            None
        }
    };
    let grammar = match &src.grammar {
        Some(f) => parse::<GrammarFile>(f).map_err(|p| problems.push(p)).ok(),
        None => {
            problems.push(Problem::at("grammar.ron", "", 0, 0, "grammar.ron is missing", ""));
            None
        }
    };
    let references = src.references.as_ref().and_then(|f| parse::<ReferencesFile>(f).map_err(|p| problems.push(p)).ok());
    (Parsed { entities, relations, grammar, references }, problems)
}
