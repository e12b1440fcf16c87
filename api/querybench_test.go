package api_test

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// benchSeed seeds the synthetic corpus of the query benchmark.
const benchSeed = 1

// benchClaims is the size of the query benchmark's store: 100k claims unless
// CLAIMGRAPH_BENCH_CLAIMS says otherwise (a smaller run to try it out).
func benchClaims(b *testing.B) int {
	if s := os.Getenv("CLAIMGRAPH_BENCH_CLAIMS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("CLAIMGRAPH_BENCH_CLAIMS=%q is not a positive number", s)
		}
		return n
	}
	return 100_000
}

// loadedStore opens a bolt store holding the corpus. Loading 100k claims
// takes minutes even in bulk, so the file is kept in the temporary
// directory and reused by later runs; a ".done" file marks a finished load.
func loadedStore(b *testing.B, docs []fixtures.Doc, n int) *graph.Store {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("claimgraph-bench-%d-%d", benchSeed, n), "claims.bolt")
	done := path + ".done"
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(filepath.Dir(path))
	}
	store, err := graph.Open(context.Background(), "bolt", path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	if _, err := os.Stat(done); err == nil {
		return store
	}
	start := time.Now()
	bulk := make([]graph.Doc, len(docs))
	for i, d := range docs {
		bulk[i] = graph.Doc(d)
	}
	if _, err := store.AddArticles(context.Background(), bulk); err != nil {
		b.Fatalf("load: %v", err)
	}
	b.Logf("loaded %d claims in %d articles into %s in %v", n, len(docs), path, time.Since(start))
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return store
}

// busiest returns the IRI of the node most claims name through get.
func busiest(docs []fixtures.Doc, get func(schema.Claim) []string) string {
	counts := map[string]int{}
	for _, d := range docs {
		for _, c := range d.Claims {
			for _, iri := range get(c) {
				counts[iri]++
			}
		}
	}
	var best string
	for iri, n := range counts {
		if n > counts[best] || (n == counts[best] && iri < best) {
			best = iri
		}
	}
	return best
}

// benchQueries are the /v1 queries measured, on the busiest nodes: the
// slowest case of each.
func benchQueries(docs []fixtures.Doc) []benchQuery {
	speaker := busiest(docs, func(c schema.Claim) []string { return []string{c.Speaker.Actors[0].IRI} })
	pair := busiest(docs, func(c schema.Claim) []string {
		if len(c.Targets) == 0 || c.Speaker.Actors[0].IRI != speaker {
			return nil
		}
		return []string{c.Targets[0].IRI}
	})
	event := busiest(docs, func(c schema.Claim) []string {
		if c.Event == nil {
			return nil
		}
		return []string{c.Event.IRI}
	})
	outlet := busiest(docs, func(c schema.Claim) []string {
		if c.Outlet == nil {
			return nil
		}
		return []string{c.Outlet.IRI}
	})
	return queriesFor(speaker, pair, event, outlet)
}

// queriesFor lists the measured queries about these nodes (IRIs).
func queriesFor(speaker, pair, event, outlet string) []benchQuery {
	e := url.QueryEscape
	get := func(name, path string) benchQuery { return benchQuery{name, "GET", path, ""} }
	// The same sets of claims through Cayley's /api/v2/query, as the baseline:
	// Gizmo returns the claim IRIs, where /v1 decodes a page of whole claims
	// and counts them all.
	giz := func(name, js string) benchQuery {
		return benchQuery{"gizmo-" + name, "POST", "/api/v2/query?lang=gizmo", js}
	}
	in := func(node, pred string) string { return `g.V("<` + node + `>").in("<` + pred + `>")` }
	return []benchQuery{
		get("speaker", "/v1/claims?speaker="+e(speaker)),
		giz("speaker", in(speaker, schema.PredSpeaker)+`.all()`),
		get("speaker+target", "/v1/claims?speaker="+e(speaker)+"&target="+e(pair)),
		giz("speaker+target", in(speaker, schema.PredSpeaker)+`.intersect(`+in(pair, schema.PredTarget)+`).all()`),
		get("actor-rollup", "/v1/actors/"+e(speaker)),
		get("event", "/v1/events/"+e(event)),
		giz("event", in(event, schema.PredEvent)+`.all()`),
		get("outlet", "/v1/outlets/"+e(outlet)),
		giz("outlet", in(outlet, schema.PredOutlet)+`.all()`),
		get("relations", "/v1/relations?speaker="+e(speaker)),
		get("search-rare", "/v1/search?q=tribunal+heritage"),
		get("search-common", "/v1/search?q=forces"),
		get("search+speaker", "/v1/search?q=shelling&speaker="+e(speaker)),
		get("graph", "/v1/graph?focus="+e(speaker)+"&depth=1&limit=100"),
	}
}

// benchQuery is one request of the query benchmark.
type benchQuery struct{ name, method, path, body string }

// BenchmarkQueries100k reports the p50 and p99 latency of each /v1 query on
// a bolt store of 100k synthetic claims:
//
//	go test -run '^$' -bench Queries100k -benchtime 50x -timeout 2h ./api/
func BenchmarkQueries100k(b *testing.B) {
	n := benchClaims(b)
	docs := fixtures.Corpus(benchSeed, n)
	h := api.New(loadedStore(b, docs, n), api.Options{})
	runQueries(b, h, benchQueries(docs))
}

// runQueries times each query and reports its p50 and p99.
func runQueries(b *testing.B, h http.Handler, qs []benchQuery) {
	for _, q := range qs {
		b.Run(q.name, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				start := time.Now()
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(q.method, q.path, strings.NewReader(q.body)))
				took = append(took, time.Since(start))
				if w.Code != http.StatusOK {
					b.Fatalf("%s %s: %d %s", q.method, q.path, w.Code, w.Body)
				}
			}
			slices.SortFunc(took, func(a, b time.Duration) int { return cmp.Compare(a, b) })
			pct := func(p int) float64 { return float64(took[(len(took)-1)*p/100]) / float64(time.Millisecond) }
			b.ReportMetric(pct(50), "p50-ms")
			b.ReportMetric(pct(99), "p99-ms")
		})
	}
}

// BenchmarkQueriesSeed is BenchmarkQueries100k on a bolt store holding the
// seed article alone, through the extractor like any posted article.
func BenchmarkQueriesSeed(b *testing.B) {
	store, err := graph.Open(context.Background(), "bolt", filepath.Join(b.TempDir(), "seed.bolt"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	h := api.New(store, api.Options{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "/v1/articles", strings.NewReader(mustJSON(b, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP"}))))
	var posted struct{ Claims []schema.Claim }
	decode(b, w.Body.Bytes(), &posted)
	c, ok := cathedral(posted.Claims)
	if !ok || c.Event == nil {
		b.Fatalf("the seed's cathedral claim has no event: %+v", c)
	}
	armenia, azerbaijan := schema.IRI(schema.KindActorNode, "armenia"), schema.IRI(schema.KindActorNode, "azerbaijan")
	runQueries(b, h, queriesFor(armenia, azerbaijan, c.Event.IRI, schema.IRI(schema.KindOutletNode, "afp")))
}
