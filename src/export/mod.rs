//! Exports of the knowledge graph: DOT (and SVG through Graphviz), GraphML
//! for networkx/igraph/yEd/Cytoscape, GEXF 1.3 for Gephi.
