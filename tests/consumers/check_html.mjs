// Open actorgraph's evidence browser (NAME.html) in Debian's chromium, driven
// by puppeteer-core, do what a user does, and print what the page showed as
// JSON; tests/export_html.rs checks it against the GraphML and the CLI.
//
// Usage: node check_html.mjs PAGE.html SPEC.json
//
// SPEC (every part optional):
//   {"edge": {"key": "s|relation|t|polarity", "node": "id of one end"},
//    "search": ["typed query", ...],
//    "dates": {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"},
//    "fold": ["string", ...],
//    "text": "a string that must be shown as text somewhere in an evidence panel",
//    "screenshots": {"page": "a.png", "evidence": "b.png", "arabic": "c.png"},
//    "viewport": [1600, 1000]}
//
// Output: {"requests": [...], "console": [{type, text}], "errors": [...],
//   "counts": {nodes, edges, claims, total_nodes, total_edges},
//   "edge_click": {...}, "edge_via_node_panel": {...}, "search": [...],
//   "dates": {...}, "fold": [...], "timing": {...}}
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pagePath, specPath] = process.argv.slice(2);
const spec = specPath ? JSON.parse(readFileSync(specPath, 'utf8')) : {};
const url = pathToFileURL(resolve(pagePath)).href;
const profile = mkdtempSync(join(tmpdir(), 'actorgraph-chromium-'));
const out = { requests: [], console: [], errors: [] };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    `--user-data-dir=${profile}`],
});
try {
  const page = await browser.newPage();
  const [w, h] = spec.viewport || [1600, 1000];
  await page.setViewport({ width: w, height: h });
  page.on('request', (r) => out.requests.push(r.url()));
  page.on('console', (m) => out.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => out.errors.push(String(e && e.message || e)));
  page.on('requestfailed', (r) => out.errors.push(`request failed: ${r.url()}`));
  // anything injected by article text would show up here
  out.dialogs = 0;
  page.on('dialog', async (d) => { out.dialogs++; await d.dismiss(); });
  await page.evaluateOnNewDocument(() => {
    window.__alerts = 0;
    window.alert = () => { window.__alerts++; };
  });

  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  const tLoad = Date.now() - t0;
  await page.waitForFunction(() => document.body.dataset.ready === '1', { timeout: 120000 });
  const tReady = Date.now() - t0;
  out.timing = { load_ms: tLoad, ready_ms: tReady, in_page_ready_ms: await page.evaluate(() => window.actorgraph.readyAt) };

  const counts = async () => page.evaluate(() => {
    const n = (id) => Number(document.getElementById(id).textContent.replace(/,/g, ''));
    return {
      nodes: n('node-count'), edges: n('edge-count'), claims: n('claim-count'),
      total_nodes: Number(document.getElementById('node-count').dataset.total),
      total_edges: Number(document.getElementById('edge-count').dataset.total),
      drawn_nodes: window.actorgraph.cy.nodes(':visible').length,
      drawn_edges: window.actorgraph.cy.edges(':visible').length,
    };
  });
  out.counts = await counts();

  if (spec.screenshots && spec.screenshots.page) {
    await page.screenshot({ path: spec.screenshots.page });
  }

  const edgePanel = () => page.evaluate(() => {
    const p = document.getElementById('edge-panel');
    return {
      visible: !p.hidden,
      key: p.dataset.edgeKey || null,
      heading: p.querySelector('h2') ? p.querySelector('h2').textContent : null,
      sentences: [...p.querySelectorAll('.sentence')].map((s) => s.textContent),
      marks: [...p.querySelectorAll('.sentence mark')].map((m) => [m.className, m.textContent]),
      articles: [...p.querySelectorAll('li.claim')].map((li) => li.dataset.article),
      via: [...p.querySelectorAll('.via')].map((v) => v.textContent),
      scripts: document.querySelectorAll('script').length,
      sentence_children: [...p.querySelectorAll('.sentence')].map((s) => [...s.children].map((c) => c.tagName.toLowerCase())),
    };
  });

  if (spec.edge) {
    // 1. a real click on the drawn edge: bring it into view, then click its middle
    const j = await page.evaluate((key) => window.actorgraph.findEdge(key), spec.edge.key);
    out.edge_index = j;
    if (j >= 0) {
      await page.evaluate((j) => {
        const cy = window.actorgraph.cy;
        const ed = cy.$id(`e${j}`);
        cy.fit(ed.union(ed.connectedNodes()), 120);
        // not closer than a reader would look
        if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, position: ed.midpoint() });
      }, j);
      await new Promise((r) => setTimeout(r, 150));
      // a point of the edge that no node (nor its label) and no other edge
      // covers: the middle if it is clear, else the nearest clear point
      const pt = await page.evaluate((j) => {
        const ag = window.actorgraph;
        const cy = ag.cy;
        const ed = cy.$id(`e${j}`);
        const a = ed.sourceEndpoint();
        const b = ed.targetEndpoint();
        const mid = ed.midpoint();
        const nodes = cy.nodes(':visible').map((n) => n.boundingBox({ includeLabels: false }));
        const others = cy.edges(':visible').filter((e) => e.id() !== ed.id()).map((e) => [e.sourceEndpoint(), e.targetEndpoint()]);
        const segDist = (p, [u, v]) => {
          const dx = v.x - u.x;
          const dy = v.y - u.y;
          const l2 = dx * dx + dy * dy || 1;
          const t = Math.max(0, Math.min(1, ((p.x - u.x) * dx + (p.y - u.y) * dy) / l2));
          return Math.hypot(p.x - u.x - t * dx, p.y - u.y - t * dy);
        };
        const straight = ed.parallelEdges().length === 1;
        const candidates = [mid];
        // (from the middle outwards, as far as just off the ends' nodes)
        const steps = [0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9];
        // (a curved edge, one of several between two nodes, is a quadratic
        // bezier through its control point: points along the curve)
        const cps = straight ? [] : (ed.controlPoints() || []);
        if (straight) {
          for (const t of steps) candidates.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
        } else if (cps.length === 1) {
          const c = cps[0];
          for (const t of steps) {
            const u = 1 - t;
            candidates.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
          }
        }
        // six pixels clear on screen; where the graph is crowded, look closer
        // as a reader would (the margin in the graph's units shrinks)
        let p = mid;
        let clear = () => false;
        for (const level of [cy.zoom(), 2.5, 4, 6]) {
          if (level !== cy.zoom()) cy.zoom({ level, position: mid });
          const m = 6 / cy.zoom();
          clear = (q) => !nodes.some((bb) => q.x >= bb.x1 - m && q.x <= bb.x2 + m && q.y >= bb.y1 - m && q.y <= bb.y2 + m) && !others.some((s) => segDist(q, s) < m);
          const found = candidates.find(clear);
          if (found) { p = found; break; }
        }
        const box = document.getElementById('graph').getBoundingClientRect();
        const pan = cy.pan();
        const z = cy.zoom();
        return { x: box.left + p.x * z + pan.x, y: box.top + p.y * z + pan.y, clear: clear(p), zoom: z };
      }, j);
      out.edge_click_point = pt;
      if (pt.clear) {
        await page.mouse.click(pt.x, pt.y);
      } else {
        // (an edge drawn wholly under its end nodes cannot be hit by the
        // mouse; a tap on it is what a touch on its line would send)
        await page.evaluate((j) => window.actorgraph.cy.$id(`e${j}`).emit('tap'), j);
      }
      await new Promise((r) => setTimeout(r, 150));
      out.edge_click = await edgePanel();
      if (spec.screenshots && spec.screenshots.evidence) {
        await page.screenshot({ path: spec.screenshots.evidence });
      }
      // back to the whole graph
      await page.evaluate(() => { window.actorgraph.clearSelection(); window.actorgraph.cy.fit(undefined, 30); });
    }
    // 2. through the node panel: find the node, click it in the results,
    //    then click the edge in its list of relations
    if (spec.edge.node) {
      await page.click('#search', { clickCount: 3 });
      await page.type('#search', spec.edge.node);
      await page.waitForSelector(`#search-results button[data-node="${spec.edge.node}"]`, { timeout: 5000 });
      await page.click(`#search-results button[data-node="${spec.edge.node}"]`);
      await page.waitForFunction((id) => document.getElementById('node-panel').dataset.nodeId === id && !document.getElementById('node-panel').hidden, { timeout: 5000 }, spec.edge.node);
      const sel = `#node-panel button[data-edge-key="${spec.edge.key}"]`;
      out.node_panel_has_edge = (await page.$(sel)) !== null;
      if (spec.screenshots && spec.screenshots.node) {
        await page.screenshot({ path: spec.screenshots.node });
      }
      if (out.node_panel_has_edge) {
        await page.click(sel);
        out.edge_via_node_panel = await edgePanel();
      }
    }
  }

  if (spec.search) {
    out.search = [];
    for (const q of spec.search) {
      await page.click('#search', { clickCount: 3 });
      await page.keyboard.press('Backspace');
      await page.type('#search', q);
      await page.waitForFunction(() => !document.getElementById('search-results').hidden, { timeout: 5000 });
      const ids = await page.evaluate(() => [...document.querySelectorAll('#search-results button[data-node]')].map((b) => b.dataset.node));
      // Enter picks the first: the node panel opens
      await page.keyboard.press('Enter');
      const picked = await page.evaluate(() => document.getElementById('node-panel').hidden ? null : document.getElementById('node-panel').dataset.nodeId);
      out.search.push({ query: q, results: ids, picked });
      // the view glides to the node found: let it arrive
      await new Promise((r) => setTimeout(r, 400));
    }
    await page.evaluate(() => {
      window.actorgraph.clearSelection();
      const s = document.getElementById('search');
      s.value = '';
      s.dispatchEvent(new Event('input', { bubbles: true }));
      window.actorgraph.cy.fit(undefined, 30);
    });
  }

  if (spec.text) {
    // the text is somewhere in an edge's evidence: open every edge holding it
    out.text = await page.evaluate((t) => {
      const ag = window.actorgraph;
      const found = [];
      ag.data.edges.forEach((e, j) => {
        if (e.ev.some((v) => v.x.includes(t))) {
          ag.selectEdge(j);
          const p = document.getElementById('edge-panel');
          found.push({
            key: ag.edgeKey(j),
            shown: [...p.querySelectorAll('.sentence')].some((s) => s.textContent.includes(t)),
            markup_inside: [...p.querySelectorAll('.sentence')].some((s) => s.querySelector(':not(mark)') !== null),
          });
        }
      });
      ag.clearSelection();
      return { found, scripts: document.querySelectorAll('script').length, alerts: window.__alerts || 0 };
    }, spec.text);
  }

  if (spec.dates) {
    // undated claims off (a real click on the checkbox), then both sliders
    await page.click('#show-undated');
    await page.evaluate((from, to) => {
      const day = (d) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86400000);
      for (const [id, v] of [['date-from', from], ['date-to', to]]) {
        const s = document.getElementById(id);
        s.value = String(day(v));
        s.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, spec.dates.from, spec.dates.to);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
    const c = await counts();
    const hidden = await page.evaluate((from, to) => {
      // every drawn claim edge has a claim within the range; every hidden
      // one has none (or fails another filter)
      const ag = window.actorgraph;
      let drawnOutside = 0;
      let drawnInside = 0;
      ag.cy.edges(':visible').forEach((ed) => {
        const e = ag.data.edges[ed.data('j')];
        if (e.r === 'part_of') return;
        if (e.ev.some((v) => v.d && v.d >= from && v.d <= to)) drawnInside++;
        else drawnOutside++;
      });
      return { drawn_inside: drawnInside, drawn_outside: drawnOutside, labels: [document.getElementById('date-from-label').textContent, document.getElementById('date-to-label').textContent] };
    }, spec.dates.from, spec.dates.to);
    out.dates = { ...c, ...hidden };
    if (spec.screenshots && spec.screenshots.dates) {
      await page.evaluate(() => window.actorgraph.cy.fit(window.actorgraph.cy.elements(':visible'), 30));
      await new Promise((r) => setTimeout(r, 150));
      await page.screenshot({ path: spec.screenshots.dates });
    }
    await page.click('#reset');
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    out.after_reset = await counts();
  }

  if (spec.screenshots && spec.screenshots.arabic) {
    await page.click('input[name=labels][value=ar]');
    await page.evaluate(() => { window.actorgraph.cy.stop(true, true); window.actorgraph.cy.fit(undefined, 30); });
    await new Promise((r) => setTimeout(r, 150));
    await page.screenshot({ path: spec.screenshots.arabic });
    await page.click('input[name=labels][value=en]');
  }

  if (spec.perf) {
    // how long the page takes to react, each step ending on a drawn frame
    out.perf = await page.evaluate(async () => {
      const ag = window.actorgraph;
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const time = async (f) => { const t = performance.now(); f(); await frame(); return performance.now() - t; };
      const r = {};
      const from = document.getElementById('date-from');
      const mid = Math.round((+from.min + +from.max) / 2);
      r.filter_ms = await time(() => { from.value = String(mid); from.dispatchEvent(new Event('input', { bubbles: true })); });
      r.reset_ms = await time(() => document.getElementById('reset').click());
      let hub = 0;
      let best = -1;
      ag.cy.nodes().forEach((n) => { const d = n.degree(); if (d > best) { best = d; hub = n.data('i'); } });
      r.hub_degree = best;
      r.node_ms = await time(() => ag.selectNode(hub));
      const degrees = ag.cy.nodes().map((n) => [n.degree(), n.data('i')]).sort((a, b) => a[0] - b[0]);
      const typical = degrees[Math.floor(degrees.length / 2)];
      r.typical_degree = typical[0];
      r.typical_node_ms = await time(() => ag.selectNode(typical[1]));
      let big = 0;
      ag.data.edges.forEach((e, j) => { if (e.ev.length > ag.data.edges[big].ev.length) big = j; });
      r.edge_ms = await time(() => ag.selectEdge(big));
      const t = performance.now();
      ag.search('ابو');
      r.search_ms = performance.now() - t;
      ag.clearSelection();
      return r;
    });
  }

  if (spec.fold) {
    out.fold = await page.evaluate((xs) => xs.map((s) => [window.actorgraph.fold(s), window.actorgraph.idForm(s)]), spec.fold);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(out));
