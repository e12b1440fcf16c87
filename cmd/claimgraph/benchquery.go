package main

import (
	"cmp"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// benchKeysPerSet is how many keys a hot or a cold set holds; the timed
// requests go round them.
const benchKeysPerSet = 5

// benchKey is what one request asks about: a node (and for pairs a second
// one), or a search word. want is the answer's size known from the corpus,
// -1 where the corpus cannot tell (search goes through a stemming index).
type benchKey struct {
	a, b string
	want int
}

// benchQuery is one /v1 query with its baselines: the same answer through
// Gizmo and, on PostgreSQL, SQL over Cayley's tables. Each returns how many
// claims it found, to check they agree.
type benchQuery struct {
	name      string
	hot, cold []benchKey
	v1        func(benchKey) string // path and query string
	v1Count   func([]byte) (int, error)
	gizmo     func(benchKey) string // the script; nil: no baseline
	sql       func(benchKey) (string, []any)
}

// benchKeysOf counts, in the corpus, the claims each node (or pair, or
// word) has, for picking hot and cold keys and knowing the answers.
type benchCounts struct {
	speakers, pairs, events, outlets, targeted, words map[benchKey]int
}

func benchKeysOf(docs []fixtures.Doc) benchCounts {
	c := benchCounts{map[benchKey]int{}, map[benchKey]int{}, map[benchKey]int{}, map[benchKey]int{}, map[benchKey]int{}, map[benchKey]int{}}
	for _, d := range docs {
		if d.Article.Outlet != nil {
			c.outlets[benchKey{a: d.Article.Outlet.IRI}] += len(d.Claims)
		}
		for _, cl := range d.Claims {
			c.claim(cl)
		}
	}
	return c
}

func (c benchCounts) claim(cl schema.Claim) {
	for _, s := range cl.Speaker.Actors {
		c.speakers[benchKey{a: s.IRI}]++
		if len(cl.Targets) > 0 {
			c.targeted[benchKey{a: s.IRI}]++
		}
		for _, t := range cl.Targets {
			c.pairs[benchKey{a: s.IRI, b: t.IRI}]++
		}
	}
	if cl.Event != nil {
		c.events[benchKey{a: cl.Event.IRI}]++
	}
	if cl.Outlet != nil {
		c.outlets[benchKey{a: cl.Outlet.IRI}]++
	}
	seen := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(cl.Content.Text)) {
		if len(w) > 3 && !seen[w] {
			seen[w] = true
			c.words[benchKey{a: w}]++
		}
	}
}

// benchPick returns the busiest keys and the quietest ones (the tail),
// each with its count as want unless checked is false.
func benchPick(counts map[benchKey]int, checked bool) (hot, cold []benchKey) {
	keys := slices.Collect(maps.Keys(counts))
	slices.SortFunc(keys, func(x, y benchKey) int {
		return cmp.Or(cmp.Compare(counts[y], counts[x]), strings.Compare(x.a, y.a), strings.Compare(x.b, y.b))
	})
	for i, k := range keys {
		k.want = counts[k]
		if !checked {
			k.want = -1
		}
		keys[i] = k
	}
	n := min(benchKeysPerSet, len(keys))
	hot, cold = keys[:n], slices.Clone(keys[len(keys)-n:])
	slices.Reverse(cold)
	return hot, cold
}

// Predicates the baselines walk, as Gizmo and Cayley's SQL tables know them.
var (
	benchSpeaker, benchTarget, benchEvent = "<" + schema.PredSpeaker + ">", "<" + schema.PredTarget + ">", "<" + schema.PredEvent + ">"
	benchOutlet, benchPublisher           = "<" + schema.PredOutlet + ">", "<" + schema.PredPublish + ">"
	benchArticle                          = "<" + schema.PredArticle + ">"
)

// benchHash is the key of a node in Cayley's SQL tables: the SHA-1 of the
// value as Cayley writes it ("<iri>" for an IRI).
func benchHash(value string) []byte {
	h := sha1.Sum([]byte(value))
	return h[:]
}

// benchIRIHash is benchHash of an IRI.
func benchIRIHash(iri string) []byte { return benchHash("<" + iri + ">") }

// SQL floors: the claim IRIs, through Cayley's (object, predicate, subject)
// index, joined to the nodes table for their values.
const (
	benchSQLIn = `SELECT n.value_string FROM quads q JOIN nodes n ON n.hash = q.subject_hash
WHERE q.predicate_hash = $1 AND q.object_hash = $2`
	benchSQLPair = `SELECT n.value_string FROM quads s
JOIN quads t ON t.subject_hash = s.subject_hash AND t.predicate_hash = $3 AND t.object_hash = $4
JOIN nodes n ON n.hash = s.subject_hash WHERE s.predicate_hash = $1 AND s.object_hash = $2`
	benchSQLOutlet = benchSQLIn + ` UNION ALL SELECT n.value_string FROM quads a
JOIN quads c ON c.object_hash = a.subject_hash AND c.predicate_hash = $4
JOIN nodes n ON n.hash = c.subject_hash WHERE a.predicate_hash = $3 AND a.object_hash = $2`
	benchSQLTargeted = `SELECT DISTINCT n.value_string FROM quads s
JOIN quads t ON t.subject_hash = s.subject_hash AND t.predicate_hash = $3
JOIN nodes n ON n.hash = s.subject_hash WHERE s.predicate_hash = $1 AND s.object_hash = $2`
)

// benchQueries lists the measured queries: speaker, speaker+target, event,
// outlet, relations, search and graph neighbourhood.
func benchQueries(c benchCounts) []benchQuery {
	pe, qe := url.PathEscape, url.QueryEscape
	in := func(node, pred string) string { return `g.V("<` + node + `>").in("` + pred + `")` }
	h, hp := benchIRIHash, func(p string) []byte { return benchHash(p) }
	qs := []benchQuery{
		{name: "speaker", v1: func(k benchKey) string { return "/v1/claims?speaker=" + qe(k.a) }, v1Count: benchField("total"),
			gizmo: func(k benchKey) string { return in(k.a, benchSpeaker) + `.all()` },
			sql:   func(k benchKey) (string, []any) { return benchSQLIn, []any{hp(benchSpeaker), h(k.a)} }},
		{name: "speaker_target", v1: func(k benchKey) string { return "/v1/claims?speaker=" + qe(k.a) + "&target=" + qe(k.b) }, v1Count: benchField("total"),
			gizmo: func(k benchKey) string {
				return in(k.a, benchSpeaker) + `.intersect(` + in(k.b, benchTarget) + `).all()`
			},
			sql: func(k benchKey) (string, []any) {
				return benchSQLPair, []any{hp(benchSpeaker), h(k.a), hp(benchTarget), h(k.b)}
			}},
		{name: "event", v1: func(k benchKey) string { return "/v1/events/" + pe(k.a) }, v1Count: benchField("total"),
			gizmo: func(k benchKey) string { return in(k.a, benchEvent) + `.all()` },
			sql:   func(k benchKey) (string, []any) { return benchSQLIn, []any{hp(benchEvent), h(k.a)} }},
		// The outlet view counts the claims told to it and those in the
		// articles it published.
		{name: "outlet", v1: func(k benchKey) string { return "/v1/outlets/" + pe(k.a) }, v1Count: benchField("told", "claims"),
			gizmo: func(k benchKey) string {
				return in(k.a, benchOutlet) + `.all(); ` + in(k.a, benchPublisher) + `.in("` + benchArticle + `").all()`
			},
			sql: func(k benchKey) (string, []any) {
				return benchSQLOutlet, []any{hp(benchOutlet), h(k.a), hp(benchPublisher), hp(benchArticle)}
			}},
		// Relations counts the speaker's claims that have a target.
		{name: "relations", v1: func(k benchKey) string { return "/v1/relations?speaker=" + qe(k.a) }, v1Count: benchField("claims"),
			gizmo: func(k benchKey) string {
				return in(k.a, benchSpeaker) + `.tag("c").out("` + benchTarget + `").back("c").unique().all()`
			},
			sql: func(k benchKey) (string, []any) {
				return benchSQLTargeted, []any{hp(benchSpeaker), h(k.a), hp(benchTarget)}
			}},
		{name: "search", v1: func(k benchKey) string { return "/v1/search?q=" + qe(k.a) }, v1Count: benchField("total")},
		{name: "graph", v1: func(k benchKey) string { return "/v1/graph?focus=" + qe(k.a) + "&depth=1&limit=100" }, v1Count: benchNodes},
	}
	sets := []map[benchKey]int{c.speakers, c.pairs, c.events, c.outlets, c.targeted, c.words, c.speakers}
	for i := range qs {
		qs[i].hot, qs[i].cold = benchPick(sets[i], qs[i].name != "search" && qs[i].name != "graph")
	}
	return qs
}

// benchField reads an answer's size: the sum of its named integer fields.
func benchField(names ...string) func([]byte) (int, error) {
	return func(body []byte) (int, error) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			return 0, err
		}
		sum := 0
		for _, name := range names {
			var n int
			if err := json.Unmarshal(m[name], &n); err != nil {
				return 0, fmt.Errorf("field %q: %w", name, err)
			}
			sum += n
		}
		return sum, nil
	}
}

// benchNodes reads the size of a neighbourhood: its nodes.
func benchNodes(body []byte) (int, error) {
	var g struct{ Nodes []json.RawMessage }
	err := json.Unmarshal(body, &g)
	return len(g.Nodes), err
}

// benchResults reads the size of a Gizmo answer: its results.
func benchResults(body []byte) (int, error) {
	var r struct{ Result []json.RawMessage }
	err := json.Unmarshal(body, &r)
	return len(r.Result), err
}
