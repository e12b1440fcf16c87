// graph.js draws claims with Cytoscape: actors, claims, events, outlets and
// articles as nodes; edges carry what a speaker did ("accused", "told AFP").
// app.js owns the data; this file only turns it into elements and styles.
"use strict";

const ACTS = ["assert", "accuse", "deny", "confirm", "acknowledge", "announce", "appeal", "warn",
  "denounce", "reject", "threaten", "promise", "predict", "question"];

// PAST labels edges as a reader says it, matching the API's /v1/graph.
const PAST = { assert: "said", accuse: "accused", deny: "denied", confirm: "confirmed",
  acknowledge: "acknowledged", announce: "announced", appeal: "appealed", warn: "warned",
  denounce: "denounced", reject: "rejected", threaten: "threatened", promise: "promised",
  predict: "predicted", question: "questioned" };

// Hostile acts share the accusation's red so that they stand out; denials
// are purple, agreement green, the rest grey.
const ACT_COLOR = { accuse: "#d32f2f", denounce: "#d32f2f", threaten: "#d32f2f", warn: "#e57373",
  deny: "#5e35b1", reject: "#5e35b1", confirm: "#388e3c", acknowledge: "#388e3c" };
const actColor = act => ACT_COLOR[act] || "#78909c";

const TYPE_STYLE = {
  actor: { color: "#1e88e5", shape: "ellipse", label: "Actor" },
  claim: { color: "#fff", shape: "diamond", label: "Claim (colour: speech act)" },
  event: { color: "#fb8c00", shape: "round-rectangle", label: "Event" },
  outlet: { color: "#8e24aa", shape: "hexagon", label: "Outlet" },
  article: { color: "#bdbdbd", shape: "rectangle", label: "Article" },
};

const STYLE = [
  { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-wrap": "ellipsis",
    "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 3, "width": 26, "height": 26,
    "border-width": 1, "border-color": "#37474f", "text-background-color": "#fff",
    "text-background-opacity": 0.7, "text-background-padding": 1 } },
  ...Object.entries(TYPE_STYLE).map(([type, s]) => ({ selector: `node[type="${type}"]`,
    style: { "background-color": s.color, "shape": s.shape } })),
  { selector: 'node[type="actor"]', style: { "width": "mapData(weight, 1, 30, 26, 60)", "height": "mapData(weight, 1, 30, 26, 60)", "font-weight": "bold" } },
  { selector: 'node[type="claim"]', style: { "width": 18, "height": 18, "background-color": "data(color)", "font-size": 9, "color": "#555" } },
  { selector: 'node[type="claim"][act="accuse"]', style: { "width": 28, "height": 28, "border-width": 3, "border-color": "#b71c1c", "color": "#b71c1c", "font-weight": "bold" } },
  { selector: 'node[type="article"]', style: { "width": 16, "height": 20, "font-size": 9, "color": "#777" } },
  { selector: "node.focus", style: { "border-width": 4, "border-color": "#ffab00" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#000" } },
  { selector: "edge", style: { "width": 1.5, "line-color": "#b0bec5", "target-arrow-color": "#b0bec5",
    "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.8, "label": "data(label)",
    "font-size": 9, "color": "#455a64", "text-rotation": "autorotate", "text-background-color": "#fff",
    "text-background-opacity": 0.8 } },
  { selector: "edge[color]", style: { "line-color": "data(color)", "target-arrow-color": "data(color)" } },
  { selector: 'edge[act="accuse"]', style: { "width": 3.5, "font-weight": "bold", "color": "#b71c1c" } },
  { selector: "edge[weight]", style: { "width": "mapData(weight, 1, 20, 1.5, 8)" } },
  { selector: 'edge[kind="source"]', style: { "line-style": "dotted", "label": "" } },
];

// newGraph starts Cytoscape in container with the fcose layout registered.
function newGraph(container) {
  if (window.cytoscapeFcose) cytoscape.use(cytoscapeFcose);
  return cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 3 });
}

// drawLegend lists node types and act colours, in HTML so it is readable
// by screen readers and in screenshots alike.
function drawLegend(ul) {
  const item = (sw, text) => { const li = document.createElement("li"); li.append(sw, text); ul.append(li); };
  for (const s of Object.values(TYPE_STYLE)) {
    const sw = document.createElement("span");
    sw.className = "sw";
    sw.style.background = s.color;
    if (s.shape === "ellipse") sw.style.borderRadius = "50%";
    item(sw, s.label);
  }
  for (const [text, color] of [["accused, denounced, threatened", "#d32f2f"], ["denied, rejected", "#5e35b1"],
    ["confirmed, acknowledged", "#388e3c"], ["said and the rest", "#78909c"]]) {
    const sw = document.createElement("span");
    sw.className = "sw line";
    sw.style.borderColor = color;
    item(sw, text);
  }
}

// claimElements turns claims into nodes and edges: speaker → claim (the
// act), claim → target, event, outlet ("told AFP") and article.
function claimElements(claims, { hideArticles }) {
  const nodes = new Map(), edges = new Map();
  const node = (id, type, label, extra) => {
    const n = nodes.get(id);
    if (n) { n.weight++; return; }
    nodes.set(id, { id, type, label, weight: 1, ...extra });
  };
  const edge = (source, target, label, extra) => {
    const id = source + "|" + target + "|" + label;
    if (!edges.has(id)) edges.set(id, { id, source, target, label, ...extra });
  };
  for (const c of claims) {
    const act = c.speech_act, color = actColor(act);
    node(c.iri, "claim", c.cue.text || PAST[act] || act, { act, color, claim: c.id });
    for (const a of c.speaker.entities || []) {
      node(a.iri, "actor", a.name);
      edge(a.iri, c.iri, PAST[act] || act, { act, color });
    }
    for (const a of c.targets || []) {
      node(a.iri, "actor", a.name);
      edge(c.iri, a.iri, "about", { act, color });
    }
    if (c.event) { node(c.event.iri, "event", c.event.label); edge(c.iri, c.event.iri, "about", { act, color }); }
    if (c.outlet) { node(c.outlet.iri, "outlet", c.outlet.name); edge(c.iri, c.outlet.iri, "told " + c.outlet.name); }
    if (!hideArticles && c.article) {
      node(c.article, "article", "article " + (c.date ? c.date.slice(0, 10) : c.article.slice(-6)));
      edge(c.iri, c.article, "in", { kind: "source" });
    }
  }
  return [...[...nodes.values()].map(data => ({ group: "nodes", data })),
    ...[...edges.values()].map(data => ({ group: "edges", data }))];
}

// relationElements draws the who-addressed-whom matrix of /v1/relations:
// the first view, before anything is chosen.
function relationElements(rels) {
  const nodes = new Map(), edges = [];
  for (const r of rels) {
    for (const a of [r.speaker, r.target]) {
      const n = nodes.get(a.iri) || { id: a.iri, type: "actor", label: a.name, weight: 0 };
      n.weight += r.count;
      nodes.set(a.iri, n);
    }
    edges.push({ id: `${r.speaker.iri}|${r.target.iri}|${r.act}`, source: r.speaker.iri, target: r.target.iri,
      label: `${PAST[r.act] || r.act} ×${r.count}`, act: r.act, color: actColor(r.act), weight: r.count });
  }
  return [...[...nodes.values()].map(data => ({ group: "nodes", data })),
    ...edges.map(data => ({ group: "edges", data }))];
}

// render replaces the graph's elements and lays them out; resolves when the
// layout has stopped, which is when the page counts as drawn.
function render(cy, elements, focus) {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    for (const id of focus) cy.getElementById(id).addClass("focus");
  });
  return new Promise(resolve => {
    if (cy.nodes().length === 0) { resolve(); return; }
    // fcose's draft (spectral only) is a fraction of the time on big views
    // and still separates the clusters; smaller ones get the full refinement.
    const big = cy.nodes().length > 250;
    const layout = cy.layout({ name: window.cytoscapeFcose ? "fcose" : "cose", animate: false,
      quality: big ? "draft" : "default",
      randomize: true, nodeDimensionsIncludeLabels: true, idealEdgeLength: 90, nodeRepulsion: 9000,
      packComponents: !big, fit: true, padding: 30 });
    layout.one("layoutstop", () => resolve());
    layout.run();
  });
}
