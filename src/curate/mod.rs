//! Tools for the people who curate the lexicons.
//!
//! - [`gaps`]: the names the lexicon does not know but the corpus keeps
//!   using where actors and places stand (after head nouns such as لواء or
//!   مدينة, and in the subject or object slot of a cue that found no
//!   entity), ranked by how many articles use them, each with examples and
//!   a RON entry to paste.
//! - [`diff`]: which claims change on a corpus when the lexicon changes.
//!
//! This floor sits on the extractor: it reads its per-sentence analysis and
//! never changes how claims are made.

pub mod diff;
pub mod foldings;
pub mod gaps;
pub mod slug;
pub mod stop;
