package api_test

import "net/http"

// viewCases are the query endpoints' table tests over the view article.
var viewCases = []viewCase{
	// Actors roll up their members by default; claims filters do not.
	{"actor rollup", "/v1/actors/Azerbaijan", http.StatusOK, map[string]any{
		"rollup": true, "#members": 1.0, "members.0.name": "Leyla Abdullayeva", "said": 1.0, "about": 1.0,
		"speaker_claims.0.speech_act": "deny"}},
	{"actor exact", "/v1/actors/azerbaijan?rollup=false", http.StatusOK, map[string]any{
		"rollup": false, "#members": 0.0, "said": 0.0, "about": 1.0}},
	{"actor bad rollup", "/v1/actors/Azerbaijan?rollup=maybe", http.StatusBadRequest, map[string]any{"code": "bad_request"}},
	{"actor unknown param", "/v1/actors/Azerbaijan?roll=1", http.StatusBadRequest, map[string]any{"code": "bad_request"}},
	{"claims rollup", "/v1/claims?speaker=azerbaijan&rollup=true", http.StatusOK, map[string]any{"total": 1.0, "claims.0.speech_act": "deny"}},
	{"claims exact", "/v1/claims?speaker=azerbaijan", http.StatusOK, map[string]any{"total": 0.0}},

	{"relations", "/v1/relations", http.StatusOK, map[string]any{"total": 3.0, "claims": 3.0,
		"relations.0.speaker.name": "Armenia", "relations.0.target.name": "Azerbaijan", "relations.0.act": "accuse",
		"relations.0.count": 1.0, "relations.0.first": "2020-10-08T09:00:00Z", "relations.0.last": "2020-10-08T09:00:00Z"}},
	{"relations target", "/v1/relations?target=armenia", http.StatusOK, map[string]any{"total": 2.0}},
	{"relations rollup", "/v1/relations?speaker=azerbaijan&rollup=true", http.StatusOK, map[string]any{"total": 1.0,
		"relations.0.speaker.name": "Azerbaijan", "relations.0.target.name": "Armenia", "relations.0.act": "deny"}},
	{"relations bad act", "/v1/relations?act=shout", http.StatusBadRequest, map[string]any{"code": "bad_request"}},
	{"relations unknown speaker", "/v1/relations?speaker=nobody", http.StatusNotFound, map[string]any{"code": "not_found"}},
	{"relations no offset", "/v1/relations?offset=1", http.StatusBadRequest, map[string]any{"code": "bad_request"}},

	{"event", "/v1/events/cathedral%20shelling", http.StatusOK, map[string]any{"event.label": "cathedral shelling",
		"total": 2.0, "#sides": 2.0, "sides.0.speaker.name": "Armenia", "sides.0.acts.0.act": "accuse",
		"sides.1.acts.0.act": "deny", "sides.1.acts.0.claims.0.content.text": "Baku never targets cultural sites"}},
	{"event act", "/v1/events/cathedral-shelling?act=deny", http.StatusOK, map[string]any{"total": 1.0, "#sides": 1.0}},
	{"event unknown", "/v1/events/nope", http.StatusNotFound, map[string]any{"code": "not_found"}},
	{"event bad limit", "/v1/events/cathedral-shelling?limit=0", http.StatusBadRequest, map[string]any{"code": "bad_request"}},

	{"outlet", "/v1/outlets/AFP", http.StatusOK, map[string]any{"outlet.name": "AFP", "told": 1.0, "published": 1.0,
		"claims": 3.0, "told_claims.0.speech_act": "deny", "articles.0.url": "https://example.org/view", "articles.0.text": nil}},
	{"outlet limit", "/v1/outlets/afp?limit=1", http.StatusOK, map[string]any{"#told_claims": 1.0}},
	{"outlet unknown", "/v1/outlets/Reuters", http.StatusNotFound, map[string]any{"code": "not_found"}},
	{"outlet unknown param", "/v1/outlets/AFP?since=2020", http.StatusBadRequest, map[string]any{"code": "bad_request"}},

	{"search", "/v1/search?q=cultural", http.StatusOK, map[string]any{"total": 1.0, "claims.0.speech_act": "deny"}},
	{"search stemmed", "/v1/search?q=shelled", http.StatusOK, map[string]any{"total": 1.0, "claims.0.speech_act": "accuse"}},
	{"search filtered", "/v1/search?q=escalation&speaker=russia", http.StatusOK, map[string]any{"total": 1.0}},
	{"search filtered out", "/v1/search?q=escalation&speaker=armenia", http.StatusOK, map[string]any{"total": 0.0, "#claims": 0.0}},
	{"search no words", "/v1/search?speaker=armenia", http.StatusBadRequest, map[string]any{"code": "bad_request"}},
	{"search unknown speaker", "/v1/search?q=sites&speaker=nobody", http.StatusNotFound, map[string]any{"code": "not_found"}},

	{"graph", "/v1/graph?focus=Armenia", http.StatusOK, map[string]any{"nodes.0.label": "Armenia", "nodes.0.type": "actor",
		"#nodes": 6.0, "#edges": 6.0, "truncated": false}},
	{"graph outlet", "/v1/graph?focus=AFP", http.StatusOK, map[string]any{"nodes.0.type": "outlet",
		"edges.2.label": "told AFP", "#edges": 3.0}},
	{"graph limit", "/v1/graph?focus=Armenia&limit=2", http.StatusOK, map[string]any{"#nodes": 2.0, "truncated": true}},
	{"graph no focus", "/v1/graph", http.StatusBadRequest, map[string]any{"code": "bad_request"}},
	{"graph unknown focus", "/v1/graph?focus=nobody", http.StatusNotFound, map[string]any{"code": "not_found"}},
	{"graph deep", "/v1/graph?focus=Armenia&depth=9", http.StatusBadRequest, map[string]any{"code": "bad_request"}},

	{"openapi", "/openapi.json", http.StatusOK, map[string]any{"openapi": "3.0.3"}},
}
