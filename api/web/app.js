// app.js is the explorer's state and data: it reads the URL, asks the JSON
// API for claims, and keeps the graph, the claim list and the side panel in
// step. The URL holds the whole view so that a view can be shared.
"use strict";

const $ = id => document.getElementById(id);
const LIMIT = 100; // claims a focus brings in: fcose stays quick and readable at a few hundred nodes

const state = { focus: [], q: "", act: "", from: "", to: "", outlet: "", hide: false, claim: "" };
let claims = new Map(); // the claims in view, by id
const cy = newGraph($("cy"));
window.cy = cy; // for the console and the browser tests

// readURL and writeURL keep state in the query string.
function readURL() {
  const p = new URLSearchParams(location.search);
  state.focus = p.getAll("focus");
  for (const k of ["q", "act", "from", "to", "outlet", "claim"]) state[k] = p.get(k) || "";
  state.hide = p.get("hide") === "articles";
  $("q").value = state.q || (state.focus.length === 1 ? labelOf(state.focus[0]) : "");
  for (const k of ["act", "from", "to", "outlet"]) $(k).value = state[k];
  $("hide-articles").checked = state.hide;
}
function writeURL(push) {
  const p = new URLSearchParams();
  for (const f of state.focus) p.append("focus", f);
  for (const k of ["q", "act", "from", "to", "outlet", "claim"]) if (state[k]) p.set(k, state[k]);
  if (state.hide) p.set("hide", "articles");
  const url = p.size ? "?" + p : location.pathname;
  push ? history.pushState(null, "", url) : history.replaceState(null, "", url);
}
const labelOf = iri => (cy.getElementById(iri).data("label")) || iri.split(":").pop();
const kindOf = iri => iri.split(":")[2];
const idOf = iri => iri.split(":").pop();

// api fetches JSON; a failure throws an Error carrying the API's message.
let pending = 0, done = 0;
async function api(path, init) {
  progress(++pending, done);
  try {
    let r;
    try { r = await fetch(path, init); } catch (e) { throw new Error(`${path}: network error: ${e.message}`); }
    const body = await r.json().catch(() => ({ error: `not JSON (HTTP ${r.status})` }));
    if (!r.ok) throw Object.assign(new Error(`${path.split("?")[0]}: ${body.error || r.statusText}`), { status: r.status });
    return body;
  } finally { progress(pending, ++done); }
}
function progress(p, d) {
  const bar = document.querySelector("#progress progress");
  if (d >= p) { pending = done = 0; bar.hidden = true; return; }
  bar.hidden = false; bar.max = p; bar.value = d;
  $("status").textContent = `Loading… ${d} of ${p} requests`;
}
function showError(e) { $("error").hidden = false; $("error").textContent = e.message; }
function setReady(ready) {
  // drawnMs is the first view's time from navigation, for the benchmark.
  if (ready && !document.body.dataset.drawnMs) document.body.dataset.drawnMs = Math.round(performance.now());
  document.body.dataset.ready = String(ready);
  document.querySelector("main").setAttribute("aria-busy", String(!ready));
}

// filterQuery is the API query for the filters, on top of extra.
function filterQuery(extra) {
  const p = new URLSearchParams(extra);
  for (const k of ["act", "from", "to", "outlet"]) if (state[k] && !p.has(k)) p.set(k, state[k]);
  return p;
}

// claimPaths are the requests that bring in the claims around a node.
function claimPaths(iri) {
  const q = extra => "/v1/claims?" + filterQuery({ ...extra, limit: LIMIT });
  switch (kindOf(iri)) {
    case "actor": return [q({ speaker: iri }), q({ target: iri })];
    case "event": return [q({ event: iri })];
    case "outlet": return [q({ outlet: iri })];
    case "article": return [q({ article: iri })];
  }
  return [];
}

// load fetches what the state asks for and redraws everything. A later
// load supersedes one still in flight: a quick second click wins.
let loads = 0;
async function load() {
  const gen = ++loads;
  setReady(false);
  $("error").hidden = true;
  try {
    if (!state.focus.length && !state.q) { await overview(() => gen === loads); return; }
    const paths = state.focus.flatMap(claimPaths);
    if (state.q) paths.push("/v1/search?" + filterQuery({ q: state.q, limit: LIMIT }));
    const pages = await Promise.all(paths.map(p => api(p)));
    if (gen !== loads) return;
    claims = new Map();
    for (const page of pages) for (const c of page.claims) claims.set(c.id, c);
    const more = pages.some(p => p.total > p.claims.length);
    const shown = [...claims.values()].sort((a, b) => (b.date || "").localeCompare(a.date || ""));
    renderList(shown);
    await drawing(shown.length);
    await render(cy, claimElements(shown, { hideArticles: state.hide }), state.focus);
    $("status").textContent = shown.length === 0 ? "No claims match." :
      `${shown.length} claims` + (more ? ` (the first ${LIMIT} of each node's; narrow the filters to see the rest)` : "") +
      ". Click a node to expand it, a claim to read it.";
    const sel = claims.get(state.claim);
    sel ? openPanel(sel) : closePanel();
  } catch (e) {
    if (gen !== loads) return;
    showError(e);
    $("status").textContent = "";
  } finally { if (gen === loads) setReady(true); }
}

// allRelations is the unfiltered who-addressed-whom matrix, asked for once:
// on a large store it is the slowest request, and both the first view and
// the busiest speakers come from it.
let allRelations;
const relations = () => allRelations ||= api("/v1/relations?limit=200");
function refreshBusiest() { allRelations = undefined; busiest().catch(showError); }

// drawing says the layout is running and lets the browser show it: a few
// hundred nodes take a moment.
function drawing(n) {
  $("status").textContent = `Drawing ${n} claims…`;
  return new Promise(requestAnimationFrame);
}

// overview draws the busiest who-addressed-whom cells: the first view.
async function overview(current) {
  const filtered = ["act", "from", "to", "outlet"].some(k => state[k]);
  const rel = await (filtered ? api("/v1/relations?" + filterQuery({ limit: 80 })) : relations());
  if (!current()) return;
  claims = new Map();
  renderList([]);
  closePanel();
  await render(cy, relationElements(rel.relations.slice(0, 80)), []);
  $("status").textContent = rel.claims ? `${rel.claims} claims with a target; the busiest pairs are drawn. ` +
    "Search, or click an actor to see its claims." : "The store is empty: add an article.";
}

// busiest lists the speakers with most claims as starting points.
async function busiest() {
  const rel = await relations();
  const count = new Map();
  for (const r of rel.relations) {
    const c = count.get(r.speaker.iri) || { a: r.speaker, n: 0 };
    c.n += r.count;
    count.set(r.speaker.iri, c);
  }
  $("busiest").replaceChildren(...[...count.values()].sort((x, y) => y.n - x.n).slice(0, 8).map(({ a, n }) => {
    const b = button(`${a.name} (${n})`, () => go({ focus: [a.iri], q: "", claim: "" }));
    b.dataset.iri = a.iri;
    return b;
  }));
}

// go changes the state, records it in the history and reloads.
function go(change) { Object.assign(state, change); writeURL(true); return load(); }
function expand(iri) { if (!state.focus.includes(iri)) go({ focus: [...state.focus, iri] }); }

function button(text, onclick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onclick);
  return b;
}
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}
const names = as => (as || []).map(a => a.name).join(", ");

// renderList fills the accessible list of the claims in view.
function renderList(list) {
  $("count").textContent = `(${list.length})`;
  $("claims").replaceChildren(...list.map(c => {
    const li = el("li"), b = el("button");
    b.type = "button";
    b.dataset.id = c.id;
    b.dataset.act = c.speech_act;
    const to = names(c.targets);
    b.append(el("strong", "", names(c.speaker.entities) || c.speaker.text), " ", el("span", "act " + c.speech_act, c.speech_act),
      to ? ` → ${to}` : "", ": ", el("q", "content", c.content.text), " ",
      el("small", "", [c.date && c.date.slice(0, 10), c.outlet && "told " + c.outlet.name].filter(Boolean).join(" · ")));
    b.addEventListener("click", () => { state.claim = c.id; writeURL(true); openPanel(c); });
    li.append(b);
    return li;
  }));
}

// Arrow keys walk the claim list; Home and End jump to its ends.
$("claims").addEventListener("keydown", e => {
  const items = [...$("claims").querySelectorAll("button")], i = items.indexOf(document.activeElement);
  const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
  if (to === undefined || i < 0 || !items[to]) return;
  e.preventDefault();
  items[to].focus();
});

cy.on("tap", "node", e => {
  const d = e.target.data();
  if (d.type === "claim") { state.claim = d.claim; writeURL(true); openPanel(claims.get(d.claim)); } else expand(d.id);
});

$("search").addEventListener("submit", async e => {
  e.preventDefault();
  const q = $("q").value.trim();
  if (!q) return;
  setReady(false);
  try {
    // A name of an actor, event or outlet focuses it; anything else is words.
    const g = await api("/v1/graph?" + new URLSearchParams({ focus: q, depth: 1, limit: 1 }));
    await go({ focus: [g.nodes[0].id], q: "", claim: "" });
  } catch (err) {
    if (err.status === 404) await go({ focus: [], q, claim: "" });
    else { showError(err); setReady(true); }
  }
});
$("filters").addEventListener("change", () => {
  go({ act: $("act").value, from: $("from").value, to: $("to").value, outlet: $("outlet").value.trim(),
    hide: $("hide-articles").checked });
});
$("filters").addEventListener("submit", e => e.preventDefault());
$("clear").addEventListener("click", () => {
  $("filters").reset();
  $("q").value = "";
  go({ focus: [], q: "", act: "", from: "", to: "", outlet: "", hide: false, claim: "" });
});
window.addEventListener("popstate", () => { readURL(); load(); });

for (const a of ACTS) $("act").add(new Option(a, a));
drawLegend($("legend"));
initPanel();
readURL();
busiest().catch(showError);
load();
