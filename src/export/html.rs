//! The evidence browser: `NAME.html`, one self-contained page to explore the
//! graph and read every sentence behind an edge.
//!
//! Why a page: an analyst trusts an edge only after reading the sentence
//! behind it. The SVG shows the edges but not their claims; the GraphML
//! holds the claims but needs a tool. The page opens by double-click in any
//! browser, offline: the graph drawn (pan, zoom, drag), a click on an edge
//! lists its claims (the sentence as written, right to left, the trigger and
//! both entities marked), a click on a node lists its relations, a search
//! box finds an actor by id, English name or any Arabic alias, and filters
//! (relation families and relations, affirmed/negated, minimum articles, a
//! date range) show the graph as it stood between two dates.
//!
//! What is in the page, all inline (no request leaves it; a
//! Content-Security-Policy of `default-src 'none'` makes sure):
//!
//! - the data, as JSON in `<script type="application/json"
//!   id="actorgraph-data">`, with `<`, `>`, `&`, U+2028 and U+2029 written
//!   as `\u` escapes, so no article text can close the tag or start
//!   markup ([`script_json`]); the page reads it with `JSON.parse` and puts
//!   every piece of text in with `textContent`, never as HTML;
//! - the viewer, `viewer/dist/viewer.js`: cytoscape.js and the page's own
//!   code (`viewer/src/`), bundled by esbuild; rebuilt by
//!   `viewer/build.sh` from `viewer/package-lock.json`, committed, and
//!   embedded here with `include_str!`, so building the crate needs no npm;
//! - its stylesheet, `viewer/src/viewer.css`, and the page skeleton,
//!   `viewer/src/page.html`.
//!
//! Done here rather than in the page, so the page only draws and filters:
//!
//! - positions ([`super::layout`]: ForceAtlas 2, then overlap removal), so
//!   the page opens drawn and the map stays put while filters change;
//! - the folded names of each node ([`HtmlOptions::names`], from
//!   `query::Resolver::names_by_node`: ids, labels and every alias of the
//!   lexicon, folded by `text::normalize_str`), so the page folds only the
//!   query, with a port of the same fold (`viewer/src/fold.js`, checked
//!   against Rust's in `tests/export_html.rs`);
//! - where in each sentence the trigger and the two entities are (the
//!   lexicon's matcher run on the sentence; an entity counts when it is the
//!   node or rolls up into it), as UTF-16 offsets for JavaScript strings.
//!
//! The data: `nodes` (id, labels, kind, parent, position, size, names),
//! `edges` (source and target as node indices, relation, `neg`, and `ev`:
//! the claims, each `{a: article index, d: date or null, n: sentence, x:
//! sentence text, g: trigger, h: [[start, end, 0 trigger | 1 subject | 2
//! object]], sv/ov: {x: antecedent text, n: its sentence} when the side was
//! named through a reference}), `articles` (ids, each once), `relations`,
//! `kinds` and `families` (the styles of the DOT drawing, so both drawings
//! agree). The same graph gives the same bytes.

use super::dot::{family_color, kind_style, Labels};
use super::layout::{layout, seed_of, LayoutNode};
use crate::extract::coref::Via;
use crate::extract::Polarity;
use crate::graph::views::RollUp;
use crate::graph::{Evidence, KnowledgeGraph, Level};
use crate::lexicon::{Lexicon, Target};
use crate::matcher::Matcher;
use crate::text::{normalize, normalize_str};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The bundled viewer (cytoscape.js and `viewer/src/*.js`), built by
/// `viewer/build.sh`.
pub const VIEWER_JS: &str = include_str!("viewer/dist/viewer.js");
/// The page's stylesheet.
pub const VIEWER_CSS: &str = include_str!("viewer/src/viewer.css");
/// The page skeleton, with `{{TITLE}}`, `{{CSS}}`, `{{DATA}}` and `{{JS}}`
/// marks.
pub const PAGE: &str = include_str!("viewer/src/page.html");

/// The most edges a page is written for: cytoscape.js draws 20,000 in
/// seconds (`benches/html_size.sh`), a million would be a gigabyte page no
/// browser opens.
pub const MAX_EDGES: usize = 100_000;

/// The version of the data layout in the page.
pub const FORMAT: u32 = 1;

/// What the page shows first.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// The labels shown at first (the page can switch).
    pub labels: Labels,
    /// The page title; else "actorgraph".
    pub title: Option<String>,
    /// The level the graph was rolled up to (`build --level`): a name in a
    /// sentence is marked as the subject or object when it rolls up to it.
    pub level: Level,
    /// Folded names of each node, by node index (`query::Resolver::
    /// names_by_node`). Without them the page searches ids and labels.
    pub names: Option<Vec<Vec<String>>>,
}

#[derive(Serialize)]
struct Page<'a> {
    format: u32,
    generator: String,
    title: &'a str,
    labels: &'static str,
    claims: usize,
    kinds: BTreeMap<&'a str, KindStyle>,
    families: BTreeMap<&'a str, &'static str>,
    relations: BTreeMap<&'a str, Rel>,
    articles: Vec<&'a str>,
    nodes: Vec<PNode<'a>>,
    edges: Vec<PEdge<'a>>,
}

#[derive(Serialize)]
struct KindStyle {
    /// box, hexagon, ellipse, house, round-box (the DOT shape and style)
    shape: &'static str,
    fill: &'static str,
    bold: bool,
    dashed: bool,
}

#[derive(Serialize)]
struct Rel {
    en: String,
    ar: String,
    family: String,
    symmetric: bool,
}

#[derive(Serialize)]
struct PNode<'a> {
    id: &'a str,
    en: &'a str,
    ar: &'a str,
    kind: &'a str,
    parent: Option<&'a str>,
    x: f64,
    y: f64,
    size: f64,
    names: Vec<String>,
}

#[derive(Serialize)]
struct PEdge<'a> {
    s: usize,
    t: usize,
    r: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    neg: bool,
    ev: Vec<PEv<'a>>,
}

#[derive(Serialize)]
struct PEv<'a> {
    a: usize,
    d: Option<&'a str>,
    n: usize,
    x: &'a str,
    g: &'a str,
    h: Vec<[usize; 3]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sv: Option<PVia<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ov: Option<PVia<'a>>,
}

#[derive(Serialize)]
struct PVia<'a> {
    x: &'a str,
    n: usize,
}

impl<'a> From<&'a Via> for PVia<'a> {
    fn from(v: &'a Via) -> Self {
        PVia { x: &v.text, n: v.sentence }
    }
}

/// Drawn diameter of a node of `degree` neighbours in a graph of `order`
/// nodes, in pixels: smaller in a big graph, where it is seen from afar and
/// its edges must show between the nodes.
pub fn node_size(degree: usize, order: usize) -> f64 {
    if order > super::layout::LABEL_BOXES_MAX {
        (8.0 + 3.0 * (degree as f64).sqrt()).min(40.0)
    } else {
        (20.0 + 5.0 * (degree as f64).sqrt()).min(60.0)
    }
}

fn shape(kind: &str) -> KindStyle {
    let (shape, style, fill) = kind_style(kind);
    let rounded = style.contains("rounded");
    KindStyle {
        shape: match shape {
            "box" if rounded => "round-box",
            s => s,
        },
        fill,
        bold: style.contains("bold"),
        dashed: style.contains("dashed"),
    }
}

/// Where the trigger and the two entities are in one sentence.
struct Marker<'l> {
    lex: &'l Lexicon,
    matcher: Matcher,
    /// What a name is at the graph's level (Damascus is Damascus at entity
    /// level, Syria at state level).
    roll_up: RollUp,
    /// entity -> the node it is, and the node it speaks for (a capital for
    /// its state), at the graph's level
    stands_for: HashMap<usize, [Option<String>; 2]>,
}

impl<'l> Marker<'l> {
    fn new(lex: &'l Lexicon, level: Level) -> Marker<'l> {
        Marker { lex, matcher: Matcher::new(lex), roll_up: RollUp::new(lex, level), stands_for: HashMap::new() }
    }

    fn stands_for(&mut self, e: usize) -> &[Option<String>; 2] {
        let (lex, roll_up) = (self.lex, &self.roll_up);
        self.stands_for.entry(e).or_insert_with(|| [Some(roll_up.of(&lex.entities[e].id)), lex.entities[e].agent_as.map(|a| roll_up.of(&lex.entities[a].id))])
    }

    /// `[start, end, class]` in UTF-16 units of `ev.text`: 0 the trigger,
    /// 1 the subject, 2 the object; sorted, never overlapping.
    fn marks(&mut self, ev: &Evidence, subject: &str, object: &str) -> Vec<[usize; 3]> {
        let text = ev.text.as_str();
        let mut bytes: Vec<(usize, usize, usize)> = Vec::new();
        let norm = normalize(text);
        let mut entities: Vec<(usize, usize, usize)> = Vec::new();
        // names that are the subject or object, and names that speak for
        // one (used only when the side is not named itself)
        let mut voices: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.matcher.find(&norm.text) {
            let Target::Entity(e) = self.lex.surfaces[m.surface].target else { continue };
            let r = norm.original_range(m.span.start..m.form_end);
            let end = trim_end(text, r.start, r.end);
            if end <= r.start {
                continue;
            }
            let [own, voice] = self.stands_for(e);
            let is = |n: &Option<String>, id: &str| n.as_deref() == Some(id);
            if is(own, subject) {
                entities.push((r.start, end, 1));
            } else if is(own, object) {
                entities.push((r.start, end, 2));
            } else if is(voice, subject) {
                voices.push((r.start, end, 1));
            } else if is(voice, object) {
                voices.push((r.start, end, 2));
            }
        }
        for class in [1, 2] {
            if !entities.iter().any(|m| m.2 == class) {
                entities.extend(voices.iter().filter(|m| m.2 == class));
            }
        }
        entities.sort_unstable();
        if !ev.trigger.is_empty() {
            // the trigger as written; the first place it does not cover a name
            let found = text.match_indices(ev.trigger.as_str()).map(|(i, t)| (i, i + t.len())).find(|&(s, e)| !entities.iter().any(|&(a, b, _)| s < b && a < e));
            let found = found.or_else(|| text.find(ev.trigger.as_str()).map(|i| (i, i + ev.trigger.len())));
            if let Some((s, e)) = found {
                bytes.push((s, e, 0));
            }
        }
        for m in entities {
            if !bytes.iter().any(|&(a, b, _)| m.0 < b && a < m.1) {
                bytes.push(m);
            }
        }
        bytes.sort_unstable();
        let utf16 = |b: usize| text[..b].encode_utf16().count();
        bytes.into_iter().map(|(s, e, c)| [utf16(s), utf16(e), c]).collect()
    }
}

/// The end of a marked name without the spaces or punctuation that folding
/// may have carried into it.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    start + s.trim_end_matches(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && !('\u{064B}'..='\u{065F}').contains(&c) && c != '\u{0670}' && c != 'ـ')).len()
}

/// JSON that is safe inside `<script type="application/json">`: `<`, `>`
/// and `&` (so `</script>` and `<!--` cannot occur) and the two JavaScript
/// line terminators are `\u` escapes. They can only occur inside JSON
/// strings, where the escape means the same character.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML element content and attribute values.
pub fn html_text(s: &str) -> String {
    let s = crate::graph::clean_text(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's data as JSON (plain JSON, before [`script_json`]).
pub fn page_json(g: &KnowledgeGraph, lex: Option<&Lexicon>, opts: &HtmlOptions) -> String {
    let nodes = g.sorted_nodes();
    let pos_of: HashMap<_, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges = g.sorted_edges();
    // degrees and links for the layout: one link per edge, part_of included
    let mut neighbours: Vec<std::collections::BTreeSet<usize>> = vec![Default::default(); nodes.len()];
    let mut links = Vec::with_capacity(edges.len());
    for &e in &edges {
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let (s, t) = (pos_of[&s], pos_of[&t]);
        if s != t {
            neighbours[s].insert(t);
            neighbours[t].insert(s);
            links.push((s, t, 1.0));
        }
    }
    let label_w = |s: &str| 6.5 * s.chars().count() as f64 + 8.0;
    let lnodes: Vec<LayoutNode> = nodes
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let w = &g.graph[n];
            LayoutNode { seed: seed_of(&w.id), size: node_size(neighbours[i].len(), nodes.len()), label: (label_w(&w.label).max(label_w(&w.label_ar)), 30.0) }
        })
        .collect();
    let positions = layout(&lnodes, &links);

    let mut marker = lex.map(|l| Marker::new(l, opts.level));
    let mut articles: Vec<&str> = g.graph.edge_weights().flat_map(|e| e.evidence.iter().map(|ev| ev.article.as_str())).collect();
    articles.sort_unstable();
    articles.dedup();
    let article_index: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (*a, i)).collect();

    let mut kinds = BTreeMap::new();
    let mut pnodes = Vec::with_capacity(nodes.len());
    for (i, &n) in nodes.iter().enumerate() {
        let w = &g.graph[n];
        kinds.entry(w.kind.as_str()).or_insert_with(|| shape(&w.kind));
        let names = match opts.names.as_ref().and_then(|v| v.get(n.index())) {
            Some(v) => v.clone(),
            None => {
                let mut v: Vec<String> = [normalize_str(&w.id).replace([' ', '-'], "_"), normalize_str(&w.label), normalize_str(&w.label_ar)].into_iter().filter(|s| !s.is_empty()).collect();
                v.sort();
                v.dedup();
                v
            }
        };
        pnodes.push(PNode {
            id: &w.id,
            en: &w.label,
            ar: &w.label_ar,
            kind: &w.kind,
            parent: w.parent.as_deref(),
            x: positions[i][0],
            y: positions[i][1],
            size: lnodes[i].size,
            names,
        });
    }
    let mut families: BTreeMap<&str, &'static str> = BTreeMap::new();
    let mut relations = BTreeMap::new();
    let mut pedges = Vec::with_capacity(edges.len());
    let mut claims = 0;
    for &e in &edges {
        let (s, t) = g.graph.edge_endpoints(e).unwrap();
        let w = &g.graph[e];
        families.entry(w.family.as_str()).or_insert_with(|| family_color(&w.family));
        if !relations.contains_key(w.relation.as_str()) {
            let info = g.relation_info(&w.relation);
            let family = if g.relations.contains_key(&w.relation) { info.family } else { w.family.clone() };
            relations.insert(w.relation.as_str(), Rel { en: info.en, ar: info.ar, family, symmetric: info.symmetric || w.symmetric });
        }
        let (sid, tid) = (g.graph[s].id.as_str(), g.graph[t].id.as_str());
        claims += w.evidence.len();
        let ev = w
            .evidence
            .iter()
            .map(|ev| PEv {
                a: article_index[ev.article.as_str()],
                d: ev.date.as_deref(),
                n: ev.sentence,
                x: &ev.text,
                g: &ev.trigger,
                h: marker.as_mut().map(|m| m.marks(ev, sid, tid)).unwrap_or_default(),
                sv: ev.subject_via.as_ref().map(PVia::from),
                ov: ev.object_via.as_ref().map(PVia::from),
            })
            .collect();
        pedges.push(PEdge { s: pos_of[&s], t: pos_of[&t], r: &w.relation, neg: w.polarity == Polarity::Negated, ev });
    }
    let page = Page {
        format: FORMAT,
        generator: format!("actorgraph {}", env!("CARGO_PKG_VERSION")),
        title: opts.title.as_deref().unwrap_or("actorgraph"),
        labels: match opts.labels {
            Labels::En => "en",
            Labels::Ar => "ar",
            Labels::Both => "both",
        },
        claims,
        kinds,
        families,
        relations,
        articles,
        nodes: pnodes,
        edges: pedges,
    };
    serde_json::to_string(&page).expect("page data serialises")
}

/// The page: skeleton, stylesheet, data and viewer, as one string.
pub fn to_html(g: &KnowledgeGraph, lex: Option<&Lexicon>, opts: &HtmlOptions) -> String {
    let data = script_json(&page_json(g, lex, opts));
    let title = html_text(opts.title.as_deref().unwrap_or("actorgraph"));
    let mut out = String::with_capacity(PAGE.len() + VIEWER_CSS.len() + VIEWER_JS.len() + data.len() + 64);
    // fill the marks of the skeleton in one pass: what is put in is never
    // searched for marks again
    let mut rest = PAGE;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        match &after[..j] {
            "TITLE" => out.push_str(&title),
            "CSS" => out.push_str(VIEWER_CSS),
            "DATA" => out.push_str(&data),
            "JS" => out.push_str(VIEWER_JS),
            other => {
                out.push_str("{{");
                out.push_str(other);
                out.push_str("}}");
            }
        }
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_tag() {
        let j = serde_json::to_string("</script><script>alert(1)</script> <!-- & \u{2028}\u{2029}").unwrap();
        let s = script_json(&j);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&') && !s.contains('\u{2028}'));
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script> <!-- & \u{2028}\u{2029}");
    }

    #[test]
    fn the_assets_cannot_end_their_own_tags() {
        let js = VIEWER_JS.to_ascii_lowercase();
        assert!(!js.contains("</script") && !js.contains("<!--") && !js.contains("<script"), "the bundled viewer must not hold </script, <!-- or <script (esbuild escapes them in strings)");
        assert!(!VIEWER_CSS.to_ascii_lowercase().contains("</style"));
        for mark in ["{{TITLE}}", "{{CSS}}", "{{DATA}}", "{{JS}}"] {
            assert!(PAGE.contains(mark), "{mark}");
        }
    }

    #[test]
    fn html_text_escapes_markup() {
        assert_eq!(html_text("a<b>&\"c\"'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;");
    }

    #[test]
    fn marks_are_utf16_offsets_of_trigger_and_entities() {
        let lex = crate::graph::fixture::sample_lexicon();
        let mut m = Marker::new(&lex, Level::Entity);
        let text = "😀 وقصفت إيران مواقع لتنظيم الدولة قرب البوكمال.";
        let ev = Evidence { article: "a".into(), text: text.into(), trigger: "قصفت".into(), ..Default::default() };
        let marks = m.marks(&ev, "iran", "isis");
        let u: Vec<u16> = text.encode_utf16().collect();
        let got: Vec<(String, usize)> = marks.iter().map(|&[s, e, c]| (String::from_utf16(&u[s..e]).unwrap(), c)).collect();
        assert!(got.contains(&("قصفت".to_string(), 0)), "{got:?}");
        assert!(got.contains(&("إيران".to_string(), 1)), "{got:?}");
        assert!(got.iter().any(|(s, c)| s.contains("تنظيم الدولة") && *c == 2), "{got:?}");
        // Al-Bukamal is itself at entity level: it is not Syria
        assert!(!m.marks(&ev, "iran", "syria").iter().any(|&[_, _, c]| c == 2));
        // at state level it stands for Syria
        let mut m = Marker::new(&lex, Level::State);
        let marks = m.marks(&ev, "iran", "syria");
        assert!(marks.iter().any(|&[s, e, c]| c == 2 && String::from_utf16(&u[s..e]).unwrap().contains("البوكمال")), "{marks:?}");
    }
}
