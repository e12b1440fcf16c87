package api_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
)

// BenchmarkHTTPClaimsVsGin serves GET /v1/claims?speaker=armenia on the
// seed article through the real handler, and a bare Gin handler answering a
// fixed small JSON, both over real HTTP (httptest servers, keep-alive
// clients, b.RunParallel), in the same run. It reports the requests per
// second of each and ours as a share of bare Gin's (target: at least 0.5):
//
//	go test -run '^$' -bench HTTPClaimsVsGin -benchtime 5000x ./api/
func BenchmarkHTTPClaimsVsGin(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			store, err := graph.Open(context.Background(), backend, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer store.Close()
			h := api.New(store, api.Options{})
			body := mustJSON(b, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP"})
			if w := serve(h, "POST", "/v1/articles", body); w.Code != http.StatusCreated {
				b.Fatalf("seed: %d %s", w.Code, w.Body)
			}
			ours := httptest.NewServer(h)
			defer ours.Close()
			bare := httptest.NewServer(bareGin())
			defer bare.Close()
			ginRate := parallelRate(b, bare.URL+"/v1/claims?speaker=armenia")
			claims := parallelRate(b, ours.URL+"/v1/claims?speaker=armenia")
			b.ReportMetric(ginRate, "gin-req/s")
			b.ReportMetric(claims, "claims-req/s")
			b.ReportMetric(claims/ginRate, "claims/gin")
		})
	}
}

// bareGin is the floor: Gin with nothing but one route and a fixed answer.
func bareGin() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/v1/claims", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"claims": []string{}, "total": 0, "limit": 50, "offset": 0})
	})
	return r
}

// parallelRate sends b.N GETs to url from parallel clients and returns the
// requests answered per second; every answer must be a 200.
func parallelRate(b *testing.B, url string) float64 {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("GET %s: %s", url, resp.Status)
				return
			}
		}
	})
	return float64(b.N) / time.Since(start).Seconds()
}
