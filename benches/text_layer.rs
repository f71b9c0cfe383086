//! Speed of the text layer (normalize, sentences, matcher) in MB/s on a
//! corpus of >= 100 MB built from `examples/articles`, one thread.
//!
//!     cargo bench --bench text_layer            # criterion, ~2 minutes
//!     bash benches/text_layer.sh                # the same + the ripgrep floor
//!
//! The corpus is built in memory: the five sample articles repeated with
//! variations a real corpus has (paragraphs rotated, hamza dropped from
//! alefs, taa marbuta written as haa, tatweel, diacritics, Arabic-Indic
//! digits, presentation forms, bidi marks, « » quotes), so that every
//! normalisation does real work. It is also written to
//! `target/bench-text/corpus.txt` (not committed) for the ripgrep floor.
//! `TEXT_LAYER_MB` sets its size (default 100).

use actorgraph::lexicon::Lexicon;
use actorgraph::matcher::Matcher;
use actorgraph::text::{normalize, sentences};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    /// true with probability 1/n
    fn one_in(&mut self, n: u64) -> bool {
        self.next() % n == 0
    }
}

/// Isolated presentation forms of a few letters (Arabic Presentation Forms-B).
fn presentation(c: char) -> Option<char> {
    Some(match c {
        'ا' => '\u{FE8D}',
        'ب' => '\u{FE8F}',
        'ت' => '\u{FE95}',
        'د' => '\u{FEA9}',
        'ر' => '\u{FEAD}',
        'س' => '\u{FEB1}',
        'ل' => '\u{FEDD}',
        'م' => '\u{FEE1}',
        'ن' => '\u{FEE5}',
        'و' => '\u{FEED}',
        _ => return None,
    })
}

/// One variant of an article: which variations apply depends on `k`.
fn variant(text: &str, k: u64, rng: &mut Rng) -> String {
    let paras: Vec<&str> = text.split('\n').collect();
    let r = (k as usize / 5) % paras.len().max(1);
    let rotated = paras[r..].iter().chain(paras[..r].iter()).copied().collect::<Vec<_>>().join("\n");
    let flags = k.wrapping_mul(0x9E3779B97F4A7C15) >> 56; // 8 pseudo-random bits per copy
    let mut out = String::with_capacity(rotated.len() + rotated.len() / 8);
    let mut prev = ' ';
    let mut chars = rotated.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let arabic = ('\u{0621}'..='\u{064A}').contains(&c);
        let mut c2 = c;
        if flags & 1 != 0 && matches!(c, 'أ' | 'إ' | 'آ') {
            c2 = 'ا';
        }
        if flags & 2 != 0 && c == 'ة' && !next.is_alphabetic() {
            c2 = 'ه';
        }
        if flags & 4 != 0 && c.is_ascii_digit() {
            c2 = char::from_u32(c as u32 - '0' as u32 + 0x0660).unwrap();
        }
        if flags & 8 != 0 && arabic && rng.one_in(40) {
            if let Some(p) = presentation(c2) {
                c2 = p;
            }
        }
        if flags & 16 != 0 && c == '"' {
            c2 = if prev.is_whitespace() { '«' } else { '»' };
        }
        if flags & 32 != 0 && arabic && prev == ' ' && rng.one_in(30) {
            out.push('\u{200F}');
        }
        out.push(c2);
        if flags & 64 != 0 && arabic && next.is_alphabetic() && rng.one_in(25) {
            out.push('ـ');
        }
        if flags & 128 != 0 && arabic && rng.one_in(6) {
            out.push(['\u{064E}', '\u{064F}', '\u{0650}', '\u{0652}', '\u{0651}'][(rng.next() % 5) as usize]);
        }
        prev = c;
    }
    out
}

/// The corpus as articles, at least `mb` MB in all.
fn corpus(mb: usize) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let base: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut out = Vec::new();
    let mut total = 0;
    let mut k = 0u64;
    while total < mb * 1_000_000 {
        let a = variant(&base[k as usize % base.len()], k, &mut rng);
        total += a.len();
        out.push(a);
        k += 1;
    }
    out
}

/// Write the corpus for ripgrep: `target/bench-text/corpus.txt`.
fn write_corpus(arts: &[String]) {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("bench-text");
    if std::fs::create_dir_all(&dir).is_ok() {
        let path = dir.join("corpus.txt");
        let _ = std::fs::write(&path, arts.join("\n"));
        eprintln!("corpus written to {} (for the ripgrep floor)", path.display());
    }
}

fn text_layer(c: &mut Criterion) {
    let mb: usize = std::env::var("TEXT_LAYER_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let arts = corpus(mb);
    let bytes: usize = arts.iter().map(|a| a.len()).sum();
    eprintln!("text layer corpus: {} articles, {:.1} MB", arts.len(), bytes as f64 / 1e6);
    write_corpus(&arts);
    let lex = Lexicon::embedded().unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let m = Matcher::new(&lex);

    let mut g = c.benchmark_group("text_layer");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for a in &arts {
                black_box(normalize(a).text.len());
            }
        })
    });
    g.bench_function("normalize+sentences", |b| {
        b.iter(|| {
            for a in &arts {
                let n = normalize(a);
                black_box(sentences(&n.text).len());
            }
        })
    });
    g.bench_function("normalize+sentences+matcher", |b| {
        b.iter(|| {
            let mut found = 0;
            for a in &arts {
                // as the extractor does: sentences, and one matcher pass
                // over the whole folded article
                let n = normalize(a);
                found += sentences(&n.text).len();
                found += m.find(&n.text).len();
            }
            black_box(found)
        })
    });
    g.bench_function("matcher (on folded text)", |b| {
        let folded: Vec<String> = arts.iter().map(|a| normalize(a).text).collect();
        b.iter(|| {
            let mut found = 0;
            for f in &folded {
                found += m.find(f).len();
            }
            black_box(found)
        })
    });
    g.finish();
}

criterion_group!(benches, text_layer);
criterion_main!(benches);
