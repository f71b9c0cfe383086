//! actorgraph: who did what to whom in Arabic news about the Syrian war.
//!
//! The pipeline reads one way, one module per stage, ground floor first:
//!
//! ```text
//! text (normalize, segment) <- lexicon, input <- matcher <- syntax
//!     <- extract (frames, polarity, coref) <- graph <- export, query <- cli
//! ```
//!
//! Nothing below imports anything above.

pub mod text;
pub mod lexicon;
pub mod input;
pub mod matcher;
pub mod syntax;
pub mod extract;
pub mod cli;
pub mod graph;
pub mod export;
pub mod query;
pub mod curate;
