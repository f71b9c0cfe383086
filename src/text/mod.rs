//! The text layer's lowest floor: folding Arabic for matching and splitting
//! it into sentences. Nothing here knows about lexicons.

pub mod normalize;
pub mod segment;

pub use normalize::{normalize, normalize_str, Normalized};
pub use segment::sentences;
