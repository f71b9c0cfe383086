//! From mentions to claims.

pub mod claim;

pub use claim::{Claim, Polarity};
