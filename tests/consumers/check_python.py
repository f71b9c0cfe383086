"""Load GraphML and GEXF with networkx and igraph and print what they read as
JSON: {"<reader>": {"nodes": {id: attrs}, "edges": [{source, target, ...attrs}]}}.

Usage: python3 check_python.py FILE.graphml FILE.gexf
"""
import json
import sys

import igraph
import networkx as nx


def dump_nx(g):
    nodes = {str(n): dict(a) for n, a in g.nodes(data=True)}
    edges = [dict(a, source=str(u), target=str(v)) for u, v, a in g.edges(data=True)]
    for e in edges:
        if "spells" in e:
            e["spells"] = [list(s) for s in e["spells"]]
    return {"order": g.number_of_nodes(), "size": g.number_of_edges(), "nodes": nodes, "edges": edges}


def dump_igraph(g):
    # igraph keeps the GraphML node id as the vertex attribute "id"
    names = g.vs["id"] if "id" in g.vs.attributes() else [str(v.index) for v in g.vs]
    nodes = {}
    for v, name in zip(g.vs, names):
        nodes[name] = {k: v[k] for k in g.vs.attributes() if k != "id" and v[k] not in (None, "")}
    edges = []
    for e in g.es:
        a = {k: e[k] for k in g.es.attributes() if k != "id" and e[k] is not None}
        a.update(source=names[e.source], target=names[e.target])
        edges.append(a)
    return {"order": g.vcount(), "size": g.ecount(), "nodes": nodes, "edges": edges}


def main():
    graphml, gexf = sys.argv[1], sys.argv[2]
    out = {
        "networkx_graphml": dump_nx(nx.read_graphml(graphml)),
        "networkx_gexf": dump_nx(nx.read_gexf(gexf)),
        "igraph_graphml": dump_igraph(igraph.Graph.Read_GraphML(graphml)),
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
