//! Questions asked of the graph: paths between two entities, neighbours.
