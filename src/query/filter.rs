//! Which edges a query may walk over.

use crate::extract::Polarity;
use crate::graph::{Edge, PART_OF};

/// The edges a query may use and how it may walk them. The default walks
/// every affirmed edge but `part_of`, in either direction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EdgeFilter {
    /// Only these relations (empty: all).
    pub relations: Vec<String>,
    /// Only these families: hostile, cooperative, movement, diplomatic
    /// (empty: all).
    pub families: Vec<String>,
    /// Follow edges from subject to object only. Symmetric edges are
    /// walked both ways whatever this says.
    pub directed: bool,
    /// Walk negated edges too ("Iran denies withdrawing from Damascus").
    pub include_negated: bool,
    /// Walk the lexicon's `part_of` links too.
    pub include_part_of: bool,
}

impl EdgeFilter {
    /// May a query use this edge at all?
    pub fn admits(&self, e: &Edge) -> bool {
        if e.relation == PART_OF {
            // part_of is structure, not a claim: only the switch lets it in,
            // and a relation or family filter does not exclude it then
            return self.include_part_of;
        }
        if !self.include_negated && e.polarity == Polarity::Negated {
            return false;
        }
        if !self.relations.is_empty() && !self.relations.contains(&e.relation) {
            return false;
        }
        if !self.families.is_empty() && !self.families.contains(&e.family) {
            return false;
        }
        true
    }

    /// One line for headers: "undirected, hostile, affirmed only".
    pub fn describe(&self) -> String {
        let mut parts = vec![if self.directed { "directed" } else { "undirected" }.to_string()];
        if !self.relations.is_empty() {
            parts.push(format!("relations {}", self.relations.join(",")));
        }
        if !self.families.is_empty() {
            parts.push(self.families.join("+"));
        }
        if self.include_negated {
            parts.push("negated included".into());
        }
        if self.include_part_of {
            parts.push("part_of included".into());
        }
        parts.join(", ")
    }
}
