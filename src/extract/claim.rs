//! The claim record of SPEC.md: one JSON object per line.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Affirmed,
    Negated,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Affirmed => "affirmed",
            Polarity::Negated => "negated",
        }
    }
}

/// Who did what to whom, in which sentence of which article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub article: String,
    /// 0-based index of the sentence in the article.
    pub sentence: usize,
    pub subject: String,
    /// The subject and its ancestors in the lexicon, nearest first.
    pub subject_chain: Vec<String>,
    pub relation: String,
    pub object: String,
    pub object_chain: Vec<String>,
    pub polarity: Polarity,
    /// The sentence exactly as in the input.
    pub evidence: String,
    /// Byte offsets of `evidence` in the input text.
    pub span: [usize; 2],
    /// The cue as written in the input.
    pub trigger: String,
    pub date: Option<String>,
    /// Set when the subject was named in this sentence only by a reference
    /// (الطرفان، الحزب، ـها، a verb with no subject): its antecedent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_via: Option<super::coref::Via>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_via: Option<super::coref::Via>,
}
