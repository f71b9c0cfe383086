// Load GraphML and GEXF with graphology's parsers and print what they read as
// JSON: {"<format>": {"nodes": {id: attrs}, "edges": [{source, target, ...attrs}]}}.
// Usage: node check_graphology.mjs FILE.graphml FILE.gexf
import {readFileSync} from 'node:fs';
import Graph from 'graphology';
import graphml from 'graphology-graphml';
import gexf from 'graphology-gexf';

function dump(g) {
  const nodes = {};
  g.forEachNode((id, a) => { nodes[id] = a; });
  const edges = [];
  g.forEachEdge((key, a, source, target) => { edges.push({source, target, ...a}); });
  return {order: g.order, size: g.size, nodes, edges};
}

const [graphmlPath, gexfPath] = process.argv.slice(2);
const out = {};
out.graphology_graphml = dump(graphml.parse(Graph, readFileSync(graphmlPath, 'utf8')));
out.graphology_gexf = dump(gexf.parse(Graph, readFileSync(gexfPath, 'utf8')));
process.stdout.write(JSON.stringify(out));
