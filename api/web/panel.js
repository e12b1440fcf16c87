// panel.js shows one claim beside the graph, with its source sentence and
// the spans highlighted, and runs the "Add article" dialog. Spans count
// Unicode code points, as the API does, so text is indexed via Array.from.
"use strict";

// highlighted returns text (as code points) with the spans wrapped: each
// span is {start, end, tag, cls, title}, relative to the text. Where spans
// overlap, the earlier one in the list wins.
function highlighted(text, spans) {
  const cp = Array.from(text), kept = [];
  for (const s of spans) {
    if (s.end <= s.start || s.start < 0 || s.end > cp.length) continue;
    if (kept.some(k => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  kept.sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const s of kept) {
    out.push(cp.slice(at, s.start).join(""));
    const e = document.createElement(s.tag);
    if (s.cls) e.className = s.cls;
    if (s.title) e.title = s.title;
    e.textContent = cp.slice(s.start, s.end).join("");
    out.push(e);
    at = s.end;
  }
  out.push(cp.slice(at).join(""));
  return out;
}

// openPanel shows claim c: who, what act, about whom and what, where from.
function openPanel(c) {
  if (!c) return closePanel();
  const s = c.sentence, rel = span => ({ start: span.start - s.start, end: span.end - s.start });
  const parts = s && s.text ? highlighted(s.text, [
    { ...rel(c.content), tag: "mark", title: "what was said" },
    { ...rel(c.cue), tag: "strong", cls: "cue", title: "cue" },
    { ...rel(c.speaker), tag: "span", cls: "spk", title: "speaker" },
  ]) : [Object.assign(document.createElement("mark"), { textContent: c.content.text })];
  $("sentence").replaceChildren(...parts);
  const facts = $("facts");
  facts.replaceChildren();
  const fact = (name, ...value) => {
    if (!value.length || value.every(v => v === "" || v == null)) return;
    const dd = document.createElement("dd");
    dd.append(...value);
    facts.append(Object.assign(document.createElement("dt"), { textContent: name }), dd);
  };
  const expandBtn = (label, iri) => { const b = button(label, () => expand(iri)); b.title = "Expand " + label; return b; };
  fact("Speaker", c.speaker.text ? `“${c.speaker.text}” ` : "", ...(c.speaker.entities || []).map(a => expandBtn(a.name, a.iri)));
  fact("Speech act", el("span", "act " + c.speech_act, c.speech_act), ` (“${c.cue.text}”)`,
    c.negated ? " negated" : "", c.direct_quote ? " · direct quote" : "");
  fact("Targets", ...(c.targets || []).map(a => expandBtn(a.name, a.iri)));
  fact("Event", ...(c.event ? [expandBtn(c.event.label, c.event.iri)] : []));
  fact("Told", ...(c.outlet ? [expandBtn(c.outlet.name, c.outlet.iri)] : []));
  fact("Date", c.date ? c.date.slice(0, 10) : "");
  fact("Article", expandBtn("show its claims", c.article));
  fact("Extractor", `${c.extractor} · confidence ${c.confidence} · ${c.review_status}`);
  const link = (text, href) => Object.assign(document.createElement("a"), { textContent: text, href });
  $("links").replaceChildren(link("Claim JSON", "/v1/claims/" + c.id), " · ",
    link("Article JSON", "/v1/articles/" + idOf(c.article)));
  $("panel").hidden = false;
  for (const b of $("claims").querySelectorAll("button")) b.setAttribute("aria-current", String(b.dataset.id === c.id));
  cy.$(":selected").unselect();
  cy.getElementById(c.iri).select();
}

function closePanel() {
  $("panel").hidden = true;
  cy.$(":selected").unselect();
  for (const b of $("claims").querySelectorAll("button[aria-current]")) b.removeAttribute("aria-current");
}
// initPanel wires the panel's and the dialog's controls; app.js calls it
// once its helpers exist.
function initPanel() {
  $("close-panel").addEventListener("click", () => { state.claim = ""; writeURL(true); closePanel(); });

  // The ingest dialog posts an article, shows its text with every claim's
  // content highlighted, and adds the article's claims to the graph.
  $("open-ingest").addEventListener("click", () => $("ingest").show());
  $("close-ingest").addEventListener("click", () => $("ingest").close());
  // A server with a token wants it on every write. The tab keeps it in
  // sessionStorage (gone with the tab, never in the URL), and the field
  // shows once the server has asked for it.
  const tokenKey = "claimgraph-token";
  if (sessionStorage.getItem(tokenKey)) {
    $("ingest-token").value = sessionStorage.getItem(tokenKey);
    $("token-row").hidden = false;
  }
  $("ingest-form").addEventListener("submit", async e => {
    e.preventDefault();
    const f = new FormData(e.target), body = {};
    for (const k of ["text", "url", "outlet", "published"]) if (f.get(k)) body[k] = f.get(k);
    const token = $("ingest-token").value.trim(), headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    $("ingest-status").textContent = "Extracting…";
    $("ingest-text").replaceChildren();
    try {
      const r = await api("/v1/articles", { method: "POST", headers, body: JSON.stringify(body) });
      if (token) sessionStorage.setItem(tokenKey, token);
      const n = r.claims.length;
      $("ingest-status").textContent = `${n} claim${n === 1 ? "" : "s"} found` +
        (r.created ? "; the article is stored" : "; this article was already stored") + (n ? " and drawn in the graph." : ".");
      $("ingest-text").replaceChildren(...highlighted(body.text, r.claims.map(c => ({ start: c.content.start, end: c.content.end,
        tag: "mark", cls: c.speech_act, title: `${names(c.speaker.entities) || c.speaker.text} ${PAST[c.speech_act] || c.speech_act}` }))));
      if (r.created) refreshBusiest();
    if (n) await go({ focus: [...state.focus.filter(x => x !== r.article.iri), r.article.iri], claim: "" });
    } catch (err) {
      if (err.status === 401) {
        sessionStorage.removeItem(tokenKey);
        $("token-row").hidden = false;
        $("ingest-status").textContent = token ? "The server refused this token: check it and try again." :
          "This server needs a token to add articles: enter it and try again.";
        $("ingest-token").focus();
        return;
      }
      $("ingest-status").textContent = err.message;
      showError(err);
    }
  });
}
