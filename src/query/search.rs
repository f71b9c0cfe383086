//! Path search on an [`Adjacency`]: bidirectional BFS for the distance,
//! every shortest path through the predecessor DAG, and every simple path
//! within a bound by a DFS pruned with the distance to the target.
//!
//! Paths are node sequences (as `u32` node indices); which edges make each
//! hop is the [`Adjacency::hop`]'s business.

use super::adjacency::Adjacency;
use std::collections::HashMap;

const INF: u32 = u32::MAX;

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Node sequences from source to target.
    pub paths: Vec<Vec<u32>>,
    /// How many paths there are in all (saturating); when `truncated` and
    /// the count is unknown (`--all`), a lower bound.
    pub total: u64,
    /// Not every path was enumerated (more than the cap).
    pub truncated: bool,
    /// Length of the shortest path within the bound, if any.
    pub shortest: Option<usize>,
}

/// The meeting of a bidirectional BFS.
struct Meeting {
    /// Distances from the source, exact for every labelled node.
    ds: Vec<u32>,
    /// Distances to the target, exact for every labelled node.
    dt: Vec<u32>,
    /// Nodes on the meeting layer: every shortest path crosses exactly one.
    meet: Vec<u32>,
    dist: u32,
}

/// Bidirectional BFS, layer by layer, always expanding the side whose
/// frontier has fewer edges to look at. Stops without meeting once no path
/// of at most `bound` hops can exist.
fn bidi(adj: &Adjacency, s: u32, t: u32, bound: usize) -> Option<Meeting> {
    let n = adj.node_count();
    let mut ds = vec![INF; n];
    let mut dt = vec![INF; n];
    ds[s as usize] = 0;
    dt[t as usize] = 0;
    if s == t {
        return Some(Meeting { ds, dt, meet: vec![s], dist: 0 });
    }
    let (mut fs, mut ft) = (vec![s], vec![t]);
    let (mut a, mut b) = (0u32, 0u32);
    loop {
        if (a + b) as usize >= bound || fs.is_empty() || ft.is_empty() {
            return None;
        }
        let cs: usize = fs.iter().map(|&v| adj.out_degree(v)).sum();
        let ct: usize = ft.iter().map(|&v| adj.in_degree(v)).sum();
        let mut next = Vec::new();
        let mut meet = Vec::new();
        if cs <= ct {
            for &u in &fs {
                for &v in adj.out(u) {
                    if ds[v as usize] == INF {
                        ds[v as usize] = a + 1;
                        next.push(v);
                        if dt[v as usize] != INF {
                            meet.push(v);
                        }
                    }
                }
            }
            a += 1;
            fs = next;
        } else {
            for &u in &ft {
                for &v in adj.inc(u) {
                    if dt[v as usize] == INF {
                        dt[v as usize] = b + 1;
                        next.push(v);
                        if ds[v as usize] != INF {
                            meet.push(v);
                        }
                    }
                }
            }
            b += 1;
            ft = next;
        }
        if !meet.is_empty() {
            meet.sort_unstable();
            return Some(Meeting { ds, dt, meet, dist: a + b });
        }
    }
}

/// Length of the shortest path from `s` to `t` of at most `bound` hops.
pub fn distance(adj: &Adjacency, s: u32, t: u32, bound: usize) -> Option<usize> {
    bidi(adj, s, t, bound).map(|m| m.dist as usize)
}

/// Orders the candidates of a step, strongest first: `weight(a, b)` of the
/// hop from `a` to `b`. Used only when there are more paths than the cap,
/// so that the ones enumerated are the better ones.
pub type Weigher<'w> = dyn FnMut(u32, u32) -> u64 + 'w;

struct Dag<'m> {
    adj: &'m Adjacency,
    m: &'m Meeting,
    s: u32,
    t: u32,
}

impl Dag<'_> {
    /// Predecessors of `x` on shortest paths from the source.
    fn preds(&self, x: u32) -> impl Iterator<Item = u32> + '_ {
        let k = self.m.ds[x as usize];
        self.adj.inc(x).iter().copied().filter(move |&y| k > 0 && self.m.ds[y as usize] == k - 1)
    }

    /// Successors of `x` on shortest paths to the target.
    fn succs(&self, x: u32) -> impl Iterator<Item = u32> + '_ {
        let k = self.m.dt[x as usize];
        self.adj.out(x).iter().copied().filter(move |&z| k > 0 && self.m.dt[z as usize] == k - 1)
    }

    fn count_from_s(&self, x: u32, memo: &mut HashMap<u32, u64>) -> u64 {
        if x == self.s {
            return 1;
        }
        if let Some(&c) = memo.get(&x) {
            return c;
        }
        let ps: Vec<u32> = self.preds(x).collect();
        let c = ps.into_iter().fold(0u64, |acc, y| acc.saturating_add(self.count_from_s(y, memo)));
        memo.insert(x, c);
        c
    }

    fn count_to_t(&self, x: u32, memo: &mut HashMap<u32, u64>) -> u64 {
        if x == self.t {
            return 1;
        }
        if let Some(&c) = memo.get(&x) {
            return c;
        }
        let zs: Vec<u32> = self.succs(x).collect();
        let c = zs.into_iter().fold(0u64, |acc, z| acc.saturating_add(self.count_to_t(z, memo)));
        memo.insert(x, c);
        c
    }

    fn ordered(&self, mut c: Vec<u32>, from: u32, backwards: bool, w: &mut Option<&mut Weigher>) -> Vec<u32> {
        if let Some(w) = w {
            // strongest hop first, then node order
            let mut keyed: Vec<(u64, u32)> = c.iter().map(|&y| (if backwards { w(y, from) } else { w(from, y) }, y)).collect();
            keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            c = keyed.into_iter().map(|(_, y)| y).collect();
        }
        c
    }

    /// Walk back from `x` to the source, then on from the meeting node to
    /// the target, emitting full paths until `cap`.
    fn back(&self, x: u32, rev: &mut Vec<u32>, mid: u32, out: &mut Vec<Vec<u32>>, cap: usize, w: &mut Option<&mut Weigher>) {
        if out.len() >= cap {
            return;
        }
        rev.push(x);
        if x == self.s {
            let mut path: Vec<u32> = rev.iter().rev().copied().collect();
            debug_assert_eq!(*path.last().unwrap(), mid);
            self.fwd(mid, &mut path, out, cap, w);
        } else {
            let ps = self.ordered(self.preds(x).collect(), x, true, w);
            for y in ps {
                self.back(y, rev, mid, out, cap, w);
                if out.len() >= cap {
                    break;
                }
            }
        }
        rev.pop();
    }

    fn fwd(&self, x: u32, path: &mut Vec<u32>, out: &mut Vec<Vec<u32>>, cap: usize, w: &mut Option<&mut Weigher>) {
        if out.len() >= cap {
            return;
        }
        if x == self.t {
            out.push(path.clone());
            return;
        }
        let zs = self.ordered(self.succs(x).collect(), x, false, w);
        for z in zs {
            path.push(z);
            self.fwd(z, path, out, cap, w);
            path.pop();
            if out.len() >= cap {
                break;
            }
        }
    }
}

/// Every shortest path from `s` to `t` of at most `max_hops` hops, up to
/// `cap` of them. When there are more than `cap`, `weigh` (if given)
/// steers the enumeration to the strongest hops first.
pub fn shortest_paths(adj: &Adjacency, s: u32, t: u32, max_hops: usize, cap: usize, mut weigh: Option<&mut Weigher>) -> Found {
    let Some(m) = bidi(adj, s, t, max_hops) else {
        return Found::default();
    };
    if s == t {
        return Found { paths: vec![vec![s]], total: 1, truncated: false, shortest: Some(0) };
    }
    let dag = Dag { adj, m: &m, s, t };
    let (mut ms, mut mt) = (HashMap::new(), HashMap::new());
    let mut total = 0u64;
    for &x in &m.meet {
        total = total.saturating_add(dag.count_from_s(x, &mut ms).saturating_mul(dag.count_to_t(x, &mut mt)));
    }
    let truncated = total > cap as u64;
    if !truncated {
        weigh = None; // all of them are ranked anyway
    }
    let mut meet = m.meet.clone();
    if let Some(w) = weigh.as_deref_mut() {
        // meeting nodes whose best hops are strongest first
        let mut keyed: Vec<(u64, u32)> = meet
            .iter()
            .map(|&x| {
                let b = dag.preds(x).map(|y| w(y, x)).max().unwrap_or(0);
                let f = dag.succs(x).map(|z| w(x, z)).max().unwrap_or(0);
                (b.min(f), x)
            })
            .collect();
        keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        meet = keyed.into_iter().map(|(_, x)| x).collect();
    }
    let mut out = Vec::new();
    let mut rev = Vec::new();
    for x in meet {
        dag.back(x, &mut rev, x, &mut out, cap, &mut weigh);
        if out.len() >= cap {
            break;
        }
    }
    Found { paths: out, total, truncated, shortest: Some(m.dist as usize) }
}

/// Distances to `t` (walking edges backwards) up to `bound`; `INF` beyond.
fn dist_to(adj: &Adjacency, t: u32, bound: usize) -> Vec<u32> {
    let mut d = vec![INF; adj.node_count()];
    d[t as usize] = 0;
    let mut frontier = vec![t];
    let mut k = 0u32;
    while !frontier.is_empty() && (k as usize) < bound {
        let mut next = Vec::new();
        for &u in &frontier {
            for &v in adj.inc(u) {
                if d[v as usize] == INF {
                    d[v as usize] = k + 1;
                    next.push(v);
                }
            }
        }
        k += 1;
        frontier = next;
    }
    d
}

/// Every simple path from `s` to `t` of at most `max_hops` hops, up to
/// `cap` of them: a DFS that only steps onto nodes from which the target
/// is still within reach of the hops left.
pub fn all_paths(adj: &Adjacency, s: u32, t: u32, max_hops: usize, cap: usize) -> Found {
    if s == t {
        return Found { paths: vec![vec![s]], total: 1, truncated: false, shortest: Some(0) };
    }
    let dt = dist_to(adj, t, max_hops);
    if dt[s as usize] == INF {
        return Found::default();
    }
    let mut on_path = vec![false; adj.node_count()];
    let mut path = vec![s];
    on_path[s as usize] = true;
    let mut out = Vec::new();
    let mut truncated = false;
    dfs(adj, t, max_hops, &dt, &mut on_path, &mut path, &mut out, cap, &mut truncated);
    let shortest = out.iter().map(|p| p.len() - 1).min();
    Found { total: out.len() as u64, paths: out, truncated, shortest }
}

#[allow(clippy::too_many_arguments)]
fn dfs(adj: &Adjacency, t: u32, max_hops: usize, dt: &[u32], on_path: &mut [bool], path: &mut Vec<u32>, out: &mut Vec<Vec<u32>>, cap: usize, truncated: &mut bool) {
    let x = *path.last().unwrap();
    let left = max_hops - (path.len() - 1); // hops still allowed, >= 1 here
    for &y in adj.out(x) {
        if y == t {
            if out.len() >= cap {
                *truncated = true;
                return;
            }
            path.push(t);
            out.push(path.clone());
            path.pop();
            continue;
        }
        let d = dt[y as usize];
        if on_path[y as usize] || d == INF || 1 + d as usize > left {
            continue;
        }
        on_path[y as usize] = true;
        path.push(y);
        dfs(adj, t, max_hops, dt, on_path, path, out, cap, truncated);
        path.pop();
        on_path[y as usize] = false;
        if *truncated {
            return;
        }
    }
}
