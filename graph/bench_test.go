package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

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
