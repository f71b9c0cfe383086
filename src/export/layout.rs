//! Node positions for the evidence browser (`NAME.html`), computed here,
//! once, at build time.
//!
//! Why here and not in the page: a layout computed in the browser makes
//! every opening wait for it (seconds at 2,000 nodes), draws a different
//! picture on every opening, and makes the page's bytes depend on nothing
//! but the graph only if the page does the work again each time. Computed
//! here, the page opens drawn, the same graph always gives the same picture
//! (and the same bytes: `graphs/syria.html` is compared byte for byte by
//! `tests/graph_committed.rs`), and filters hide and show edges on a map
//! that does not move, which is what a timeline needs.
//!
//! The algorithm is ForceAtlas 2 (Jacomy et al. 2014, the layout of Gephi
//! and Gephi Lite), with the settings graphology infers for a graph
//! (strong gravity, scaling 10, slow-down growing with the order) and a
//! cooling cap on each step so that it always settles; repulsion is exact
//! up to [`EXACT_MAX`] nodes and Barnes-Hut (a quadtree) above. Then the
//! drawing is scaled so that the median link is [`LINK`] pixels long, and
//! boxes that overlap are pushed apart: at most [`LABEL_BOXES_MAX`] nodes,
//! the box holds the node and its label, so labels can be read at once;
//! above, only the node.
//!
//! Only `+ - * /` and `sqrt` (exactly rounded in IEEE 754) are used, and the
//! initial positions come from a hash of the node ids, so the result is the
//! same on every machine.

/// Up to this many nodes repulsion is computed for every pair.
pub const EXACT_MAX: usize = 1000;
/// Up to this many nodes, labels take part in overlap removal.
pub const LABEL_BOXES_MAX: usize = 400;
/// The median length of a link after scaling, in page pixels.
pub const LINK: f64 = 110.0;

/// What the layout needs to know of one node.
#[derive(Debug, Clone)]
pub struct LayoutNode {
    /// Seeds the initial position (a hash of the id).
    pub seed: u64,
    /// Diameter of the node as drawn, in pixels.
    pub size: f64,
    /// Width and height of its label as drawn below it, in pixels.
    pub label: (f64, f64),
}

/// A stable 64-bit hash (FNV-1a), for seeds.
pub fn seed_of(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn unit(x: u64) -> f64 {
    // splitmix64, then 53 bits to [0, 1)
    let mut z = x.wrapping_add(0x9E3779B97F4A7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// The knobs of the force layout.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Repulsion scaling (FA2's `scalingRatio`).
    pub scaling: f64,
    pub gravity: f64,
    /// Gravity grows with the distance to the centre.
    pub strong_gravity: bool,
    /// Attraction grows as the square root of the distance instead of the
    /// distance: clusters come apart more (between FA2's linear and LinLog
    /// modes).
    pub sqrt_attraction: bool,
    /// None: by the order (1,200 up to 300 nodes, 600 up to 3,000, 300).
    pub iterations: Option<usize>,
    /// Barnes-Hut's θ above [`EXACT_MAX`] nodes.
    pub theta: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { scaling: 10.0, gravity: 0.05, strong_gravity: true, sqrt_attraction: false, iterations: None, theta: 1.2 }
    }
}

/// Positions (x, y) in page pixels, one per node, for nodes joined by the
/// undirected weighted `links` (node indices; several links between two
/// nodes add up, self-loops are ignored).
pub fn layout(nodes: &[LayoutNode], links: &[(usize, usize, f64)]) -> Vec<[f64; 2]> {
    layout_with(nodes, links, &Settings::default())
}

/// [`layout`] with other settings.
pub fn layout_with(nodes: &[LayoutNode], links: &[(usize, usize, f64)], settings: &Settings) -> Vec<[f64; 2]> {
    let n = nodes.len();
    if n == 0 {
        return Vec::new();
    }
    // one weight per pair
    let mut pairs: Vec<(usize, usize, f64)> = links.iter().filter(|(a, b, _)| a != b).map(|&(a, b, w)| if a < b { (a, b, w) } else { (b, a, w) }).collect();
    pairs.sort_by_key(|x| (x.0, x.1));
    let mut merged: Vec<(usize, usize, f64)> = Vec::with_capacity(pairs.len());
    for p in pairs {
        match merged.last_mut() {
            Some(last) if last.0 == p.0 && last.1 == p.1 => last.2 += p.2,
            _ => merged.push(p),
        }
    }
    // several relations between two actors pull harder, but less than
    // their number (the hubs would collapse onto each other)
    for p in &mut merged {
        p.2 = p.2.sqrt();
    }
    let mut degree = vec![0usize; n];
    for &(a, b, _) in &merged {
        degree[a] += 1;
        degree[b] += 1;
    }
    let mut pos = forceatlas2(nodes, &merged, &degree, settings);
    scale(&mut pos, &merged, nodes);
    landscape(&mut pos);
    remove_overlaps(&mut pos, nodes);
    // wide labels are pushed apart mostly up and down: if that made the
    // drawing taller than wide, turn it a quarter and settle again
    let extent = |pos: &[[f64; 2]], k: usize| pos.iter().map(|p| p[k]).fold(f64::MIN, f64::max) - pos.iter().map(|p| p[k]).fold(f64::MAX, f64::min);
    if extent(&pos, 1) > extent(&pos, 0) {
        for p in pos.iter_mut() {
            *p = [p[1], -p[0]];
        }
        remove_overlaps(&mut pos, nodes);
    }
    for p in &mut pos {
        p[0] = (p[0] * 10.0).round() / 10.0;
        p[1] = (p[1] * 10.0).round() / 10.0;
    }
    pos
}

fn forceatlas2(nodes: &[LayoutNode], links: &[(usize, usize, f64)], degree: &[usize], settings: &Settings) -> Vec<[f64; 2]> {
    let n = nodes.len();
    let mass: Vec<f64> = degree.iter().map(|&d| 1.0 + d as f64).collect();
    // graphology's inferred settings: strong gravity, scaling 10,
    // slow-down 1 + ln(order) (ln through the bit length: no libm)
    let kr = settings.scaling;
    let gravity = settings.gravity;
    let bits = (usize::BITS - n.leading_zeros()) as f64;
    let slow = 1.0 + 0.693 * bits;
    let iterations = settings.iterations.unwrap_or(if n <= 300 {
        1200
    } else if n <= 3000 {
        600
    } else {
        300
    });
    let side = 10.0 * (n as f64).sqrt() + 10.0;
    let mut pos: Vec<[f64; 2]> = nodes.iter().map(|nd| [(unit(nd.seed) - 0.5) * side, (unit(nd.seed ^ 0x5555_5555_5555_5555) - 0.5) * side]).collect();
    let mut old = vec![[0.0f64; 2]; n];
    let mut force = vec![[0.0f64; 2]; n];
    // the cap on one step starts at a quarter of the initial spread and
    // cools down linearly to 1/200 of it
    let cap0 = side / 4.0;
    let mut tree = QuadTree::default();
    for it in 0..iterations {
        let cap = cap0 * (1.0 - it as f64 / iterations as f64).max(0.005);
        for f in force.iter_mut() {
            *f = [0.0, 0.0];
        }
        // repulsion
        if n <= EXACT_MAX {
            for i in 0..n {
                for j in i + 1..n {
                    let mut dx = pos[i][0] - pos[j][0];
                    let mut dy = pos[i][1] - pos[j][1];
                    let mut d2 = dx * dx + dy * dy;
                    if d2 < 1e-12 {
                        // coincident: push apart along a direction of their seeds
                        dx = unit(nodes[i].seed ^ nodes[j].seed) - 0.5;
                        dy = unit(nodes[j].seed.wrapping_add(nodes[i].seed)) - 0.5;
                        d2 = dx * dx + dy * dy + 1e-12;
                    }
                    let f = kr * mass[i] * mass[j] / d2;
                    force[i][0] += dx * f;
                    force[i][1] += dy * f;
                    force[j][0] -= dx * f;
                    force[j][1] -= dy * f;
                }
            }
        } else {
            tree.build(&pos, &mass);
            for (i, fi) in force.iter_mut().enumerate() {
                let f = tree.repulsion(i, &pos, &mass, kr, settings.theta);
                fi[0] += f[0];
                fi[1] += f[1];
            }
        }
        // gravity towards the centre: strong grows with the distance,
        // normal does not
        for i in 0..n {
            let mut f = kr * mass[i] * gravity;
            if !settings.strong_gravity {
                let d = (pos[i][0] * pos[i][0] + pos[i][1] * pos[i][1]).sqrt();
                if d < 1e-9 {
                    continue;
                }
                f /= d;
            }
            force[i][0] -= pos[i][0] * f;
            force[i][1] -= pos[i][1] * f;
        }
        // attraction along links
        for &(a, b, w) in links {
            let dx = pos[a][0] - pos[b][0];
            let dy = pos[a][1] - pos[b][1];
            let w = if settings.sqrt_attraction {
                let d = (dx * dx + dy * dy).sqrt();
                if d < 1e-9 {
                    continue;
                }
                w / d.sqrt()
            } else {
                w
            };
            force[a][0] -= dx * w;
            force[a][1] -= dy * w;
            force[b][0] += dx * w;
            force[b][1] += dy * w;
        }
        // move: slower where the force swings, never more than the cap
        for i in 0..n {
            let sx = force[i][0] - old[i][0];
            let sy = force[i][1] - old[i][1];
            let swinging = mass[i] * (sx * sx + sy * sy).sqrt();
            let factor = 1.0 / (slow * (1.0 + swinging.sqrt()));
            let mut mx = force[i][0] * factor;
            let mut my = force[i][1] * factor;
            let d = (mx * mx + my * my).sqrt();
            if d > cap {
                mx *= cap / d;
                my *= cap / d;
            }
            pos[i][0] += mx;
            pos[i][1] += my;
            old[i] = force[i];
        }
    }
    pos
}

/// Centre the drawing and scale it so that the median link is [`LINK`]
/// pixels (a graph without links: nodes [`LINK`] apart on average), or
/// more, so that the median distance to the nearest node is the median
/// node's size and a margin.
fn scale(pos: &mut [[f64; 2]], links: &[(usize, usize, f64)], nodes: &[LayoutNode]) {
    let n = pos.len() as f64;
    let cx = pos.iter().map(|p| p[0]).sum::<f64>() / n;
    let cy = pos.iter().map(|p| p[1]).sum::<f64>() / n;
    for p in pos.iter_mut() {
        p[0] -= cx;
        p[1] -= cy;
    }
    let mut lengths: Vec<f64> = links
        .iter()
        .map(|&(a, b, _)| {
            let dx = pos[a][0] - pos[b][0];
            let dy = pos[a][1] - pos[b][1];
            (dx * dx + dy * dy).sqrt()
        })
        .filter(|d| *d > 1e-9)
        .collect();
    let typical = if lengths.is_empty() {
        let r = pos.iter().map(|p| (p[0] * p[0] + p[1] * p[1]).sqrt()).fold(0.0, f64::max);
        if pos.len() > 1 && r > 1e-9 {
            2.0 * r / n.sqrt()
        } else {
            1.0
        }
    } else {
        lengths.sort_by(|a, b| a.total_cmp(b));
        lengths[lengths.len() / 2]
    };
    // and at least so far apart that a node's nearest neighbour is a node's
    // width away: else the overlap removal spreads a dense drawing evenly
    // and its clusters are lost
    let step = (pos.len() / 2000).max(1);
    let mut nearest: Vec<f64> = (0..pos.len())
        .step_by(step)
        .filter_map(|i| {
            let d2 = (0..pos.len()).filter(|&j| j != i).map(|j| (pos[i][0] - pos[j][0]).powi(2) + (pos[i][1] - pos[j][1]).powi(2)).fold(f64::MAX, f64::min);
            (d2 < f64::MAX && d2 > 1e-18).then(|| d2.sqrt())
        })
        .collect();
    let mut k = LINK / typical;
    if !nearest.is_empty() {
        nearest.sort_by(|a, b| a.total_cmp(b));
        let mut sizes: Vec<f64> = nodes.iter().map(|n| n.size).collect();
        sizes.sort_by(|a, b| a.total_cmp(b));
        let want = sizes[sizes.len() / 2] + 12.0;
        k = k.max(want / nearest[nearest.len() / 2]);
    }
    for p in pos.iter_mut() {
        p[0] *= k;
        p[1] *= k;
    }
}

/// Turn the drawing (about its centre, already at the origin) so that its
/// longest extent runs across, as screens are wider than tall: the
/// principal axis of the positions becomes the x axis.
fn landscape(pos: &mut [[f64; 2]]) {
    let (mut a, mut b, mut c) = (0.0, 0.0, 0.0);
    for p in pos.iter() {
        a += p[0] * p[0];
        b += p[0] * p[1];
        c += p[1] * p[1];
    }
    // the largest eigenvalue of [[a, b], [b, c]] and its eigenvector
    let half = (a - c) / 2.0;
    let l = (a + c) / 2.0 + (half * half + b * b).sqrt();
    let (vx, vy) = if b.abs() > 1e-12 { (b, l - a) } else if a >= c { (1.0, 0.0) } else { (0.0, 1.0) };
    let norm = (vx * vx + vy * vy).sqrt();
    if norm < 1e-12 {
        return;
    }
    let (cos, sin) = (vx / norm, vy / norm);
    for p in pos.iter_mut() {
        let (x, y) = (p[0], p[1]);
        p[0] = x * cos + y * sin;
        p[1] = -x * sin + y * cos;
    }
}

/// Push apart nodes whose boxes overlap (node, and label below it while
/// the graph is small enough for labels to be read at once), along the
/// axis of least overlap, until none do or 200 passes are done.
fn remove_overlaps(pos: &mut [[f64; 2]], nodes: &[LayoutNode]) {
    let n = pos.len();
    let labels = n <= LABEL_BOXES_MAX;
    let margin = 6.0;
    // half width, half height and the vertical offset of the box centre
    let boxes: Vec<(f64, f64, f64)> = nodes
        .iter()
        .map(|nd| {
            if labels {
                let w = nd.size.max(nd.label.0) / 2.0 + margin;
                let h = (nd.size + nd.label.1) / 2.0 + margin;
                (w, h, nd.label.1 / 2.0)
            } else {
                (nd.size / 2.0 + margin, nd.size / 2.0 + margin, 0.0)
            }
        })
        .collect();
    let cell = boxes.iter().map(|b| 2.0 * b.0.max(b.1)).fold(1.0, f64::max);
    for _ in 0..200 {
        let mut grid: std::collections::BTreeMap<(i64, i64), Vec<usize>> = std::collections::BTreeMap::new();
        for i in 0..n {
            let key = ((pos[i][0] / cell).floor() as i64, ((pos[i][1] + boxes[i].2) / cell).floor() as i64);
            grid.entry(key).or_default().push(i);
        }
        let mut moved = false;
        for i in 0..n {
            let (gx, gy) = ((pos[i][0] / cell).floor() as i64, ((pos[i][1] + boxes[i].2) / cell).floor() as i64);
            for ox in -1..=1 {
                for oy in -1..=1 {
                    let Some(cands) = grid.get(&(gx + ox, gy + oy)) else { continue };
                    for &j in cands {
                        if j <= i {
                            continue;
                        }
                        let dx = pos[j][0] - pos[i][0];
                        let dy = (pos[j][1] + boxes[j].2) - (pos[i][1] + boxes[i].2);
                        let over_x = boxes[i].0 + boxes[j].0 - dx.abs();
                        let over_y = boxes[i].1 + boxes[j].1 - dy.abs();
                        if over_x <= 0.0 || over_y <= 0.0 {
                            continue;
                        }
                        moved = true;
                        // split the push, with the same sign rule for ties
                        let sign = |d: f64| if d > 0.0 || (d == 0.0 && i < j) { 1.0 } else { -1.0 };
                        if over_x < over_y {
                            let s = sign(dx) * (over_x / 2.0 + 0.5);
                            pos[i][0] -= s;
                            pos[j][0] += s;
                        } else {
                            let s = sign(dy) * (over_y / 2.0 + 0.5);
                            pos[i][1] -= s;
                            pos[j][1] += s;
                        }
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// A quadtree of the nodes, for Barnes-Hut repulsion.
#[derive(Default)]
struct QuadTree {
    cells: Vec<Cell>,
    /// Node indices, grouped by leaf.
    order: Vec<usize>,
}

#[derive(Clone)]
struct Cell {
    /// Side length.
    size: f64,
    mass: f64,
    /// Centre of mass.
    cx: f64,
    cy: f64,
    /// Children (cell indices), or none for a leaf.
    children: Vec<usize>,
    /// A leaf's nodes: `order[start..end]`.
    start: usize,
    end: usize,
}

impl QuadTree {
    fn build(&mut self, pos: &[[f64; 2]], mass: &[f64]) {
        self.cells.clear();
        self.order = (0..pos.len()).collect();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in pos {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9) * 1.0001;
        let n = pos.len();
        self.cell(pos, mass, 0, n, x0, y0, size, 0);
    }

    #[allow(clippy::too_many_arguments)]
    fn cell(&mut self, pos: &[[f64; 2]], mass: &[f64], start: usize, end: usize, x0: f64, y0: f64, size: f64, depth: usize) -> usize {
        let id = self.cells.len();
        let (mut m, mut cx, mut cy) = (0.0, 0.0, 0.0);
        for &i in &self.order[start..end] {
            m += mass[i];
            cx += pos[i][0] * mass[i];
            cy += pos[i][1] * mass[i];
        }
        self.cells.push(Cell { size, mass: m, cx: cx / m, cy: cy / m, children: Vec::new(), start, end });
        if end - start <= 1 || depth >= 40 {
            return id;
        }
        let half = size / 2.0;
        let (mx, my) = (x0 + half, y0 + half);
        // partition order[start..end] into the four quadrants
        let slice = &mut self.order[start..end];
        let quadrant = |i: usize| (if pos[i][0] >= mx { 1 } else { 0 }) + (if pos[i][1] >= my { 2 } else { 0 });
        slice.sort_by_key(|&i| quadrant(i));
        let mut bounds = [start; 5];
        let mut k = start;
        for (q, b) in bounds.iter_mut().enumerate().skip(1) {
            while k < end && quadrant(self.order[k]) < q {
                k += 1;
            }
            *b = k;
        }
        bounds[4] = end;
        let mut children = Vec::new();
        for q in 0..4 {
            let (s, e) = (bounds[q], bounds[q + 1]);
            if s == e {
                continue;
            }
            let qx = if q & 1 == 1 { mx } else { x0 };
            let qy = if q & 2 == 2 { my } else { y0 };
            children.push(self.cell(pos, mass, s, e, qx, qy, half, depth + 1));
        }
        self.cells[id].children = children;
        id
    }

    fn repulsion(&self, i: usize, pos: &[[f64; 2]], mass: &[f64], kr: f64, theta: f64) -> [f64; 2] {
        let (mut fx, mut fy) = (0.0, 0.0);
        let mut stack = vec![0usize];
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c];
            if cell.children.is_empty() {
                for &j in &self.order[cell.start..cell.end] {
                    if j == i {
                        continue;
                    }
                    let dx = pos[i][0] - pos[j][0];
                    let dy = pos[i][1] - pos[j][1];
                    let d2 = dx * dx + dy * dy;
                    if d2 < 1e-12 {
                        continue;
                    }
                    let f = kr * mass[i] * mass[j] / d2;
                    fx += dx * f;
                    fy += dy * f;
                }
                continue;
            }
            let dx = pos[i][0] - cell.cx;
            let dy = pos[i][1] - cell.cy;
            let d2 = dx * dx + dy * dy;
            if cell.size * cell.size < theta * theta * d2 {
                let f = kr * mass[i] * cell.mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else {
                stack.extend(cell.children.iter().copied());
            }
        }
        [fx, fy]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(i: usize) -> LayoutNode {
        LayoutNode { seed: seed_of(&format!("n{i}")), size: 24.0, label: (60.0, 14.0) }
    }

    #[test]
    fn empty_and_single() {
        assert!(layout(&[], &[]).is_empty());
        let p = layout(&[node(0)], &[]);
        assert_eq!(p.len(), 1);
        assert!(p[0][0].is_finite() && p[0][1].is_finite());
    }

    #[test]
    fn linked_nodes_are_closer_than_unlinked_and_nothing_overlaps() {
        // two triangles joined by one link
        let nodes: Vec<LayoutNode> = (0..6).map(node).collect();
        let links = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)];
        let p = layout(&nodes, &links);
        let d = |a: usize, b: usize| ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 5) && d(3, 4) < d(1, 5), "{p:?}");
        for i in 0..6 {
            for j in i + 1..6 {
                let over_x = 60.0 + 12.0 - (p[i][0] - p[j][0]).abs();
                let over_y = 24.0 + 14.0 + 12.0 - (p[i][1] - p[j][1]).abs();
                assert!(over_x <= 0.5 || over_y <= 0.5, "{i} and {j} overlap: {p:?}");
            }
        }
    }

    #[test]
    fn deterministic_and_finite_with_barnes_hut() {
        let n = EXACT_MAX + 200;
        let nodes: Vec<LayoutNode> = (0..n).map(node).collect();
        let links: Vec<(usize, usize, f64)> = (0..n).map(|i| (i, (i * 7 + 3) % n, 1.0)).collect();
        let a = layout(&nodes, &links);
        let b = layout(&nodes, &links);
        assert_eq!(a, b);
        assert!(a.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }
}
