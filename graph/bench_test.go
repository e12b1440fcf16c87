package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/schema"
)

// benchArticles is the size of the synthetic corpus: one speaker (Russia)
// in every article, 50 targets in turn.
const benchArticles = 500

// benchStore fills a store of the backend with the synthetic corpus.
func benchStore(b *testing.B, backend string) *Store {
	b.Helper()
	s := openAt(b, backend, filepath.Join(b.TempDir(), "bench.bolt"))
	russia := schema.NewActor("Russia", schema.KindCountry)
	russia.Aliases = []string{"Moscow", "Kremlin"}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range benchArticles {
		text := fmt.Sprintf("Russia warned country %d about matter %d.", i%50, i)
		a := schema.NewArticle(text, fmt.Sprintf("https://example.org/%d", i))
		c := newClaim(b, a, "Russia", []schema.Actor{russia}, "warned",
			fmt.Sprintf("country %d about matter %d", i%50, i), text, schema.Warn)
		c.Targets = []schema.Actor{schema.NewActor(fmt.Sprintf("country %d", i%50), schema.KindCountry)}
		c.Date = day.Add(time.Duration(i) * time.Hour)
		if _, _, err := s.AddArticle(context.Background(), a, []schema.Claim{c}); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

func BenchmarkClaims(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		s := benchStore(b, backend)
		for _, f := range []Filter{
			{Speaker: "russia", Target: "country 7"},
			{Target: "country 7"},
			{Speaker: "russia", Limit: 20},
		} {
			b.Run(fmt.Sprintf("%s/%s+%s", backend, f.Speaker, f.Target), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Claims(context.Background(), f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkStats measures what /metrics costs a scrape (Stats) and
// /readyz a probe (Ping).
func BenchmarkStats(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		s := benchStore(b, backend)
		b.Run(backend+"/stats", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Stats(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(backend+"/ping", func(b *testing.B) {
			for b.Loop() {
				if err := s.Ping(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIndexedClaims compares Claims through the claim index with the
// plain path, on a bolt store of a generated corpus (CLAIMGRAPH_BENCH_CLAIMS
// claims, 10,000 unless set), for the busiest speaker, pair, event and
// outlet:
//
//	go test -run '^$' -bench IndexedClaims ./graph/
func BenchmarkIndexedClaims(b *testing.B) {
	n := benchClaims()
	docs := fixtures.Corpus(1, n)
	s := openBenchStore(b, docs, n)
	speaker := busiestActor(docs)
	pairs := map[string]int{}
	events := map[string]int{}
	outlets := map[string]int{}
	for _, d := range docs {
		outlets[d.Article.Outlet.IRI]++
		for _, c := range d.Claims {
			if c.Speaker.Actors[0].IRI == speaker.IRI && len(c.Targets) > 0 {
				pairs[c.Targets[0].IRI]++
			}
			if c.Event != nil {
				events[c.Event.IRI]++
			}
		}
	}
	top := func(m map[string]int) string {
		best := ""
		for k, v := range m {
			if v > m[best] || (v == m[best] && k < best) {
				best = k
			}
		}
		return best
	}
	plain := s.qs
	plain.cix = nil
	for _, f := range []struct {
		name string
		f    Filter
	}{
		{"speaker", Filter{Speaker: speaker.IRI, Limit: 50}},
		{"speaker+target", Filter{Speaker: speaker.IRI, Target: top(pairs), Limit: 50}},
		{"speaker-rollup", Filter{Speaker: speaker.IRI, Rollup: true, Limit: 20}},
		{"event", Filter{Event: top(events), Limit: 50}},
		{"outlet", Filter{Outlet: top(outlets), Limit: 50}},
	} {
		for _, path := range []struct {
			name string
			qs   quadStore
		}{{"indexed", s.qs}, {"plain", plain}} {
			b.Run(f.name+"/"+path.name, func(b *testing.B) {
				for b.Loop() {
					s.mu.RLock()
					_, err := newReader(path.qs).claims(context.Background(), f.f)
					s.mu.RUnlock()
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRelations times the relations of the busiest speaker and of the
// busiest target (CLAIMGRAPH_BENCH_CLAIMS claims, 10,000 unless set) from
// their cells, from their claims' records, and by the plain path:
//
//	go test -run '^$' -bench Relations ./graph/
func BenchmarkRelations(b *testing.B) {
	n := benchClaims()
	docs := fixtures.Corpus(1, n)
	s := openBenchStore(b, docs, n)
	targets := map[string]int{}
	for _, d := range docs {
		for _, c := range d.Claims {
			for _, t := range c.Targets {
				targets[t.IRI]++
			}
		}
	}
	target := ""
	for k, v := range targets {
		if v > targets[target] || (v == targets[target] && k < target) {
			target = k
		}
	}
	plain := s.qs
	plain.cix = nil
	type path func(r *reader, f Filter) (Relations, error)
	for _, f := range []struct {
		name string
		f    Filter
	}{{"speaker", Filter{Speaker: busiestActor(docs).IRI, Limit: 200}}, {"target", Filter{Target: target, Limit: 200}}} {
		for _, p := range []struct {
			name string
			qs   quadStore
			run  path
		}{
			{"cells", s.qs, func(r *reader, f Filter) (Relations, error) {
				out, _, err := r.sideRelations(context.Background(), f)
				return out, err
			}},
			{"records", s.qs, func(r *reader, f Filter) (Relations, error) {
				out, _, err := r.recordRelations(context.Background(), f)
				return out, err
			}},
			{"plain", plain, func(r *reader, f Filter) (Relations, error) { return r.relations(context.Background(), f) }},
		} {
			b.Run(f.name+"/"+p.name, func(b *testing.B) {
				for b.Loop() {
					s.mu.RLock()
					out, err := p.run(newReader(p.qs), f.f)
					s.mu.RUnlock()
					if err != nil || len(out.Relations) == 0 {
						b.Fatal(out.Total, err)
					}
				}
			})
		}
	}
}

// BenchmarkAddArticles loads a generated corpus (CLAIMGRAPH_BENCH_CLAIMS
// claims, 10,000 unless set) into a new store of each backend in bulk, and
// reports quads and claims per second:
//
//	go test -run '^$' -bench AddArticles -benchtime 1x ./graph/
func BenchmarkAddArticles(b *testing.B) {
	n := benchClaims()
	docs := fixtures.Corpus(1, n)
	bulk := make([]Doc, len(docs))
	for i, d := range docs {
		bulk[i] = Doc(d)
	}
	backends := []string{"bolt", "memstore"}
	if os.Getenv("CLAIMGRAPH_BENCH_PG") != "" {
		backends = append(backends, "postgres")
	}
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			var quads int64
			var took time.Duration
			for b.Loop() {
				b.StopTimer()
				address := filepath.Join(b.TempDir(), "bench.bolt")
				if backend == "postgres" {
					address = pgtest.New(b)
				}
				s := openAt(b, backend, address)
				b.StartTimer()
				start := time.Now()
				if _, err := s.AddArticles(context.Background(), bulk); err != nil {
					b.Fatal(err)
				}
				took += time.Since(start)
				b.StopTimer()
				st, err := s.Stats(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				quads += st.Quads
				b.StartTimer()
			}
			b.ReportMetric(float64(quads)/took.Seconds(), "quads/s")
			b.ReportMetric(float64(n*b.N)/took.Seconds(), "claims/s")
		})
	}
	// The floor: the same quads through Cayley's own writes, in the same
	// batches, without checks, text index or claim index (on PostgreSQL,
	// Cayley's own backend, one INSERT per row).
	var qq []quad.Quad
	for _, d := range bulk {
		bt := newBatch(d.Article.IRI)
		bt.article(d.Article)
		for _, c := range d.Claims {
			bt.claim(c)
		}
		qq = append(qq, bt.list...)
	}
	for _, backend := range backends {
		if backend == "memstore" {
			continue
		}
		b.Run(backend+"-cayley-only", func(b *testing.B) {
			var took time.Duration
			for b.Loop() {
				b.StopTimer()
				var qs cgraph.QuadStore = openAt(b, "bolt", filepath.Join(b.TempDir(), "bench.bolt")).qs.QuadStore
				if backend == "postgres" {
					address := pgtest.New(b)
					openAt(b, "postgres", address) // creates the tables
					var err error
					if qs, err = cgraph.NewQuadStore("postgres", address, nil); err != nil {
						b.Fatal(err)
					}
					defer qs.Close()
				}
				b.StartTimer()
				start := time.Now()
				for chunk := range slices.Chunk(qq, bulkQuads) {
					if err := qs.ApplyDeltas(adds(chunk), cgraph.IgnoreOpts{}); err != nil {
						b.Fatal(err)
					}
				}
				took += time.Since(start)
			}
			b.ReportMetric(float64(len(qq)*b.N)/took.Seconds(), "quads/s")
			b.ReportMetric(float64(n*b.N)/took.Seconds(), "claims/s")
		})
	}
}

func adds(qq []quad.Quad) []cgraph.Delta {
	out := make([]cgraph.Delta, len(qq))
	for i, q := range qq {
		out[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	return out
}

// BenchmarkOpenFirstQuery opens a bolt store of the generated corpus and
// answers one speaker+target query on its busiest pair, through the index
// and (after another open) through the plain path, and reports each in ms.
// It uses the query benchmark's store in the temporary directory when
// there is one (see api's BenchmarkQueries100k), else loads one:
//
//	CLAIMGRAPH_BENCH_CLAIMS=100000 go test -run '^$' -bench OpenFirstQuery -benchtime 5x ./graph/
func BenchmarkOpenFirstQuery(b *testing.B) {
	n := benchClaims()
	docs := fixtures.Corpus(1, n)
	path := benchStorePath(n)
	if _, err := os.Stat(path + ".done"); err != nil {
		path = filepath.Join(b.TempDir(), "bench.bolt")
		loadBenchStore(b, path, docs).Close()
	}
	speaker := busiestActor(docs)
	pairs := map[string]int{}
	for _, d := range docs {
		for _, c := range d.Claims {
			if c.Speaker.Actors[0].IRI == speaker.IRI && len(c.Targets) > 0 {
				pairs[c.Targets[0].IRI]++
			}
		}
	}
	var target string
	for t, k := range pairs {
		if k > pairs[target] || (k == pairs[target] && t < target) {
			target = t
		}
	}
	f := Filter{Speaker: speaker.IRI, Target: target, Limit: 50}
	var open, indexed, plain time.Duration
	for b.Loop() {
		for _, useIndex := range []bool{true, false} {
			start := time.Now()
			s, err := Open(context.Background(), "bolt", path)
			if err != nil {
				b.Fatal(err)
			}
			opened := time.Since(start)
			qs := s.qs
			if !useIndex {
				qs.cix = nil
			}
			if _, err := newReader(qs).claims(context.Background(), f); err != nil {
				b.Fatal(err)
			}
			if useIndex {
				open, indexed = open+opened, indexed+time.Since(start)
			} else {
				plain += time.Since(start)
			}
			s.Close()
		}
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(b.N) / float64(time.Millisecond) }
	b.ReportMetric(ms(open), "open-ms")
	b.ReportMetric(ms(indexed), "open+query-ms")
	b.ReportMetric(ms(plain), "open+plain-query-ms")
}

// benchStorePath is where api's query benchmark keeps its store of n
// generated claims (seed 1), a ".done" file beside it once loaded.
func benchStorePath(n int) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("claimgraph-bench-1-%d", n), "claims.bolt")
}

// openBenchStore opens the query benchmark's store of docs when there is
// one, else loads docs into a new one; it is closed when b ends.
func openBenchStore(b *testing.B, docs []fixtures.Doc, n int) *Store {
	path := benchStorePath(n)
	if _, err := os.Stat(path + ".done"); err != nil {
		path = filepath.Join(b.TempDir(), "bench.bolt")
		loadBenchStore(b, path, docs).Close()
	}
	return openAt(b, "bolt", path)
}

// loadBenchStore loads docs into a new bolt store at path.
func loadBenchStore(b *testing.B, path string, docs []fixtures.Doc) *Store {
	s, err := Open(context.Background(), "bolt", path)
	if err != nil {
		b.Fatal(err)
	}
	addDocs(b, s, docs)
	return s
}

// addDocs bulk-loads docs into s.
func addDocs(b *testing.B, s *Store, docs []fixtures.Doc) {
	bulk := make([]Doc, len(docs))
	for i, d := range docs {
		bulk[i] = Doc(d)
	}
	if _, err := s.AddArticles(context.Background(), bulk); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDeleteArticle deletes articles of a bolt store of n generated
// claims (CLAIMGRAPH_BENCH_CLAIMS, default 10,000), through the label
// index and, as the baseline, by reading every quad, in the same run; each
// article is added back, untimed, after its delete.
func BenchmarkDeleteArticle(b *testing.B) {
	n := benchClaims()
	ctx := context.Background()
	docs := fixtures.Corpus(1, n)
	s := loadBenchStore(b, filepath.Join(b.TempDir(), "delete.bolt"), docs)
	b.Cleanup(func() { s.Close() })
	labels := func(on bool) {
		err := s.qs.cix.kv.update(true, func(tx ixTx) error {
			if on {
				return tx.put(bCounts, labelsKey, []byte{1})
			}
			return tx.del(bCounts, labelsKey)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var indexed, scanned time.Duration
	i := 0
	for b.Loop() {
		for _, useIndex := range []bool{true, false} {
			d := docs[i%len(docs)]
			i++
			labels(useIndex)
			start := time.Now()
			if err := s.DeleteArticle(ctx, d.Article.IRI); err != nil {
				b.Fatal(err)
			}
			if useIndex {
				indexed += time.Since(start)
			} else {
				scanned += time.Since(start)
			}
			if _, _, err := s.AddArticle(ctx, d.Article, d.Claims); err != nil {
				b.Fatal(err)
			}
		}
	}
	labels(true)
	ms := func(d time.Duration) float64 { return float64(d) / float64(b.N) / float64(time.Millisecond) }
	b.ReportMetric(ms(indexed), "indexed-ms")
	b.ReportMetric(ms(scanned), "scan-ms")
	b.ReportMetric(float64(scanned)/float64(indexed), "scan/indexed")
}

// benchClaims is the size of the corpus a benchmark generates:
// CLAIMGRAPH_BENCH_CLAIMS claims, 10,000 unless set.
func benchClaims() int {
	if v, err := strconv.Atoi(os.Getenv("CLAIMGRAPH_BENCH_CLAIMS")); err == nil && v > 0 {
		return v
	}
	return 10_000
}
