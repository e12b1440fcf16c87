package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// BenchmarkIngestSeed posts seed-sized articles (each made distinct) through
// the handler. "extract" is the baseline in the same run: extraction alone,
// so the ratio shows what storage and HTTP add.
func BenchmarkIngestSeed(b *testing.B) {
	b.Run("extract", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			extract.Claims(schema.NewArticle(fmt.Sprintf("%s\n\nUpdate %d.", fixtures.SeedArticle, i), ""))
		}
	})
	for _, backend := range []string{"memstore", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			store, err := graph.Open(context.Background(), backend, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer store.Close()
			h := api.New(store, api.Options{})
			for i := 0; b.Loop(); i++ {
				body := mustJSON(b, map[string]string{"text": fmt.Sprintf("%s\n\nUpdate %d.", fixtures.SeedArticle, i)})
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("POST", "/v1/articles", strings.NewReader(body)))
				if w.Code != http.StatusCreated {
					b.Fatalf("POST: %d %s", w.Code, w.Body)
				}
			}
		})
	}
}
