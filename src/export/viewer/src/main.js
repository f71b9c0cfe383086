// The evidence browser: draws the graph embedded in the page (positions
// computed by actorgraph), lists the claims behind an edge, the relations of
// a node, finds actors by any name, and filters by relation, polarity,
// articles and dates. All text from the data goes in with textContent.
import cytoscape from 'cytoscape';
import { fold, idForm, stripArticle } from './fold.js';

const LABEL_FONT = '"Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif';
const FAMILY_ORDER = ['hostile', 'cooperative', 'diplomatic', 'movement', 'structure', 'unknown'];
const KIND_ORDER = ['state', 'armed_group', 'organization', 'person', 'place'];
const PART_OF = 'part_of';
const DAY = 86400000;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

// text in its own direction, isolated from what is around it
const bdi = (s, cls) => el('bdi', { class: cls, text: s });

function dayOf(d) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || '');
  return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) : null;
}

function dateOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : (many || one + 's')}`;
}

const timings = { start: performance.now() };
const data = JSON.parse($('actorgraph-data').textContent);
timings.parsed = performance.now();
const N = data.nodes.length;
const M = data.edges.length;
const BIG = M > 3000 || N > 1500;

// ------------------------------------------------------------------ model

const relInfo = (r) => data.relations[r] || { en: r.replace(/_/g, ' '), ar: '', family: 'unknown', symmetric: false };
const familyOf = (e) => (e.r === PART_OF ? 'structure' : relInfo(e.r).family);
const colorOf = (family) => data.families[family] || '#616161';

const edgeDays = data.edges.map((e) => e.ev.map((v) => dayOf(v.d)));
let minDay = Infinity;
let maxDay = -Infinity;
let undatedClaims = 0;
for (const days of edgeDays) {
  for (const d of days) {
    if (d === null) undatedClaims++;
    else {
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
  }
}
const hasDates = minDay <= maxDay;

// part_of edges out of each node
const partOfOut = Array.from({ length: N }, () => []);
data.edges.forEach((e, j) => {
  if (e.r === PART_OF) partOfOut[e.s].push(j);
});
// edges at each node
const incident = Array.from({ length: N }, () => []);
data.edges.forEach((e, j) => {
  incident[e.s].push(j);
  if (e.t !== e.s) incident[e.t].push(j);
});

const defaults = () => ({
  families: new Set(Object.keys(data.families)),
  relations: new Set(Object.keys(data.relations)),
  affirmed: true,
  negated: true,
  minArticles: 1,
  from: hasDates ? minDay : 0,
  to: hasDates ? maxDay : 0,
  undated: true,
  labels: ['en', 'ar', 'both'].includes(data.labels) ? data.labels : 'en',
});
const state = defaults();

// per edge, under the current filters
const vis = {
  edge: new Uint8Array(M),
  node: new Uint8Array(N),
  claims: new Uint32Array(M),
  articles: new Uint32Array(M),
  nodes: 0,
  edges: 0,
  claimTotal: 0,
};

function claimPasses(j, k) {
  const d = edgeDays[j][k];
  if (d === null) return state.undated;
  return !hasDates || (d >= state.from && d <= state.to);
}

function computeVisibility() {
  vis.node.fill(0);
  vis.edge.fill(0);
  vis.claimTotal = 0;
  for (let j = 0; j < M; j++) {
    const e = data.edges[j];
    vis.claims[j] = 0;
    vis.articles[j] = 0;
    if (e.r === PART_OF) continue;
    if (!state.relations.has(e.r) || !state.families.has(familyOf(e))) continue;
    if (e.neg ? !state.negated : !state.affirmed) continue;
    const arts = new Set();
    let n = 0;
    for (let k = 0; k < e.ev.length; k++) {
      if (claimPasses(j, k)) {
        n++;
        arts.add(e.ev[k].a);
      }
    }
    if (n === 0 || arts.size < state.minArticles) continue;
    vis.edge[j] = 1;
    vis.claims[j] = n;
    vis.articles[j] = arts.size;
    vis.claimTotal += n;
    vis.node[e.s] = 1;
    vis.node[e.t] = 1;
  }
  // the ancestors of what is shown, through part_of edges (as `build` does)
  if (state.families.has('structure')) {
    const todo = [];
    for (let i = 0; i < N; i++) if (vis.node[i]) todo.push(i);
    while (todo.length) {
      const i = todo.pop();
      for (const j of partOfOut[i]) {
        vis.edge[j] = 1;
        const p = data.edges[j].t;
        if (!vis.node[p]) {
          vis.node[p] = 1;
          todo.push(p);
        }
      }
    }
  }
  vis.nodes = vis.node.reduce((a, b) => a + b, 0);
  vis.edges = vis.edge.reduce((a, b) => a + b, 0);
}

// ------------------------------------------------------------------ labels

function nodeLabel(n, mode) {
  const en = n.en || n.id;
  const ar = n.ar || '';
  if (mode === 'ar') return ar || en;
  if (mode === 'both') return ar && ar !== en ? `${en}\n${ar}` : en;
  return en;
}

function relLabel(r, mode) {
  const info = relInfo(r);
  if (mode === 'ar') return info.ar || info.en;
  if (mode === 'both') return info.ar ? `${info.en} / ${info.ar}` : info.en;
  return info.en;
}

function edgeLabel(j) {
  const e = data.edges[j];
  if (e.r === PART_OF) return '';
  let l = relLabel(e.r, state.labels);
  const a = vis.articles[j] || 0;
  if (a > 1) l += ` (${a})`;
  return e.neg ? `not ${l}` : l;
}

function width(articles) {
  return Math.min(7, 1 + 1.5 * Math.log2(Math.max(1, articles))) * 1.1;
}

// ------------------------------------------------------------------ graph

const SHAPES = {
  box: ['rectangle', 1.5, 0.85],
  'round-box': ['round-rectangle', 1.5, 0.85],
  hexagon: ['hexagon', 1.25, 1],
  ellipse: ['ellipse', 1.2, 0.85],
  house: ['polygon', 1.1, 1],
};

const kindStyle = (kind) => data.kinds[kind] || { shape: 'box', fill: '#eeeeee', bold: false, dashed: true };
// a class name for a kind or family id (any string)
const cls = (prefix, id) => `${prefix}-${String(id).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

// styles come from classes (one rule per kind and per family), not from
// per-element data mappers: at 20,000 edges that is seconds faster
function elements() {
  const els = [];
  data.nodes.forEach((n, i) => {
    const [, w, h] = SHAPES[kindStyle(n.kind).shape] || SHAPES.box;
    els.push({
      group: 'nodes',
      data: { id: `n${i}`, i, label: nodeLabel(n, state.labels), w: n.size * w, h: n.size * h },
      position: { x: n.x, y: n.y },
      classes: cls('k', n.kind),
    });
  });
  data.edges.forEach((e, j) => {
    const structure = e.r === PART_OF;
    const sym = !structure && relInfo(e.r).symmetric;
    const articles = new Set(e.ev.map((v) => v.a)).size;
    vis.articles[j] = articles;
    const classes = [cls('f', familyOf(e))];
    if (structure) classes.push('po');
    else if (e.neg) classes.push('neg');
    if (!sym) classes.push('dir');
    els.push({
      group: 'edges',
      data: { id: `e${j}`, j, source: `n${e.s}`, target: `n${e.t}`, width: structure ? 1 : width(articles), label: '' },
      classes: classes.join(' '),
    });
  });
  return els;
}

const style = [
  {
    selector: 'node',
    style: {
      width: 'data(w)',
      height: 'data(h)',
      'border-color': '#555',
      'border-width': 1,
      label: 'data(label)',
      'font-family': LABEL_FONT,
      'font-size': state.labels === 'en' ? 12 : 14,
      color: '#222',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 3,
      'text-wrap': 'wrap',
      'text-max-width': 180,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': 1,
      'min-zoomed-font-size': BIG ? 13 : 7,
    },
  },
  ...Object.keys(data.kinds).map((k) => {
    const st = kindStyle(k);
    const [shape] = SHAPES[st.shape] || SHAPES.box;
    const rule = { 'background-color': st.fill, shape, 'border-width': st.bold ? 2 : 1, 'border-style': st.dashed ? 'dashed' : 'solid' };
    if (shape === 'polygon') rule['shape-polygon-points'] = '-1 1 1 1 1 -0.25 0 -1 -1 -0.25';
    return { selector: `node.${cls('k', k)}`, style: rule };
  }),
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': '#616161',
      'target-arrow-color': '#616161',
      'arrow-scale': 0.9,
      // a big graph is drawn with the fastest edges, without arrowheads
      // (too small to see at that scale); the selection gets them back
      'curve-style': BIG ? 'haystack' : 'bezier',
      'haystack-radius': 0,
      'control-point-step-size': 18,
      opacity: BIG ? 0.4 : 0.8,
      'font-family': LABEL_FONT,
    },
  },
  ...Object.keys(data.families).map((f) => ({ selector: `edge.${cls('f', f)}`, style: { 'line-color': colorOf(f), 'target-arrow-color': colorOf(f), color: colorOf(f) } })),
  { selector: 'edge.neg', style: { 'line-style': 'dashed' } },
  { selector: 'edge.po', style: { 'line-style': 'dotted', 'target-arrow-fill': 'hollow' } },
  { selector: BIG ? 'edge.dir.focus' : 'edge.dir', style: { 'target-arrow-shape': 'triangle' } },
  { selector: BIG ? 'edge.po.focus' : 'edge.po', style: { 'target-arrow-shape': 'vee' } },
  {
    selector: 'edge.labelled',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 1,
      'min-zoomed-font-size': 6,
      opacity: 1,
    },
  },
  { selector: '.faded', style: { opacity: 0.1, 'text-opacity': 0.15 } },
  { selector: 'node.faded', style: { opacity: 0.2 } },
  { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#111', 'z-index': 20 } },
  { selector: 'edge.focus', style: { opacity: 1, 'z-index': 30, 'underlay-color': '#ffc107', 'underlay-opacity': 0.45, 'underlay-padding': 4, 'curve-style': BIG ? 'straight' : 'bezier' } },
  { selector: 'node.found', style: { 'border-width': 4, 'border-color': '#ff6f00' } },
  { selector: '.hidden', style: { display: 'none' } },
];

// the drawing, made by start(); nodeEle[i] and edgeEle[j] are its elements
let cy = null;
const nodeEle = [];
const edgeEle = [];
// what is drawn now, so a filter change touches only what changes
const drawnNode = new Uint8Array(N).fill(1);
const drawnEdge = new Uint8Array(M).fill(1);
const drawnWidth = new Float64Array(M);

function draw() {
  timings.model = performance.now();
  const els = elements();
  timings.elements = performance.now();
  cy = cytoscape({
    container: $('graph'),
    elements: els,
    style,
    layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.02,
    maxZoom: 5,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autounselectify: true,
    hideEdgesOnViewport: BIG,
    textureOnViewport: BIG,
    motionBlur: false,
    pixelRatio: BIG ? 1 : 'auto',
  });
  timings.cytoscape = performance.now();
  cy.nodes().forEach((n) => { nodeEle[n.data('i')] = n; });
  cy.edges().forEach((ed) => {
    const j = ed.data('j');
    edgeEle[j] = ed;
    drawnWidth[j] = ed.data('width');
  });
  cy.on('tap', 'node', (ev) => selectNode(ev.target.data('i')));
  cy.on('tap', 'edge', (ev) => selectEdge(ev.target.data('j')));
  cy.on('tap', (ev) => { if (ev.target === cy) clearSelection(); });
}

// ------------------------------------------------------------------ filters

function applyFilters() {
  computeVisibility();
  const hide = [];
  const show = [];
  const widths = [];
  for (let i = 0; i < N; i++) {
    if (vis.node[i] !== drawnNode[i]) {
      (vis.node[i] ? show : hide).push(nodeEle[i]);
      drawnNode[i] = vis.node[i];
    }
  }
  for (let j = 0; j < M; j++) {
    if (vis.edge[j] !== drawnEdge[j]) {
      (vis.edge[j] ? show : hide).push(edgeEle[j]);
      drawnEdge[j] = vis.edge[j];
    }
    if (vis.edge[j] && data.edges[j].r !== PART_OF) {
      const w = width(vis.articles[j]);
      if (w !== drawnWidth[j]) {
        widths.push([j, w]);
        drawnWidth[j] = w;
      }
    }
  }
  cy.batch(() => {
    if (hide.length) cy.collection(hide).addClass('hidden');
    if (show.length) cy.collection(show).removeClass('hidden');
    for (const [j, w] of widths) edgeEle[j].data('width', w);
  });
  $('node-count').textContent = vis.nodes.toLocaleString('en');
  $('edge-count').textContent = vis.edges.toLocaleString('en');
  $('claim-count').textContent = vis.claimTotal.toLocaleString('en');
  document.body.dataset.visibleNodes = String(vis.nodes);
  document.body.dataset.visibleEdges = String(vis.edges);
  refreshSelection();
}

let pending = false;
function scheduleFilters() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    applyFilters();
  });
}

function buildFilters() {
  const box = $('families');
  box.replaceChildren();
  const byFamily = new Map();
  data.edges.forEach((e) => {
    const f = familyOf(e);
    if (!byFamily.has(f)) byFamily.set(f, new Map());
    const m = byFamily.get(f);
    m.set(e.r, (m.get(e.r) || 0) + 1);
  });
  const families = [...byFamily.keys()].sort((a, b) => {
    const ia = FAMILY_ORDER.indexOf(a);
    const ib = FAMILY_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  for (const f of families) {
    const rels = [...byFamily.get(f).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const total = rels.reduce((s, r) => s + r[1], 0);
    const famBox = el('input', { type: 'checkbox', checked: state.families.has(f), 'data-family': f });
    const relBoxes = [];
    const sub = el('div', { class: 'relations' });
    if (f !== 'structure') {
      for (const [r, n] of rels) {
        const cb = el('input', { type: 'checkbox', checked: state.relations.has(r), 'data-relation': r });
        cb.addEventListener('change', () => {
          if (cb.checked) state.relations.add(r);
          else state.relations.delete(r);
          scheduleFilters();
        });
        relBoxes.push(cb);
        sub.append(el('label', null, cb, ' ', bdi(relLabel(r, 'en')), ' ', el('span', { class: 'count', text: String(n) })));
      }
    }
    famBox.addEventListener('change', () => {
      if (famBox.checked) state.families.add(f);
      else state.families.delete(f);
      scheduleFilters();
    });
    const swatchClass = f === 'structure' ? 'swatch dotted' : 'swatch';
    const name = f === 'structure' ? 'part of' : f;
    box.append(
      el('div', { class: 'family' },
        el('label', null, famBox, el('span', { class: swatchClass, style: `border-top-color:${colorOf(f)}` }), name, ' ', el('span', { class: 'count', text: String(total) })),
        sub),
    );
  }
  $('show-affirmed').checked = state.affirmed;
  $('show-negated').checked = state.negated;
  $('min-articles').value = String(state.minArticles);
  $('show-undated').checked = state.undated;
  $('undated-count').textContent = undatedClaims ? `(${undatedClaims.toLocaleString('en')})` : '';
  const from = $('date-from');
  const to = $('date-to');
  if (hasDates) {
    for (const s of [from, to]) {
      s.min = String(minDay);
      s.max = String(maxDay);
      s.disabled = minDay === maxDay;
    }
    from.value = String(state.from);
    to.value = String(state.to);
  } else {
    from.disabled = true;
    to.disabled = true;
  }
  showDates();
}

function showDates() {
  $('date-from-label').textContent = hasDates ? dateOf(state.from) : 'no dated claims';
  $('date-to-label').textContent = hasDates ? dateOf(state.to) : '';
}

function wireFilters() {
  $('show-affirmed').addEventListener('change', (e) => { state.affirmed = e.target.checked; scheduleFilters(); });
  $('show-negated').addEventListener('change', (e) => { state.negated = e.target.checked; scheduleFilters(); });
  $('show-undated').addEventListener('change', (e) => { state.undated = e.target.checked; scheduleFilters(); });
  $('min-articles').addEventListener('input', (e) => {
    const v = parseInt(e.target.value, 10);
    state.minArticles = Number.isFinite(v) && v > 0 ? v : 1;
    scheduleFilters();
  });
  const from = $('date-from');
  const to = $('date-to');
  from.addEventListener('input', () => {
    state.from = +from.value;
    if (state.from > state.to) { state.to = state.from; to.value = from.value; }
    showDates();
    scheduleFilters();
  });
  to.addEventListener('input', () => {
    state.to = +to.value;
    if (state.to < state.from) { state.from = state.to; from.value = to.value; }
    showDates();
    scheduleFilters();
  });
  $('reset').addEventListener('click', () => {
    const keepLabels = state.labels;
    Object.assign(state, defaults(), { labels: keepLabels });
    buildFilters();
    applyFilters();
  });
  $('fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));
}

// ------------------------------------------------------------------ legend

function shapeSvg(kind) {
  const k = data.kinds[kind] || { shape: 'box', fill: '#eeeeee', bold: false, dashed: true };
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '18');
  svg.setAttribute('viewBox', '0 0 26 18');
  let shape;
  switch (k.shape) {
    case 'hexagon':
      shape = document.createElementNS(ns, 'polygon');
      shape.setAttribute('points', '2,9 7,2 19,2 24,9 19,16 7,16');
      break;
    case 'ellipse':
      shape = document.createElementNS(ns, 'ellipse');
      shape.setAttribute('cx', '13'); shape.setAttribute('cy', '9'); shape.setAttribute('rx', '11'); shape.setAttribute('ry', '7');
      break;
    case 'house':
      shape = document.createElementNS(ns, 'polygon');
      shape.setAttribute('points', '3,16 23,16 23,7 13,2 3,7');
      break;
    default:
      shape = document.createElementNS(ns, 'rect');
      shape.setAttribute('x', '2'); shape.setAttribute('y', '3'); shape.setAttribute('width', '22'); shape.setAttribute('height', '12');
      if (k.shape === 'round-box') { shape.setAttribute('rx', '4'); }
  }
  shape.setAttribute('fill', k.fill);
  shape.setAttribute('stroke', '#555');
  shape.setAttribute('stroke-width', k.bold ? '2' : '1');
  if (k.dashed) shape.setAttribute('stroke-dasharray', '3 2');
  svg.append(shape);
  return svg;
}

function buildLegend() {
  const box = $('legend');
  box.replaceChildren();
  const kinds = Object.keys(data.kinds).sort((a, b) => {
    const ia = KIND_ORDER.indexOf(a);
    const ib = KIND_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  for (const k of kinds) box.append(el('div', { class: 'item' }, shapeSvg(k), k.replace(/_/g, ' ')));
  for (const f of FAMILY_ORDER.filter((f) => data.families[f]).concat(Object.keys(data.families).filter((f) => !FAMILY_ORDER.includes(f)))) {
    const cls = f === 'structure' ? 'swatch dotted' : 'swatch';
    box.append(el('div', { class: 'item' }, el('span', { class: cls, style: `border-top-color:${colorOf(f)}` }), f === 'structure' ? 'part of' : f));
  }
  box.append(el('div', { class: 'item' }, el('span', { class: 'swatch dashed', style: 'border-top-color:#555' }), 'negated claims'));
  box.append(el('div', { class: 'item hint' }, 'line width: number of articles; no arrowhead: symmetric relation'));
}

// ------------------------------------------------------------------ labels switch

function setLabels(mode) {
  state.labels = mode;
  document.querySelectorAll('input[name=labels]').forEach((r) => { r.checked = r.value === mode; });
  // Naskh letters are small for their size: Arabic labels a step larger
  cy.style().selector('node').style('font-size', mode === 'en' ? 12 : 14).update();
  cy.batch(() => {
    cy.nodes().forEach((n) => n.data('label', nodeLabel(data.nodes[n.data('i')], mode)));
    cy.edges('.labelled').forEach((ed) => ed.data('label', edgeLabel(ed.data('j'))));
  });
  refreshSelection();
}

// ------------------------------------------------------------------ selection

let selected = null; // {type: 'node'|'edge', index}

function nodeName(i, mode) {
  const n = data.nodes[i];
  return nodeLabel(n, mode || state.labels).replace('\n', ' · ');
}

function arrowFor(j, fromNode) {
  const e = data.edges[j];
  if (e.r !== PART_OF && relInfo(e.r).symmetric) return '—';
  return e.s === fromNode ? '→' : '←';
}

// the elements marked by the selection; a big graph is not faded (that
// restyles every element), its selection stands out by colour alone
let focused = [];
let faded = false;

function clearFocus() {
  cy.batch(() => {
    if (faded) cy.elements().removeClass('faded');
    faded = false;
    for (const ele of focused) {
      ele.removeClass('focus labelled');
      if (ele.isEdge() && ele.data('label')) ele.data('label', '');
    }
  });
  focused = [];
}

// `nodes` stand out of the fading, `main` ones are outlined
function focus(nodes, edges, main) {
  cy.batch(() => {
    if (!BIG) {
      cy.elements().addClass('faded');
      faded = true;
    }
    for (const i of nodes) {
      const n = nodeEle[i];
      if (main.includes(i)) n.addClass('focus');
      else if (BIG) continue;
      n.removeClass('faded');
      focused.push(n);
    }
    // labels on at most 150 edges: a hub's thousands would be unreadable
    // and slow to draw
    const labelled = edges.length <= 150;
    for (const j of edges) {
      const ed = edgeEle[j];
      ed.removeClass('faded').addClass(labelled ? 'focus labelled' : 'focus');
      if (labelled) ed.data('label', edgeLabel(j));
      focused.push(ed);
    }
  });
}

function selectNode(i, opts = {}) {
  selected = { type: 'node', index: i };
  const edges = incident[i].filter((j) => vis.edge[j]);
  const nodes = new Set([i]);
  for (const j of edges) { nodes.add(data.edges[j].s); nodes.add(data.edges[j].t); }
  clearFocus();
  focus(nodes, edges, [i]);
  renderNodePanel(i, edges);
  if (opts.center) {
    const n = cy.$id(`n${i}`);
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
  }
}

function selectEdge(j) {
  selected = { type: 'edge', index: j };
  const e = data.edges[j];
  clearFocus();
  focus([e.s, e.t], [j], [e.s, e.t]);
  renderEdgePanel(j);
}

function clearSelection() {
  selected = null;
  clearFocus();
  $('node-panel').hidden = true;
  $('edge-panel').hidden = true;
  $('details-empty').hidden = false;
  document.body.dataset.selected = '';
}

function refreshSelection() {
  if (!selected) return;
  if (selected.type === 'node') {
    if (vis.node[selected.index]) selectNode(selected.index);
    else clearSelection();
  } else if (vis.edge[selected.index]) selectEdge(selected.index);
  else clearSelection();
}

function edgeKey(j) {
  const e = data.edges[j];
  return `${data.nodes[e.s].id}|${e.r}|${data.nodes[e.t].id}|${e.neg ? 'negated' : 'affirmed'}`;
}

function edgeLinkButton(j, from) {
  const e = data.edges[j];
  const other = e.s === from ? e.t : e.s;
  const label = e.r === PART_OF ? '' : `${plural(vis.articles[j], 'article')}, ${plural(vis.claims[j], 'claim')}`;
  return el('button', { class: 'edge-link', type: 'button', 'data-edge': `e${j}`, 'data-edge-key': edgeKey(j), onclick: () => selectEdge(j) },
    el('span', { class: 'arrow', text: `${arrowFor(j, from)} ` }),
    e.neg ? el('span', { class: 'neg-tag', text: 'not ' }) : null,
    bdi(nodeName(other)),
    label ? el('span', { class: 'count', text: ` · ${label}` }) : null);
}

function renderNodePanel(i, edges) {
  const n = data.nodes[i];
  const p = $('node-panel');
  p.replaceChildren();
  p.dataset.nodeId = n.id;
  document.body.dataset.selected = `node:${n.id}`;
  p.append(el('h2', null, bdi(n.en || n.id), n.ar && n.ar !== n.en ? ' · ' : '', n.ar && n.ar !== n.en ? bdi(n.ar, 'ar') : null));
  const parent = n.parent ? data.nodes.findIndex((m) => m.id === n.parent) : -1;
  p.append(el('p', { class: 'meta' }, 'id ', el('code', { text: n.id }), ` · ${n.kind.replace(/_/g, ' ')}`,
    n.parent ? ' · part of ' : '',
    n.parent ? (parent >= 0 ? el('button', { class: 'edge-link', type: 'button', style: 'display:inline;width:auto', onclick: () => selectNode(parent, { center: true }) }, bdi(nodeName(parent))) : bdi(n.parent)) : null));
  const claimsOf = edges.filter((j) => data.edges[j].r !== PART_OF);
  const totalClaims = claimsOf.reduce((s, j) => s + vis.claims[j], 0);
  p.append(el('h3', { text: `Relations: ${plural(claimsOf.length, 'edge')}, ${plural(totalClaims, 'claim')}` }));
  // grouped by relation (and polarity), biggest first
  const groups = new Map();
  for (const j of edges) {
    const e = data.edges[j];
    const key = `${e.r}|${e.neg ? 1 : 0}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(j);
  }
  const sorted = [...groups.entries()].map(([k, js]) => {
    js.sort((a, b) => vis.articles[b] - vis.articles[a] || vis.claims[b] - vis.claims[a] || a - b);
    return [k, js, js.reduce((s, j) => s + vis.claims[j], 0)];
  }).sort((a, b) => (a[0].startsWith(PART_OF) ? 1 : 0) - (b[0].startsWith(PART_OF) ? 1 : 0) || b[2] - a[2] || a[0].localeCompare(b[0]));
  for (const [key, js, claims] of sorted) {
    const [r, neg] = key.split('|');
    const e0 = data.edges[js[0]];
    const title = r === PART_OF ? 'part of' : relLabel(r, state.labels);
    const color = colorOf(familyOf(e0));
    const counts = r === PART_OF ? plural(js.length, 'link') : `${plural(js.length, 'edge')}, ${plural(claims, 'claim')}`;
    p.append(el('div', { class: 'group', 'data-relation': r },
      el('h4', null, el('span', { class: neg === '1' ? 'swatch dashed' : r === PART_OF ? 'swatch dotted' : 'swatch', style: `border-top-color:${color}` }),
        neg === '1' ? el('span', { class: 'neg-tag', text: 'not ' }) : null, bdi(title), el('span', { class: 'count', text: ` · ${counts}` })),
      el('ul', null, ...js.map((j) => el('li', null, edgeLinkButton(j, i))))));
  }
  $('details-empty').hidden = true;
  $('edge-panel').hidden = true;
  p.hidden = false;
}

function sentenceWithMarks(text, marks) {
  const p = el('p', { class: 'sentence', dir: 'auto' });
  let at = 0;
  const cls = ['m-trigger', 'm-subject', 'm-object'];
  const names = ['trigger', 'subject', 'object'];
  for (const [s, e, c] of marks || []) {
    if (s < at || e > text.length || s >= e) continue;
    if (s > at) p.append(document.createTextNode(text.slice(at, s)));
    p.append(el('mark', { class: cls[c] || 'm-trigger', title: names[c] || '', text: text.slice(s, e) }));
    at = e;
  }
  if (at < text.length) p.append(document.createTextNode(text.slice(at)));
  return p;
}

// a side named in this sentence only by a reference (الطرفان، الحزب، ـها):
// where the article names it
function viaLine(side, nodeIndex, via) {
  return el('p', { class: 'via' }, 'via ', el('bdi', { class: 'ar' }, `«${via.x}»`), ` in sentence ${via.n}: the ${side}, `,
    bdi(nodeName(nodeIndex, 'en')), ', is named there; this sentence refers to it');
}

let showAll = false;

function renderEdgePanel(j) {
  const e = data.edges[j];
  const p = $('edge-panel');
  p.replaceChildren();
  p.dataset.edge = `e${j}`;
  p.dataset.edgeKey = edgeKey(j);
  document.body.dataset.selected = `edge:${edgeKey(j)}`;
  const info = relInfo(e.r);
  const arrow = e.r === PART_OF ? '—part of→' : info.symmetric ? `— ${relLabel(e.r, state.labels)} —` : `— ${relLabel(e.r, state.labels)} →`;
  p.append(el('h2', null, bdi(nodeName(e.s)), ' ', el('span', { class: 'rel', style: `color:${colorOf(familyOf(e))}` }, e.neg ? 'not ' : '', bdi(arrow)), ' ', bdi(nodeName(e.t))));
  if (e.r === PART_OF) {
    p.append(el('p', { class: 'meta', text: 'A parent link of the lexicon: no claim behind it.' }));
  } else {
    const shown = [];
    const outside = [];
    e.ev.forEach((v, k) => (claimPasses(j, k) ? shown : outside).push(k));
    const dates = e.ev.map((v) => v.d).filter(Boolean).sort();
    const arts = new Set(e.ev.map((v) => v.a)).size;
    p.append(el('p', { class: 'meta' },
      el('span', { class: e.neg ? 'neg-tag' : '', text: e.neg ? 'negated' : 'affirmed' }),
      ` · ${plural(arts, 'article')} · ${plural(e.ev.length, 'claim')}`,
      dates.length ? ` · ${dates[0]}${dates[dates.length - 1] !== dates[0] ? ` – ${dates[dates.length - 1]}` : ''}` : ' · undated'));
    p.append(el('div', { class: 'keys' },
      el('span', null, el('mark', { class: 'm-subject', text: 'subject' })),
      el('span', null, el('mark', { class: 'm-trigger', text: 'trigger' })),
      el('span', null, el('mark', { class: 'm-object', text: 'object' }))));
    const list = el('ol', { class: 'claims' });
    const ks = showAll ? shown.concat(outside) : shown;
    for (const k of ks) {
      const v = e.ev[k];
      const li = el('li', { class: 'claim', 'data-article': data.articles[v.a], 'data-date': v.d || '', 'data-sentence': String(v.n) },
        el('div', { class: 'claim-meta' },
          el('span', { class: 'article' }, bdi(data.articles[v.a])),
          el('span', { text: v.d || 'undated' }),
          el('span', { text: `sentence ${v.n}` }),
          el('span', { class: e.neg ? 'neg-tag' : '', text: e.neg ? 'negated' : 'affirmed' }),
          outside.includes(k) ? el('span', { class: 'outside', text: 'outside the filters' }) : null),
        sentenceWithMarks(v.x, v.h));
      if (v.sv) li.append(viaLine('subject', e.s, v.sv));
      if (v.ov) li.append(viaLine('object', e.t, v.ov));
      list.append(li);
    }
    p.append(list);
    if (outside.length) {
      p.append(el('p', { class: 'outside' }, `${plural(outside.length, 'claim')} outside the filters ${showAll ? 'shown last' : 'not listed'}. `,
        el('button', { type: 'button', onclick: () => { showAll = !showAll; renderEdgePanel(j); } }, showAll ? 'hide them' : 'show them')));
    }
  }
  $('details-empty').hidden = true;
  $('node-panel').hidden = true;
  p.hidden = false;
}


// ------------------------------------------------------------------ search

const nameIndex = data.nodes.map((n) => n.names || []);

function search(q) {
  const f = fold(q);
  if (!f) return [];
  const forms = [...new Set([f, stripArticle(f), idForm(q)])];
  const hits = [];
  for (let i = 0; i < N; i++) {
    let best = 9;
    for (const k of nameIndex[i]) {
      for (const form of forms) {
        let s = 9;
        if (k === form) s = 0;
        else if (k.startsWith(form)) s = 1;
        else if (form.length >= 2 && k.includes(form)) s = 2;
        if (s < best) best = s;
      }
      if (best === 0) break;
    }
    if (best < 9) hits.push([best, vis.node[i] ? 0 : 1, i]);
  }
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || data.nodes[a[2]].id.localeCompare(data.nodes[b[2]].id));
  return hits.slice(0, 30).map((h) => h[2]);
}

function pick(i) {
  $('search-results').hidden = true;
  if (!vis.node[i]) {
    // found but hidden by the filters: show it anyway by resetting them
    Object.assign(state, defaults(), { labels: state.labels });
    buildFilters();
    applyFilters();
  }
  cy.nodes('.found').removeClass('found');
  cy.$id(`n${i}`).addClass('found');
  selectNode(i, { center: true });
}

function showResults() {
  const q = $('search').value;
  const ul = $('search-results');
  ul.replaceChildren();
  if (!q.trim()) {
    // an emptied search box lets go of the node it found
    ul.hidden = true;
    cy.nodes('.found').removeClass('found');
    return;
  }
  const found = search(q);
  if (!found.length) ul.append(el('li', { class: 'none', text: 'No actor by that name' }));
  for (const i of found) {
    const n = data.nodes[i];
    ul.append(el('li', { role: 'option' },
      el('button', { type: 'button', 'data-node': n.id, onclick: () => pick(i) },
        bdi(n.en || n.id), n.ar ? bdi(n.ar, 'ar') : null, el('span', { class: 'hint', text: `${n.kind.replace(/_/g, ' ')}${vis.node[i] ? '' : ' · hidden by the filters'}` }))));
  }
  ul.hidden = false;
  document.body.dataset.searchResults = found.map((i) => data.nodes[i].id).join(' ');
}

$('search').addEventListener('input', showResults);
$('search').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    const found = search($('search').value);
    if (found.length) pick(found[0]);
  } else if (e.key === 'Escape') {
    $('search-results').hidden = true;
  }
});
document.addEventListener('click', (e) => {
  if (!$('search-box').contains(e.target)) $('search-results').hidden = true;
});

// ------------------------------------------------------------------ start

document.querySelectorAll('input[name=labels]').forEach((r) => {
  r.checked = r.value === state.labels;
  r.addEventListener('change', () => { if (r.checked) setLabels(r.value); });
});
$('node-count').dataset.total = String(N);
$('edge-count').dataset.total = String(M);
$('claim-count').dataset.total = String(data.claims);

// for scripts and tests: the rendered position of an edge's middle
function edgePoint(j) {
  const ed = cy.$id(`e${j}`);
  const p = ed.renderedMidpoint();
  const box = $('graph').getBoundingClientRect();
  return { x: box.left + p.x, y: box.top + p.y };
}

function findEdge(key) {
  for (let j = 0; j < M; j++) if (edgeKey(j) === key) return j;
  return -1;
}

function start() {
  draw();
  buildFilters();
  wireFilters();
  buildLegend();
  applyFilters();
  if (N === 0) $('details-empty').replaceChildren(el('p', { text: 'This graph is empty: no claim passed the build’s filters.' }));
  timings.ui = performance.now();
  window.actorgraph = { timings, cy, data, state, fold, idForm, search, selectNode, selectEdge, clearSelection, applyFilters, edgePoint, findEdge, edgeKey, version: data.format };
  cy.ready(() => {
    requestAnimationFrame(() => {
      document.body.dataset.ready = '1';
      window.actorgraph.readyAt = performance.now();
      timings.drawn = window.actorgraph.readyAt;
    });
  });
}

// a big graph takes seconds to draw: say so first
if (BIG) {
  const note = el('p', { class: 'loading', text: `Drawing ${plural(N, 'node')} and ${plural(M, 'edge')}…` });
  $('graph').append(note);
  requestAnimationFrame(() => setTimeout(() => { note.remove(); start(); }, 0));
} else {
  start();
}
